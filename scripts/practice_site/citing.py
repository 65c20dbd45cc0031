"""Read in-text citations and resolve each name-year to a work in the library."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pybtex.database import BibliographyData

from .citations import CITATION
from .corrections import Corrections, normalise_written

YEAR = re.compile(r"^(\d{4}[a-z]?|n\.d\.?)$")
LOCATOR = re.compile(r"^(pp?|paras?|ch(?:apter)?)\s*\.?\s*(\d[\d\s–-]*)$", re.IGNORECASE)


@dataclass
class CitedWork:
    """One name-year inside a citation, and what it resolved to."""

    names: str
    year: str
    locator: str = ""
    key: str | None = None
    how: str = "unresolved"  # matched, short name, mapping, known missing, unresolved
    reason: str = ""

    @property
    def written(self) -> str:
        """Names and year as written (without the locator), the form the mapping file uses."""
        return normalise_written(f"{self.names}, {self.year}")


@dataclass
class CitationGroup:
    """A parenthetical citation as written, where it is, and its parts in order."""

    text: str
    path: str
    line: int
    parts: list[CitedWork | str] = field(default_factory=list)

    @property
    def works(self) -> list[CitedWork]:
        return [p for p in self.parts if isinstance(p, CitedWork)]


def format_locator(text: str) -> str:
    """"p.3" and "p .4" -> "p. 3"; "pp.37-53" -> "pp. 37–53"."""
    match = LOCATOR.match(text.strip())
    if not match:
        return text.strip()
    label = match.group(1).lower()
    return f"{label}. {match.group(2).replace('-', '–').replace(' ', '')}"


def parse_group(text: str, path: str = "", line: int = 0) -> CitationGroup:
    """Split "(Catalano et al., 2012, Allnock et al., 2022)" or "(Firmin, 2017; 2020)" into works."""
    group = CitationGroup(text, path, line)
    previous_names = ""
    for segment in text.strip()[1:-1].split(";"):
        names: list[str] = []
        for token in (t.strip() for t in segment.split(",")):
            if not token:
                continue
            if YEAR.match(token):
                work_names = ", ".join(names) or previous_names
                group.parts.append(CitedWork(work_names, token))
                previous_names, names = work_names, []
            elif LOCATOR.match(token) and group.works and not names:
                group.works[-1].locator = format_locator(token)
            else:
                names.append(token)
        if names:
            group.parts.append(", ".join(names))
    return group


def find_groups(text: str, path: str, line: int) -> list[CitationGroup]:
    """The citation groups in a paragraph, each with at least one name-year."""
    groups = [parse_group(m.group(0), path, line) for m in CITATION.finditer(text)]
    return [g for g in groups if g.works]


@dataclass
class Work:
    """What resolution needs to know about one library entry."""

    key: str
    families: list[str]
    literal: str
    year: str


def plain(text: str) -> str:
    return text.replace("’", "'").replace("{", "").replace("}", "")


def library_works(data: BibliographyData) -> list[Work]:
    works = []
    for key, entry in data.entries.items():
        persons = entry.persons.get("author", [])
        literal = plain(str(persons[0])) if persons and not persons[0].first_names else ""
        families = [plain(" ".join(p.prelast_names + p.last_names)) for p in persons]
        works.append(Work(key, families, literal, entry.fields.get("year", "n.d.")))
    return works


def acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[0].isupper())


def match_names(names: str, work: Work) -> str | None:
    """How ``names`` (as cited) names ``work``'s authors: "matched", "short name" or None."""
    cited = plain(names)
    if work.literal:
        if cited == work.literal:
            return "matched"
        if cited.isupper() and acronym(work.literal).startswith(cited):
            return "short name"
        if work.literal.startswith(cited + " "):
            return "short name"
        return None
    et_al = cited.endswith(" et al.")
    people = [p.strip() for p in re.split(r"\s*(?:&|\band\b)\s*", cited.removesuffix(" et al."))]
    ok = len(work.families) >= 3 and work.families[0] == people[0] if et_al else work.families == people
    return "matched" if ok else None


def resolve(work: CitedWork, library: list[Work], corrections: Corrections) -> None:
    """Fill in ``work.key`` and ``work.how``: the mapping file first, then names and year."""
    year = "n.d." if work.year.startswith("n.d") else work.year
    if fix := corrections.find("cite", work.written):
        work.key, work.how, work.reason = fix.becomes, "mapping", fix.reason
        return
    if fix := corrections.find("missing", work.written):
        work.how, work.reason = "known missing", fix.reason
        return
    found = [(w.key, how) for w in library if w.year == year and (how := match_names(work.names, w))]
    if len(found) == 1:
        work.key, work.how = found[0]
    elif len(found) > 1:
        work.reason = "names more than one work: " + ", ".join(k for k, _ in found)


def resolve_groups(groups: list[CitationGroup], library: list[Work], corrections: Corrections) -> None:
    for group in groups:
        for work in group.works:
            resolve(work, library, corrections)
