"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site as MkDocs, with no MkDocs installed.

``make test`` makes ``.venv-properdocs/`` from requirements-properdocs.txt (ProperDocs in place of MkDocs, every
other pin requirements.txt's). The project is built once with each, in two copies of it (each with its own
citation cache, so both run pandoc), and every file of the two sites is compared byte for byte.

What may differ, found by comparing the two builds: only Material's ``<meta name="generator">`` tag, which names
the generator's version ("mkdocs-1.6.1" against "mkdocs-ProperDocs 1.6.7"). Nothing else in the site names it:
the footer's "Made with" link is off (``extra.generator: false``), and the search index, assets, scripts and
redirect pages are identical. Dates: without a site address no sitemap is written, and both builds get the same
SOURCE_DATE_EPOCH, so a sitemap (its <lastmod> dates and the gzip header's time) would match too.

Without ``.venv-properdocs`` the tests fail, saying to run ``make test``; SKIP_PROPERDOCS=1 skips them instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import MKDOCS, ROOT, copy_project

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS = PROPERDOCS_VENV / "bin" / "properdocs"
# Material's tag (base.html: content="mkdocs-{{ mkdocs_version }}, mkdocs-material-VERSION"), as each names itself.
GENERATOR = re.compile(r'<meta name="generator" content="mkdocs-(\d+\.\d+\.\d+|ProperDocs \d+\.\d+\.\d+), '
                       r'mkdocs-material-\d+\.\d+\.\d+">')
SAME_GENERATOR = '<meta name="generator" content="GENERATOR">'
# Left out of the builds' environment: what make site, make bundle and make lms set to build another way.
OTHER_BUILDS = {"SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS", "RECORD_LINKS"}
ONLY_FOR_MKDOCS = {"mkdocs", "mkdocs-get-deps"}  # in requirements.txt, not in requirements-properdocs.txt
ONLY_FOR_PROPERDOCS = {"properdocs", "setuptools"}  # setuptools: see requirements-properdocs.txt


def pins(name: str) -> dict[str, str]:
    """A requirements file's pins: normalised name -> version (every line must pin one exact version)."""
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9.]+)", line.strip())
            assert match, f"{name}: not an exact pin: {line!r}"
            found[normalised(match[1])] = match[2]
    return found


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def properdocs_env() -> Path:
    """The ProperDocs venv's folder; fails (or skips, with SKIP_PROPERDOCS=1) when it was never made."""
    if not PROPERDOCS.is_file():
        message = (f"{PROPERDOCS.relative_to(ROOT)} is missing: run `make test` (or `make "
                   f"{PROPERDOCS_VENV.name}/site.stamp`), which makes it from requirements-properdocs.txt")
        if os.environ.get("SKIP_PROPERDOCS") == "1":
            pytest.skip(message)
        pytest.fail(message)
    return PROPERDOCS_VENV


def build_with(command: list[str], project: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in OTHER_BUILDS}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([*command, "--strict", "--site-dir", "site"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """The project built by MkDocs (this venv) and by ProperDocs (its own): each one's run and site folder."""
    venv = properdocs_env()
    # As a user would run it: ProperDocs finds mkdocs.yml (its legacy name) and says so in an INFO line.
    commands = {"mkdocs": [*MKDOCS, "build"], "properdocs": [str(venv / "bin" / "properdocs"), "build"]}
    done = {}
    for name, command in commands.items():
        project = copy_project(tmp_path_factory.mktemp(name))
        shutil.copy(ROOT / "published-links.json", project)  # as in the repository: its redirects and checks
        done[name] = (build_with(command, project), project / "site")
    return done


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def comparable(path: Path) -> bytes:
    """The file's bytes; in a page, its generator tag made the same (the first one only: the head's)."""
    data = path.read_bytes()
    if path.suffix == ".html":
        data = GENERATOR.sub(SAME_GENERATOR, data.decode("utf-8"), count=1).encode("utf-8")
    return data


def differences(one: Path, other: Path) -> list[str]:
    """What differs between two built sites, but for the generator tag: files missing from one, or changed."""
    ones, others = files(one), files(other)
    found = [f"only in the {'first' if name in ones else 'second'}: {name}"
             for name in sorted(ones.keys() ^ others.keys())]
    return found + [f"differs: {name}" for name in sorted(ones.keys() & others.keys())
                    if comparable(ones[name]) != comparable(others[name])]


def test_requirements_pin_what_requirements_txt_pins_with_properdocs_for_mkdocs():
    mkdocs, properdocs = pins("requirements.txt"), pins("requirements-properdocs.txt")
    assert set(mkdocs) - set(properdocs) == ONLY_FOR_MKDOCS
    assert set(properdocs) - set(mkdocs) == ONLY_FOR_PROPERDOCS
    changed = {name: (mkdocs[name], properdocs[name]) for name in mkdocs.keys() & properdocs.keys()
               if mkdocs[name] != properdocs[name]}
    assert changed == {}, "requirements-properdocs.txt must pin what requirements.txt pins"


def test_the_properdocs_env_holds_exactly_its_pins_and_no_mkdocs():
    python = str(properdocs_env() / "bin" / "python")
    listed = subprocess.run([python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
                            capture_output=True, text=True, timeout=120, check=True)
    installed = {normalised(p["name"]): p["version"] for p in json.loads(listed.stdout)}
    assert installed.pop("practice-site", None), "the project's plugin is installed (make installs it with -e .)"
    installed.pop("pip")
    assert installed == pins("requirements-properdocs.txt"), "stale: rm -rf .venv-properdocs and run make test"
    # pip check: nothing missing but the mkdocs that mkdocs-material and mkdocs-bibtex declare, which
    # ProperDocs stands in for.
    check = subprocess.run([python, "-m", "pip", "check", "--disable-pip-version-check"],
                           capture_output=True, text=True, timeout=120)
    unmet = check.stdout.splitlines()
    assert sorted(line.split()[0] for line in unmet) == ["mkdocs-bibtex", "mkdocs-material"], check.stdout
    assert all(line.endswith(" requires mkdocs, which is not installed.") for line in unmet), check.stdout


def test_both_build_strictly_with_the_same_messages(builds):
    logs = {}
    for name, (run, _) in builds.items():
        assert run.returncode == 0, f"{name}:\n{run.stderr}"
        assert "WARNING" not in run.stderr and "end of life" not in run.stderr, f"{name}:\n{run.stderr}"
        # Both read the .bib files and ran citeproc (no citation cache carried over).
        assert "Loading data from bib files" in run.stderr, name
        logs[name] = [line for line in run.stderr.splitlines() if "practice_site:" in line]
    assert logs["mkdocs"] and logs["mkdocs"] == logs["properdocs"]


def test_every_file_is_the_same_but_the_generator_tag(builds):
    (_, mkdocs_site), (_, properdocs_site) = builds["mkdocs"], builds["properdocs"]
    assert len(files(mkdocs_site)) > 40
    assert differences(mkdocs_site, properdocs_site) == []


def test_each_page_names_its_own_generator(builds):
    """The tag the comparison sets aside is there, and says which built the page (so two MkDocs builds
    compared, or a ProperDocs that no longer names itself, would show here)."""
    expected = {"mkdocs": pins("requirements.txt")["mkdocs"],
                "properdocs": "ProperDocs " + pins("requirements-properdocs.txt")["properdocs"]}
    named = {}
    for name, (_, site) in builds.items():
        pages = {page: GENERATOR.findall(path.read_text(encoding="utf-8"))
                 for page, path in files(site).items() if page.endswith(".html")}
        named[name] = {page for page, found in pages.items() if found}
        assert all(found in ([], [expected[name]]) for found in pages.values()), name
    assert len(named["mkdocs"]) >= 8 and named["mkdocs"] == named["properdocs"]


def test_the_comparison_finds_a_changed_page_or_a_missing_file(builds, tmp_path):
    _, site = builds["mkdocs"]
    copy = shutil.copytree(site, tmp_path / "copy")
    assert differences(site, copy) == []
    home = copy / "index.html"
    html = home.read_text(encoding="utf-8")
    assert "<article" in html
    home.write_text(html.replace("<article", '<article data-changed=""', 1), encoding="utf-8")
    (copy / "credits.html").unlink()
    page = copy / "accessibility.html"  # the generator named a second time, outside the head's tag
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"></body>'),
        encoding="utf-8")
    assert differences(site, copy) == ["only in the first: credits.html", "differs: accessibility.html",
                                       "differs: index.html"]
