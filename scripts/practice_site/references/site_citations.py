"""Citations for the whole site: read the library, resolve every citation, format every work."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from practice_site.errors import SourceError
from practice_site.names import module_id
from practice_site.references.bib_file import read_library, source_key, source_strings
from practice_site.references.corrections import Corrections, read_corrections
from practice_site.references.find_citations import (
    CitationGroup,
    CitedWork,
    principle_citations,
)
from practice_site.references.format_apa import SITE, FormattedLibrary, cached_format_contexts
from practice_site.references.ledger import check_ledger, unread
from practice_site.references.resolve_citations import (
    Work,
    cited_by_title,
    declared_in_text,
    declared_short_names,
    expansions,
    library_works,
    plain_names,
    resolve_groups,
    suggestions,
)
from practice_site.references.short_names import is_abbreviation, read_short_names
from practice_site.references.unread_citations import principle_unread
from practice_site.sources.model import Principle
from practice_site.text_forms import organisation_form

CORRECTIONS_FILE = "corrections.tsv"
SHORT_NAMES_FILE = "short-names.tsv"
SHORT_NAMES_PATH = f"bib/{SHORT_NAMES_FILE}"
ONE_WORD_NAME = re.compile(r"^[A-Z][\w&'’.-]{1,15}$")  # "DHSC", "Ofsted": what may be an undeclared short name
CSL_FILE = "apa.csl"


@dataclass(frozen=True)
class ResolvedCitations:
    """Every citation group by principle, resolved, and each module's reference list (not formatted yet)."""

    groups: Mapping[int, tuple[CitationGroup, ...]]
    module_keys: Mapping[int, tuple[str, ...]]
    corrections: Corrections
    short_names: Mapping[int, Mapping[str, str]]  # each principle's: bib/short-names.tsv and those its text declares
    works_in_library: tuple[Work, ...]
    module_wordings: Mapping[int, Mapping[str, str]]  # each principle's reference for a key, as it writes it
    notes: tuple[str, ...]  # for the editor: a short name declared twice, a text that redefines one

    def works(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for groups in self.groups.values() for g in groups for w in g.works]

    def unresolved(self) -> list[tuple[CitationGroup, CitedWork]]:
        return [(g, w) for g, w in self.works() if w.how == "unresolved"]

    def cited_keys(self, number: int) -> set[str]:
        return set(self._cited[number])

    @cached_property
    def _cited(self) -> dict[int, frozenset[str]]:
        """Each principle's cited keys, worked out once (every module and the Bibliography ask for them)."""
        return {number: frozenset(w.key for g in groups for w in g.works if w.key)
                for number, groups in self.groups.items()}

    def abbreviations(self, number: int) -> dict[str, str]:
        """Work key -> the one-word short name one module may cite its organisation by ("DfE")."""
        short_names = self.short_names[number]
        found = {}
        for work in self.works_in_library:
            shorts = [s for s in declared_short_names(short_names, work.literal) if is_abbreviation(s)]
            if work.literal and shorts:
                found[work.key] = shorts[0]
        return found


@dataclass(frozen=True)
class SiteCitations(ResolvedCitations):
    """The resolved citations with every work formatted: for the whole site and, where needed, per module."""

    formatted: Mapping[str, FormattedLibrary]

    @property
    def library(self) -> FormattedLibrary:
        """Every work formatted together (the Bibliography page's labels and order)."""
        return self.formatted[SITE]

    def module_library(self, number: int) -> FormattedLibrary:
        """The labels and references one module shows (its own citeproc run when it needs one)."""
        return self.formatted.get(module_id(number), self.formatted[SITE])


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


def collect_citations(root: Path, bib_dir: Path, principles: Sequence[Principle],
                      cache_dir: Path | None = None) -> ResolvedCitations:
    """Read bib/ (its parse kept in ``cache_dir``, if given) and resolve every citation (no formatting yet);
    errors name file and line."""
    data, where = read_library(bib_dir, root, cache_dir)
    corrections = read_corrections(
        bib_dir / CORRECTIONS_FILE, (bib_dir / CORRECTIONS_FILE).relative_to(root).as_posix(), set(data.entries)
    )
    written = {key: source_strings(entry) for key, entry in data.entries.items()}
    works = library_works(data, written)
    organisations = [w.literal for w in works if w.literal]
    short_path = bib_dir / SHORT_NAMES_FILE
    declared = read_short_names(short_path, short_path.relative_to(root).as_posix(), organisations)
    check_ledger(corrections, data, works, dict(declared.names))
    by_source = {text: key for key, texts in written.items() for text in texts}
    module_keys = {p.number: tuple(module_reference_keys(p, by_source)) for p in principles}
    notes = list(declared.notes)
    groups, short_names = {}, {}
    for principle in principles:
        found = principle_citations(principle)
        notes.extend(principle_unread(principle, found))
        notes.extend(unread_entries(principle, by_source, data))
        in_text = declared_in_text(found, organisations)
        notes.extend(redefined(principle, in_text, declared.names))
        own_first = {**in_text, **{s: f for s, f in declared.names.items() if s not in in_text}}
        short_names[principle.number] = MappingProxyType(own_first)  # the text's own short names first
        groups[principle.number] = tuple(resolve_groups(found, works, corrections, short_names[principle.number],
                                                        set(module_keys[principle.number])))
    wordings = {p.number: MappingProxyType({by_source[source_key(e.text)]: e.text for e in p.references})
                for p in principles}
    return ResolvedCitations(MappingProxyType(groups), MappingProxyType(module_keys), corrections,
                             MappingProxyType(short_names), tuple(works), MappingProxyType(wordings), tuple(notes))


def unread_entries(principle: Principle, by_source: Mapping[str, str], data) -> list[str]:
    """A note for each of the principle's references that make bib could not read and no one has written yet."""
    return [f"{principle.path}:{ref.line}: make bib could not read this reference, so the module shows it as "
            'written, not in APA 7 form; write its entry by hand (guides/editors.md, "Writing an entry by hand")'
            for ref in principle.references
            if data.entries[by_source[source_key(ref.text)]].type == "misc"
            and unread(data.entries[by_source[source_key(ref.text)]])]


def redefined(principle: Principle, in_text: Mapping[str, str], declared: Mapping[str, str]) -> list[str]:
    """A note for each short name a principle's text gives another organisation than bib/short-names.tsv."""
    return [f"{principle.path}: the text uses {short} for {full}, and bib/short-names.tsv for {declared[short]}; "
            "this principle's citations follow its own text"
            for short, full in in_text.items()
            if short in declared and organisation_form(declared[short]) != organisation_form(full)]


def format_citations(site: ResolvedCitations, bib_dir: Path, cache_dir: Path | None = None) -> SiteCitations:
    """Every work formatted in APA 7 (one pandoc run for the site, none while the cache in ``cache_dir`` holds)."""
    contexts = {
        module_id(number): sorted(set(keys) | site.cited_keys(number))
        for number, keys in site.module_keys.items()
    }
    formatted = cached_format_contexts(sorted(bib_dir.glob("*.bib")), bib_dir / CSL_FILE, contexts, cache_dir)
    resolved = {f.name: getattr(site, f.name) for f in fields(ResolvedCitations)}
    return SiteCitations(**resolved, formatted=MappingProxyType(formatted))


def short_name_hint(work: CitedWork, site: ResolvedCitations, listed: Sequence[str]) -> str:
    """For a citation by what looks like an undeclared short name ("DHSC, 2021"): the line to add to
    bib/short-names.tsv, for the organisation whose initials match or whose works it publishes (the principle's
    own list first); for one by a title ("Keeping Children Safe, 2023"), the cite line for the work it names."""
    names = plain_names(work.names)
    if titled := cited_by_title(work, site.works_in_library, listed):
        return (f"; if it cites “{titled[0].citation}” by its title, add a cite line to bib/corrections.tsv: "
                f"cite<TAB>{work.written}<TAB>{titled[0].key}<TAB>(why)<TAB>no")
    if len(names) > 16 or not ONE_WORD_NAME.match(names):
        return ""
    found = expansions(names, site.works_in_library, listed)
    if not found:
        return ""
    return (f'; if {names} is short for {found[0]}, declare it: add the line "{names}<TAB>{found[0]}" '
            f"to {SHORT_NAMES_PATH} (a tab between the two)")


def unresolved_problems(site: ResolvedCitations) -> list[str]:
    """One message per citation with no work and no mapping line, with where it is and how to fix it:
    a short name to declare, or the nearest works (the principle's own reference list first)."""
    problems = []
    for number, groups in site.groups.items():
        listed = site.module_keys[number]
        for group in groups:
            for work in group.works:
                if work.how != "unresolved":
                    continue
                hint = short_name_hint(work, site, listed)
                near = "; ".join(w.citation for w in suggestions(work, site.works_in_library, listed=listed))
                problems.append(
                    f'{group.path}:{group.line}: citation "{work.written}" matches no work in bib/'
                    f"{' (' + work.reason + ')' if work.reason else ''}{hint}; {'otherwise ' if hint else ''}add the "
                    "work to the reference list and run make bib, or record it in bib/corrections.tsv"
                    + (f" (nearest: {near})" if near and not hint else "")
                )
    return problems


def reference_list(library: FormattedLibrary, keys: Sequence[str]) -> list[tuple[str, str]]:
    """(key, APA Markdown) for ``keys``, once each, in the order citeproc put them (APA order)."""
    wanted = set(keys)
    return [(k, text) for k, text in library.references.items() if k in wanted]
