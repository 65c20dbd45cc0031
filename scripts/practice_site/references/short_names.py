"""Read ``bib/short-names.tsv``: organisations' short names, declared once for every principle."""

from __future__ import annotations

from pathlib import Path

from practice_site.errors import SourceError


def is_abbreviation(short: str) -> bool:
    """"DfE", "SCIE": one word, so APA's first-use rule applies ("Full Name [DfE], 2023")."""
    return " " not in short.strip()


def read_short_names(path: Path, display: str, organisations: set[str]) -> dict[str, str]:
    """short name -> the organisation's name as the library writes it; errors name file and line."""
    found: dict[str, str] = {}
    if not path.exists():
        return found
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = [c.strip() for c in line.split("\t")]
        if len(columns) != 2 or not all(columns):
            raise SourceError(display, number, "expected two columns separated by a tab: "
                              "the short name, then the organisation's name as bib/ writes it")
        short, full = (c.replace("’", "'") for c in columns)
        if short in found:
            raise SourceError(display, number, f'"{short}" is already declared above; keep one line')
        if full not in organisations:
            raise SourceError(display, number, f'no entry in bib/ has the author "{full}"; write the '
                              "organisation's name exactly as its entry in bib/references.bib does")
        found[short] = full
    return found
