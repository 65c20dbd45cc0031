"""Every built page finished in one pass: one parse finds what must change, one splice changes it.

What no template or Markdown extension can reach is done here, after the theme has written the page:

- the Content Security Policy goes in as the first element of ``<head>`` (``csp``), naming only the
  inline scripts the templates write (``known_scripts``); any other script, an event-handler
  attribute or a ``javascript:`` address stops the build, naming the page;
- Material's ``base.html`` writes its page-wide toggles outside any block, as
  ``<input class="md-toggle" type="checkbox" ... autocomplete="off">``. HTML allows ``autocomplete``
  only on text-like inputs, so the Nu HTML Checker fails every page; the attribute is taken out.

The page is read with :mod:`html.parser` (never a regular expression over HTML), which gives each
start tag's exact text and position; only those stretches are rewritten, every other byte is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from html.parser import HTMLParser
from itertools import accumulate

from practice_site.errors import SettingError
from practice_site.pages.csp import policy_meta
from practice_site.pages.known_scripts import InlineScripts, live_attribute

# Attributes removed from Material's toggle checkboxes (input.md-toggle[type=checkbox]).
INVALID_ON_CHECKBOX = ("autocomplete",)
THEME_CONFIG_ID = "__config"  # Material's configuration script (JSON), which names the search worker


@dataclass(frozen=True)
class Edit:
    """Replace ``page[start:end]`` with ``text`` (``start == end`` inserts)."""

    start: int
    end: int
    text: str


def splice(page: str, edits: Iterable[Edit]) -> str:
    """``page`` with every edit made; edits may not overlap."""
    pieces, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            raise ValueError("two edits of the page overlap")
        pieces += [page[last:edit.start], edit.text]
        last = edit.end
    pieces.append(page[last:])
    return "".join(pieces)


class OffsetParser(HTMLParser):
    """An HTMLParser that knows the character offset it is at, so a caller can splice the page."""

    def feed_page(self, page: str) -> None:
        """Parse the whole of ``page``."""
        self._line_starts = [0, *accumulate(len(line) + 1 for line in page.split("\n"))]
        self.feed(page)
        self.close()

    def position(self) -> int:
        """Where the construct being handled starts in the page (the parser counts lines by "\\n")."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


class PageScan(InlineScripts, OffsetParser):
    """One pass over a built page: its inline scripts and live attributes (see ``known_scripts``), where its
    ``<head>`` start tag ends, the theme's configuration, and the toggle tags to repair.

    A page whose tags are all well formed is read with a few patterns (:func:`quick_scan`), which find
    what the parser finds; any other page is read by :mod:`html.parser` itself.
    """

    def __init__(self, page: str, parse: bool = True) -> None:
        super().__init__()
        self.page = page
        self.head_end: int | None = None
        self.config_span: tuple[int, int] | None = None
        self.edits: list[Edit] = []
        self._config_start: int | None = None
        if parse:
            self.feed_page(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start_tag_at(tag, attrs, self.position(), self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script_end_at(self.position())

    def start_tag_at(self, tag: str, attrs: list[tuple[str, str | None]], start: int, text: str) -> None:
        """One start tag, its attributes as the parser gives them, where it starts and its exact text."""
        super().handle_starttag(tag, attrs)
        if tag == "head" and self.head_end is None:
            self.head_end = start + len(text)
        elif tag == "script" and dict(attrs).get("id") == THEME_CONFIG_ID and self.config_span is None:
            self._config_start = start + len(text)
        elif tag == "input":
            self._repair_toggle(attrs, start, text)

    def script_end_at(self, at: int) -> None:
        """A script ends at ``at`` (where its end tag starts)."""
        InlineScripts.handle_endtag(self, "script")
        if self._config_start is not None:
            self.config_span, self._config_start = (self._config_start, at), None

    def _repair_toggle(self, attrs: list[tuple[str, str | None]], start: int, text: str) -> None:
        values = dict(attrs)
        if "md-toggle" not in (values.get("class") or "").split() or (values.get("type") or "").lower() != "checkbox":
            return
        if not any(name in INVALID_ON_CHECKBOX for name, _ in attrs):
            return
        if self.page[start:start + len(text)] != text:  # never splice at a guessed position
            raise ValueError(f"could not locate {text!r} in the page")
        kept = [(name, value) for name, value in attrs if name not in INVALID_ON_CHECKBOX]
        self_closing = text.rstrip(">").rstrip().endswith("/")
        self.edits.append(Edit(start, start + len(text), start_tag("input", kept, self_closing)))

    def theme_config(self) -> dict | None:
        """The theme's configuration (JSON), if the page has it."""
        if self.config_span is None:
            return None
        start, end = self.config_span
        return json.loads(self.page[start:end])


# The quick reading: HTML's own spaces only; a tag's name, then attributes each after a space, quoted or plainly
# unquoted; comments skipped; end tags and other "<!" declarations read to their first ">"; a script's or a
# style's text read to its end tag: as the parser reads each of them.
SPACE = "[ \t\n\r\f]"
ATTRIBUTE = re.compile(rf"""{SPACE}+([^\s"'>/=\x00]+)(?:{SPACE}*={SPACE}*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
START_TAG = re.compile(rf"""<([A-Za-z][^\s/>\x00]*)((?:{ATTRIBUTE.pattern})*){SPACE}*/?>""")
SKIP = re.compile(r"(?:[^<]+|</[^<>]*>)*")  # text, and end tags with no "<" before their ">": nothing to see
COMMENT_END = re.compile(r"--\s*>")
RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
OTHER_SPACE = re.compile(r"[^\S \t\n\r\f]")  # a space the parser's patterns and these could read apart
WATCHED = frozenset({"head", "script", "input", "meta"})  # what PageScan and InlineScripts look at, with attributes


@lru_cache(maxsize=8192)  # a site's pages repeat the same tags (the navigation above all)
def read_start_tag(text: str) -> tuple[str, tuple[tuple[str, str | None], ...], bool] | None:
    """A start tag's name and attributes as the parser gives them, and whether the scan must see it (a tag it
    looks at, or one with live markup); None when these patterns might read it otherwise than the parser."""
    if OTHER_SPACE.search(text) or (tag := START_TAG.fullmatch(text)) is None:
        return None
    name = tag.group(1).lower()
    attrs = tuple((key.lower(), None if not value else unescape(value[1:-1] if value[0] in "'\"" else value))
                  for key, value in ATTRIBUTE.findall(tag.group(2)))
    return name, attrs, name in WATCHED or any(live_attribute(key, value) for key, value in attrs)


def quick_scan(scan: PageScan) -> bool:
    """Read ``scan.page`` with the patterns above, feeding ``scan`` as the parser would; False (with ``scan``
    to be thrown away) as soon as anything is not a plain well-formed tag, a comment or text."""
    page, at, size = scan.page, 0, len(scan.page)
    if "<![" in page or "<?" in page:
        return False
    while (at := SKIP.match(page, at).end()) < size:  # at a "<" that may open something
        if page.startswith("<!--", at):
            if (end := COMMENT_END.search(page, at + 4)) is None:
                return False
            at = end.end()
            continue
        after = page[at + 1:at + 2]
        if after in ("!", "/"):  # an end tag or a declaration: the parser ends it at the first ">"
            if (end := page.find(">", at)) < 0:
                return False
            at = end + 1
            continue
        if not (after.isascii() and after.isalpha()):  # a "<" that opens nothing is text
            at += 1
            continue
        tag = START_TAG.match(page, at)
        if tag is None or (reading := read_start_tag(tag.group(0))) is None:
            return False
        name, attrs, seen = reading
        if seen:
            scan.start_tag_at(name, list(attrs), at, tag.group(0))
        at = tag.end()
        if name in RAW_TEXT_END:
            end = RAW_TEXT_END[name].search(page, at)
            if end is None or tag.group(0).endswith("/>"):  # "<script src=a/>" is not closed for the parser
                return False
            if name == "script":
                scan.handle_data(page[at:end.start()])
                scan.script_end_at(end.start())
            at = end.end()
    return True


def read_page(page: str) -> PageScan:
    """The page read once: by :func:`quick_scan` when it can, by the parser otherwise."""
    scan = PageScan(page, parse=False)
    return scan if quick_scan(scan) else PageScan(page)


def start_tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> str:
    """A start tag with these attributes, values escaped."""
    parts = [tag, *(name if value is None else f'{name}="{escape(value, quote=True)}"' for name, value in attrs)]
    return "<" + " ".join(parts) + (" />" if self_closing else ">")


def finish_page(page: str, allowed: frozenset[str], where: str,
                frame_script: Callable[[str], str] | None = None, content: str = "") -> str:
    """``page`` with its policy and the theme's toggles repaired, from one parse.

    ``allowed`` holds the inline scripts the templates write for this page; ``frame_script`` (offline
    copy) gives the script the search shim writes for the worker the page names. Any other inline
    script or live markup raises SettingError naming the page (``where``). ``content`` is the page's
    content as the sanitiser left it (no script, no live attribute, none of the theme's tags): where the
    page holds it once, as the theme writes it, it is not read again.
    """
    skip = page.find(content) if content else -1
    if skip >= 0 and page.find(content, skip + 1) >= 0:
        skip = -1
    rest = page[:skip] + page[skip + len(content):] if skip >= 0 else page
    scan = read_page(rest)
    if unknown := [s for s in scan.scripts if s not in allowed]:
        stop_live(where, f"an inline script “{unknown[0][:60]}”")
    if scan.live:
        stop_live(where, f"live markup {scan.live[0]}")
    if scan.head_end is None:
        raise ValueError(f"{where}: the page has no <head>")
    present = list(scan.scripts)
    config = scan.theme_config() or {}
    if frame_script is not None and isinstance(config.get("search"), str):
        present.append(frame_script(config["search"]))
    edits = [*scan.edits, Edit(scan.head_end, scan.head_end, "\n" + policy_meta(present))]
    if skip >= 0:  # back to the page's own offsets
        edits = [e if e.start < skip else Edit(e.start + len(content), e.end + len(content), e.text) for e in edits]
    return splice(page, edits)


def stop_live(where: str, what: str) -> None:
    raise SettingError(f"{where}: the built page holds {what} that no template of the theme or the project "
                       "writes; it came from a setting in mkdocs.yml or the page's front matter. Remove it: "
                       "settings and titles are plain text")
