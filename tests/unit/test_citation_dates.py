"""practice_site.references.citation_dates: how APA 7 dates a work (a year, "n.d.", "in press", "forthcoming", each
with an optional letter), read from what authors write and from the library, and filed in APA's order."""

from __future__ import annotations

import pytest

from practice_site.references.citation_dates import entry_date, filing_rank, is_date, normalise_date, split_letter


@pytest.mark.parametrize("text", [
    "2018", "2018a", " 2018 ", "n.d", "n.d.", "nd", "n. d.", "n.d.-a", "n.d.a", "n.d.-A", "no date", "No date",
    "in press", "In press", "in-press", "in press-b", "In press-B", "forthcoming", "Forthcoming-a",
])
def test_dates_as_authors_write_them(text: str) -> None:
    assert is_date(text)


@pytest.mark.parametrize("text", [
    "18", "20188", "2018ab", "2018A", "n.d.-ab", "nda", "inpress", "press", "Ruch 2018", "2018: 5", "", "in  press",
])
def test_what_is_not_a_date(text: str) -> None:
    assert not is_date(text)


@pytest.mark.parametrize("text, apa", [
    ("2018", "2018"), ("2018a", "2018a"), (" 2018 ", "2018"),
    ("n.d", "n.d."), ("n. d.", "n.d."), ("nd", "n.d."), ("no date", "n.d."), ("No date", "n.d."), ("n.d.", "n.d."),
    ("n.d.a", "n.d.-a"), ("n.d.-A", "n.d.-a"),
    ("In press", "in press"), ("in-press", "in press"), ("In  press", "in press"), ("in press-A", "in press-a"),
    ("Forthcoming", "forthcoming"), ("Forthcoming-B", "forthcoming-b"),
])
def test_a_date_is_written_as_apa_writes_it(text: str, apa: str) -> None:
    assert normalise_date(text) == apa


@pytest.mark.parametrize("date, parts", [
    ("2018", ("2018", "")), ("2018a", ("2018", "a")), ("n.d.", ("n.d.", "")), ("n.d.-a", ("n.d.", "a")),
    ("nd", ("n.d.", "")), ("n.d.b", ("n.d.", "b")), ("In press-B", ("in press", "b")), ("in press", ("in press", "")),
    ("forthcoming-c", ("forthcoming", "c")),
])
def test_a_dates_letter_is_split_from_it(date: str, parts: tuple[str, str]) -> None:
    assert split_letter(date) == parts


@pytest.mark.parametrize("fields, date", [
    ({"year": "2019"}, "2019"),
    ({"year": " 2019 ", "pubstate": "inpress"}, "2019"),  # a year wins over a status
    ({"pubstate": "inpress"}, "in press"),
    ({"pubstate": "In Press"}, "in press"),
    ({"pubstate": "in-press"}, "in press"),
    ({"year": "", "pubstate": "forthcoming"}, "forthcoming"),
    ({"pubstate": "submitted"}, "n.d."),  # a status APA does not date by
    ({"year": None}, "n.d."),
    ({}, "n.d."),
])
def test_a_library_entrys_date(fields: dict[str, str | None], date: str) -> None:
    assert entry_date(fields) == date


def test_filing_rank_puts_undated_works_first_then_years_then_in_press_and_forthcoming() -> None:
    """APA 7 (9.46). Letters do not change the rank (titles order those), so works of one rank keep their order."""
    dates = ["in press", "2019", "n.d.-b", "2018a", "forthcoming", "n.d.", "2018", "nd"]
    assert sorted(dates, key=filing_rank) == ["n.d.-b", "n.d.", "nd", "2018a", "2018", "2019", "forthcoming",
                                             "in press"]


@pytest.mark.parametrize("date, rank", [
    ("n.d.", (0, "")), ("n.d.-a", (0, "")), ("2018a", (1, "2018")), ("2021", (1, "2021")),
    ("in press", (2, "in press")), ("In press-b", (2, "in press")), ("forthcoming", (2, "forthcoming")),
])
def test_filing_rank(date: str, rank: tuple[int, str]) -> None:
    assert filing_rank(date) == rank
