"""The last line of defence: every page's content passes through a maintained HTML sanitiser.

``nh3`` (bindings to the Rust ``ammonia`` crate) keeps only the tags, attributes and URL schemes
this site's own Markdown, citations, quizzes and session plans produce. Author text is already
made text before it reaches Markdown (see :mod:`safe_text`); this catches whatever slips past:
scripts, event handlers, styles, frames and ``javascript:`` links are removed.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import nh3

TAGS = {
    "a", "abbr", "blockquote", "br", "button", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "input", "ins",
    "kbd", "label", "legend", "li", "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "ul",
}
GENERIC_ATTRIBUTES = {"id", "class", "title", "role", "hidden", "lang", "dir"}
ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href"},
    "button": {"type"},
    "details": {"open"},
    "form": {"novalidate"},
    "input": {"type", "name", "value", "autocomplete", "accept", "maxlength"},
    "label": {"for"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "textarea": {"rows", "maxlength"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Ids the theme's and the site's scripts look up (Material's configuration, the moved-section map...):
# content may not take them, or a script would read the author's element instead of its own.
RESERVED_IDS = {"moved-anchors", "learning-modules"}


def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Drop an id the page's scripts own ("__config", "moved-anchors") and Material's own data-md-*."""
    if attribute == "id" and (value.startswith("__") or value in RESERVED_IDS):
        return None
    if attribute.startswith("data-md-"):
        return None
    return value


SETTINGS = {
    "tags": TAGS,
    "clean_content_tags": {"script", "style"},
    "attributes": ATTRIBUTES,
    "generic_attribute_prefixes": {"data-", "aria-"},
    "url_schemes": URL_SCHEMES,
    "link_rel": None,
    "strip_comments": True,
}
# What attribute_filter takes out, as the sanitiser writes it (a space, the lower-case name, the value in
# double quotes, "&" and '"' the only characters escaped): where none of these is in its output, the filter
# has nothing to take out.
FILTERED = (' id="__', *(f' id="{value}"' for value in sorted(RESERVED_IDS)), " data-md-")


def clean_content(html: str) -> str:
    """``html`` with everything outside the allowlist removed (the content of scripts and styles too)."""
    cleaned = nh3.clean(html, **SETTINGS)
    if any(written in cleaned for written in FILTERED):  # the filter runs in Python, on every attribute:
        cleaned = nh3.clean(html, **SETTINGS, attribute_filter=attribute_filter)  # only where it may act
    return cleaned


class TagCount(HTMLParser):
    """How many of each element a piece of HTML opens."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags[f"<{tag}>"] += 1
        for name, _ in attrs:
            self.tags[f'{name}="..." on <{tag}>'] += 1

    handle_startendtag = handle_starttag


# A quick count of start tags and their attributes, used only to see that nothing was removed: when every
# "<" + letter opens a start tag these patterns read whole (quoted values included), they count exactly what
# the parser would; anything else (a comment, a script's text, a malformed tag) leaves it to the parser.
VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
NAME = r"""[^\s"'>/=\x00]+"""
START_TAG = re.compile(rf"(<([A-Za-z][^\s/>\x00]*)((?:\s+{NAME}{VALUE})*)\s*/?>)")  # text, name, attributes
ATTRIBUTE = re.compile(rf"({NAME}){VALUE}")
TAG_OPEN = re.compile(r"<[A-Za-z]")
OTHER_SPACE = re.compile(r"[^\S \t\n\r\f]")  # a space (such as U+00A0) the parser reads as part of a name


def start_tags(html: str) -> Counter[tuple[str, str]] | None:
    """Each start tag ``html`` opens, as (name, its attributes as written), counted, when every tag is well
    formed and read by these patterns as the parser reads it; None otherwise."""
    found = Counter(START_TAG.findall(html))  # (tag text, name, attributes)
    if sum(found.values()) != len(TAG_OPEN.findall(html)):
        return None
    if any(OTHER_SPACE.search(text) for text, _, _ in found):
        return None  # a tag these patterns may read otherwise than the parser: it counts
    tags: Counter[tuple[str, str]] = Counter()
    for (_, name, attributes), times in found.items():
        tags[name.lower(), attributes] += times
    return tags


def element_counts(tags: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """How many of each element, and of each attribute on each element, ``tags`` open (what :class:`TagCount`
    counts, keyed ``(tag, "")`` and ``(tag, attribute)``)."""
    counts: Counter[tuple[str, str]] = Counter()
    for (name, attributes), times in tags.items():
        counts[name, ""] += times
        for attribute in ATTRIBUTE.findall(attributes) if attributes else ():
            counts[name, attribute.lower()] += times
    return counts


def removal_problem(html: str, cleaned: str) -> str | None:
    """What the sanitiser took out of ``html`` (elements the author wrote), said so that it can be put right."""
    before, after = start_tags(html), start_tags(cleaned)
    if before is not None and after is not None:
        kept = before & after  # tags written alike before and after: only the others are read apart
        fewer, more = element_counts(before - kept), element_counts(after - kept)
        if all(more[key] >= n for key, n in fewer.items()):
            return None  # every tag and attribute is still there: no parse needed
    before, after = TagCount(html).tags, TagCount(cleaned).tags
    if removed := sorted(tag for tag in before if after[tag] < before[tag]):
        return (f"this page holds {', '.join(removed[:6])}, which the site's pages never "
                "show (they show text, links, lists, tables, notes and the site's own quizzes); take it out")
    return None
