"""make bib on new principles: only what is new is added, one entry per work, and nothing stops it."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, copy_project
from support.make_bib import add_principle

from practice_site.references.bib_file import read_library, source_strings
from practice_site.references.format_apa import read_back, run_citeproc, use_bundled_pandoc


def run_make_bib(project) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "practice_site.references.make_bib"], cwd=project, capture_output=True,
                          text=True, timeout=120)


UNREADABLE = [
    "Children Act 1989, c. 41, section 17.",
    "Smith, J., Jones (2020). A fictional thing -- costing $5. *Journal of Fictional Studies*, volume nine. "
    "https://example.org/a--b",
    "Hall, C. (2021). A fictional trial. *Journal of Fictional Studies*, volume nine.",
]


def test_what_make_bib_cannot_read_becomes_misc_with_every_word_and_a_warning(tmp_path):
    project = copy_project(tmp_path)
    add_principle(project, 97, UNREADABLE)
    result = run_make_bib(project)
    assert result.returncode == 0, "an unreadable entry never stops make bib"
    assert ('warning: sources/zz-97.txt:9: could not read this reference (no "Author (Year)" at the start of the '
            "entry); written as @misc childrenact1989 - check it in bib/references.bib") in result.stdout
    assert ('warning: sources/zz-97.txt:11: could not read this reference (author "Jones" has no initials); '
            "written as @misc smithj2020 - check it in bib/references.bib") in result.stdout
    assert "warning: sources/zz-97.txt:13: could not read this reference (cannot read volume" in result.stdout
    data, _ = read_library(project / "bib", project)
    act, smith, hall = (data.entries[k] for k in ("childrenact1989", "smithj2020", "hall2021"))
    assert act.type == smith.type == hall.type == "misc"
    assert act.fields["title"] == "{Children Act 1989, c. 41, section 17.}" and act.fields["year"] == "1989"
    assert "author" not in act.persons
    assert str(smith.persons["author"][0]) == "{Smith, J., Jones}", "unreadable names: the text before the year"
    assert [str(p) for p in hall.persons["author"]] == ["Hall, C."], "readable names stay names"
    assert hall.fields["title"] == "{A fictional trial. Journal of Fictional Studies, volume nine.}"
    assert source_strings(hall) == [UNREADABLE[2]]
    second = run_make_bib(project)
    assert second.returncode == 0 and "0 new entries added" in second.stdout and "warning" not in second.stdout

    use_bundled_pandoc()
    shown = read_back({"site": run_citeproc([project / "bib" / "references.bib"], ROOT / "bib" / "apa.csl",
                                            ["childrenact1989", "smithj2020", "hall2021"])})["site"]
    assert "Children Act 1989, c. 41, section 17." in shown.references["childrenact1989"].replace("\xa0", " ")
    assert ("Smith, J., Jones. (2020). <em><span class=\"nocase\">A fictional thing -- costing $5. Journal of "
            "Fictional Studies, volume nine. https://example.org/a--b</span></em>") in shown.references["smithj2020"]
    assert shown.labels["hall2021"] == "Hall, 2021", "citations still find the work by author and year"


def test_a_bad_source_file_still_stops_make_bib(tmp_path):
    project = copy_project(tmp_path)
    add_principle(project, 4, ["Newman, A. (2023). *A new fictional work*. Example Press."])
    result = run_make_bib(project)
    assert result.returncode == 1
    assert "make bib: sources/zz-4.txt:1: principle 4 is already defined" in result.stderr
