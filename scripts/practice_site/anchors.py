"""Stable section anchors derived from heading text."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Turn a heading into a lower-case, hyphenated anchor: "Why is ...?" -> "why-is-..."."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = re.sub(r"[*_`]", "", plain).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def unique(anchor: str, taken: set[str]) -> str:
    """Return ``anchor``, or ``anchor-2``, ``anchor-3``... if it is already in ``taken``; record it."""
    candidate, n = anchor, 1
    while candidate in taken:
        n += 1
        candidate = f"{anchor}-{n}"
    taken.add(candidate)
    return candidate


# Ids the build itself puts on a module page: a source heading with the same words gets "-2".
RESERVED_ANCHORS = frozenset({"check-your-understanding", "reflect"})
