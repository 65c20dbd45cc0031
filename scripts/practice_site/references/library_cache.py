"""The BibTeX library as pybtex parsed it, kept as JSON until the ``.bib`` text changes.

pybtex's parser takes longer than the rest of reading the library; a build that finds the same text
again reads its entries back from ``.cache/practice-site/`` instead. Only plain data is stored (JSON:
types, fields and the parts of each name as pybtex split them), never code, and anything unreadable
there is ignored and parsed afresh.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser

NAME_PARTS = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")


def parse_bibtex(text: str, cache_dir: Path | None = None, name: str = "library") -> BibliographyData:
    """BibTeX text parsed by pybtex's BibTeX parser (named directly: looking it up by name costs more than
    parsing); with ``cache_dir``, kept there under ``name`` and read back while the text is the same."""
    if cache_dir is None:
        return Parser().parse_string(text)
    digest = hashlib.sha256(f"{version('pybtex')}\n{text}".encode()).hexdigest()[:24]
    path = cache_dir / f"bib-{name}-{digest}.json"
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    data = Parser().parse_string(text)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"bib-{name}-*.json"):
        if len(old.stem) == len(path.stem):  # this file's copies only ("bib-references-<digest>")
            old.unlink(missing_ok=True)  # another build may have taken it away already
    path.write_text(json.dumps(to_json(data)), encoding="utf-8")
    return data


def to_json(data: BibliographyData) -> list[dict]:
    return [{"key": key, "type": entry.original_type, "fields": list(entry.fields.items()),
             "persons": [[role, [{part: getattr(p, part) for part in NAME_PARTS} for p in people]]
                         for role, people in entry.persons.items()]}
            for key, entry in data.entries.items()]


def from_json(items: list[dict]) -> BibliographyData:
    entries = {}
    for item in items:
        persons = {role: [person(parts) for parts in people] for role, people in item["persons"]}
        entries[item["key"]] = Entry(item["type"], fields=[tuple(pair) for pair in item["fields"]], persons=persons)
    return BibliographyData(entries=entries)


def person(parts: dict[str, list[str]]) -> Person:
    """A name with the parts pybtex split it into (not split again)."""
    found = Person()
    for part in NAME_PARTS:
        words = parts[part]
        if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
            raise TypeError("a name part is not a list of words")
        setattr(found, part, list(words))
    return found
