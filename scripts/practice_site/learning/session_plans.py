"""Read and check every session plan in a folder, for the navigation and the trainers' page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.input_files import read_input
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.session_format import Session, check_targets, parse_sessions
from practice_site.names import CHECK_ANCHOR, REFLECT_ANCHOR, presenter_targets
from practice_site.safe_text import first_markup

MODULE_ANCHORS = {CHECK_ANCHOR, REFLECT_ANCHOR}  # on every module page, beside its sections


@dataclass(frozen=True)
class SessionPlan:
    """One session plan page: its title, its docs-relative address and its sessions, parsed and checked."""

    title: str
    uri: str
    sessions: tuple[Session, ...]


PLAN_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.md")


def load_session_plans(sessions_dir: Path, docs_dir: Path, root: Path,
                       modules: dict[str, ModuleEntry]) -> list[SessionPlan]:
    """Read and check every ``*.md`` plan in ``sessions_dir``, once."""
    anchors = {m.id: {s.anchor for s in m.sections} | MODULE_ANCHORS | presenter_targets(m.questions)
               for m in modules.values()}
    found = []
    for path in sorted(sessions_dir.glob("*.md")):
        display = path.relative_to(root).as_posix()
        if not PLAN_NAME.fullmatch(path.name):
            raise SourceError(display, 1, "name a session plan's file with small letters, digits and hyphens, such "
                              "as workshop-90-minutes.md (it becomes the page's address)")
        text = read_input(path, display)
        if markup := first_markup(text):
            raise SourceError(display, markup[0], f"a session plan is plain text, but this line has markup "
                              f"({markup[1]}); remove it, or describe it in words")
        sessions = parse_sessions(text, display)
        check_targets(sessions, anchors, display)
        title = next((line[2:].strip() for line in text.split("\n") if line.startswith("# ")), "")
        if not title:
            raise SourceError(display, 1, 'a session plan starts with its title, a line such as "# A 90-minute '
                              'workshop"; add one')
        found.append(SessionPlan(title, path.relative_to(docs_dir).as_posix(), tuple(sessions)))
    return found
