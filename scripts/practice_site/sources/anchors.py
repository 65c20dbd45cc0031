"""Stable section anchors derived from heading text."""

from __future__ import annotations

import re

from practice_site.names import MODULE_ANCHORS, build_made
from practice_site.text_forms import without_accents

# Ids the build itself puts on a module page (see practice_site.names): a source heading with the same
# words, or of the same form as its families ("ref-...", "question-..."), gets "-2", a suffix those ids
# never end in. Python-Markdown's notes use "fn:1" / "fnref:1" and Material's controls "__drawer" and so
# on, which a slug (a-z, 0-9 and "-") can never equal.
RESERVED_ANCHORS = MODULE_ANCHORS
FALLBACK = "section"  # the anchor of a heading with no letters or digits a slug can keep


def slugify(text: str) -> str:
    """Turn a heading into a lower-case, hyphenated anchor: "Why is ...?" -> "why-is-..."."""
    plain = without_accents(text).encode("ascii", "ignore").decode()
    plain = re.sub(r"[*_`]", "", plain).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def reserved(anchor: str) -> bool:
    """True for an id the build itself may put on a module page."""
    return build_made(anchor)


def unique(anchor: str, taken: set[str]) -> str:
    """Return ``anchor``, or ``anchor-2``, ``anchor-3``... if it is taken or reserved; record it."""
    anchor = anchor or FALLBACK
    candidate, n = anchor, 1
    while candidate in taken or (candidate == anchor and reserved(candidate)):
        n += 1
        candidate = f"{anchor}-{n}"
    taken.add(candidate)
    return candidate


class Anchors:
    """The anchors of one page: unique, never a reserved id, in linear time however many repeat."""

    def __init__(self, reserved_ids: frozenset[str] | set[str] = RESERVED_ANCHORS) -> None:
        self.taken: set[str] = set(reserved_ids)
        self.counts: dict[str, int] = {}

    def add(self, heading: str) -> str:
        """The anchor for ``heading``: its slug, or the slug with the next free "-N"."""
        base = slugify(heading) or FALLBACK
        n = self.counts.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.taken or (candidate == base and reserved(candidate)):
            n += 1
            candidate = f"{base}-{n}"
        self.counts[base] = n
        self.taken.add(candidate)
        return candidate
