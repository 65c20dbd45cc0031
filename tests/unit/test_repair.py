"""Each debris repair on its own, with the cases the real sources contain."""

import pytest

from practice_site.sources import repair


def test_footer_is_everything_after_the_last_rule():
    body, footer = repair.split_footer(["text", "---", "middle", "---", "Footer line", "@handle"])
    assert body == ["text", "---", "middle"]
    assert footer == ["Footer line", "@handle"]


def test_no_rule_means_no_footer():
    assert repair.split_footer(["a", "b"]) == (["a", "b"], [])


def test_heading_text_strips_bold_and_marks():
    assert repair.heading_text("### **Why is this a Practice Principle?**") == (
        3, "Why is this a Practice Principle?")
    assert repair.heading_text("## Summary ##") == (2, "Summary")
    assert repair.heading_text("###") == (3, "")
    assert repair.heading_text("Not a heading") is None


def test_ellipsis_in_title_is_closed_up():
    assert repair.join_ellipsis("harm must... be strengths-based") == "harm must be strengths-based"
    assert repair.join_ellipsis("harm must\u2026 approach parents") == "harm must approach parents"


def test_cut_paragraph_detection():
    assert repair.is_cut_paragraph("between professionals,", "children, young people")
    assert repair.is_cut_paragraph("This means not", "blaming them and denying")
    assert not repair.is_cut_paragraph("a full sentence.", "lower-case start")
    assert not repair.is_cut_paragraph("ends with a colon:", "lower")
    assert not repair.is_cut_paragraph("no punctuation", "Capital start")


def test_list_markers():
    assert repair.is_list_item("- Coffey, A. (2014).")
    assert repair.strip_list_marker("- Coffey, A. (2014).") == "Coffey, A. (2014)."
    assert not repair.is_list_item("-1 is a number")


def test_doubled_escape_is_undone():
    assert repair.unescape(r"uob\\_syrc\\_learning") == r"uob\_syrc\_learning"
    assert repair.unescape(r"plain\_text") == r"plain\_text"


def test_note_marker_becomes_markdown_footnote():
    assert repair.footnote_markers("Care<sup>1</sup> (Sebba") == "Care[^1] (Sebba"


def test_link_to_nowhere_keeps_its_words():
    text, dropped = repair.drop_dead_links("[TCE's Joining the Dots framework](#) (TCE, 2022)")
    assert text == "TCE's Joining the Dots framework (TCE, 2022)"
    assert dropped == ["TCE's Joining the Dots framework"]


def test_reference_entries_compare_without_markers():
    assert repair.normalise_entry("- Maxwell, N.  (2022).") == repair.normalise_entry("Maxwell, N. (2022).")


@pytest.mark.parametrize("line, expected", [
    ("## Title", (2, "Title")),
    ("### **Summary**", (3, "Summary")),
    ("## Title ##", (2, "Title")),
    ("# C# in practice", (1, "C# in practice")),
    ("#### Why PACE matters", (4, "Why PACE matters")),
    ("#hashtag", None),
    ("####### seven", None),
])
def test_heading_lines(line, expected):
    assert repair.heading_text(line) == expected


def test_a_hostile_heading_line_is_read_in_one_pass():
    """A 200 KB run of spaces once made the heading pattern backtrack for minutes."""
    assert repair.heading_text("## " + " " * 200_000 + "Title ##") == (2, "Title")
