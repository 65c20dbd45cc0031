"""Quiz files are checked before anything is built: every mistake names its file and line.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/).
"""

from __future__ import annotations

from helpers import ROOT, build, copy_project, missing_number
from support.quiz_format import GOOD


def test_a_bad_quiz_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    quiz = project / "docs" / "quizzes" / "principle-7.md"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("    section: summary", "    section: nowhere", 1), encoding="utf-8")
    lines = text.splitlines()
    header = max(i for i in range(lines.index("    section: summary")) if lines[i].startswith("/// quiz")) + 1
    result = build(project)
    assert result.returncode != 0
    assert f'docs/quizzes/principle-7.md:{header}: the module has no section "#nowhere"' in result.stderr
    assert not (project / "site").exists()


def test_a_quiz_file_for_a_missing_principle_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    number = missing_number()
    (project / "docs" / "quizzes" / f"principle-{number}.md").write_text(GOOD, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/quizzes/principle-{number}.md:1: no principle has this number" in result.stderr


def test_a_quiz_or_session_block_on_another_page_stops_the_build_at_its_line(tmp_path):
    """Questions go in quiz files and agendas in docs/sessions/; written elsewhere, even nested in a note or a
    list, the build stops naming the file and line. An example in a code block or a <pre> is left alone."""
    quiz = (ROOT / "docs" / "quizzes" / "principle-7.md").read_text(encoding="utf-8")
    known = next(line.split(":", 1)[1].strip() for line in quiz.splitlines() if line.startswith("    id:"))
    examples = f"```text\n/// quiz\n    id: {known}\n///\n```\n\n<pre>\n/// session | Shown as text\n</pre>\n\n"
    cases = {
        "quiz": (f"!!! note\n\n    /// quiz\n        id: {known}\n    ///\n", 3,
                 "knowledge-check questions are written in the module's quiz file (docs/quizzes/principle-N.md)"),
        "session": ("- A list item:\n\n    /// session | A plan\n    - 5 | Welcome.\n    ///\n", 3,
                    "session plans are pages of their own in docs/sessions/"),
    }
    for name, (block, offset, where) in cases.items():
        project = copy_project(tmp_path / name)
        page = project / "docs" / "credits.md"
        text = page.read_text(encoding="utf-8") + "\n" + examples
        page.write_text(text + block, encoding="utf-8")
        result = build(project)
        assert result.returncode != 0
        line = len(text.splitlines()) + offset
        assert f"docs/credits.md:{line}: a /// {name} block cannot go on this page; {where}" in result.stderr
        assert "Traceback" not in result.stderr
    page.write_text(text, encoding="utf-8")
    assert build(project).returncode == 0, "the examples alone build"
