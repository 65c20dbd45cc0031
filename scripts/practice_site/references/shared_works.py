"""One work listed by several principles: the details a wording adds to its entry, and where wordings differ.

A new principle may give a work's DOI, web address, edition, volume, issue or pages where the
library's entry (made from another principle's wording) has none: ``make bib`` adds it, with a
``detail:`` line naming the file and line. Where a wording gives another value than the entry has,
nothing is changed: ``make bib`` and ``make cite-report`` print a ``REVIEW`` line, for a person to
decide. A field the ledger records a change to (``bib/corrections.tsv``) is never filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pybtex.database import Entry

from practice_site.references.bib_file import source_fields, work_fields
from practice_site.references.read_reference import read_one

DETAIL_FIELDS = ("doi", "url", "edition", "volume", "number", "pages")


@dataclass(frozen=True)
class DetailDifference:
    """A detail one wording of a work gives: missing from its entry (``entry_value`` empty), or another value."""

    key: str
    field: str
    entry_value: str
    wording_value: str
    wording: str


def plain_value(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").split())


def wording_details(raw: str) -> dict[str, str]:
    """The details a reference as written gives, as ``make bib`` would write them (none if unreadable)."""
    ref, problem = read_one(raw, 0)
    if problem:
        return {}
    fields = dict(work_fields(ref, []))
    return {name: plain_value(fields[name]) for name in DETAIL_FIELDS if fields.get(name)}


def same_detail(name: str, a: str, b: str) -> bool:
    """Two values of one field that say the same (a DOI or address in any case, with or without a final "/")."""
    if name in {"doi", "url"}:
        return a.lower().rstrip("/") == b.lower().rstrip("/")
    return a.replace("–", "--") == b.replace("–", "--")


def differences(key: str, entry_fields: Mapping[str, str], raw: str) -> list[DetailDifference]:
    """What ``raw`` (a wording of the work ``key``) says that its entry's fields do not."""
    found = []
    for name, value in wording_details(raw).items():
        current = plain_value(entry_fields.get(name, ""))
        if not current or not same_detail(name, current, value):
            found.append(DetailDifference(key, name, current, value, raw))
    return found


def wording_conflicts(key: str, entry: Entry) -> list[DetailDifference]:
    """Where a wording recorded on ``entry`` gives another value than the entry holds (for the report)."""
    return [d for name in source_fields(entry) for d in differences(key, entry.fields, entry.fields[name])
            if d.entry_value]


def other_wordings_give(entry: Entry, name: str, value: str) -> bool:
    """Whether a wording after the first gives ``value`` for field ``name`` (a detail make bib added)."""
    return any(same_detail(name, wording_details(entry.fields[field]).get(name, ""), value)
               for field in source_fields(entry)[1:])
