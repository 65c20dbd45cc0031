"""Report the item-writing checks on every knowledge check (``make quiz-report``).

Per module and overall: how many questions, how many have the correct option as the longest, where
the correct option is shown, and every finding with its file and line. Exits 1 when there is a
finding, as the strict build does.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.learning.module_learning import load_quizzes
from practice_site.learning.quiz_check import (
    allowed_share,
    chance_of_one,
    check_quizzes,
    display_order,
    length_rank,
)
from practice_site.learning.quiz_format import Question
from practice_site.sources.load_principles import load_principles


def figures(name: str, questions: Sequence[Question]) -> str:
    """One line of figures for a set of questions."""
    ranks = Counter(length_rank(q) for q in questions)
    positions = Counter(display_order(q.id, len(q.choices)).index(i) + 1
                        for q in questions if q.kind == "single" for i, c in enumerate(q.choices) if c.correct)
    allowed = allowed_share(chance_of_one(questions), len(questions)) * len(questions)
    shown = ", ".join(f"{position}: {count}" for position, count in sorted(positions.items()))
    return (f"{name}: {len(questions)} questions; correct option longest in {ranks['the longest']}, shortest in "
            f"{ranks['the shortest']}, in between in {ranks['neither the longest nor the shortest']} "
            f"(at most {int(allowed)} each); single-answer keys shown in position {shown or '-'}")


def main() -> int:
    root = Path.cwd()
    try:
        principles = load_principles(root / "sources", root)
        quizzes = load_quizzes(root / "docs" / "quizzes", root, principles)
    except SourceError as error:
        print(f"make quiz-report: {error}", file=sys.stderr)
        return 1
    for number, quiz in sorted(quizzes.items()):
        print(figures(f"Principle {number} ({quiz.path})", quiz.questions))
    everything = [q for quiz in quizzes.values() for q in quiz.questions]
    print(figures("All modules", everything))
    findings = check_quizzes(list(quizzes.values()))
    for finding in findings:
        print(finding)
    print(f"{len(findings)} findings." if findings else "No findings: every rule is met.")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
