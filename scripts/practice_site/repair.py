"""Repairs for the debris that PDF text extraction leaves in a source document.

Each function does one repair on plain strings, so each can be tested on its own.
"""

from __future__ import annotations

import re

FOOTER_RULE = "---"
SENTENCE_END = re.compile(r"""[.!?:;)'"\u2019\u201d*]\s*$""")
LIST_MARKER = re.compile(r"^\s*[-*\u2022]\s+")
HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*))?$")
FOOTNOTE_MARK = re.compile(r"<sup>\s*(\w+)\s*</sup>")
DEAD_LINK = re.compile(r"\[([^\]]+)\]\(#\)")
ESCAPED_ESCAPE = re.compile(r"\\\\([_*\[\]()#`])")


def split_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off the publisher's footer: everything after the last line that is only ``---``."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() == FOOTER_RULE:
            return lines[:index], lines[index + 1 :]
    return lines, []


def heading_text(line: str) -> tuple[int, str] | None:
    """Return (level, text) for a Markdown heading line, without bold markers; else None."""
    match = HEADING.match(line.strip())
    if not match:
        return None
    text = (match.group(2) or "").strip()
    closed = text.rstrip("#")  # an optional closing run of "#", as in "## Title ##"
    if closed != text and (not closed or closed[-1].isspace()):
        text = closed.strip()
    while len(text) >= 4 and text.startswith("**") and text.endswith("**"):
        text = text[2:-2].strip()
    return len(match.group(1)), text


def join_ellipsis(title: str) -> str:
    """Close up the "must... be" ellipsis the PDF title uses: "must... be" -> "must be"."""
    return re.sub(r"\s*(\.\.\.|\u2026)\s*", " ", title).strip()


def is_cut_paragraph(previous: str, following: str) -> bool:
    """True when a page break cut one paragraph in two.

    The first part ends without closing punctuation and the second starts in lower case.
    """
    return not SENTENCE_END.search(previous) and following[:1].islower()


def strip_list_marker(line: str) -> str:
    """Remove a leading list marker ("- ", "* ", "• ")."""
    return LIST_MARKER.sub("", line, count=1)


def is_list_item(line: str) -> bool:
    """True when the line starts with a list marker."""
    return bool(LIST_MARKER.match(line))


def unescape(text: str) -> str:
    """Undo doubled escapes from extraction: ``uob\\\\_syrc`` becomes ``uob\\_syrc`` (shown "uob_syrc")."""
    return ESCAPED_ESCAPE.sub(r"\\\1", text)


def footnote_markers(text: str) -> str:
    """Turn a ``<sup>1</sup>`` note marker into a Markdown footnote reference ``[^1]``."""
    return FOOTNOTE_MARK.sub(r"[^\1]", text)


SOURCE_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
WEB_ADDRESS = re.compile(r"^(?:https?://|mailto:)\S+$|^#\S+$", re.IGNORECASE)


def drop_unsafe_links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Keep only the words of links that are not web addresses (``javascript:``, ``data:``, files...).

    Returns the text and (words, target) for each link so kept as plain text.
    """
    dropped: list[tuple[str, str]] = []

    def keep_words(match: re.Match[str]) -> str:
        if match.group(2) == "#" or WEB_ADDRESS.match(match.group(2)):
            return match.group(0)
        dropped.append((match.group(1), match.group(2)))
        return match.group(1)

    return SOURCE_LINK.sub(keep_words, text), dropped


def drop_dead_links(text: str) -> tuple[str, list[str]]:
    """Replace links to nowhere (``[words](#)``) by their words; return the text and the words."""
    dropped = DEAD_LINK.findall(text)
    return DEAD_LINK.sub(r"\1", text), dropped


def normalise_entry(text: str) -> str:
    """A reference entry reduced for comparison: no list marker, single spaces."""
    return " ".join(strip_list_marker(text).split())
