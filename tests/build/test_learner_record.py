"""The content note, the committed section history and the learner's safety lines, on built pages.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/ and
tests/browser/test_progress_file.py, tests/browser/test_updated_guidance.py).
"""

from __future__ import annotations

import re
import shutil

import pytest
from helpers import ROOT, build, copy_project, text_of

from practice_site.learning.learner_notes import DEFAULT_CONTENT_NOTE, SAFETY_LINE
from practice_site.model.section_history import HISTORY

MODULE_PAGE = re.compile(r"principle-\d+\.html")


def module_pages(site) -> list:
    pages = sorted(p for p in (site / "principles").iterdir() if MODULE_PAGE.fullmatch(p.name))
    assert any(p.name == "principle-4.html" for p in pages) and any(p.name == "principle-7.html" for p in pages)
    return pages


def test_every_module_opens_with_the_content_note(built_site):
    for page in module_pages(built_site):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):]
        note = article.index('class="content-note"')
        assert article.index("</h1>") < note < article.index('class="module-status-bar"'), page.name
        assert " ".join(text_of(html, "div", "content-note").split()) == f"Content note: {DEFAULT_CONTENT_NOTE}"


def test_an_organisation_sets_its_own_note_and_it_stays_text(tmp_path):
    project = copy_project(tmp_path)
    note = 'Talk to us: <script>alert("x")</script> *staff support* on extension 123.'
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(
        "  - practice-principles:\n", f"  - practice-principles:\n      content_note: '{note}'\n", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    for page in module_pages(project / "site"):
        html = page.read_text(encoding="utf-8")
        assert " ".join(text_of(html, "div", "content-note").split()) == f"Content note: {note}"
        assert "<script>alert" not in html and "<em>staff support</em>" not in html


@pytest.mark.parametrize("value, words", [("''", "it may not be empty"), ("'" + "x" * 700 + "'", "600 characters")])
def test_an_empty_or_overlong_note_stops_the_build_and_says_how_to_fix_it(tmp_path, value, words):
    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(
        "  - practice-principles:\n", f"  - practice-principles:\n      content_note: {value}\n", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "mkdocs.yml: plugins: practice-principles: content_note: " in result.stderr and words in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_the_committed_history_matches_the_sources(tmp_path):
    """Every recorded section's text is as recorded (a principle added since waits for make links)."""
    project = copy_project(tmp_path)
    shutil.copy(ROOT / HISTORY, project / HISTORY)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "sections changed or new since it was written" not in result.stderr, "run make links and commit " + HISTORY


def test_a_damaged_history_stops_the_build_naming_the_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    (project / HISTORY).write_text('{\n  "modules": {\n    "principle-4": []\n  }\n}\n', encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"{HISTORY}:3: \"principle-4\" is not a module's history" in result.stderr and "make links" in result.stderr


def test_my_learning_carries_the_safety_line_and_the_save_controls(built_site):
    html = (built_site / "my-learning.html").read_text(encoding="utf-8")
    assert html.count(SAFETY_LINE) >= 3
    assert "Save my progress to a file</button>" in html and 'type="file" id="progress-load"' in html
    assert "Peer reflection (optional)</legend>" in html


def test_the_record_scripts_load_only_where_their_controls_are(built_site):
    """progress-file.js and my-learning.js are for My learning (and a package's module page), not every page."""
    for page in ("my-learning.html",):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'src="javascripts/progress-file.js"' in html and 'src="javascripts/my-learning.js"' in html
        assert 'href="stylesheets/my-learning.css"' in html
    for page in [*module_pages(built_site), built_site / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert "progress-file.js" not in html and "my-learning.js" not in html and "data-progress-file" not in html
        assert "my-learning.css" not in html
