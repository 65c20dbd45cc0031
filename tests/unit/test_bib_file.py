"""bib/: keys, reading with checks, the corrections file, and writing entries (make_bib: test_make_bib.py)."""

from __future__ import annotations

import pytest
from helpers import ROOT
from pybtex.database import parse_string

from practice_site.errors import SourceError
from practice_site.references.bib_file import (
    add_source_field,
    assign_keys,
    read_library,
    source_key,
    source_strings,
    to_bibtex,
)
from practice_site.references.bibtex_values import bibtex_text
from practice_site.references.corrections import read_corrections
from practice_site.references.parse_reference import parse_reference

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
    ("cite\tRuch, 2020\tnobody1999\tbecause\tno", r'bib/c\.tsv:2: "nobody1999" is not a key in bib/'),
    ("cite\tRuch, 2020", r"bib/c\.tsv:2: expected five columns"),
    ("cite\tRuch, 2020\truch2005\tbecause", r"bib/c\.tsv:2: add a fifth column, confirmed: yes"),
    ("cite\tRuch, 2020\truch2005\tbecause\tmaybe", r'bib/c\.tsv:2: the last column says "maybe"; write yes or no'),
    ("guess\tRuch, 2020\truch2005\tbecause\tno", r'bib/c\.tsv:2: unknown kind "guess"'),
    ("missing\tRuch, 2020\truch2005\tbecause\tno", r'bib/c\.tsv:2: a "missing" line becomes "-"'),
    ("entry\truch2005 Ruch\tRuch\tbecause\tno", r'bib/c\.tsv:2: an entry line is written "key field: text'),
    ("entry\truch2005 colour: x\ty\tbecause\tno", r'bib/c\.tsv:2: unknown field "colour"'),
    ("entry\tnobody1999 title: x\ty\tbecause\tno", r'bib/c\.tsv:2: "nobody1999" is not a key in bib/'),
])
def test_corrections_file_errors_name_the_line(tmp_path, line, problem):
    path = tmp_path / "c.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(SourceError, match=problem):
        read_corrections(path, "bib/c.tsv", {"ruch2005"})


def test_a_new_work_never_takes_a_lettered_published_key():
    refs = [parse_reference("Lloyd, J. (2018). *Three*. Publisher.", 1)]
    assert assign_keys(refs, {"lloyd2018a", "lloyd2018b"}) == ["lloyd2018c"]


def test_source_strings_are_every_wording_normalised_like_a_reference_list_entry():
    data = parse_string(
        "@misc{k,\n  title = {T},\n  source-entry-3 = {Third},\n  source-entry = {- First  {x}},\n"
        "  source-entry-2 = {Second\\_one}\n}\n", "bibtex")
    assert source_strings(data.entries["k"]) == ["First (x)", "Second_one", "Third"]
    assert source_key("- *Care Inquiry* (2013). {A}  B\\_c") == "Care Inquiry* (2013). (A) B_c"
    assert source_key("- First  {x}") == source_strings(data.entries["k"])[0]


@pytest.mark.parametrize("entry, expected", [
    ("@misc{k,\n  title = {T},\n  source-entry = {A}\n}\n",
     "@misc{k,\n  title = {T},\n  source-entry-2 = {B (x)},\n  source-entry = {A}\n}\n"),
    ("@misc{k,\n  title = {T},\n  source-entry = {A},\n}\n",
     "@misc{k,\n  title = {T},\n  source-entry = {A},\n  source-entry-2 = {B (x)}\n}\n"),
    ("@misc{k,\n  title = {T {nested}\n    over = {two lines}},\n  source-entry = {A}}\n",
     "@misc{k,\n  title = {T {nested}\n    over = {two lines}},\n  source-entry-2 = {B (x)},\n  source-entry = {A}}\n"),
    ("@misc{k, title = {T}, source-entry = {A}}\n",
     "@misc{k, title = {T}, source-entry = {A},\n  source-entry-2 = {B (x)}}\n"),
])
def test_a_new_wording_is_one_new_line_at_the_end_of_the_entry(entry, expected):
    before, after = "@misc{j,\n  title = {U}\n}\n", "@misc{m,\n  title = {V}\n}\n"
    added = add_source_field(before + entry + after, "k", 2, "- B  {x}")
    assert added == before + expected + after
    assert parse_string(added, "bibtex").entries["k"].fields["source-entry-2"] == "B (x)"


def test_text_fields_survive_bibtex_and_pandoc_unchanged():
    assert bibtex_text("a -- b --- c") == "a -{}- b -{}-{}- c"
    assert bibtex_text("costs $5 {sic} C:\\dir") == "costs \\$5 (sic) C:\\textbackslash{}dir"
    ref = parse_reference("Example Trust. (2020). *A page -- with dashes*. https://example.org/a--b{c}", 1)
    text = to_bibtex(ref, "exampletrust2020", [])
    assert "title = {A page -{}- with dashes}" in text and "url = {https://example.org/a--b%7Bc%7D}" in text


def entry_of(raw: str, key: str = "k"):
    return parse_string(to_bibtex(parse_reference(raw, 1), key, []), "bibtex").entries[key]


def test_an_entry_keeps_a_particle_with_the_surname_when_the_source_writes_it_first():
    entry = entry_of("Khan, S., & de Vries, A. (2020). *Parents*. Example Press.")
    assert entry.fields["options"] == "useprefix=true"  # citeproc: "de Vries", cited and filed as written
    assert [str(p) for p in entry.persons["author"]] == ["Khan, S.", "de Vries, A."]
    assert "options" not in entry_of("Helmholtz, H. L. F. von (1867). *Handbuch*. Voss.").fields


def test_in_press_and_forthcoming_are_a_publication_state_not_a_year():
    entry = entry_of("Price, S. (in press-b). *Part two*. Example Press.")
    assert entry.fields["pubstate"] == "inpress" and "year" not in entry.fields
    assert entry_of("Adeyemi, T. (forthcoming). *Peers*. Example Press.").fields["pubstate"] == "forthcoming"
    refs = [parse_reference(r, 1) for r in ("Price, S. (in press-a). *A*. P.", "Price, S. (in press-b). *B*. P.",
                                            "Adeyemi, T. (forthcoming). *C*. P.", "Network. (n.d.-a). *D*. P.")]
    assert assign_keys(refs, set()) == ["price-inpressa", "price-inpressb", "adeyemi-forthcoming", "network-nd"]


def test_a_publisher_with_and_in_its_name_stays_one_publisher():
    entry = entry_of("Vries, A. (2019). *Conferences*. Centre for Family and Community Studies.")
    assert entry.fields["institution"] == "{Centre for Family and Community Studies}"
    entry = entry_of("Quinn, E. (2020). *Trust*. Research in Practice; Example University.")
    assert entry.fields["institution"] == "Research in Practice and Example University"  # two: "A; B" on the site
