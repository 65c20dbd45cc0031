"""Parse APA-style reference strings, as written in the principles' reference lists, into fields.

It reads the common APA 7 forms as people and PDF extraction write them: journal articles (with
or without italics, the DOI as a web address or ``doi:``), reports and web pages (a bare web
address, ``<...>``, a Markdown link, after "Retrieved from" / "Available at"), books with
editions, edited books, chapters, organisations as authors, "n.d.", "in press" and "forthcoming", subtitles
and dated years.
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

from practice_site.references.citation_dates import DATE, normalise_date, split_letter
from practice_site.references.reference_details import (
    PLACE,
    find_details,
    set_publisher,
    take_description,
    take_details,
    take_report_number,
)
from practice_site.references.reference_fields import (
    Reference,
    ReferenceParseError,
    clean_text,
    clean_title,
    split_sentence,
    strip_markup,
)
from practice_site.references.reference_links import take_links
from practice_site.references.reference_names import parse_editors, parse_people

HEAD = re.compile(
    rf"^(?P<authors>.+?)(?<!\s)\s*\((?P<year>{DATE})(?:,\s*[^()]{{1,30}})?\)\.?\s*(?P<rest>.*)$"
)
UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w*])_(?=\S)(?P<text>[^_]+)(?<=\S)_(?![\w*])")
EDITED = re.compile(r"(?<!\s)\s*\((?P<eds>Eds?)\.?\)\.?\s*$", re.IGNORECASE)
EDITORS_MARK = re.compile(r"(?<!\s)\s*\((?:Eds?|eds?)\.?\),?\s*")
IN_MARK = re.compile(r"\sIn:?\s+")
ITALIC = re.compile(r"\*(?P<text>[^*]+)\*")
NUMBERS = re.compile(
    r"^(?P<volume>\d++)\s*+(?:\((?P<issue>[^()]{1,20})\)|,\s*(?P<issue2>\d+)(?=\s*,))?\s*(?P<comma>,?)\s*"
    r"(?P<pages>(?:pp?\.\s*)?(?:Article\s+)?[A-Za-z]{0,2}\d++(?:\s*[-–—]\s*[A-Za-z]{0,2}\d++)?)?[\s.]*$"
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
        if not numbered and ref.year[:1].isdigit():  # in press or forthcoming: none yet
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


def read_date(written: str, ref: Reference) -> str:
    """The date as the library keeps it ("2018", "n.d.", "in press", "forthcoming"); a letter the source
    gives ("2018a", "n.d.-b") is noted, since citeproc gives APA's letters itself."""
    date, letter = split_letter(written)
    if letter:
        ref.notes.append(f'the date is written {normalise_date(written)}: the site gives "a"/"b" letters itself')
    return date


def parse_reference(raw: str, line: int) -> Reference:
    """Parse one APA-style entry. Raises ReferenceParseError when a part cannot be read."""
    ref = Reference(raw=raw, line=line)
    text = take_links(clean_text(raw), ref)
    text = UNDERSCORE_EMPHASIS.sub(r"*\g<text>*", text)
    head = HEAD.match(text)
    if not head:
        raise ReferenceParseError('no "Author (Year)" at the start of the entry')
    ref.year = read_date(head.group("year"), ref)
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
