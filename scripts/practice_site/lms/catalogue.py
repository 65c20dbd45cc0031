"""The catalogue the site build writes in LMS mode: each module's page, titles and quiz file, for make lms."""

from __future__ import annotations

import json
from pathlib import Path

from practice_site.learning.module_catalogue import ModuleEntry

CATALOGUE = "lms-modules.json"  # in the built site's folder; not itself packaged


def catalogue_entries(modules: list[ModuleEntry], quiz_dir: Path, quizzes: set[int], language: str) -> list[dict]:
    """One entry per module: id, number, title, page address, language and quiz file (None without one)."""
    return [
        {"id": m.id, "number": m.number, "title": m.label, "page": m.page, "language": language,
         "quiz": str(quiz_dir / f"{m.id}.md") if m.number in quizzes else None}
        for m in modules
    ]


def write_catalogue(site_dir: Path, entries: list[dict]) -> None:
    (site_dir / CATALOGUE).write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
