"""Add the reference-list entries of every source to ``bib/references.bib``.

Run ``python -m practice_site.make_bib`` (``make bib``). Entries already in the file (matched by
the source string they were made from) are left alone, so reviewed edits are kept; new ones are
appended. Every guess the parser makes is printed with the entry's file and line; an entry it
cannot read is reported and not written, and the command exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .apa import ReferenceParseError, parse_reference
from .bibtex import SOURCE_FIELD, assign_keys, normalise_raw, read_library, to_bibtex
from .collection import load_principles
from .errors import SourceError

BIB_FILE = "bib/references.bib"
PROPER_NOUNS = "bib/proper-nouns.txt"
HEADER = """\
% The works in the Practice Principles' reference lists, made by `make bib` from sources/ and
% checked by eye. Reviewed edits are kept when make bib runs again. `source-entry` is the
% reference as written in the source; the generator uses it to match the two.
"""


def read_proper_nouns(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def add_new_references(root: Path) -> tuple[list[str], list[str], int]:
    """Append new entries; return (messages about guesses, errors, number added)."""
    principles = load_principles(root / "sources", root)
    bib_path = root / BIB_FILE
    known: set[str] = set()
    taken: set[str] = set()
    if bib_path.exists():
        library, _ = read_library(root / "bib", root)
        taken = set(library.entries)
        known = {normalise_raw(e.fields.get(SOURCE_FIELD, "")) for e in library.entries.values()}
    notes, errors, new = [], [], []
    for principle in principles:
        for entry in principle.references:
            raw = normalise_raw(entry.text).replace("{", "(").replace("}", ")")
            if raw in known:
                continue
            known.add(raw)
            try:
                ref = parse_reference(entry.text, entry.line)
            except ReferenceParseError as error:
                errors.append(f"{principle.path}:{entry.line}: {error}; write this entry in bib/ by hand")
                continue
            notes.extend(f"{principle.path}:{entry.line}: {note}" for note in ref.notes)
            new.append(ref)
    proper_nouns = read_proper_nouns(root / PROPER_NOUNS)
    keys = assign_keys(new, taken)
    if new:
        text = bib_path.read_text(encoding="utf-8") if bib_path.exists() else HEADER
        text += "".join("\n" + to_bibtex(ref, key, proper_nouns) for ref, key in zip(new, keys, strict=True))
        bib_path.write_text(text, encoding="utf-8")
    return notes, errors, len(new)


def main() -> int:
    try:
        notes, errors, added = add_new_references(Path.cwd())
    except SourceError as error:
        print(f"make bib: {error}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"guess: {note}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{BIB_FILE}: {added} new entries added. Check them by eye before committing.")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
