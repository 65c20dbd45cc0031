"""The offline workshop bundle: reproducible, small, self-contained, and working from file://.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import hashlib
import re
import zipfile

import pytest
from support.bundle import bundle_project

from practice_site.bundle.make_bundle import make_bundle

BUDGET = 400 * 1024


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


def test_section_links_have_the_same_shape_online_and_offline(unzipped, built_site):
    for page in ("principles/principle-4.html", "principles/principle-7.html"):
        online = re.findall(r'id="([^"]+)"', (built_site / page).read_text(encoding="utf-8"))
        offline = re.findall(r'id="([^"]+)"', (unzipped / page).read_text(encoding="utf-8"))
        assert online == offline
