"""Fixtures: one real build of the site, shared by every test that reads it; markers by folder.

Tests live in ``unit/`` (plain functions: no build, no browser), ``extensions/`` (Markdown in, HTML
out, for each Markdown extension: unit tests too), ``build/`` (a real build, bundle, package or tool
run) and ``browser/`` (headless Chromium), each in any folder below those. Each test is marked with
its kind, so ``pytest -m unit`` runs the fast ones alone.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, build_full_site, copy_full_project, serving

# Fixtures shared by a topic's build and browser tests (one build each, for the whole run).
pytest_plugins = ["support.addresses", "support.bundle", "support.hostile_inputs", "support.lms",
                  "support.new_principle", "support.realistic_principle", "support.security"]

KINDS = ("unit", "build", "browser")
FOLDER_KINDS = {**{kind: kind for kind in KINDS}, "extensions": "unit"}  # tests/FOLDER/... -> its kind
TESTS = Path(__file__).parent
# Never in a unit test: the real build, the browser, and the builds tests/support/ makes for a topic.
HEAVY = {"built_site", "offline_copy", "build_log", "site_url", "browser", "page", "addressed_site", "bundle_zip",
         "unzipped", "lms_dist", "lms_host", "flow", "served", "new_lms", "hostile_site", "realistic",
         "hostile_baseline"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its folder (unit, build or browser); a unit test may not build or open a browser."""
    for item in items:
        parts = item.path.relative_to(TESTS).parts
        kind = FOLDER_KINDS.get(parts[0]) if len(parts) > 1 else None
        if kind is None:
            raise pytest.UsageError(f"{item.nodeid}: put the test in tests/unit, tests/extensions, tests/build "
                                    "or tests/browser")
        if kind == "unit" and (heavy := HEAVY & set(item.fixturenames)):
            raise pytest.UsageError(f"{item.nodeid} uses {', '.join(sorted(heavy))}: move it to tests/build "
                                    "or tests/browser")
        item.add_marker(kind)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real project as make site does (strict, with its offline copy) once; return its site folder."""
    project = copy_full_project(tmp_path_factory.mktemp("project"))
    result = build_full_site(project)
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr)
    (project / "build.out").write_text(result.stdout)
    return project / "site"


@pytest.fixture(scope="session")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy the built site offers for download, unzipped (its folder)."""
    (archive,) = (built_site / "downloads").glob("*.zip")
    target = tmp_path_factory.mktemp("offline copy")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    (folder,) = target.iterdir()
    return folder


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything the real build printed."""
    return (built_site.parent / "build.log").read_text()




@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1 (search needs a web worker, so not file://)."""
    with serving(built_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab; any request to a host other than the local server fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def record(request) -> None:
        if not request.url.startswith((site_url, "data:", "blob:")):
            outside.append(request.url)

    # Recorded, not routed: routing rewrites navigations and drops their #fragment. The browser's
    # proxy (CHROMIUM_ARGS) already makes every non-loopback request fail.
    context.on("request", record)
    tab = context.new_page()
    tab.outside_requests = outside
    yield tab
    context.close()
    assert outside == [], f"requests left the site: {outside}"
