"""Item-writing checks (quiz_check.py) and the stable shuffled order of options.

This file: the parts that need no build and no browser (the rest are in tests/build/).
"""

from __future__ import annotations

import re

from helpers import ROOT

from practice_site.learning.quiz_check import (
    allowed_share,
    check_quizzes,
    display_order,
    key_is_longest,
    question_findings,
)
from practice_site.learning.quiz_format import parse_quiz_file

GOOD = """
/// quiz | A parent tells you she feels blamed. What does the principle suggest?
    id: good
    type: single
    section: summary

- [ ] Explain the safeguarding procedure to her in detail first
    Procedure matters, but the principle starts with the relationship.
- [x] Listen, and treat her as a partner
    The principle asks professionals to approach parents and carers as partners.
- [ ] Keep her out of meetings until the risk has been assessed
    The principle asks for parents and carers to be involved wherever possible.
///
"""


POOR = """
/// quiz | Which of these is NOT a partner according to the principle?
    id: poor
    type: single
    section: summary

- [x] A parent or carer, as a partner in the response
    The principle says so.
- [ ] Blame
    It is not.
- [ ] All of the above
    It is not.
///

/// quiz | Which one is not listed?
    id: negative
    type: single
    section: summary

- [x] Alpha
    Because.
- [ ] Beta
    Because.
///
"""


def quiz(text: str, name: str = "docs/quizzes/principle-9.md"):
    return parse_quiz_file(text, name)


def test_a_well_written_question_has_no_findings():
    (question,) = quiz(GOOD).questions
    assert question_findings(question, "q.md") == []
    assert not key_is_longest(question)


def test_each_rule_names_the_file_and_line():
    poor = quiz(POOR)
    messages = [str(f) for f in check_quizzes([poor])]
    assert any(m.startswith("docs/quizzes/principle-9.md:11:") and "All of the above" in m for m in messages)
    assert any(m.startswith("docs/quizzes/principle-9.md:15:") and "worded negatively" in m for m in messages)
    assert not any(":2:" in m and "worded negatively" in m for m in messages), "NOT in capitals is emphasised"
    assert any(m.startswith("docs/quizzes/principle-9.md:7:") and 'repeats "partner"' in m for m in messages)
    assert any("the correct option is the longest in 2 of 2 questions" in m for m in messages)


def test_the_margin_is_one_standard_error_above_chance():
    assert round(allowed_share(1 / 3, 10) * 10, 2) == 4.82  # 4 of 10 allowed
    assert round(allowed_share(1 / 3, 20) * 20, 2) == 8.77  # 8 of 20 allowed


def test_options_are_shown_in_a_stable_shuffled_order():
    orders = {display_order(f"q{i}", 3)[0] for i in range(30)}
    assert orders == {0, 1, 2}, "the first option shown varies from question to question"
    assert display_order("p4-defined", 3) == display_order("p4-defined", 3)
    assert sorted(display_order("p4-defined", 4)) == [0, 1, 2, 3]


def test_the_seed_quizzes_meet_every_rule_and_half_are_scenarios():
    from practice_site.learning.quiz_report import main

    assert main() == 0
    for number in (4, 7):
        path = ROOT / "docs" / "quizzes" / f"principle-{number}.md"
        questions = parse_quiz_file(path.read_text(encoding="utf-8"), path.name).questions
        situations = [q for q in questions if re.match(r"^(A|An|At|You|Your|Parents)\b", q.text)]
        assert len(situations) * 2 >= len(questions), [q.text for q in situations]
