"""Repairs for the debris that PDF text extraction leaves in a source document.

Each function does one repair on plain strings, so each can be tested on its own. No repair
touches code (```...```), an autolink (``<https://...>``) or a link's target (``](https://...)``):
those are kept byte for byte.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from practice_site.safe_text import neutralise_markup
from practice_site.text_forms import single_spaced

FOOTER_RULE = "---"
SENTENCE_END = re.compile(r"""[.!?:;)'"\u2019\u201d*]\s*$""")
LIST_MARKER = re.compile(r"^\s*[-*\u2022]\s+")
HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*))?$")
FOOTNOTE_MARK = re.compile(r"<sup>\s*(\w+)\s*</sup>")
# Link words: brackets nest one level ("[a [b] c](...)") and a backslash takes the next character
# with it; an unclosed "[" ends the attempt at once, so a run of them is read in one pass.
LINK_WORDS = r"\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
DEAD_LINK = re.compile(LINK_WORDS + r"\(#\)")
# A link's target: an address, perhaps with a "title" (spaces allowed, brackets nest one level).
SOURCE_LINK = re.compile(LINK_WORDS + r"\(((?:[^()\\]|\\.|\([^()]*\))*)\)")
IMAGE = re.compile("!" + SOURCE_LINK.pattern)  # "![words](address)": the site shows no images
TITLED = re.compile(r"""^(\S+)(?:\s+(?:"[^"]*"|'[^']*'))?$""")
# Not before a backtick: that would change which backticks open code.
ESCAPED_ESCAPE = re.compile(r"\\\\([_*\[\]()#])")
WEB_ADDRESS = re.compile(r"^(?:https?://|mailto:)\S+$|^#\S+$", re.IGNORECASE)
MUST_ELLIPSIS = re.compile(r"\bmust\s*(?:\.\.\.|\u2026)\s*")

CODE_RUN = re.compile(r"`+")
# Where Python-Markdown looks for code: a backtick not escaped, or pairs of backslashes before one.
CODE_OPEN = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)")
# An autolink, kept whole (only what Python-Markdown also reads as one); a link's target "](...)"
# (one level of brackets inside, as in Wikipedia addresses; no "<" or ">"), kept as written but
# for "{" (escaped, so that it can never start an attribute list; the address is the same).
AUTOLINK = re.compile(r"<https?://[^\s<>]*>|<mailto:[^\s<>!@]+@[^\s<>@]+>", re.IGNORECASE)
ADDRESS = r"[^()\s<>]"
LINK_TARGET = re.compile(rf"\]\({ADDRESS}*(?:\({ADDRESS}*\){ADDRESS}*)*\)")


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


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span, found exactly as Python-Markdown 3.11 finds them.

    At a backtick not escaped by a backslash, the rest of its run opens a span that closes at the
    next run of the same length; failing that, at the first longest later run if that is shorter
    (the extra opening backticks are code); failing that, the run (and as many characters again)
    is text. Each lookup is a bisection, never a scan of the rest of the text.
    """
    if "`" not in text:  # no backtick, no span (the search below would look at every character to know it)
        return []
    runs = [(m.start(), m.end()) for m in CODE_RUN.finditer(text)]
    starts = [start for start, _ in runs]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    longest: list[tuple[int, int]] = [(0, -1)] * len(runs)  # (length, index) of the first longest later run
    best = (0, -1)
    for index in range(len(runs) - 1, -1, -1):
        longest[index] = best
        if runs[index][1] - runs[index][0] >= best[0]:
            best = (runs[index][1] - runs[index][0], index)
    spans: list[tuple[int, int]] = []
    position = 0
    while match := CODE_OPEN.search(text, position):
        begin = match.end() if match.group(1) else match.start()
        run = bisect.bisect_right(starts, begin) - 1
        ticks = runs[run][1] - begin
        same = by_length.get(ticks, [])
        later = bisect.bisect_right(same, run)
        length, index = longest[run]
        closer = same[later] if later < len(same) else index if 0 < length < ticks else None
        if closer is None:
            position = runs[run][1] + ticks
            continue
        spans.append((begin, runs[closer][1]))
        position = runs[closer][1]
    return spans


TEXT, CODE, TARGET = 0, 1, 2  # the kinds of piece split_protected returns


def split_protected(text: str, targets: bool = True) -> list[tuple[int, str]]:
    """``text`` as (kind, piece) pairs: TEXT, CODE (code spans and autolinks) and, if ``targets``,
    TARGET (link targets); otherwise link targets are TEXT."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for begin, end in [*code_spans(text), (len(text), len(text))]:
        plain, at = text[start:begin], 0
        found = [(CODE, m) for m in AUTOLINK.finditer(plain)]
        found += [(TARGET, m) for m in (LINK_TARGET.finditer(plain) if targets else ())]
        for kind, match in sorted(found, key=lambda pair: pair[1].start()):
            if match.start() >= at:
                pieces.extend([(TEXT, plain[at:match.start()]), (kind, match.group(0))])
                at = match.end()
        pieces.extend([(TEXT, plain[at:]), (CODE, text[begin:end])])
        start = end
    return [(kind, piece) for kind, piece in pieces if piece]


def outside(text: str, repair: Callable[[str], str], targets: bool = True,
            in_target: Callable[[str], str] | None = None) -> str:
    """Apply ``repair`` to the text outside code, autolinks and (if ``targets``) link targets, and
    ``in_target`` (if given) to the link targets."""
    if "`" not in text and "<" not in text and "](" not in text:
        return repair(text)
    keep = in_target or (lambda piece: piece)
    return "".join(repair(piece) if kind == TEXT else keep(piece) if kind == TARGET else piece
                   for kind, piece in split_protected(text, targets))


def unprotected(text: str) -> str:
    """``text`` without its code spans, autolinks and link targets (where markers are looked for)."""
    return " ".join(piece for kind, piece in split_protected(text) if kind == TEXT)


def join_ellipsis(title: str) -> str:
    """Close up the "must... be" ellipsis the PDF title uses: "must... be" -> "must be"."""
    return outside(title, lambda text: MUST_ELLIPSIS.sub("must ", text)).strip()


def is_cut_paragraph(previous: str, following: str) -> bool:
    """True when a page break cut one paragraph in two.

    The first part ends without closing punctuation and the second starts in lower case.
    """
    return not SENTENCE_END.search(previous[-64:]) and following[:1].islower()


def strip_list_marker(line: str) -> str:
    """Remove a leading list marker ("- ", "* ", "• ")."""
    return LIST_MARKER.sub("", line, count=1)


def is_list_item(line: str) -> bool:
    """True when the line starts with a list marker."""
    return bool(LIST_MARKER.match(line))


def _unescape(text: str) -> str:
    return ESCAPED_ESCAPE.sub(r"\\\1", text)


def _footnote_markers(text: str) -> str:
    return FOOTNOTE_MARK.sub(r"[^\1]", text)


def unescape(text: str) -> str:
    """Undo doubled escapes from extraction: ``uob\\\\_syrc`` becomes ``uob\\_syrc`` (shown "uob_syrc")."""
    return outside(text, _unescape)


def footnote_markers(text: str) -> str:
    """Turn a ``<sup>1</sup>`` note marker into a Markdown footnote reference ``[^1]``."""
    return outside(text, _footnote_markers)


def drop_unsafe_links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Keep only the words of links that are not web addresses (``javascript:``, ``data:``, files...).

    Returns the text and (words, target) for each link so kept as plain text.
    """
    dropped: list[tuple[str, str]] = []

    def keep_words(match: re.Match[str]) -> str:
        address = TITLED.match(match.group(2).strip())
        if address and (address.group(1) == "#" or WEB_ADDRESS.match(address.group(1))):
            return match.group(0)
        dropped.append((match.group(1), match.group(2)))
        return match.group(1)

    return outside(text, lambda piece: SOURCE_LINK.sub(keep_words, piece), targets=False), dropped


def drop_images(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Keep only the words of images (``![words](address)``): the site's pages show no images, and one from
    another site would be a request to it. Returns the text and (words, address) for each."""
    dropped: list[tuple[str, str]] = []

    def words(match: re.Match[str]) -> str:
        dropped.append((match.group(1), match.group(2)))
        return match.group(1)

    return outside(text, lambda piece: IMAGE.sub(words, piece), targets=False), dropped


def drop_dead_links(text: str) -> tuple[str, list[str]]:
    """Replace links to nowhere (``[words](#)``) by their words; return the text and the words."""
    dropped: list[str] = []

    def words(match: re.Match[str]) -> str:
        dropped.append(match.group(1))
        return match.group(1)

    return outside(text, lambda piece: DEAD_LINK.sub(words, piece), targets=False), dropped


def clean_inline(text: str, where: str, repairs: list[str]) -> str:
    """The inline repairs (links to nowhere or to non-web places, doubled escapes, note markers)
    and raw HTML shown as text; ``where`` ("sources/x.txt:12") names the line in INFO messages."""
    text, images = drop_images(text)
    for words, target in images:
        repairs.append(f'{where}: image "{words}" ({target[:40]}) is not shown on the site; its words are kept as '
                       "plain text")
    text, dead = drop_dead_links(text)
    for words in dead:
        repairs.append(f'{where}: link "{words}" pointed nowhere (#); kept as plain text')
    text, unsafe = drop_unsafe_links(text)
    for words, target in unsafe:
        repairs.append(f'{where}: link "{words}" led to "{target[:40]}", not a web address; kept as plain text')
    return neutralise(text, lambda piece: _footnote_markers(_unescape(piece)))


def neutralise(text: str, repair: Callable[[str], str] = lambda piece: piece) -> str:
    """Raw HTML and attribute lists in ``text`` shown as text (after ``repair``), code and addresses
    kept; a "{" in an address is escaped too, which leaves the address the same."""
    return outside(text, lambda piece: neutralise_markup(repair(piece)),
                   in_target=lambda target: target.replace("{", "\\{"))


def normalise_entry(text: str) -> str:
    """A reference entry reduced for comparison: no list marker, single spaces."""
    return single_spaced(strip_list_marker(text))
