"""Where the learning blocks may stand: ``/// quiz`` and ``/// reflection`` only in quiz files, which
the build puts on their module's page, and ``/// session`` only on a session plan's page.

The Blocks API tells a block nothing of its line, so a page's own text is read here, line by line,
to say where a misplaced block is. Fenced code, HTML comments and indented code are not read:
Markdown shows them as they are, so a block written there is an example, not a block.
"""

from __future__ import annotations

import re

HEADER = re.compile(r"^ {0,3}///\s*(?P<name>[A-Za-z][\w-]*)\b")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
WHERE_THEY_GO = {
    "quiz": "knowledge-check questions are written in the module's quiz file (docs/quizzes/principle-N.md), "
            "which the build puts at the end of the module",
    "reflection": "reflective questions are written in the module's quiz file (docs/quizzes/principle-N.md), "
                  "which the build puts at the end of the module",
    "session": "session plans are pages of their own in docs/sessions/",
}


def block_headers(text: str) -> list[tuple[int, str]]:
    """(line, block name) of each ``/// name`` header Markdown would read as a block, in order."""
    found: list[tuple[int, str]] = []
    fence, in_comment = "", False
    for number, line in enumerate(text.splitlines(), start=1):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        if in_comment or line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if opening := FENCE.match(line):
            fence = opening.group("fence")
        elif header := HEADER.match(line):
            found.append((number, header.group("name")))
    return found


def misplaced_blocks(text: str, allowed: set[str]) -> list[str]:
    """"LINE: what is wrong; where it goes" for each learning block in ``text`` not ``allowed`` on its page."""
    return [f"{line}: a /// {name} block cannot go on this page; {WHERE_THEY_GO[name]}"
            for line, name in block_headers(text) if name in WHERE_THEY_GO and name not in allowed]
