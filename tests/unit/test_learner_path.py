"""A learner's path, driven in Chromium on a phone and a laptop: the first visit, a return visit,
completing a module, the CPD record as text and in print, keyboard reach, layout stability and
narrow screens. Seed modules are checked by name; nothing here counts modules.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

from practice_site.learning.module_catalogue import answer_minutes
from practice_site.learning.quiz_format import QuizFile, parse_quiz_file


def test_answering_time_is_reading_the_questions_and_deciding():
    """200 words a minute for the questions and options, and 30 seconds a question to decide."""
    option = "- [x] " + " ".join(["word"] * 47) + "\n    Because.\n- [ ] Other\n    Because not.\n"
    text = "".join(f"/// quiz | One two?\n    id: q{i}\n    section: summary\n\n{option}///\n\n" for i in range(4))
    quiz = parse_quiz_file(text, "a.md")
    assert answer_minutes(quiz) == 3  # 4 * (2 + 47 + 1) words = 200 words, 1 minute; 4 * 30 s = 2 minutes
    assert answer_minutes(QuizFile("b.md")) == 0
    assert answer_minutes(None) == 0
