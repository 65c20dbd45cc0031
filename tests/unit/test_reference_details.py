"""practice_site.references.reference_details: a reference's details (pages, edition, volume, report number,
description, place and publisher) moved out of the text into their fields."""

from __future__ import annotations

import pytest

from practice_site.references.reference_details import (
    find_details,
    set_publisher,
    take_description,
    take_details,
    take_report_number,
)
from practice_site.references.reference_fields import Reference


def reference() -> Reference:
    return Reference(raw="as written", line=5)


@pytest.mark.parametrize("text, rest, pages, edition, volume", [
    ("Handbook (2nd ed., pp. 37-54)", "Handbook", "37--54", "2", ""),
    ("T (3rd Edition, Volume 12, pp. 1–2)", "T", "1--2", "3", "12"),
    ("T (21st ed.)", "T", "", "21", ""),
    ("T (p. 5)", "T", "5", "", ""),
    ("T (pp. 7)", "T", "7", "", ""),
    ("Report (Vol. 3). Publisher.", "Report . Publisher.", "", "", "3"),  # split at ". " later
    (" (pp. 1-2). Publisher.", ". Publisher.", "1--2", "", ""),  # what follows a chapter's book title
])
def test_bracketed_details_move_into_their_fields(text: str, rest: str, pages: str, edition: str,
                                                  volume: str) -> None:
    ref = reference()
    assert take_details(text, ref) == rest
    assert (ref.pages, ref.edition, ref.volume, ref.notes) == (pages, edition, volume, [])


@pytest.mark.parametrize("text", ["Title (2019). Publisher", "Title (editors). Publisher", "Title (see ed. note)",
                                  "Title. Publisher."])
def test_brackets_without_details_stay_in_the_text(text: str) -> None:
    ref = reference()
    assert take_details(text, ref) == text
    assert (ref.pages, ref.edition, ref.volume) == ("", "", "")


def test_a_first_edition_is_left_out_with_a_note() -> None:
    ref = reference()
    assert take_details("Book (1st edition)", ref) == "Book"
    assert ref.edition == ""
    assert ref.notes == ['"1st ed." left out: APA 7 gives an edition only from the second; record it as an entry '
                         "line in bib/corrections.tsv"]


def test_the_first_bracket_with_details_is_found() -> None:
    match = find_details("A (2019) (2nd ed.) (pp. 3-4)")
    assert match is not None and match.group(0) == "(2nd ed.)"
    assert find_details("A (2019) (draft)") is None


@pytest.mark.parametrize("text, at_start, rest, issue", [
    ("Title (Report No. 123).", False, "Title.", "Report No. 123"),
    ("Title (DFE-RR123)", False, "Title", "DFE-RR123"),
    ("Title (Research report 12)", False, "Title", "Research report 12"),
    (" (Report No. 5). Publisher.", True, ". Publisher.", "Report No. 5"),  # right after an italic title
    ("Title (DFE-RR123)", True, "Title (DFE-RR123)", ""),  # not at the start: another bracket, kept
    ("Title (draft). Publisher", False, "Title (draft). Publisher", ""),  # no number in it
    ("Title (No. 4) more", False, "Title (No. 4) more", ""),  # not at the end of a sentence
])
def test_a_reports_number_moves_into_issue(text: str, at_start: bool, rest: str, issue: str) -> None:
    ref = reference()
    assert take_report_number(text, ref, at_start) == rest
    assert ref.issue == issue


@pytest.mark.parametrize("text, rest, description", [
    ("[Fact sheet]. Publisher", "Publisher", "Fact sheet"),
    ("[Fact sheet] Publisher", "Publisher", "Fact sheet"),
    ("  [Video]. Publisher", "Publisher", "Video"),
    ("Publisher [Fact sheet]", "Publisher [Fact sheet]", ""),  # only at the start
    ("[] Publisher", "[] Publisher", ""),
])
def test_a_bracketed_description_at_the_start_moves_into_description(text: str, rest: str, description: str) -> None:
    ref = reference()
    assert take_description(text, ref) == rest
    assert ref.description == description


@pytest.mark.parametrize("text, publisher, place", [
    ("Routledge", "Routledge", ""),
    ("*Routledge*.", "Routledge", ""),
    ("Department for Education.", "Department for Education", ""),
    ("London: Routledge.", "Routledge", "London"),
    ("Bristol: Policy Press. ", "Policy Press", "Bristol"),
    ("New York: Guilford Press", "Guilford Press", "New York"),
    ("London, UK: Sage Publications.", "Sage Publications", "London, UK"),
    ("Cambridge, MA: Harvard University Press.", "Harvard University Press", "Cambridge, MA"),
])
def test_the_publisher_with_an_older_place_of_publication_split_off(text: str, publisher: str, place: str) -> None:
    ref = reference()
    set_publisher(text, ref)
    assert (ref.publisher, ref.address) == (publisher, place)
    assert ref.notes == ([f'read "{place}" as the place of publication'] if place else [])
