"""Citations on the built site: links, APA reference lists, one label per work, errors, one pandoc run.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from helpers import build, copy_project, text_of
from support.citations_site import page

MODULES = {4: "principles/principle-4.html", 7: "principles/principle-7.html"}


def reference_texts(source: str) -> dict[str, str]:
    """key -> the reference's visible text, for every reference entry on a page."""
    found = re.findall(r'<p class="reference" id="ref-([^"]+)">(.*?)</p>', source, re.DOTALL)
    return {key: " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split()) for key, body in found}


# Hand-checked APA 7 strings, one or more of each type the principles cite, with the rule each
# shows (section numbers of the Publication Manual, 7th edition, 2020, chapters 9 and 10).
PINNED = {
    "mason2012": ("Mason, C. (2012). Social work the “art of relationship”: Parents’ perspectives on an intensive "
                  "family support project. Child & Family Social Work, 17(3), 368–377. "
                  "https://doi.org/10.1111/j.1365-2206.2011.00791.x",
                  "10.1 journal article with DOI; 9.25 journal title as the journal writes it; 6.11 double "
                  "quotation marks for a quotation in a title"),
    "bellis2017": ("Bellis, M. A., Hardcastle, K., Ford, K., Hughes, K., Ashton, K., Quigg, Z., & Butler, N. (2017). "
                   "Does continuous trusted adult support in childhood impart life-course resilience against adverse "
                   "childhood experiences? A retrospective study on adult health-harming behaviours and mental "
                   "well-being. BMC Psychiatry, 17(1), Article 110.",
                   "9.27 article number written as 'Article N'; 9.8 up to 20 authors"),
    "maxwell2022": ("Maxwell, N. (2022). I’m trying to save my family: Parent experiences of child criminal "
                    "exploitation. Youth Justice. https://doi.org/10.1177/14732254221122559",
                    "10.1 example 7, article published online with no volume yet; 6.17 sentence case, subtitle "
                    "capitalised"),
    "crisma2004": ("Crisma, M., Bascelli, E., Paci, D., & Romito, P. (2004). Adolescents who experienced sexual "
                   "abuse: Fears, needs and impediments to disclosure. Child Abuse & Neglect, 28(10), 1035–1048.",
                   "10.1 journal article without DOI; 6.6 en dash in page ranges"),
    "catalano2012": ("Catalano, R. F., Fagan, A. A., Gavin, L. E., Greenberg, M. T., Irwin, C. E., Jr., Ross, D. A., "
                     "& Shek, D. T. (2012). Worldwide application of prevention science in adolescent health. "
                     "The Lancet, 379(9826), 1653–1664.", "9.8 'Jr.' after the initials"),
    "lefevre2017": ("Lefevre, M., Hickle, K., Luckock, B., & Ruch, G. (2017). Building trust with children and young "
                    "people at risk of child sexual exploitation: The professional challenge. British Journal of "
                    "Social Work, 47(8), 2456–2473. https://doi.org/10.1093/bjsw/bcw181",
                    "9.8 ampersand before the last author; 9.34 DOI as a web address"),
    "allnock2018": ("Allnock, D. (2018). Disclosure of CSE and other forms of child sexual abuse. In H. Beckett & "
                    "J. Pearce (Eds.), Understanding and responding to child sexual exploitation (pp. 37–53). "
                    "Routledge.", "10.3 chapter in an edited book; 9.10 editors' initials first"),
    "ruch2018": ("Ruch, G. (2018). Theoretical frameworks informing relationship-based practice. In G. Ruch, "
                 "D. Turney, & A. Ward (Eds.), Relationship-based social work: Getting to the heart of practice "
                 "(2nd ed., pp. 37–54). Jessica Kingsley Publishers.", "10.3 chapter; 9.28 edition with the pages"),
    "beckett2019": ("Beckett, H. (2019). Moving beyond discourses of agency, gain and blame: Reconceptualising young "
                    "people’s experiences of sexual exploitation. In J. Pearce (Ed.), Child sexual exploitation: Why "
                    "theory matters (pp. 23–42). Policy Press.", "9.28 a first edition is not given"),
    "hollis1964": ("Hollis, F. (1964). Casework: A psychosocial therapy. Random House.", "10.2 authored book"),
    "firmin2020": ("Firmin, C. (2020). Contextual Safeguarding and child protection: Rewriting the rules. Routledge.",
                   "10.2 book; 6.17 a proper noun keeps its capitals in sentence case; 9.28 no first edition"),
    "ruch2020": ("Ruch, G. (2020). Practising relationship-based social work. Research in Practice, Practice "
                 "Supervisor Development Programme.", "10.4 report by an author, published by an organisation"),
    "beckett2017": ("Beckett, H., Holmes, D., & Walker, J. (2017). Child sexual exploitation: Definition & guide for "
                    "professionals: Extended text. University of Bedfordshire; Research in Practice.",
                    "10.4 report; 9.29 two publishers separated by a semicolon; 9.19 subtitle after a colon"),
    "darcy2015": ("D’Arcy, K., Dhaliwal, S., & Thomas, R. (2015). Families and Communities Against Child Sexual "
                  "Exploitation (FCASE) final evaluation report. University of Bedfordshire.",
                  "9.8 the authors only; 6.17 a programme's name keeps its capitals"),
    "socialcare2015": ("Social Care Institute for Excellence. (2015). Strengths-based approaches for assessment and "
                       "eligibility under the Care Act 2014. https://www.scie.org.uk/strengths-based-approaches/"
                       "guidance", "9.11 group author; 9.24 publisher left out when it is the author"),
    "tacklingchild2022": ("Tackling Child Exploitation Support Programme. (2022). Joining the Dots. "
                          "https://tce.researchinpractice.org.uk/joining-the-dots/",
                          "10.16 web page by a group author; 6.17 a framework's name keeps its capitals"),
    "careinquiry2013": ("Care Inquiry. (2013). Making not breaking—Building relationships for our most vulnerable "
                        "children. https://www.nuffieldfoundation.org/sites/default/files/files/Care%20Inquiry%20-%20"
                        "Full%20Report%20April%202013.pdf",
                        "6.17 the first word after an em dash is capitalised; 9.35 the address as given"),
    "coffey2014": ("Coffey, A. (2014). Real voices: Child sexual exploitation in Greater Manchester. "
                   "https://www.scie-socialcareonline.org.uk/real-voices-child-sexual-exploitation-in-greater-"
                   "manchester/r/a11G0000006YtJ3IAK", "10.16 web page; 9.19 subtitle after a colon"),
    "cambridgedictionary-nd": ("Cambridge Dictionary. (n.d.). Relationship. In Cambridge Dictionary. Retrieved "
                               "November 19, 2022, from https://dictionary.cambridge.org/dictionary/english/"
                               "relationship",
                               "10.3 example 36, dictionary entry; 9.16 retrieval date for a page that changes"),
}


@pytest.mark.parametrize("key", PINNED)
def test_rendered_reference_is_pinned(built_site, key):
    texts = {**reference_texts(page(built_site, MODULES[4])), **reference_texts(page(built_site, MODULES[7]))}
    assert texts[key] == PINNED[key][0], PINNED[key][1]


def test_italics_where_apa_puts_them(built_site):
    p4 = page(built_site, MODULES[4])
    assert "<em>Child &amp; Family Social Work</em>, <em>17</em>(3)" in p4
    assert "<em>Casework: A psychosocial therapy</em>. Random House." in p4
    assert "(Eds.), <em>Understanding and responding to child sexual exploitation</em> (pp.&nbsp;37–53)" in p4


@pytest.mark.parametrize("number", MODULES)
def test_reference_list_is_alphabetical_apa_with_no_debris(built_site, number):
    source = page(built_site, MODULES[number])
    texts = list(reference_texts(source).values())
    assert len(texts) == {4: 49, 7: 24}[number]
    for text in texts:
        assert "--" not in text and "\\" not in text and "{" not in text and "*" not in text
    dois = re.findall(r'href="(https?://[^"]*doi[^"]*)"', source)
    assert dois and all(d.startswith("https://doi.org/10.") for d in dois)


def test_reference_lists_keep_citeprocs_apa_order(built_site):
    """APA: one author alone before that author with others, n.d. before dated works (not re-sorted)."""
    p4 = list(reference_texts(page(built_site, MODULES[4])))
    p7 = list(reference_texts(page(built_site, MODULES[7])))
    assert p7.index("maxwell2022") < p7.index("maxwell2021")
    assert p4.index("socialcare-nd") < p4.index("socialcare2015")
    assert p4.index("ruch2005") < p4.index("ruch2018") < p4.index("ruch2020")


def test_dashes_are_characters_and_web_addresses_are_untouched(built_site):
    texts = reference_texts(page(built_site, MODULES[4]))
    assert "Making not breaking—Building relationships" in texts["careinquiry2013"]
    assert "–-" not in " ".join(texts.values())


def test_proper_nouns_and_acronyms_keep_their_capitals(built_site):
    texts = {**reference_texts(page(built_site, MODULES[4])), **reference_texts(page(built_site, MODULES[7]))}
    assert "Greater Manchester" in texts["coffey2014"]
    assert "Wales" in texts["hallett2019"] and "Wales" in texts["maxwell2021"]
    assert "(FCASE)" in texts["darcy2015"]
    assert "Child & Family Social Work" in texts["ruch2005"]


def test_publisher_is_omitted_when_it_is_the_author(built_site):
    texts = reference_texts(page(built_site, MODULES[4]))
    assert texts["socialcare2015"].count("Social Care Institute for Excellence") == 1


@pytest.mark.parametrize("number", MODULES)
def test_every_citation_links_to_an_entry(built_site, number):
    source = page(built_site, MODULES[number])
    links = re.findall(r'<a class="citation" href="#ref-([^"]+)">', source)
    assert links
    ids = set(re.findall(r'id="ref-([^"]+)"', source))
    assert set(links) <= ids
    assert 'class="footnote-ref" href="#fn:' not in source.replace('href="#fn:1"', ""), "no citation footnotes"


def test_in_text_citations_are_apa_author_date(built_site):
    p4, p7 = page(built_site, MODULES[4]), page(built_site, MODULES[7])
    assert '(<a class="citation" href="#ref-ruch2020">Ruch, 2020</a>, p. 3)' in p4
    assert ('(<a class="citation" href="#ref-berelowitz2013">Berelowitz et al., 2013</a>; '
            '<a class="citation" href="#ref-coffey2014">Coffey, 2014</a>;') in p4
    assert ('(<a class="citation" href="#ref-catalano2012">Catalano et al., 2012</a>; '
            '<a class="citation" href="#ref-allnock2022">Allnock et al., 2022</a>)') in p4
    assert ('(<a class="citation" href="#ref-firmin2017">Firmin, 2017</a>, '
            '<a class="citation" href="#ref-firmin2020">2020</a>)') in p7
    assert '<a class="citation" href="#ref-tedam2022">Tedam &amp; Cane, 2022</a>' in p7
    assert "Tadam" not in text_of(p7).split("We corrected")[0]


def test_citation_with_no_entry_is_shown_as_written(built_site):
    p4 = page(built_site, MODULES[4])
    assert "harm (Brown et al., 2017) and moving" in p4
    assert ("The text cites “Brown et al., 2017”, which no reference list holds; it is shown as written, "
            "without a link.") in html.unescape(p4)


def test_a_citation_matching_no_author_and_year_is_missing_not_repointed(built_site):
    p7 = page(built_site, MODULES[7])
    assert "(Scott &amp; McNeish, 2017)" in p7 or "Scott &amp; McNeish, 2017" in p7
    assert not re.search(r'href="#ref-scott2019">[^<]*2017', p7)
    assert "The text cites “Scott & McNeish, 2017”, which no reference list holds" in html.unescape(p7)


def test_corrections_are_explained_on_the_module(built_site):
    notes = " ".join(text_of(page(built_site, MODULES[4])).split())
    assert ("The text cites “Berelowitz et al., 2012”; this site links it to “Berelowitz et al., 2013”. The "
            "reference list dates this report 2013") in notes
    assert ("In the reference list, the entry for “Lefevre et al., 2017” has “Luckcock”; this site shows "
            "“Luckock”.") in notes
    assert "The text cites “TCE, 2022”; the reference list names the author “Tackling Child Exploitation" in notes


def test_corrections_note_is_collapsed_counted_and_kept_out_of_search(built_site):
    source = page(built_site, MODULES[4])
    note = re.search(r'<details class="corrections-note"([^>]*)>\s*<summary>([^<]+)</summary>', source)
    assert note and "open" not in note.group(1) and "data-search-exclude" in note.group(1)
    assert re.fullmatch(r"We corrected \d+ citations? and \d+ references?; see details", note.group(2))
    docs = json.loads((built_site / "search" / "search-data.json").read_text(encoding="utf-8"))["docs"]
    module_docs = [d for d in docs if d["location"].startswith("principles/principle-4.html")]
    assert module_docs and not any("this site links it to" in d["text"] or "Luckcock" in d["text"]
                                   for d in module_docs)


def test_one_work_has_one_label_on_every_page(built_site):
    labels: dict[str, set[str]] = {}
    for path in list(MODULES.values()):
        links = re.findall(r'<a class="citation" href="[^"]*#ref-([^"]+)">([^<]+)</a>', page(built_site, path))
        for key, label in links:
            if not re.fullmatch(r"\d{4}[a-z]?|n\.d\.", label):
                labels.setdefault(key, set()).add(label)
    assert labels and all(len(v) == 1 for v in labels.values()), labels


def test_bibliography_lists_every_work_once_with_links_to_modules(built_site):
    source = page(built_site, "bibliography.html")
    keys = re.findall(r'<p class="reference" data-search-exclude(?:="[^"]*")? id="ref-([^"]+)">', source)
    assert keys and len(keys) == len(set(keys))
    assert {"ruch2020", "maxwell2022", "socialcare-nd"} <= set(keys)
    assert 'Cited in <a href="principles/principle-4.html#ref-ruch2020">Practice Principle 4</a>' in source
    assert "Luckcock" in source and "Berelowitz et al., 2012" in source


def test_bibliography_corrections_speak_to_readers(built_site):
    text = " ".join(text_of(page(built_site, "bibliography.html")).split())
    assert "The text cites “Berelowitz et al., 2012”; this site links it to “Berelowitz et al., 2013”" in text
    assert "the entry for “Maxwell, 2022” as a journal article" in text
    assert "berelowitz2013" not in text and "corrections.tsv" not in text, "no internal keys or file paths"


def test_footer_handle_is_not_a_citation(built_site):
    credits = page(built_site, "credits.html")
    assert "@researchIP" in credits and 'class="citation"' not in credits


def test_unrecorded_missing_citation_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path)
    path = project / "sources" / "principle-07.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "the starting point.", "the starting point (Nobody & Else, 1999)."), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert ('sources/principle-07.txt:13: citation "Nobody & Else, 1999" matches no work in bib/; '
            "add the work to the reference list and run make bib, or record it in bib/corrections.tsv") in result.stderr
    assert not (project / "site").exists()
    formatted = list((project / ".cache").rglob("citations-*.json"))
    assert not formatted, "it stops before citeproc formats (and caches) the library"


@pytest.mark.parametrize("damage, expected", [
    (lambda bib: bib + "\n@article{broken,\n  title = {no end\n", "bib/references.bib:"),
    (lambda bib: bib + "\n@article{ruch2020,\n  title = {Again},\n  year = {2020}\n}\n",
     'the key "ruch2020" is already used on line'),
])
def test_bad_bib_stops_the_build(tmp_path, damage, expected):
    project = copy_project(tmp_path)
    bib = project / "bib" / "references.bib"
    bib.write_text(damage(bib.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and expected in result.stderr
    assert not (project / "site").exists()


def test_mapping_line_pointing_at_a_missing_key_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    path = project / "bib" / "corrections.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "cite\tRuch, 2021\truch2021\tA test.\tno\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f'bib/corrections.tsv:{text.count(chr(10)) + 1}: "ruch2021" is not a key in bib/' in result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize(("line", "expected"), [
    ("cite\tScott & McNeish, 2017\tscott2019\tA guess.\tno",
     "agrees with it on neither the names nor the year; if no entry is this work, make it a missing line"),
    ("entry\tlefevre2019 author: Luckcock\tLuckock\tA test.\tno",
     "the reference list's wording of lefevre2019 does not contain \"Luckcock\""),
    ("entry\truch2020 title: Practising\tPractice\tA test.\tno",
     "ruch2020's title is \"Practising relationship-based social work\", not \"Practice\""),
])
def test_a_ledger_line_that_does_not_hold_stops_the_build(tmp_path, line, expected):
    project = copy_project(tmp_path)
    path = project / "bib" / "corrections.tsv"
    text = path.read_text(encoding="utf-8")
    if line.startswith("cite\tScott"):
        text = "".join(row for row in text.splitlines(keepends=True) if "Scott & McNeish" not in row)
    path.write_text(text + line + "\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"bib/corrections.tsv:{text.count(chr(10)) + 1}: " in result.stderr
    assert expected in result.stderr
    assert not (project / "site").exists()


def test_pandoc_runs_do_not_grow_with_pages(tmp_path, monkeypatch):
    small = copy_project(tmp_path / "small")
    runs = count_pandoc_runs(small, monkeypatch)
    large = copy_project(tmp_path / "large")
    for n in range(10, 16):
        text = (large / "sources" / "principle-04.txt").read_text(encoding="utf-8")
        (large / "sources" / f"principle-{n}.txt").write_text(text.replace("## 4. ", f"## {n}. ", 1), encoding="utf-8")
    assert count_pandoc_runs(large, monkeypatch) == runs


def count_pandoc_runs(project: Path, monkeypatch) -> int:
    """Build ``project`` in this process and count the pandoc conversions it asks for."""
    import pypandoc
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    calls = []
    real = pypandoc.convert_text
    monkeypatch.setattr(pypandoc, "convert_text", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.chdir(project)
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return len(calls)
