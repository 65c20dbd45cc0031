"""practice_site.sources.cross_references: mentions of other principles ("Practice Principles 1 and 3") found in a
paragraph, linked where their modules exist, and those naming a principle with no module reported."""

from __future__ import annotations

import pytest

from practice_site.sources.cross_references import find_cross_references, link_cross_references, unresolved
from practice_site.sources.model import CrossReference

MODULES = {1, 3, 4}


def href(number: int) -> str | None:
    return f"principle-{number}.md" if number in MODULES else None


@pytest.mark.parametrize("text, linked", [
    ("see Practice Principle 3", "see [Practice Principle 3](principle-3.md)"),
    ("Practice Principle 3.", "[Practice Principle 3](principle-3.md)."),
    ("see Practice Principle 2", "see Practice Principle 2"),  # no module: left as text
    ("Practice Principles 1 and 3", "Practice Principles [1](principle-1.md) and [3](principle-3.md)"),
    ("Practice Principles 1, 2 & 3", "Practice Principles [1](principle-1.md), 2 & [3](principle-3.md)"),
    ("Practice Principles 2 and 5", "Practice Principles 2 and 5"),
    ("Practice Principle 1 and Practice Principle 4",
     "[Practice Principle 1](principle-1.md) and [Practice Principle 4](principle-4.md)"),
    ("Practice Principle 33", "Practice Principle 33"),  # not principle 3
    ("Practice Principle 3a", "Practice Principle 3a"),
    ("practice principle 3", "practice principle 3"),
    ("no mention here", "no mention here"),
])
def test_each_principle_with_a_module_is_linked(text: str, linked: str) -> None:
    assert link_cross_references(text, href) == linked


@pytest.mark.parametrize("text, found", [
    ("see Practice Principle 2", [("Practice Principle 2", (2,))]),
    ("Practice Principles 1 and 3, and Practice Principle 10.", [("Practice Principles 1 and 3", (1, 3)),
                                                                 ("Practice Principle 10", (10,))]),
    ("Practice Principles 1, 2 & 3", [("Practice Principles 1, 2 & 3", (1, 2, 3))]),
    ("Practice Principles 1 and", [("Practice Principles 1", (1,))]),
    ("Practice Principle 3a or practice principle 3", []),
])
def test_mentions_are_found_with_their_numbers_and_line(text: str, found: list[tuple[str, tuple[int, ...]]]) -> None:
    assert find_cross_references(text, 7) == [CrossReference(words, numbers, 7) for words, numbers in found]


def test_mentions_of_principles_without_a_module_are_unresolved_with_the_missing_numbers() -> None:
    one = CrossReference("Practice Principle 3", (3,), 2)
    two = CrossReference("Practice Principles 1 and 9", (1, 9), 5)
    three = CrossReference("Practice Principles 8 and 9", (8, 9), 6)
    assert unresolved([one, two, three], {1, 3}) == [(two, [9]), (three, [8, 9])]
    assert unresolved([one], {3}) == []
    assert unresolved([], set()) == []
