"""Shared helpers for the tests: copy the project, build it, read built pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
MKDOCS = [sys.executable, "-m", "mkdocs"]
WORD = re.compile(r"[^\W_]+")
CHROMIUM = "/usr/bin/chromium"  # Debian's: no test ever downloads a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Anything not on loopback goes to a proxy that is not there, so it can never leave the machine.
    "--proxy-server=http://127.0.0.1:9",
]


def missing_number(start: int = 9) -> int:
    """A principle number the project does not have (so a test of "no such principle" holds as principles are added)."""
    from practice_site.sources.load_principles import load_principles

    taken = {p.number for p in load_principles(SOURCES, ROOT)}
    return next(n for n in range(start, 1000) if n not in taken)


def copy_project(dest: Path, with_sources: bool = True) -> Path:
    """Copy what a build reads (config, docs, overrides, sources) into ``dest``."""
    for name in ("docs", "overrides", "bib"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if with_sources:
        shutil.copytree(SOURCES, dest / "sources")
    else:
        (dest / "sources").mkdir()
    return dest


def build(project: Path, site_dir: str = "site", env: dict[str, str] | None = None
          ) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in ``project``; return the finished process (SITE_URL only if ``env`` sets it)."""
    base = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env = {**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", site_dir],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )


def copy_full_project(dest: Path) -> Path:
    """A copy of the project that can build the site with its offline copy (npm files linked in)."""
    project = copy_project(dest)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project


def build_full_site(project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run what ``make site`` runs (the site with the offline copy it offers) in ``project``.

    The environment's SITE_URL is left out unless ``env`` sets it, so the tests see the default.
    """
    base = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "OFFLINE", "OFFLINE_ZIP"}}
    env = {**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "practice_site.bundle.site_build", "site"],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


class _TextOf(HTMLParser):
    """Collects the text inside the first element with the given tag."""

    def __init__(self, tag: str, cls: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.cls, self.depth, self.done, self.parts = tag, cls, 0, False, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag != self.tag or self.done:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth or self.cls is None or self.cls in classes:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag and self.depth:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(html: str, tag: str = "article", cls: str | None = None) -> str:
    """The text of the first ``tag`` element (with class ``cls`` if given); default: main content."""
    parser = _TextOf(tag, cls)
    parser.feed(html)
    return " ".join(parser.parts)


def article(site: Path, page: str) -> str:
    """A built page's ``<article>`` (the module's content, without the theme's chrome)."""
    source = (site / page).read_text(encoding="utf-8")
    return source[source.index("<article"):source.index("</article>")]


def missing_or_out_of_order(expected: list[str], shown: list[str]) -> str:
    """The first of ``expected`` words that ``shown`` lacks in that order ("" when every word is there)."""
    position = 0
    for number, word in enumerate(expected):
        if word not in shown[position:]:
            return f"word {number} ({word!r}) is missing or out of order"
        position = shown.index(word, position) + 1
    return ""


def words(text: str) -> list[str]:
    """Letters-and-digits words: markup, punctuation and underscores are separators."""
    return WORD.findall(text)


def answer_key(number: int) -> dict[str, list[str]]:
    """Question id -> the values ("a", "b", ...) of the correct options in principle ``number``'s quiz."""
    from practice_site.learning.quiz_format import parse_quiz_file

    path = ROOT / "docs" / "quizzes" / f"principle-{number}.md"
    quiz = parse_quiz_file(path.read_text(encoding="utf-8"), path.name)
    return {q.id: [chr(97 + i) for i, c in enumerate(q.choices) if c.correct] for q in quiz.questions}


def type_search(page, query: str) -> None:
    """Type ``query`` into the open search box and wait for its own results (or for none)."""
    from playwright.sync_api import expect

    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    # All but the last character at once, then a real key: search runs once, for the whole query, so
    # no answer to a shorter query (say, an opening quote alone: "No matching documents") is mistaken
    # for this one's.
    meta = page.locator(".md-search-result__meta")
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    expect(meta).to_have_text(placeholder, timeout=10_000)  # search is ready, and nothing is typed yet
    box.fill(query[:-1])
    box.press_sequentially(query[-1:])
    expect(meta).not_to_have_text(placeholder, timeout=10_000)


def arrow_to_section_result(page) -> str:
    """Press the down arrow through the open search's results until one that leads to a section has
    focus; return its address (without a "#" if none is reached in ten presses)."""
    href = ""
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if "#" in href:
            break
    return href


def open_search(page) -> None:
    """Open the search box with its "/" key, once the page's scripts are running (a key pressed while
    the page is still loading goes nowhere)."""
    from playwright.sync_api import expect

    page.wait_for_load_state("load")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()


def quiz_question(number: int, question_id: str):
    """The question ``question_id`` as principle ``number``'s quiz file has it (text, options, line)."""
    from practice_site.learning.quiz_format import parse_quiz_file

    path = ROOT / "docs" / "quizzes" / f"principle-{number}.md"
    quiz = parse_quiz_file(path.read_text(encoding="utf-8"), path.name)
    return next(q for q in quiz.questions if q.id == question_id)


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(folder: Path):
    """``folder`` served over HTTP on 127.0.0.1 while the block runs; gives its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: QuietHandler(*a, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
