"""No build made through the Makefile prints Material's end-of-life banner.

Material prints it from the ``mkdocs`` command (``mkdocs build``, ``python -m mkdocs``) unless NO_MKDOCS_2_WARNING
is set. The Makefile exports it to every command it runs (``make serve`` runs ``mkdocs serve`` on it alone), and
the build scripts set it again for the builds they start. Here ``make`` runs in a copy of the project whose
.venv is this one, with the variable taken out of the environment it is given, so only the Makefile can set it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, copy_full_project

BANNER = "end of life"  # "Material for MkDocs reaches end of life on May 5, 2027."
MKDOCS_COMMAND = ROOT / ".venv" / "bin" / "mkdocs"
# Not from a user's shell: the variable under test (make test exports it to pytest), its ProperDocs
# counterpart, the settings of other builds, and those of the make running these tests.
LEFT_OUT = {"NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", "SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS",
            "RECORD_LINKS", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}


def shell_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in LEFT_OUT}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project that runs the Makefile's commands with this .venv and node_modules."""
    project = copy_full_project(tmp_path_factory.mktemp("project"))
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The project's Makefile run in ``project``; its tools are taken as made (-o), so nothing is installed."""
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project),
                           "-o", ".venv/site.stamp", "-o", "node_modules/.package-lock.json", *args],
                          capture_output=True, text=True, env=shell_env(), timeout=600)


def test_the_mkdocs_command_prints_the_banner_without_the_variable(project, tmp_path):
    """The banner the tests below look for is there to be found: without the variable, mkdocs prints it."""
    run = subprocess.run([str(MKDOCS_COMMAND), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                         cwd=project, capture_output=True, text=True, env=shell_env(), timeout=300)
    assert run.returncode == 0, run.stderr
    assert BANNER in run.stderr


def test_the_makefile_gives_its_commands_the_variable(project, tmp_path):
    """The mkdocs command run as make serve runs it (a build, which ends) prints no banner."""
    rule = f"banner-check: ; $(BIN)/mkdocs build --strict --site-dir {tmp_path / 'site'}"
    run = make(project, "--eval", rule, "banner-check")
    assert run.returncode == 0, run.stderr
    assert "Documentation built" in run.stderr
    assert BANNER not in run.stderr + run.stdout


def test_make_site_prints_no_banner(project):
    run = make(project, "site")
    assert run.returncode == 0, run.stderr
    assert "Site built in" in run.stdout
    assert BANNER not in run.stderr + run.stdout
