"""Find in-text citations in a paragraph, as written.

Two APA 7 shapes are found, in one pass over a paragraph (linear in its length):

- parenthetical: "(Ruch, 2020, p. 3)", "(see Lloyd, 2018a, 2018b; Ruch 2010)";
- narrative: "Hanson (2016)", "Hanson and Holmes' (2016, p. 4)", "Hanson et al. (2016a, 2016b)".

Each is returned as a :class:`CitationGroup` holding its place in the paragraph and its parts: the
cited works (names, year, locator, prefix) and any plain text between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from practice_site.sources.model import Principle
from practice_site.sources.parse_principle import body_paragraphs
from practice_site.text_forms import single_spaced

PARENS = re.compile(r"\(([^()]*)\)")
HAS_YEAR = re.compile(r"\b\d{4}[a-z]?\b|\bn\.\s?d\b")
YEAR = re.compile(r"^(\d{4}[a-z]?|n\.\s?d\.?|in press)$", re.IGNORECASE)
YEAR_ONLY = re.compile(r"^(\d{4}[a-z]?|n\.d\.?)$")
LOCATOR = re.compile(
    r"^(?P<label>pp?|paras?|ch(?:ap)?|chapter|sec|section|fig|figure|table|slide)\s*\.?\s*(?P<where>\d[\d\s–—-]*)$",
    re.IGNORECASE,
)
PREFIX = re.compile(r"^(?P<prefix>see also|see,? for example,?|see|e\.g\.,?|cf\.|i\.e\.,?|for example,?|"
                    r"(?:as )?cited in|reviewed in|quoted in)\s+",
                    re.IGNORECASE)
NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "spring", "summer", "autumn", "winter",
}
CONNECTORS = {"for", "of", "the", "on", "in", "and", "&", "de", "van", "von", "der", "du", "le", "la", "et", "al."}
SENTENCE_WORDS = {
    "as", "in", "the", "a", "an", "this", "these", "that", "those", "both", "while", "whilst", "according",
    "to", "for", "but", "and", "however", "similarly", "also", "see", "by", "from", "with", "when", "where",
    "following", "after", "before", "since", "like", "unlike", "here", "there", "for example", "of",
}
POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class CitedWork:
    """One name-year inside a citation: names as written, year, locator, prefix and resolution."""

    names: str
    year: str
    locator: str = ""
    prefix: str = ""
    joined: bool = False  # follows the work before it after a comma, as in "(Hanson, 2016, as cited in Ruch, 2020)"
    key: str | None = None
    how: str = "unresolved"  # matched, short name, mapping, known missing, not a citation, unresolved
    reason: str = ""
    confirmed: bool = True  # False while the ledger line that settled it awaits a person's check
    candidates: tuple[str, ...] = ()  # name phrases to try, longest first (narrative)

    @property
    def written(self) -> str:
        """Names and year as written (without the locator), the form the corrections file uses."""
        return normalise_written(f"{self.names}, {self.year}")


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
    """Citation text compared loosely: single spaces, straight apostrophes, "n.d" as "n.d."."""
    text = single_spaced(text.replace("’", "'"))
    text = re.sub(r"\bn\.\s?d\b\.?", "n.d.", text)
    return text


def format_locator(text: str) -> str:
    """"p.3" and "p .4" -> "p. 3"; "pp.37-53" -> "pp. 37–53"; "para 2" -> "para. 2"."""
    match = LOCATOR.match(text.strip())
    if not match:
        return text.strip()
    label = match.group("label")
    where = match.group("where").replace("-", "–").replace(" ", "")
    short = label.lower() in {"p", "pp", "para", "paras", "ch", "chap", "sec", "fig"}
    return f"{label}. {where}" if short else f"{label} {where}"


def names_then_year(token: str) -> tuple[str, str] | None:
    """("Ruch", "2010") from "Ruch 2010" (a citation missing its comma); None otherwise."""
    parts = token.rsplit(None, 1)
    if len(parts) == 2 and YEAR_ONLY.match(parts[1]):
        return parts[0].strip(), parts[1]
    if len(parts) == 2 and parts[1] == "d." and parts[0].endswith(" n."):  # "Ruch n. d."
        return parts[0][:-3].strip(), "n.d."
    return None


def is_name(text: str) -> bool:
    """True when ``text`` can be the names of a citation: starts with a capital, not a month."""
    first = text.split()[0] if text.split() else ""
    return bool(first[:1].isupper()) and first.lower() not in NOT_NAMES


def split_prefix(segment: str) -> tuple[str, str]:
    """("see also", "Ruch, 2020") from "see also Ruch, 2020"."""
    match = PREFIX.match(segment)
    return (match.group("prefix"), segment[match.end():]) if match else ("", segment)


def with_locator(parts: list[CitedWork | str], token: str) -> bool:
    """Give the last work in ``parts`` the locator ``token`` ("p.3"); False when there is no work yet."""
    for at in range(len(parts) - 1, -1, -1):
        work = parts[at]
        if isinstance(work, CitedWork):
            parts[at] = replace(work, locator=format_locator(token))
            return True
    return False


def parse_segment(segment: str, parts: list[CitedWork | str], previous_names: str) -> str:
    """Add the works of one ";"-separated segment to ``parts``; return the names last cited."""
    prefix, body = split_prefix(segment.strip())
    names: list[str] = []
    first, joined = True, False
    for token in (t.strip() for t in body.split(",")):
        if not token:
            continue
        if not names and not first and (inner := PREFIX.match(token)):
            prefix, token, first, joined, previous_names = inner.group("prefix"), token[inner.end():], True, True, ""
        missing_comma = names_then_year(token)
        if YEAR.match(token) and (names or previous_names):
            work_names = ", ".join(names) or previous_names
        elif missing_comma and not names and is_name(missing_comma[0]):
            work_names, token = missing_comma
        elif LOCATOR.match(token) and not names and with_locator(parts, token):
            continue
        else:
            names.append(token)
            continue
        if not is_name(work_names):
            names = [work_names, token]
            break
        parts.append(CitedWork(work_names, token, prefix=prefix if first else "", joined=joined and first))
        first, previous_names, names = False, work_names, []
    if names or (first and prefix):
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


def narrative_names(before: str) -> list[str]:
    """The name phrases that may end ``before`` (the text just before "(2016)"), longest first.

    "As Hanson and Holmes'" -> ["Hanson and Holmes", "Holmes"]; "the DfE" -> ["DfE"]. Empty when
    the text does not end in a capitalised name.
    """
    words = before.rstrip().split(" ")[-12:]
    if len(words) < 1 or not words[-1]:
        return []
    words[-1] = POSSESSIVE.sub("", words[-1])
    et_al = words[-2:] == ["et", "al."]
    if et_al:
        words = words[:-2]
    taken: list[str] = []
    for word in reversed(words):
        if not word:
            break
        capitalised = word[:1].isupper() and not word.endswith((",", ";", ":", ")"))
        if capitalised or (word in CONNECTORS and taken):
            taken.insert(0, word)
        else:
            break
    phrases = []
    for start in range(len(taken)):
        phrase = taken[start:]
        if phrase[0][:1].isupper() and phrase[0].lower() not in SENTENCE_WORDS and phrase[0] not in {"&"}:
            phrases.append(" ".join(phrase))
    return [p + (" et al." if et_al else "") for p in phrases if p.split()[0].lower() not in NOT_NAMES]


def parse_narrative(match: re.Match[str], text: str, path: str, line: int) -> CitationGroup | None:
    """"Hanson (2016, p. 4)": the years and locator in the parentheses, the names before them."""
    inside = match.group(1)
    tokens = [t.strip() for t in inside.split(",") if t.strip()]
    if not tokens or not YEAR.match(tokens[0]):
        return None
    candidates = narrative_names(text[max(0, match.start() - 300): match.start()])
    if not candidates:
        return None
    names = candidates[0]
    parts: list[CitedWork | str] = []
    for token in tokens:
        if YEAR.match(token):
            parts.append(CitedWork(names, token, candidates=tuple(candidates)))
        elif not (LOCATOR.match(token) and with_locator(parts, token)):
            return None
    author_start = text.rfind(names.split()[0], max(0, match.start() - 300), match.start())
    return CitationGroup(match.group(0), path, line, match.start(), match.end(), narrative=True,
                         author_start=author_start, paragraph=text, parts=tuple(parts))


def find_groups(text: str, path: str, line: int) -> list[CitationGroup]:
    """The citations in a paragraph, in order, each with at least one name-year."""
    groups = []
    for match in PARENS.finditer(text):
        if not HAS_YEAR.search(match.group(1)):
            continue
        group = parse_narrative(match, text, path, line)
        if group is None:
            group = parse_group(match.group(0), path, line, match.start(), text)
        if group.works:
            groups.append(group)
    return groups


def principle_citations(principle: Principle) -> list[CitationGroup]:
    """Every citation in the principle's body, paragraph by paragraph, as :class:`CitationGroup` (found once)."""
    return [g for p in body_paragraphs(principle) for g in find_groups(p.text, principle.path, p.line)]
