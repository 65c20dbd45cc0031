"""JSON files the build keeps (published-links.json, section-history.json), read as every input is."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_site.errors import SourceError
from practice_site.input_files import json_line_of, read_json_input

FIX = "run make links to write it again"


def test_json_is_read_with_its_text(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{\n  "pages": {}\n}\n', encoding="utf-8")
    data, text = read_json_input(tmp_path / "a.json", "a.json", "the list", FIX)
    assert data == {"pages": {}} and json_line_of(text, "pages") == 2 and json_line_of(text, "absent") == 1


@pytest.mark.parametrize("text, message", [
    ('{\n  "pages": \n}', "a.json:3: this is not valid JSON (Expecting value); " + FIX),
    ("[" * 100_000 + "]" * 100_000, "a.json:1: this is nested too deeply to be the list; " + FIX),
    ('{"a": "\x1b"}', "a.json:1: an escape character (U+001B)"),
])
def test_a_damaged_file_names_its_line_and_the_fix(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read_json_input(tmp_path / "a.json", "a.json", "the list", FIX)
    assert str(error.value).startswith(message)
