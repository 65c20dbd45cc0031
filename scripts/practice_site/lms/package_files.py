"""Which files a module page needs, read from the built page with a parser.

A package holds the page and exactly what it loads: its stylesheets, scripts and images, and any
file those stylesheets load. Anything on another site is refused: a package fetches nothing from
outside.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# In a stylesheet, url(...) with or without quotes (CSS, not HTML: a parser is not needed here).
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)""")


class _Loads(HTMLParser):
    """The addresses a page loads: stylesheets, icons, scripts, images, media."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        rel = (named.get("rel") or "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
            self.addresses.append(named.get("href") or "")
        elif tag in {"script", "img", "source", "audio", "video", "track", "iframe", "embed"} and named.get("src"):
            self.addresses.append(named["src"] or "")

    handle_startendtag = handle_starttag


class OutsideFileError(ValueError):
    """A page or stylesheet loads something from another site, or from outside the built site."""


def local_path(address: str, from_path: str, site_dir: Path) -> str | None:
    """The site-relative path ``address`` loads from ``from_path``; None for ``data:`` addresses."""
    parts = urlsplit(address)
    if parts.scheme == "data":
        return None
    if parts.scheme or parts.netloc:
        raise OutsideFileError(f"{from_path} loads {address}, from another site; a package must hold "
                               "everything it loads")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), unquote(parts.path)))
    if path.startswith("../") or not (site_dir / path).is_file():
        raise OutsideFileError(f"{from_path} loads {address}, which is not in the built site")
    return path


def page_files(page: str, site_dir: Path) -> list[str]:
    """The page (site-relative) and every file it loads, directly or through its stylesheets, sorted."""
    found = {page}
    parser = _Loads()
    parser.feed((site_dir / page).read_text(encoding="utf-8"))
    parser.close()
    queue = [path for address in parser.addresses if (path := local_path(address, page, site_dir))]
    while queue:
        path = queue.pop()
        if path in found:
            continue
        found.add(path)
        if path.endswith(".css"):
            css = (site_dir / path).read_text(encoding="utf-8")
            queue.extend(p for m in CSS_URL.finditer(css) if (p := local_path(m.group("url"), path, site_dir)))
    return sorted(found)
