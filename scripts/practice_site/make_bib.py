"""Add the reference-list entries of every source to ``bib/references.bib``.

Run ``python -m practice_site.make_bib`` (``make bib``). A reference already recorded (matched by
the wording it was made from) is left alone, so reviewed edits are kept. A reference to a work the
library already has (same authors, year and title) gets its wording recorded on that entry
(``source-entry-2``...) instead of a second entry. Every guess the parser makes is printed with
the file and line; a reference it cannot read is written as ``@misc`` holding the whole reference
as written, with a warning. It exits 1 only when a source document itself cannot be read.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .apa import Name, Reference, ReferenceParseError, parse_reference
from .bibtex import (
    add_source_field,
    assign_keys,
    entry_identity,
    read_library,
    reference_identity,
    source_fields,
    source_key,
    source_strings,
    to_bibtex,
)
from .collection import load_principles
from .errors import SourceError

BIB_FILE = "bib/references.bib"
PROPER_NOUNS = "bib/proper-nouns.txt"
HEADER = """\
% The works in the Practice Principles' reference lists, made by `make bib` from sources/ and
% checked by eye. Reviewed edits are kept when make bib runs again. `source-entry` (and
% `source-entry-2`, ...) is the reference as each principle writes it; the build uses it to match them.
"""
YEAR_IN_TEXT = re.compile(r"\((\d{4})[a-z]?\)|\b(\d{4})\b")


@dataclass
class BibRun:
    """What one run of make bib did: messages for the editor, and how many entries it added."""

    guesses: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: int = 0
    reused: int = 0


def read_proper_nouns(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def unreadable(raw: str, line: int, error: ReferenceParseError) -> Reference:
    """An entry the parser cannot read, as ``@misc``: the whole reference kept as its title."""
    ref = Reference(raw=raw, line=line, kind="misc")
    head = re.match(r"^(?P<who>[^.(]{2,80}?)\s*\((?P<year>\d{4})[a-z]?\)", raw)
    if head:
        ref.authors, ref.year = [Name(literal=head.group("who").strip(" .,"))], head.group("year")
        ref.title = " ".join(raw[head.end():].replace("*", "").split()).strip(". ")
    else:
        found = YEAR_IN_TEXT.search(raw)
        ref.year = (found.group(1) or found.group(2)) if found else "n.d."
        ref.title = " ".join(raw.replace("*", "").split())
        ref.notes.append(str(error))
    return ref


def add_new_references(root: Path) -> BibRun:
    """Record every new reference in bib/references.bib; return what was done."""
    principles = load_principles(root / "sources", root)
    bib_path = root / BIB_FILE
    run = BibRun()
    known: dict[str, str] = {}
    identities: dict[tuple[str, str, str], str] = {}
    next_number: dict[str, int] = {}
    if bib_path.exists():
        library, _ = read_library(root / "bib", root)
        for key, entry in library.entries.items():
            known.update(dict.fromkeys(source_strings(entry), key))
            identities.setdefault(entry_identity(entry), key)
            next_number[key] = len(source_fields(entry)) + 1
    text = bib_path.read_text(encoding="utf-8") if bib_path.exists() else HEADER
    new: list[Reference] = []
    wordings: dict[int, list[str]] = {}
    for principle in principles:
        for entry in principle.references:
            where = f"{principle.path}:{entry.line}"
            if source_key(entry.text) in known:
                continue
            known[source_key(entry.text)] = "new"
            try:
                ref = parse_reference(entry.text, entry.line)
            except ReferenceParseError as error:
                ref = unreadable(entry.text, entry.line, error)
                run.warnings.append(f"{where}: could not read this reference ({error}); written as @misc with the "
                                    f"whole reference as its title - correct it in {BIB_FILE}")
            run.guesses.extend(f"{where}: {note}" for note in ref.notes)
            identity = reference_identity(ref)
            if ref.kind != "misc" and identity in identities:
                key = identities[identity]
                text = add_source_field(text, key, next_number[key], entry.text)
                next_number[key] += 1
                run.same.append(f"{where}: the same work as {key}, already in {BIB_FILE}; its wording is recorded "
                                f"there as {source_key_name(next_number[key] - 1)}")
                run.reused += 1
                continue
            twin = next((i for i, r in enumerate(new) if r.kind != "misc" and reference_identity(r) == identity), None)
            if twin is not None:
                wordings.setdefault(twin, []).append(entry.text)
                run.same.append(f"{where}: the same work as {principle.path}'s reference on line {new[twin].line}; "
                                "recorded as one entry")
                run.reused += 1
                continue
            new.append(ref)
    keys = assign_keys(new, set(next_number))
    proper_nouns = read_proper_nouns(root / PROPER_NOUNS)
    for index, (ref, key) in enumerate(zip(new, keys, strict=True)):
        text += "\n" + to_bibtex(ref, key, proper_nouns, tuple(wordings.get(index, [])))
    if new or run.reused:
        bib_path.write_text(text, encoding="utf-8")
    run.added = len(new)
    return run


def source_key_name(number: int) -> str:
    return "source-entry" if number == 1 else f"source-entry-{number}"


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
