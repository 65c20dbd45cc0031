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


# "[" that opens a whole Markdown link ("[words](address)", closed) or a footnote reference ("[^1]"); any
# other "[" is escaped, so Python-Markdown (whose link handling is quadratic in unmatched "[" and in
# unclosed "[words](") reads it as text.
LINK_OPENING = re.compile(r"\[(?:\^\w+\]|(?:[^\[\]\\\n]|\\.)*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\))")


def escape_stray_brackets(text: str) -> str:
    """Markdown text with every "[" that opens no link or footnote reference escaped: shown the same."""
    if "[" not in text:
        return text
    out, last = [], 0
    for at in (i for i, char in enumerate(text) if char == "["):
        if at and text[at - 1] == "\\" or LINK_OPENING.match(text, at):
            continue
        out.append(text[last:at] + "\\")
        last = at
    out.append(text[last:])
    return "".join(out)
