"""Parse APA-style reference strings, as written in the principles' reference lists, into fields.

The parser understands the shapes the reference lists use. Where it has to read an entry in a
way the string does not spell out (names without commas, a chapter written as a book), it says
so in ``Reference.notes``; where it cannot read an entry it raises :class:`ReferenceParseError`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)+$")
NAME_THEN_INITIALS = re.compile(r"^(?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) (?P<given>(?:[A-Z]\.)+)$")
INITIAL_THEN_NAME = re.compile(r"^(?P<given>(?:[A-Z]\.\s?)+) (?P<family>[A-Z][\w'’-]+)$")
HEAD = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4}[a-z]?|n\.\s?d\.?)(?:,\s*[^()]{1,30})?\)\.?\s*(?P<rest>.*)$")
MD_LINK = re.compile(r"\[[^\]]*\]\((?P<url>[^)\s]+)\)")
AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
BARE_URL = re.compile(r"(?<![<(\[])\b(?P<url>https?://[^\s<>]+[^\s<>.,;)])")
DOI_TEXT = re.compile(r"\b(?:doi|DOI)\s*:\s*(?P<doi>10\.\d{4,9}/\S+[^\s.,;])")
RETRIEVED = re.compile(r"\b(?:Retrieved(?: [^,]{1,40},)? from|Available (?:at|from):?)\s*", re.IGNORECASE)
EDITED = re.compile(r"\s*\((?P<eds>Eds?)\.?\)\.?\s*$")
ACCESSED = re.compile(r"\(Accessed (?P<date>\d{1,2} \w+ \d{4})\)")
PAREN_DETAILS = re.compile(r"\((?P<details>[^()]*(?:\bpp?\.|\bed\.|\bedition)[^()]*)\)")
PAGES = re.compile(r"pp?\.\s*(?P<first>\d+)\s*[-–—]\s*(?P<last>\d+)")
EDITION = re.compile(r"(?P<n>\d+)(?:st|nd|rd|th)\s*(?:ed\.?|edition)")
JOURNAL_NUMBERS = re.compile(
    r"^(?P<volume>\d+)\s*(?:\((?P<issue>\d+)\)|,\s*(?P<issue2>\d+)(?=\s*,))?\s*,?\s*"
    r"(?P<pages>\d+(?:\s*[-–—]\s*\d+)?)?\s*\.?$"
)
BOOK_PUBLISHERS = {
    "Routledge", "Random House", "Policy Press", "Sage", "Jessica Kingsley Publishers",
    "Palgrave Macmillan",
}
BOOK_PUBLISHER_WORDS = re.compile(r"\b(Press|Publishers?|Publishing|Books|Routledge|Sage|Wiley|Springer|Macmillan)\b")
INSTITUTION_WORDS = re.compile(
    r"\b(University|Department|Authority|Centre|Research in Practice|Barnardo's|PACE|We Are With You|"
    r"Commissioner)\b"
)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


class ReferenceParseError(ValueError):
    """An entry the parser cannot read; the message says what is missing."""


@dataclass
class Name:
    """A person (family name and initials) or an organisation (``literal``)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def sort_name(self) -> str:
        return self.literal or self.family


@dataclass
class Reference:
    """The fields of one reference-list entry."""

    raw: str
    line: int
    kind: str = "report"
    authors: list[Name] = field(default_factory=list)
    year: str = ""
    title: str = ""
    container: str = ""
    editors: list[Name] = field(default_factory=list)
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    edited: bool = False
    publisher: str = ""
    url: str = ""
    doi: str = ""
    accessed: str = ""
    notes: list[str] = field(default_factory=list)


def ascii_fold(text: str) -> str:
    """"Slettebø" -> "Slettebo"; "D'Arcy" -> "DArcy"."""
    folded = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c == " "))


def strip_markup(text: str) -> str:
    """Remove emphasis markers and tidy spaces."""
    return " ".join(text.replace("*", "").split())


def take_links(text: str, ref: Reference) -> str:
    """Move web addresses and DOIs (links, autolinks, bare, ``doi:``) into ``url``/``doi``; return the rest."""
    urls = [m.group("url") for m in MD_LINK.finditer(text)] + [m.group("url") for m in AUTOLINK.finditer(text)]
    text = AUTOLINK.sub("", MD_LINK.sub("", text))
    urls += [m.group("url") for m in BARE_URL.finditer(text)]
    text = BARE_URL.sub("", text)
    if doi := DOI_TEXT.search(text):
        ref.doi = doi.group("doi")
        text = DOI_TEXT.sub("", text)
    for url in urls:
        url = url.replace("\\_", "_")
        doi = re.search(r"(?:dx\.)?doi\.org/(?P<doi>10\..+)$", url)
        if doi:
            ref.doi = doi.group("doi")
        else:
            ref.url = url
    accessed = ACCESSED.search(text)
    if accessed:
        day, month, year = accessed.group("date").split()
        ref.accessed = f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
        text = ACCESSED.sub("", text)
    text = RETRIEVED.sub("", text)
    return re.sub(r"\s+([.,])", r"\1", text).strip()


def parse_people(text: str, ref: Reference) -> list[Name]:
    """Read "Allnock, D., Beckett, H., & Walker, J." (and the looser shapes the lists use)."""
    cleaned = strip_markup(text).rstrip(",").strip()
    if " with " in cleaned:
        cleaned = cleaned.replace(" with ", ", ")
        ref.notes.append('read "with" as one more author')
    tokens = [t.strip() for t in re.split(r",|\s&\s|^&\s", cleaned.replace(", &", ",")) if t.strip()]
    tokens = [t.removeprefix("& ").strip() for t in tokens]
    if not any(INITIALS.match(t) or NAME_THEN_INITIALS.match(t) or INITIAL_THEN_NAME.match(t) for t in tokens):
        return [Name(literal=cleaned.rstrip(".").strip())]
    names: list[Name] = []
    pending_family = ""
    for token in tokens:
        if INITIALS.match(token) and pending_family:
            names.append(Name(family=pending_family, given=token.replace(" ", "")))
            pending_family = ""
        elif (m := NAME_THEN_INITIALS.match(token)) and not pending_family:
            names.append(Name(family=m.group("family"), given=m.group("given")))
            ref.notes.append(f'read "{token}" as family name then initials (no comma between)')
        elif (m := INITIAL_THEN_NAME.match(token)) and pending_family:
            names.append(Name(family=pending_family, given=m.group("given").replace(" ", "")))
            pending_family = m.group("family")
            ref.notes.append(f'read "{token}" as the end of one name and the start of the next (no comma)')
        elif not pending_family and not INITIALS.match(token):
            pending_family = token
        else:
            raise ReferenceParseError(f'cannot read the author list at "{token}"')
    if pending_family:
        raise ReferenceParseError(f'author "{pending_family}" has no initials')
    for name in names:
        if name.family.endswith(" Jr"):
            name.family, name.given = name.family.removesuffix(" Jr"), f"{name.given}, Jr."
    return names


def parse_editors(text: str, ref: Reference) -> list[Name]:
    """Read "H. Beckett & J. Pearce" or "G. Ruch, D. Turney & A. Ward"."""
    parts = [p.strip() for p in re.split(r",\s*|\s+&\s+", text.strip().rstrip(",")) if p.strip()]
    editors = []
    for part in parts:
        m = INITIAL_THEN_NAME.match(part)
        if not m:
            raise ReferenceParseError(f'cannot read the editor "{part}"')
        editors.append(Name(family=m.group("family"), given=m.group("given").replace(" ", "")))
    return editors


def take_details(text: str, ref: Reference) -> str:
    """Move "(2nd edition, pp. 37-54)" details into ``edition``/``pages``; return the rest."""
    match = PAREN_DETAILS.search(text)
    if not match:
        return text
    details = match.group("details")
    if pages := PAGES.search(details):
        ref.pages = f"{pages.group('first')}--{pages.group('last')}"
    if edition := EDITION.search(details):
        ref.edition = edition.group("n")
    return (text[: match.start()] + text[match.end():]).strip()


def split_sentence(text: str) -> tuple[str, str]:
    """Split "Title words. Publisher." at its last full stop before the publisher."""
    body = text.strip().rstrip(".").strip()
    head, dot, tail = body.rpartition(". ")
    return (head, tail) if dot else (body, "")


def parse_journal(rest: str, ref: Reference) -> bool:
    """``Title. *Journal*, 17 (3), 368-377.``"""
    m = re.match(r"^(?P<title>.+?)\.?\s+\*(?P<journal>[^*]+)\*\s*,\s*(?P<numbers>.+)$", rest)
    if not m:
        return False
    numbers = JOURNAL_NUMBERS.match(m.group("numbers").strip())
    if not numbers:
        numbers = re.match(r"^(?P<volume>\d+)\s*\((?P<issue>\d+)\)\s*(?P<pages>\d+)\.?$", m.group("numbers").strip())
        if not numbers:
            raise ReferenceParseError(f'cannot read volume, issue and pages "{m.group("numbers")}"')
        ref.notes.append("read the number run together with the issue as the article number")
    ref.kind, ref.title, ref.container = "article", strip_markup(m.group("title")), m.group("journal").strip()
    ref.volume = numbers.group("volume")
    ref.issue = numbers.groupdict().get("issue") or numbers.groupdict().get("issue2") or ""
    if numbers.groupdict().get("issue2"):
        ref.notes.append(f'read "{ref.volume}, {ref.issue}" as volume {ref.volume}, issue {ref.issue}')
    pages = (numbers.group("pages") or "").replace(" ", "")
    if m2 := re.match(r"^(\d+)[-–—](\d+)$", pages):
        first, last = m2.groups()
        if len(last) < len(first):
            ref.notes.append(f"expanded the page range {first}-{last}")
            last = first[: len(first) - len(last)] + last
        pages = f"{first}--{last}"
    ref.pages = pages
    return True


def parse_chapter(rest: str, ref: Reference) -> bool:
    """``Chapter title. In E. Editor (Ed), *Book title* (pp. 1-2). Publisher.``"""
    m = re.match(
        r"^(?P<title>.+?)\.?\s+In (?P<editors>.+?)\s*\(Eds?\.?\),?\s*(?P<book>\*.+\*)\s*(?P<tail>.*)$", rest
    )
    if not m:
        return False
    ref.kind, ref.title = "chapter", strip_markup(m.group("title"))
    ref.editors = parse_editors(m.group("editors"), ref)
    book = take_details(m.group("book"), ref)
    tail = take_details(m.group("tail"), ref)
    ref.container = strip_markup(book).rstrip(".")
    ref.publisher = strip_markup(tail).strip(". ")
    return True


def parse_italic_title(rest: str, ref: Reference) -> bool:
    """``*Title*. Publisher.`` (a book or report) or ``*Title*.`` alone."""
    m = re.match(r"^\*(?P<title>.+?)\*\s*(?P<tail>.*)$", rest)
    if not m:
        return False
    title = take_details(m.group("title"), ref)
    tail = take_details(m.group("tail"), ref)
    ref.title = strip_markup(title).rstrip(".")
    ref.publisher = strip_markup(tail).strip(". ")
    if ref.publisher in BOOK_PUBLISHERS or BOOK_PUBLISHER_WORDS.search(ref.publisher) or ref.edition:
        ref.kind = "book"
        if ref.pages and ". " in ref.title:
            ref.title, ref.container = ref.title.split(". ", 1)
            ref.kind = "chapter"
            ref.notes.append("pages given for a book: read the title's last sentence as the book it is in")
    else:
        ref.kind = "report"
    return True


def parse_plain_title(rest: str, ref: Reference) -> None:
    """``Title. Publisher.`` or ``Title.`` without emphasis: a report or web page."""
    text = strip_markup(rest)
    head, tail = split_sentence(text)
    if tail and INSTITUTION_WORDS.search(tail):
        ref.title, ref.publisher = head, tail
        ref.notes.append(f'read "{tail}" as the publisher')
    else:
        ref.title = text.rstrip(".").strip()
    ref.kind = "report" if ref.publisher else "web"


def parse_reference(raw: str, line: int) -> Reference:
    """Parse one APA-style entry. Raises ReferenceParseError when a part cannot be read."""
    ref = Reference(raw=raw, line=line)
    text = take_links(" ".join(raw.replace("\\\\_", "_").replace("\\_", "_").split()), ref)
    head = HEAD.match(text)
    if not head:
        raise ReferenceParseError('no "Author (Year)" at the start of the entry')
    year = head.group("year")
    ref.year = "n.d." if year.startswith("n.") else year[:4]
    if len(year) == 5:
        ref.notes.append(f'the year is written {year}: the site gives "a"/"b" letters itself')
    authors = head.group("authors")
    if edited := EDITED.search(authors):
        ref.edited, authors = True, authors[: edited.start()]
    ref.authors = parse_people(authors, ref)
    rest = head.group("rest").strip()
    if not rest:
        ref.kind = "web"
        ref.notes.append("no title in the entry")
    elif not (parse_chapter(rest, ref) or parse_journal(rest, ref) or parse_italic_title(rest, ref)):
        parse_plain_title(rest, ref)
    if ref.edited and ref.kind in {"report", "chapter"}:
        ref.kind = "book"
    if ref.publisher and ref.authors and ref.publisher == ref.authors[0].literal:
        ref.publisher = ""
    if not (ref.title or ref.url or ref.doi):
        raise ReferenceParseError("the entry has neither a title nor a web address")
    return ref
