"""Untrusted text stays text, and every page carries a strict Content Security Policy.

Payloads (from the input they arrive through) must end as visible text or a FILE:LINE error, and
the rest of the page must be intact. Chromium must report no policy violation on the normal site,
online and opened from disk.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import build, copy_project, open_search, text_of
from test_accessibility import SITE_PAGES

from practice_site.pages.sanitise import clean_content
from practice_site.safe_text import markdown_text, neutralise_markup

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
"""


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


@pytest.mark.parametrize("path", [*SITE_PAGES, "p4.html"])
def test_chromium_reports_no_violation_online(page, site_url, path):
    page.context.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site_url}/{path}")
    open_search(page)
    page.locator("input.md-search__input").press_sequentially("relationships", delay=10)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == [] and messages == []


@pytest.mark.parametrize("path", [*SITE_PAGES, "p7.html"])
def test_chromium_reports_no_violation_from_disk(browser, built_site, path):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto((built_site / path).as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == [] and messages == []
    context.close()


def test_the_policy_really_blocks_an_inline_script(browser, built_site, tmp_path):
    """A control: a script injected after the build is refused by the page's own policy."""
    source = (built_site / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(source.replace("</body>", "<script>window.__ran = 1</script></body>"))
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
    context.close()


PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<iframe src="javascript:parent.__pwned = 3"></iframe>',
    "<style>body{display:none}</style>",
    '<svg onload="window.__pwned = 4"><circle r="1"/></svg>',
    "[a data link](data:text/html,<script>alert(1)</script>)",
    "[a vbscript link](vbscript:msgbox(1))",
    "[an entity link](javascript&colon;window.__pwned=5)",
    "[a script link](javascript:window.__pwned=6)",
    '{: onmouseover="window.__pwned = 7" }',
    "<b unclosed tag",
]


class _Live(HTMLParser):
    """Collects live markup: dangerous elements, event-handler attributes, script-like link targets."""

    DANGEROUS = {"script", "img", "iframe", "style", "svg", "object", "embed", "base", "link", "meta"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:
        self._script = tag == "script"
        if tag in self.DANGEROUS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}")
            if name in {"href", "src", "action"} and re.match(r"\s*(javascript|data|vbscript)", value or "", re.I):
                self.found.append(f"{tag} {name}={value}")


def live_markup(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_source_markup_is_neutralised_then_sanitised(payload):
    import markdown

    html = clean_content(markdown.markdown(f"Text before {neutralise_markup(payload)} text after.",
                                           extensions=["attr_list"]))
    assert live_markup(html) == []
    assert "Text before" in html and "text after." in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_shows_exactly_as_written(payload):
    import markdown

    html = markdown.markdown(markdown_text(payload), extensions=["attr_list"])
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
        .replace("&quot;", '"') == payload


def hostile_project(tmp_path: Path) -> Path:
    """The real project with a payload in every author input that is shown as text."""
    project = copy_project(tmp_path)
    source = project / "sources" / "principle-07.txt"
    text = source.read_text(encoding="utf-8")
    text = text.replace("the starting point.", "the starting point. " + " ".join(PAYLOADS), 1)
    text = text.replace("as partners, wherever possible", "as partners <img src=x onerror=window.__pwned=12>", 1)
    text = text.replace("### Summary", "### Summary\n\n#### A heading <script>window.__pwned = 8</script>", 1)
    source.write_text(text, encoding="utf-8")
    bib = project / "bib" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace(
        "title = {Impact Report Summary}", "title = {Impact Report <script>window.__pwned = 9</script> Summary}"),
        encoding="utf-8")
    quiz = project / "docs" / "quizzes" / "principle-7.md"
    quiz_text = quiz.read_text(encoding="utf-8")
    first_option = re.search(r"^- \[ \] (.+)$", quiz_text, re.MULTILINE)  # a wrong option: the key stays in step
    quiz_text = quiz_text.replace(first_option.group(0),
                                  first_option.group(0) + ' <img src=x onerror="window.__pwned=10">', 1)
    quiz_text = re.sub(r"^(/// quiz \| .+)$", r'\1 <style>body{display:none}</style>', quiz_text, count=1,
                       flags=re.MULTILINE)
    quiz.write_text(quiz_text, encoding="utf-8")
    corrections = project / "bib" / "corrections.tsv"
    corrections.write_text(corrections.read_text(encoding="utf-8").replace(
        "lists no Berelowitz et al. work from 2012.",
        'lists no Berelowitz et al. work from 2012. <iframe src="javascript:parent.__pwned=11"></iframe>'),
        encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


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


def test_payloads_do_not_run_in_chromium(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    for path in ("principles/principle-7.html", "principles/principle-4.html", "bibliography.html",
                 "index.html", "for-trainers.html"):
        page.goto((hostile_site / path).as_uri())
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("body").is_visible() and page.locator("article h1").is_visible(), path
    context.close()


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
