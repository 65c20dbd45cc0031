"""Shared by the realistic new principle tests in build/ and browser/.

The fixture (tests/fixtures/principle-43.txt) is fictional but written as a real principle is: surnames
with particles, works in press, forthcoming and undated with letters, a secondary citation, organisations
with apostrophes and "&", short names the text gives, a publisher with "and" in its name, a title in
title case and one ending in a quotation, a table with its caption, and two works the published
principles share (one with a DOI the library lacks, one whose name a seed misspelt).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, build, copy_project

from practice_site.references.bib_file import read_library, source_key, source_strings
from practice_site.sources.load_principles import load_principles

FIXTURE = ROOT / "tests" / "fixtures" / "principle-43.txt"
TAKEN = {p.number for p in load_principles(ROOT / "sources", ROOT)}
NUMBER = next(n for n in range(43, 1000) if n not in TAKEN)  # 43 unless the project already has one
MODULE = f"principles/principle-{NUMBER}.html"
SOURCE = "sources/zz-realistic.txt"
# The editor's judgements, as the README asks for them: short names the principle cites, and a place
# name that make bib says will lose its capital.
SHORT_NAMES = "DCS\tDepartment of Children's Services\nDfE\tDepartment for Education\n"


def fixture_text() -> str:
    """The fictional principle, numbered ``NUMBER``."""
    return FIXTURE.read_text(encoding="utf-8").replace("## 43. ", f"## {NUMBER}. ", 1)


def run(module: str, project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module], cwd=project, capture_output=True, text=True, timeout=300)


def key_for(project: Path, reference_start: str) -> str:
    """The library key of the work whose reference, as the fixture writes it, starts ``reference_start``."""
    data, _ = read_library(project / "bib", project)
    start = source_key(reference_start)
    return next(key for key, entry in data.entries.items() if any(w.startswith(start) for w in source_strings(entry)))


def brace_in_entry(project: Path, key: str, word: str) -> None:
    """The editor keeps a name's capital, as make bib's guess line asks: "{Leeds}" in the entry's title."""
    path = project / "bib" / "references.bib"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"{{{key},")
    end = text.index("\n}", start)
    entry = re.sub(rf"(title = \{{.*?)(?<![{{\w]){word}(?![\w}}])", rf"\1{{{word}}}", text[start:end], count=1)
    path.write_text(text[:start] + entry + text[end:], encoding="utf-8")


@pytest.fixture(scope="session")
def realistic(tmp_path_factory):
    """The README's steps for a realistic principle: drop it in, make bib, review (declare its short names,
    keep a place name's capital), make cite-report, make site."""
    project = copy_project(tmp_path_factory.mktemp("realistic-principle"))
    assert build(project, "before").returncode == 0
    bib_before = (project / "bib" / "references.bib").read_text(encoding="utf-8")
    (project / SOURCE).write_text(fixture_text(), encoding="utf-8")
    make_bib = run("practice_site.references.make_bib", project)
    with (project / "bib" / "short-names.tsv").open("a", encoding="utf-8") as tsv:
        tsv.write(SHORT_NAMES)
    brace_in_entry(project, key_for(project, "de Vries, A. (2019)"), "Leeds")
    with (project / "bib" / "proper-nouns.txt").open("a", encoding="utf-8") as nouns:
        nouns.write("Leeds\n")
    report = run("practice_site.references.cite_report", project)
    site = build(project)
    return {"project": project, "bib_before": bib_before, "make_bib": make_bib, "report": report, "build": site}
