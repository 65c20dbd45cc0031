"""A Content Security Policy on every page, as a ``<meta http-equiv>`` so that it holds offline too.

No inline script runs unless the policy names its hash, and the policy names only the scripts the
templates write (``known_scripts``), never whatever a built page happens to hold. Nothing may load
from another site, no plugin content, no ``<base>`` and no form sent elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

DIRECTIVES = [
    ("default-src", "'self'"),
    ("script-src", "'self' {hashes}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
]


class _HeadEnd(HTMLParser):
    """Finds where the ``<head>`` start tag ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.head_end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.head_end is None:
            line, column = self.getpos()
            self.head_end = (line, column + len(self.get_starttag_text() or ""))


def script_hash(script: str) -> str:
    """The CSP source for one inline script: ``'sha256-...'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(scripts: list[str]) -> str:
    """The policy text allowing exactly these inline scripts."""
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in scripts))
    return "; ".join(f"{name} {value.format(hashes=hashes)}".strip() for name, value in DIRECTIVES)


def add_policy(page: str, allowed_scripts: list[str]) -> str:
    """``page`` with the policy, allowing ``allowed_scripts`` alone, as the first element of its ``<head>``."""
    scan = _HeadEnd()
    scan.feed(page)
    scan.close()
    if scan.head_end is None:
        raise ValueError("the page has no <head>")
    line, column = scan.head_end
    offset = sum(len(text) + 1 for text in page.split("\n")[: line - 1]) + column  # the parser counts "\n" only
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(allowed_scripts)}">'
    return page[:offset] + meta + page[offset:]
