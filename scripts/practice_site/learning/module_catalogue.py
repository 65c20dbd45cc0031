"""Each module as trainers and learners see it listed: titles, sections, reading and answering times."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from practice_site.learning.quiz_format import QuizFile
from practice_site.names import page_address
from practice_site.sources.model import Principle, Section, block_paragraphs

WORDS_PER_MINUTE = 200
SECONDS_TO_DECIDE = 30  # per question, on top of reading it and its options
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def counted(number: int, singular: str, plural: str = "") -> str:
    """A count with its noun as it reads: "1 minute", "12 minutes", "1 reflective question"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def count_words(markdown: str) -> int:
    """Words a reader reads: link targets, tags and markup left out."""
    text = re.sub(r"\]\([^)]*\)|<[^>]+>|\[\^\w+\]", " ", markdown)
    return len(WORD.findall(text))


def minutes(words: int) -> int:
    """Reading time at 200 words a minute, rounded up, at least one minute."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def answer_minutes(quiz: QuizFile | None) -> int:
    """Minutes to answer a knowledge check: reading its questions and options, and 30 seconds each to decide."""
    if quiz is None or not quiz.questions:
        return 0
    words = sum(count_words(q.text) + sum(count_words(c.text) for c in q.choices) for q in quiz.questions)
    return max(1, math.ceil(words / WORDS_PER_MINUTE + len(quiz.questions) * SECONDS_TO_DECIDE / 60))


def section_words(section: Section) -> int:
    texts = [section.heading]
    for block in section.blocks:
        texts.extend(p.text for p in block_paragraphs(block))
    return sum(count_words(t) for t in texts)


@dataclass(frozen=True)
class SectionEntry:
    anchor: str
    title: str
    words: int

    @property
    def minutes(self) -> int:
        return minutes(self.words)


@dataclass(frozen=True)
class ModuleEntry:
    """One module as trainers see it."""

    id: str
    number: int
    title: str
    short_title: str
    uri: str
    sections: tuple[SectionEntry, ...] = ()
    questions: int = 0
    reflections: int = 0
    answer_minutes: int = 0

    @property
    def label(self) -> str:
        """The module's name wherever a page lists it: "Practice Principle 4: Short title"."""
        return f"Practice Principle {self.number}: {self.short_title}"

    @property
    def page(self) -> str:
        """The module page's address from the site's root ("principles/principle-4.html")."""
        return page_address(self.uri)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sections)

    @property
    def minutes(self) -> int:
        return minutes(self.words)


def catalogue(principles: list[Principle], quizzes: dict[int, QuizFile], module_uri) -> dict[str, ModuleEntry]:
    """module id -> entry, for the trainers page and session plans."""
    entries = {}
    for p in principles:
        quiz = quizzes.get(p.number)
        entries[p.module_id] = ModuleEntry(
            p.module_id, p.number, p.title, p.short_title, module_uri(p),
            tuple(SectionEntry(s.anchor, s.heading, section_words(s)) for s in p.sections),
            len(quiz.questions) if quiz else 0,
            len(quiz.reflections) if quiz else 0,
            answer_minutes(quiz),
        )
    return entries
