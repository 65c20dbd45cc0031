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

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.references.bib_file import (
    add_source_field,
    assign_keys,
    entry_identity,
    next_source_number,
    read_library,
    reference_identity,
    source_key,
    source_strings,
    to_bibtex,
)
from practice_site.references.parse_reference import EDITED, HEAD, parse_reference
from practice_site.references.reference_fields import Name, Reference, ReferenceParseError, clean_text
from practice_site.references.reference_links import AUTOLINK, MD_LINK
from practice_site.references.reference_names import parse_people
from practice_site.sources.load_principles import load_principles
from practice_site.text_forms import single_spaced

BIB_FILE = "bib/references.bib"
PROPER_NOUNS = "bib/proper-nouns.txt"
HEADER = """\
% The works in the Practice Principles' reference lists, made by `make bib` from sources/ and
% checked by eye. Reviewed edits are kept when make bib runs again. `source-entry` (and
% `source-entry-2`, ...) is the reference as each principle writes it; the build uses it to match them.
"""
YEAR_IN_TEXT = re.compile(r"\((\d{4})[a-z]?\)|\b(\d{4})\b")
Identity = tuple[str, str, str]


@dataclass
class BibRun:
    """What one run of make bib did: messages for the editor, and how many entries it added."""

    guesses: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: int = 0
    reused: int = 0


@dataclass
class NewWork:
    """A work not yet in the library: its first wording (parsed), where, and any further wordings."""

    ref: Reference
    where: str
    problem: str = ""
    also: list[str] = field(default_factory=list)


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

    def add_wording(self, key: str, raw: str) -> None:
        """Record one more wording of the work ``key`` in the file that holds it."""
        path = self.files[key]
        self.texts[path] = add_source_field(self.texts[path], key, self.next_number[key], raw)
        self.next_number[key] += 1
        self.changed.add(path)


def read_proper_nouns(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
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
    library = Library({BIB_FILE: bib_path.read_text(encoding="utf-8") if bib_path.exists() else HEADER})
    if not (root / "bib").is_dir():
        return library
    data, where = read_library(root / "bib", root)
    for key, entry in data.entries.items():
        library.files[key] = path = where[key][0]
        if path not in library.texts:
            library.texts[path] = (root / path).read_text(encoding="utf-8")
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


def plain_text(raw: str) -> str:
    """The reference as written, as readers should see it: one line, links shown as their addresses."""
    def link(match: re.Match[str]) -> str:
        text, url = match.group("text").strip(), match.group("url")
        return url if text.strip("*_ ") in {"", url} else f"{text} {url}"

    return single_spaced(AUTOLINK.sub(r"\g<url>", MD_LINK.sub(link, clean_text(raw))).replace("*", ""))


def unreadable(raw: str, line: int) -> Reference:
    """An entry the parser cannot read, as ``@misc`` keeping every word as written.

    With an "Author (Year)" head the title is the rest of the entry (so citations still find it by
    author and year); the author list, if it cannot be read as names, is kept whole as one literal
    name. Without one, the whole entry is the title and the year is the first one in the text.
    """
    ref = Reference(raw=raw, line=line, kind="misc")
    text = plain_text(raw)
    if head := HEAD.match(text):
        authors = head.group("authors")
        if edited := EDITED.search(authors):
            ref.edited, authors = True, authors[: edited.start()]
        try:
            ref.authors = parse_people(authors, ref)
        except ReferenceParseError:
            ref.edited, ref.authors = False, [Name(literal=head.group("authors").strip(" ,"))]
        year = head.group("year")
        ref.year = "n.d." if year.startswith("n") else year[:4]
        ref.title = head.group("rest").strip()
    else:
        found = YEAR_IN_TEXT.search(text)
        ref.year = (found.group(1) or found.group(2)) if found else "n.d."
        ref.title = text
    ref.notes = []
    return ref


def read_one(raw: str, line: int) -> tuple[Reference, str]:
    """The parsed reference and no problem, or the ``@misc`` fallback and why it was needed."""
    try:
        return parse_reference(raw, line), ""
    except ReferenceParseError as error:
        return unreadable(raw, line), str(error)
    except Exception as error:  # a parser fault must not stop the run: the entry is kept whole instead
        return unreadable(raw, line), f"the parser failed: {type(error).__name__}"


def add_new_references(root: Path) -> BibRun:
    """Record every new reference in bib/references.bib (and new wordings on existing entries, in
    the file that holds each); return what was done."""
    principles = load_principles(root / "sources", root)
    library = read_existing(root)
    run = BibRun()
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
                library.add_wording(library.identities[identity], entry.text)
                same.append((where, library.identities[identity]))
            elif identity and identity in new_identities:
                new[new_identities[identity]].also.append(entry.text)
                same.append((where, new_identities[identity]))
            else:
                if identity:
                    new_identities[identity] = len(new)
                new.append(NewWork(ref, where, problem))
    keys = assign_keys([work.ref for work in new], set(library.files))
    proper_nouns = read_proper_nouns(root / PROPER_NOUNS)
    for work, key in zip(new, keys, strict=True):
        library.texts[BIB_FILE] += "\n" + to_bibtex(work.ref, key, proper_nouns, tuple(work.also))
        library.changed.add(BIB_FILE)
        if work.problem:
            run.warnings.append(f"{work.where}: could not read this reference ({work.problem}); written as @misc "
                                f"{key} - check it in {BIB_FILE}")
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
