"""Shared by the trainers tests in unit/, build/ and browser/."""

from __future__ import annotations

from helpers import ROOT, copy_project

from practice_site.model.published_manifest import MANIFEST

P4 = "principles/principle-4.html"

def project_with_manifest(tmp_path):
    project = copy_project(tmp_path)
    (project / MANIFEST).write_text((ROOT / MANIFEST).read_text(encoding="utf-8"), encoding="utf-8")
    return project

def rename_section(project) -> None:
    """Rename one published section of principle 4, and the quiz and session plan that point at it."""
    source = project / "sources" / "principle-04.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(*RENAMED), encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(
            "what-do-we-mean-by-strengths-based-approaches", "what-do-we-mean-by-a-strengths-based-approach"),
            encoding="utf-8")

RENAMED = ("## What do we mean by strengths-based approaches?", "## What do we mean by a strengths-based approach?")
