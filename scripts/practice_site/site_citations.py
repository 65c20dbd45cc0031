"""Citations for the whole site: read the library, resolve every citation, format every work."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import SITE, FormattedLibrary, cached_format_contexts
from .bibtex import read_library, source_key, source_strings
from .citations import CitationGroup, CitedWork, find_groups
from .citing import Work, library_works, resolve_groups
from .corrections import Corrections, read_corrections
from .errors import SourceError
from .model import Principle
from .parser import body_paragraphs
from .short_names import read_short_names

CORRECTIONS_FILE = "corrections.tsv"
SHORT_NAMES_FILE = "short-names.tsv"
CSL_FILE = "apa.csl"


@dataclass
class SiteCitations:
    """Every citation group by principle, each module's reference list, and the formatted works."""

    groups: dict[int, list[CitationGroup]]
    module_keys: dict[int, list[str]]
    corrections: Corrections
    entry_sources: dict[str, tuple[str, int]]
    short_names: dict[str, str] = field(default_factory=dict)
    works_in_library: list[Work] = field(default_factory=list)
    raw_entries: dict[str, str] = field(default_factory=dict)
    formatted: dict[str, FormattedLibrary] = field(default_factory=dict)

    @property
    def library(self) -> FormattedLibrary:
        """Every work formatted together (the Bibliography page's labels and order)."""
        return self.formatted[SITE]

    def module_library(self, number: int) -> FormattedLibrary:
        """The labels and references one module shows (its own citeproc run when it needs one)."""
        return self.formatted.get(f"principle-{number}", self.formatted[SITE])

    def works(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for groups in self.groups.values() for g in groups for w in g.works]

    def unresolved(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for g, w in self.works() if w.how == "unresolved"]

    def cited_keys(self, number: int) -> set[str]:
        return {w.key for g in self.groups[number] for w in g.works if w.key}


def module_reference_keys(principle: Principle, by_source: dict[str, str]) -> list[str]:
    """The library keys of a module's reference list, matched by the reference as written."""
    keys = []
    for entry in principle.references:
        key = by_source.get(source_key(entry.text))
        if key is None:
            raise SourceError(principle.path, entry.line, "this reference is not in bib/references.bib; "
                              "run 'make bib' to add it, then check the new entry")
        keys.append(key)
    return keys


def collect_citations(root: Path, bib_dir: Path, principles: list[Principle]) -> SiteCitations:
    """Read bib/ and resolve every citation (no formatting yet); errors name file and line."""
    data, where = read_library(bib_dir, root)
    corrections = read_corrections(
        bib_dir / CORRECTIONS_FILE, (bib_dir / CORRECTIONS_FILE).relative_to(root).as_posix(), set(data.entries)
    )
    for fix in corrections.of_kind("name"):
        if not any(fix.written in " ".join(p.last_names) for e in data.entries.values()
                   for ps in e.persons.values() for p in ps):
            raise SourceError(corrections.path, fix.line, f'no entry in bib/ has the name "{fix.written}"')
    written = {key: source_strings(entry) for key, entry in data.entries.items()}
    works = library_works(data, written)
    short_path = bib_dir / SHORT_NAMES_FILE
    short_names = read_short_names(short_path, short_path.relative_to(root).as_posix(),
                                   {w.literal for w in works if w.literal})
    by_source = {text: key for key, texts in written.items() for text in texts}
    site = SiteCitations({}, {}, corrections, where, short_names, works)
    site.raw_entries = {k: " ".join(texts) for k, texts in written.items()}
    for principle in principles:
        site.module_keys[principle.number] = module_reference_keys(principle, by_source)
        groups = [g for p in body_paragraphs(principle) for g in find_groups(p.text, principle.path, p.line)]
        resolve_groups(groups, works, corrections, short_names, set(site.module_keys[principle.number]))
        site.groups[principle.number] = groups
    return site


def format_citations(site: SiteCitations, bib_dir: Path, cache_dir: Path | None = None) -> None:
    """Format every work in APA 7 (one pandoc run for the site, none while the cache in ``cache_dir`` holds)."""
    contexts = {
        f"principle-{number}": sorted(set(keys) | site.cited_keys(number))
        for number, keys in site.module_keys.items()
    }
    site.formatted = cached_format_contexts(sorted(bib_dir.glob("*.bib")), bib_dir / CSL_FILE, site.corrections,
                                            contexts, cache_dir)


def reference_list(library: FormattedLibrary, keys: list[str]) -> list[tuple[str, str]]:
    """(key, APA Markdown) for ``keys``, once each, in the order citeproc put them (APA order)."""
    wanted = set(keys)
    return [(k, text) for k, text in library.references.items() if k in wanted]


def correction_notes(site: SiteCitations, number: int) -> list[str]:
    """Plain-language notes on what was corrected in one module, with the reviewed reasons."""
    labels = site.module_library(number).labels
    notes = []
    for group in site.groups[number]:
        for work in group.works:
            if work.how == "mapping":
                notes.append(f"The source cites “{work.written}”; it is shown as "
                             f"“{labels[work.key]}”. {work.reason}")
            elif work.how == "fuzzy":
                notes.append(f"The source cites “{work.written}”; it is shown as “{labels[work.key]}”, as the "
                             "reference list names the work.")
            elif work.how == "known missing":
                notes.append(f"The source cites “{work.written}”, shown as written. {work.reason}")
    for fix in site.corrections.of_kind("name"):
        if any(fix.written in site.raw_entries[k] for k in site.module_keys[number]):
            notes.append(f"The reference list spells a name “{fix.written}”; it is shown as "
                         f"“{fix.becomes}”. {fix.reason}")
    return list(dict.fromkeys(notes))
