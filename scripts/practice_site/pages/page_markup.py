"""Reading a built page with a parser, for the few places that must change it: exact offsets, and
the theme's configuration script (``<script id="__config">``, JSON)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from itertools import accumulate


class OffsetParser(HTMLParser):
    """An HTMLParser that knows the character offset it is at, so a caller can splice the page."""

    def feed_page(self, page: str) -> None:
        """Parse the whole of ``page``."""
        self._line_starts = [0, *accumulate(len(line) + 1 for line in page.split("\n"))]
        self.feed(page)
        self.close()

    def position(self) -> int:
        """Where the construct being handled starts in the page."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


class _ConfigScript(OffsetParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.start = self.end = -1
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("id") == "__config" and self.start < 0:
            self._inside = True
            self.start = self.position() + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._inside and tag == "script":
            self.end, self._inside = self.position(), False


def theme_config(page: str) -> tuple[dict, int, int] | None:
    """The theme's configuration in ``page`` and where its JSON starts and ends; None if it has none."""
    parser = _ConfigScript()
    parser.feed_page(page)
    if parser.start < 0 or parser.end < 0:
        return None
    return json.loads(page[parser.start:parser.end]), parser.start, parser.end
