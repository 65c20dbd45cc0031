"""Knowledge checks, reflections and My learning, driven in Chromium like a learner would.

This file: the parts that need no build and no browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import re

import pytest
from helpers import SOURCES
from support.learning import QUIZZES, quiz


@pytest.mark.parametrize("number", QUIZZES)
def test_each_module_has_enough_questions_of_both_kinds(number):
    questions = quiz(number).questions
    assert len(questions) >= 8
    assert {q.kind for q in questions} == {"single", "multiple"}
    assert all(c.feedback for q in questions for c in q.choices)
    assert 3 <= len(quiz(number).reflections) <= 5


@pytest.mark.parametrize("number", QUIZZES)
def test_quoted_feedback_is_the_principles_own_words(number):
    """Every "quotation" in a question's feedback appears word for word in the source."""
    source = " ".join((SOURCES / f"principle-0{number}.txt").read_text(encoding="utf-8").replace("’", "'").split())
    quoted = [q for question in quiz(number).questions for c in question.choices
              for q in re.findall(r'"([^"]+)"', c.feedback)]
    assert len(quoted) >= 5
    for quotation in quoted:
        for part in quotation.split(" ... "):
            assert part in source, part
