"""Where a misplaced learning block is, found in its page's own text (the Blocks API gives no line)."""

from __future__ import annotations

from practice_site.learning.block_placement import PageSource, misplaced

PAGE = """---
title: Example
---
# A page

/// quiz
    id: p4-other
///

!!! note
    //// quiz
        type: single
        id: p4-defined
    ////

/// session | A plan
- 10 | Welcome.
///
"""


def test_a_block_is_found_by_its_id_or_title_however_it_is_nested() -> None:
    page = PageSource("docs/example.md", PAGE)
    assert page.where("quiz", block_id="p4-defined") == "docs/example.md:11"
    assert page.where("quiz", block_id="p4-other") == "docs/example.md:6"
    assert page.where("session", argument="A plan") == "docs/example.md:16"
    assert page.where("reflection", block_id="p4-defined") == "docs/example.md", "not found: the page alone"
    assert page.where("session", argument="Another") == "docs/example.md"


def test_examples_in_code_comments_and_pre_are_not_the_block() -> None:
    examples = ("```text\n/// quiz\n    id: p4-defined\n///\n```\n\n<!--\n/// quiz\n    id: p4-defined\n-->\n\n"
                "<pre>\n/// quiz\n    id: p4-defined\n</pre>\n\n~~~~\n/// session | A plan\n~~~~\n\n")
    page = PageSource("docs/example.md", examples + PAGE)
    before = len(examples.splitlines())
    assert page.where("quiz", block_id="p4-defined") == f"docs/example.md:{before + 11}"
    assert page.where("session", argument="A plan") == f"docs/example.md:{before + 16}"


def test_the_message_says_where_the_block_is_and_where_it_goes() -> None:
    page = PageSource("docs/example.md", PAGE)
    assert misplaced(page, "quiz", block_id="p4-defined") == (
        "docs/example.md:11: a /// quiz block cannot go on this page; knowledge-check questions are written in the "
        "module's quiz file (docs/quizzes/principle-N.md), which the build puts at the end of the module")
    session = misplaced(page, "session", argument="A plan")
    assert session.startswith("docs/example.md:16: ") and session.endswith("pages of their own in docs/sessions/")
