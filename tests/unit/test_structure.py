"""A principle never seen before keeps its structure: lists, headings, block quotes and tables.

Each case is parsed, rendered to the module's Markdown and, where the page's shape matters, put
through Python-Markdown with the site's extensions.
"""

from __future__ import annotations

import re

import markdown
import pytest
from support.structure import EXTENSIONS, html, page, parse

from practice_site.pages.module_page import LIST_BREAK, render_principle
from practice_site.sources.model import BulletList, Heading, ListItem, Paragraph, Quote, Table, block_paragraphs
from practice_site.sources.parse_principle import body_paragraphs


def shape(block: BulletList) -> list:
    """A list as nested Python lists: [("1.", text, [sub...]), ...]."""
    out = []
    for number, item in enumerate(block.items, start=block.start):
        sub = shape(item.sublist) if isinstance(item, ListItem) and item.sublist else []
        out.append((f"{number}." if block.ordered else "-", item.text, sub))
    return out


def blocks(body: str) -> list:
    return parse(body).summary.blocks[1:]


# Lists


def test_a_numbered_list_is_an_ordered_list_not_a_paragraph():
    [block] = blocks("1. Copy the project.\n2. Add the principle.\n3. Build the site.\n")
    assert shape(block) == [("1.", "Copy the project.", []), ("2.", "Add the principle.", []),
                            ("3.", "Build the site.", [])]
    assert "1. Copy the project.\n2. Add the principle.\n3. Build the site." in page(parse(
        "1. Copy the project.\n2. Add the principle.\n3. Build the site.\n"))
    assert len(re.findall("<li>", html(parse("1. a\n2. b\n3. c\n")))) == 3


def test_parenthesis_markers_and_the_start_number_are_kept():
    [block] = blocks("3) Third\n4) Fourth\n")
    assert block.ordered and block.start == 3
    assert "3. Third\n4. Fourth" in page(parse("3) Third\n4) Fourth\n"))


def test_a_list_straight_after_its_lead_in_line_is_a_list():
    lead, block = blocks("Steps a test follows:\n1. Copy.\n2. Build.\n")
    assert lead.text == "Steps a test follows:"
    assert shape(block) == [("1.", "Copy.", []), ("2.", "Build.", [])]


@pytest.mark.parametrize("body", [
    "- a\n  - b\n    - c\n- d\n",          # two spaces a level
    "- a\n    - b\n        - c\n- d\n",    # four spaces a level
    "- a\n\t- b\n\t\t- c\n- d\n",          # tabs
])
def test_indented_items_nest(body):
    [block] = blocks(body)
    assert shape(block) == [("-", "a", [("-", "b", [("-", "c", [])])]), ("-", "d", [])]


def test_a_different_marker_indented_by_one_space_nests():
    [block] = blocks("1. First\n - a bullet under it\n2. Second\n")
    assert shape(block) == [("1.", "First", [("-", "a bullet under it", [])]), ("2.", "Second", [])]
    [block] = blocks("- Item\n 1. numbered under it\n")
    assert shape(block) == [("-", "Item", [("1.", "numbered under it", [])])]
    [block] = blocks("\u2022 Item\n \u25e6 sub-bullet\n \u25e6 another\n\u2022 Next\n")
    assert shape(block) == [("-", "Item", [("-", "sub-bullet", []), ("-", "another", [])]), ("-", "Next", [])]


def test_numbered_items_nested_in_bullets_and_back():
    [block] = blocks("1. one\n2. two\n   - two a\n     continued\n   - two b\n      1. deeper\n3. three\n")
    assert shape(block) == [
        ("1.", "one", []),
        ("2.", "two", [("-", "two a continued", []), ("-", "two b", [("1.", "deeper", [])])]),
        ("3.", "three", []),
    ]
    rendered = html(parse("1. one\n2. two\n   - two a\n   - two b\n3. three\n"))
    assert re.search(r"<ol>\s*<li>one</li>\s*<li>two<ul>\s*<li>two a</li>\s*<li>two b</li>\s*</ul>\s*</li>"
                     r"\s*<li>three</li>\s*</ol>", rendered)


def test_an_item_between_two_indents_loses_nothing():
    [block] = blocks("- x\n    - y\n  - z\n    - w\n")
    assert shape(block) == [("-", "x", [("-", "y", []), ("-", "z", [("-", "w", [])])])]


def test_bullets_then_numbers_are_two_lists_on_the_page():
    first, second = blocks("- a\n- b\n1. c\n2. d\n")
    assert shape(first) == [("-", "a", []), ("-", "b", [])]
    assert shape(second) == [("1.", "c", []), ("2.", "d", [])]
    markdown_page = page(parse("- a\n- b\n1. c\n2. d\n"))
    assert f"- b\n\n{LIST_BREAK}\n\n1. c" in markdown_page
    assert re.search(r"<ul>\s*<li>a</li>\s*<li>b</li>\s*</ul>.*<ol>\s*<li>c</li>", html(parse("- a\n- b\n1. c\n")),
                     re.DOTALL)


def test_two_numbered_lists_stay_two_lists():
    first, second = blocks("1. a\n2. b\n\n1. c\n2. d\n")
    assert [shape(first), shape(second)] == [[("1.", "a", []), ("2.", "b", [])], [("1.", "c", []), ("2.", "d", [])]]
    assert len(re.findall("<ol>", html(parse("1. a\n2. b\n\n1. c\n2. d\n")))) == 2


def test_a_list_continued_after_a_page_break_is_joined():
    principle = parse("- a\n- b\n\n\n- c\n\n1. one\n\n2. two\n\n3. three\n\n- x\n  - y\n\n  - z\n")
    bullets, numbers, nested = principle.summary.blocks[1:]
    assert shape(bullets) == [("-", "a", []), ("-", "b", []), ("-", "c", [])]
    assert shape(numbers) == [("1.", "one", []), ("2.", "two", []), ("3.", "three", [])]
    assert shape(nested) == [("-", "x", [("-", "y", []), ("-", "z", [])])]
    assert list(principle.repairs) == [
        f"sources/x.txt:{n}: list continues the list above; joined" for n in (11, 15, 17, 22)]


def test_bullet_characters_are_made_dashes():
    principle = parse("\u2022 one\n\u2022 two\n\u2013 three\n")
    assert "- one\n- two\n- three" in page(principle)


def test_a_long_list_item_keeps_every_line():
    lines = [f"line {n}" for n in range(3000)]
    [block] = blocks("- start\n" + "\n".join(lines) + "\n")
    assert block.items[0].text == "start " + " ".join(lines)


# Headings


def test_the_title_is_the_only_h1():
    rendered = html(parse("## Second\n\nText.\n"))
    assert rendered.count("<h1") == 1 and "Practice Principle 9: Responses" in rendered


def test_the_summary_level_sets_the_main_sections():
    principle = parse("## Shallower is main\n\nText.\n\n#### Sub\n\nText.\n\n##### Sub-sub\n\nText.\n\n"
                      "###### Deepest\n\nText.\n\n### Same level is main\n\nText.\n")
    assert [s.heading for s in principle.sections] == ["Summary", "Shallower is main", "Same level is main"]
    subs = [(b.text, b.level) for b in principle.sections[1].blocks if isinstance(b, Heading)]
    assert subs == [("Sub", 3), ("Sub-sub", 4), ("Deepest", 4)]


def test_a_sub_heading_never_skips_a_level():
    principle = parse("##### Two deeper, first under its section\n\nText.\n\n#### One deeper\n\nText.\n\n"
                      "##### Two deeper\n\nText.\n")
    subs = [(b.text, b.level) for b in principle.summary.blocks if isinstance(b, Heading)]
    assert subs == [("Two deeper, first under its section", 3), ("One deeper", 3), ("Two deeper", 4)]


def test_summary_at_level_two_makes_level_three_sub_headings():
    principle = parse("### Sub\n\nText.\n\n#### Sub-sub\n\nText.\n",
                      head="# 9. A principle must... be tested\n\n## **Summary**\n\nA summary.\n\n")
    assert [(b.text, b.level) for b in principle.summary.blocks if isinstance(b, Heading)] == [
        ("Sub", 3), ("Sub-sub", 4)]


def test_sub_headings_keep_their_capitals_and_get_stable_unique_anchors():
    principle = parse("#### **Why PACE matters**\n\nText.\n\n### Second\n\n#### Why PACE matters\n\nText.\n")
    first = principle.summary.blocks[1]
    second = principle.sections[1].blocks[0]
    assert (first.text, first.anchor) == ("Why PACE matters", "why-pace-matters")
    assert (second.text, second.anchor) == ("Why PACE matters", "why-pace-matters-2")
    assert "### Why PACE matters {#why-pace-matters}" in page(principle)
    assert '<h3 id="why-pace-matters">Why PACE matters</h3>' in html(principle)


def test_a_sub_heading_ends_a_note():
    principle = parse("Text with a note<sup>1</sup>.\n\n<sup>1</sup> The note.\n\n#### After the note\n\n"
                      "Section text again.\n")
    assert [type(b) for b in principle.footnotes[0].blocks] == [Paragraph]
    assert [b.text for b in principle.summary.blocks[-2:] if isinstance(b, Paragraph | Heading)] == [
        "After the note", "Section text again."]


# Block quotes and tables


def test_block_quotes_keep_their_paragraphs_lists_and_inner_quotes():
    principle = parse("> First paragraph\n> continues.\n>\n> - a point\n> - another\n>\n>> inner quote\n")
    [quote] = principle.summary.blocks[1:]
    assert isinstance(quote, Quote)
    first, points, inner = quote.blocks
    assert first.text == "First paragraph continues." and first.line == 7
    assert shape(points) == [("-", "a point", []), ("-", "another", [])]
    assert isinstance(inner, Quote) and inner.blocks[0].text == "inner quote"
    assert re.search(r"<blockquote>\s*<p>First paragraph continues.</p>\s*<ul>\s*<li>a point</li>.*"
                     r"<blockquote>\s*<p>inner quote</p>\s*</blockquote>\s*</blockquote>", html(principle), re.DOTALL)


def test_a_heading_inside_a_block_quote_keeps_its_words():
    [quote] = blocks("> ## Quoted heading\n> quoted text\n")
    assert [b.text for b in quote.blocks] == ["Quoted heading", "quoted text"]


def test_tables_are_kept_with_their_alignment():
    principle = parse("| Who | What |\n|:---|---:|\n| Ruch | Relationships |\n| `a|b` | code \\| pipe |\n")
    [table] = principle.summary.blocks[1:]
    assert isinstance(table, Table)
    assert [c.text for c in table.header] == ["Who", "What"]
    assert [[c.text for c in row] for row in table.rows] == [["Ruch", "Relationships"], ["`a|b`", "code \\| pipe"]]
    assert table.rule == "|:---|---:|"
    rendered = html(principle)
    assert "<th" in rendered and "<td" in rendered and "<code>a|b</code>" in rendered


def test_a_row_wider_than_the_header_loses_no_cell():
    [table] = blocks("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")
    assert [c.text for c in table.header] == ["a", "b", ""]
    assert "<td>3</td>" in html(parse("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n"))


def test_pipes_without_a_rule_are_a_paragraph():
    [block] = blocks("| not | a table |\n| just | text |\n")
    assert isinstance(block, Paragraph)



# A "Table 1: ..." line directly above a table is its caption

TABLE = "| Who | Role |\n|---|---|\n| Chair | Leads |\n"


def captioned_html(principle) -> str:
    return markdown.markdown(page(principle), extensions=[*EXTENSIONS, "practice_site.pages.table_captions"])


@pytest.mark.parametrize("written", [
    "Table 1: Who attends the meeting", "Table 2. Who attends", "Table 3 \u2013 Who attends", "Table 4\u2014Roles",
    "Table 2.1: Roles", "Table 3a: Roles", "**Table 1: Who attends the meeting**", "**Table 4:** Who attends",
    "TABLE 5 - Who attends",
])
def test_a_caption_line_directly_above_a_table_becomes_its_caption(written):
    [table] = blocks(f"{written}\n\n{TABLE}")
    assert isinstance(table, Table)
    assert (table.caption, table.caption_line) == (written, 7)
    assert [c.text for c in table.header] == ["Who", "Role"]


def test_a_caption_cut_by_a_page_break_is_joined_then_made_the_caption():
    [table] = blocks(f"Table 1: Who attends\n\nthe meeting\n\n{TABLE}")
    assert (table.caption, table.caption_line) == ("Table 1: Who attends the meeting", 7)


@pytest.mark.parametrize("body", [
    f"Table 1: Who attends\n\nSee the roles below.\n\n{TABLE}",  # another paragraph between them
    f"Table 1: Who attends\n\n#### Roles\n\n{TABLE}",            # a heading between them
    "Table 1: Who attends\n\nText after it.\n",                    # no table after it
    "Table 1: Who attends\n",                                       # the end of the section
    f"Table 1 shows who attends.\n\n{TABLE}",                       # not the shape of a caption
    f"Tables: who attends\n\n{TABLE}",
    f"- Table 1: a list item\n\n{TABLE}",
])
def test_a_paragraph_that_is_not_a_caption_directly_above_a_table_stays_a_paragraph(body):
    found = blocks(body)
    assert not any(isinstance(b, Table) and b.caption for b in found)
    texts = [p.text for b in found for p in block_paragraphs(b)]
    assert texts[0] == body.split("\n")[0].removeprefix("- ").removeprefix("#### ")
    assert "<caption>" not in captioned_html(parse(body))


def test_a_caption_is_the_tables_first_text_and_shows_as_text_inside_the_table():
    principle = parse(f"**Table 1: Who <b>attends</b> (Ruch, 2020)**\n\n{TABLE}\n> Table 2. Quoted\n>\n"
                      "> | a | b |\n> |---|---|\n")
    found = [(p.text, p.line) for p in body_paragraphs(principle)]
    assert found[1:5] == [("**Table 1: Who &lt;b>attends&lt;/b> (Ruch, 2020)**", 7), ("Who", 9), ("Role", 9),
                          ("Chair", 11)]
    assert ("Table 2. Quoted", 13) in found
    calls: list[tuple[str, int]] = []

    def cite(text: str, line: int) -> str:
        calls.append((text, line))
        return text.replace("(Ruch, 2020)", '(<a class="citation" href="#ref-ruch2020">Ruch, 2020</a>)')

    render_principle(principle, set(), cite)
    assert calls == found
    rendered = markdown.markdown(render_principle(principle, set(), cite),
                                 extensions=[*EXTENSIONS, "practice_site.pages.table_captions"])
    assert re.search(r'<table>\s*<caption><strong>Table 1: Who &lt;b&gt;attends&lt;/b&gt; \(<a class="citation" '
                     r'href="#ref-ruch2020">Ruch, 2020</a>\)</strong></caption>\s*<thead>', rendered)
    assert re.search(r"<blockquote>\s*<table>\s*<caption>Table 2. Quoted</caption>", rendered)
    assert "<b>" not in rendered and "table-caption" not in rendered
    assert rendered.count("Who &lt;b&gt;attends") == 1, "the caption is not also left as a paragraph"


# Text that Markdown would read as another block stays text


@pytest.mark.parametrize("written", [
    "#hashtag starts this paragraph.", "+ plus sign", "2019. was the year", "!!! note", "/// quiz | injected",
    "[1]: not a link definition", "***", "> not a quote",
])
def test_a_paragraph_that_looks_like_markup_stays_a_paragraph(written):
    body = f"- {written}\n" if written.startswith(">") else f"{written}\n"
    rendered = html(parse(body))
    shown = re.sub(r"<[^>]+>", "", rendered).replace("&gt;", ">").replace("&#47;", "/").replace("&quot;", '"')
    assert written in shown
    for tag in ("<h1 id=\"hashtag", "<ol>", "<blockquote>", "<hr", "admonition"):
        assert tag not in rendered


@pytest.mark.parametrize("written", ["#1 priority", "1. numbered inside", "> quoted inside", "- dash inside"])
def test_a_list_item_that_looks_like_markup_stays_one_item(written):
    principle = parse(f"- {written}\n- second\n")
    [block] = principle.summary.blocks[1:]
    assert [i.text for i in block.items] == [written, "second"]
    rendered = html(principle)
    assert rendered.count("<li>") == 2 and "<h1 id=\"1" not in rendered and "<blockquote>" not in rendered


# Every piece of text reaches the citation linker with its line


def test_body_paragraphs_and_render_see_the_same_text_and_lines():
    principle = parse(
        "#### Sub-heading (Ruch, 2020)\n\nParagraph.\n\n1. item\n   - nested\n\n> quoted\n>\n> - quoted item\n\n"
        "| h1 | h2 |\n|---|---|\n| c1 | c2 |\n\nNoted<sup>1</sup>.\n\n<sup>1</sup> The note.\n"
    )
    found = [(p.text, p.line) for p in body_paragraphs(principle)]
    assert found == [
        ("A summary.", 5), ("Sub-heading (Ruch, 2020)", 7), ("Paragraph.", 9), ("item", 11), ("nested", 12),
        ("quoted", 14), ("quoted item", 16), ("h1", 18), ("h2", 18), ("c1", 20), ("c2", 20), ("Noted[^1].", 22),
        ("The note.", 24),
    ]
    calls: list[tuple[str, int]] = []

    def cite(text: str, line: int) -> str:
        calls.append((text, line))
        return text

    render_principle(principle, set(), cite)
    assert calls == found
