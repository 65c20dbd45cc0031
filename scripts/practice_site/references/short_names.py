"""Read ``bib/short-names.tsv``: organisations' short names, declared once for every principle."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from practice_site.errors import SourceError
from practice_site.input_files import read_source
from practice_site.text_forms import organisation_form


def is_abbreviation(short: str) -> bool:
    """"DfE", "SCIE": one word, so APA's first-use rule applies ("Full Name [DfE], 2023")."""
    return " " not in short.strip()


@dataclass(frozen=True)
class ShortNames:
    """Short name -> the organisation's name as the library writes it, and notes for the editor."""

    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    notes: tuple[str, ...] = ()


def read_short_names(path: Path, display: str, organisations: Iterable[str]) -> ShortNames:
    """Each declared short name; errors name the file and line.

    Apostrophes (straight or curly) and "&"/"and" do not matter when the organisation is looked up.
    The same line twice is kept once, with a note; one short name for two organisations is an error.
    """
    found: dict[str, str] = {}
    lines: dict[str, int] = {}
    notes: list[str] = []
    if not path.exists():
        return ShortNames()
    by_form = {organisation_form(o): o for o in organisations}
    for number, line in enumerate(read_source(path, display), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = [c.strip() for c in line.split("\t")]
        if len(columns) != 2 or not all(columns):
            raise SourceError(display, number, "expected two columns separated by a tab: "
                              "the short name, then the organisation's name as bib/ writes it")
        short, full = columns[0].replace("’", "'"), columns[1]
        library_name = by_form.get(organisation_form(full))
        if library_name is None:
            raise SourceError(display, number, f'no entry in bib/ has the author "{full}"; write the '
                              "organisation's name exactly as its entry in bib/references.bib does")
        if short in found:
            if found[short] == library_name:
                notes.append(f"{display}:{number}: {short} is declared again (as on line {lines[short]}); "
                             "the line is read once, and either can go")
                continue
            raise SourceError(display, number, f'"{short}" is already declared on line {lines[short]} for '
                              f'"{found[short]}"; a short name can stand for one organisation only')
        found[short], lines[short] = library_name, number
    return ShortNames(MappingProxyType(found), tuple(notes))
