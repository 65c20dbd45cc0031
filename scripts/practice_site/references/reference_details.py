"""A reference's details: pages, edition, volume, report number, description, place and publisher."""

from __future__ import annotations

import re

from practice_site.references.reference_fields import Reference, strip_markup

PAREN_DETAILS = re.compile(r"\((?P<details>[^()]{1,200})\)")

DETAIL_WORDS = re.compile(r"\bpp?\.|\bed\.|\bedition|\bVol\.", re.IGNORECASE)

PAGES = re.compile(r"pp?\.\s*(?P<first>\d+)(?:\s*[-–—]\s*(?P<last>\d+))?")

EDITION = re.compile(r"(?<!\d)(?P<n>\d+)(?:st|nd|rd|th)\s*(?:ed\.?|edition)", re.IGNORECASE)

VOLUME = re.compile(r"\bVol(?:ume)?\.?\s*(?P<n>\d+)", re.IGNORECASE)

REPORT_NUMBER = re.compile(r"(?:^|\s)\((?P<text>[^()]{0,80}\d[^()]{0,80})\)(?=\s*(?:\.|$))")

DESCRIPTION = re.compile(r"^\s*\[(?P<text>[^\[\]]{1,80})\]\s*")

PLACE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?):\s+(?P<publisher>\S.*)$"
)

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
