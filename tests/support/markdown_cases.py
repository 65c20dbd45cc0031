"""Markdown in, HTML out: how tests/extensions/ checks the project's Markdown extensions.

As pymdown-extensions tests its own: a case is a small Markdown source and the exact HTML that
Python-Markdown makes of it with the extensions named, both written indented in the test and
dedented here, compared whole. When they differ, the failure shows a line-by-line diff.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Mapping, Sequence

import markdown


def dedent(text: str) -> str:
    """``text`` without the indentation its lines share, and without blank lines at its start and end."""
    return textwrap.dedent(text).strip("\n")


def renders(source: str, extensions: Sequence[str], configs: Mapping[str, Mapping] | None = None) -> str:
    """The HTML a fresh Markdown makes of ``source`` (dedented) with ``extensions`` configured by ``configs``."""
    return markdown.markdown(dedent(source) + "\n", extensions=list(extensions), extension_configs=dict(configs or {}))


def assert_renders(source: str, expected: str, extensions: Sequence[str],
                   configs: Mapping[str, Mapping] | None = None) -> None:
    """``source`` renders to exactly ``expected`` (dedented); otherwise fail with a diff of the two."""
    actual = renders(source, extensions, configs)
    wanted = dedent(expected)
    if actual != wanted:
        diff = difflib.unified_diff(wanted.split("\n"), actual.split("\n"), "expected", "actual", lineterm="")
        raise AssertionError("the HTML is not as expected:\n" + "\n".join(diff))
