"""Write parsed references as BibTeX, and read the project's .bib files with checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import BibliographyData, Entry
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from practice_site.errors import SourceError
from practice_site.input_files import read_input
from practice_site.references.apa_titles import protect, quoted_full_stop
from practice_site.references.bibtex_values import (
    bibtex_text,
    bibtex_url,
    names_field,
    particle_first,
    publishers_field,
)
from practice_site.references.library_cache import parse_bibtex
from practice_site.references.reference_fields import Reference
from practice_site.text_forms import ascii_letters, single_spaced, without_accents

ENTRY_START = re.compile(r"^[ \t]*@(?P<type>\w+)\s*(?P<open>[{(])\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)
BIB_TYPES = {"article": "article", "chapter": "incollection", "book": "book", "report": "report",
             "web": "online", "misc": "misc"}
SOURCE_FIELD = "source-entry"
WEB_ADDRESS = re.compile(r"https?://[^\s\"<>`]+$", re.IGNORECASE)
LINKING_FIELDS = {"crossref", "xdata", "xref", "related", "set", "entryset"}  # fields that pull in other entries
LETTERS = "abcdefghijklmnopqrstuvwxyz"
FIELD_LINE = re.compile(r"[ \t]*[\w-]+[ \t]*=")


def normalise_raw(text: str) -> str:
    """A reference string reduced for matching: no list marker, backslashes or doubled spaces."""
    return single_spaced(text.lstrip("-* ").replace("\\", ""))


def source_key(text: str) -> str:
    """A reference as written, in the form stored in ``source-entry`` fields (braces made brackets)."""
    return normalise_raw(text).replace("{", "(").replace("}", ")")


def source_fields(entry: Entry) -> list[str]:
    """The names of an entry's ``source-entry`` fields, in order: ``source-entry``, ``source-entry-2``..."""
    names = [name for name in entry.fields if name.lower() == SOURCE_FIELD
             or re.fullmatch(rf"{SOURCE_FIELD}-\d+", name.lower())]
    return sorted(names, key=lambda n: int(n.rpartition("-")[2]) if n[-1].isdigit() else 1)


def source_strings(entry: Entry) -> list[str]:
    """Every wording of this work recorded from the principles' reference lists (``source-entry``,
    ``source-entry-2``, ...), normalised by :func:`source_key` so they compare with a list's entries."""
    return [source_key(entry.fields[name]) for name in source_fields(entry)]


def next_source_number(entry: Entry) -> int:
    """The number of the next ``source-entry-N`` field for this entry (one past the highest used)."""
    numbers = [int(n.rpartition("-")[2]) if n[-1].isdigit() else 1 for n in source_fields(entry)]
    return max(numbers, default=0) + 1


def key_base(ref: Reference) -> str:
    """``ruch2020``, ``socialcare-nd``: first author's family name (or an organisation's first two
    words) in lower-case ASCII, then the year."""
    if not ref.authors:
        stem = "".join(ascii_letters(ref.title.replace("'", "").replace("’", "")).split()[:2]).lower()
    elif (first := ref.authors[0]).literal:
        words = ascii_letters(first.literal.replace("'", "").replace("’", "")).split()[:2]
        stem = "".join(words).lower()
    else:
        stem = ascii_letters(first.family.replace("'", "").replace("’", "")).replace(" ", "").lower()
    stem = stem or "reference"
    if not ref.year[:1].isdigit():  # "n.d.", "in press", "forthcoming"
        return f"{stem}-{ascii_letters(ref.year).replace(' ', '').lower() or 'nd'}"
    return f"{stem}{ref.year}"


def assign_keys(refs: list[Reference], taken: set[str]) -> list[str]:
    """Stable keys; a letter only where one author has two works in one year.

    Keys already in the library never change: a new work whose plain key (or a lettered form of
    it) is taken gets the next free letter from "b" (the published work is, in effect, "a").
    """
    bases = [key_base(r) for r in refs]
    counts = {base: bases.count(base) for base in bases}
    used = set(taken)
    keys: list[str] = []
    for base in bases:
        published = base in taken or any(f"{base}{letter}" in taken for letter in LETTERS)
        if counts[base] == 1 and not published:
            key = base
        else:
            key = next((f"{base}{s}" for s in (LETTERS[1:] if published else LETTERS) if f"{base}{s}" not in used),
                       None) or next(f"{base}-{n}" for n in range(2, len(used) + 3) if f"{base}-{n}" not in used)
        used.add(key)
        keys.append(key)
    return keys


def work_fields(ref: Reference, proper_nouns: list[str]) -> list[tuple[str, str]]:
    """The fields that say what the work is: names, titles, container, numbers, publisher, date, links."""
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("editor" if ref.edited else "author", names_field(ref.authors)))
    if ref.title:
        title = bibtex_text(quoted_full_stop(ref))
        fields.append(("title", "{" + title + "}" if ref.kind == "misc" else protect(title, proper_nouns)))
    container_field = {"article": "journal", "chapter": "booktitle"}.get(ref.kind)
    if container_field:
        container = bibtex_text(ref.container)
        fields.append((container_field, container if ref.kind == "article" else protect(container, proper_nouns)))
    if ref.editors:
        fields.append(("editor", names_field(ref.editors)))
    for name, value in (("edition", ref.edition), ("volume", ref.volume), ("number", ref.issue),
                        ("pages", ref.pages), ("type", ref.description)):
        if value:
            fields.append((name, value if name == "pages" else bibtex_text(value)))
    if ref.publisher:
        publisher_field = "institution" if ref.kind in {"report", "web"} else "publisher"
        fields.append((publisher_field, publishers_field(ref.publisher)))
    if ref.address:
        fields.append(("address", publishers_field(ref.address)))
    if ref.year[:1].isdigit():
        fields.append(("year", ref.year))
    elif ref.year in {"in press", "forthcoming"}:
        fields.append(("pubstate", ref.year.replace(" ", "")))
    for name, value in (("doi", ref.doi), ("url", ref.url), ("urldate", ref.accessed)):
        if value:
            fields.append((name, bibtex_url(value)))
    if particle_first(ref.authors + ref.editors):
        fields.append(("options", "useprefix=true"))
    return fields


def to_bibtex(ref: Reference, key: str, proper_nouns: list[str], also: tuple[str, ...] = ()) -> str:
    """One BibTeX entry, fields in a fixed order, with the reference as written kept for matching.

    ``also`` holds further wordings of the same work from other principles (``source-entry-2``...).
    An ``@misc`` entry's title (the reference as written) is braced whole, so its capitals stay.
    """
    fields = work_fields(ref, proper_nouns)
    for number, raw in enumerate((ref.raw, *also), start=1):
        fields.append((source_field_name(number), source_key(raw)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{BIB_TYPES[ref.kind]}{{{key},\n{body}\n}}\n"


def source_field_name(number: int) -> str:
    """``source-entry`` for the first wording of a work, ``source-entry-2`` for the second..."""
    return SOURCE_FIELD if number == 1 else f"{SOURCE_FIELD}-{number}"


def entry_span(bib_text: str, key: str) -> tuple[int, int]:
    """The indices of the opening and closing braces of entry ``key`` in ``bib_text``."""
    match = next(m for m in ENTRY_START.finditer(bib_text) if m.group("key") == key)
    opening = bib_text.index("{", match.start())
    depth = 0
    for index in range(opening, len(bib_text)):
        depth += {"{": 1, "}": -1}.get(bib_text[index], 0)
        if depth == 0:
            return opening, index
    raise ValueError(f"the entry {key} has no closing brace")


def last_field_line(bib_text: str, opening: int, closing: int) -> int | None:
    """Where the line of an entry's last field starts (a field's first line, outside any braces)."""
    depth, found = 0, None
    for index in range(opening, closing):
        char = bib_text[index]
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "\n" and depth == 1 and FIELD_LINE.match(bib_text, index + 1):
            found = index + 1
    return found


def add_source_field(bib_text: str, key: str, number: int, raw: str) -> str:
    """``bib_text`` with one more wording recorded on entry ``key``, as one new line, and nothing else changed."""
    return add_field(bib_text, key, source_field_name(number), source_key(raw))


def add_field(bib_text: str, key: str, name: str, value: str) -> str:
    """``bib_text`` with the field ``name = {value}`` added to entry ``key``, as one new line.

    The line goes at the end of the entry: before its closing brace when the last field already
    ends with a comma, otherwise just above the last field (usually ``source-entry``), so that no
    existing line has to change to gain a comma.
    """
    opening, closing = entry_span(bib_text, key)
    line = f"  {name} = {{{value}}}"
    last = len(bib_text[:closing].rstrip())
    if bib_text[last - 1] == ",":
        line_start = bib_text.rfind("\n", 0, closing) + 1
        if not bib_text[line_start:closing].strip():
            return f"{bib_text[:line_start]}{line}\n{bib_text[line_start:]}"
        return f"{bib_text[:closing]}\n{line}\n{bib_text[closing:]}"
    if (at := last_field_line(bib_text, opening, closing)) is not None:
        return f"{bib_text[:at]}{line},\n{bib_text[at:]}"
    return f"{bib_text[:last]},\n{line}{bib_text[last:]}"


def work_identity(families: list[str], year: str, title: str) -> tuple[str, str, str]:
    """What makes two entries one work: authors' family names (or organisation), year, title.

    Case, punctuation, markup and braces are ignored, so "Young People and Sexual Exploitation"
    and "Young people and sexual exploitation" are one title.
    """
    def fold(text: str) -> str:
        return single_spaced("".join(c if c.isalnum() else " " for c in without_accents(text).lower()))

    return "|".join(fold(f) for f in families), year, fold(title)


def reference_identity(ref: Reference) -> tuple[str, str, str]:
    """The identity of a parsed reference (see :func:`work_identity`)."""
    return work_identity([n.literal or n.family for n in ref.authors], ref.year, ref.title)


def entry_identity(entry: Entry) -> tuple[str, str, str]:
    """The identity of a library entry from its fields (see :func:`work_identity`)."""
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


def read_bib(path: Path, display: str, cache_dir: Path | None = None) -> BibFile:
    """Parse one .bib file (kept parsed in ``cache_dir``, if given); syntax errors and repeated keys become
    SourceErrors with the line."""
    text = read_input(path, display)
    lines: dict[str, int] = {}
    folded: dict[str, str] = {}  # BibTeX keys are the same whatever their case
    for match in ENTRY_START.finditer(text):
        line = text.count("\n", 0, match.start("type")) + 1
        key = match.group("key")
        if match.group("open") == "(":
            raise SourceError(display, line, f"write the entry in braces, @{match.group('type')}{{{key}, ...}}, "
                              "not in round brackets (the reference formatter cannot read those)")
        if key.lower() in folded:
            raise SourceError(display, line, f'the key "{key}" is already used on line {lines[folded[key.lower()]]}'
                              " (keys are the same whatever their case); give each entry its own key")
        lines[key], folded[key.lower()] = line, key
    try:
        data = parse_bibtex(text, cache_dir, path.stem)
    except PybtexSyntaxError as error:
        problem = str(error).split(": ", 1)[-1]
        raise SourceError(
            display, error.lineno or 1, f"BibTeX syntax error ({problem}); check this entry's braces and commas"
        ) from None
    except PybtexError as error:
        raise SourceError(display, 1, f"BibTeX error ({error}); check the entries it names") from None
    for key, entry in data.entries.items():
        if linked := [name for name in entry.fields if name.lower() in LINKING_FIELDS]:
            raise SourceError(display, field_line(text, lines.get(key, 1), linked[0]), f"{linked[0]} is not used "
                              "by this site (pandoc would follow it, and an entry that leads back to itself takes "
                              "all the computer's memory); write the entry's fields in full instead")
        url = entry.fields.get("url", "").strip()
        if url and not WEB_ADDRESS.match(url):
            raise SourceError(display, field_line(text, lines.get(key, 1), "url"), f"the url {url[:40]!r} is not a "
                              "web address; write it in full, starting https:// (or http://), or take the field out")
    return BibFile(display, data, lines)


def field_line(text: str, start: int, name: str) -> int:
    """The line of the first ``name = ...`` field at or after line ``start`` of ``text`` (``start`` if none)."""
    field = re.compile(rf"\s*{re.escape(name)}\s*=", re.IGNORECASE)
    return next((n for n, line in enumerate(text.split("\n"), 1) if n >= start and field.match(line)), start)


def read_library(bib_dir: Path, root: Path, cache_dir: Path | None = None
                 ) -> tuple[BibliographyData, dict[str, tuple[str, int]]]:
    """Every entry of every ``*.bib`` in ``bib_dir``, and where each was defined (see :func:`read_bib`)."""
    entries: dict[str, Entry] = {}
    where: dict[str, tuple[str, int]] = {}
    for path in sorted(bib_dir.glob("*.bib")):
        display = path.relative_to(root).as_posix()
        bib = read_bib(path, display, cache_dir)
        for key, entry in bib.data.entries.items():
            if key in where:
                other, line = where[key]
                raise SourceError(display, bib.lines[key], f'the key "{key}" is already used in {other}:{line}; '
                                  "give each entry its own key")
            entries[key] = entry
            where[key] = (display, bib.lines[key])
    return BibliographyData(entries=entries), where
