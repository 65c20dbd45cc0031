"""Read ``published-links.json`` with checks: JSON of the expected shape, and addresses inside the site.

Its ``moved`` map makes the build write redirect pages, so every address in it must be a page of the
site (``page.html`` or ``page.html#anchor``, a path inside it): never a path out of the site, a file
that is not a page, or another kind of address. A problem is a SourceError naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from practice_site.errors import SourceError
from practice_site.input_files import json_line_of, read_json_input

MANIFEST = "published-links.json"  # in the project's folder, beside mkdocs.yml
ABOUT = (
    "Every public page and section anchor of the site. A build that drops one fails unless 'moved' "
    "maps it (page.html or page.html#anchor) to where it went. Add new ones with 'make links'."
)
SITE_PAGE = re.compile(r"(?:[A-Za-z0-9_][\w.-]*/)*[A-Za-z0-9_][\w.-]*\.html(?:#[\w.:-]+)?")


def read_manifest_file(path: Path, display: str) -> dict[str, Any]:
    """The manifest, checked: an object with "pages" (page -> anchors) and "moved" (page -> page)."""
    manifest, text = read_json_input(path, display, "the list of published addresses",
                                     "correct it, or run make links to write the file again")
    if not isinstance(manifest, dict):
        raise SourceError(display, 1, 'the file holds an object with "pages" and "moved"; run make links')
    pages, moved = manifest.get("pages", {}), manifest.get("moved", {})
    if not isinstance(pages, dict) or not all(isinstance(a, list) and all(isinstance(x, str) for x in a)
                                              for a in pages.values()):
        raise SourceError(display, json_line_of(text, "pages"), '"pages" maps each page to a list of its anchors')
    if not isinstance(moved, dict):
        raise SourceError(display, json_line_of(text, "moved"), '"moved" maps an old address to the new one, '
                          'such as "old.html": "new.html"')
    for old, new in moved.items():
        for address in (old, new):
            if not isinstance(address, str) or not SITE_PAGE.fullmatch(address):
                raise SourceError(display, json_line_of(text, old), f'"moved": {address!r} is not a page of the site; '
                                  'write it as page.html or folder/page.html#section, with no "..", no leading '
                                  "/ and no other address")
    return manifest


def read_manifest(path: Path) -> dict:
    """The manifest (checked, see read_manifest_file), or an empty one when there is none yet."""
    if not path.exists():
        return {"about": ABOUT, "pages": {}, "moved": {}}
    return read_manifest_file(path, MANIFEST)


def read_only(manifest: Mapping[str, Any]) -> Mapping[str, Any]:
    """The manifest as a build keeps it: read-only maps and tuples, so nothing changes it."""
    return MappingProxyType({
        "about": manifest.get("about", ABOUT),
        "pages": MappingProxyType({page: tuple(anchors) for page, anchors in manifest.get("pages", {}).items()}),
        "moved": MappingProxyType(dict(manifest.get("moved", {}))),
    })
