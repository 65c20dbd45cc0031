"""The inline script the offline search shim writes into its frame, so the policy can allow it by hash.

Material's search runs in a web worker, which browsers refuse to start from ``file://``; the
``iframe-worker`` shim runs it in a hidden frame instead, and starts the frame with a small inline
script built from two of its own functions and the worker's address. The frame inherits the page's
Content Security Policy, so the policy names that script's hash, rebuilt here from the shim's source.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

TEMPLATE = re.compile(r"<script>(postMessage=\$\{(\w)\};importScripts=\$\{(\w)\};.*?)<\\/script>")


def function_source(source: str, name: str) -> str:
    """The text of ``function NAME(...){...}`` in minified ``source`` (braces counted)."""
    start = source.index(f"function {name}(")
    depth, index = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        index += 1
        if depth == 0:
            return source[start:index]


def frame_script(shim_source: str, worker_url: str) -> str:
    """The inline script the shim writes for ``worker_url``, exactly as the browser will run it."""
    match = TEMPLATE.search(shim_source)
    if match is None:
        raise ValueError("the iframe-worker shim has changed; update offline_shim.py")
    template, first, second = match.groups()
    return (template.replace("${" + first + "}", function_source(shim_source, first))
            .replace("${" + second + "}", function_source(shim_source, second)).replace("${e}", worker_url))


class _Config(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text, self._inside = "", False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and dict(attrs).get("id") == "__config"

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.text += data


def worker_url(page: str) -> str | None:
    """The search worker's address as the page's theme configuration gives it, if it has one."""
    parser = _Config()
    parser.feed(page)
    return json.loads(parser.text).get("search") if parser.text else None
