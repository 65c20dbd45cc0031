"""Every reference on the site is citeproc's own output, in APA order, and the ledger holds.

The site's entries are compared with pandoc's citeproc run directly on the same ``.bib`` files,
writing HTML (no mkdocs-bibtex, no Markdown in between): any character the site adds, drops or
changes fails. The order is checked against APA 7's rules (sections 9.44-9.47), written out here.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypandoc
import pytest
from helpers import ROOT
from support.apa_order import apa_sort_key, entries

from practice_site.references.bib_file import read_library

PANDOC = str(Path(pypandoc.__file__).parent / "files" / "pandoc")


PAGES = ["bibliography.html", "principles/principle-4.html", "principles/principle-7.html"]


def citeproc_direct(keys: list[str], tmp_path: Path) -> dict[str, str]:
    """Pandoc's citeproc on the files in bib/, citing ``keys`` alone, in that order (the style lists works
    in the order they are cited; the site cites them in APA's order, checked by the tests below)."""
    bib = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "bib").glob("*.bib")))
    (tmp_path / "library.bib").write_text(bib, encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text("\n\n".join(f"[@{k}]" for k in keys) + "\n", encoding="utf-8")
    out = subprocess.run([PANDOC, str(document), "--citeproc", "--bibliography", str(tmp_path / "library.bib"),
                          "--csl", str(ROOT / "bib" / "apa.csl"), "-t", "html"],
                         check=True, capture_output=True, text=True).stdout
    return entries(out, "div", "csl-entry")


@pytest.mark.parametrize("path", PAGES)
def test_every_entry_is_exactly_what_citeproc_writes(built_site, tmp_path, path):
    site = entries((built_site / path).read_text(encoding="utf-8"), "p", "reference")
    assert site, f"no reference entries on {path}"
    direct = citeproc_direct(list(site), tmp_path)
    assert list(site) == list(direct), "the site keeps citeproc's order (the order the works are cited in)"
    for key, text in site.items():
        assert text == direct[key], key


@pytest.mark.parametrize("path", PAGES)
def test_reference_lists_are_in_apa_order(built_site, path):
    data, _ = read_library(ROOT / "bib", ROOT)
    shown = list(entries((built_site / path).read_text(encoding="utf-8"), "p", "reference"))
    assert shown == sorted(shown, key=lambda k: apa_sort_key(data.entries[k]))


def test_apa_order_rules_in_the_seeds(built_site):
    shown = list(entries((built_site / "bibliography.html").read_text(encoding="utf-8"), "p", "reference"))
    assert shown.index("socialcare-nd") < shown.index("socialcare2015"), "n.d. before dated works"
    assert shown.index("maxwell2022") < shown.index("maxwell2021"), "one author before the same author with others"
    assert shown.index("beckett2019") < shown.index("beckett2017") < shown.index("beckett2022")


def test_initials_citeproc_adds_for_namesakes_belong_to_the_module_that_lists_both(tmp_path):
    """APA 7 (8.20): initials tell two authors of one surname apart within a reference list; a module that
    lists one of them shows no initials, so a new principle's namesake never changes another module."""
    from practice_site.references.format_apa import format_contexts

    bib = tmp_path / "library.bib"
    bib.write_text("""
@book{lloyd2018, author = {Lloyd, J.}, title = {A}, publisher = {P}, year = {2018}}
@book{lloydk2020, author = {Lloyd, K.}, title = {B}, publisher = {P}, year = {2020}}
@book{ruch2020, author = {Ruch, G.}, title = {C}, publisher = {P}, year = {2020}}
""", encoding="utf-8")
    formatted = format_contexts([bib], ROOT / "bib" / "apa.csl", {"seed": ["lloyd2018", "ruch2020"],
                                                                   "new": ["lloyd2018", "lloydk2020"]})
    assert formatted["site"].labels["lloyd2018"] == "J. Lloyd, 2018"
    assert formatted["seed"].labels["lloyd2018"] == "Lloyd, 2018"
    assert formatted.get("new", formatted["site"]).labels["lloydk2020"] == "K. Lloyd, 2020", "both: initials"


def test_an_act_written_by_hand_as_the_editors_guide_says_reads_as_uk_legal_references_do(tmp_path):
    """The editors' guide, "Writing an entry by hand": an Act is @legislation with its name and chapter as the title."""
    from practice_site.references.format_apa import format_contexts

    bib = tmp_path / "library.bib"
    bib.write_text("@legislation{childrenact1989, title = {Children Act 1989, c. 41}, "
                   "url = {https://www.legislation.gov.uk/ukpga/1989/41}}\n", encoding="utf-8")
    formatted = format_contexts([bib], ROOT / "bib" / "apa.csl", {})
    assert formatted["site"].references["childrenact1989"] == (
        'Children Act 1989, c.\xa041. <a href="https://www.legislation.gov.uk/ukpga/1989/41" class="uri">'
        "https://www.legislation.gov.uk/ukpga/1989/41</a>")
    assert "title = {Children Act 1989, c. 41}" in (ROOT / "guides" / "editors.md").read_text(encoding="utf-8")
