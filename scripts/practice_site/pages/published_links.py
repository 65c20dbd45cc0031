"""Links that never break: the published-links manifest, redirects and short links.

``published-links.json`` lists every public page and section anchor ever published. A build that
no longer has one of them fails, unless ``moved`` records where it went; the build then writes a
redirect for it. A page's anchors are those of its table of contents (``page.toc``). A build with
the plugin's ``record_links`` option on (``make links``) adds new pages and anchors to the manifest;
nothing is ever removed from it.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, PackageLoader, select_autoescape

from practice_site.model.published_manifest import ABOUT, MANIFEST, read_manifest
from practice_site.pages.known_scripts import known_scripts, template_scripts
from practice_site.pages.page_finish import finish_page

REDIRECT_MARK = '<meta name="practice-site-redirect"'  # written by templates/redirect.html
TEMPLATES = Environment(loader=PackageLoader("practice_site.pages"), autoescape=select_autoescape(["html"]),
                        keep_trailing_newline=True)


class TocItem(Protocol):
    """One entry of a page's table of contents, as MkDocs gives it (``page.toc``)."""

    @property
    def id(self) -> str: ...

    @property
    def children(self) -> Sequence[TocItem]: ...


def toc_anchors(toc: Iterable[TocItem]) -> list[str]:
    """The section anchors in a page's table of contents, in page order."""
    anchors = []
    for item in toc:
        anchors.append(item.id)
        anchors.extend(toc_anchors(item.children))
    return anchors


def exists(address: str, links: dict[str, list[str]]) -> bool:
    page, _, anchor = address.partition("#")
    return page in links and (not anchor or anchor in links[page])


def check_manifest(manifest: Mapping[str, Any], links: dict[str, list[str]]) -> list[str]:
    """Problems: published addresses the build lost without a recorded move, and moves to nowhere."""
    moved = manifest.get("moved", {})
    problems = []
    for page, anchors in manifest.get("pages", {}).items():
        addresses = [page] + [f"{page}#{a}" for a in anchors]
        for address in addresses:
            if not exists(address, links) and address not in moved and address.split("#")[0] not in moved:
                problems.append(
                    f"{MANIFEST}: {address} was published but this build does not have it; if it moved, add "
                    f'"{address}": "new-page.html#new-anchor" under "moved"'
                )
    for old, new in moved.items():
        if not exists(new, links):
            problems.append(f'{MANIFEST}: "moved" sends {old} to {new}, which this build does not have')
    return problems


def unrecorded(manifest: Mapping[str, Any], links: dict[str, list[str]]) -> list[str]:
    """This build's pages and anchors that the manifest does not record yet."""
    recorded = manifest.get("pages", {})
    return [page for page in links if page not in recorded] + [
        f"{page}#{a}" for page, anchors in links.items() if page in recorded
        for a in anchors if a not in recorded[page]]


def update_manifest(manifest: Mapping[str, Any], links: dict[str, list[str]]) -> dict:
    """Add new pages and anchors; keep everything already published."""
    pages = {page: list(anchors) for page, anchors in manifest.get("pages", {}).items()}
    for page, anchors in links.items():
        known = pages.setdefault(page, [])
        known.extend(a for a in anchors if a not in known)
    return {"about": ABOUT, "pages": dict(sorted(pages.items())), "moved": dict(manifest.get("moved", {}))}


def redirect_page(target: str, title: str) -> str:
    """A page that sends the reader on to ``target`` (relative), keeping any #section; works from file://.

    Its policy allows the template's own script for this target, and nothing else."""
    allowed = known_scripts(TEMPLATES, template_scripts(TEMPLATES, ["redirect.html"]), {"target": target,
                                                                                         "title": title})
    return finish_page(_redirect_html(target, title), allowed, f"the redirect to {target}")


def _redirect_html(target: str, title: str) -> str:
    return TEMPLATES.get_template("redirect.html").render(target=target, title=title)


def moved_anchors(manifest: Mapping[str, Any], page: str) -> dict[str, str]:
    """For one page: old anchor -> new address, relative to that page ("#new" on the same page)."""
    found = {}
    for old, new in manifest.get("moved", {}).items():
        old_page, _, old_anchor = old.partition("#")
        if old_page == page and old_anchor:
            new_page, _, new_anchor = new.partition("#")
            found[old_anchor] = new_anchor if new_page == page else posixpath.relpath(
                new, posixpath.dirname(page) or ".")
    return found


def record_manifest(path: Path, links: dict[str, list[str]]) -> str:
    """Add this build's new pages and anchors to the manifest at ``path``; a line saying what it holds."""
    manifest = update_manifest(read_manifest(path), links)
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    count = sum(len(a) for a in manifest["pages"].values())
    return f"{MANIFEST}: {len(manifest['pages'])} pages, {count} section anchors. Review and commit it."
