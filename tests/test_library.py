"""bib/: keys, reading with checks, the corrections file, and make_bib adding only what is new."""

from __future__ import annotations

import shutil

import pytest
from helpers import ROOT, copy_project

from practice_site.apa import parse_reference
from practice_site.bibtex import assign_keys, read_library
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
    assert assign_keys(refs[2:3], {"ruch2018"}) == ["ruch2018a"]


def test_committed_library_reads_cleanly():
    data, where = read_library(ROOT / "bib", ROOT)
    assert len(data.entries) == 73
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
    assert add_new_references(project)[2] == 0
    assert bib.read_text(encoding="utf-8") == before
    shutil.copy(project / "sources" / "principle-07.txt", project / "sources" / "principle-09.txt")
    text = (project / "sources" / "principle-09.txt").read_text(encoding="utf-8")
    text = text.replace("## 7. ", "## 9. ").replace(
        "Barnardo's (2017).", "Newman, A. (2023). *A new work*. Publisher.\n\nBarnardo's (2017).")
    (project / "sources" / "principle-09.txt").write_text(text, encoding="utf-8")
    notes, errors, added = add_new_references(project)
    assert (errors, added) == ([], 1)
    after = bib.read_text(encoding="utf-8")
    assert after.startswith(before) and "@report{newman2023," in after


def test_make_bib_reports_what_it_cannot_read_with_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    path = project / "sources" / "principle-07.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Barnardo's (2017).", "An entry with no year.\n\nBarnardo's (2017)."), encoding="utf-8")
    notes, errors, added = add_new_references(project)
    assert added == 0
    assert errors == ['sources/principle-07.txt:55: no "Author (Year)" at the start of the entry; '
                      "write this entry in bib/ by hand"]
