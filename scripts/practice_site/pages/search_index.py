"""The search index for the site's own search worker (docs/javascripts/search-worker.js).

Material's search plugin writes ``search/search_index.json``: one entry per page and section, with
HTML in titles and text. The worker searches plain text, so this module turns each entry into text
(with a parser), adds each module's reference entries (from the model) under that module, gives every
page's sections its weight (modules first, the Bibliography last), and puts the documents where the
worker fetches them on the first search, so that opening a page does not load them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from practice_site.names import reference_anchor
from practice_site.text_forms import single_spaced

DATA_FILE = "search/search-data.json"  # the documents, fetched by the worker on the first search
REFERENCE_WEIGHT = 0.8  # a reference entry ranks just below the section of its module that cites it
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A tag as the sanitiser writes it: lower-case name, every value in double quotes (see search_copy).
TAG = re.compile(r"""<(/?)([a-z][a-z0-9]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*/?>""")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ATTRIBUTE = re.compile(r"""\s([^\s"'<>/=]+)(?:="([^"]*)")?""")  # name, value, in a tag the sanitiser wrote
# What Material's search takes out of a page after reading it (plugins/search/plugin.py, on_page_context; its
# pattern starts with an optional space, left out here: it is found where Material's is).
MATERIAL_TAKES_OUT = re.compile(r'data-search-\w+="[^"]+"')
HEADING_START = re.compile(r"<h[1-6](?=[\s/>])")
HEADING_END = re.compile(r"</h[1-6]\s*>")
BLOCKS = HEADINGS | {"p", "li", "td", "th", "br", "div", "blockquote", "dd", "dt", "tr"}


class _Text(HTMLParser):
    """The text of an HTML fragment, with a space wherever a block ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(fragment: str) -> str:
    """``fragment`` (HTML) as plain text, spaces collapsed."""
    if "<" not in fragment and "&" not in fragment:  # no tag and no entity: the text is all there is
        return single_spaced(fragment)
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return single_spaced("".join(parser.parts))


def skips(attributes: str) -> bool:
    """Whether Material's search parser skips an element with these attributes (as the sanitiser writes them)."""
    if "data-search-exclude" not in attributes and "linenodiv" not in attributes:
        return False
    return any(name == "data-search-exclude" or name == "class" and value == "linenodiv"
               for name, value in ATTRIBUTE.findall(attributes))


def search_copy(content: str) -> str:
    """``content`` (as the sanitiser left it) with the body of every section excluded from search left out.

    Material's search leaves out a section whose heading carries ``data-search-exclude`` (a module's
    knowledge check, its reference list, which the index takes from the model), but it reads the section
    first. Its body is cut only where the cut cannot change what search reads elsewhere: the heading has an
    id (so it starts a section) and is inside no element search skips (Material's parser tells elements apart
    by name only, so an element closed inside the body could end the skipping of one outside it); the body
    ends at the next heading, at the same depth, with every element in it closed. A page read otherwise (a
    "<" that opens no tag as the sanitiser writes tags), or one with ``data-search-*`` attributes with values,
    which Material takes out after reading, is left whole. The one difference left: where Material's parser
    fails on the body of an excluded section itself (a ValueError, on some elements nested inside a skipped
    one), the page is indexed instead of stopping the build.
    """
    if "data-search-exclude" not in content or MATERIAL_TAKES_OUT.search(content):
        return content
    if not (cuts := excluded_bodies(content)):
        return content
    pieces, last = [], 0
    for begin, end in cuts:
        pieces.append(content[last:begin])
        last = end
    copy = "".join(pieces) + content[last:]
    return content if MATERIAL_TAKES_OUT.search(copy) else copy


def excluded_bodies(content: str) -> list[tuple[int, int]]:
    """Where the bodies :func:`search_copy` may leave out start and end; none where the page is read otherwise."""
    tags = TAG.findall(content)  # (closing, name, attributes), in the order they come
    if len(tags) != content.count("<"):
        return []
    # Every "<" opens a tag, so these find the headings' tags (all of them, or the count falls short), in order.
    starts = iter([m.start() for m in HEADING_START.finditer(content)])
    ends = iter([m.end() for m in HEADING_END.finditer(content)])
    cuts: list[tuple[int, int]] = []
    open_elements: list[tuple[str, bool]] = []  # (name, skipped by search) of each element not yet closed
    skipping = 0  # how many of them search skips
    low, start, excluded_at = 0, 0, None  # the open cut: its start and depth, the lowest depth since
    for closing, name, attributes in tags:
        if closing:
            if not open_elements or open_elements[-1][0] != name:
                return []  # not closed as opened: left whole
            skipping -= open_elements.pop()[1]
            low = min(low, len(open_elements))
            if name in HEADINGS:
                if (end := next(ends, None)) is None:  # an end tag these do not read alike: left whole
                    return []
                if start == -1 and len(open_elements) == excluded_at:
                    start = end  # the body starts after the heading's end tag
            continue
        if name in HEADINGS:
            if (at := next(starts, None)) is None:
                return []
            if excluded_at is not None and len(open_elements) == excluded_at and low >= excluded_at and start >= 0:
                cuts.append((start, at))
            excluded_at = None
            names = {key for key, _ in ATTRIBUTE.findall(attributes)}
            if {"data-search-exclude", "id"} <= names and not skipping:
                excluded_at, low, start = len(open_elements), len(open_elements), -1
        if name not in VOID:
            skip = skips(attributes)
            open_elements.append((name, skip))
            skipping += skip
    if excluded_at is not None and start >= 0 and not open_elements and excluded_at == low == 0:
        cuts.append((start, len(content)))
    return cuts


@dataclass(frozen=True)
class ReferenceEntry:
    """One entry of a page's reference list: its anchor, the heading it sits under, its text."""

    anchor: str
    section: str
    text: str


def module_references(heading: str, entries: list[tuple[str, str]]) -> list[ReferenceEntry]:
    """A module's reference entries for the index, from the model: (key, entry as citeproc wrote it, HTML),
    under the module's reference-list ``heading``."""
    return [ReferenceEntry(reference_anchor(key), heading, plain_text(html)) for key, html in entries]


def site_index(index: dict, references: dict[str, list[ReferenceEntry]], weights: dict[str, float],
               last: frozenset[str] = frozenset()) -> dict:
    """Material's index made plain, with reference entries and page weights added.

    ``references`` maps a page's address to its entries; ``weights`` maps a page's address to its
    weight (pages not named keep 1). Pages in ``last`` (the Bibliography) are listed after every
    other page that matches, whatever their score. Each page's entries follow its own sections, so
    the worker groups them under the module.
    """
    docs: list[dict] = []
    by_page: dict[str, list[dict]] = {}
    for doc in index.get("docs", []):
        page = doc["location"].split("#")[0]
        entry = {"location": doc["location"], "title": plain_text(doc.get("title", "")),
                 "text": plain_text(doc.get("text", ""))}
        if page in weights:
            entry["boost"] = weights[page]
        if page in last:
            entry["tier"] = 1
        by_page.setdefault(page, []).append(entry)
    for page, entries in references.items():
        weight = REFERENCE_WEIGHT * weights.get(page, 1)
        added = [{"location": f"{page}#{e.anchor}", "title": e.section, "text": e.text, "boost": weight}
                 for e in entries]
        by_page.setdefault(page, []).extend(added)
    for entries in by_page.values():
        docs.extend(entries)
    return {**index, "docs": docs}


def rewrite_index_file(site_dir: Path, references: dict[str, list[ReferenceEntry]], bibliography: str,
                       lazy: bool) -> None:
    """Material's ``search/search_index.json`` (if search is on) remade by :func:`site_index`.

    Each page's weight is the ``search.boost`` the plugin gave it (Material writes it on the page's
    first entry); the Bibliography is listed last. With ``lazy``, the documents go into
    ``search/search-data.json``, which the worker fetches on the first search, and the index the theme
    loads on every page keeps only its configuration; the offline copy keeps them in the index, which
    the theme inlines for ``file://``.
    """
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    weights = {doc["location"]: doc["boost"] for doc in index.get("docs", [])
               if "#" not in doc["location"] and "boost" in doc}
    index = site_index(index, references, weights, frozenset({bibliography}))
    if lazy:
        write_json(site_dir / DATA_FILE, {"docs": index["docs"]})
        index = {**index, "docs": []}
    write_json(path, index)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
