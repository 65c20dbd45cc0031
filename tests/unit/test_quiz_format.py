"""Quiz files are checked before anything is built: every mistake names its file and line.

This file: the parts that need no build and no browser (the rest are in tests/build/).
"""

from __future__ import annotations

import pytest
from support.quiz_format import GOOD

from practice_site.errors import SourceError
from practice_site.learning.quiz_format import check_ids_and_sections, parse_quiz_file


def test_a_good_file_reads():
    quiz = parse_quiz_file(GOOD, "docs/quizzes/principle-4.md")
    (question,) = quiz.questions
    assert (question.id, question.kind, question.section, question.line) == ("q-one", "single", "summary", 3)
    assert [(c.text, c.correct, c.feedback) for c in question.choices] == [
        ("Right answer", True, "Because the summary says so."),
        ("Wrong answer", False, "The summary says otherwise.")]
    assert [(r.id, r.text) for r in quiz.reflections] == [("r-one", "A reflective question?")]


@pytest.mark.parametrize("change, line, message", [
    (("- [x] Right", "- [ ] Right"), 3, "no option is marked correct"),
    (("- [ ] Wrong answer", "- [ ] "), 10, "this option has no text"),
    (("    The summary says otherwise.\n", ""), 10, "this option has no feedback"),
    (("    The summary says otherwise.", "    Not quite. The summary says otherwise."), 11,
     'the feedback starts with a verdict ("Not quite.")'),
    (("    Because the summary", "    Right: because the summary"), 9, 'the feedback starts with a verdict ("Right:")'),
    (("    Because the summary", "    correct, because the summary"), 9, "the feedback starts with a verdict"),
    (("    Because the summary", "    No - because the summary"), 9, "the feedback starts with a verdict"),
    (("- [ ] Wrong answer", "- [x] Wrong answer"), 3, 'a "single" question has more than one [x]'),
    (("    id: q-one\n", ""), 3, "give the block an id"),
    (("    id: q-one\n", "    id: 4-one\n"), 3, "give the block an id (a lower-case letter, then"),
    (("    section: summary\n", ""), 3, "add the section that answers it"),
    (("    type: single", "    type: several"), 3, 'unknown type "several"'),
    (("<!-- a comment -->", "Stray words"), 1, "text outside a quiz or reflection block"),
    (("    The summary says otherwise.\n///", "    The summary says otherwise."), 3, "this block is never closed"),
    (("///\n\n/// reflection", "///\n<!-- <b>hidden</b> -->\n/// reflection"), 13,
     "a comment between blocks hides what it holds"),
    (("<!-- a comment -->", "<!-- a comment\n/// quiz | Hidden?\n-->"), 2, "this block is inside a comment"),
])
def test_mistakes_are_reported_with_their_line(change, line, message):
    with pytest.raises(SourceError) as error:
        parse_quiz_file(GOOD.replace(*change), "docs/quizzes/principle-4.md")
    assert str(error.value).startswith(f"docs/quizzes/principle-4.md:{line}: {message}")


def test_feedback_may_start_with_words_that_are_not_a_verdict():
    text = GOOD.replace("    Because the summary", "    Rightly, because the summary").replace(
        "    The summary says otherwise.", "    No evidence in the summary says this.")
    assert parse_quiz_file(text, "a.md").questions[0].choices[1].feedback == "No evidence in the summary says this."


def test_duplicate_ids_and_unknown_sections():
    one = parse_quiz_file(GOOD, "a.md")
    two = parse_quiz_file(GOOD.replace("r-one", "r-two"), "b.md")
    with pytest.raises(SourceError, match=r'^b\.md:3: the id "q-one" is already used at a\.md:3'):
        check_ids_and_sections([one, two], {"a.md": {"summary"}, "b.md": {"summary"}})
    with pytest.raises(SourceError, match=r'^a\.md:3: the module has no section "#summary"'):
        check_ids_and_sections([one], {"a.md": {"why"}})
