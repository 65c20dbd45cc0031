"""Shared by the addresses tests in unit/, build/ and browser/: the address, and the site built with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build, copy_project

ADDRESS = "https://example.org/training/"


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Path:
    """The site built with its address given at build time, as SITE_URL=... make site would."""
    project = copy_project(tmp_path_factory.mktemp("addressed"))
    result = build(project, env={"SITE_URL": ADDRESS})
    assert result.returncode == 0, result.stderr
    return project / "site"
