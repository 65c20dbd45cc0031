"""Small parts of the plugin and the pages, alone: bare addresses, table captions, loose text forms, navigation."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc

from practice_site.mkdocs_plugin.nav import fill_section, fill_top_section, nav_entries
from practice_site.pages.published_links import redirect_page, toc_anchors
from practice_site.text_forms import ascii_letters, single_spaced, without_accents


def test_only_links_whose_text_is_their_address_are_marked() -> None:
    text = ("See <https://example.org/a?x=1&y=2>, [Example](https://example.org), [*https://e.org*](https://e.org), "
            "[http://a.b](http://a.b){: .doi } and <mailto:a@b.c>.")
    html = markdown.markdown(text, extensions=["attr_list", "practice_site.pages.bare_urls"])
    assert html.count("bare-url") == 1
    assert '<a class="bare-url" href="https://example.org/a?x=1&amp;y=2">https://example.org/a?x=1&amp;y=2</a>' in html
    assert '<a class="doi" href="http://a.b">http://a.b</a>' in html  # a link with its own class is left alone
    plain = markdown.markdown(text, extensions=["attr_list"])
    assert html.replace(' class="bare-url"', "") == plain  # nothing else changes



def test_only_a_marked_paragraph_directly_above_a_table_becomes_its_caption() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    extensions = ["attr_list", "tables", "practice_site.pages.table_captions"]
    html = markdown.markdown(f"*Table 1:* a &lt;b> caption\n{{: .table-caption }}\n\n{table}", extensions=extensions)
    assert html.startswith("<table>\n<caption><em>Table 1:</em> a &lt;b&gt; caption</caption>\n<thead>")
    assert "<p" not in html
    for text in (f"Table 1: not marked\n\n{table}", f"Marked\n{{: .table-caption }}\n\nA paragraph.\n\n{table}",
                 "Marked, at the end\n{: .table-caption }\n"):
        html = markdown.markdown(text, extensions=extensions)
        assert "<caption>" not in html and html.startswith("<p")

@pytest.mark.parametrize(("text", "spaced", "plain", "letters"), [
    ("  Slettebø  and\tØvrebø ", "Slettebø and Øvrebø", "  Slettebø  and\tØvrebø ", "  Slettebo  andOvrebo "),
    ("Émile D'Arcy", "Émile D'Arcy", "Emile D'Arcy", "Emile DArcy"),
    ("Łódź", "Łódź", "Łodz", "Lodz"),
    ("Ελένη", "Ελένη", "Ελενη", ""),
])
def test_text_forms(text: str, spaced: str, plain: str, letters: str) -> None:
    assert single_spaced(text) == spaced
    assert without_accents(text) == plain
    assert ascii_letters(text) == letters


def test_module_entries_fill_the_named_section_and_titles_are_escaped() -> None:
    nav = [{"Home": "index.md"}, {"Principles": []}, {"For trainers": ["t.md", {"Session plans": []}]}]
    filled = fill_top_section(nav, "Principles", nav_entries([("4. <b>Bold</b> & more", "principles/principle-4.md")]))
    assert filled[1] == {"Principles": [{"4. &lt;b&gt;Bold&lt;/b&gt; &amp; more": "principles/principle-4.md"}]}
    fill_section(nav, "Session plans", nav_entries([("A plan", "sessions/a.md")]))
    assert nav[2]["For trainers"][1] == {"Session plans": [{"A plan": "sessions/a.md"}]}


def test_a_nav_without_the_modules_section_says_how_to_add_it() -> None:
    with pytest.raises(PluginError, match=r'add "- Principles: \[\]" to nav'):
        fill_top_section([{"Home": "index.md"}], "Principles", [])


def test_published_anchors_are_the_page_toc_in_order() -> None:
    """Every heading MkDocs puts in page.toc, nested ones and those inside HTML blocks with markdown="1"."""
    text = ("# Title\n\n## A & b {#a-b}\n\n### Inner\n\n<section markdown=\"1\">\n"
            '<h3 id="in-html" markdown="span">[Module](m.md)</h3>\n<p>x</p>\n</section>\n\n'
            "<h2 id=\"raw\">Raw HTML, not a section</h2>\n\n###### Last\n")
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    md.convert(text)
    assert toc_anchors(get_toc(md.toc_tokens)) == ["title", "a-b", "inner", "in-html", "last"]
    assert toc_anchors(get_toc([])) == []


def test_a_redirect_page_keeps_its_title_and_address_as_text() -> None:
    page = redirect_page("../a b/page.html?x=1&y=</script>", 'Moved <b>"here"</b>')
    assert "<b>" not in page and "Moved &lt;b&gt;&#34;here&#34;&lt;/b&gt;" in page
    assert 'content="0; url=../a b/page.html?x=1&amp;y=&lt;/script&gt;"' in page
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    assert "</" not in script and "location.replace(" in script and "location.hash" in script
    assert page.count("Content-Security-Policy") == 1  # and its one inline script is allowed by hash


def test_only_headings_marked_to_have_none_lose_their_section_link() -> None:
    md = markdown.Markdown(extensions=["toc", "md_in_html", "practice_site.pages.heading_links"],
                           extension_configs={"toc": {"permalink": True}})
    html = md.convert('## A section\n\n<div markdown="1">\n<h3 id="m" data-no-section-link="" markdown="span">'
                      "[Module](m.md)</h3>\n</div>\n")
    assert '<h2 id="a-section">A section<a class="headerlink" href="#a-section"' in html
    assert '<h3 id="m"><a href="m.md">Module</a></h3>' in html, "no mark left, no section link"
    assert [t["id"] for t in md.toc_tokens[0]["children"]] == ["m"], "still a section of the page"
