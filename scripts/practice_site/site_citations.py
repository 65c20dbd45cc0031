"""Citations for the whole site: read the library, resolve every citation, format every work."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import FormattedLibrary, cached_format_library, sort_key
from .bibtex import SOURCE_FIELD, normalise_raw, read_library
from .citations import CITATION
from .citing import CitationGroup, CitedWork, find_groups, library_works, resolve_groups
from .corrections import Corrections, read_corrections
from .errors import SourceError
from .model import Principle
from .parser import body_paragraphs

CORRECTIONS_FILE = "corrections.tsv"
CSL_FILE = "apa.csl"


@dataclass
class SiteCitations:
    """Every citation group by principle, each module's reference list, and the formatted works."""

    groups: dict[int, list[CitationGroup]]
    module_keys: dict[int, list[str]]
    corrections: Corrections
    entry_sources: dict[str, tuple[str, int]]
    library: FormattedLibrary | None = None
    raw_entries: dict[str, str] = field(default_factory=dict)

    def works(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for groups in self.groups.values() for g in groups for w in g.works]

    def unresolved(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for g, w in self.works() if w.how == "unresolved"]

    def cited_keys(self, number: int) -> set[str]:
        return {w.key for g in self.groups[number] for w in g.works if w.key}


def module_reference_keys(principle: Principle, by_source: dict[str, str]) -> list[str]:
    """The library keys of a module's reference list, matched by the source string."""
    keys = []
    for entry in principle.references:
        key = by_source.get(normalise_raw(entry.text).replace("{", "(").replace("}", ")"))
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
    works = library_works(data)
    by_source = {normalise_raw(e.fields.get(SOURCE_FIELD, "")): k for k, e in data.entries.items()}
    site = SiteCitations({}, {}, corrections, where)
    site.raw_entries = {k: e.fields.get(SOURCE_FIELD, "") for k, e in data.entries.items()}
    for principle in principles:
        groups = [g for p in body_paragraphs(principle) for g in find_groups(p.text, principle.path, p.line)]
        resolve_groups(groups, works, corrections)
        site.groups[principle.number] = groups
        site.module_keys[principle.number] = module_reference_keys(principle, by_source)
    return site


def format_citations(site: SiteCitations, bib_dir: Path, cache_dir: Path | None = None) -> None:
    """Format every work in APA 7 (one pandoc run for the site, none while the cache in ``cache_dir`` holds)."""
    site.library = cached_format_library(sorted(bib_dir.glob("*.bib")), bib_dir / CSL_FILE, site.corrections,
                                         cache_dir)


def render_group(group: CitationGroup, labels: dict[str, str], href) -> str:
    """HTML for one citation group: each name-year a link, corrections applied, APA punctuation."""
    parts: list[str] = []
    previous_author = None
    for part in group.parts:
        if isinstance(part, str):
            parts.append(part)
            previous_author = None
            continue
        if part.key is None:
            text = part.written + (f", {part.locator}" if part.locator else "")
            parts.append(html.escape(text, quote=False))
            previous_author = None
            continue
        label = labels[part.key]
        author, _, year = label.rpartition(", ")
        same_author = author == previous_author and parts
        shown = year if same_author else label
        link = f'<a class="citation" href="{href(part.key)}">{html.escape(shown, quote=False)}</a>'
        if part.locator:
            link += f", {part.locator}"
        if same_author:
            parts[-1] += f", {link}"
        else:
            parts.append(link)
        previous_author = author
    return "(" + "; ".join(parts) + ")"


def citation_linker(site: SiteCitations, principle: Principle, bibliography_href: str):
    """A function that replaces the citation groups of one paragraph (by its line) with links."""
    assert site.library is not None
    listed = set(site.module_keys[principle.number])
    by_place = {(g.line, g.text): g for g in site.groups[principle.number]}

    def href(key: str) -> str:
        return f"#ref-{key}" if key in listed else f"{bibliography_href}#ref-{key}"

    def link(text: str, line: int) -> str:
        def replace(match) -> str:
            group = by_place.get((line, match.group(0)))
            return render_group(group, site.library.labels, href) if group else match.group(0)

        return CITATION.sub(replace, text)

    return link


def reference_list(site: SiteCitations, keys: list[str]) -> list[tuple[str, str]]:
    """(key, APA Markdown) for ``keys``, once each, in APA order."""
    assert site.library is not None
    unique = dict.fromkeys(keys)
    return sorted(((k, site.library.references[k]) for k in unique), key=lambda kv: sort_key(kv[1]))


def correction_notes(site: SiteCitations, number: int) -> list[str]:
    """Plain-language notes on what was corrected in one module, with the reviewed reasons."""
    assert site.library is not None
    notes = []
    for group in site.groups[number]:
        for work in group.works:
            if work.how == "mapping":
                notes.append(f"The source cites “{work.written}”; it is shown as "
                             f"“{site.library.labels[work.key]}”. {work.reason}")
            elif work.how == "known missing":
                notes.append(f"The source cites “{work.written}”, shown as written. {work.reason}")
    for fix in site.corrections.of_kind("name"):
        if any(fix.written in site.raw_entries[k] for k in site.module_keys[number]):
            notes.append(f"The reference list spells a name “{fix.written}”; it is shown as "
                         f"“{fix.becomes}”. {fix.reason}")
    return list(dict.fromkeys(notes))
