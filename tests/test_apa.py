"""The APA reference parser on every entry of both reference lists, and on what it must refuse."""

from __future__ import annotations

import pytest
from helpers import SOURCES

from practice_site.apa import ReferenceParseError, parse_reference
from practice_site.parser import parse_principle
from practice_site.source_text import read_source


def entries(name: str):
    path = SOURCES / name
    return parse_principle(read_source(path, name), name).references


ALL = [(name, e) for name in ("principle-04.txt", "principle-07.txt") for e in entries(name)]


@pytest.mark.parametrize(("name", "entry"), ALL, ids=[f"{n}:{e.line}" for n, e in ALL])
def test_every_entry_parses(name, entry):
    ref = parse_reference(entry.text, entry.line)
    assert ref.authors and ref.year
    assert ref.title or ref.url
    assert ref.kind in {"article", "chapter", "book", "report", "web"}


def ref_for(start: str):
    entry = next(e for _, e in ALL if e.text.startswith(start))
    return parse_reference(entry.text, entry.line)


def test_journal_article():
    ref = ref_for("Mason, C. (2012)")
    assert (ref.kind, ref.container, ref.volume, ref.issue, ref.pages) == (
        "article", "Child and Family Social Work", "17", "3", "368--377")
    assert ref.doi == "10.1111/j.1365-2206.2011.00791.x"
    assert ref.title == ("Social work the 'art of relationship': Parents' perspectives on an intensive "
                         "family support project")


def test_article_with_volume_and_issue_as_two_numbers_and_a_short_page_range():
    parton = ref_for("Parton, N. (2012)")
    assert (parton.volume, parton.issue, parton.pages) == ("26", "2", "150--162")
    assert any("volume 26, issue 2" in n for n in parton.notes)
    fine = ref_for("Fine, M.")
    assert fine.pages == "141--158" and any("expanded" in n for n in fine.notes)


def test_article_number_run_into_the_issue():
    ref = ref_for("Ibrahim, N.")
    assert (ref.volume, ref.issue, ref.pages) == ("14", "1", "243")


def test_chapter_in_edited_book():
    ref = ref_for("Allnock, D. (2018)")
    assert ref.kind == "chapter"
    assert [(e.family, e.given) for e in ref.editors] == [("Beckett", "H."), ("Pearce", "J.")]
    assert (ref.container, ref.pages, ref.publisher) == (
        "Understanding and Responding to Child Sexual Exploitation", "37--53", "Routledge")


def test_chapter_with_edition_and_three_editors():
    ref = ref_for("Ruch, G. (2018)")
    assert (ref.edition, ref.pages) == ("2", "37--54")
    assert [e.family for e in ref.editors] == ["Ruch", "Turney", "Ward"]


def test_chapter_details_inside_the_book_title():
    ref = ref_for("Beckett, H. (2019)")
    assert ref.container == "Child Sexual Exploitation: Why theory matters"
    assert (ref.edition, ref.pages, ref.publisher) == ("1", "23--42", "Policy Press")


def test_book_and_a_book_with_pages_read_as_a_chapter():
    hollis = ref_for("Hollis, F.")
    assert (hollis.kind, hollis.title, hollis.publisher) == ("book", "Casework: A Psychosocial Therapy", "Random House")
    cockbain = ref_for("Cockbain, E.")
    assert cockbain.kind == "chapter"
    assert cockbain.container == "Offender and Victim Networks in Human Trafficking"
    assert cockbain.notes, "the guess is reported"


def test_report_with_institution_and_corporate_author():
    ruch = ref_for("Ruch, G. (2020)")
    assert (ruch.kind, ruch.publisher) == ("report", "Research in Practice, Practice Supervisor Development Programme")
    scie = ref_for("Social Care Institute for Excellence (2015)")
    assert scie.authors[0].literal == "Social Care Institute for Excellence"
    assert scie.publisher == ""


def test_web_page_with_accessed_date_and_no_year():
    ref = ref_for("Cambridge Dictionary")
    assert (ref.kind, ref.year, ref.accessed) == ("web", "n.d.", "2022-11-19")
    assert ref.url == "https://dictionary.cambridge.org/dictionary/english/relationship"
    assert "no title in the entry" in ref.notes


def test_names_without_commas_are_read_and_reported():
    berelowitz = ref_for("Berelowitz S.")
    assert [a.family for a in berelowitz.authors] == ["Berelowitz", "Clifton", "Firmin", "Gulyurtlu", "Edwards"]
    assert len(berelowitz.notes) == 5
    darcy = ref_for("D'Arcy, K.")
    assert [a.family for a in darcy.authors] == ["D'Arcy", "Dhaliwal", "Thomas", "Brodie", "Pearce"]
    assert any('"with"' in n for n in darcy.notes)


def test_suffix_and_escaped_underscore():
    catalano = ref_for("Catalano, R.F.")
    assert catalano.authors[4].family == "Irwin" and catalano.authors[4].given == "C.E., Jr."
    allnock = ref_for("Allnock, D., Beckett")
    assert allnock.url.endswith("uob_syrc_learningfromexpertsreport_full-report.pdf")


@pytest.mark.parametrize("raw, problem", [
    ("A reference with no year at all.", r"no \"Author \(Year\)\""),
    ("Smith (2020).", "neither a title nor a web address"),
    ("Smith, J., Jones (2020). *Title*.", 'author "Jones" has no initials'),
    ("Smith, J. (2020). Title. *Journal*, volume nine.", "cannot read volume"),
])
def test_what_the_parser_cannot_read_it_refuses(raw, problem):
    with pytest.raises(ReferenceParseError, match=problem):
        parse_reference(raw, 1)


@pytest.mark.parametrize("raw, expected", [
    ("Smith, J. (2019). Title of an article. *Journal of Things*, 4(2), 10-20. https://doi.org/10.1000/xyz--1",
     {"kind": "article", "doi": "10.1000/xyz--1", "volume": "4", "issue": "2", "pages": "10--20"}),
    ("Smith, J. (2019). Title: A subtitle. *Journal*, 4, 10–20. DOI: 10.1000/abc",
     {"kind": "article", "doi": "10.1000/abc", "title": "Title: A subtitle", "pages": "10--20"}),
    ("Smith, J. (2019). An article. *Journal*, 4(1), 1-9. http://dx.doi.org/10.1000/old",
     {"kind": "article", "doi": "10.1000/old"}),
    ("Smith, J. (2019). An article. *Journal*, 4(1), 1-9. <https://doi.org/10.1000/angle>",
     {"kind": "article", "doi": "10.1000/angle"}),
    ("Office for National Statistics (2021) *Child abuse in England and Wales*. Retrieved from https://www.ons.gov.uk/x",
     {"kind": "report", "url": "https://www.ons.gov.uk/x", "publisher": "",
      "authors": ["Office for National Statistics"]}),
    ("Home Office. (n.d.). *Criminal exploitation of children*. Retrieved 3 May 2021, from https://www.gov.uk/y",
     {"year": "n.d.", "url": "https://www.gov.uk/y", "authors": ["Home Office"], "publisher": ""}),
    ("Department for Education. (2023). *Working together: A guide*. https://www.gov.uk/a--b",
     {"url": "https://www.gov.uk/a--b", "authors": ["Department for Education"], "title": "Working together: A guide"}),
    ("Brown, A., & Green, B. (Eds.). (2015). *An edited book* (2nd ed.). Policy Press.",
     {"kind": "book", "edited": True, "edition": "2", "authors": ["Brown", "Green"], "publisher": "Policy Press"}),
    ("Firmin, C. (2020). *Contextual safeguarding and child protection: Rewriting the rules* (1st ed.). "
     "Routledge. https://doi.org/10.4324/9780429283314",
     {"kind": "book", "doi": "10.4324/9780429283314", "publisher": "Routledge"}),
    ("Lloyd, J. (2018a). *Fictional report one*. Example Institute. https://example.org/one",
     {"year": "2018", "publisher": "Example Institute", "url": "https://example.org/one"}),
    ("Ruch, G. (2010). A chapter. In C. Editor & D. Other (Eds.), *A book* (pp. 10–20). Example Press.",
     {"kind": "chapter", "container": "A book", "pages": "10--20", "publisher": "Example Press"}),
    ("NSPCC. (2020, May 3). *A web page*. https://learning.nspcc.org.uk/a",
     {"year": "2020", "authors": ["NSPCC"], "url": "https://learning.nspcc.org.uk/a"}),
])
def test_common_apa_forms(raw, expected):
    ref = parse_reference(raw, 1)
    for name, value in expected.items():
        got = [a.literal or a.family for a in ref.authors] if name == "authors" else getattr(ref, name)
        assert got == value, (name, got)


def test_a_long_garbage_entry_is_refused_quickly():
    with pytest.raises(ReferenceParseError):
        parse_reference("Word, " * 3000 + "no year here", 1)
