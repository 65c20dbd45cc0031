"""Titles as make bib writes them: which capitals sentence case keeps, and APA's full stop in a quotation."""

from __future__ import annotations

import pytest

from practice_site.references.apa_titles import as_sentence_case, case_notes, protect, quoted_full_stop
from practice_site.references.parse_reference import parse_reference


@pytest.mark.parametrize("raw, title", [
    ("Pearce, J. (2009). *Young people: 'It's not hidden, you just aren't looking'*. Routledge.",
     "Young people: 'It's not hidden, you just aren't looking.'"),
    ("Quinn, E. (2020). Young people on trust: “Just be there”. *Journal*, 1(2), 3-4.",
     "Young people on trust: “Just be there.”"),
    ("Quinn, E. (2020). *Asked: 'Why?'*. Example Press.", "Asked: 'Why?'"),
    ("Quinn, E. (2020). *Young people: 'Just be there'* (2nd ed.). Example Press.", "Young people: 'Just be there'"),
])
def test_a_title_ending_in_a_quotation_takes_the_full_stop_inside(raw, title):
    assert quoted_full_stop(parse_reference(raw, 1)) == title


def test_a_sentence_case_title_keeps_the_capitals_of_its_names():
    braced = protect("Working with families in Leeds and Bradford", [])
    assert braced == "Working with families in {Leeds} and {Bradford}"
    assert protect("Whose risk? Young people's views", []) == "Whose risk? Young people's views"
    assert protect("Working With Families in Leeds", []) == "Working With Families in Leeds", "title case: left"


def test_a_title_case_title_is_reported_with_how_it_will_read():
    notes = case_notes("Family Group Conferences in Leeds: A Practice Review",
                       protect("Family Group Conferences in Leeds: A Practice Review", []), [])
    assert notes and '"Family group conferences in leeds: A practice review"' in notes[0]
    assert "bib/proper-nouns.txt" in notes[0]
    assert case_notes("Working with families in Leeds", protect("Working with families in Leeds", []), []) == []


def test_a_proper_noun_spelt_as_the_list_has_it_is_reported():
    braced = protect("Contextual safeguarding in schools", ["Contextual Safeguarding"])
    assert braced == "{Contextual Safeguarding} in schools"
    assert case_notes("Contextual safeguarding in schools", braced, ["Contextual Safeguarding"]) == [
        'the title\'s "Contextual safeguarding" is written "Contextual Safeguarding", as bib/proper-nouns.txt has it']


def test_sentence_case_keeps_acronyms_and_the_word_after_a_colon():
    assert as_sentence_case("Child Abuse in the NHS: A Guide") == "Child abuse in the NHS: A guide"


def test_a_capital_sentence_case_adds_is_reported_too():
    """Pandoc capitalises the first word after a colon or question mark: a change make bib says it makes."""
    shown = as_sentence_case("a study: holistic approaches — the end? yes")
    assert shown == "A study: Holistic approaches — the end? Yes"
    title = "Relationship-based practice: holistic approaches"
    assert "Holistic approaches" in case_notes(title, protect(title, []), [])[0]


def test_a_title_already_in_sentence_case_gets_a_note_only_for_the_capital_added():
    title = "Relationship-based practice: holistic approaches in Leeds"
    notes = case_notes(title, protect(title, []), [])
    assert notes == ['the first word after a colon or question mark takes a capital, as APA 7 asks: '
                     '"Relationship-based practice: Holistic approaches in Leeds"']
