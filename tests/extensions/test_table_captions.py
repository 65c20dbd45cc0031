"""practice_site.pages.table_captions: a paragraph marked ``{: .table-caption }`` directly above a table becomes
its ``<caption>``, as pages/module_page.py writes a table's caption. Markdown in, exact HTML out, with the
tables settings of mkdocs.yml."""

from __future__ import annotations

from support.markdown_cases import assert_renders

EXTENSIONS = ["attr_list", "tables", "admonition", "practice_site.pages.table_captions"]
CONFIGS = {"tables": {"use_align_attribute": True}}
TABLE = """\
| Sign | Where |
|:-----|------:|
| Unexplained gifts | Home |
"""
TABLE_HTML = """\
<thead>
<tr>
<th align="left">Sign</th>
<th align="right">Where</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left">Unexplained gifts</td>
<td align="right">Home</td>
</tr>
</tbody>
</table>"""


def indent(text: str, by: str = "    ") -> str:
    """``text`` indented one level, as Markdown nests it in a note or a list item."""
    return "".join(by + line if line.strip() else line for line in text.splitlines(keepends=True))


def test_a_marked_paragraph_above_a_table_is_its_caption_with_its_emphasis() -> None:
    assert_renders(
        "Table 1: Signs of *possible* exploitation\n{: .table-caption }\n\n" + TABLE,
        "<table>\n<caption>Table 1: Signs of <em>possible</em> exploitation</caption>\n" + TABLE_HTML,
        EXTENSIONS, CONFIGS)


def test_author_text_stays_text_and_a_citation_link_stays_a_link() -> None:
    """The module page writes a citation as an escaped HTML link (references/render_citations.py)."""
    assert_renders(
        'Table 2: Under 18 & "at risk": 5 < 6 '
        '(<a class="citation" href="#ref-smith-2020">Smith, 2020</a>)\n{: .table-caption }\n\n' + TABLE,
        '<table>\n<caption>Table 2: Under 18 &amp; "at risk": 5 &lt; 6 '
        '(<a class="citation" href="#ref-smith-2020">Smith, 2020</a>)</caption>\n' + TABLE_HTML,
        EXTENSIONS, CONFIGS)


def test_a_marked_paragraph_with_no_table_after_it_stays_a_paragraph() -> None:
    assert_renders(
        """
        Table 3: the table was removed
        {: .table-caption }

        A paragraph.
        """,
        """
        <p class="table-caption">Table 3: the table was removed</p>
        <p>A paragraph.</p>
        """,
        EXTENSIONS, CONFIGS)


def test_a_paragraph_above_a_table_that_is_not_marked_stays_a_paragraph() -> None:
    assert_renders("The signs:\n\n" + TABLE, "<p>The signs:</p>\n<table>\n" + TABLE_HTML, EXTENSIONS, CONFIGS)


def test_only_the_paragraph_directly_above_is_the_caption_and_each_table_has_its_own() -> None:
    assert_renders(
        "First\n{: .table-caption }\n\nSecond\n{: .table-caption }\n\n" + TABLE + "\nThird\n{: .table-caption }\n\n"
        + TABLE,
        '<p class="table-caption">First</p>\n<table>\n<caption>Second</caption>\n' + TABLE_HTML
        + "\n<table>\n<caption>Third</caption>\n" + TABLE_HTML,
        EXTENSIONS, CONFIGS)


def test_a_captioned_table_in_a_note_or_a_list_item_is_found() -> None:
    captioned = "Table 4: nested\n{: .table-caption }\n\n" + TABLE
    assert_renders(
        "!!! note\n\n" + indent(captioned) + "\n- An item\n\n" + indent(captioned),
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<table>\n<caption>Table 4: nested'
        "</caption>\n" + TABLE_HTML + "\n</div>\n<ul>\n<li>\n<p>An item</p>\n<table>\n<caption>Table 4: nested"
        "</caption>\n" + TABLE_HTML + "\n</li>\n</ul>",
        EXTENSIONS, CONFIGS)


def test_the_marked_paragraphs_other_classes_and_id_are_not_kept() -> None:
    """Only the caption's content moves; the module page marks a caption with the class alone."""
    assert_renders(
        "Table 5\n{: #table-5 .wide .table-caption }\n\n" + TABLE,
        "<table>\n<caption>Table 5</caption>\n" + TABLE_HTML,
        EXTENSIONS, CONFIGS)


def test_an_empty_page_is_empty() -> None:
    assert_renders("", "", EXTENSIONS, CONFIGS)
