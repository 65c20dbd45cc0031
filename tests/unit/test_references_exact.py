"""Every reference on the site is citeproc's own output, in APA order, and the ledger holds.

The site's entries are compared with pandoc's citeproc run directly on the same ``.bib`` files,
writing HTML (no mkdocs-bibtex, no Markdown in between): any character the site adds, drops or
changes fails. The order is checked against APA 7's rules (sections 9.44-9.47), written out here.

This file: the parts that need no build and no browser (the rest are in tests/build/).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import ROOT

from practice_site.references.bib_file import read_library
from practice_site.references.corrections import read_corrections
from practice_site.references.ledger import entry_doubts, entry_problems, unrecorded_changes
from practice_site.references.make_bib import read_proper_nouns


def library():
    data, _ = read_library(ROOT / "bib", ROOT)
    corrections = read_corrections(ROOT / "bib" / "corrections.tsv", "bib/corrections.tsv", set(data.entries))
    return data, corrections


def test_every_edit_to_an_entry_is_in_the_ledger():
    data, corrections = library()
    assert unrecorded_changes(data, corrections, read_proper_nouns(ROOT / "bib" / "proper-nouns.txt")) == []


def test_an_edit_without_a_ledger_line_is_found():
    data, corrections = library()
    data.entries["ruch2020"].fields["title"] = "Practising relationship-based social work: A guide"
    corrections = replace(corrections, items=tuple(c for c in corrections.items
                                                   if not c.written.startswith("lefevre2017 ")))
    found = dict(unrecorded_changes(data, corrections, read_proper_nouns(ROOT / "bib" / "proper-nouns.txt")))
    assert found["ruch2020"] == ["title"]
    assert found["lefevre2017"] == ["author"]


ENTRY = "@{type}{{k,\n  author = {{Smith, A.}},\n{fields}  source-entry = {{{source}}}\n}}\n"


@pytest.mark.parametrize(("kind", "fields", "source", "problem"), [
    ("online", "", "Smith, A. (n.d.). <https://example.org>", "has no title"),
    ("online", "  title = {T},\n", "Smith, A. (n.d.). T. <https://example.org>", "has no date and no retrieval date"),
    ("report", "  title = {T},\n  institution = {Child Abuse & Neglect},\n  year = {2020},\n",
     "Smith, A. (2020). *T*. Child Abuse & Neglect.", "which is a journal; is it an article?"),
    ("report", "  title = {Safety. A guide},\n  year = {2020},\n", "Smith, A. (2020). Safety. A guide.",
     "full stop or a spaced hyphen inside its title"),
    ("article", "  title = {T},\n  journal = {Child Abuse and Neglect},\n  pages = {12},\n  year = {2020},\n",
     "Smith, A. (2020). T. Child Abuse and Neglect, 12.", "gives one page (12)"),
    ("book", "  title = {T},\n  edition = {1},\n  year = {2020},\n", "Smith, A. (2020). T (1st ed.).",
     "gives a first edition"),
    ("article", "  title = {T},\n  journal = {Child Abuse and Neglect},\n  year = {2020},\n",
     "Smith, A. (2020). T. Child Abuse and Neglect.", "names its journal Child Abuse and Neglect; other entries write "
     "Child Abuse & Neglect"),
    ("report", "  title = {T},\n  year = {2020},\n", "Smith, A. with Jones, B. (2020). T.", 'names people "with"'),
])
def test_source_level_faults_are_named(kind, fields, source, problem):
    from pybtex.database import parse_string

    data, corrections = library()
    entry = parse_string(ENTRY.format(type=kind, fields=fields, source=source), "bibtex").entries["k"]
    journals = {"child abuse neglect": {"Child Abuse & Neglect"}}
    if "journal" in fields:
        journals["child abuse neglect"].add(entry.fields["journal"])
    assert any(problem in text for text, _ in entry_problems(entry, journals)), entry_problems(entry, journals)
    data.entries["k"] = entry
    assert any(d.key == "k" and problem in d.problem for d in entry_doubts(data, corrections))


def test_an_entry_make_bib_could_not_read_is_flagged_until_written_by_hand():
    from pybtex.database import parse_string

    from practice_site.references.bib_file import to_bibtex
    from practice_site.references.read_reference import read_one

    wording = "Okafor, N. Listening to parents: A practice guide. Example Press, 2021."
    ref, problem = read_one(wording, 1)
    assert problem and ref.kind == "misc"
    entry = parse_string(to_bibtex(ref, "k", []), "bibtex").entries["k"]
    assert any("Writing an entry by hand" in problem for problem, _ in entry_problems(entry, {}))
    written = parse_string("@book{k, author = {Okafor, N.}, title = {Listening to parents}, publisher = {P}, "
                           f"year = {{2021}}, source-entry = {{{wording}}}}}", "bibtex").entries["k"]
    assert not any("Writing an entry by hand" in problem for problem, _ in entry_problems(written, {}))
    assert unrecorded_changes(parse_string(to_bibtex(ref, "k", []), "bibtex"), library()[1], []) == []
