"""The inline script the offline search shim writes into its frame, so the policy can allow it by hash.

Material's search runs in a web worker, which browsers refuse to start from ``file://``; the
``iframe-worker`` shim runs it in a hidden frame instead, and starts the frame with a small inline
script built from two of its own functions and the worker's address. The frame inherits the page's
Content Security Policy, so the policy names that script's hash, rebuilt here from the shim's source.
"""

from __future__ import annotations

import re

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
