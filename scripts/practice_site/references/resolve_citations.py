"""Resolve each cited name-year to a work in the library.

Order of trust: a reviewed line in ``bib/corrections.tsv`` first, then the authors' names (or an
organisation's name, or a short name declared in ``bib/short-names.tsv``) and the year. Nothing is
re-pointed by guesswork: a citation that matches no work stays unresolved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pybtex.database import BibliographyData

from practice_site.references.corrections import Corrections
from practice_site.references.find_citations import CitationGroup, CitedWork, normalise_written
from practice_site.text_forms import ascii_letters

SUFFIXED = re.compile(r"^(\d{4})([a-z])$")
ABBREVIATION_GIVEN = re.compile(r"\s*\[[^\]]+\]$")  # "Department for Education [DfE]": APA's first use, as written


@dataclass(frozen=True)
class Work:
    """What resolution needs to know about one library entry."""

    key: str
    families: tuple[str, ...]
    literal: str
    year: str
    written: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        """How an author-date citation names this work: "Ruch, 2020", "Hanson et al., 2016"."""
        if self.literal:
            names = self.literal
        elif len(self.families) >= 3:
            names = f"{self.families[0]} et al."
        else:
            names = " & ".join(self.families)
        return f"{names}, {self.year}"


def plain(text: str) -> str:
    return text.replace("’", "'").replace("{", "").replace("}", "")


def library_works(data: BibliographyData, written: dict[str, list[str]] | None = None) -> list[Work]:
    """Every entry as a :class:`Work`; ``written`` gives the reference strings recorded for each key."""
    works = []
    for key, entry in data.entries.items():
        persons = entry.persons.get("author", [])
        literal = plain(str(persons[0])) if persons and not persons[0].first_names else ""
        families = tuple(plain(" ".join(p.prelast_names + p.last_names)) for p in persons)
        year = entry.fields.get("year", "n.d.")
        works.append(Work(key, families, literal, year, tuple((written or {}).get(key, []))))
    return works


def cited_people(names: str) -> tuple[list[str], bool]:
    """"Hanson, Holmes, & Pike" -> (["Hanson", "Holmes", "Pike"], False); "X et al." -> (["X"], True)."""
    et_al = names.endswith(" et al.") or names.endswith(" et al")
    core = re.sub(r"\s+et al\.?$", "", names)
    people = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", core) if p]
    return people, et_al


def folded(name: str) -> str:
    """A name compared loosely: no case, accents or punctuation ("FitzSimons" ~ "Fitzsimons")."""
    return "".join(c for c in ascii_letters(name).lower() if c.isalnum())


def plain_names(names: str) -> str:
    """Cited names compared: straight apostrophes, no braces, no "[DfE]" given at first use."""
    return ABBREVIATION_GIVEN.sub("", plain(names))


def match_names(names: str, work: Work, short_names: dict[str, str]) -> str | None:
    """How ``names`` (as cited) names ``work``'s authors: "matched", "short name", "fuzzy" or None.

    "fuzzy" is a match only once case, accents and punctuation are ignored, or "et al." for a work
    with two authors: the report lists each for review.
    """
    cited = plain_names(names)
    if work.literal:
        if cited == work.literal:
            return "matched"
        if short_names.get(cited) == work.literal:
            return "short name"
        return "fuzzy" if folded(cited) == folded(work.literal) else None
    people, et_al = cited_people(cited)
    if et_al:
        if len(work.families) >= 3 and work.families[0] == people[0]:
            return "matched"
        return "fuzzy" if len(work.families) >= 2 and folded(work.families[0]) == folded(people[0]) else None
    if work.families == tuple(people):
        return "matched"
    return "fuzzy" if [folded(f) for f in work.families] == [folded(p) for p in people] else None


def year_matches(cited: str, work: Work) -> bool:
    """"2018a" cites a work dated 2018 (or 2018a); "n.d" cites n.d."""
    cited = normalise_written(cited)
    suffixed = SUFFIXED.match(cited)
    return work.year == cited or bool(suffixed and work.year == suffixed.group(1))


def pick_suffixed(cited_year: str, found: list[tuple[Work, str]]) -> list[tuple[Work, str]]:
    """Of several works by one author in a year, the one whose reference was written with the suffix."""
    if not SUFFIXED.match(cited_year):
        return found
    exact = [(w, how) for w, how in found if w.year == cited_year or any(f"({cited_year})" in t for t in w.written)]
    return exact or found


def resolve_names(work: CitedWork, names: str, library: list[Work], corrections: Corrections,
                  short_names: dict[str, str], listed: set[str]) -> CitedWork | None:
    """Try one reading of the names: ``work`` resolved, or None when this reading does not settle it."""
    written = normalise_written(f"{names}, {work.year}")
    for kind, how in (("cite", "mapping"), ("missing", "known missing"), ("text", "not a citation")):
        if fix := corrections.find(kind, written):
            return replace(work, names=names, how=how, reason=fix.reason, confirmed=fix.confirmed,
                           key=fix.becomes if kind == "cite" else None)
    found = [(w, how) for w in library if year_matches(work.year, w) and (how := match_names(names, w, short_names))]
    found = pick_suffixed(normalise_written(work.year), found)
    if len(found) > 1:  # APA: a citation points into its own document's reference list
        found = [(w, how) for w, how in found if w.key in listed] or found
    if len(found) > 1:  # an exact match wins over a loose one
        found = [(w, how) for w, how in found if how != "fuzzy"] or found
    if len(found) == 1:
        chosen, how = found[0]
        return replace(work, names=names, how=how, key=chosen.key)
    if len(found) > 1:
        return replace(work, names=names, reason="names more than one work: " + ", ".join(w.key for w, _ in found))
    return None


def resolve(work: CitedWork, library: list[Work], corrections: Corrections,
            short_names: dict[str, str] | None = None, listed: set[str] | None = None) -> CitedWork:
    """``work`` with its key and how it was found (narrative citations try each reading of the names).

    ``listed`` holds the keys of the citing principle's own reference list: when one author has two
    works in a year in the library, the one that principle lists is meant.
    """
    for names in work.candidates or (work.names,):
        settled = resolve_names(work, names, library, corrections, short_names or {}, listed or set())
        if settled is not None:
            return settled
    return work


def resolve_groups(groups: list[CitationGroup], library: list[Work], corrections: Corrections,
                   short_names: dict[str, str] | None = None, listed: set[str] | None = None) -> list[CitationGroup]:
    """The groups with every cited work resolved (see :func:`resolve`)."""
    return [replace(group, parts=tuple(resolve(p, library, corrections, short_names, listed)
                                       if isinstance(p, CitedWork) else p for p in group.parts))
            for group in groups]


def suggestions(work: CitedWork, library: Sequence[Work], limit: int = 3) -> list[Work]:
    """The library works whose citation reads most like ``work`` (for the report and error messages)."""
    by_text = {w.citation: w for w in library}
    close = difflib.get_close_matches(work.written, list(by_text), n=limit, cutoff=0.5)
    return [by_text[c] for c in close]
