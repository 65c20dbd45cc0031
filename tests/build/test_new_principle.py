"""A principle the project has never had goes through the README's steps and keeps every word.

The fixture (tests/fixtures/principle-42.txt) is fictional. It is written like the published
principles and holds every feature the generator must handle: narrative, multi-year and
short-name citations, a work shared with a seed principle, a different work by a seed's author
and year, a DOI written as a URL and as ``doi:``, a numbered and a nested list, a level-4 heading,
a block quote, a URL with ``--``, a heading that shares a name with a generated section, and
Windows line endings.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import urlsplit

from helpers import article, missing_or_out_of_order, text_of, words
from lms_host import package
from support.new_principle import MODULE, NUMBER, fixture_text


def test_make_bib_reads_every_entry_and_reuses_the_shared_work(flow):
    result = flow["make_bib"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sources/zz-fictional.txt" in result.stdout and "pearce2009" in result.stdout
    bib = (flow["project"] / "bib" / "references.bib").read_text(encoding="utf-8")
    before = flow["bib_before"]
    added = [line for line in bib.splitlines() if line not in before.splitlines()]
    assert any(re.match(r"\s*source-entry-\d+ = \{Pearce, J\. J\. \(2009\)", line) for line in added)
    assert [line for line in before.splitlines() if line not in bib.splitlines()] == [], "existing entries kept"
    assert bib.count("@book{pearce2009") + bib.count("@report{pearce2009") == 1
    assert "doi = {10.1234/jtf.2021.045}" in bib and "doi = {10.1234/jtf.2022.001}" in bib
    assert "https://www.gov.uk/government/publications/fictional--guidance" in bib


def test_cite_report_is_a_checklist_that_ends_with_one_next_step(flow):
    result = flow["report"]
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"Principle {NUMBER} (sources/zz-fictional.txt)") for line in lines)
    assert any("DfE, 2023" in line and "REVIEW" in line for line in lines)
    assert lines[-1].startswith("Next: ") and "make site" in lines[-1] and "make bib" not in lines[-1]


def test_strict_build_passes_with_a_notice_for_the_missing_quiz(flow):
    result = flow["build"]
    assert result.returncode == 0, result.stderr
    assert f"sources/zz-fictional.txt: principle {NUMBER} has no knowledge check yet" in result.stderr
    page = (flow["project"] / "site" / MODULE).read_text(encoding="utf-8")
    assert 'id="check-your-understanding"' not in page and "Reflect" not in text_of(page)


def test_adding_a_principle_changes_no_letter_of_another_module(flow):
    site, before = flow["project"] / "site", flow["project"] / "before"
    for page in ("principles/principle-4.html", "principles/principle-7.html"):
        assert article(site, page) == article(before, page)


def test_module_keeps_every_word_in_order(flow):
    source = fixture_text()
    body = source.split("## Research summary references")[0]
    body = re.sub(r"\([^()]*\d{4}[a-z]?[^()]*\)", " ", body)  # citations are re-formatted
    body = re.sub(r"(?m)^\s*(\d+\.|-)\s", " ", body)  # list markers
    expected = words(body)
    shown = words(text_of((flow["project"] / "site" / MODULE).read_text(encoding="utf-8")))
    assert missing_or_out_of_order(expected, shown) == ""


def test_structure_is_kept(flow):
    page = article(flow["project"] / "site", MODULE)
    assert re.search(r'<h3 id="why-pace-matters">Why PACE matters', page)
    assert re.search(r"<ol>\s*<li>Copy the project\.</li>\s*<li>Add the fictional principle\.\s*<ul>", page)
    assert "<blockquote>" in page
    assert 'id="check-your-understanding-2"' in page
    assert 'href="https://www.gov.uk/government/publications/fictional--guidance">' in page
    assert "<code>make--site</code>" in page
    assert "\x00" not in page and "\r" not in page


def test_every_citation_is_linked_as_apa_writes_it(flow):
    page = article(flow["project"] / "site", MODULE)

    def cite(key: str, text: str) -> str:
        return f'<a class="citation" href="#ref-{key}">{text}</a>'

    assert f"Hanson ({cite('hanson2016', '2016')}) argues" in page
    assert f"Hanson's ({cite('hanson2016', '2016')}) study" in page
    assert "Hanson (Hanson" not in page
    assert re.search(r'\(<a class="citation" href="#ref-lloyd2018a?">Lloyd, 2018a</a>, '
                     r'<a class="citation" href="#ref-lloyd2018b">2018b</a>;', page)
    assert f"(Department for Education [DfE], {cite('departmentfor2023', '2023')})" not in page
    assert f"The Department for Education (DfE, {cite('departmentfor2023', '2023')}) published" in page
    assert f"({cite('departmentfor2023', 'DfE, 2023')}, para. 2)" in page
    assert f"the DfE ({cite('departmentfor2023', '2023')}) says" in page
    assert f"({cite('pearce2009', 'Pearce, 2009')}, p. 12)" in page
    assert re.search(r"see also <a class=\"citation\" href=\"#ref-ruch2010\">Ruch, 2010</a>", page)
    assert re.search(r"\(<a class=\"citation\" href=\"#ref-hanson2016\">Hanson, 2016</a>, pp\. 3–4\)", page)
    assert f"Tester and Sample ({cite('tester2021', '2021')}) describe" in page
    assert re.search(r'Tester et al\. \(<a class="citation" href="#ref-tester2022a?">2022a</a>, '
                     r'<a class="citation" href="#ref-tester2022b">2022b</a>\)', page)


def test_shared_work_has_one_entry_and_its_own_label(flow):
    site = flow["project"] / "site"
    bibliography = (site / "bibliography.html").read_text(encoding="utf-8")
    assert bibliography.count('id="ref-pearce2009"') == 1
    p4 = article(site, "principles/principle-4.html")
    assert '<a class="citation" href="#ref-ruch2020">Ruch, 2020</a>' in p4


def test_in_a_package_a_link_to_another_module_opens_the_published_site(new_lms):
    """The fixture's "(see Practice Principle 4)" links to a page that is not in the package."""
    dist, _ = new_lms
    with zipfile.ZipFile(package(dist, f"principle-{NUMBER}", "2004")) as opened:
        page = opened.read(MODULE).decode()
        files = set(opened.namelist())
    link = re.search(r'<a href="([^"]+)"[^>]*>Practice Principle 4(.*?)</a>', page)
    assert link, "the cross-reference is not a link"
    assert link.group(1) == "https://example.org/training/principles/principle-4.html"
    assert 'target="_blank"' in link.group(0) and "(opens in a new tab)" in link.group(2)
    links = [urlsplit(href) for href in re.findall(r'<a [^>]*href="([^"]*)"', page)]
    relative = [link.path for link in links if not link.scheme and link.path]
    assert [path for path in relative if posixpath.normpath(posixpath.join("principles", path)) not in files] == []
