"""make lms refuses what make site refuses, with the same FILE:LINE message (issue 28: one reader per file).

A few rows of the hostile-input table (tests/support/hostile_inputs.py), one per kind of input file,
built the way ``make lms`` builds: each must stop with the row's message, no traceback, and no package.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from support.hostile_inputs import ROWS, TIMEOUT, TRACEBACK, Baseline

SAME = ["source-control-character", "bib-not-utf8", "corrections-control-character", "quiz-comment-between-blocks",
        "quiz-nul-in-question", "session-not-utf8", "yml-python-tag-runs-code", "yml-hooks-run-code"]
BY_ID = {row.id: row for row in ROWS}


@pytest.mark.parametrize("row_id", SAME)
def test_make_lms_refuses_as_make_site_does(row_id: str, hostile_baseline: Baseline, tmp_path):
    row = BY_ID[row_id]
    assert row.outcome == "refused"
    project, outside = hostile_baseline.copy_to(tmp_path)
    row.edit(project, outside)
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"}}
    result = subprocess.run([sys.executable, "-m", "practice_site.lms.build"], cwd=project, text=True,
                            capture_output=True, timeout=TIMEOUT, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{row_id}: make lms built it\n{output[-2000:]}"
    assert re.search(row.pattern, output), f"{row_id}: make lms does not say {row.pattern!r}\n{output[-2000:]}"
    assert TRACEBACK not in output, output[-2000:]
    assert not (project / "dist" / "lms").exists(), "a package was written"
    assert not (project / "pwned.txt").exists(), "code written in mkdocs.yml ran"
