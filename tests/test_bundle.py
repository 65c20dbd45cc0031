"""The offline workshop bundle: reproducible, small, self-contained, and working from file://."""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, answer_key, copy_project, open_search, type_search
from playwright.sync_api import expect

from practice_site.bundle.make_bundle import make_bundle

BUDGET = 400 * 1024


def bundle_project(dest: Path) -> Path:
    """A copy of the project that can make a bundle (with the npm files it needs)."""
    project = copy_project(dest)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project


@pytest.fixture(scope="module")
def bundle_zip(tmp_path_factory) -> Path:
    project = bundle_project(tmp_path_factory.mktemp("bundle-project"))
    return make_bundle(project, project / "dist")


@pytest.fixture(scope="module")
def unzipped(bundle_zip, tmp_path_factory) -> Path:
    """The bundle unzipped somewhere else, in a folder whose name has a space, as on a shared drive."""
    target = tmp_path_factory.mktemp("usb stick")
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


def test_bundle_name_and_layout(bundle_zip):
    assert re.fullmatch(r"practice-principles-offline-\d+\.\d+\.\d+\.zip", bundle_zip.name)
    with zipfile.ZipFile(bundle_zip) as archive:
        names = archive.namelist()
    folder = bundle_zip.stem
    assert all(name.startswith(f"{folder}/") for name in names)
    for needed in ("index.html", "README.txt", "principles/principle-4.html", "search/search_index.js",
                   "assets/javascripts/iframe-worker-shim.js"):
        assert f"{folder}/{needed}" in names


def test_bundle_is_within_its_size_budget(bundle_zip):
    assert bundle_zip.stat().st_size <= BUDGET


def test_bundle_carries_only_what_the_site_uses(unzipped):
    files = [p for p in unzipped.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix == ".map"]
    assert not (unzipped / "assets" / "javascripts" / "lunr").exists()
    assert not list(unzipped.glob("sitemap.xml*"))
    loaders = [p for p in files if p.suffix in {".html", ".js", ".css"}]
    pages = "".join(p.read_text(encoding="utf-8") for p in loaders)
    for path in files:
        if path.suffix == ".html" or path.name == "README.txt":
            continue
        assert path.name in pages, f"{path.relative_to(unzipped)} is never loaded"
    for path in unzipped.rglob("*.js"):
        assert b"sourceMappingURL" not in path.read_bytes()


def test_no_page_refers_to_another_host_for_its_assets(unzipped):
    for page in unzipped.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r"(?:src|href)=\"(?:https?:)?//", tag), f"{page.name}: {tag}"
        assert "unpkg.com" not in html


def test_bundle_is_reproducible(bundle_zip, tmp_path):
    again = make_bundle(bundle_project(tmp_path), tmp_path / "dist")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (bundle_zip, again)]
    assert digest[0] == digest[1]
    with zipfile.ZipFile(again) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        names = archive.namelist()
    assert names == sorted(names)


def test_failed_build_leaves_no_zip(tmp_path):
    project = bundle_project(tmp_path)
    dist = project / "dist"
    good = make_bundle(project, dist)
    (project / "sources" / "zz-bad.txt").write_bytes(b"")
    with pytest.raises(RuntimeError, match="sources/zz-bad.txt:1: the file is empty"):
        make_bundle(project, dist)
    assert not good.exists()
    assert list(dist.iterdir()) == []


def test_readme_explains_how_to_open_it_and_where_progress_stays(unzipped):
    readme = " ".join((unzipped / "README.txt").read_text(encoding="utf-8").split())
    assert "double-click index.html" in readme
    assert "stays in this browser on this computer" in readme


@pytest.fixture
def offline_page(browser):
    """A tab in which every request that is not file:// is aborted and counted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file:"), refuse)
    tab = context.new_page()
    tab.refused = refused
    violations: list[str] = []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield tab
    context.close()
    assert violations == [], "the policy blocked something the bundle needs"


def test_bundle_works_from_file_with_the_network_off(offline_page, unzipped):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name="7. Approach parents and carers as partners").first.click()
    expect(page.locator("article h1")).to_contain_text("Practice Principle 7")

    open_search(page)
    type_search(page, "trusted relationships")
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if "#" in href:
            break
    assert "#" in href
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^file://.*principle-\d\.html(\?[^#]*)?#"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()

    page.goto((unzipped / "principles" / "principle-4.html").as_uri())
    page.locator("a.footnote-ref").first.click()
    expect(page.locator("[id='fn:1']")).to_be_in_viewport()
    page.locator("a.citation[href='#ref-ruch2020']").first.click()
    expect(page.locator("#ref-ruch2020")).to_be_in_viewport()
    expect(page.locator("#ref-ruch2020")).to_contain_text("Practising relationship-based social work")

    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    expect(page.locator("#question-p4-defined .quiz-feedback")).to_contain_text("Correct.")
    page.reload()
    expect(page.locator("#p4-defined-b")).to_be_checked()
    assert page.refused == []


def test_progress_survives_unzipping_the_bundle_somewhere_else(offline_page, bundle_zip, unzipped, tmp_path):
    """Progress is keyed by module, not by page address: a second copy in another folder sees it."""
    page = offline_page
    page.goto((unzipped / "principles" / "principle-7.html").as_uri())
    page.locator("#p7-one-size-b").check()
    page.locator("#question-p7-one-size .quiz-check").click()
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(tmp_path / "another place")
    (moved,) = (tmp_path / "another place").iterdir()
    page.goto((moved / "principles" / "principle-7.html").as_uri())
    expect(page.locator("#p7-one-size-b")).to_be_checked()
    page.goto((moved / "my-learning.html").as_uri())
    record = page.locator(".my-learning-module[aria-labelledby='principle-7']")
    expect(record).to_contain_text(f"1 of {len(answer_key(7))} answered")
    page.goto((moved / "index.html").as_uri())
    expect(page.locator("[data-card-module='principle-7'] .module-status")).to_have_text("◐ In progress")
    expect(page.locator("#start-action")).to_have_text(re.compile("^Continue: Principle 7"))
    nav = page.locator("nav.md-nav--primary a.md-nav__link[href$='principle-7.html']").first
    expect(nav).to_have_accessible_name(re.compile(r"\(in progress\)$"))
    assert page.refused == []


def test_section_links_have_the_same_shape_online_and_offline(unzipped, built_site):
    for page in ("principles/principle-4.html", "principles/principle-7.html"):
        online = re.findall(r'id="([^"]+)"', (built_site / page).read_text(encoding="utf-8"))
        offline = re.findall(r'id="([^"]+)"', (unzipped / page).read_text(encoding="utf-8"))
        assert online == offline
