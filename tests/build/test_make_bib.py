"""make bib on new principles: only what is new is added, one entry per work, and nothing stops it."""

from __future__ import annotations

import re
import subprocess
import sys

from helpers import ROOT, build, copy_project
from support.make_bib import add_principle

from practice_site.references.bib_file import read_library, source_strings
from practice_site.references.format_apa import read_back, run_citeproc, use_bundled_pandoc
from practice_site.references.make_bib import add_new_references

UNREADABLE = [
    "Children Act 1989, c. 41, section 17.",
    "Smith, J., Jones (2020). A fictional thing -- costing $5. *Journal of Fictional Studies*, volume nine. "
    "https://example.org/a--b",
    "Hall, C. (2021). A fictional trial. *Journal of Fictional Studies*, volume nine.",
]



def added_lines(before: str, after: str) -> list[str]:
    """The lines of ``after`` that ``before`` does not have."""
    old_lines = set(before.splitlines())
    return [line for line in after.splitlines() if line not in old_lines]


def test_make_bib_adds_only_what_is_new(tmp_path):
    project = copy_project(tmp_path)
    bib = project / "bib" / "references.bib"
    before = bib.read_text(encoding="utf-8")
    assert add_new_references(project).added == 0
    assert bib.read_text(encoding="utf-8") == before
    add_principle(project, 97, ["Newman, A. (2023). *A new fictional work*. Example Press."])
    run = add_new_references(project)
    assert (run.warnings, run.added, run.reused) == ([], 1, 0)
    after = bib.read_text(encoding="utf-8")
    assert after.startswith(before) and "@book{newman2023," in after
    assert add_new_references(project).added == 0, "running again adds nothing"


def test_a_work_listed_by_two_principles_is_one_entry(tmp_path):
    project = copy_project(tmp_path)
    bib = project / "bib" / "references.bib"
    before = bib.read_text(encoding="utf-8")
    library, _ = read_library(project / "bib", project)  # wordings already recorded, whatever the principles
    pearce_before = len(source_strings(library.entries["pearce2009"]))
    mason_before = len(source_strings(library.entries["mason2012"]))
    add_principle(project, 98, [
        "Pearce, J. J. (2009). *Young people and sexual exploitation: It's not hidden, you just aren't looking*. "
        "Routledge.",
        "Ruch, G. (2020). *A different fictional work*. Example Press.",
        "Newman, A. (2023). *Shared fictional report*. Example Institute. https://example.org/shared--report",
        "Mason, C. (2012). Social work the 'art of relationship': parents' perspectives on an intensive family "
        "support project. Child and Family Social Work, 17(3), 368–377. https://doi.org/10.1111/j.1365-2206.2011.00791.x",
    ])
    add_principle(project, 99, [
        "- Newman, A. (2023) *Shared Fictional Report*. Example Institute. <https://example.org/shared--report>",
        "- Pearce, J.J. (2009). Young People and Sexual Exploitation: 'It's not hidden, you just aren't looking'. "
        "London: Routledge.",
    ])
    run = add_new_references(project)
    assert (run.added, run.reused, run.warnings) == (2, 4, [])
    assert run.same == [
        "sources/zz-98.txt:9 is pearce2009 (already in bib/references.bib)",
        "sources/zz-98.txt:15 is mason2012 (already in bib/references.bib)",
        "sources/zz-99.txt:9 is newman2023 (new in bib/references.bib, first listed at sources/zz-98.txt:13)",
        "sources/zz-99.txt:11 is pearce2009 (already in bib/references.bib)",
    ]
    after = bib.read_text(encoding="utf-8")
    wordings = [line for line in added_lines(before, after) if line.startswith("  source-entry-")]
    assert len(wordings) == 4
    kept = "\n".join(line for line in after.split("\n") if line not in wordings)
    assert kept.startswith(before), "published entries are byte-for-byte the same but for the added wordings"
    assert f"  source-entry-{pearce_before + 2} = {{Pearce, J.J. (2009). Young People and Sexual Exploitation:" in after

    data, _ = read_library(project / "bib", project)
    pearce = source_strings(data.entries["pearce2009"])
    assert len(pearce) == pearce_before + 2  # the wordings of principles 98 and 99
    assert any(p.startswith("Pearce, J. J. (2009). *Young people and sexual exploitation") for p in pearce)
    assert len(source_strings(data.entries["mason2012"])) == mason_before + 1
    assert data.entries["ruch2020"].fields["title"].startswith("Practising"), "the published key keeps its work"
    assert data.entries["ruch2020b"].fields["title"] == "A different fictional work"
    newman = data.entries["newman2023"]
    assert newman.fields["url"] == "https://example.org/shared--report" and len(source_strings(newman)) == 2
    assert add_new_references(project).added == 0, "running again adds nothing"
    assert bib.read_text(encoding="utf-8") == after


def test_a_work_in_another_bib_file_gets_the_new_wording_there(tmp_path):
    project = copy_project(tmp_path)
    extra = project / "bib" / "extra.bib"
    extra.write_text("@book{hollis1972,\n  author = {Hollis, F.},\n  title = {Casework: A psychosocial therapy},\n"
                     "  edition = {2},\n  publisher = {Random House},\n  year = {1972},\n"
                     "  source-entry = {Hollis, F. (1972). *Casework* (2nd ed.). Random House.}\n}\n",
                     encoding="utf-8")
    add_principle(project, 97, [
        "Hollis, F. (1972). *Casework: A psychosocial therapy* (2nd ed.). Random House.",
        "Home Office. (2020). <https://www.gov.uk/fictional-one>",
        "Home Office. (2020). <https://www.gov.uk/fictional-two>",
    ])
    run = add_new_references(project)
    assert run.same == ["sources/zz-97.txt:9 is hollis1972 (already in bib/extra.bib)"]
    text = extra.read_text(encoding="utf-8")
    assert "  source-entry-2 = {Hollis, F. (1972). *Casework: A psychosocial therapy* (2nd ed.). Random House.}," \
        in text
    data, _ = read_library(project / "bib", project)
    assert {"homeoffice2020a", "homeoffice2020b"} <= set(data.entries), "works without a title are never merged"


def run_make_bib(project) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "practice_site.references.make_bib"], cwd=project, capture_output=True,
                          text=True, timeout=120)


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


def guide_hand_written_entry() -> str:
    """The example entry in the editors' guide's "Writing an entry by hand"."""
    text = (ROOT / "guides" / "editors.md").read_text(encoding="utf-8")
    block = text.split("<!-- hand-written-entry:start -->")[1].split("<!-- hand-written-entry:end -->")[0]
    return block.split("```bibtex\n")[1].split("```")[0]


def test_the_guides_hand_written_entry_replaces_the_misc_entry_and_is_no_correction(tmp_path):
    entry = guide_hand_written_entry()
    wording = re.search(r"source-entry = \{(.*)\}", entry).group(1)
    key = re.match(r"@\w+\{([^,]+),", entry).group(1)
    project = copy_project(tmp_path)
    (project / "sources" / "zz-96.txt").write_text(
        "## 96. Responses to child exploitation and extra-familial harm must... be tested\n\n### Summary\n\n"
        "A fictional summary for a test, citing a guide (Okafor, 2021).\n\n## Research summary references\n\n"
        f"{wording}\n", encoding="utf-8")
    run = add_new_references(project)
    assert len(run.warnings) == 1 and "could not read" in run.warnings[0]
    assert 'guides/editors.md, "Writing an entry by hand"' in run.warnings[0]
    bib = project / "bib" / "references.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.rindex("@misc{")
    end = text.index("\n}\n", start) + 3
    bib.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "principles" / "principle-96.html").read_text(encoding="utf-8")
    assert f'(<a class="citation" href="#ref-{key}">Okafor, 2021</a>)' in page
    assert f'id="ref-{key}">Okafor, N. (2021). <em>Listening to parents: A practice guide</em>. Example Press.' in page
    assert "We corrected" not in page
    report = subprocess.run([sys.executable, "-m", "practice_site.references.cite_report"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert report.returncode == 0, report.stdout + report.stderr
    assert not [line for line in report.stdout.splitlines() if "Okafor" in line and "REVIEW" in line]
