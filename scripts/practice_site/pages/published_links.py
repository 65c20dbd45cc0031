"""Links that never break: the published-links manifest, redirects and short links.

``published-links.json`` lists every public page and section anchor ever published. A build that
no longer has one of them fails, unless ``moved`` records where it went; the build then writes a
redirect for it. ``python -m practice_site.pages.published_links SITE_DIR`` adds new pages and anchors to the
manifest (``make links``); nothing is ever removed from it.
"""

from __future__ import annotations

import json
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from practice_site.pages.csp import add_policy

MANIFEST = "published-links.json"
REDIRECT_MARK = '<meta name="practice-site-redirect"'  # written by templates/redirect.html
TEMPLATES = Environment(loader=PackageLoader("practice_site.pages"), autoescape=select_autoescape(["html"]),
                        keep_trailing_newline=True)
NOT_PUBLIC = {"404.html"}
ABOUT = (
    "Every public page and section anchor of the site. A build that drops one fails unless 'moved' "
    "maps it (page.html or page.html#anchor) to where it went. Add new ones with 'make links'."
)


HEADING_STARTS = tuple(f"<h{level}" for level in range(1, 7))


class _StartTag(HTMLParser):
    """Reads one start tag's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = dict(attrs)


def tag_id(start_tag: str) -> str | None:
    """The ``id`` of one start tag such as ``<h2 id="summary" class="x">``, read by the HTML parser."""
    reader = _StartTag()
    reader.feed(start_tag)
    reader.close()
    return reader.attrs.get("id")


def page_anchors(page_html: str) -> list[str]:
    """The ids of the headings in a page's main content (its ``<article>``), in order.

    Only the heading start tags are read (each by the HTML parser); the rest of the page, which is
    long and holds no heading ids, is not parsed.
    """
    start = page_html.find("<article")
    if start < 0:
        return []
    end = page_html.find("</article>", start)
    article = page_html[start:end if end >= 0 else len(page_html)]
    ids, at = [], article.find("<h")
    while at >= 0:
        close = article.find(">", at)
        if close < 0:
            break
        heading = article.startswith(HEADING_STARTS, at) and article[at + 3] in " \t\n/>"
        if heading and (anchor := tag_id(article[at:close + 1])) is not None:
            ids.append(anchor)
        at = article.find("<h", at + 2)
    return ids


def collect_links(site_dir: Path) -> dict[str, list[str]]:
    """Public page -> its section anchors, for a built site (redirect pages left out)."""
    links = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if name in NOT_PUBLIC or REDIRECT_MARK in text:
            continue
        links[name] = page_anchors(text)
    return links


def read_manifest(path: Path) -> dict:
    if not path.exists():
        return {"about": ABOUT, "pages": {}, "moved": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def exists(address: str, links: dict[str, list[str]]) -> bool:
    page, _, anchor = address.partition("#")
    return page in links and (not anchor or anchor in links[page])


def check_manifest(manifest: dict, links: dict[str, list[str]]) -> list[str]:
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


def update_manifest(manifest: dict, links: dict[str, list[str]]) -> dict:
    """Add new pages and anchors; keep everything already published."""
    pages = {page: list(anchors) for page, anchors in manifest.get("pages", {}).items()}
    for page, anchors in links.items():
        known = pages.setdefault(page, [])
        known.extend(a for a in anchors if a not in known)
    return {"about": ABOUT, "pages": dict(sorted(pages.items())), "moved": manifest.get("moved", {})}


def redirect_page(target: str, title: str) -> str:
    """A page that sends the reader on to ``target`` (relative), keeping any #section; works from file://."""
    return add_policy(_redirect_html(target, title))


def _redirect_html(target: str, title: str) -> str:
    return TEMPLATES.get_template("redirect.html").render(target=target, title=title)


def moved_anchors(manifest: dict, page: str) -> dict[str, str]:
    """For one page: old anchor -> new address, relative to that page ("#new" on the same page)."""
    found = {}
    for old, new in manifest.get("moved", {}).items():
        old_page, _, old_anchor = old.partition("#")
        if old_page == page and old_anchor:
            new_page, _, new_anchor = new.partition("#")
            found[old_anchor] = new_anchor if new_page == page else posixpath.relpath(
                new, posixpath.dirname(page) or ".")
    return found


def main() -> int:
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    path = Path(MANIFEST)
    manifest = update_manifest(read_manifest(path), collect_links(site_dir))
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    count = sum(len(a) for a in manifest["pages"].values())
    print(f"{MANIFEST}: {len(manifest['pages'])} pages, {count} section anchors. Review and commit it.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
