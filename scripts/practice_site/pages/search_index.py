"""The search index for the site's own search worker (docs/javascripts/search-worker.js).

Material's search plugin writes ``search/search_index.json``: one entry per page and section, with
HTML in titles and text. The worker searches plain text, so this module turns each entry into text
(with a parser), adds each module's reference entries under that module, gives every page a weight
(modules first, the Bibliography last), and points the theme's configuration at the worker.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from practice_site.pages.page_markup import theme_config
from practice_site.text_forms import single_spaced

WORKER = "javascripts/search-worker.js"
REFERENCE_WEIGHT = 0.8  # a reference entry ranks just below the section of its module that cites it
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
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
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return single_spaced("".join(parser.parts))


@dataclass(frozen=True)
class ReferenceEntry:
    """One entry of a page's reference list: its anchor, the heading it sits under, its text."""

    anchor: str
    section: str
    text: str


class _References(HTMLParser):
    """Collects ``<p class="reference" id=...>`` entries and the heading each follows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[ReferenceEntry] = []
        self.heading: list[str] | None = None
        self.section = ""
        self.entry: tuple[str, list[str]] | None = None
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if self.skip or (tag == "a" and "headerlink" in (named.get("class") or "").split()):
            self.skip += tag == "a"
            return
        if tag in HEADINGS:
            self.heading = []
        elif self.entry is not None:
            self.depth += tag == "p"
        elif tag == "p" and "reference" in (named.get("class") or "").split() and named.get("id"):
            self.entry, self.depth = (named["id"] or "", []), 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag == "a"
            return
        if tag in HEADINGS and self.heading is not None:
            self.section, self.heading = single_spaced("".join(self.heading)), None
        elif self.entry is not None and tag == "p":
            self.depth -= 1
            if self.depth == 0:
                anchor, parts = self.entry
                self.entries.append(ReferenceEntry(anchor, self.section, single_spaced("".join(parts))))
                self.entry = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        elif self.entry is not None:
            self.entry[1].append(data)


def reference_entries(page_html: str) -> list[ReferenceEntry]:
    """The reference entries on a built page, in page order."""
    parser = _References()
    parser.feed(page_html)
    parser.close()
    return parser.entries


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


def rewrite_index_file(site_dir: Path, references: dict[str, list[ReferenceEntry]], modules: set[str],
                       bibliography: str, page_weight: float, bibliography_weight: float) -> None:
    """Material's ``search/search_index.json`` (if search is on) remade by :func:`site_index`: pages
    other than modules weighted ``page_weight``, the Bibliography ``bibliography_weight`` and last."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index.get("docs", [])}
    weights = {page: bibliography_weight if page == bibliography else page_weight
               for page in pages if page not in modules}
    index = site_index(index, references, weights, frozenset({bibliography}))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def point_to_worker(page: str) -> str:
    """``page`` with the theme's search worker replaced by the site's own (same folder depth)."""
    found = theme_config(page)
    if found is None:
        return page
    config, start, end = found
    theme_worker = config.get("search")
    if not isinstance(theme_worker, str) or "assets/javascripts/workers/" not in theme_worker:
        return page
    base = theme_worker.split("assets/javascripts/workers/")[0]
    config["search"] = posixpath.join(base, WORKER) if base else WORKER
    text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return page[:start] + text + page[end:]
