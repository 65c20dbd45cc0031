"""The published address (site_url / SITE_URL), the 404 page and the offline copy offered for download.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser

import pytest
from helpers import build, copy_project
from support.addresses import ADDRESS

P4 = "principles/principle-4.html"


def head_of(html: str) -> str:
    return html.split("</head>", 1)[0]


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
    page_description = 'Who "we" are & why'
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
    credits.write_text(credits.read_text(encoding="utf-8").replace(page_description, "Who <img src=x onerror=1>"),
                       encoding="utf-8")
    refused = build(project)
    assert refused.returncode != 0 and "docs/credits.md:2: description: markup such as <b>" in refused.stderr
    assert on_home["og:description"] == on_home["description"]
