"""A learner's path, driven in Chromium on a phone and a laptop: the first visit, a return visit,
completing a module, the CPD record as text and in print, keyboard reach, layout stability and
narrow screens. Seed modules are checked by name; nothing here counts modules.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

from helpers import build, copy_project


def test_a_home_page_without_the_start_line_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("<!-- start-action -->", ""), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "docs/index.md: the line <!-- start-action --> is missing" in result.stderr
    assert not (project / "site" / "index.html").exists()
