"""Session plans: the ``/// session`` block, read and checked with line numbers.

::

    /// session | Relationships and partnership: a 90-minute workshop
    - 10 | Welcome and ground rules
    - 15 | principle-4#summary | Read the summary in pairs. What stands out?
    - 20 | principle-7 | Discussion: how do we approach parents and carers now?
    ///

Each item is minutes, optionally a module (``principle-4``) or section (``principle-4#summary``),
then what happens: the activity, discussion prompt or instructions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice_site.errors import SourceError
from practice_site.names import presenter_position

HEADER = re.compile(r"^///\s*+session\s*+(?:\|\s*+(?P<title>(?:.*\S)?))?\s*+$")
ITEM = re.compile(r"^[-*]\s++(?P<minutes>(?:[^|]*[^|\s])?)\s*+\|\s*+(?P<rest>.*)$")
TARGET = re.compile(r"^(?P<module>principle-\d+)(?:#(?P<anchor>[\w-]+))?$")


@dataclass(frozen=True)
class SessionItem:
    """One agenda line: minutes, an optional module or section, and the activity."""

    minutes: int
    module: str
    anchor: str
    text: str
    line: int


@dataclass(frozen=True)
class Session:
    title: str
    line: int
    items: tuple[SessionItem, ...] = ()

    @property
    def total(self) -> int:
        return sum(i.minutes for i in self.items)


def parse_items(lines: list[str], first_line: int, path: str) -> tuple[SessionItem, ...]:
    items = []
    for offset, line in enumerate(lines):
        number = first_line + offset
        if not line.strip():
            continue
        match = ITEM.match(line.strip())
        if not match or not match.group("minutes").isdigit() or int(match.group("minutes")) == 0:
            raise SourceError(path, number, 'expected "- MINUTES | activity" or "- MINUTES | principle-N#section | '
                              'activity", with minutes a whole number above 0')
        parts = [p.strip() for p in match.group("rest").split("|", 1)]
        target = TARGET.match(parts[0]) if len(parts) == 2 else None
        if len(parts) == 2 and not target:
            raise SourceError(path, number, f'"{parts[0]}" is not a module or section; write principle-N or '
                              "principle-N#section-anchor")
        text = parts[-1]
        if not text:
            raise SourceError(path, number, "say what happens in this part of the session")
        items.append(SessionItem(int(match.group("minutes")), target.group("module") if target else "",
                                 (target.group("anchor") or "") if target else "", text, number))
    return tuple(items)


def parse_sessions(text: str, path: str) -> list[Session]:
    """Every ``/// session`` block in a page."""
    lines = text.split("\n")  # line ends as editors count them (not U+2028)
    sessions = []
    index = 0
    while index < len(lines):
        header = HEADER.match(lines[index])
        if not header:
            index += 1
            continue
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == "///"), None)
        if end is None:
            raise SourceError(path, index + 1, 'this session is never closed; add a line "///" after it')
        if not (header.group("title") or "").strip():
            raise SourceError(path, index + 1, 'give the session a title after "|"')
        session = Session(header.group("title").strip(), index + 1,
                          parse_items(lines[index + 1:end], index + 2, path))
        if not session.items:
            raise SourceError(path, index + 1, "the session has no items")
        sessions.append(session)
        index = end + 1
    return sessions


def presenter_problem(module: str, anchors: set[str]) -> str:
    """What is wrong with a step naming the presenter view of ``module`` beyond its questions (or with none)."""
    count = sum(1 for anchor in anchors if presenter_position(anchor) is not None) - 1
    if count < 1:
        return f"{module} has no knowledge check yet, so there is no presenter view to show; take the step out"
    return (f"{module}'s knowledge check has {count} questions: use #presenter (from the first) or #presenter-1 "
            f"to #presenter-{count}")


def check_targets(sessions: list[Session], anchors: dict[str, set[str]], path: str) -> None:
    """Every module named exists and every section anchor is one of that module's."""
    for session in sessions:
        for item in session.items:
            if item.module and item.module not in anchors:
                raise SourceError(path, item.line, f'there is no module "{item.module}"; use one of: '
                                  + ", ".join(sorted(anchors)))
            if item.anchor and presenter_position(item.anchor) is not None and item.anchor not in anchors[item.module]:
                raise SourceError(path, item.line, presenter_problem(item.module, anchors[item.module]))
            if item.anchor and item.anchor not in anchors[item.module]:
                raise SourceError(path, item.line, f'{item.module} has no section "#{item.anchor}"; use one of: '
                                  + ", ".join(sorted(anchors[item.module])))
