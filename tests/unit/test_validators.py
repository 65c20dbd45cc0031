"""Three outside checkers over the real built site: pa11y, the Nu HTML Checker and Lighthouse.

All three use what package-lock.json pins (node_modules) and Debian's Chromium and Java; none
downloads anything or lets a page reach the internet (Chromium's proxy is a closed local port).

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

from practice_site.pages.page_finish import PageScan, finish_page


def fix_theme_markup(page: str) -> str:
    """The page finished with its scripts allowed, and the policy taken out again: the toggles' repair alone."""
    scripts = frozenset(s for s in PageScan(page).scripts)
    head = page.index("<head>") + len("<head>") if "<head>" in page else None
    page = page if head else "<head></head>" + page
    finished = finish_page(page, scripts, "test")
    start = finished.index("\n<meta http-equiv")
    finished = finished[:start] + finished[finished.index(">", start) + 1:]
    return finished if head else finished.removeprefix("<head></head>")

MATERIAL_TOGGLES = (
    '<body dir="ltr">\n    \n    \n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
    'id="__drawer" autocomplete="off">\n    <input class="md-toggle" data-md-toggle="search" '
    'type="checkbox" id="__search" autocomplete="off">\n    <label class="md-overlay" for="__drawer"></label>'
)


def test_theme_markup_removes_autocomplete_from_the_toggles_only():
    page = (f"<!doctype html><html><head><script>var s = '<input class=\"md-toggle\" autocomplete=\"off\">'"
            f"</script></head>{MATERIAL_TOGGLES}"
            '<input type="text" class="md-search__input" name="q" autocomplete="off">'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked></body></html>')
    fixed = fix_theme_markup(page)
    assert ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">') in fixed
    # Untouched: a script's text, the search box (autocomplete is valid there), other toggles.
    assert "var s = '<input class=\"md-toggle\" autocomplete=\"off\">'" in fixed
    assert '<input type="text" class="md-search__input" name="q" autocomplete="off">' in fixed
    assert '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked>' in fixed
    assert fixed.replace('id="__drawer">', 'id="__drawer" autocomplete="off">').replace(
        'id="__search">', 'id="__search" autocomplete="off">') == page


def test_theme_markup_keeps_everything_else_byte_for_byte():
    page = "<!doctype html>\n<p title='a &amp; b'>caf\u00e9 &eacute;</p>\r\n<input type=checkbox class=x>"
    assert fix_theme_markup(page) == page
    assert fix_theme_markup(fix_theme_markup(MATERIAL_TOGGLES)) == fix_theme_markup(MATERIAL_TOGGLES)


def test_theme_markup_escapes_attribute_values_it_rewrites():
    page = '<input class="md-toggle" type="checkbox" id="a&quot;b" data-x=\'<&>\' autocomplete="off">'
    assert fix_theme_markup(page) == '<input class="md-toggle" type="checkbox" id="a&quot;b" data-x="&lt;&amp;&gt;">'
