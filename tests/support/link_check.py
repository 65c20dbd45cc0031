"""Check that every internal link of a built site resolves: the file exists and the #fragment is an id.

    python tests/support/link_check.py FOLDER...

A test tool, not part of the generator: tests/unit/test_links.py checks the checker on small
folders and tests/build/test_links.py runs it over the built site and its offline copy.

Reads every ``*.html`` under each folder with :mod:`html.parser` and follows each address a page
refers to (``a``/``area``/``link`` href, ``script``/``img``/``iframe``/``source``/``audio``/``video``/
``track``/``embed`` src, ``img``/``source`` srcset, ``form`` action, ``object`` data, the address in
a ``<meta http-equiv="refresh">``). An internal address must name a file inside the folder (a folder
address means its ``index.html``) and its fragment, if any, an ``id`` (or an ``a name``) in that page.
Nothing is fetched: ``http(s)://`` and ``//host`` addresses are left alone, as are ``mailto:``,
``tel:``, ``data:``, ``blob:`` and ``javascript:``. An address starting with ``/`` is reported on its
own: it only works when the site is at the root of a web server, never from disk or a sub-path.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs that hold one address.
ADDRESS_ATTRIBUTES = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("base", "href"),
    ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
    ("video", "src"), ("video", "poster"), ("track", "src"), ("embed", "src"), ("input", "src"),
    ("form", "action"), ("button", "formaction"), ("input", "formaction"), ("object", "data"),
    ("blockquote", "cite"), ("q", "cite"), ("ins", "cite"), ("del", "cite"),
}
# (tag, attribute) pairs that hold a comma-separated list of "address width" candidates.
SRCSET_ATTRIBUTES = {("img", "srcset"), ("source", "srcset")}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "blob", "javascript", "ftp"}


@dataclass(frozen=True)
class Reference:
    """One address a page refers to."""

    tag: str
    attribute: str
    address: str
    line: int


@dataclass
class Page:
    """What a page refers to and which fragment names it defines."""

    references: list[Reference] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    base: str | None = None


@dataclass(frozen=True)
class Problem:
    """A reference that does not resolve."""

    page: str
    line: int
    tag: str
    attribute: str
    address: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: <{self.tag} {self.attribute}=\"{self.address}\">: {self.reason}"


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        for name, value in values.items():
            if (tag, name) in ADDRESS_ATTRIBUTES:
                if tag == "base":
                    self.page.base = self.page.base or value.strip()
                    continue
                self.page.references.append(Reference(tag, name, value.strip(), line))
            elif (tag, name) in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.references.append(Reference(tag, name, candidate.split()[0], line))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            content = values.get("content") or ""
            _, _, rest = content.partition(";")
            rest = rest.strip()
            if rest.lower().startswith("url="):
                address = rest[4:].strip().strip("'\"")
                self.page.references.append(Reference("meta", "content", address, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def read_page(html: str) -> Page:
    """The references and fragment names of one page's ``html``."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.page


def is_external(address: str) -> bool:
    """True for an address this checker does not follow (another site, mail, data, script)."""
    if address.startswith("//"):
        return True
    scheme = urlsplit(address).scheme.lower()
    return scheme in EXTERNAL_SCHEMES or (bool(scheme) and len(scheme) > 1)


def check_folder(root: Path) -> list[Problem]:
    """Every internal reference under ``root`` that does not resolve, in page order."""
    root = root.resolve()
    pages: dict[Path, Page] = {}
    for path in sorted(root.rglob("*.html")):
        pages[path.resolve()] = read_page(path.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    for path, page in pages.items():
        name = path.relative_to(root).as_posix()
        for ref in page.references:
            reason = _check(root, path, page, ref, pages)
            if reason:
                problems.append(Problem(name, ref.line, ref.tag, ref.attribute, ref.address, reason))
    return problems


def _check(root: Path, path: Path, page: Page, ref: Reference, pages: dict[Path, Page]) -> str | None:
    address = ref.address
    if is_external(address):
        return None
    parts = urlsplit(address)
    if parts.path.startswith("/"):
        return "root-absolute address: works only at the root of a web server, not from disk or a sub-path"
    folder = path.parent
    if page.base is not None and not is_external(page.base):  # a <base href> in the markup
        base = unquote(urlsplit(page.base).path)
        folder = path.parent / base if base.endswith("/") else (path.parent / base).parent
    target = path
    if parts.path:
        target = (folder / unquote(parts.path)).resolve()
        if not target.is_relative_to(root):
            return "leads outside the site folder"
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return f"no such file: {target.relative_to(root).as_posix()}"
    fragment = unquote(parts.fragment)
    if not fragment or target.suffix != ".html":
        return None
    if target not in pages:
        pages[target] = read_page(target.read_text(encoding="utf-8"))
    if fragment not in pages[target].anchors:
        where = "this page" if target == path else target.relative_to(root).as_posix()
        return f"no id or name {fragment!r} in {where}"
    return None


def main(argv: list[str] | None = None) -> int:
    folders = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if not folders:
        print("usage: python tests/support/link_check.py FOLDER...", file=sys.stderr)
        return 2
    problems = [f"{folder}/{problem}" for folder in folders for problem in check_folder(folder)]
    for line in problems:
        print(line)
    print(f"{len(problems)} broken internal link(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
