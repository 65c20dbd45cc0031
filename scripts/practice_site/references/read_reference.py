"""One reference-list entry read for the library: parsed, or kept whole as ``@misc`` when it cannot be."""

from __future__ import annotations

import re

from practice_site.references.citation_dates import split_letter
from practice_site.references.parse_reference import EDITED, HEAD, parse_reference
from practice_site.references.reference_fields import Name, Reference, ReferenceParseError, clean_text
from practice_site.references.reference_links import AUTOLINK, MD_LINK
from practice_site.references.reference_names import parse_people
from practice_site.text_forms import single_spaced

YEAR_IN_TEXT = re.compile(r"\((\d{4})[a-z]?\)|\b(\d{4})\b")


def plain_text(raw: str) -> str:
    """The reference as written, as readers should see it: one line, links shown as their addresses."""
    def link(match: re.Match[str]) -> str:
        text, url = match.group("text").strip(), match.group("url")
        return url if text.strip("*_ ") in {"", url} else f"{text} {url}"

    return single_spaced(AUTOLINK.sub(r"\g<url>", MD_LINK.sub(link, clean_text(raw))).replace("*", ""))


def unreadable(raw: str, line: int) -> Reference:
    """An entry the parser cannot read, as ``@misc`` keeping every word as written.

    With an "Author (Year)" head the title is the rest of the entry (so citations still find it by
    author and year); the author list, if it cannot be read as names, is kept whole as one literal
    name. Without one, the whole entry is the title and the year is the first one in the text.
    """
    ref = Reference(raw=raw, line=line, kind="misc")
    text = plain_text(raw)
    if head := HEAD.match(text):
        authors = head.group("authors")
        if edited := EDITED.search(authors):
            ref.edited, authors = True, authors[: edited.start()]
        try:
            ref.authors = parse_people(authors, ref)
        except ReferenceParseError:
            ref.edited, ref.authors = False, [Name(literal=head.group("authors").strip(" ,"))]
        ref.year = split_letter(head.group("year"))[0]
        ref.title = head.group("rest").strip()
    else:
        found = YEAR_IN_TEXT.search(text)
        ref.year = (found.group(1) or found.group(2)) if found else "n.d."
        ref.title = text
    ref.notes = []
    return ref


def read_one(raw: str, line: int) -> tuple[Reference, str]:
    """The parsed reference and no problem, or the ``@misc`` fallback and why it was needed."""
    try:
        return parse_reference(raw, line), ""
    except ReferenceParseError as error:
        return unreadable(raw, line), str(error)
    except Exception as error:  # a parser fault must not stop the run: the entry is kept whole instead
        return unreadable(raw, line), f"the parser failed: {type(error).__name__}"
