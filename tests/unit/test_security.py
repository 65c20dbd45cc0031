"""Untrusted text stays text, and every page carries a strict Content Security Policy.

Payloads (from the input they arrive through) must end as visible text or a FILE:LINE error, and
the rest of the page must be intact. Chromium must report no policy violation on the normal site,
online and opened from disk.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

import re
import zipfile
from html import unescape

import nh3
import pytest
from jinja2 import DictLoader, Environment
from support.security import PAYLOADS, live_markup

from practice_site.errors import SettingError, SourceError
from practice_site.input_files import check_tree
from practice_site.model.offline_copy import offline_download
from practice_site.pages.known_scripts import known_scripts, render, template_scripts
from practice_site.pages.page_finish import PageScan, finish_page, quick_scan, read_page
from practice_site.pages.sanitise import SETTINGS, TagCount, attribute_filter, clean_content, removal_problem
from practice_site.pages.site_address import check_site_url
from practice_site.safe_text import escape_stray_markup, markdown_text, neutralise_markup


@pytest.mark.parametrize("payload", PAYLOADS)
def test_source_markup_is_neutralised_then_sanitised(payload):
    import markdown

    html = clean_content(markdown.markdown(f"Text before {neutralise_markup(payload)} text after.",
                                           extensions=["attr_list"]))
    assert live_markup(html) == []
    assert "Text before" in html and "text after." in html


@pytest.mark.parametrize("payload", [*PAYLOADS, "~~not struck~~ a~b \\~ | *x* _y_ `z` &amp; #1"])
# MkDocs always adds tables; pymdownx.tilde would read "~~" as strikethrough.
@pytest.mark.parametrize("extensions", [["attr_list", "tables"], ["attr_list", "tables", "pymdownx.tilde"]])
def test_plain_text_shows_exactly_as_written(payload, extensions):
    import markdown

    html = markdown.markdown(markdown_text(payload), extensions=extensions)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == payload


def test_the_policy_allows_the_scripts_the_templates_write_for_the_page_and_no_other():
    env = Environment(loader=DictLoader({
        "base.html": '<script>var scope=new URL("{{ base_url }}",location)</script><script type="application/json">{}'
                     "</script>",
        "partials/javascripts/palette.html": "<script>paint()</script>",
        "partials/other.html": "<script>not_a_page_script()</script>",
    }))
    sources = template_scripts(env)
    assert sources == ('var scope=new URL("{{ base_url }}",location)', "paint()")
    allowed = known_scripts(env, sources, {"base_url": ".."})
    assert allowed == {'var scope=new URL("..",location)', "paint()"}
    page = '<head><script>var scope=new URL("..",location)</script></head><body><script>paint()</script>'
    assert "Content-Security-Policy" in finish_page(page, allowed, "page.html")
    injected = page + "<script>steal()</script><a href=' javascript:steal()'>x</a><img src=x onerror=steal()>"
    found = PageScan(injected)
    assert [s for s in found.scripts if s not in allowed] == ["steal()"] and len(found.live) == 2
    with pytest.raises(SettingError, match="page.html: the built page holds an inline script “steal"):
        finish_page(injected, allowed, "page.html")
    with pytest.raises(SettingError, match="page.html: the built page holds live markup <img onerror"):
        finish_page(page + "<img src=x onerror=steal()>", allowed, "page.html")


def test_stray_brackets_are_escaped_and_links_kept():
    assert escape_stray_markup("a [b] [c](https://e.org) [^1] x") == "a \\[b] [c](https://e.org) [^1] x"
    assert escape_stray_markup("[" * 5) == "\\[" * 5


@pytest.mark.parametrize(("text", "html"), [
    ("[the [2017] review](https://e.org/)", '<a href="https://e.org/">the [2017] review</a>'),
    ('[x](https://e.org/ "A title")', '<a href="https://e.org/" title="A title">x</a>'),
    ("a \\\\[b] c", "a \\[b] c"),  # an escaped backslash does not escape the bracket
    ("one ` and `` two", "one ` and `` two"),  # backticks outside code spans are text
])
def test_stray_markup_is_escaped_and_shown_the_same(text, html):
    import markdown

    assert html in markdown.markdown(escape_stray_markup(text))


def test_even_backslashes_leave_a_bracket_unescaped_so_it_is_escaped_again():
    assert escape_stray_markup("\\\\[") == "\\\\\\["
    assert escape_stray_markup("\\[") == "\\["


def test_links_to_folders_loops_and_pipes_are_refused(tmp_path):
    import os

    root = tmp_path / "project"
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "docs" / "sub" / "up").symlink_to("..")
    with pytest.raises(SourceError, match=r"^docs/sub/up:1: this is a link to a folder"):
        check_tree(root / "docs", root)
    (root / "docs" / "sub" / "up").unlink()
    (root / "docs" / "a.md").symlink_to("b.md")
    (root / "docs" / "b.md").symlink_to("a.md")
    with pytest.raises(SourceError, match=r"^docs/a\.md:1: .*to nothing"):
        check_tree(root / "docs", root)
    (root / "docs" / "a.md").unlink()
    (root / "docs" / "b.md").unlink()
    os.mkfifo(root / "docs" / "pipe.md")
    with pytest.raises(SourceError, match=r"^docs/pipe\.md:1: this is not a file or a folder"):
        check_tree(root / "docs", root)


def test_what_the_sanitiser_takes_out_is_said():
    html = '<p>A <img src="x.png" alt="a"> and <a href="javascript:x()">b</a>.</p>'
    problem = removal_problem(html, clean_content(html))
    assert problem and "<img>" in problem and 'href="..." on <a>' in problem
    fine = '<p>A <a href="https://e.org/">link</a>.</p>'
    assert removal_problem(fine, clean_content(fine)) is None


def test_a_link_out_of_the_project_or_a_bad_byte_is_refused_with_its_name(tmp_path):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("a secret", encoding="utf-8")
    (root / "docs" / "ok.md").write_text("# Fine\n", encoding="utf-8")
    check_tree(root / "docs", root)
    (root / "docs" / "leak.txt").symlink_to(secret)
    with pytest.raises(SourceError, match=r"^docs/leak\.txt:1: this is a link to a place outside its folder"):
        check_tree(root / "docs", root)
    (root / "docs" / "leak.txt").unlink()
    (root / "docs" / "bad.md").write_bytes(b"# Title\n\nfine\ncaf\xe9\n")
    with pytest.raises(SourceError, match=r"^docs/bad\.md:4: the file is not UTF-8"):
        check_tree(root / "docs", root)


def test_an_address_that_cannot_be_read_is_a_clean_problem():
    assert "cannot be read as an address" in check_site_url("https://[x.org/")


def test_only_the_projects_offline_copy_can_be_offered_for_download(tmp_path):
    """OFFLINE_ZIP names the file the site publishes in downloads/: never another file on the computer."""
    secret = tmp_path / "practice-principles-offline-1.0.zip"
    secret.write_text("a secret", encoding="utf-8")
    other = tmp_path / "keys.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("index.html", "<p>x</p>")
    for path in (secret, other, tmp_path / "missing.zip"):
        with pytest.raises(FileNotFoundError):
            offline_download(str(path), tmp_path)
    good = tmp_path / "practice-principles-offline-1.0.1.zip"
    with zipfile.ZipFile(good, "w") as archive:
        archive.writestr("practice-principles-offline-1.0.1/index.html", "<p>x</p>")
    assert offline_download(str(good), tmp_path).name == good.name
    with pytest.raises(FileNotFoundError, match="outside the project"):
        offline_download(str(good), tmp_path / "project")


TRICKY = [
    '<p>a</p><img src=x>', '<a href="x"onclick="y">z</a>', '<span title="&lt;img">x</span><img src=x>',
    '<p>ok <a href="https://e.org/">x</a></p>', '<a href="javascript:alert(1)">x</a>', "<!-- <b> --><p>x</p>",
    '<span title="<img src=x>">t</span>', "<p title='<b>'>x</p><b>y</b>", "<img/src=x onerror=y>",
    '<a href="https://e.org/" href="https://f.org/">x</a>', "<textarea><b>x</b></textarea>", "<p>x<p>y",
    '<table><tr><td>x</td></tr></table>', "<svg><script>alert(1)</script></svg>", "<p>a < b and c > d</p>",
    '<a HREF="https://e.org/" ONCLICK="x">y</a>', "<scr\x00ipt>x</script>", '<div data-x="<a onclick=y>">z</div>',
    "<p\xa0>hello</p>", '<p title="a\xa0b">x</p>',
    # Written otherwise by the sanitiser, nothing taken out; then something taken out beside such a tag.
    '<p>a<br />b</p><hr/><p title="a &amp; b" class=x>y</p>', '<p>a<br />b</p><img src=x><p title="&quot;">q</p>',
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_quick_removal_check_says_what_the_parser_says(html: str) -> None:
    """removal_problem counts with two patterns when it can and with the parser otherwise: the same answer."""
    cleaned = clean_content(html)
    before, after = TagCount(html).tags, TagCount(cleaned).tags
    by_parser = sorted(tag for tag in before if after[tag] < before[tag])
    problem = removal_problem(html, cleaned)
    assert (problem is None) == (not by_parser), (html, cleaned, problem)
    if by_parser:
        assert ", ".join(by_parser[:6]) in problem


def test_the_finisher_reads_around_the_sanitised_content_and_gives_the_same_page() -> None:
    content = '<h1 id="t">Title</h1><p>Text <a href="#t">link</a></p>'
    page = ('<html><head><title>x</title><script>boot()</script></head><body>'
            '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            f"<article>{content}</article><script>late()</script></body></html>")
    allowed = frozenset({"boot()", "late()"})
    whole, around = finish_page(page, allowed, "p.html"), finish_page(page, allowed, "p.html", content=content)
    assert whole == around and 'id="__drawer">' in around and content in around
    with pytest.raises(SettingError, match="p.html: the built page holds an inline script “late"):
        finish_page(page, frozenset({"boot()"}), "p.html", content=content)
    twice = page.replace("</body>", content + "</body>")  # the content more than once: the whole page is read
    assert finish_page(twice, allowed, "p.html", content=content) == finish_page(twice, allowed, "p.html")


PAGES = [
    '<html><head><script>boot("<b>")</script></head><body><p onclick="x()">a</p></body></html>',
    "<head><script>if (a<b) go()</script><style>p{}<b onmouseover=x></style></head><a href=' javascript:x'>y</a>",
    "<head></head><!-- <script>hidden()</script> --><script>shown()</script>",
    "<head><script src=a.js/><script>after()</script></head>",
    '<head><meta http-equiv="refresh" content="0;url=https://elsewhere.example/"></head>',
    "<head><script type=module>m()</script><script type=application/json id=__config>{\"search\": \"w.js\"}</script>",
    "<head><script>x()</ script ><script>y()</SCRIPT></head>",
    '<head><a href="java\tscript:x()">t</a><img src="data:text/html,x"><svg><a xlink:href="javascript:y">',
    "<head><a/href=x onclick=y>t</a><a href=x/>u</a><input class=md-toggle type=checkbox autocomplete=off>",
    '<head><p title="a\xa0b" onclick=x>t</p><div data-x="<script>z()</script>">q</div>',
    "<head><![CDATA[<script>c()</script>]]><?pi <script>p()</script>?><p ONCLICK=x>",
    '<head><input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off"/><p title="">x</p>',
    "<head><script>never closed",
    "<head><a href='x' onfocus='y' a==b>t</a><b =x>",
    # End tags and declarations end at their first ">", for the parser as for a browser (found in review).
    "<head></p <style>><script>evil()</script></style>",
    "<head></p <!-- ><script>evil()</script> -->",
    "<head><!x <style>><img src=x onerror=alert(1)></style>",
    '<!DOCTYPE html <!-- ><head><a href="javascript:alert(1)">x</a> -->',
    '<head></b <style>><meta http-equiv="refresh" content="0;url=https://evil.example/"></style>',
    "<head></>x<script>a()</script></ 3><p onclick=x><!>y<script>b()</script>",
    # Text and end tags are passed over in one stretch, but never past a "<" inside an end tag.
    "<head></p<script>evil()</script><p>a < b and c<d</p><\u00e9>x<1>y</a\n class=x><p onmouseover=z>",
    "<head><p>x</p></div></div>\n\n</li><script>after()</script></body></html></",
]


@pytest.mark.parametrize("html", PAGES)
def test_the_quick_reading_of_a_page_finds_what_the_parser_finds_or_leaves_it_to_the_parser(html: str) -> None:
    """The finisher reads a page with patterns when every tag is well formed: what it finds (scripts, live
    markup, the head, the theme's configuration, the toggles) is what html.parser finds, or it gives up."""
    quick, parsed = PageScan(html, parse=False), PageScan(html)
    if quick_scan(quick):
        assert (quick.scripts, quick.live, quick.head_end, quick.config_span, quick.edits) == \
               (parsed.scripts, parsed.live, parsed.head_end, parsed.config_span, parsed.edits)
    found = read_page(html)
    assert (found.scripts, found.live, found.head_end, found.edits) == \
           (parsed.scripts, parsed.live, parsed.head_end, parsed.edits)


@pytest.mark.parametrize("source", ['document.documentElement.classList.add("js")', "var a = 1;\nvar b = a < 2",
                                    "x()\n", "y()\r\nz()", 'var s = "{{ base_url }}"', "{# note #}w()"])
def test_a_script_with_no_jinja_is_known_as_jinja_would_render_it(source: str) -> None:
    env = Environment()
    assert render(env, source, {"base_url": ".."}) == env.from_string(source).render(base_url="..")


FILTERED_ATTRIBUTES = [
    '<p id="__config">x</p>', '<p ID="&#95;_config">x</p>', '<div id="moved-anchors">y</div>',
    '<span DATA-MD-X="1" data-ok="2">z</span>', '<p id="learning-modules" class="a">q</p>',
    '<p title=\'id="__x"\'>t</p>', '<p>id="__x" in the text</p>', '<p id=" __x">a</p>', '<p id="x__">a</p>',
    '<a href="#x" data-md-color="red">l</a>', '<p id="moved-anchorsX">m</p>', '<h2 id="summary">Summary</h2>',
]


@pytest.mark.parametrize("html", FILTERED_ATTRIBUTES)
def test_the_sanitiser_gives_what_its_attribute_filter_gives_whether_or_not_it_runs_it(html: str) -> None:
    """clean_content runs the filter (Python, called for every attribute) only where its output shows something
    the filter takes out: the result is the filter's, always."""
    assert clean_content(html) == nh3.clean(html, **SETTINGS, attribute_filter=attribute_filter)
