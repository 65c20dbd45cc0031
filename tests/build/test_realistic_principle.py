"""A realistic next principle goes through the README's steps right first time (see support/realistic_principle.py).

Every citation-like text is linked or named by a tool, every entry is APA 7 and in APA order, the module's
notes speak of its own source only, and adding it changes no other module. The same principle with a
short name nobody declared gets an error that says which line to add, and a principle that declares a
short name the other fixtures also declare keeps the build green.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from helpers import article, build, missing_or_out_of_order, text_of, words
from support.apa_order import apa_sort_key, entries
from support.new_principle import fixture_text as fixture_42
from support.realistic_principle import MODULE, NUMBER, SOURCE, fixture_text, key_for, run

from practice_site.references.bib_file import read_library


def had_doi(realistic) -> bool:
    """Whether the library's Ruch (2005) had a DOI before this principle came (another principle may give one)."""
    entry = realistic["bib_before"].split("{ruch2005,")[1].split("\n}")[0]
    return "doi = {" in entry


def cite(key: str, text: str) -> str:
    return f'<a class="citation" href="#ref-{key}">{html.escape(text, quote=False)}</a>'


def test_make_bib_reads_every_entry_and_says_what_it_did(realistic):
    result = realistic["make_bib"]
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "could not read" not in out, "every entry is read: no @misc for the editor to write by hand"
    assert f'guess: {SOURCE}:' in out and '"Family group conferences in leeds: A practice review"' in out
    assert "APA's full stop goes inside the closing quotation mark" in out
    assert 'read "Centre for Family and Community Studies" as one publisher' in out
    if had_doi(realistic):  # another principle gave Ruch (2005) a DOI first: this one differs, so a person decides
        assert re.search(rf"REVIEW: {SOURCE}:\d+: ruch2005: this reference gives doi 10\.5555/fictional", out)
    else:
        assert re.search(rf"detail: {SOURCE}:\d+: added doi 10\.5555/fictional-doi-for-testing to ruch2005", out)
    assert re.search(rf"same work: {SOURCE}:\d+ is lefevre2017", out)
    before, bib = realistic["bib_before"].splitlines(), set(
        (realistic["project"] / "bib" / "references.bib").read_text(encoding="utf-8").splitlines())
    assert [line for line in before if line not in bib] == [], "existing lines kept; details only added"


def test_cite_report_names_the_secondary_citation_and_finds_every_citation(realistic):
    result = realistic["report"]
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any("UNRESOLVED" in line for line in lines)
    assert any(line.startswith(f"  SECONDARY {SOURCE}:") and "Okonjo, 1998, read in Harper, 2016" in line
               for line in lines)
    own = next(line for line in lines if line.startswith(f"Principle {NUMBER} "))
    section = lines[lines.index(own):]
    section = section[:next((i for i, line in enumerate(section[1:], 1) if not line.startswith("  ")), None)]
    assert not any("never cited" in line for line in section), "in press, forthcoming and n.d.-a are cited"
    assert not any("was changed in bib/" in line for line in lines), "no hand edit needs a ledger line"
    assert lines[-1].startswith("Next: every citation resolves.")


def test_strict_build_passes(realistic):
    assert realistic["build"].returncode == 0, realistic["build"].stderr


class MarkedText(HTMLParser):
    """The article's text with each citation link's words in ⟦ ⟧, to find citation-like text left bare."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and "citation" in (dict(attrs).get("class") or ""):
            self.parts.append("⟦")

    def handle_endtag(self, tag):
        if tag == "a" and self.parts and "⟦" in self.parts[-3:]:
            self.parts.append("⟧")

    def handle_data(self, data):
        self.parts.append(data)


def test_no_citation_like_text_is_left_unlinked(realistic):
    parser = MarkedText()
    parser.feed(article(realistic["project"] / "site", MODULE).split('id="research-summary-references"')[0])
    text = "".join(parser.parts)
    dated = [m.group(0) for m in re.finditer(r"\([^()]*(?:\b\d{4}[a-z]?\b|n\.d\.|in press|forthcoming)[^()]*\)", text)]
    assert len(dated) >= 25
    assert [d for d in dated if "⟦" not in d] == []


def test_citations_show_what_the_source_wrote(realistic):
    project = realistic["project"]
    page = article(project / "site", MODULE)
    devries, khan = key_for(project, "de Vries, A. (2019)"), key_for(project, "Khan, S., & de Vries")
    berg, dcs = key_for(project, "van den Berg, L."), key_for(project, "Department of Children")
    price_a, price_b = key_for(project, "Price, S. (in press-a)"), key_for(project, "Price, S. (in press-b)")
    network_a = key_for(project, "Youth Link Network. (n.d.-a)")
    network_b = key_for(project, "Youth Link Network. (n.d.-b)")
    harper, adeyemi = key_for(project, "Harper, L. (2016)"), key_for(project, "Adeyemi, T.")
    assert f"({cite(devries, 'de Vries, 2019')})" in page
    assert f"De Vries ({cite(devries, '2019')}) describes" in page
    assert f"As de Vries ({cite(devries, '2019')}) notes" in page
    assert f"({cite(khan, 'Khan & de Vries, 2020')})" in page
    assert f"Khan and de Vries ({cite(khan, '2020')}) describe" in page
    assert f"Van den Berg et al. ({cite(berg, '2019')}) found" in page
    assert f"({cite(berg, 'van den Berg et al., 2019')}, p. 305)" in page, "no initials: one Berg in the list"
    assert f"The Department of Children's Services (DCS, {cite(dcs, '2018')}) asks" in page
    written = "Department of Children's Services [DCS], 2018"
    assert f"({cite(dcs, written)}, p. 4)" in page, "the short name the text gives, exactly as written"
    assert f"({cite(dcs, 'DCS, 2018')}, pp. 12–14)" in page
    assert f"({cite(adeyemi, 'Adeyemi, forthcoming')})" in page
    assert f"({cite(price_a, 'Price, in press-a')}, {cite(price_b, 'in press-b')})" in page
    assert f"Price ({cite(price_b, 'in press-b')}) sets out" in page
    assert f"({cite(network_a, 'Youth Link Network, n.d.-a')}, {cite(network_b, 'n.d.-b')})" in page
    assert f"(Okonjo, 1998, as cited in {cite(harper, 'Harper, 2016')})" in page
    nwosu, devlin = key_for(project, "Nwosu, C., & Ellis, J."), key_for(project, "Devlin, R.")
    assert f"(see {cite(nwosu, 'Nwosu & Ellis, 2021')}, for a review)" in page, "an edited book, by its editors"
    quinn = key_for(project, "Quinn, E.")
    assert f"Van den Berg and colleagues ({cite(berg, '2019')}) heard" in page
    assert f"(a parent quoted in {cite(quinn, 'Quinn, 2020')}, p. 9)" in page
    assert f"; {cite(devlin, 'Devlin, 2015')}, p. 47)" in page, '"2015: 47" is a page'
    assert f"{cite(key_for(project, 'Horst, K. ter'), 'Horst, 2019')})" in page
    assert f"Okonjo (1998, as cited in {cite(harper, 'Harper, 2016')}) argued" in page


def test_every_word_of_the_principle_is_kept_in_order(realistic):
    body = fixture_text().split("## Research summary references")[0]
    body = re.sub(r"\([^()]*(?:\d{4}|n\.d\.|in press|forthcoming)[^()]*\)", " ", body)  # citations: labels
    expected = [w for w in words(body) if w not in {"Summary"}]
    shown = words(text_of((realistic["project"] / "site" / MODULE).read_text(encoding="utf-8")))
    assert missing_or_out_of_order(expected, shown) == ""


def test_reference_entries_are_apa_7_as_the_list_writes_them(realistic):
    project = realistic["project"]
    shown = entries(article(project / "site", MODULE), "p", "reference")
    by_start = {text.split(" (")[0]: text for text in shown.values()}
    assert "de Vries, A." in by_start and "Vries, A. de" not in by_start
    assert "Linden, J. van der." in by_start, "a particle written after the initials stays there"
    assert by_start["de Vries, A."].endswith("Centre for Family and Community Studies."), "one publisher"
    assert "Family group conferences in Leeds: A practice review" in by_start["de Vries, A."]
    quinn = by_start["Quinn, E."]
    assert "“Just be there.”" in quinn and quinn.endswith("Research in Practice; Example University.")
    assert shown[key_for(project, "Price, S. (in press-a)")].startswith("Price, S. (in press-a).")
    assert shown[key_for(project, "Youth Link Network. (n.d.-b)")].startswith("Youth Link Network. (n.d.-b).")
    if not had_doi(realistic):
        assert "https://doi.org/10.5555/fictional-doi-for-testing" in shown["ruch2005"], "the shared work's detail"


def test_the_module_lists_its_references_in_apa_order(realistic):
    project = realistic["project"]
    data, _ = read_library(project / "bib", project)
    shown = list(entries(article(project / "site", MODULE), "p", "reference"))
    assert shown == sorted(shown, key=lambda key: apa_sort_key(data.entries[key]))
    at = {name: shown.index(key_for(project, name)) for name in (
        "Denzin, N.", "de Onis, M.", "Department of Children", "Devlin, R.", "de Vries, A. (2019)",
        "Oakley, R.", "O'Brien, P.", "Ó Súilleabháin")}
    assert at["Denzin, N."] < at["de Onis, M."] < at["Department of Children"] < at["Devlin, R."] < at[
        "de Vries, A. (2019)"], "APA 9.44: Denzin, de Onis, Department ..., Devlin, de Vries"
    assert at["Oakley, R."] < at["O'Brien, P."] < at["Ó Súilleabháin"]


def test_the_modules_notes_speak_of_its_own_source_only(realistic):
    site = realistic["project"] / "site"
    own, seed = article(site, MODULE), article(site, "principles/principle-4.html")
    assert "Luckcock" in seed, "principle 4's source misspells the name, and its note says so"
    assert "Luckcock" not in own, "this principle spells it right"
    assert "We corrected 1 citation; see details" in own
    assert "The text cites “ter Horst, 2019”; this site links it to “Horst, 2019”, as the reference list names" in own
    assert "DCS" not in own.split("We corrected")[1], "the text gives its short name: nothing to explain"


def test_the_table_keeps_its_caption_and_the_navigation_a_whole_phrase(realistic):
    site = realistic["project"] / "site"
    page = article(site, MODULE)
    assert re.search(r"<table>\s*<caption>Table 1: Where young people said they felt safe</caption>", page)
    index = (site / "index.html").read_text(encoding="utf-8")
    title = f"{NUMBER}. Recognise that children, young people and families hold knowledge about their own safety"
    assert re.search(rf'<span class="md-ellipsis">\s*{re.escape(title)}\s*</span>', index)


def test_adding_it_changes_no_letter_of_another_module_but_the_detail_it_gives_a_shared_work(realistic):
    site, before = realistic["project"] / "site", realistic["project"] / "before"
    doi = ' <a href="https://doi.org/10.5555/fictional-doi-for-testing" class="uri">https://doi.org/10.5555/fictional-doi-for-testing</a>'
    for page in ("principles/principle-4.html", "principles/principle-7.html"):
        assert article(site, page).replace(doi, "") == article(before, page)
    assert (doi in article(site, "principles/principle-4.html")) != had_doi(realistic), "principle 4 lists it too"


def a_copy(realistic, tmp_path: Path) -> Path:
    """The project as the editor left it, to change without touching the one the other tests read."""
    project = tmp_path / "project"
    shutil.copytree(realistic["project"], project, ignore=shutil.ignore_patterns("site", "before"))
    return project


def test_an_undeclared_short_name_says_which_line_to_add(realistic, tmp_path):
    project = a_copy(realistic, tmp_path)
    path = project / SOURCE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(Department of Health and Social Care, 2021)", "(DHSC, 2021)"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert re.search(rf'{SOURCE}:\d+: citation "DHSC, 2021" matches no work in bib/; if DHSC is short for '
                     r'Department of Health (?:&|and) Social Care, declare it: add the line "DHSC<TAB>Department '
                     r"of Health (?:&|and) Social Care\" to bib/short-names.tsv", result.stderr), result.stderr


def test_a_short_name_other_fixtures_also_declare_keeps_the_build_green(realistic, tmp_path):
    """The principle declared DfE; the fictional principle 42 is added next and declares it again."""
    project = a_copy(realistic, tmp_path)
    (project / "sources" / "zz-fictional.txt").write_text(fixture_42(), encoding="utf-8")
    assert run("practice_site.references.make_bib", project).returncode == 0
    with (project / "bib" / "short-names.tsv").open("a", encoding="utf-8") as tsv:
        tsv.write("DfE\tDepartment for Education\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "DfE is declared again" in result.stderr


def test_citation_like_text_not_read_as_a_citation_is_named_with_its_line(realistic, tmp_path):
    project = a_copy(realistic, tmp_path)
    path = project / SOURCE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(O'Brien, 2017; Oakley, 2016)", "(o'brien, 2017; Oakley, 2016)"), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "(O'Brien, 2017; Oakley, 2016)" in row)
    message = f"{SOURCE}:{line}: \"(o'brien, 2017; Oakley, 2016)\" has a date but is not read as a citation"
    assert message in result.stderr
    report = run("practice_site.references.cite_report", project)
    assert f"Note: {message}" in report.stdout
