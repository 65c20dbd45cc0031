"""practice_site.references.citation_names: what can be the names in a citation (capitalised names, names with
particles, not months or seasons) and the names a narrative citation's sentence ends in."""

from __future__ import annotations

import pytest

from practice_site.references.citation_names import (
    is_name,
    names_for_short_name,
    narrative_names,
    starts_with_particle,
)


@pytest.mark.parametrize("words, expected", [
    (["de", "Vries"], True),
    (["van", "den", "Berg"], True),
    (["d'Souza"], True),
    (["l’Estrange"], True),
    (["al-Hassan"], True),
    (["de"], False),  # a particle alone
    (["de", "vries"], False),  # no capitalised name after it
    (["Vries"], False),  # no particle
    ([], False),
])
def test_a_name_that_starts_with_a_particle(words: list[str], expected: bool) -> None:
    assert starts_with_particle(words) is expected


@pytest.mark.parametrize("text", ["Ruch", "DfE", "Mayhew", "de Vries", "van den Berg", "d'Souza", "Ruch and Turney"])
def test_what_can_be_a_citations_names(text: str) -> None:
    assert is_name(text)


@pytest.mark.parametrize("text", ["ruch", "May", "May 2019", "March", "Spring", "winter", "the DfE", "", "  "])
def test_months_seasons_and_lower_case_words_are_not_names(text: str) -> None:
    assert not is_name(text)


@pytest.mark.parametrize("before, names", [
    ("As Hanson and Holmes'", ["Hanson and Holmes", "Holmes"]),
    ("As Hanson and Holmes’s", ["Hanson and Holmes", "Holmes"]),
    ("the DfE", ["DfE"]),
    ("as de Vries", ["de Vries", "Vries"]),
    ("as van der Linden", ["van der Linden", "Linden"]),  # never "der Linden": the particle is part of the name
    ("as d'Souza", ["d'Souza"]),
    ("research by Beckett & Walker", ["Beckett & Walker", "Walker"]),
    ("According to Hanson", ["Hanson"]),
    ("the Department for Education", ["Department for Education", "Education"]),
    ("Castellano et al.", ["Castellano et al."]),
    ("Castellano and colleagues", ["Castellano et al."]),  # names a work as "et al." does
    ("Hanson and Holmes and others", ["Hanson and Holmes et al.", "Holmes et al."]),
])
def test_the_names_a_narrative_citations_sentence_ends_in_longest_first(before: str, names: list[str]) -> None:
    assert narrative_names(before) == names


@pytest.mark.parametrize("before", [
    "", " ", "As Firmin,", "In May", "As shown by Ruch (see also)", "the research", "As",
])
def test_text_that_does_not_end_in_a_name(before: str) -> None:
    assert narrative_names(before) == []


def test_only_the_last_twelve_words_are_read() -> None:
    assert narrative_names(" ".join(["Word"] * 20)) == [" ".join(["Word"] * n) for n in range(12, 0, -1)]


def test_the_names_an_organisations_short_name_stands_for() -> None:
    candidates = narrative_names("the Department for Education")
    assert names_for_short_name(candidates, "DfE") == ["Department for Education", "Education"]
    assert names_for_short_name(candidates, "D.f.E.") == ["Department for Education", "Education"]
    assert names_for_short_name(narrative_names("and the Department of Health and Social Care"), "DHSC") == [
        "Department of Health and Social Care", "Health and Social Care", "Social Care", "Care"]


@pytest.mark.parametrize("candidates, short", [
    (["First"], "DfE"),  # "First (DfE, 2023)" is a parenthetical citation, not a narrative one
    ([], "DfE"),
    (["Department for Education"], "DHSC"),
])
def test_no_names_when_no_phrase_is_the_organisation(candidates: list[str], short: str) -> None:
    assert names_for_short_name(candidates, short) == []
