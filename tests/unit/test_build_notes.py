"""practice_site.mkdocs_plugin.build_notes: what the build tells the editor, and when a problem stops it."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from practice_site.mkdocs_plugin import build_notes
from practice_site.mkdocs_plugin.build_notes import QUIZ_RULES, stop_build, stop_or_warn


def test_problems_stop_a_strict_build_all_together() -> None:
    with pytest.raises(PluginError) as stopped:
        stop_or_warn(["docs/a.md:3: one", "docs/b.md:9: two"], strict=True)
    assert str(stopped.value) == "docs/a.md:3: one\ndocs/b.md:9: two"


def test_problems_are_warnings_otherwise_one_line_each(monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(build_notes.log, "warning", warned.append)
    stop_or_warn(["docs/a.md:3: one", "docs/b.md:9: two"], strict=False)
    stop_or_warn([], strict=True)
    assert warned == ["docs/a.md:3: one", "docs/b.md:9: two"]


def test_a_misplaced_block_stops_with_its_own_line_and_the_quiz_rules_say_where_they_are() -> None:
    with pytest.raises(PluginError, match=r"^docs/x\.md:4: a quiz cannot go here$"):
        stop_build("docs/x.md:4: a quiz cannot go here")
    assert 'guides/editors.md, "Writing a quiz"' in QUIZ_RULES and "make quiz-report" in QUIZ_RULES
