"""Fixtures: one real build of the site, shared by every test that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real project (strict) once; return its site folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr)
    return project / "site"


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything the real build printed."""
    return (built_site.parent / "build.log").read_text()
