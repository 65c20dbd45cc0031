"""bib/short-names.tsv: one line per short name, apostrophes either way, the same line twice accepted."""

from __future__ import annotations

import pytest

from practice_site.errors import SourceError
from practice_site.references.short_names import read_short_names

ORGANISATIONS = ["Department of Children’s Services", "Department for Education", "Department of Health & Social Care"]


def read(tmp_path, text: str):
    path = tmp_path / "short-names.tsv"
    path.write_text(text, encoding="utf-8")
    return read_short_names(path, "bib/short-names.tsv", ORGANISATIONS)


def test_an_editors_straight_apostrophe_and_and_find_the_organisation(tmp_path):
    found = read(tmp_path, "DCS\tDepartment of Children's Services\nDHSC\tDepartment of Health and Social Care\n")
    assert dict(found.names) == {"DCS": "Department of Children’s Services",
                                 "DHSC": "Department of Health & Social Care"}


def test_the_same_line_twice_is_read_once_with_a_note(tmp_path):
    found = read(tmp_path, "# comment\nDfE\tDepartment for Education\nDfE\tDepartment for Education\n")
    assert dict(found.names) == {"DfE": "Department for Education"}
    assert found.notes == ("bib/short-names.tsv:3: DfE is declared again (as on line 2); the line is read once, "
                           "and either can go",)


def test_one_short_name_for_two_organisations_is_an_error_naming_the_line(tmp_path):
    with pytest.raises(SourceError) as error:
        read(tmp_path, "DfE\tDepartment for Education\nDfE\tDepartment of Children's Services\n")
    assert str(error.value).startswith("bib/short-names.tsv:2: ")
    assert "line 1" in str(error.value)
