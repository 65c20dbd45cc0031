"""Add the reference-list entries of every source to ``bib/references.bib``.

Run ``python -m practice_site.references.make_bib`` (``make bib``). A reference already recorded (matched by
the wording it was made from, :func:`~practice_site.references.bib_file.source_key`) is left alone, so reviewed
edits are kept. A reference to a work the library already has (same authors, year and title) gets
its wording recorded on that entry (``source-entry-2``...) instead of a second entry; so does a
work two new principles both list. Every guess the parser makes is printed with the file and
line; a reference it cannot read is written as ``@misc`` holding the whole reference as written,
with a warning. It exits 1 only when a source document or the library itself cannot be read.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import Entry

from practice_site.errors import SourceError
from practice_site.input_files import read_input, read_source
from practice_site.references.apa_titles import case_notes, protect, quoted_full_stop
from practice_site.references.bib_file import (
    add_field,
    add_source_field,
    assign_keys,
    entry_identity,
    next_source_number,
    read_library,
    reference_identity,
    source_key,
    source_strings,
    to_bibtex,
    work_fields,
)
from practice_site.references.bibtex_values import bibtex_text, bibtex_url
from practice_site.references.corrections import read_corrections
from practice_site.references.parse_reference import parse_reference
from practice_site.references.read_reference import read_one
from practice_site.references.reference_fields import Reference, ReferenceParseError
from practice_site.references.shared_works import DetailDifference, differences
from practice_site.sources.load_principles import load_principles

BIB_FILE = "bib/references.bib"
PROPER_NOUNS = "bib/proper-nouns.txt"
HEADER = """\
% The works in the Practice Principles' reference lists, made by `make bib` from sources/ and
% checked by eye. Reviewed edits are kept when make bib runs again. `source-entry` (and
% `source-entry-2`, ...) is the reference as each principle writes it; the build uses it to match them.
"""
CORRECTIONS_FILE = "corrections.tsv"
Identity = tuple[str, str, str]


@dataclass
class BibRun:
    """What one run of make bib did: messages for the editor, and how many entries it added."""

    guesses: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # details a new wording added to a work's entry
    reviews: list[str] = field(default_factory=list)  # where a new wording disagrees with the entry
    added: int = 0
    reused: int = 0


@dataclass
class NewWork:
    """A work not yet in the library: its first wording (parsed), where, and any further wordings."""

    ref: Reference
    where: str
    problem: str = ""
    also: list[str] = field(default_factory=list)
    also_where: list[str] = field(default_factory=list)


@dataclass
class Library:
    """What the library already holds: each file's text, where each key is, its wordings, work
    identities and the number of each entry's next ``source-entry-N``."""

    texts: dict[str, str]
    files: dict[str, str] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)
    identities: dict[Identity, str] = field(default_factory=dict)
    next_number: dict[str, int] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    entries: dict[str, Entry] = field(default_factory=dict)
    ledger_fields: dict[str, set[str]] = field(default_factory=dict)  # key -> fields bib/corrections.tsv changes

    def add_wording(self, key: str, raw: str) -> None:
        """Record one more wording of the work ``key`` in the file that holds it."""
        path = self.files[key]
        self.texts[path] = add_source_field(self.texts[path], key, self.next_number[key], raw)
        self.next_number[key] += 1
        self.changed.add(path)

    def add_detail(self, key: str, name: str, value: str) -> None:
        """Add the field ``name`` to the entry ``key`` in the file that holds it."""
        path = self.files[key]
        self.texts[path] = add_field(self.texts[path], key, name, value)
        self.changed.add(path)


def read_proper_nouns(path: Path) -> list[str]:
    lines = read_source(path, PROPER_NOUNS) if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def identity_of(ref: Reference) -> Identity | None:
    """The identity a work is matched by, or None when it cannot be matched safely (no title, @misc)."""
    if ref.kind == "misc" or not ref.authors:
        return None
    identity = reference_identity(ref)
    return identity if identity[0] and identity[2] else None


def read_existing(root: Path) -> Library:
    """The library as it stands; each entry is known by its fields and by re-reading its wordings."""
    bib_path = root / BIB_FILE
    library = Library({BIB_FILE: read_input(bib_path, BIB_FILE) + "\n" if bib_path.exists() else HEADER})
    if not (root / "bib").is_dir():
        return library
    data, where = read_library(root / "bib", root)
    library.entries = dict(data.entries)
    corrections = root / "bib" / CORRECTIONS_FILE
    for fix in read_corrections(corrections, f"bib/{CORRECTIONS_FILE}", set(data.entries)).of_kind("entry"):
        library.ledger_fields.setdefault(fix.entry_parts[0], set()).add(fix.entry_parts[1])
    for key, entry in data.entries.items():
        library.files[key] = path = where[key][0]
        if path not in library.texts:
            library.texts[path] = read_input(root / path, path) + "\n"
        library.known.update(dict.fromkeys(source_strings(entry), key))
        library.identities.setdefault(entry_identity(entry), key)
        library.next_number[key] = next_source_number(entry)
    for key, entry in data.entries.items():
        for wording in source_strings(entry):
            try:
                identity = identity_of(parse_reference(wording, 0))
            except ReferenceParseError:
                continue
            if identity:
                library.identities.setdefault(identity, key)
    return library


def title_notes(ref: Reference, proper_nouns: list[str]) -> list[str]:
    """What ``make bib`` does to a new entry's titles (capitals, see apa_titles; APA's full stop) and to a
    publisher whose name holds "and" (kept as one)."""
    if ref.kind == "misc":
        return []
    notes = []
    for title in (ref.title, ref.container if ref.kind == "chapter" else ""):
        if title:
            notes.extend(case_notes(title, protect(bibtex_text(title), proper_nouns), proper_nouns))
    if quoted_full_stop(ref) != ref.title:
        notes.append("the title ends in a quotation: APA's full stop goes inside the closing quotation mark")
    notes.extend(f'read "{name.strip()}" as one publisher; if it names two, take away the braces around it in '
                 f"{BIB_FILE} (two publishers are shown with a semicolon between them, as APA 7 asks)"
                 for name in ref.publisher.split(";") if " and " in name)
    return notes


FIELD_ATTRIBUTES = {"doi": "doi", "url": "url", "edition": "edition", "volume": "volume", "number": "issue",
                    "pages": "pages"}


def merge_details(work: NewWork, key: str, run: BibRun) -> None:
    """Give a new work the details its other wordings add (two new principles list it, one with its DOI)."""
    fields = dict(work_fields(work.ref, []))
    for raw, where in zip(work.also, work.also_where, strict=True):
        for difference in differences(key, fields, raw):
            if difference.entry_value:
                run.reviews.append(conflict_line(where, difference))
                continue
            setattr(work.ref, FIELD_ATTRIBUTES[difference.field], difference.wording_value)
            fields[difference.field] = difference.wording_value
            run.details.append(f"{where}: added {difference.field} {difference.wording_value} to {key} "
                               "(this principle's reference gives it)")


def conflict_line(where: str, difference: DetailDifference) -> str:
    return (f"{where}: {difference.key}: this reference gives {difference.field} {difference.wording_value}, the "
            f"entry has {difference.entry_value}; check which is right (the entry is left as it is)")


def add_details(library: Library, key: str, raw: str, where: str, run: BibRun) -> None:
    """Add to the library's entry ``key`` the details a new wording of it gives and the entry lacks."""
    for difference in differences(key, library.entries[key].fields, raw):
        if difference.entry_value:
            run.reviews.append(conflict_line(where, difference))
        elif difference.field in library.ledger_fields.get(key, set()):
            run.reviews.append(f"{where}: {key}: this reference gives {difference.field} "
                               f"{difference.wording_value}; the ledger records a change to that field, so it "
                               "is not added")
        else:
            library.add_detail(key, difference.field, bibtex_value(difference))
            run.details.append(f"{where}: added {difference.field} {difference.wording_value} to {key} "
                               f"(the entry had none; this principle's reference gives it)")


def bibtex_value(difference: DetailDifference) -> str:
    return bibtex_url(difference.wording_value) if difference.field in {"doi", "url"} else difference.wording_value


def read_new_references(principles: list, library: Library, run: BibRun) -> tuple[list[NewWork], list]:
    """The works not in the library yet, and where each further wording of a work is (key or new index)."""
    new: list[NewWork] = []
    new_identities: dict[Identity, int] = {}
    same: list[tuple[str, str | int]] = []
    for principle in principles:
        for entry in principle.references:
            where, wording = f"{principle.path}:{entry.line}", source_key(entry.text)
            if wording in library.known:
                continue
            library.known[wording] = "new"
            ref, problem = read_one(entry.text, entry.line)
            run.guesses.extend(f"{where}: {note}" for note in ref.notes)
            identity = identity_of(ref)
            if identity and identity in library.identities:
                key = library.identities[identity]
                library.add_wording(key, entry.text)
                add_details(library, key, entry.text, where, run)
                same.append((where, key))
            elif identity and identity in new_identities:
                new[new_identities[identity]].also.append(entry.text)
                new[new_identities[identity]].also_where.append(where)
                same.append((where, new_identities[identity]))
            else:
                if identity:
                    new_identities[identity] = len(new)
                new.append(NewWork(ref, where, problem))
    return new, same


def add_new_references(root: Path) -> BibRun:
    """Record every new reference in bib/references.bib (and new wordings on existing entries, in
    the file that holds each); return what was done."""
    principles = load_principles(root / "sources", root)
    library = read_existing(root)
    run = BibRun()
    new, same = read_new_references(principles, library, run)
    keys = assign_keys([work.ref for work in new], set(library.files))
    proper_nouns = read_proper_nouns(root / PROPER_NOUNS)
    for work, key in zip(new, keys, strict=True):
        merge_details(work, key, run)
        run.guesses.extend(f"{work.where}: {note}" for note in title_notes(work.ref, proper_nouns))
        library.texts[BIB_FILE] += "\n" + to_bibtex(work.ref, key, proper_nouns, tuple(work.also))
        library.changed.add(BIB_FILE)
        if work.problem:
            run.warnings.append(f"{work.where}: could not read this reference ({work.problem}); written as @misc "
                                f"{key} - check it in {BIB_FILE}, or write the entry by hand "
                                '(guides/editors.md, "Writing an entry by hand")')
    for where, match in same:
        if isinstance(match, str):
            run.same.append(f"{where} is {match} (already in {library.files[match]})")
        else:
            run.same.append(f"{where} is {keys[match]} (new in {BIB_FILE}, first listed at {new[match].where})")
    run.added, run.reused = len(new), len(same)
    for path in sorted(library.changed):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(library.texts[path], encoding="utf-8")
    return run


def main() -> int:
    try:
        run = add_new_references(Path.cwd())
    except SourceError as error:
        print(f"make bib: {error}", file=sys.stderr)
        return 1
    for note in run.guesses:
        print(f"guess: {note}")
    for note in run.same:
        print(f"same work: {note}")
    for note in run.details:
        print(f"detail: {note}")
    for note in run.reviews:
        print(f"REVIEW: {note}")
    for warning in run.warnings:
        print(f"warning: {warning}")
    print(f"{BIB_FILE}: {run.added} new entries added, {run.reused} references matched to works already there.")
    if run.added or run.reused:
        print(f"Next: check every new entry and each line above in {BIB_FILE}, then run make cite-report.")
    else:
        print("Next: nothing new to check; run make cite-report.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
