"""Links in a module page that is packaged alone for a learning management system.

A package holds one page, shown in a frame of the learning system. Its links within the page
(``#section``, citations, "Reread") stay as they are. A link to another site (a report in a
reference list) opens in a new tab, so the module, and the learning system's session with it, stays
open. A link to another page of the site (another module, the Bibliography) would be broken inside
the package, so it goes to the published site in a new tab when the site's address is known, and
otherwise becomes plain text: the words stay, only the link goes.

Links are found with :mod:`html.parser` and only their tags are rewritten; every other character
of the content is kept.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

from practice_site.pages.page_finish import Edit, OffsetParser, splice, start_tag

NEW_TAB = '<span class="visually-hidden"> (opens in a new tab)</span>'


def site_page(href: str, page_url: str) -> str | None:
    """The site page (from the site's root) that a relative ``href`` on ``page_url`` opens, or
    None for a link within the page or to another site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
    return None if target == page_url else target


def leaves_the_page(href: str, page_url: str) -> bool:
    """Whether following ``href`` would leave the package's page: another site, or another site page."""
    scheme = urlsplit(href).scheme
    return scheme in {"http", "https"} or (not scheme and site_page(href, page_url) is not None)


class _LinkFinder(OffsetParser):
    """Each ``<a>`` that leaves the page: (start, end of start tag, attributes, end tag start)."""

    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.found: list[tuple[int, int, list[tuple[str, str | None]], int]] = []
        self._open: tuple[int, int, list[tuple[str, str | None]]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and leaves_the_page(href, self.page_url):
            start = self.position()
            self._open = (start, start + len(self.get_starttag_text() or ""), attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.found.append((*self._open, self.position()))
            self._open = None


def package_links(content: str, page_url: str, site_url: str | None) -> str:
    """``content`` of the page at ``page_url`` with its links to other site pages made to work alone."""
    finder = _LinkFinder(page_url)
    finder.feed_page(content)
    edits = []
    for start, tag_end, attrs, close in finder.found:
        kept = [(name, value) for name, value in attrs if name not in {"href", "target", "rel"}]
        href = dict(attrs)["href"] or ""
        page = site_page(href, page_url) if not urlsplit(href).scheme else None
        if page is not None and not site_url:
            text = start_tag("span", kept, False) + content[tag_end:close] + "</span>"
        else:
            if page is not None:
                fragment = urlsplit(href).fragment
                href = urljoin(site_url or "", page) + (f"#{fragment}" if fragment else "")
            text = (start_tag("a", [("href", href), *kept, ("target", "_blank"), ("rel", "noopener")], False)
                    + content[tag_end:close] + NEW_TAB + "</a>")
        edits.append(Edit(start, content.index(">", close) + 1, text))
    return splice(content, edits)
