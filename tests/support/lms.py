"""Shared by the lms tests in unit/, build/ and browser/."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_full_project
from lms_host import (
    run_make_lms,
)


@pytest.fixture(scope="session")
def lms_dist(tmp_path_factory) -> Path:
    project = copy_full_project(tmp_path_factory.mktemp("lms project"))
    result = run_make_lms(project)
    assert result.returncode == 0, result.stderr
    (project / "make-lms.out").write_text(result.stdout)
    return project / "dist" / "lms"
