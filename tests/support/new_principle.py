"""Shared by the new principle tests in unit/, build/ and browser/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, build, copy_project
from lms_host import hosting, run_make_lms

from practice_site.sources.load_principles import load_principles

FIXTURE = ROOT / "tests" / "fixtures" / "principle-42.txt"

TAKEN = {p.number for p in load_principles(ROOT / "sources", ROOT)}

NUMBER = next(n for n in range(42, 1000) if n not in TAKEN)  # 42 unless the project already has one

MODULE = f"principles/principle-{NUMBER}.html"

def fixture_text() -> str:
    """The fictional principle, numbered ``NUMBER``."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("## 42. ", f"## {NUMBER}. ", 1)
    return text.replace("Practice Principle 42:", f"Practice Principle {NUMBER}:")

def run(module: str, project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module], cwd=project, capture_output=True, text=True, timeout=300)

@pytest.fixture(scope="session")
def flow(tmp_path_factory):
    """Build the seeds, then follow the README: drop the file in, make bib, cite-report, make site."""
    project = copy_project(tmp_path_factory.mktemp("new-principle"))
    assert build(project, "before").returncode == 0
    bib_before = (project / "bib" / "references.bib").read_text(encoding="utf-8")
    text = fixture_text()
    (project / "sources" / "zz-fictional.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    make_bib = run("practice_site.references.make_bib", project)
    with (project / "bib" / "short-names.tsv").open("a", encoding="utf-8") as tsv:
        tsv.write("DfE\tDepartment for Education\n")
    report = run("practice_site.references.cite_report", project)
    site = build(project)
    return {"project": project, "bib_before": bib_before, "make_bib": make_bib, "report": report, "build": site}

@pytest.fixture(scope="session")
def new_lms(flow, tmp_path_factory):
    """make lms run in the project with the fictional principle (which has no knowledge check)."""
    project = flow["project"]
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the schemas the packages carry
    result = run_make_lms(project, {"SITE_URL": "https://example.org/training/"})
    assert result.returncode == 0, result.stderr
    with hosting(project / "dist" / "lms", tmp_path_factory.mktemp("lms host")) as address:
        yield project / "dist" / "lms", address
