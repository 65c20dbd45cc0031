"""Cross-references to other principles ("Practice Principle 3"): found in a paragraph, and turned into links
where their modules exist."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from practice_site.sources.model import CrossReference

CROSS_REFERENCE = re.compile(
    r"\bPractice Principles?\s+(\d+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\d+)*)\b"
)



def link_cross_references(text: str, href: Callable[[int], str | None]) -> str:
    """Link each principle number that ``href`` knows; leave the rest as plain text.

    "see Practice Principle 3" -> "see [Practice Principle 3](principle-3.md)";
    "Practice Principles 1 and 3" -> "Practice Principles 1 and [3](principle-3.md)".
    """

    def replace(match: re.Match[str]) -> str:
        numbers = re.findall(r"\d+", match.group(1))
        if len(numbers) == 1:
            target = href(int(numbers[0]))
            return f"[{match.group(0)}]({target})" if target else match.group(0)
        head = match.group(0)[: match.start(1) - match.start(0)]

        def number(m: re.Match[str]) -> str:
            target = href(int(m.group(0)))
            return f"[{m.group(0)}]({target})" if target else m.group(0)

        return head + re.sub(r"\d+", number, match.group(1))

    return CROSS_REFERENCE.sub(replace, text)


def unresolved(refs: Iterable[CrossReference], known: set[int]) -> list[tuple[CrossReference, list[int]]]:
    """The cross-references naming principles that have no module, with the missing numbers."""
    found = []
    for ref in refs:
        missing = [n for n in ref.numbers if n not in known]
        if missing:
            found.append((ref, missing))
    return found


def find_cross_references(text: str, line: int) -> list[CrossReference]:
    """Mentions such as "Practice Principle 2" or "Practice Principles 1 and 3"."""
    return [
        CrossReference(m.group(0), tuple(int(n) for n in re.findall(r"\d+", m.group(1))), line)
        for m in CROSS_REFERENCE.finditer(text)
    ]
