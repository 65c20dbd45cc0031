"""bib/: keys, reading with checks, the corrections file, and make_bib adding only what is new."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from helpers import ROOT, copy_project

from practice_site.apa import parse_reference
from practice_site.bibtex import assign_keys, read_library, source_strings
from practice_site.corrections import read_corrections
from practice_site.errors import SourceError
from practice_site.make_bib import add_new_references

ENTRY = "@article{{{key},\n  author = {{Ruch, G.}},\n  title = {{T}},\n  journal = {{J}},\n  year = {{2005}}\n}}\n"


def test_keys_are_readable_and_suffixed_only_for_one_author_two_works_in_a_year():
    refs = [parse_reference(raw, 1) for raw in (
        "Ruch, G. (2020). *One*. Publisher.",
        "Ruch, G. (2020). *Two*. Publisher.",
        "Ruch, G. (2018). *Three*. Publisher.",
        "Social Care Institute for Excellence (n.d). <https://example.org/a>",
        "D'Arcy, K. (2015). *Four*.",
        "Slettebø, T. (2013). *Five*.",
    )]
    assert assign_keys(refs, set()) == [
        "ruch2020a", "ruch2020b", "ruch2018", "socialcare-nd", "darcy2015", "slettebo2013"]
    assert assign_keys(refs[2:3], {"ruch2018"}) == ["ruch2018b"], "the published key stays; the new work is b"


def test_committed_library_reads_cleanly():
    data, where = read_library(ROOT / "bib", ROOT)
    assert {"ruch2020", "maxwell2022", "socialcare-nd"} <= set(data.entries)
    assert where["ruch2020"][0] == "bib/references.bib"


def write(tmp_path, name, text):
    (tmp_path / "bib").mkdir(exist_ok=True)
    (tmp_path / "bib" / name).write_text(text, encoding="utf-8")


def test_bib_syntax_error_names_file_and_line(tmp_path):
    write(tmp_path, "a.bib", ENTRY.format(key="ok2005") + "\n@article{bad,\n  title = {unclosed\n")
    with pytest.raises(SourceError, match=r"^bib/a\.bib:\d+: BibTeX syntax error"):
        read_library(tmp_path / "bib", tmp_path)


def test_duplicate_key_in_one_file_and_across_files(tmp_path):
    write(tmp_path, "a.bib", ENTRY.format(key="ruch2005") + "\n" + ENTRY.format(key="ruch2005"))
    with pytest.raises(SourceError, match=r'^bib/a\.bib:8: the key "ruch2005" is already used on line 1'):
        read_library(tmp_path / "bib", tmp_path)
    write(tmp_path, "a.bib", ENTRY.format(key="ruch2005"))
    write(tmp_path, "b.bib", "\n" + ENTRY.format(key="ruch2005"))
    with pytest.raises(SourceError, match=r'^bib/b\.bib:2: the key "ruch2005" is already used in bib/a\.bib:1'):
        read_library(tmp_path / "bib", tmp_path)


@pytest.mark.parametrize("line, problem", [
    ("cite\tRuch, 2020\tnobody1999\tbecause", r'bib/c\.tsv:2: "nobody1999" is not a key in bib/'),
    ("cite\tRuch, 2020", r"bib/c\.tsv:2: expected four columns"),
    ("guess\tRuch, 2020\truch2005\tbecause", r'bib/c\.tsv:2: unknown kind "guess"'),
    ("missing\tRuch, 2020\truch2005\tbecause", r'bib/c\.tsv:2: a "missing" line becomes "-"'),
])
def test_corrections_file_errors_name_the_line(tmp_path, line, problem):
    path = tmp_path / "c.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(SourceError, match=problem):
        read_corrections(path, "bib/c.tsv", {"ruch2005"})


def test_make_bib_adds_only_what_is_new(tmp_path):
    project = copy_project(tmp_path)
    bib = project / "bib" / "references.bib"
    before = bib.read_text(encoding="utf-8")
    assert add_new_references(project).added == 0
    assert bib.read_text(encoding="utf-8") == before
    shutil.copy(project / "sources" / "principle-07.txt", project / "sources" / "principle-09.txt")
    text = (project / "sources" / "principle-09.txt").read_text(encoding="utf-8")
    text = text.replace("## 7. ", "## 9. ").replace(
        "Barnardo's (2017).", "Newman, A. (2023). *A new work*. Publisher.\n\nBarnardo's (2017).")
    (project / "sources" / "principle-09.txt").write_text(text, encoding="utf-8")
    run = add_new_references(project)
    assert (run.warnings, run.added, run.reused) == ([], 1, 0)
    after = bib.read_text(encoding="utf-8")
    assert after.startswith(before) and "@book{newman2023," in after


def test_what_make_bib_cannot_read_becomes_misc_with_every_word_and_a_warning(tmp_path):
    project = copy_project(tmp_path)
    path = project / "sources" / "principle-07.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Barnardo's (2017).", "Children Act 1989, c. 41, section 17.\n\nBarnardo's (2017)."), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "practice_site.make_bib"], cwd=project, capture_output=True,
                            text=True)
    assert result.returncode == 0, "one unreadable entry never stops make bib"
    assert ('warning: sources/principle-07.txt:55: could not read this reference (no "Author (Year)" at the start '
            "of the entry); written as @misc") in result.stdout
    data, _ = read_library(project / "bib", project)
    entry = data.entries["childrenact1989"]
    assert entry.type == "misc" and entry.fields["title"] == "Children Act 1989, c. 41, section 17."
    assert entry.fields["year"] == "1989" and "author" not in entry.persons


def fictional_principle(number: int, references: list[str]) -> str:
    return (f"## {number}. Responses to child exploitation and extra-familial harm must... be tested\n\n"
            "### Summary\n\nA fictional summary for a test.\n\n## Research summary references\n\n"
            + "\n\n".join(references) + "\n")


def test_a_work_cited_by_two_principles_is_one_entry(tmp_path):
    project = copy_project(tmp_path)
    bib = project / "bib" / "references.bib"
    before = bib.read_text(encoding="utf-8")
    (project / "sources" / "zz-98.txt").write_text(fictional_principle(98, [
        "Pearce, J. J. (2009). *Young people and sexual exploitation: It's not hidden, you just aren't looking*. "
        "Routledge.",
        "Ruch, G. (2020). *A different fictional work*. Example Press.",
        "Newman, A. (2023). *Shared fictional report*. Example Press.",
    ]), encoding="utf-8")
    (project / "sources" / "zz-99.txt").write_text(fictional_principle(99, [
        "Newman, A. (2023) *Shared Fictional Report*. Example Press.",
    ]), encoding="utf-8")
    run = add_new_references(project)
    assert (run.added, run.reused) == (2, 2)
    after = bib.read_text(encoding="utf-8")
    assert [line for line in before.splitlines() if line not in after.splitlines()] == [], "nothing published changes"
    data, _ = read_library(project / "bib", project)
    assert any(t.startswith("Pearce, J. J. (2009). *Young people and sexual exploitation: It's not")
               for t in source_strings(data.entries["pearce2009"]))
    [different] = [k for k, e in data.entries.items() if e.fields.get("title") == "A different fictional work"]
    assert different.startswith("ruch2020") and different != "ruch2020", "a new work never takes a published key"
    assert data.entries["ruch2020"].fields["title"].startswith("Practising")
    assert len(source_strings(data.entries["newman2023"])) == 2
    assert any("the same work as pearce2009" in line for line in run.same)
    assert add_new_references(project).added == 0, "running again adds nothing"
