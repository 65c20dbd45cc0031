"""Where the learning blocks may stand, and what the build says when one stands elsewhere.

``/// quiz`` and ``/// reflection`` belong in quiz files, which the build puts on their module's
page; ``/// session`` belongs on a session plan's page. The block extensions find a misplaced
block as Markdown renders it (wherever it is nested); the Blocks API tells a block nothing of its
line, so the page's own text is searched for its header to say where it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

HEADER = re.compile(r"^\s*+/{3,}+\s*+(?P<name>[A-Za-z][\w-]*+)\s*+(?:\|\s*+(?P<argument>(?:.*\S)?))?\s*+$")
FENCE = re.compile(r"^(`{3,}|~{3,})")
ID_OPTION = re.compile(r"^\s++id\s*+:\s*+(?P<id>\S++)\s*+$")
WHERE_THEY_GO = {
    "quiz": "knowledge-check questions are written in the module's quiz file (docs/quizzes/principle-N.md), "
            "which the build puts at the end of the module",
    "reflection": "reflective questions are written in the module's quiz file (docs/quizzes/principle-N.md), "
                  "which the build puts at the end of the module",
    "session": "session plans are pages of their own in docs/sessions/",
}


@dataclass(frozen=True)
class PageSource:
    """The page being rendered: its name as an editor knows it (``docs/credits.md``) and its text."""

    name: str = "this page"
    text: str = ""

    def where(self, block: str, argument: str = "", block_id: str = "") -> str:
        """``docs/credits.md:14``: the first ``/// block`` header with this argument or id (the page if none).

        Headers in fenced code, HTML comments and ``<pre>`` are examples Markdown shows as text: skipped.
        """
        lines = self.text.split("\n")
        for index in rendered_lines(lines):
            header = HEADER.match(lines[index])
            if not header or header.group("name") != block:
                continue
            if argument and (header.group("argument") or "") != argument:
                continue
            if block_id and block_id not in options_ids(lines, index + 1):
                continue
            return f"{self.name}:{index + 1}"
        return self.name


    def line_with(self, text: str) -> str:
        """``docs/credits.md:14``: the first rendered line holding ``text`` (the page if none)."""
        lines = self.text.split("\n")
        found = next((index for index in rendered_lines(lines) if text in lines[index]), None)
        return self.name if found is None else f"{self.name}:{found + 1}"


def rendered_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines outside fenced code, HTML comments and ``<pre>`` blocks."""
    kept, closing = [], ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if closing:
            ended = closing in line if closing in ("-->", "</pre>") else stripped.startswith(closing)
            closing = "" if ended else closing
            continue
        if fence := FENCE.match(stripped):
            closing = fence.group(1)
        elif stripped.startswith("<!--") and "-->" not in stripped:
            closing = "-->"
        elif stripped.startswith("<pre") and "</pre>" not in stripped:
            closing = "</pre>"
        elif not stripped.startswith("<!--"):
            kept.append(index)
    return kept


def options_ids(lines: list[str], start: int) -> set[str]:
    """The ``id:`` values among the indented option lines that follow a header."""
    ids = set()
    for line in lines[start:start + 10]:
        if not line.strip() or HEADER.match(line):
            break
        if option := ID_OPTION.match(line):
            ids.add(option.group("id"))
    return ids


def misplaced(page: PageSource, block: str, argument: str = "", block_id: str = "") -> str:
    """"docs/credits.md:14: a /// quiz block cannot go on this page; where it goes"."""
    where = page.where(block, argument, block_id)
    return f"{where}: a /// {block} block cannot go on this page; {WHERE_THEY_GO[block]}"


def stop(message: str) -> NoReturn:
    """How a block stops the build unless told otherwise (the MkDocs plugin hands one that stops it cleanly)."""
    raise ValueError(message)


Stop = Callable[[str], NoReturn]
