"""The published address (site_url / SITE_URL), the 404 page and the offline copy offered for download.

This file: the checks in Chromium (the rest are in tests/unit/, tests/build/).
"""

from __future__ import annotations

import re
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from practice_site.model.offline_copy import size_label


class SubPathServer:
    """Serves a site folder under /training/, answering any other address with its 404 page."""

    def __init__(self, root: Path) -> None:
        root_dir = root

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                path = unquote(urlsplit(self.path).path)
                target = root_dir / path.removeprefix("/training/") if path.startswith("/training/") else None
                if target is not None and target.is_dir():
                    target = target / "index.html"
                if target is not None and target.is_file() and root_dir.resolve() in target.resolve().parents:
                    status, body = 200, target.read_bytes()
                else:
                    status, body = 404, (root_dir / "404.html").read_bytes()
                kind = {".css": "text/css", ".js": "text/javascript", ".json": "application/json",
                        ".png": "image/png", ".svg": "image/svg+xml"}.get(Path(path).suffix, "text/html")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sub_path_page(browser):
    """A tab that records failed requests (any 404 other than the page itself is a broken link)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.failed = []
    tab.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document" and tab.failed.append(r.url))
    yield tab
    context.close()


def check_not_found_page(tab, home: str) -> None:
    """The 404 page helps: styled, a search box, every module, a link home, and the links work."""
    expect(tab.locator("h1")).to_have_text("Page not found")
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert tab.failed == [], tab.failed
    modules = tab.locator(".not-found-modules a")
    expect(modules.first).to_be_visible()
    for link in modules.all():
        assert link.evaluate("a => a.href").startswith(home + "principles/")
    assert tab.get_by_role("link", name="Go to the home page").evaluate("a => a.href") == home + "index.html"
    tab.get_by_label("Words to search for").fill("golden thread")
    tab.get_by_role("search", name="Search the site").get_by_role("button", name="Search").click()
    expect(tab).to_have_url(re.compile(re.escape(home) + r"index\.html\?q=golden\+thread"))
    expect(tab.locator(".md-search-result__item").first).to_contain_text("golden thread", timeout=10_000)


@pytest.mark.parametrize(("site", "missing"), [
    ("addressed_site", "principles/no/such/page.html"),  # the address is known: any depth works
    ("built_site", "p9.html"),  # no address: a missing top-level page works
])
def test_404_works_under_a_sub_path(request, sub_path_page, site, missing):
    server = SubPathServer(request.getfixturevalue(site))
    try:
        response = sub_path_page.goto(f"{server.url}/training/{missing}")
        assert response.status == 404
        check_not_found_page(sub_path_page, f"{server.url}/training/")
    finally:
        server.close()


def test_404_works_from_file(browser, built_site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((built_site / "404.html").as_uri())
    expect(tab.locator("h1")).to_have_text("Page not found")
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    for link in tab.locator(".not-found-modules a").all():
        assert Path(unquote(urlsplit(link.evaluate("a => a.href")).path)).is_file()
    context.close()


@pytest.mark.parametrize("name", ["index.html", "for-trainers.html"])
def test_home_and_trainers_pages_offer_the_offline_copy_with_its_size(page, site_url, built_site, name):
    (zip_path,) = (built_site / "downloads").glob("*.zip")
    page.goto(f"{site_url}/{name}")
    link = page.get_by_role("link", name=re.compile(r"^Download for offline use \(ZIP, \d+ KB\)$"))
    expect(link).to_be_visible()
    assert link.inner_text() == f"Download for offline use (ZIP, {size_label(zip_path.stat().st_size)})"
    with page.expect_download() as download:
        link.click()
    saved = download.value.path()
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
    folder = names[0].split("/")[0]
    assert f"{folder}/index.html" in names and f"{folder}/README.txt" in names
