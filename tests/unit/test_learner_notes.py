"""The content note, the safety line and the peer-reflection sentence, as every output takes them."""

from __future__ import annotations

import pytest
from markdown import Markdown

from practice_site.learning.learner_notes import (
    CONTENT_NOTE_LIMIT,
    DEFAULT_CONTENT_NOTE,
    PEER_REFLECTION_NOTE,
    SAFETY_LINE,
    content_note_markdown,
    content_note_problem,
)


def html(markdown: str) -> str:
    return Markdown(extensions=["md_in_html", "attr_list"]).convert(markdown)


def test_the_default_note_names_no_service_or_helpline() -> None:
    assert "child exploitation and abuse" in DEFAULT_CONTENT_NOTE and "breaks" in DEFAULT_CONTENT_NOTE
    assert "supervisor or manager" in DEFAULT_CONTENT_NOTE
    assert not any(word in DEFAULT_CONTENT_NOTE.lower() for word in ("helpline", "call", "http", "www", "0800"))


def test_the_note_is_shown_exactly_as_written_never_as_markup() -> None:
    page = html(content_note_markdown('Call *us* <script>alert("x")</script> [here](javascript:x) &amp;'))
    assert "<script>" not in page and "<em>" not in page and "<a " not in page
    assert "Call *us* &lt;script&gt;alert(\"x\")&lt;/script&gt; [here](javascript:x) &amp;amp;" in page
    assert page.startswith('<div class="content-note" data-search-exclude="" role="note">')
    assert "<strong>Content note:</strong>" in page


def test_lines_of_the_setting_are_one_paragraph() -> None:
    assert "Take breaks.\nTalk" not in html(content_note_markdown("Take breaks.\nTalk to us."))


@pytest.mark.parametrize("value, words", [
    ("", "it may not be empty"), ("   \n", "it may not be empty"), (None, "it may not be empty"),
    ("x" * (CONTENT_NOTE_LIMIT + 1), f"keep the note to {CONTENT_NOTE_LIMIT} characters"),
])
def test_an_empty_or_long_note_is_refused(value: object, words: str) -> None:
    assert words in (content_note_problem(value) or "")


def test_a_note_with_its_own_support_route_is_accepted() -> None:
    assert content_note_problem(DEFAULT_CONTENT_NOTE + " Our staff support line is open 9 to 5.") is None


def test_the_fixed_lines_say_what_the_issue_asks_and_claim_nothing_more() -> None:
    assert SAFETY_LINE == "Do not write names or details that could identify a child, family or colleague."
    assert "at least one piece of CPD each year that includes peer reflection" in PEER_REFLECTION_NOTE
    assert "not an official format" in PEER_REFLECTION_NOTE and "has not endorsed it" in PEER_REFLECTION_NOTE
