"""Mark links whose text is their own web address with ``class="bare-url"``.

The print stylesheet writes each link's address after its text; a bare address (a Markdown
``<https://...>`` or a DOI in a reference from citeproc) would be printed twice, so it is marked
here and the stylesheet leaves it alone (citeproc's own ``class="uri"`` links are left as they are:
the stylesheet knows them). The links are found with :mod:`html.parser` on the page's
content (never a regular expression over HTML) and only their start tags are rewritten.
"""

from __future__ import annotations

from html import escape

from practice_site.pages.page_markup import OffsetParser

CLASS = "bare-url"


class _BareLinks(OffsetParser):
    """Records (start, end, attributes) of each ``<a>`` start tag whose whole text is its http(s) href."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.found: list[tuple[int, int, list[tuple[str, str | None]]]] = []
        self._open: tuple[int, int, list[tuple[str, str | None]]] | None = None
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            start = self.position()
            text = self.get_starttag_text() or ""
            if self.page[start:start + len(text)] != text:  # never splice at a guessed position
                raise ValueError(f"could not locate {text!r} in the page")
            self._open, self._text = (start, start + len(text), attrs), []
        else:
            self._text = None  # a link holding other elements is left alone

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None and self._text is not None:
            href = dict(self._open[2]).get("href") or ""
            plain = "class" not in dict(self._open[2])  # a link with a class (citeproc's "uri") is left as it is
            if plain and href.startswith(("http://", "https://")) and "".join(self._text) == href:
                self.found.append(self._open)
        if tag == "a":
            self._open = self._text = None


def _start_tag(attrs: list[tuple[str, str | None]]) -> str:
    kept = [("class", CLASS), *attrs]
    return "<a " + " ".join(n if v is None else f'{n}="{escape(v, quote=True)}"' for n, v in kept) + ">"


def mark_bare_urls(content: str) -> str:
    """``content`` with the class added to each bare-address link; every other character kept."""
    finder = _BareLinks(content)
    finder.feed_page(content)
    pieces, last = [], 0
    for start, end, attrs in finder.found:
        pieces += [content[last:start], _start_tag(attrs)]
        last = end
    pieces.append(content[last:])
    return "".join(pieces)
