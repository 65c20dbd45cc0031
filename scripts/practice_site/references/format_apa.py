"""Format the library in APA 7 with mkdocs-bibtex's Pandoc registry and the CSL style.

mkdocs-bibtex's own plugin runs pandoc once per page and renders citations as footnotes. Here its
registry is used as a library instead: the whole library goes through citeproc in one run, so a
work has one label everywhere. APA's "a"/"b" year suffixes belong to one reference list, though: a
module whose works collide only with works outside it (another principle's "Ruch, 2020") gets its
own run, so adding a principle never changes a letter of another module; so does a module whose authors
citeproc told apart from another module's namesake with initials ("J. Lloyd"). Pandoc reads the
``.bib`` files as written (not as pybtex would write them again), and its Markdown is read back to
HTML by pandoc itself: nothing here edits a character of what citeproc produced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType

from practice_site.references.apa_order import filing_key
from practice_site.references.library_cache import parse_bibtex

INITIALS_ADDED = re.compile(r"^(?:[A-Z][a-z]?\.[ -]?)+\s")  # "J. Lloyd, 2018": initials citeproc added
SUFFIXED_LABEL = re.compile(r"^(.*(?:\d{4}|n\.d\.|in press|forthcoming))-?[a-z]$")  # "Ruch, 2020a", "Ruch, n.d.-b"
SITE = "site"


@dataclass(frozen=True)
class FormattedLibrary:
    """Every work's in-text label (plain text) and its APA reference (HTML made by pandoc)."""

    labels: Mapping[str, str]
    references: Mapping[str, str]

    def __post_init__(self) -> None:
        """Kept as read-only maps (copies of what was given), so no one changes them later."""
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "references", MappingProxyType(dict(self.references)))


def use_bundled_pandoc() -> None:
    """Point pypandoc at the pandoc in the pypandoc-binary wheel, so it does not search for one."""
    import pypandoc

    bundled = Path(pypandoc.__file__).parent / "files" / "pandoc"
    if bundled.is_file():
        os.environ.setdefault("PYPANDOC_PANDOC", str(bundled))


FORMATTING_CODE = ("format_apa.py", "apa_order.py", "bibtex_adapter.py")  # a change to any formats afresh


def cache_key(bib_files: list[Path], csl: Path, contexts: dict[str, list[str]]) -> str:
    """Changes whenever anything that shapes the formatted references changes."""
    digest = hashlib.sha256()
    for path in [*bib_files, csl, *(Path(__file__).with_name(name) for name in FORMATTING_CODE)]:
        digest.update(path.read_bytes())
    digest.update(json.dumps(contexts, sort_keys=True).encode())
    digest.update(f"{version('mkdocs-bibtex')} {version('pypandoc-binary')}".encode())
    return digest.hexdigest()[:24]


def cached_format_contexts(
    bib_files: list[Path], csl: Path, contexts: dict[str, list[str]],
    cache_dir: Path | None,
) -> dict[str, FormattedLibrary]:
    """:func:`format_contexts`, reusing the last result while its inputs are unchanged.

    Rebuilds while editing a principle's text then start no pandoc process at all.
    """
    if cache_dir is None:
        return format_contexts(bib_files, csl, contexts)
    path = cache_dir / f"citations-{cache_key(bib_files, csl, contexts)}.json"
    if path.is_file():
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {name: FormattedLibrary(**value) for name, value in stored.items()}
    formatted = format_contexts(bib_files, csl, contexts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob("citations-*.json"):
        old.unlink()
    stored = {name: {"labels": dict(lib.labels), "references": dict(lib.references)} for name, lib in formatted.items()}
    path.write_text(json.dumps(stored), encoding="utf-8")
    return formatted


def colliding_keys(labels: Mapping[str, str], surnames: Mapping[str, str]) -> dict[str, set[str]]:
    """Key -> the keys whose works its site-wide label depends on: those whose label differs from it only by
    the year's letter ("Ruch, 2020a"), and, where citeproc added initials to tell two authors of one surname
    apart ("J. Lloyd, 2018"), every work whose first author has that surname (``surnames``: key -> surname)."""
    groups: dict[str, set[str]] = {}
    for key, label in labels.items():
        if suffixed := SUFFIXED_LABEL.match(label):
            groups.setdefault(suffixed.group(1), set()).add(key)
    collisions = {key: set(group) for group in groups.values() for key in group}
    by_surname: dict[str, set[str]] = {}
    for key, surname in surnames.items():
        by_surname.setdefault(surname, set()).add(key)
    for key, label in labels.items():
        if INITIALS_ADDED.match(label) and key in surnames:
            collisions.setdefault(key, {key}).update(by_surname[surnames[key]])
    return collisions


def first_surnames(bib_files: list[Path]) -> dict[str, str]:
    """Key -> the first author's (or editor's) surname without its particles, as citeproc compares names."""
    data = parse_bibtex("\n\n".join(p.read_text(encoding="utf-8") for p in bib_files))
    found = {}
    for key, entry in data.entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        if people and people[0].first_names:
            found[key] = " ".join(people[0].last_names).replace("{", "").replace("}", "").lower()
    return found


def own_letters(keys: list[str], collisions: dict[str, set[str]]) -> frozenset[str]:
    """The works of ``keys`` whose label (year letter or added initials) depends on which of their namesakes
    the list holds. Empty when every namesake of every work is in the list (the site-wide labels are right).
    """
    wanted = set(keys)
    return frozenset(k for k in wanted if k in collisions and not collisions[k] <= wanted)


def format_contexts(
    bib_files: list[Path], csl: Path, contexts: dict[str, list[str]]
) -> dict[str, FormattedLibrary]:
    """The whole library under ``"site"``, and the labels of each context (a module's keys) that differ.

    One citeproc run for the site, plus one for each distinct set of works whose letters change
    (however many modules share it), so runs grow with such collisions, never with pages.
    """
    use_bundled_pandoc()
    site = run_citeproc(bib_files, csl, None)
    collisions = colliding_keys(site.labels, first_surnames(bib_files))
    signatures = {name: own_letters(keys, collisions) for name, keys in contexts.items()}
    distinct = sorted({sig for sig in signatures.values() if sig}, key=sorted)
    runs = {f"run-{i}": run_citeproc(bib_files, csl, sorted(sig)) for i, sig in enumerate(distinct)}
    read = read_back({SITE: site, **runs})
    by_signature = {sig: read[f"run-{i}"] for i, sig in enumerate(distinct)}
    formatted = {SITE: read[SITE]}
    for name, sig in signatures.items():
        if sig:
            formatted[name] = merged(read[SITE], by_signature[sig])
    return formatted


def merged(site: FormattedLibrary, own: FormattedLibrary) -> FormattedLibrary:
    """The site's labels and references, with a context's own for the works it formatted itself."""
    return FormattedLibrary({**site.labels, **own.labels},
                            {key: own.references.get(key, text) for key, text in site.references.items()})


def run_citeproc(
    bib_files: list[Path], csl: Path, keys: list[str] | None
) -> FormattedLibrary:
    """Labels and references for ``keys`` (default: every entry) in one pandoc process."""
    from practice_site.references.bibtex_adapter import FileRegistry, cite  # only when pandoc must run

    registry = FileRegistry(bib_files, csl)
    entries = registry.bib_data.entries
    wanted = list(entries) if keys is None else [k for k in keys if k in entries]
    # The style lists works in the order they are cited: cite them in APA's order (see apa_order).
    wanted.sort(key=lambda k: filing_key(k, entries[k]))
    # citeproc gives year letters among the works cited, so a run over some keys letters those alone.
    labels, references = cite(registry, wanted)
    return FormattedLibrary(labels, references)


def read_back(formatted: dict[str, FormattedLibrary]) -> dict[str, FormattedLibrary]:
    """Pandoc's Markdown read back by pandoc: labels as plain text, references as HTML.

    Two pandoc runs for the whole site. Pandoc escapes whatever an entry holds (``<script>`` in a
    title stays text), writes dashes and quotes as characters and leaves web addresses as they are.
    """
    import pypandoc

    def convert(texts: list[str], to: str) -> list[str]:
        if not texts:
            return []
        out = pypandoc.convert_text("\n\n".join(texts), to=to, format="markdown", extra_args=["--wrap=none"])
        if to == "plain":
            parts = out.strip().split("\n\n")
        else:  # one "<p>...</p>" line per reference (no wrapping)
            parts = [line.removeprefix("<p>").removesuffix("</p>") for line in out.strip().split("\n")
                     if line.startswith("<p>") and line.endswith("</p>")]
        if len(parts) != len(texts):
            raise ValueError(f"pandoc returned {len(parts)} paragraphs for {len(texts)} references")
        return parts

    labels = iter(convert([t for lib in formatted.values() for t in lib.labels.values()], "plain"))
    references = iter(convert([t for lib in formatted.values() for t in lib.references.values()], "html"))
    return {
        name: FormattedLibrary({k: next(labels) for k in lib.labels},
                               {k: next(references) for k in lib.references})
        for name, lib in formatted.items()
    }
