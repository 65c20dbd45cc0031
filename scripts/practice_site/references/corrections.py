"""Read ``bib/corrections.tsv``: the reviewed ledger of where the site differs from the sources.

Five columns separated by tabs: what, as written, becomes, reason, confirmed. ``cite``,
``missing`` and ``text`` lines are about in-text citations; ``entry`` lines record a change made
to a reference-list entry in ``bib/`` ("lefevre2017 author: Luckcock" becomes "Luckock").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.input_files import read_source
from practice_site.references.find_citations import normalise_written

KINDS = ("cite", "missing", "text", "entry")
ENTRY_WRITTEN = re.compile(r"^(?P<key>[^\s:]+) (?P<field>[a-z-]+): (?P<text>.+)$")
ENTRY_FIELDS = ("type", "author", "editor", "title", "booktitle", "journal", "volume", "number", "pages",
                "edition", "year", "publisher", "institution", "url", "doi", "urldate")
CONFIRMED = re.compile(r"^(?P<answer>yes|no)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    """One ledger line: what kind, the text as written, what it becomes, why, and whether a person
    has confirmed it."""

    kind: str
    written: str
    becomes: str
    reason: str
    line: int
    confirmed: bool = False

    @property
    def entry_parts(self) -> tuple[str, str, str]:
        """For an ``entry`` line: the key, the field and the text as the source wrote it."""
        match = ENTRY_WRITTEN.match(self.written)
        assert match, self.written
        return match.group("key"), match.group("field"), match.group("text")


@dataclass(frozen=True)
class Corrections:
    """All ledger lines, looked up by kind and text as written."""

    path: str = ""
    items: tuple[Correction, ...] = ()

    def find(self, kind: str, written: str) -> Correction | None:
        """The first line of this kind for this text as written (looked up, not searched for)."""
        return self._by_text.get((kind, written))

    @cached_property
    def _by_text(self) -> dict[tuple[str, str], Correction]:
        found: dict[tuple[str, str], Correction] = {}
        for item in self.items:
            found.setdefault((item.kind, item.written), item)
        return found

    def of_kind(self, kind: str) -> list[Correction]:
        return [c for c in self.items if c.kind == kind]

    def of_entry(self, key: str) -> list[Correction]:
        """The ``entry`` lines about the library entry ``key``."""
        return list(self._by_entry.get(key, ()))

    @cached_property
    def _by_entry(self) -> dict[str, list[Correction]]:
        found: dict[str, list[Correction]] = {}
        for item in self.of_kind("entry"):
            found.setdefault(item.entry_parts[0], []).append(item)
        return found


def read_line(display: str, number: int, line: str, keys: set[str]) -> Correction:
    """One ledger line checked on its own (a SourceError names the line and says how to fix it)."""
    columns = line.split("\t")
    if len(columns) == 4:
        raise SourceError(display, number, "add a fifth column, confirmed: yes once a person has checked the "
                          "line against the source, otherwise no")
    if len(columns) != 5 or not all(c.strip() for c in columns):
        raise SourceError(display, number, "expected five columns separated by tabs: "
                          "what, as written, becomes, reason, confirmed")
    kind, written, becomes, reason, confirmed = (c.strip() for c in columns)
    if kind not in KINDS:
        raise SourceError(display, number, f'unknown kind "{kind}"; use one of {", ".join(KINDS)}')
    answer = CONFIRMED.match(confirmed)
    if not answer:
        raise SourceError(display, number, f'the last column says "{confirmed}"; write yes or no')
    if kind == "cite" and becomes not in keys:
        raise SourceError(display, number, f'"{becomes}" is not a key in bib/; use the key of an entry '
                          "in bib/references.bib")
    if kind in {"missing", "text"} and becomes != "-":
        raise SourceError(display, number, f'a "{kind}" line becomes "-"; to point at a work use "cite"')
    if kind == "entry":
        match = ENTRY_WRITTEN.match(written)
        if not match:
            raise SourceError(display, number, 'an entry line is written "key field: text as the source '
                              'gives it", for example "lefevre2017 author: Luckcock"')
        if match.group("key") not in keys:
            raise SourceError(display, number, f'"{match.group("key")}" is not a key in bib/')
        if match.group("field") not in ENTRY_FIELDS:
            raise SourceError(display, number, f'unknown field "{match.group("field")}"; use one of '
                              f'{", ".join(ENTRY_FIELDS)}')
    else:
        written = normalise_written(written)
    return Correction(kind, written, becomes, reason, number, answer.group("answer").lower() == "yes")


def read_corrections(path: Path, display: str, keys: set[str]) -> Corrections:
    """Parse the TSV; a bad line or a key not in the library is a SourceError with its line."""
    items: list[Correction] = []
    if not path.exists():
        return Corrections(display)
    for number, line in enumerate(read_source(path, display), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        correction = read_line(display, number, line, keys)
        if any(c.kind == correction.kind and c.written == correction.written for c in items):
            raise SourceError(display, number, f'"{correction.written}" is already in the ledger above; '
                              "keep one line")
        items.append(correction)
    return Corrections(display, tuple(items))
