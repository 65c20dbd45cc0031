"""Write parsed references as BibTeX, and read the project's .bib files with checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import BibliographyData, Entry, parse_string
from pybtex.scanner import PybtexSyntaxError

from .apa import Name, Reference, ascii_fold
from .errors import SourceError

ENTRY_START = re.compile(r"^\s*@(?P<type>\w+)\s*\{\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)
BIB_TYPES = {"article": "article", "chapter": "incollection", "book": "book", "report": "report",
             "web": "online", "misc": "misc"}
SOURCE_FIELD = "source-entry"


def normalise_raw(text: str) -> str:
    """A reference string reduced for matching: no list marker, backslashes or doubled spaces."""
    return " ".join(text.lstrip("-* ").replace("\\", "").split())


def source_key(text: str) -> str:
    """A reference as written, in the form stored in ``source-entry`` fields (braces made brackets)."""
    return normalise_raw(text).replace("{", "(").replace("}", ")")


def source_fields(entry: Entry) -> list[str]:
    """The names of an entry's ``source-entry`` fields, in order: ``source-entry``, ``source-entry-2``..."""
    names = [name for name in entry.fields if name.lower() == SOURCE_FIELD
             or re.fullmatch(rf"{SOURCE_FIELD}-\d+", name.lower())]
    return sorted(names, key=lambda n: int(n.rpartition("-")[2]) if n[-1].isdigit() else 1)


def source_strings(entry: Entry) -> list[str]:
    """Every wording of this work recorded from the principles' reference lists, normalised."""
    return [normalise_raw(entry.fields[name]) for name in source_fields(entry)]


def key_base(ref: Reference) -> str:
    """``ruch2020``, ``socialcare-nd``: first author's family name (or an organisation's first two
    words) in lower-case ASCII, then the year."""
    if not ref.authors:
        stem = "".join(ascii_fold(ref.title.replace("'", "").replace("’", "")).split()[:2]).lower() or "reference"
    elif (first := ref.authors[0]).literal:
        words = ascii_fold(first.literal.replace("'", "").replace("’", "")).split()[:2]
        stem = "".join(words).lower()
    else:
        stem = ascii_fold(first.family.replace("'", "").replace("’", "")).replace(" ", "").lower()
    return f"{stem}-nd" if ref.year == "n.d." else f"{stem}{ref.year}"


def assign_keys(refs: list[Reference], taken: set[str]) -> list[str]:
    """Stable keys; a letter only where one author has two works in one year.

    Keys already in the library never change: a new work whose plain key is taken gets the next
    free letter from "b" (the published work is, in effect, "a").
    """
    bases = [key_base(r) for r in refs]
    keys: list[str] = []
    for base in bases:
        if bases.count(base) == 1 and base not in taken:
            keys.append(base)
            continue
        letters = "bcdefghijklmnopqrstuvwxyz" if base in taken else "abcdefghijklmnopqrstuvwxyz"
        keys.append(next(f"{base}{s}" for s in letters if f"{base}{s}" not in taken and f"{base}{s}" not in keys))
    return keys


def protect(text: str, proper_nouns: list[str]) -> str:
    """Brace proper nouns and acronyms so their capitals survive sentence case.

    ``&`` and ``%`` are left bare: pybtex reads them, and escapes them when it writes.
    """
    for noun in sorted(proper_nouns, key=len, reverse=True):
        text = re.sub(rf"(?<![{{\w]){re.escape(noun)}(?![\w}}])", "{" + noun + "}", text)
    return re.sub(r"(?<![{\w])([A-Z][a-z]*[A-Z][\w]*)(?![\w}])", r"{\1}", text)


def bibtex_name(name: Name) -> str:
    """"Family, Initials", "Family, Jr., Initials" (BibTeX's order), or "{Organisation}"."""
    if name.literal:
        return "{" + name.literal + "}"
    given, jr, _ = name.given.partition(", Jr.")
    return f"{name.family}, Jr., {given}" if jr else f"{name.family}, {given}"


def names_field(names: list[Name]) -> str:
    return " and ".join(bibtex_name(n) for n in names)


def to_bibtex(ref: Reference, key: str, proper_nouns: list[str], also: tuple[str, ...] = ()) -> str:
    """One BibTeX entry, fields in a fixed order, with the reference as written kept for matching.

    ``also`` holds further wordings of the same work from other principles (``source-entry-2``...).
    """
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("editor" if ref.edited else "author", names_field(ref.authors)))
    if ref.title:
        fields.append(("title", protect(ref.title, proper_nouns)))
    container_field = {"article": "journal", "chapter": "booktitle"}.get(ref.kind)
    if container_field:
        container = ref.container if ref.kind == "article" else protect(ref.container, proper_nouns)
        fields.append((container_field, container))
    if ref.editors:
        fields.append(("editor", names_field(ref.editors)))
    for name, value in (("edition", ref.edition), ("volume", ref.volume), ("number", ref.issue),
                        ("pages", ref.pages)):
        if value:
            fields.append((name, value))
    if ref.publisher:
        fields.append(("institution" if ref.kind in {"report", "web"} else "publisher",
                       ref.publisher))
    if ref.year and ref.year != "n.d.":
        fields.append(("year", ref.year))
    for name, value in (("doi", ref.doi), ("url", ref.url), ("urldate", ref.accessed)):
        if value:
            fields.append((name, value))
    for number, raw in enumerate((ref.raw, *also), start=1):
        fields.append((source_field_name(number), source_key(raw)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{BIB_TYPES[ref.kind]}{{{key},\n{body}\n}}\n"


def source_field_name(number: int) -> str:
    """``source-entry`` for the first wording of a work, ``source-entry-2`` for the second..."""
    return SOURCE_FIELD if number == 1 else f"{SOURCE_FIELD}-{number}"


def add_source_field(bib_text: str, key: str, number: int, raw: str) -> str:
    """``bib_text`` with one more wording recorded on entry ``key``: a new line after its first line."""
    match = next(m for m in ENTRY_START.finditer(bib_text) if m.group("key") == key)
    line_end = bib_text.index("\n", match.end() - 1) + 1
    return f"{bib_text[:line_end]}  {source_field_name(number)} = {{{source_key(raw)}}},\n{bib_text[line_end:]}"


def work_identity(families: list[str], year: str, title: str) -> tuple[str, str, str]:
    """What makes two entries one work: authors' family names (or organisation), year, title.

    Case, punctuation, markup and braces are ignored, so "Young People and Sexual Exploitation"
    and "Young people and sexual exploitation" are one title.
    """
    def fold(text: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in ascii_fold_keep(text).lower()).split())

    return "|".join(fold(f) for f in families), year, fold(title)


def ascii_fold_keep(text: str) -> str:
    """Accents folded, every other character kept (for comparing titles)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def reference_identity(ref: Reference) -> tuple[str, str, str]:
    return work_identity([n.literal or n.family for n in ref.authors], ref.year, ref.title)


def entry_identity(entry: Entry) -> tuple[str, str, str]:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    families = [" ".join(p.prelast_names + p.last_names) for p in persons]
    families = [f.replace("{", "").replace("}", "") for f in families]
    return work_identity(families, entry.fields.get("year", "n.d."), entry.fields.get("title", ""))


@dataclass
class BibFile:
    """A parsed .bib file and the line each entry starts on."""

    path: str
    data: BibliographyData
    lines: dict[str, int]


def read_bib(path: Path, display: str) -> BibFile:
    """Parse one .bib file; syntax errors and repeated keys become SourceErrors with the line."""
    text = path.read_text(encoding="utf-8")
    lines: dict[str, int] = {}
    for match in ENTRY_START.finditer(text):
        line = text.count("\n", 0, match.start("type")) + 1
        key = match.group("key")
        if key in lines:
            raise SourceError(display, line, f'the key "{key}" is already used on line {lines[key]}; '
                              "give each entry its own key")
        lines[key] = line
    try:
        data = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        problem = str(error).split(": ", 1)[-1]
        raise SourceError(
            display, error.lineno or 1, f"BibTeX syntax error ({problem}); check this entry's braces and commas"
        ) from None
    return BibFile(display, data, lines)


def read_library(bib_dir: Path, root: Path) -> tuple[BibliographyData, dict[str, tuple[str, int]]]:
    """Every entry of every ``*.bib`` in ``bib_dir``, and where each was defined."""
    entries: dict[str, Entry] = {}
    where: dict[str, tuple[str, int]] = {}
    for path in sorted(bib_dir.glob("*.bib")):
        display = path.relative_to(root).as_posix()
        bib = read_bib(path, display)
        for key, entry in bib.data.entries.items():
            if key in where:
                other, line = where[key]
                raise SourceError(display, bib.lines[key], f'the key "{key}" is already used in {other}:{line}; '
                                  "give each entry its own key")
            entries[key] = entry
            where[key] = (display, bib.lines[key])
    return BibliographyData(entries=entries), where
