"""The fields of a reference-list entry, and the text clean-up every part of the parser shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from practice_site.text_forms import single_spaced

MD_ESCAPE = re.compile(r"\\+(?=[!-/:-@\[-`{-~])")

LIST_MARKER = re.compile(r"^(?:[-+]|\*(?=\s)|\d{1,3}[.)])\s+")

class ReferenceParseError(ValueError):
    """An entry the parser cannot read; the message says what is missing."""

@dataclass
class Name:
    """A person (family name and initials) or an organisation (``literal``)."""

    family: str = ""
    given: str = ""
    literal: str = ""


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

def strip_markup(text: str) -> str:
    """Remove emphasis markers and tidy spaces."""
    return single_spaced(text.replace("*", ""))

def clean_text(raw: str) -> str:
    """The entry on one line: spaces collapsed, no list marker, no Markdown escapes."""
    return LIST_MARKER.sub("", MD_ESCAPE.sub("", single_spaced(raw)))


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
