"""section-history.json: fingerprints of each module section's text and when it last changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practice_site.errors import SettingError, SourceError
from practice_site.model.section_history import (
    HISTORY,
    build_time,
    fingerprint,
    frozen_history,
    read_history,
    site_history,
    updated_history,
    write_history,
)
from practice_site.sources.model import Paragraph, Principle, Section

FIRST = "2026-01-05T09:00:00Z"
LATER = "2026-03-02T10:30:00Z"


def section(anchor: str, *texts: str, heading: str = "") -> Section:
    return Section(heading or anchor.title(), anchor, 3, tuple(Paragraph(t, 4 + i) for i, t in enumerate(texts)))


def principle(number: int, *sections: Section) -> Principle:
    return Principle(number, f"Title {number}", f"Short {number}", f"sources/principle-0{number}.txt", 1, sections)


P4 = principle(4, section("summary", "Children need trusted adults."), section("why", "Because it works."))


def recorded(p: Principle, at: str = FIRST) -> dict:
    """The history as make links writes it for ``p`` at ``at``."""
    return updated_history({"modules": {}}, site_history([p], {"modules": {}}, at), at)


def test_a_fingerprint_changes_with_any_word_but_not_with_spacing() -> None:
    base = fingerprint(section("why", "Because it works."))
    assert fingerprint(section("why", "Because  it\nworks.")) == base
    assert fingerprint(section("why", "Because it worked.")) != base
    assert fingerprint(section("why", "Because it works.", heading="Why not")) != base
    assert base.startswith("sha256:")


def test_a_module_not_recorded_yet_has_no_changes_to_flag() -> None:
    """Learners cannot have completed a module before its first record, so nothing is dated."""
    history = site_history([P4], {"modules": {}}, LATER)["principle-4"]
    assert history.first_recorded is None and history.last_changed is None
    assert [s.changed for s in history.sections] == [None, None]


def test_an_unchanged_module_keeps_its_dates() -> None:
    history = site_history([P4], recorded(P4), LATER)["principle-4"]
    assert history.first_recorded == FIRST and history.last_changed is None and history.unrecorded == ()


def test_an_edited_section_and_a_new_one_count_as_changed_now_and_only_they() -> None:
    edited = principle(4, section("summary", "Children need trusted adults."), section("why", "Because it helps."),
                       section("next", "New words."))
    history = site_history([edited], recorded(P4), LATER)["principle-4"]
    assert {s.anchor: s.changed for s in history.sections} == {"summary": None, "why": LATER, "next": LATER}
    assert [s.anchor for s in history.unrecorded] == ["why", "next"] and history.last_changed == LATER


def test_recording_keeps_the_date_of_the_change_not_of_the_next_build() -> None:
    edited = principle(4, section("summary", "Children need trusted adults."), section("why", "Because it helps."))
    again = updated_history(recorded(P4), site_history([edited], recorded(P4), LATER), LATER)
    assert again["modules"]["principle-4"]["recorded"] == FIRST
    history = site_history([edited], again, "2027-01-01T00:00:00Z")["principle-4"]
    assert {s.anchor: s.changed for s in history.sections} == {"summary": None, "why": LATER}


def test_a_module_no_longer_built_keeps_its_record() -> None:
    other = principle(7, section("summary", "Parents."))
    both = updated_history(recorded(P4), site_history([other], recorded(P4), LATER), LATER)
    assert set(both["modules"]) == {"principle-4", "principle-7"}


def test_the_history_a_build_keeps_is_read_only_and_written_as_plain_data(tmp_path: Path) -> None:
    kept = frozen_history(recorded(P4))
    with pytest.raises(TypeError):
        kept["modules"]["principle-4"]["sections"]["summary"]["changed"] = LATER  # type: ignore[index]
    other = principle(7, section("summary", "Parents."))
    write_history(tmp_path / HISTORY, kept, site_history([other], kept, LATER), LATER)
    assert read_history(tmp_path / HISTORY)["modules"]["principle-4"] == recorded(P4)["modules"]["principle-4"]


def test_the_file_is_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / HISTORY
    line = write_history(path, {"modules": {}}, site_history([P4], {"modules": {}}, FIRST), FIRST)
    assert line == f"{HISTORY}: 0 changed or new sections and 1 new modules recorded. Review and commit it."
    assert read_history(path)["modules"] == recorded(P4)["modules"]
    assert read_history(tmp_path / "none.json") == {"about": read_history(path)["about"], "modules": {}}


@pytest.mark.parametrize("text, line, words", [
    ("{", 1, "this is not valid JSON"),
    ("[]", 1, 'the file holds an object with "modules"'),
    ('{\n "modules": {\n  "principle-4": {"recorded": "yesterday", "sections": {}}\n }\n}', 3,
     '"principle-4" is not a module\'s history'),
    ('{"modules": {"principle-4": {"recorded": "2026-01-05T09:00:00Z", "sections": {"a": {"changed": null}}}}}', 1,
     '"principle-4" is not a module\'s history'),
])
def test_a_damaged_file_names_its_line_and_the_fix(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / HISTORY
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read_history(path)
    assert str(error.value).startswith(f"{HISTORY}:{line}: {words}") and "make links" in str(error.value)


def test_the_build_time_can_be_fixed_for_a_reproducible_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    assert build_time() == "2025-12-06T05:46:40Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(SettingError, match="SOURCE_DATE_EPOCH: 'soon' is not a number"):
        build_time()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert json.dumps(build_time()).endswith('Z"')
