"""Untrusted text stays text, and every page carries a strict Content Security Policy.

Payloads (from the input they arrive through) must end as visible text or a FILE:LINE error, and
the rest of the page must be intact. Chromium must report no policy violation on the normal site,
online and opened from disk.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from helpers import ROOT, build, copy_project, text_of
from mkdocs.config import load_config
from support.security import _Live, live_markup

from practice_site.errors import SettingError
from practice_site.mkdocs_plugin.page_policy import PagePolicy
from practice_site.pages.page_finish import PageScan, quick_scan


class _Policy(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        named = dict(attrs)
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(named.get("content") or "")


def policies(page: str) -> list[str]:
    parser = _Policy()
    parser.feed(page)
    return parser.policies


def test_every_page_carries_one_strict_policy(built_site):
    for path in built_site.rglob("*.html"):
        found = policies(path.read_text(encoding="utf-8"))
        assert len(found) == 1, path
        directives = dict(d.strip().split(" ", 1) for d in found[0].split(";"))
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'", path
        assert directives["form-action"] in {"'none'", "'self'"} and directives["default-src"] == "'self'", path
        assert "unsafe-inline" not in found[0] and "unsafe-eval" not in found[0], path
        assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/=]+')*", directives["script-src"]), path


def test_payloads_reach_no_page_as_markup(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        start, end = page.find("<article"), page.find("</article>")
        assert live_markup(page[start:end]) == [], path
        scan = _Live()
        scan.feed(page)
        handlers = [f for f in scan.found if " on" in f]
        assert handlers == [] and "__pwned" not in " ".join(scan.scripts), path


def test_payloads_show_as_text_and_the_page_is_intact(hostile_site):
    p7 = text_of((hostile_site / "principles" / "principle-7.html").read_text(encoding="utf-8"))
    assert '<img src=x onerror="window.__pwned = 2">' in p7
    assert "<style>body{display:none}</style>" in p7
    assert "A heading <script>window.__pwned = 8</script>" in p7
    assert "Impact report <script>window.__pwned = 9</script> summary" in p7
    assert "The independent review of children" in p7, "the reference list after the payloads is intact"
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "7. Approach parents and carers as partners <img src=x onerror=window.__pwned=12>" in \
        text_of(home, "nav", "md-nav--primary")
    p4 = text_of((hostile_site / "principles" / "principle-4.html").read_text(encoding="utf-8"))
    assert '<iframe src="javascript:parent.__pwned=11"></iframe>' in p4


@pytest.mark.parametrize("where, damage, expected", [
    ("session plan", lambda p: (p / "docs" / "sessions" / "workshop-90-minutes.md").open("a").write(
        "\nAfter the session <img src=x onerror=alert(1)>.\n"),
     "docs/sessions/workshop-90-minutes.md:"),
    ("session plan attribute list", lambda p: (p / "docs" / "sessions" / "workshop-90-minutes.md").open("a").write(
        '\nA paragraph\n{: onmouseover="alert(1)" }\n'),
     "docs/sessions/workshop-90-minutes.md:"),
    ("site name", lambda p: (p / "mkdocs.yml").write_text((p / "mkdocs.yml").read_text().replace(
        "site_name: Practice Principles training", "site_name: Practice <script>alert(1)</script>")),
     "mkdocs.yml: site_name: markup such as <b> is not allowed here"),
])
def test_markup_in_plain_text_inputs_is_refused_with_file_and_line(tmp_path, where, damage, expected):
    project = copy_project(tmp_path)
    damage(project)
    result = build(project)
    assert result.returncode != 0 and expected in result.stderr, result.stderr
    assert not (project / "site").exists()


def test_a_built_page_holding_a_script_no_template_writes_stops_the_build(built_site):
    """The last line of defence: whatever route a script takes to a page, the policy never lists it."""
    policy = PagePolicy(load_config(str(ROOT / "mkdocs.yml")), None)
    page = (built_site / "credits.html").read_text(encoding="utf-8")
    page = page.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="old-policy"', 1)
    assert "Content-Security-Policy" in policy.apply(page, "credits.md", ".")
    for injected in ("<script>steal()</script>", '<a href="javascript:steal()">x</a>', "<img src=x onerror=steal()>"):
        with pytest.raises(SettingError, match=r"^credits\.md: the built page holds "):
            policy.apply(page.replace("</body>", injected + "</body>"), "credits.md", ".")


def test_every_built_page_is_read_the_quick_way_and_it_finds_what_the_parser_finds(built_site):
    """The finisher's quick reading (pages/page_finish.quick_scan) is the one the site's own pages take."""
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        quick, parsed = PageScan(html, parse=False), PageScan(html)
        assert quick_scan(quick), f"{path.name}: left to the parser"
        assert (quick.scripts, quick.live, quick.head_end, quick.config_span) == \
               (parsed.scripts, parsed.live, parsed.head_end, parsed.config_span), path.name
