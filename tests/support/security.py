"""Shared by the security tests in unit/, build/ and browser/."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import build, copy_project

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

@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"
