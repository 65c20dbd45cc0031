"""Resolve each cited name-year to a work in the library.

Order of trust: a reviewed line in ``bib/corrections.tsv`` first, then the authors' names (or an
organisation's name, or a short name declared in ``bib/short-names.tsv``) and the year. Nothing is
re-pointed by guesswork: a citation that matches no work stays unresolved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pybtex.database import BibliographyData

from practice_site.references.apa_order import filed_title
from practice_site.references.citation_dates import entry_date, normalise_date, split_letter
from practice_site.references.citation_names import PARTICLES
from practice_site.references.corrections import Corrections
from practice_site.references.find_citations import (
    ABBREVIATION_GIVEN,
    CitationGroup,
    CitedWork,
    normalise_written,
)
from practice_site.text_forms import ascii_letters, organisation_form, organisation_initials


@dataclass(frozen=True)
class Work:
    """What resolution needs to know about one library entry."""

    key: str
    families: tuple[str, ...]
    literal: str
    year: str
    written: tuple[str, ...] = ()
    title: str = ""
    # Each surname with a particle the list writes after the initials put before it ("Berg, K. ter" -> "ter Berg").
    with_particles: tuple[str, ...] = ()
    publisher: str = ""  # the publisher or institution, as the entry writes it

    @property
    def citation(self) -> str:
        """How an author-date citation names this work: "Ruch, 2020", "Hanson et al., 2016" (or its title)."""
        if self.literal:
            names = self.literal
        elif len(self.families) >= 3:
            names = f"{self.families[0]} et al."
        else:
            names = " & ".join(self.families) or " ".join(self.title.split()[:6])
        return f"{names}, {self.year}"


def plain(text: str) -> str:
    return text.replace("’", "'").replace("{", "").replace("}", "")


def library_works(data: BibliographyData, written: dict[str, list[str]] | None = None) -> list[Work]:
    """Every entry as a :class:`Work`; ``written`` gives the reference strings recorded for each key."""
    works = []
    for key, entry in data.entries.items():
        persons = entry.persons.get("author") or entry.persons.get("editor") or []  # an edited book: its editors
        literal = plain(str(persons[0])) if persons and not persons[0].first_names else ""
        families = tuple(plain(" ".join(p.prelast_names + p.last_names)) for p in persons)
        with_particles = tuple(" ".join([*trailing_particles(p), f]) for p, f in zip(persons, families, strict=True))
        publisher = plain(entry.fields.get("institution") or entry.fields.get("publisher") or "")
        works.append(Work(key, families, literal, entry_date(entry.fields), tuple((written or {}).get(key, [])),
                          plain(entry.fields.get("title", "")), with_particles, publisher))
    return works


def trailing_particles(person) -> list[str]:
    """The lower-case particles written after a person's initials ("ter" in "Berg, K. ter")."""
    given = person.first_names + person.middle_names
    at = len(given)
    while at and given[at - 1] in PARTICLES:
        at -= 1
    return given[at:]


def cited_people(names: str) -> tuple[list[str], bool]:
    """"Hanson, Holmes, & Pike" -> (["Hanson", "Holmes", "Pike"], False); "X et al." -> (["X"], True)."""
    et_al = names.endswith(" et al.") or names.endswith(" et al")
    core = re.sub(r"\s+et al\.?$", "", names)
    people = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", core) if p]
    return people, et_al


@lru_cache(maxsize=4096)
def folded(name: str) -> str:
    """A name compared loosely: no case, accents or punctuation ("FitzSimons" ~ "Fitzsimons")."""
    return "".join(c for c in ascii_letters(name).lower() if c.isalnum())


def plain_names(names: str) -> str:
    """Cited names compared: straight apostrophes, no braces, no "[DfE]" given at first use."""
    return ABBREVIATION_GIVEN.sub("", plain(names))


def person_form(name: str) -> str:
    """A surname compared as written, with a particle's capital ignored: "De Vries" (starting a
    sentence, as APA asks) is "de Vries"."""
    return " ".join(word.lower() if word.lower() in PARTICLES else word for word in name.split())


def declared_short_names(short_names: Mapping[str, str], organisation: str) -> list[str]:
    """The short names declared for ``organisation`` (compared as :func:`organisation_form`)."""
    form = organisation_form(organisation)
    return [short for short, full in short_names.items() if organisation_form(full) == form]


def match_names(names: str, work: Work, short_names: dict[str, str]) -> str | None:
    """How ``names`` (as cited) names ``work``'s authors: "matched", "short name", "fuzzy" or None.

    "fuzzy" is a match only once case, accents and punctuation are ignored, or "et al." for a work
    with two authors: the report lists each for review.
    """
    cited = plain_names(names)
    if work.literal:
        if organisation_form(cited) == organisation_form(work.literal):
            return "matched"
        if cited in short_names and organisation_form(short_names[cited]) == organisation_form(work.literal):
            return "short name"
        return "fuzzy" if folded(cited) == folded(work.literal) else None
    people, et_al = cited_people(cited)
    people = [person_form(p) for p in people]
    families = tuple(person_form(f) for f in work.families)
    if et_al:
        if len(families) >= 3 and families[0] == people[0]:
            return "matched"
        first = {folded(families[0]), folded(work.with_particles[0])} if families else set()
        return "fuzzy" if len(families) >= 2 and folded(people[0]) in first else None
    if families == tuple(people):
        return "matched"
    if work.with_particles != work.families and tuple(person_form(f) for f in work.with_particles) == tuple(people):
        return "fuzzy"  # "ter Berg" for "Berg, K. ter": APA cites the surname alone
    return "fuzzy" if [folded(f) for f in work.families] == [folded(p) for p in people] else None


class WorkIndex:
    """The library indexed by date and by the name a citation would start with (an organisation's name, or the
    first author's surname, compared loosely), so a citation is matched only against the works it could name,
    not against the whole library."""

    def __init__(self, library: Sequence[Work]) -> None:
        self.order = {work.key: at for at, work in enumerate(library)}
        self.works: dict[tuple[str, str], list[Work]] = {}
        for work in library:
            for name in work_names(work):
                self.works.setdefault((work.year, name), []).append(work)

    def candidates(self, names: str, year: str, short_names: Mapping[str, str]) -> list[Work]:
        """The works dated as ``year`` can name (see :func:`year_matches`; the date as written first, then in
        library order) whose names ``names`` could be (:func:`match_names` decides)."""
        cited = normalise_date(year)
        base, letter = split_letter(cited)
        dates = [cited, base] if letter and base != cited else [cited]
        keys = cited_names(names, short_names)
        found: list[Work] = []
        for date in dates:  # the exact date first, as written
            at_date = {w.key: w for name in keys for w in self.works.get((date, name), [])}
            found.extend(sorted(at_date.values(), key=lambda w: self.order[w.key]))
        return found


def work_names(work: Work) -> set[str]:
    """The index keys of a work: its organisation's name, or its first author's surname (with and without a
    particle written after the initials)."""
    if work.literal:
        return {"org:" + organisation_form(work.literal), "fold:" + folded(work.literal)}
    if not work.families:
        return {"person:"}
    return {"person:" + folded(work.families[0]), "person:" + folded(work.with_particles[0])}


def cited_names(names: str, short_names: Mapping[str, str]) -> set[str]:
    """The index keys a citation's names can match (see :func:`match_names`, which has the last word)."""
    cited = plain_names(names)
    people, _ = cited_people(cited)
    first = folded(people[0]) if people else ""
    keys = {"org:" + organisation_form(cited), "fold:" + folded(cited), "person:" + first}
    if cited in short_names:
        keys.add("org:" + organisation_form(short_names[cited]))
    return keys


def year_matches(cited: str, work: Work) -> bool:
    """"2018a" cites a work dated 2018 (or 2018a); "n.d" cites n.d.; "in press-b" cites a work in press."""
    cited = normalise_date(cited)
    base, letter = split_letter(cited)
    return work.year == cited or bool(letter and work.year == base)


def pick_suffixed(cited_year: str, found: list[tuple[Work, str]]) -> list[tuple[Work, str]]:
    """Of several works by one author in a year, the one whose reference was written with the letter; or, when
    the reference list gives none of them a letter, the one APA would letter so (by title, APA 7 9.47), found
    as "lettered" for the editor to check."""
    cited_year = normalise_date(cited_year)
    letter = split_letter(cited_year)[1]
    if not letter or len(found) < 2:
        return found
    exact = [(w, how) for w, how in found
             if w.year == cited_year or any(f"({cited_year})" in normalise_written(t) for t in w.written)]
    if exact or any(split_letter(re.sub(r"^.*?\((.*?)\).*$", r"\1", t))[1] for w, _ in found for t in w.written):
        return exact
    by_title = sorted(found, key=lambda pair: (filed_title(pair[0].title), pair[0].key))
    at = ord(letter) - ord("a")
    return [(by_title[at][0], "lettered")] if at < len(by_title) else []


def resolve_names(work: CitedWork, names: str, library: Sequence[Work], corrections: Corrections,
                  short_names: Mapping[str, str], listed: set[str], index: WorkIndex | None = None) -> CitedWork | None:
    """Try one reading of the names: ``work`` resolved, or None when this reading does not settle it."""
    written = normalise_written(f"{names}, {work.year}")
    for kind, how in (("cite", "mapping"), ("missing", "known missing"), ("text", "not a citation")):
        if fix := corrections.find(kind, written):
            return replace(work, names=names, how=how, reason=fix.reason, confirmed=fix.confirmed,
                           key=fix.becomes if kind == "cite" else None)
    index = index if index is not None else WorkIndex(library)
    found = [(w, how) for w in index.candidates(names, work.year, short_names)
             if (how := match_names(names, w, short_names))]
    if len(found) > 1:  # APA: a citation points into its own document's reference list
        found = [(w, how) for w, how in found if w.key in listed] or found
    several = len(found)
    found = pick_suffixed(work.year, found)
    if not found and several:
        return replace(work, names=names, reason=f"the reference list has {several} works with these names and "
                       f"date, and none is {split_letter(work.year)[1]}")
    if len(found) > 1:  # an exact match wins over a loose one
        found = [(w, how) for w, how in found if how != "fuzzy"] or found
    if len(found) == 1:
        chosen, how = found[0]
        return replace(work, names=names, how=how, key=chosen.key)
    if len(found) > 1:
        return replace(work, names=names, reason="names more than one work: " + ", ".join(w.key for w, _ in found))
    return None


def resolve(work: CitedWork, library: Sequence[Work], corrections: Corrections,
            short_names: Mapping[str, str] | None = None, listed: set[str] | None = None,
            index: WorkIndex | None = None) -> CitedWork:
    """``work`` with its key and how it was found (narrative citations try each reading of the names).

    ``listed`` holds the keys of the citing principle's own reference list: when one author has two
    works in a year in the library, the one that principle lists is meant.
    """
    if work.original:
        return replace(work, how="original")
    readings = work.candidates or (work.names,)
    if work.abbreviation and work.candidates:  # "the Department (DfE, 2023)": the short name names it too
        readings = (*readings, work.abbreviation)
    for names in readings:
        settled = resolve_names(work, names, library, corrections, short_names or {}, listed or set(), index)
        if settled is not None:
            return settled
    return work


def declared_in_text(groups: Sequence[CitationGroup], organisations: Sequence[str]) -> dict[str, str]:
    """Short names a principle declares as APA does at first use: "(Full Name [SHORT], 2018)" or "Full Name
    (SHORT, 2018)". Short name -> the organisation's name (as the library writes it, where it has it)."""
    by_form = {organisation_form(o): o for o in organisations}
    found: dict[str, str] = {}
    for group in groups:
        for work in group.works:
            if not work.abbreviation or work.abbreviation in found:
                continue
            readings = work.candidates or (plain_names(work.names),)
            known = [by_form[f] for r in readings if (f := organisation_form(plain_names(r))) in by_form]
            found[work.abbreviation] = known[0] if known else readings[0]
    return found


def resolve_groups(groups: list[CitationGroup], library: list[Work], corrections: Corrections,
                   short_names: Mapping[str, str] | None = None, listed: set[str] | None = None
                   ) -> list[CitationGroup]:
    """The groups with every cited work resolved (see :func:`resolve`)."""
    index = WorkIndex(library)
    return [replace(group, parts=tuple(resolve(p, library, corrections, short_names, listed, index)
                                       if isinstance(p, CitedWork) else p for p in group.parts))
            for group in groups]


def suggestions(work: CitedWork, library: Sequence[Work], limit: int = 3, listed: Sequence[str] = ()) -> list[Work]:
    """The library works whose citation reads most like ``work`` (for the report and error messages):
    those in the citing principle's own reference list (``listed`` keys) first, then the rest."""
    own = [w for w in library if w.key in listed]
    found: list[Work] = []
    for pool in (own, [w for w in library if w.key not in listed]):
        by_text = {w.citation: w for w in pool}
        close = difflib.get_close_matches(work.written, list(by_text), n=limit - len(found), cutoff=0.5)
        found.extend(by_text[c] for c in close)
        if len(found) >= limit:
            break
    return found


def cited_by_title(work: CitedWork, library: Sequence[Work], listed: Sequence[str]) -> list[Work]:
    """Works in the citing principle's own list, of the citation's year, whose title starts with the cited
    words: guidance cited by its title ("Keeping Children Safe Beyond the Home, 2023")."""
    words = folded(plain_names(work.names))
    base = split_letter(work.year)[0]
    return [w for w in library if w.key in listed and split_letter(w.year)[0] == base and len(words) > 8
            and folded(w.title).startswith(words)]


def expansions(short: str, library: Sequence[Work], listed: Sequence[str] = ()) -> list[str]:
    """Organisations whose initials spell ``short`` ("DHSC" -> "Department of Health and Social Care"), or whose
    works it publishes ("Ofsted"): those in the citing principle's own reference list first."""
    wanted = "".join(c for c in short.lower() if c.isalpha())
    if len(wanted) < 2:
        return []
    matches = [w for w in library if w.literal and (wanted in organisation_initials(w.literal)
                                                    or organisation_form(w.publisher) == organisation_form(short))]
    ordered = [w for w in matches if w.key in listed] + [w for w in matches if w.key not in listed]
    return list(dict.fromkeys(w.literal for w in ordered))
