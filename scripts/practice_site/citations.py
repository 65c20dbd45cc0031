"""Find in-text citations and cross-references to other principles, as written."""

from __future__ import annotations

import re

from .model import Citation, CrossReference

CITATION = re.compile(r"\(([^()]*?(?:\b\d{4}\b|\bn\.d\b\.?)[^()]*)\)")
CROSS_REFERENCE = re.compile(
    r"\bPractice Principles?\s+(\d+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\d+)*)\b"
)


def find_citations(text: str, line: int) -> list[Citation]:
    """Parenthesised groups holding a year or "n.d", such as "(Ruch, 2020, p.3)"."""
    return [Citation(f"({m.group(1)})", line) for m in CITATION.finditer(text)]


def find_cross_references(text: str, line: int) -> list[CrossReference]:
    """Mentions such as "Practice Principle 2" or "Practice Principles 1 and 3"."""
    return [
        CrossReference(m.group(0), [int(n) for n in re.findall(r"\d+", m.group(1))], line)
        for m in CROSS_REFERENCE.finditer(text)
    ]
