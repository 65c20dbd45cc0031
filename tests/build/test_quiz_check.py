"""Item-writing checks (quiz_check.py) and the stable shuffled order of options.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/).
"""

from __future__ import annotations

from helpers import ROOT, build, copy_project

from practice_site.learning.quiz_check import (
    display_order,
)
from practice_site.learning.quiz_format import parse_quiz_file


def test_the_module_page_shows_the_shuffled_order(built_site):
    path = ROOT / "docs" / "quizzes" / "principle-4.md"
    first = parse_quiz_file(path.read_text(encoding="utf-8"), path.name).questions[0]
    html = (built_site / "principles" / "principle-4.html").read_text(encoding="utf-8")
    form = html.split(f'id="question-{first.id}"', 1)[1].split("</fieldset>", 1)[0]
    shown = [form.index(f'id="{first.id}-{chr(97 + i)}"') for i in range(len(first.choices))]
    order = sorted(range(len(shown)), key=shown.__getitem__)
    assert order == display_order(first.id, len(first.choices))


def test_a_strict_build_stops_on_a_poorly_written_question(tmp_path):
    project = copy_project(tmp_path)
    path = project / "docs" / "quizzes" / "principle-4.md"
    text = path.read_text(encoding="utf-8")
    option = next(line for line in text.splitlines() if line.startswith("- [ ]"))
    path.write_text(text.replace(option, "- [ ] None of the above", 1), encoding="utf-8")
    line = text.splitlines().index(option) + 1
    result = build(project)
    assert result.returncode != 0
    expected = f'docs/quizzes/principle-4.md:{line}: "None of the above" lets a learner answer by elimination'
    assert expected in result.stderr
    assert not (project / "site" / "index.html").exists()
