"""Read ``bib/corrections.tsv``: the reviewed mapping between the sources and the library."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .citations import normalise_written
from .errors import SourceError

KINDS = ("cite", "missing", "text", "name")


@dataclass
class Correction:
    """One reviewed line: what kind, the text as written, what it becomes, and why."""

    kind: str
    written: str
    becomes: str
    reason: str
    line: int


@dataclass
class Corrections:
    """All corrections, looked up by kind and text as written."""

    path: str = ""
    items: list[Correction] = field(default_factory=list)

    def find(self, kind: str, written: str) -> Correction | None:
        return next((c for c in self.items if c.kind == kind and c.written == written), None)

    def of_kind(self, kind: str) -> list[Correction]:
        return [c for c in self.items if c.kind == kind]


def read_corrections(path: Path, display: str, keys: set[str]) -> Corrections:
    """Parse the TSV; a bad line or a key not in the library is a SourceError with its line."""
    corrections = Corrections(display)
    if not path.exists():
        return corrections
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 4 or not all(c.strip() for c in columns):
            raise SourceError(display, number, "expected four columns separated by tabs: "
                              "what, as written, becomes, reason")
        kind, written, becomes, reason = (c.strip() for c in columns)
        if kind not in KINDS:
            raise SourceError(display, number, f'unknown kind "{kind}"; use one of {", ".join(KINDS)}')
        if kind == "cite" and becomes not in keys:
            raise SourceError(display, number, f'"{becomes}" is not a key in bib/; use the key of an entry '
                              "in bib/references.bib")
        if kind in {"missing", "text"} and becomes != "-":
            raise SourceError(display, number, f'a "{kind}" line becomes "-"; to point at a work use "cite"')
        if kind != "name":
            written = normalise_written(written)
        if any(c.kind == kind and c.written == written for c in corrections.items):
            raise SourceError(display, number, f'"{written}" is already corrected above; keep one line')
        corrections.items.append(Correction(kind, written, becomes, reason, number))
    return corrections
