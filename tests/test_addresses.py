"""The published address (site_url / SITE_URL), the 404 page and the offline copy offered for download."""

from __future__ import annotations

import re
import threading
import zipfile
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import build, copy_project
from playwright.sync_api import expect

from practice_site.bundle.download import size_label
from practice_site.pages.site_address import check_site_url, short_link, site_path

ADDRESS = "https://example.org/training/"
P4 = "principles/principle-4.html"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory) -> Path:
    """The site built with its address given at build time, as SITE_URL=... make site would."""
    project = copy_project(tmp_path_factory.mktemp("addressed"))
    result = build(project, env={"SITE_URL": ADDRESS})
    assert result.returncode == 0, result.stderr
    return project / "site"


def head_of(html: str) -> str:
    return html.split("</head>", 1)[0]


# ---- site_url --------------------------------------------------------------------------------


def test_the_address_gives_sitemap_canonical_links_and_link_previews(addressed_site):
    sitemap = (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}{P4}</loc>" in sitemap
    head = head_of((addressed_site / P4).read_text(encoding="utf-8"))
    assert f'<link rel="canonical" href="{ADDRESS}{P4}">' in head
    assert f'<meta property="og:url" content="{ADDRESS}{P4}">' in head
    assert '<meta property="og:title" content="' in head
    assert re.search(r'<meta property="og:description" content="Practice Principle 4: [^"<>]+">', head)


def test_short_links_show_the_real_address(addressed_site):
    html = (addressed_site / "for-trainers.html").read_text(encoding="utf-8")
    assert f">{ADDRESS}p4.html</a>" in html
    assert "your-site" not in html


def test_without_an_address_links_are_relative_with_a_hint_and_no_sitemap(built_site):
    html = (built_site / "for-trainers.html").read_text(encoding="utf-8")
    assert '<a href="p4.html">p4.html</a>' in html
    assert "copy the address from your browser" in html
    assert "your-site" not in html and "https://" not in html.split('id="short-links"', 1)[1].split("<h2", 1)[0]
    assert not (built_site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (built_site / P4).read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ['https://example.org/"><script>alert(1)</script>', "javascript:alert(1)",
                                 "example.org/training/", "https://example.org/?x=1"])
def test_a_bad_address_is_refused_with_where_it_came_from(tmp_path, bad):
    project = copy_project(tmp_path)
    result = build(project, env={"SITE_URL": bad})
    assert result.returncode != 0
    assert "SITE_URL environment variable" in result.stderr or "Config value 'site_url'" in result.stderr
    if "<" in bad or "?" in bad:  # MkDocs accepts these; the plugin refuses them and says where they came from
        assert "SITE_URL environment variable" in result.stderr
    assert not (project / "site").exists() or not (project / "site" / "index.html").exists()


def test_address_helpers():
    assert check_site_url(ADDRESS) is None
    assert check_site_url("https://example.org") is None
    assert check_site_url("ftp://example.org/") and check_site_url("https://exa mple.org/")
    assert short_link(None, 4) == "p4.html"
    assert short_link("https://example.org/t", 4) == "https://example.org/t/p4.html"
    assert site_path(ADDRESS) == "/training/" and site_path(None) == "/"


# ---- 404 -------------------------------------------------------------------------------------


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


# ---- The offline copy offered on the site ----------------------------------------------------


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


def test_the_offline_copy_does_not_offer_itself(built_site, tmp_path):
    (zip_path,) = (built_site / "downloads").glob("*.zip")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp_path)
    (folder,) = tmp_path.iterdir()
    assert not (folder / "downloads").exists()
    trainers = (folder / "for-trainers.html").read_text(encoding="utf-8")
    assert "Download for offline use" not in trainers and "This is the offline copy" in trainers
    assert "Download for offline use" not in (folder / "index.html").read_text(encoding="utf-8")


def test_make_site_tells_the_truth_about_opening_from_disk(built_site):
    said = (built_site.parent / "build.out").read_text()
    assert "search does not work" in said
    zip_name = re.search(r"offline copy is (\S+\.zip)", said).group(1)
    assert (built_site.parent / zip_name).is_file()


def test_size_labels():
    assert size_label(176_000) == "172 KB"
    assert size_label(1_500_000) == "1.4 MB"
    assert size_label(10) == "1 KB"


class _Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "meta" and (key := named.get("name") or named.get("property")):
            self.found[key] = named.get("content") or ""


def metas(html: str) -> dict[str, str]:
    parser = _Metas()
    parser.feed(html.split("</head>", 1)[0])
    return parser.found


def test_descriptions_with_quotes_and_markup_stay_inside_their_attribute(tmp_path):
    """The theme writes descriptions into attributes unescaped; the plugin escapes them once."""
    project = copy_project(tmp_path)
    page_description = 'Who "we" are <img src=x onerror=alert(1)> & why'
    credits = project / "docs" / "credits.md"
    credits.write_text(f"---\ndescription: '{page_description}'\n---\n\n" + credits.read_text(encoding="utf-8"),
                       encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "Self-study and workshop material", 'Self-study "and" workshop material & more', 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    on_credits = metas((project / "site" / "credits.html").read_text(encoding="utf-8"))
    assert on_credits["description"] == on_credits["og:description"] == page_description
    on_home = metas((project / "site" / "index.html").read_text(encoding="utf-8"))
    assert on_home["description"].startswith('Self-study "and" workshop material & more')
    assert on_home["og:description"] == on_home["description"]
