"""Author text made safe to put into Markdown: it stays text, never becomes live HTML.

Two kinds of author text reach the pages:

- source paragraphs, which are Markdown (emphasis, links, autolinks): only their raw HTML and
  ``{...}`` attribute lists are neutralised, so ``<script>`` shows as text;
- plain strings (quiz and session text, corrections' reasons, titles), where every character
  Markdown or HTML would read is escaped.
"""

from __future__ import annotations

import html
import re

# "<" that opens a tag, comment or declaration (not an autolink such as <https://...>).
RAW_HTML = re.compile(r"<(?!(?:https?|mailto):[^\s<>]*>)(?=[A-Za-z!/?])")
ATTRIBUTE_LIST = re.compile(r"\{")
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def neutralise_markup(markdown: str) -> str:
    """Source Markdown with raw HTML shown as text and no attribute lists: ``<b>`` -> ``&lt;b>``."""
    return ATTRIBUTE_LIST.sub(r"\\{", RAW_HTML.sub("&lt;", markdown))


def markdown_text(text: str) -> str:
    """A plain string as Markdown that shows exactly that string: nothing in it is markup.

    "~" is written as a character reference: Markdown has no escape for it (a backslash would show),
    and an extension such as pymdownx.tilde would read "~~" as strikethrough.
    """
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False)).replace("~", "&#126;")


ATTRIBUTE_LIST_SYNTAX = re.compile(r"\{\s*[:#.]|\{\s*\w+\s*=")
FENCE = re.compile(r"^\s*(```|~~~)")


def first_markup(text: str) -> tuple[int, str] | None:
    """(line, what) for the first raw HTML tag or attribute list in Markdown text, outside code fences."""
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if match := RAW_HTML.search(line):
            return number, line[match.start():match.start() + 20].split(">")[0] + ">"
        if match := ATTRIBUTE_LIST_SYNTAX.search(line):
            return number, line[match.start():].split("}")[0] + "}"
    return None


# "[" that opens a whole Markdown link ("[words](address)" or "[words](address "title")", closed; the words
# may hold one level of brackets) or a footnote reference ("[^1]"). Any other "[", and any backtick in
# text that is not a code span, is escaped: Python-Markdown's link and code-span handling is quadratic
# in unmatched "[", unclosed "[words](" and unmatched backticks, and each is shown the same escaped.
LINK_WORDS = r"(?:[^\[\]\\\n]|\\.|\[(?:[^\[\]\\\n]|\\.)*+\])*+"
LINK_ADDRESS = r"\([^()\s]*+(?:\([^()\s]*+\)[^()\s]*+)*+(?:\s+\"[^\"\n]*+\")?\)"
LINK_OPENING = re.compile(rf"\[(?:\^\w+\]|{LINK_WORDS}\]{LINK_ADDRESS})")


def escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes (which escapes it)."""
    start = at
    while start and text[start - 1] == "\\":
        start -= 1
    return (at - start) % 2 == 1


def escape_stray_markup(text: str) -> str:
    """Markdown text (outside code spans) with every "[" that opens no link or footnote reference, and
    every backtick, escaped: shown the same, read in linear time."""
    if "[" not in text and "`" not in text:
        return text
    out, last, link_end = [], 0, 0
    for at, char in enumerate(text):
        if char not in "[`" or escaped(text, at) or char == "[" and at < link_end:  # brackets in a link's words
            continue
        if char == "[" and (link := LINK_OPENING.match(text, at)):
            link_end = link.end()
            continue
        out.append(text[last:at] + "\\")
        last = at
    out.append(text[last:])
    return "".join(out)
