"""Shared by the learning tests in unit/, build/ and browser/."""

from __future__ import annotations

from helpers import ROOT, answer_key

from practice_site.learning.quiz_format import parse_quiz_file

QUIZZES = {4: ROOT / "docs" / "quizzes" / "principle-4.md", 7: ROOT / "docs" / "quizzes" / "principle-7.md"}

def quiz(number: int):
    path = QUIZZES[number]
    return parse_quiz_file(path.read_text(encoding="utf-8"), path.name)


PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}


def answer_all(page, number: int) -> None:
    """Answer every question of a module correctly, as a learner would (tap, then "Check answer")."""
    for qid, values in answer_key(number).items():
        for value in values:
            page.locator(f"#{qid}-{value}").check()
        page.locator(f"#question-{qid} .quiz-check").click()
