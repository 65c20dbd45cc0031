"""Item-writing checks for knowledge checks: questions a learner cannot answer without reading.

Each rule is a plain function over the parsed quiz files (``quiz_format``) and returns findings
that name the file and line. The build stops on any finding (``mkdocs build --strict``);
``make quiz-report`` prints them with the figures behind them.

Margins. Where a rule is about shares (the key is the longest option, the shortest, or in between;
the key is shown in one position), the allowed share is what chance gives, 1/options, plus one standard error of that
share over the questions counted, sqrt(p(1-p)/n). With 10 three-option questions that allows 4 of
10 (chance: 3.3); with 20, 8 of 20. A set that goes beyond it is very unlikely to be chance (about
one time in six) and is what a learner can exploit.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from practice_site.learning.quiz_format import Question, QuizFile

ABOVE = re.compile(r"\b(?:all|none|both|neither) of (?:the )?(?:above|these|those|options)\b", re.IGNORECASE)
NEGATIVE = re.compile(r"\b(not|except|never|least|false|incorrect|cannot|isn't|doesn't|don't)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
COMMON = frozenset({
    "about", "above", "after", "again", "against", "also", "among", "because", "been", "before",
    "being", "between", "both", "could", "does", "doing", "during", "each", "from", "further",
    "have", "having", "here", "into", "just", "more", "most", "much", "must", "only", "other",
    "over", "same", "should", "some", "such", "than", "that", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "under", "until", "very", "were", "what",
    "when", "where", "which", "while", "whom", "will", "with", "would", "your", "young", "people",
    "person", "children", "child", "principle", "practice", "says", "say", "said", "according",
})


@dataclass(frozen=True)
class Finding:
    """One problem with a question: where it is and what to change."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def display_order(question_id: str, count: int) -> list[int]:
    """The order options are shown in: shuffled, the same for a question id on every build."""
    def rank(index: int) -> str:
        return hashlib.sha256(f"{question_id}:{index}".encode()).hexdigest()

    return sorted(range(count), key=rank)


def allowed_share(chance: float, count: int) -> float:
    """The share a rule allows: chance plus one standard error over ``count`` questions."""
    return chance + math.sqrt(chance * (1 - chance) / max(count, 1))


def key_is_longest(question: Question) -> bool:
    """Whether every correct option is longer than every other option."""
    keys = [len(c.text) for c in question.choices if c.correct]
    others = [len(c.text) for c in question.choices if not c.correct]
    return bool(keys and others) and min(keys) > max(others)


def key_is_shortest(question: Question) -> bool:
    """Whether every correct option is shorter than every other option (as much a give-away)."""
    keys = [len(c.text) for c in question.choices if c.correct]
    others = [len(c.text) for c in question.choices if not c.correct]
    return bool(keys and others) and max(keys) < min(others)


def length_rank(question: Question) -> str:
    """Where the correct options' length sits among the options: a learner should not be able to tell."""
    if key_is_longest(question):
        return "the longest"
    if key_is_shortest(question):
        return "the shortest"
    return "neither the longest nor the shortest"


def content_words(text: str) -> set[str]:
    """The words that carry meaning: four letters or more, not common words."""
    return {w.lower() for w in WORD.findall(text) if len(w) >= 4 and w.lower() not in COMMON}


def question_findings(question: Question, path: str) -> list[Finding]:
    """Rules for one question: all/none of the above, negative stems, give-away words, feedback."""
    found = []
    for choice in question.choices:
        if ABOVE.search(choice.text):
            found.append(Finding(path, choice.line, f'"{ABOVE.search(choice.text).group(0)}" lets a learner '
                                 "answer by elimination; write a real option instead"))
        if not choice.feedback.strip():
            found.append(Finding(path, choice.line, "this option has no feedback; say why it is right or wrong"))
    for match in NEGATIVE.finditer(question.text):
        if not match.group(0).isupper():
            found.append(Finding(path, question.line, f'the question is worded negatively ("{match.group(0)}"); '
                                 "ask it positively, or write the word in capitals so no one misses it"))
            break
    stem = content_words(question.text)
    distractors = set().union(*(content_words(c.text) for c in question.choices if not c.correct))
    for choice in question.choices:
        if choice.correct:
            giveaway = sorted((stem & content_words(choice.text)) - distractors)
            if giveaway:
                found.append(Finding(path, choice.line, f'only the correct option repeats "{giveaway[0]}" from '
                                     "the question, so it can be matched without reading; use the word in another "
                                     "option too, or reword"))
    return found


def share_finding(path: str, line: int, what: str, count: int, total: int, chance: float) -> Finding | None:
    """A finding when ``count`` of ``total`` is above what the margin allows."""
    if total and count / total > allowed_share(chance, total):
        allowed = math.floor(allowed_share(chance, total) * total + 1e-9)
        return Finding(path, line, f"{what} in {count} of {total} questions; chance gives about "
                       f"{chance * total:.1f}, and at most {allowed} is allowed")
    return None


def chance_of_one(questions: Sequence[Question]) -> float:
    """The average chance of one option out of each question's options."""
    return sum(1 / len(q.choices) for q in questions) / len(questions) if questions else 0.0


def set_findings(questions: Sequence[Question], path: str, line: int) -> list[Finding]:
    """Rules for a set of questions: the key's length and its shown position."""
    found = []
    chance = chance_of_one(questions)
    ranks = Counter(length_rank(q) for q in questions)
    for rank in ("the longest", "the shortest", "neither the longest nor the shortest"):
        if finding := share_finding(path, line, f"the correct option is {rank}", ranks[rank], len(questions), chance):
            found.append(finding)
    positions = Counter()
    for q in questions:
        order = display_order(q.id, len(q.choices))
        positions.update(order.index(i) for i, c in enumerate(q.choices) if c.correct and q.kind == "single")
    singles = [q for q in questions if q.kind == "single"]
    for position, count in sorted(positions.items()):
        if finding := share_finding(path, line, f"the correct option is shown in position {position + 1}", count,
                                    len(singles), chance_of_one(singles)):
            found.append(finding)
    return found


def check_quizzes(quizzes: list[QuizFile]) -> list[Finding]:
    """Every finding for every module.

    Shares are judged per module, where a learner meets them. Over all modules the margin narrows
    as principles are added, so modules that each pass could fail together: the report shows the
    overall figures, and the build does not stop on them.
    """
    found = []
    for quiz in quizzes:
        for question in quiz.questions:
            found.extend(question_findings(question, quiz.path))
        if quiz.questions:
            found.extend(set_findings(quiz.questions, quiz.path, quiz.questions[0].line))
    return found
