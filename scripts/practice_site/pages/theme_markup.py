"""Repairs to Material's page markup that no template override can reach.

Material's ``base.html`` writes its page-wide toggles (the drawer and the search) outside any Jinja
block, as ``<input class="md-toggle" type="checkbox" ... autocomplete="off">``. HTML allows
``autocomplete`` only on text-like inputs, so every page fails the Nu HTML Checker. The attribute
only asked the browser not to restore the box's state on Back; on a checkbox HTML gives it no
meaning. ``fix_theme_markup`` removes it and nothing else.

The tags are found with :mod:`html.parser` (never a regular expression over HTML): the parser gives
each start tag's exact text and position, and only that stretch of the page is rewritten; every
other byte of the page is kept as it was.
"""

from __future__ import annotations

from html import escape

from practice_site.pages.page_markup import OffsetParser

# Attributes removed from Material's toggle checkboxes (input.md-toggle[type=checkbox]).
INVALID_ON_CHECKBOX = ("autocomplete",)


class _ToggleFinder(OffsetParser):
    """Records (start, end, attributes) of every ``input.md-toggle[type=checkbox]`` start tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, list[tuple[str, str | None]]]] = []
        self.html = html

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "input":
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if "md-toggle" not in classes or (values.get("type") or "").lower() != "checkbox":
            return
        if not any(name in INVALID_ON_CHECKBOX for name, _ in attrs):
            return
        start = self.position()
        text = self.get_starttag_text() or ""
        if self.html[start:start + len(text)] != text:  # never splice at a guessed position
            raise ValueError(f"could not locate {text!r} in the page")
        self.found.append((start, start + len(text), attrs))


def _start_tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if self_closing else ">")


def fix_theme_markup(html: str) -> str:
    """``html`` with ``autocomplete`` removed from Material's toggle checkboxes; otherwise unchanged."""
    finder = _ToggleFinder(html)
    finder.feed_page(html)
    pieces: list[str] = []
    last = 0
    for start, end, attrs in finder.found:
        kept = [(name, value) for name, value in attrs if name not in INVALID_ON_CHECKBOX]
        self_closing = html[start:end].rstrip(">").rstrip().endswith("/")
        pieces.append(html[last:start])
        pieces.append(_start_tag("input", kept, self_closing))
        last = end
    pieces.append(html[last:])
    return "".join(pieces)
