"""Shared by the bundle tests in unit/, build/ and browser/."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, copy_project

from practice_site.bundle.make_bundle import make_bundle


def bundle_project(dest: Path) -> Path:
    """A copy of the project that can make a bundle (with the npm files it needs)."""
    project = copy_project(dest)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project

@pytest.fixture(scope="session")
def bundle_zip(tmp_path_factory) -> Path:
    project = bundle_project(tmp_path_factory.mktemp("bundle-project"))
    return make_bundle(project, project / "dist")

@pytest.fixture(scope="session")
def unzipped(bundle_zip, tmp_path_factory) -> Path:
    """The bundle unzipped somewhere else, in a folder whose name has a space, as on a shared drive."""
    target = tmp_path_factory.mktemp("usb stick")
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder
