"""Parse APA-style reference strings, as written in the principles' reference lists, into fields.

It reads the common APA 7 forms as people and PDF extraction write them: journal articles (with
or without italics, the DOI as a web address or ``doi:``), reports and web pages (a bare web
address, ``<...>``, a Markdown link, after "Retrieved from" / "Available at"), books with
editions, edited books, chapters, organisations as authors, "n.d.", subtitles and dated years.
Where it has to read an entry in a way the string does not spell out (names without commas, a
publisher told from a plain title), it says so in ``Reference.notes``; where it cannot read an
entry it raises :class:`ReferenceParseError` (``make bib`` then keeps the entry whole as ``@misc``).

Titles, web addresses and DOIs are kept as written, with these repairs only: runs of spaces made
one, a list marker, Markdown escapes (``\\_``), emphasis (``*``, ``_``) and link syntax removed
(the address is kept), a space left before a full stop or comma closed up, a title wrapped whole
in quotation marks unwrapped, and the punctuation that ends the sentence (not the address) left
off a web address. The reference exactly as written is kept as well, in ``Reference.raw``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

WORD = r"[^\W\d_][\w'’-]*"
INITIALS = re.compile(r"(?:-?[^\W\d_][a-z]?\.)+")
NAME_THEN_INITIALS = re.compile(rf"^(?P<family>{WORD}(?: {WORD})*) (?P<given>(?:-?[^\W\d_]\.\s?)*-?[^\W\d_]\.)$")
INITIAL_THEN_NAME = re.compile(rf"^(?P<given>(?:-?[^\W\d_]\.\s?)+) (?P<family>(?:[a-z]+ ){{0,3}}{WORD})$")
EDITOR_SPLIT = re.compile(r",\s*(?:(?:&|and)\s+)?|\s+(?:&|and)\s+")
NAME_SPLIT = re.compile(r",|(?:^|\s)(?:&|and)\s")
NAME_SUFFIX = re.compile(r"^(?:Jr|Sr)\.?$|^I{2,3}$|^IV$")
ELLIPSIS = re.compile(r"^(?:\.\s?){3}|^…")
HEAD = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>\d{4}[a-z]?|n\.\s?d\.?)(?:,\s*[^()]{1,30})?\)\.?\s*(?P<rest>.*)$"
)
MD_ESCAPE = re.compile(r"\\+(?=[!-/:-@\[-`{-~])")
LIST_MARKER = re.compile(r"^(?:[-+]|\*(?=\s)|\d{1,3}[.)])\s+")
UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w*])_(?=\S)(?P<text>[^_]+)(?<=\S)_(?![\w*])")
MD_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)")
AUTOLINK = re.compile(r"<(?P<url>(?:https?://|www\.)[^<>\s]+)>", re.IGNORECASE)
BARE_URL = re.compile(r"(?<![\w/@.])(?P<url>(?:https?://|www\.|(?:dx\.)?doi\.org/)[^\s<>]+)", re.IGNORECASE)
DOI_TEXT = re.compile(r"\bdoi\s*:?\s*(?P<doi>10\.\d{4,9}/[^\s<>]+)", re.IGNORECASE)
DOI_URL = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/(?P<doi>10\..+)$", re.IGNORECASE)
URL_END = ".,;:!?*'\"’”"
DATE = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})")
ACCESSED = re.compile(rf"[(\[]?\s*(?:last\s+)?accessed(?:\s+on)?\s*:?\s*(?P<date>{DATE})\s*[)\]]?", re.IGNORECASE)
RETRIEVED = re.compile(
    r"\b(?:Retrieved|Available)\b(?P<date>[^<>()\[\]]{0,40}?),?\s*\b(?:from|at|online)\b:?\s*[.,]?\s*$", re.IGNORECASE
)
EDITED = re.compile(r"\s*\((?P<eds>Eds?)\.?\)\.?\s*$", re.IGNORECASE)
EDITORS_MARK = re.compile(r"\s*\((?:Eds?|eds?)\.?\),?\s*")
IN_MARK = re.compile(r"\sIn:?\s+")
PAREN_DETAILS = re.compile(r"\((?P<details>[^()]{1,200})\)")
DETAIL_WORDS = re.compile(r"\bpp?\.|\bed\.|\bedition|\bVol\.", re.IGNORECASE)
PAGES = re.compile(r"pp?\.\s*(?P<first>\d+)(?:\s*[-–—]\s*(?P<last>\d+))?")
EDITION = re.compile(r"(?P<n>\d+)(?:st|nd|rd|th)\s*(?:ed\.?|edition)", re.IGNORECASE)
VOLUME = re.compile(r"\bVol(?:ume)?\.?\s*(?P<n>\d+)", re.IGNORECASE)
REPORT_NUMBER = re.compile(r"(?:^|\s)\((?P<text>[^()]{0,80}\d[^()]{0,80})\)(?=\s*(?:\.|$))")
DESCRIPTION = re.compile(r"^\s*\[(?P<text>[^\[\]]{1,80})\]\s*")
PLACE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?):\s+(?P<publisher>\S.*)$"
)
ITALIC = re.compile(r"\*(?P<text>[^*]+)\*")
NUMBERS = re.compile(
    r"^(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{1,20})\)|,\s*(?P<issue2>\d+)(?=\s*,))?\s*(?P<comma>,?)\s*"
    r"(?P<pages>(?:pp?\.\s*)?(?:Article\s+)?[A-Za-z]{0,2}\d+(?:\s*[-–—]\s*[A-Za-z]{0,2}\d+)?)?[\s.]*$"
)
NUMBERS_TAIL = re.compile(r",\s*(?P<numbers>\d+\s*(?:\([^()]{1,20}\))?[^,()]{0,12}(?:,[^,()]{1,30}){0,2})$")
SENTENCE_END = re.compile(r"(?:[.?!]['’\"”]?|['’\"”],)\s+(?=\S)")
AFTER_JOURNAL = re.compile(r"[*\s]{0,6},")
ARTICLE_END = re.compile(r"[.\s]*$")
ITALIC_VOLUME = re.compile(r"^(?P<journal>.+?),\s*(?P<volume>\d+)$")
BOOK_PUBLISHERS = {
    "Routledge", "Random House", "Policy Press", "Sage", "Jessica Kingsley Publishers",
    "Palgrave Macmillan",
}
BOOK_PUBLISHER_WORDS = re.compile(r"\b(Press|Publishers?|Publishing|Books|Routledge|Sage|Wiley|Springer|Macmillan)\b")
INSTITUTION_WORDS = re.compile(
    r"\b(University|Department|Authority|Centre|Research in Practice|Barnardo's|PACE|We Are With You|"
    r"Commissioner|Institute|Foundation|Trust|Council|Office|Agency|Society|Association|Ministry|Government|"
    r"Service|Commission|Board|Partnership|Network|Unit|NHS|Charity|College)\b"
)
SMALL_WORDS = {"a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to", "und", "with"}
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
    address: str = ""
    description: str = ""
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


def clean_text(raw: str) -> str:
    """The entry on one line: spaces collapsed, no list marker, no Markdown escapes."""
    return LIST_MARKER.sub("", MD_ESCAPE.sub("", " ".join(raw.split())))


def iso_date(text: str) -> str:
    """"19 November 2022", "May 3, 2021", "19/11/2022" (day first) -> "2022-11-19"; "" if unreadable."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return text if 1 <= int(m.group(2)) <= 12 else ""
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    else:
        words = re.findall(r"[A-Za-z]+|\d+", text)
        names = [w for w in words if w.isalpha() and w.lower() not in {"st", "nd", "rd", "th"}]
        numbers = [int(w) for w in words if w.isdigit()]
        month = next((i + 1 for i, full in enumerate(MONTHS) if names and len(names[0]) >= 3
                      and full.lower().startswith(names[0].lower())), 0)
        if len(names) != 1 or len(numbers) != 2 or not month:
            return ""
        day, year = numbers if numbers[1] > 31 else numbers[::-1]
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def trim_url(url: str) -> tuple[str, str]:
    """A web address without the sentence's punctuation after it: ``(address, what was cut)``."""
    opens, closes = {")": url.count("("), "]": url.count("[")}, {")": url.count(")"), "]": url.count("]")}
    end = len(url)
    while end:
        char = url[end - 1]
        if char in closes and closes[char] > opens[char]:
            closes[char] -= 1
        elif char not in URL_END:
            break
        end -= 1
    return url[:end], url[end:]


def link_text(match: re.Match[str]) -> str:
    """What a Markdown link leaves in the text: its words, unless they are only the address."""
    text = match.group("text").strip()
    plain = text.strip("*_ ")
    return "" if plain == match.group("url") or re.match(r"(?:https?://|www\.|doi)", plain, re.I) else text


def after_link(match: re.Match[str], cut: str) -> str:
    """The punctuation cut from a removed address, less a full stop the sentence already has."""
    before = match.string[max(0, match.start() - 3): match.start()].rstrip()
    return cut[1:] if cut.startswith(".") and before.endswith(".") else cut


def take_links(text: str, ref: Reference) -> str:
    """Move web addresses and DOIs (links, autolinks, bare, ``doi:``) into ``url``/``doi``; return the rest."""
    urls = [m.group("url") for m in MD_LINK.finditer(text)]
    text = MD_LINK.sub(link_text, text)
    urls += [m.group("url") for m in AUTOLINK.finditer(text)]
    text = AUTOLINK.sub("", text)

    def bare(match: re.Match[str]) -> str:
        url, cut = trim_url(match.group("url"))
        urls.append(url)
        return after_link(match, cut)

    text = BARE_URL.sub(bare, text)
    dois: list[str] = []

    def doi_text(match: re.Match[str]) -> str:
        doi, cut = trim_url(match.group("doi"))
        dois.append(doi)
        return after_link(match, cut)

    text = DOI_TEXT.sub(doi_text, text)
    addresses: list[str] = []
    for url in urls:
        if doi := DOI_URL.match(url):
            dois.append(doi.group("doi"))
        elif url not in addresses:
            addresses.append(url)
    ref.doi = dois[0] if dois else ""
    ref.url = addresses[0] if addresses else ""
    if len(set(dois)) > 1 or len(addresses) > 1:
        ref.notes.append("more than one web address or DOI: kept the first of each")
    if (accessed := ACCESSED.search(text)) and (date := iso_date(accessed.group("date"))):
        ref.accessed = date
        text = text[: accessed.start()] + text[accessed.end():]
    if retrieved := RETRIEVED.search(text):
        if date := iso_date(retrieved.group("date").strip(" ,")):
            ref.accessed = ref.accessed or date
        text = text[: retrieved.start()]
    return re.sub(r"\s+([.,])", r"\1", " ".join(text.split())).strip()


def is_initials(token: str) -> bool:
    """"J.", "J. J.", "A.-M.", "Ç." (each part a capital, then an optional small letter, then a dot)."""
    compact = token.replace(" ", "")
    return bool(INITIALS.fullmatch(compact)) and all(p.lstrip("-")[:1].isupper() for p in compact.split(".") if p)


def looks_personal(token: str) -> bool:
    """Whether a token of an author list is (part of) a person's name with initials."""
    return is_initials(token) or bool(NAME_THEN_INITIALS.match(token) or INITIAL_THEN_NAME.match(token))


def name_tokens(cleaned: str, ref: Reference) -> list[str]:
    """The comma/ampersand-separated parts of a person list, without "et al." and APA's ". . ."."""
    tokens = []
    for token in (t.strip() for t in NAME_SPLIT.split(cleaned)):
        if ELLIPSIS.match(token):
            token = ELLIPSIS.sub("", token).strip()
            ref.notes.append('read ". . ." as authors left out of the list')
        if token.rstrip(".") == "et al":
            ref.notes.append('"et al." in the author list: only the names given are recorded')
        elif token:
            tokens.append(token)
    return tokens


def parse_people(text: str, ref: Reference) -> list[Name]:
    """Read "Allnock, D., Beckett, H., & Walker, J." (and the looser shapes the lists use)."""
    cleaned = strip_markup(text).rstrip(",").strip()
    if " with " in cleaned:
        cleaned, _, helpers = cleaned.partition(" with ")
        cleaned = cleaned.rstrip(", ")
        ref.notes.append(f'"with {helpers}": contributors, not authors, so not in the author list (APA lists '
                         "the authors); record it as an entry line in bib/corrections.tsv")
    if not any(looks_personal(t.strip()) for t in NAME_SPLIT.split(cleaned)):
        return [Name(literal=cleaned.rstrip(".").strip())]
    names: list[Name] = []
    pending_family = ""
    for token in name_tokens(cleaned, ref):
        if NAME_SUFFIX.match(token) and names and not pending_family:
            names[-1].given = f"{names[-1].given}, {token}"
        elif is_initials(token) and pending_family:
            names.append(Name(family=pending_family, given=token.replace(" ", "")))
            pending_family = ""
        elif (m := NAME_THEN_INITIALS.match(token)) and not pending_family:
            names.append(Name(family=m.group("family"), given=m.group("given").replace(" ", "")))
            ref.notes.append(f'read "{token}" as family name then initials (no comma between)')
        elif (m := INITIAL_THEN_NAME.match(token)) and pending_family:
            names.append(Name(family=pending_family, given=m.group("given").replace(" ", "")))
            pending_family = m.group("family")
            ref.notes.append(f'read "{token}" as the end of one name and the start of the next (no comma)')
        elif not pending_family and not is_initials(token):
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
    """Read "H. Beckett & J. Pearce", "G. Ruch, D. Turney & A. Ward" (or "Beckett, H., & Pearce, J.")."""
    parts = [p.strip() for p in EDITOR_SPLIT.split(strip_markup(text).rstrip(",")) if p.strip()]
    matches = [INITIAL_THEN_NAME.match(part) for part in parts]
    if parts and all(matches):
        return [Name(family=m.group("family"), given=m.group("given").replace(" ", "")) for m in matches if m]
    scratch = Reference(raw=text, line=ref.line)
    try:
        editors = parse_people(text, scratch)
        ref.notes.extend(scratch.notes)
    except ReferenceParseError:
        editors = []
    if not editors or editors[0].literal and len(parts) > 1:
        bad = next((p for p, m in zip(parts, matches, strict=True) if not m), text.strip())
        raise ReferenceParseError(f'cannot read the editor "{bad}"')
    return editors


def find_details(text: str) -> re.Match[str] | None:
    """The first bracketed group that gives pages, an edition or a volume: "(2nd ed., pp. 1-2)"."""
    return next((m for m in PAREN_DETAILS.finditer(text) if DETAIL_WORDS.search(m.group("details"))), None)


def take_details(text: str, ref: Reference) -> str:
    """Move "(2nd edition, pp. 37-54)" details into ``edition``/``pages``/``volume``; return the rest."""
    match = find_details(text)
    if not match:
        return text
    details = match.group("details")
    pages, edition, volume = PAGES.search(details), EDITION.search(details), VOLUME.search(details)
    if not (pages or edition or volume):
        return text
    if pages:
        last = pages.group("last")
        ref.pages = f"{pages.group('first')}--{last}" if last else pages.group("first")
    if edition and edition.group("n") == "1":
        ref.notes.append('"1st ed." left out: APA 7 gives an edition only from the second; record it as an '
                         "entry line in bib/corrections.tsv")
    elif edition:
        ref.edition = edition.group("n")
    if volume:
        ref.volume = volume.group("n")
    return (text[: match.start()] + text[match.end():]).strip()


def take_report_number(text: str, ref: Reference, at_start: bool) -> str:
    """Move a report's number ("(Report No. 123)", "(DFE-RR123)") into ``issue``; return the rest."""
    match = REPORT_NUMBER.search(text)
    if not match or (at_start and text[: match.start()].strip()):
        return text
    ref.issue = match.group("text").strip()
    return (text[: match.start()] + text[match.end():]).strip()


def take_description(text: str, ref: Reference) -> str:
    """Move an APA bracketed description ("[Fact sheet]") at the start of ``text`` into ``description``."""
    if m := DESCRIPTION.match(text):
        ref.description = m.group("text").strip()
        return text[m.end():].lstrip(". ")
    return text


def set_publisher(text: str, ref: Reference) -> None:
    """``publisher`` from what follows a title, with an older "London: Routledge" place split off."""
    publisher = strip_markup(text).strip(". ")
    if m := PLACE.match(publisher):
        ref.address, publisher = m.group("place"), m.group("publisher").strip()
        ref.notes.append(f'read "{ref.address}" as the place of publication')
    ref.publisher = publisher


def split_sentence(text: str) -> tuple[str, str]:
    """Split "Title words. Publisher." at its last full stop before the publisher."""
    body = text.strip().rstrip(".").strip()
    head, dot, tail = body.rpartition(". ")
    return (head, tail) if dot else (body, "")


def unquote(title: str) -> str:
    """A title wrapped whole in quotation marks (Harvard style), without them."""
    for left, right in (("'", "'"), ("‘", "’"), ('"', '"'), ("“", "”")):
        inner = title[1:-1]
        if len(title) > 2 and title[0] == left and title[-1] == right and left not in inner and right not in inner:
            return inner
    return title


def clean_title(text: str) -> str:
    """A title as written, without emphasis or the punctuation that ends it."""
    return unquote(strip_markup(text).rstrip(".,").strip()).rstrip(".,").strip()


def read_numbers(numbers_text: str, ref: Reference) -> bool:
    """Volume, issue and pages from "17 (3), 368-377", "26, 2, 150– 162", "4(2), e0123"; False if unreadable."""
    text = strip_markup(numbers_text).strip()
    numbers = NUMBERS.match(text)
    if not numbers:
        return False
    ref.volume = numbers.group("volume")
    ref.issue = (numbers.group("issue") or numbers.group("issue2") or "").strip()
    if numbers.group("issue2"):
        ref.notes.append(f'read "{ref.volume}, {ref.issue}" as volume {ref.volume}, issue {ref.issue}')
    pages = re.sub(r"^pp?\.\s*", "", numbers.group("pages") or "")
    if numbers.group("issue") and pages and not numbers.group("comma") and ")" + pages in text.replace(" ", ""):
        ref.notes.append("read the number run together with the issue as the article number")
    if m := re.match(r"^(\d+)\s*[-–—]\s*(\d+)$", pages):
        first, last = m.groups()
        if len(last) < len(first):
            ref.notes.append(f"expanded the page range {first}-{last}")
            last = first[: len(first) - len(last)] + last
        pages = f"{first}--{last}"
    ref.pages = pages
    return True


def parse_journal(rest: str, ref: Reference) -> bool:
    """``Title. *Journal*, 17 (3), 368-377.``, ``Title. *Journal, 4*(2), e12.``, or the same without italics."""
    spans = [m for m in ITALIC.finditer(rest) if m.start() > 0 and rest[m.start() - 1] == " "]
    for span in reversed(spans):
        journal, after = span.group("text").strip(), span.end()
        volume = ""
        if split := ITALIC_VOLUME.match(journal):
            journal, volume = split.group("journal"), f", {split.group('volume')}"
        numbered = bool(volume or AFTER_JOURNAL.match(rest, after))
        if not numbered and not ARTICLE_END.match(rest, after):
            continue
        numbers = strip_markup(volume + rest[after:]).lstrip(" ,")
        if numbered and not read_numbers(numbers, ref):
            raise ReferenceParseError(f'cannot read volume, issue and pages "{numbers}"')
        if not numbered:
            ref.notes.append("an article with no volume or pages")
        ref.kind, ref.title, ref.container = "article", clean_title(rest[: span.start()]), journal.rstrip(".,").strip()
        return True
    return parse_plain_journal(rest, ref)


def parse_plain_journal(rest: str, ref: Reference) -> bool:
    """``Title. Journal Name, 4(2), 10-20.`` with no italics (as PDF extraction writes it)."""
    plain = strip_markup(rest)
    tail = NUMBERS_TAIL.search(plain)
    if not tail or not NUMBERS.match(tail.group("numbers").strip()):
        return False
    ends = list(SENTENCE_END.finditer(plain, 0, tail.start()))
    if not ends:
        return False
    title, journal = plain[: ends[-1].end()], plain[ends[-1].end(): tail.start()].strip()
    if not journal or not journal[0].isupper() or len(journal.split()) > 20:
        return False
    read_numbers(tail.group("numbers"), ref)
    ref.kind, ref.title, ref.container = "article", clean_title(title), journal
    ref.notes.append(f'read "{journal}" as the journal (no italics)')
    return True


def parse_chapter(rest: str, ref: Reference) -> bool:
    """``Chapter title. In E. Editor (Ed.), *Book title* (pp. 1-2). Publisher.`` (editors optional)."""
    for mark in IN_MARK.finditer(rest):
        start = mark.end()
        editors = EDITORS_MARK.search(rest, start, start + 300)
        if editors and "*" not in rest[start: editors.start()]:
            ref.editors = parse_editors(rest[start: editors.start()], ref)
            book = rest[editors.end():]
        elif rest.startswith("*", start):
            book = rest[start:]
        else:
            continue
        ref.kind, ref.title = "chapter", clean_title(rest[: mark.start()])
        read_book(book, ref)
        return True
    return False


def read_book(text: str, ref: Reference) -> None:
    """The book a chapter is in, with its details and publisher: ``*Book* (pp. 1-2). Publisher.``"""
    if text.startswith("*") and (close := text.rfind("*")) > 0:
        book, tail = text[1:close], text[close + 1:]
        book, tail = take_details(book, ref), take_details(tail, ref)
    elif (details := find_details(text)) and take_details(details.group(0), ref) == "":
        book, tail = text[: details.start()], text[details.end():]
    else:
        book, tail = split_sentence(strip_markup(text))
    ref.container = strip_markup(book).rstrip(".,").strip()
    set_publisher(tail, ref)


def is_book(ref: Reference) -> bool:
    """A book rather than a report: a book publisher, an edition, or a place of publication."""
    return bool(ref.publisher in BOOK_PUBLISHERS or BOOK_PUBLISHER_WORDS.search(ref.publisher) or ref.edition
                or ref.address)


def parse_italic_title(rest: str, ref: Reference) -> bool:
    """``*Title* (2nd ed.). Publisher.`` (a book or report), or ``*Title*.`` alone."""
    m = re.match(r"^\*(?P<title>[^*]+)\*\s*(?P<tail>.*)$", rest)
    if not m:
        return False
    title = take_details(m.group("title"), ref)
    tail = take_description(take_report_number(take_details(m.group("tail"), ref), ref, at_start=True), ref)
    ref.title = clean_title(title)
    set_publisher(tail, ref)
    if is_book(ref):
        ref.kind = "book"
        if ref.pages and ". " in ref.title:
            ref.title, ref.container = ref.title.split(". ", 1)
            ref.kind = "chapter"
            ref.notes.append("pages given for a book: read the title's last sentence as the book it is in")
    else:
        ref.kind = "report"
    return True


def looks_like_publisher(text: str, ref: Reference) -> bool:
    """Whether the last sentence after a plain title names a publisher rather than ending the title.

    APA titles are in sentence case, publishers' names in title case: "Example Institute" is a
    publisher, "Emerging findings from the trials" is the end of a title.
    """
    if INSTITUTION_WORDS.search(text) or BOOK_PUBLISHER_WORDS.search(text) or PLACE.match(text):
        return True
    if ref.authors and text == ref.authors[0].literal:
        return True
    words = text.split()
    return (0 < len(words) <= 8 and not re.search(r"[?!:;]", text)
            and all(w[0].isupper() or w.lower() in SMALL_WORDS or not w[0].isalpha() for w in words)
            and any(w[0].isupper() for w in words))


def parse_plain_title(rest: str, ref: Reference) -> None:
    """``Title (2nd ed.). Publisher.`` or ``Title.`` without emphasis: a book, report or web page."""
    text = take_report_number(take_details(strip_markup(rest), ref), ref, at_start=False)
    if m := re.search(r"\s\[(?P<text>[^\[\]]{1,80})\]", text):
        ref.description = m.group("text").strip()
        text = (text[: m.start()] + text[m.end():]).strip()
    head, tail = split_sentence(text)
    if tail and (looks_like_publisher(tail, ref) or ref.edition):
        ref.title = clean_title(head)
        set_publisher(tail, ref)
        ref.notes.append(f'read "{tail}" as the publisher')
    else:
        ref.title = clean_title(text)
    if ref.publisher:
        ref.kind = "book" if is_book(ref) else "report"
    else:
        ref.kind = "book" if ref.edition else "web"


def parse_reference(raw: str, line: int) -> Reference:
    """Parse one APA-style entry. Raises ReferenceParseError when a part cannot be read."""
    ref = Reference(raw=raw, line=line)
    text = take_links(clean_text(raw), ref)
    text = UNDERSCORE_EMPHASIS.sub(r"*\g<text>*", text)
    head = HEAD.match(text)
    if not head:
        raise ReferenceParseError('no "Author (Year)" at the start of the entry')
    year = head.group("year")
    ref.year = "n.d." if year.startswith("n") else year[:4]
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
    if ref.edited and ref.kind == "chapter":
        raise ReferenceParseError('the authors are marked as editors, but the entry is a chapter ("In ...")')
    if ref.edited and ref.kind in {"report", "web"}:
        ref.kind = "book"
    if ref.publisher and ref.authors and ref.publisher == ref.authors[0].literal:
        ref.publisher = ""
    if not (ref.title or ref.url or ref.doi):
        raise ReferenceParseError("the entry has neither a title nor a web address")
    return ref
