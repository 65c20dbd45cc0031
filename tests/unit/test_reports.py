"""The command-line reports: make cite-report and make links.

This file: the parts that need no build and no browser (the rest are in tests/build/).
"""

from __future__ import annotations

from helpers import ROOT

from practice_site.references.bib_file import read_library
from practice_site.references.cite_report import one_edit_apart, report
from practice_site.references.site_citations import collect_citations, format_citations
from practice_site.sources.load_principles import load_principles


def test_cite_report_is_a_checklist_in_readers_words():
    principles = load_principles(ROOT / "sources", ROOT)
    site = format_citations(collect_citations(ROOT, ROOT / "bib", principles), ROOT / "bib")
    data, _ = read_library(ROOT / "bib", ROOT)
    lines = report(site, data, {p.number: p.path for p in principles})
    text = "\n".join(lines)
    assert "Principle 4 (sources/principle-04.txt):" in text and "Principle 7 (sources/principle-07.txt):" in text
    assert ("  REVIEW sources/principle-04.txt:55: “Brown et al., 2017” is left as written, with no link: no entry "
            "matches (bib/corrections.tsv line ") in text
    assert ("  REVIEW sources/principle-04.txt:33: “Berelowitz et al., 2012” is shown as “Berelowitz et al., 2013”: "
            "the date differs") in text
    assert "“SCIE, n.d.” is a short name for “Social Care Institute for Excellence, n.d.”" in text
    assert "“Scott & McNeish, 2017” is left as written, with no link" in text
    assert "REVIEW “Lefevre et al., 2017”: “Luckcock” is shown as “Luckock” (bib/corrections.tsv line" in text
    assert "REVIEW “Maxwell, 2022”: “Youth Justice” is shown as a journal article" in text
    assert "REVIEW “Care Act Guidance, 2014” has no title" in text
    body = [line for line in lines if line.startswith("  REVIEW")]
    assert len(body) == len(set(body)), "each guess and correction once"
    assert text.count("SCIE, n.d.") == 1 and text.count("Berelowitz et al., 2012") == 1
    assert "ruch2020" not in text, "readers' words, not internal keys"
    assert lines[-1] == "Next: every citation resolves. Check the lines marked REVIEW, then run make site."


def test_names_one_letter_apart():
    assert one_edit_apart("Luckcock", "Luckock")
    assert one_edit_apart("Tadam", "Tedam")
    assert not one_edit_apart("Ruch", "Ruch")
    assert not one_edit_apart("Beckett", "Bellis")
