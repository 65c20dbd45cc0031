"""Shared by the learning tests in unit/, build/ and browser/."""

from __future__ import annotations

from helpers import ROOT

from practice_site.learning.quiz_format import parse_quiz_file

QUIZZES = {4: ROOT / "docs" / "quizzes" / "principle-4.md", 7: ROOT / "docs" / "quizzes" / "principle-7.md"}

def quiz(number: int):
    path = QUIZZES[number]
    return parse_quiz_file(path.read_text(encoding="utf-8"), path.name)
