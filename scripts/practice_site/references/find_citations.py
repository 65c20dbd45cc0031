"""Find in-text citations in a paragraph, as written.

Two APA 7 shapes are found, in one pass over a paragraph (linear in its length):

- parenthetical: "(Ruch, 2020, p. 3)", "(see Lloyd, 2018a, 2018b; Ruch 2010)", "(de Vries, in press)";
- narrative: "Hanson (2016)", "Hanson and Holmes' (2016, p. 4)", "van den Berg et al. (2016a, 2016b)",
  "the Department for Education (DfE, 2023)".

A secondary citation (APA 7, 8.6: "(Bowlby, 1969, as cited in Howe, 2011)", "Bowlby (1969, as cited in
Howe, 2011)") marks the original work as read through the other. Each citation is returned as a
:class:`CitationGroup` holding its place in the paragraph and its parts: the cited works (names,
date, locator, prefix) and any plain text between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from practice_site.references.citation_dates import HAS_DATE, is_date, normalise_date
from practice_site.references.citation_locators import LOCATOR, date_and_locator, format_locator, names_then_year
from practice_site.references.citation_names import (
    is_name,
    names_for_short_name,
    narrative_names,
)
from practice_site.sources.model import Principle
from practice_site.sources.parse_principle import body_paragraphs
from practice_site.text_forms import single_spaced

PARENS = re.compile(r"\(([^()]*)\)")
PREFIX = re.compile(r"^(?P<prefix>see also|see,? for example,?|see,? e\.g\.,?|but see|see|e\.g\.,?|cf\.?|i\.e\.,?|"
                    r"for example,?|also|and|compare|contra|(?:as )?(?:cited|quoted|reviewed) in)\s+",
                    re.IGNORECASE)
LEAD_IN = re.compile(r"^(?P<prefix>[a-z][\w'’ -]{0,60}?\s(?:quoted|cited) in)\s+(?=\S)")  # "young person quoted in"
SECONDARY = re.compile(r"^(?:as )?(?:cited|quoted|reviewed) in$", re.IGNORECASE)  # APA 7, 8.6
ABBREVIATION_GIVEN = re.compile(r"(?<!\s)\s*\[(?P<short>[^\[\]]+)\]$")  # "Department for Education [DfE]"
SHORT_NAME = re.compile(r"^(?=(?:\S*[A-Z]){2})[A-Z][\w&'’.-]{1,15}$")  # "DfE", "NSPCC", "DHSC" (one word)



@dataclass(frozen=True)
class CitedWork:
    """One name-date inside a citation: names as written, date, locator, prefix and resolution."""

    names: str
    year: str
    locator: str = ""
    prefix: str = ""
    joined: bool = False  # follows the work before it after a comma, as in "(Hanson, 2016, as cited in Ruch, 2020)"
    key: str | None = None
    how: str = "unresolved"  # matched, short name, mapping, fuzzy, original, known missing, not a citation, unresolved
    reason: str = ""
    confirmed: bool = True  # False while the ledger line that settled it awaits a person's check
    candidates: tuple[str, ...] = ()  # name phrases to try, longest first (narrative)
    original: bool = False  # read through a secondary source ("Bowlby, 1969, as cited in ..."): shown as written
    comment: str = ""  # words the text adds after the work, as written: "emphasis added", "for a review"
    abbreviation: str = ""  # the short name the text gives with it: "[DfE]" or "the Department (DfE, 2023)"

    @property
    def written(self) -> str:
        """Names and date as written (without the locator), the form the corrections file uses."""
        return normalise_written(f"{self.names}, {self.year}")

    @property
    def secondary(self) -> bool:
        """True for the work an original was read in ("as cited in Howe, 2011")."""
        return bool(SECONDARY.match(self.prefix))


@dataclass(frozen=True)
class CitationGroup:
    """A citation as written, where it is, and its parts in order.

    ``start``/``end`` are offsets in the paragraph's text: the parentheses for a parenthetical
    citation, the parentheses after the author for a narrative one (``narrative`` is then True and
    ``author_start`` is where the author's name begins in the sentence).
    """

    text: str
    path: str
    line: int
    start: int = 0
    end: int = 0
    narrative: bool = False
    author_start: int = 0
    paragraph: str = ""
    parts: tuple[CitedWork | str, ...] = ()

    @property
    def as_written(self) -> str:
        """The citation as the paragraph has it ("Hanson (2016)", "(Ruch, 2020, p.3)")."""
        return self.paragraph[self.author_start if self.narrative else self.start:self.end]

    @property
    def works(self) -> list[CitedWork]:
        return [p for p in self.parts if isinstance(p, CitedWork)]


def normalise_written(text: str) -> str:
    """Citation text compared loosely: single spaces, straight apostrophes, dates as APA writes them."""
    text = single_spaced(text.replace("’", "'"))
    names, comma, date = text.rpartition(", ")
    if comma and is_date(date):
        return f"{names}, {normalise_date(date)}"
    return re.sub(r"\bn\.\s?d\b\.?", "n.d.", text)


def split_prefix(segment: str) -> tuple[str, str]:
    """("see also", "Ruch, 2020") from "see also Ruch, 2020"; ("young person quoted in", "Ruch, 2020") from words
    that lead in to "quoted in" or "cited in" (APA 7: "(participant quoted in Ruch, 2020)")."""
    if match := PREFIX.match(segment):
        return match.group("prefix"), segment[match.end():]
    if (match := LEAD_IN.match(segment)) and "," not in match.group("prefix"):
        return match.group("prefix"), segment[match.end():]
    return "", segment


def with_locator(parts: list[CitedWork | str], token: str) -> bool:
    """Give the last work in ``parts`` the locator ``token`` ("p.3"); False when there is no work yet."""
    for at in range(len(parts) - 1, -1, -1):
        work = parts[at]
        if isinstance(work, CitedWork):
            parts[at] = replace(work, locator=format_locator(token))
            return True
    return False


def mark_originals(parts: list[CitedWork | str], since: int) -> None:
    """The works added to ``parts`` from ``since`` on were read through the secondary source that follows."""
    for at in range(since, len(parts)):
        if isinstance(work := parts[at], CitedWork):
            parts[at] = replace(work, original=True)


def cited_work(names: str, date: str, locator: str, prefix: str, joined: bool) -> CitedWork:
    """One work as written, with the short name the text gives it ("Full Name [DfE]") noted."""
    given = ABBREVIATION_GIVEN.search(names)
    return CitedWork(names, date, locator, prefix, joined, abbreviation=given.group("short") if given else "")


def parse_segment(segment: str, parts: list[CitedWork | str], previous_names: str) -> str:
    """Add the works of one ";"-separated segment to ``parts``; return the names last cited.

    Words left after the segment's last work ("emphasis added", "for a review") stay with it, as written.
    """
    prefix, body = split_prefix(segment.strip())
    names: list[str] = []
    first, joined, since = True, False, len(parts)
    if SECONDARY.match(prefix):  # "(Bowlby, 1969; as cited in Howe, 2011)": the work before was read in it
        mark_originals(parts, max((i for i, p in enumerate(parts) if isinstance(p, CitedWork)), default=since))
    tokens = [t.strip() for t in body.split(",") if t.strip()]
    at = 0
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if not names and not first and (inner := PREFIX.match(token)):
            prefix, token, first, joined, previous_names = inner.group("prefix"), token[inner.end():], True, True, ""
            if SECONDARY.match(prefix):
                mark_originals(parts, since)
        dated, missing_comma = date_and_locator(token), names_then_year(token)
        if dated and (names or previous_names):
            work_names, (token, locator) = ", ".join(names) or previous_names, dated
        elif missing_comma and not names and is_name(missing_comma[0]):
            work_names, token, locator = missing_comma
        elif LOCATOR.match(token) and not names and with_locator(parts, token):
            continue
        else:
            names.append(token)
            continue
        if not is_name(work_names):
            names = [work_names, token]
            break
        parts.append(cited_work(work_names, token, locator, prefix if first else "", joined and first))
        first, previous_names, names = False, work_names, []
    leftover = names + tokens[at:]
    if leftover and len(parts) > since and isinstance(last := parts[-1], CitedWork):
        parts[-1] = replace(last, comment=", ".join(leftover))
    elif leftover or (first and prefix):
        parts.append(segment.strip())
    return previous_names


def parse_group(text: str, path: str = "", line: int = 0, start: int = 0, paragraph: str = "") -> CitationGroup:
    """Split "(Catalano et al., 2012, Allnock et al., 2022)" or "(see Firmin, 2017; 2020)" into works.

    ``start`` is where the citation begins in its ``paragraph``.
    """
    parts: list[CitedWork | str] = []
    previous = ""
    for segment in text.strip()[1:-1].split(";"):
        previous = parse_segment(segment, parts, previous)
    return CitationGroup(text, path, line, start, start + len(text), paragraph=paragraph, parts=tuple(parts))


def author_start(text: str, names: str, lowest: int, end: int) -> int:
    """Where ``names`` (a narrative citation's author, as found) begins in ``text`` before ``end``."""
    phrase = names.removesuffix(" et al.")
    found = text.rfind(phrase, lowest, end)
    return found if found >= 0 else text.rfind(phrase.split()[0], lowest, end)


def parse_narrative(match: re.Match[str], text: str, path: str, line: int) -> CitationGroup | None:
    """"Hanson (2016, p. 4)", "Bowlby (1969, as cited in Howe, 2011)", "the Department for Education (DfE, 2023)":
    the dates, locators and any secondary source in the parentheses, the names before them."""
    inside = match.group(1)
    tokens = [t.strip() for t in inside.split(",") if t.strip()]
    abbreviation = ""
    if len(tokens) >= 2 and len(tokens[0]) <= 16 and SHORT_NAME.match(tokens[0]) and is_date(tokens[1]):
        abbreviation, tokens = tokens[0], tokens[1:]
    if not tokens or not date_and_locator(tokens[0]):
        return None
    lowest = max(0, match.start() - 300)
    candidates = narrative_names(text[lowest: match.start()])
    if abbreviation:
        candidates = names_for_short_name(candidates, abbreviation)
    if not candidates:
        return None
    names = candidates[0]
    parts: list[CitedWork | str] = []
    for token in tokens:
        if dated := date_and_locator(token):
            parts.append(CitedWork(names, dated[0], locator=dated[1], candidates=tuple(candidates),
                                   abbreviation=abbreviation))
        elif (secondary := PREFIX.match(token)) and SECONDARY.match(secondary.group("prefix")) and parts:
            mark_originals(parts, 0)
            rest = inside[inside.index(token):]
            since = len(parts)
            for segment in rest.split(";"):
                parse_segment(segment, parts, "")
            if since < len(parts) and isinstance(work := parts[since], CitedWork):
                parts[since] = replace(work, joined=True)
            break
        elif LOCATOR.match(token) and with_locator(parts, token):
            continue
        elif HAS_DATE.search(rest := inside[inside.index(token):]):
            return None
        else:  # "Ruch (2005, emphasis added)": the words stay with the work, as written
            parts[-1] = replace(parts[-1], comment=rest.strip())
            break
    return CitationGroup(match.group(0), path, line, match.start(), match.end(), narrative=True,
                         author_start=author_start(text, names, lowest, match.start()), paragraph=text,
                         parts=tuple(parts))


def read_through_next(group: CitationGroup, following: CitationGroup | None, text: str) -> CitationGroup:
    """"Bowlby (1969) describes ... (as cited in Howe, 2011)": a narrative citation whose sentence goes on
    to a secondary source is an original read through it."""
    if not (group.narrative and following and following.works and following.works[0].secondary):
        return group
    between = text[group.end:following.start]
    if re.search(r"[.!?]\s", between) or any(w.original for w in group.works):
        return group
    return replace(group, parts=tuple(replace(p, original=True) if isinstance(p, CitedWork) else p
                                      for p in group.parts))


def find_groups(text: str, path: str, line: int) -> list[CitationGroup]:
    """The citations in a paragraph, in order, each with at least one name-date."""
    groups = []
    for match in PARENS.finditer(text):
        if not HAS_DATE.search(match.group(1)):
            continue
        group = parse_narrative(match, text, path, line)
        if group is None:
            group = parse_group(match.group(0), path, line, match.start(), text)
        if group.works:
            groups.append(group)
    return [read_through_next(g, groups[i + 1] if i + 1 < len(groups) else None, text) for i, g in enumerate(groups)]


def principle_citations(principle: Principle) -> list[CitationGroup]:
    """Every citation in the principle's body, paragraph by paragraph, as :class:`CitationGroup` (found once)."""
    return [g for p in body_paragraphs(principle) for g in find_groups(p.text, principle.path, p.line)]
