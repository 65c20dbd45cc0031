"""Read and check every session plan in a folder, for the navigation and the trainers' page."""

from __future__ import annotations

from pathlib import Path

from practice_site.errors import SourceError
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.session_format import check_targets, parse_sessions
from practice_site.safe_text import first_markup

MODULE_ANCHORS = {"check-your-understanding", "reflect"}  # on every module page, beside its sections


def load_session_plans(sessions_dir: Path, docs_dir: Path, root: Path,
                       modules: dict[str, ModuleEntry]) -> list[tuple[str, str]]:
    """Check every ``*.md`` plan in ``sessions_dir``; return (title, docs-relative uri) for each."""
    anchors = {m.id: {s.anchor for s in m.sections} | MODULE_ANCHORS for m in modules.values()}
    found = []
    for path in sorted(sessions_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        display = path.relative_to(root).as_posix()
        if markup := first_markup(text):
            raise SourceError(display, markup[0], f"a session plan is plain text, but this line has markup "
                              f"({markup[1]}); remove it, or describe it in words")
        check_targets(parse_sessions(text, display), anchors, display)
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
        found.append((title, path.relative_to(docs_dir).as_posix()))
    return found
