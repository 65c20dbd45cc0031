"""What a module's readers are told where the site differs from its source: citations and reference entries.

Each module's notes speak of that module only (its own citations, and ledger lines about what its own
reference list wrote); the Bibliography page lists every ledger line in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from practice_site.references.citation_dates import normalise_date, split_letter
from practice_site.references.find_citations import CitedWork
from practice_site.references.ledger import applies_to_wording
from practice_site.references.resolve_citations import plain_names
from practice_site.references.site_citations import SiteCitations

KIND_NAMES = {"article": "a journal article", "report": "a report", "book": "a book", "incollection": "a book chapter",
              "online": "a web page", "inreference": "a dictionary entry", "misc": "a work"}
UNCONFIRMED = " (Not yet checked by an editor.)"


@dataclass(frozen=True)
class ReaderNotes:
    """What a module's readers are told about its citations and references, each point once."""

    citations: int = 0
    references: int = 0
    items: tuple[str, ...] = ()

    def adding(self, text: str, counts: str = "") -> ReaderNotes:
        """These notes with ``text`` added (once), counted as a corrected "citation" or "reference" if so."""
        if text in self.items:
            return self
        return ReaderNotes(self.citations + (counts == "citation"), self.references + (counts == "reference"),
                           (*self.items, text))

    @property
    def summary(self) -> str:
        """"We corrected 3 citations and 1 reference; see details" (or a plain heading when none were)."""
        parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in
                 ((self.citations, "citation"), (self.references, "reference")) if n]
        if not parts:
            return "Notes on the citations; see details"
        return f"We corrected {' and '.join(parts)}; see details"


def cited_note(work: CitedWork, shown: str, short_names: Mapping[str, str]) -> tuple[str, str]:
    """The reader's note on one cited work that is not shown as written, and what it counts as."""
    unchecked = "" if work.confirmed else UNCONFIRMED
    if work.how == "mapping":
        return (f"The text cites “{as_written(work)}”; this site links it to “{shown}”. "
                f"{work.reason}{unchecked}"), "citation"
    if work.how == "fuzzy":
        return (f"The text cites “{as_written(work)}”; this site links it to “{shown}”, as the reference list "
                "names the work."), "citation"
    if work.how == "short name":
        full = short_names.get(short_name_of(work), "")
        return f"The text cites “{as_written(work)}”; the reference list names the author “{full}”.", ""
    if work.how == "known missing":
        return (f"The text cites “{as_written(work)}”, which no reference list holds; it is shown as written, "
                f"without a link. {work.reason}{unchecked}"), ""
    if work.how == "matched" and split_letter(work.year)[1] and shown and not shown.endswith(normalise_date(work.year)):
        return (f"The text cites “{as_written(work)}”; this site shows “{shown}”: it letters one author's works of a "
                "year by title, as APA 7 asks, and gives no letter where the reference list holds one of them."), ""
    return "", ""


def as_written(work: CitedWork) -> str:
    """A cited work's names and date as the text writes them (its apostrophes kept)."""
    return f"{work.names}, {work.year}"


def short_name_of(work: CitedWork) -> str:
    """The short name a citation used ("SCIE" in "SCIE, 2015")."""
    return plain_names(work.names)


def shown_value(value: str) -> str:
    """A field's value as readers see it: BibTeX's "--" in a page range is a dash."""
    return value.replace("--", "–")


def entry_note(fix, label: str) -> str:
    """The reader's note on one change to a reference-list entry."""
    _, name, text = fix.entry_parts
    unchecked = "" if fix.confirmed else UNCONFIRMED
    entry = f"the entry for “{label}”"
    if name == "type":
        what = f"This site shows {entry} as {KIND_NAMES.get(fix.becomes, 'another kind of work')}."
    elif text == "-":
        what = f"In the reference list, {entry} has no {name}; this site shows “{shown_value(fix.becomes)}”."
    elif fix.becomes == "-":
        what = f"In the reference list, {entry} has “{text}”; this site leaves it out."
    else:
        what = f"In the reference list, {entry} has “{text}”; this site shows “{shown_value(fix.becomes)}”."
    return f"{what} {fix.reason}{unchecked}"


def correction_notes(site: SiteCitations, number: int) -> ReaderNotes:
    """Plain-language notes on where one module differs from its source, with the reviewed reasons."""
    labels = site.module_library(number).labels
    notes = ReaderNotes()
    given = {w.abbreviation for g in site.groups[number] for w in g.works if w.abbreviation}
    for group in site.groups[number]:
        for work in group.works:
            if work.how == "short name" and short_name_of(work) in given:
                continue  # the text gives the short name with the organisation's name: nothing to explain
            text, counts = cited_note(work, labels.get(work.key or "", ""), site.short_names[number])
            if text:
                notes = notes.adding(text, counts)
    for key in site.module_keys[number]:
        wording = site.module_wordings[number].get(key, "")
        for fix in site.corrections.of_entry(key):
            if applies_to_wording(fix, wording):  # another principle's slip is not this module's
                notes = notes.adding(entry_note(fix, labels.get(key, key)), "reference")
    return notes


def ledger_line(site: SiteCitations, fix) -> str:
    """One ledger line in a reader's words (the Bibliography page lists them all)."""
    labels = site.library.labels
    unchecked = "" if fix.confirmed else UNCONFIRMED
    if fix.kind == "entry":
        key = fix.entry_parts[0]
        return entry_note(fix, labels.get(key, key))
    if fix.kind == "cite":
        return f"The text cites “{fix.written}”; this site links it to “{labels[fix.becomes]}”. {fix.reason}{unchecked}"
    if fix.kind == "missing":
        return (f"The text cites “{fix.written}”, which no reference list holds; it is shown as written, "
                f"without a link. {fix.reason}{unchecked}")
    return f"“{fix.written}” is not a citation and is left as written. {fix.reason}{unchecked}"
