"""Hostile and broken inputs, one per row, for tests/build/test_hostile_inputs.py (issue 28, item 6).

Each row names the file it touches, how it is edited (in a fresh copy of the project that already
holds a clean site/, with a folder ``outside`` beside it holding ``secret.txt``) and what must
come of ``make site``:

- ``refused``: a non-zero exit, a message matching ``pattern`` (``FILE:LINE: ...``; for mkdocs.yml
  ``mkdocs.yml: KEY: ...``; for the environment ``the SITE_URL environment variable ...``) and the
  old site kept byte for byte;
- ``built``: a zero exit and nothing live on any page of site/ or of the offline copy (see
  :func:`live_markup`); ``pattern``, if given, is a line the build must print (an INFO line).

No build may print a Python traceback, take longer than ``TIMEOUT`` seconds or publish ``SECRET``.
Line numbers are found in the project's own files, so the table holds as the seeds change.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, copy_full_project

from practice_site.names import kit_qr_image
from practice_site.sources.load_principles import load_principles

SECRET = "hostile-fuzz-secret-5c1e0a7d"
TIMEOUT = 60  # seconds for one make site; a build that takes longer is stopped and fails its row
SLOW = 20  # seconds (or five times the clean build, if more): a built row that takes longer fails as slow
TRACEBACK = "Traceback (most recent call last)"

Edit = Callable[[Path, Path], None]  # (project, outside): change the project; outside/secret.txt holds SECRET


@dataclass(frozen=True)
class Row:
    id: str
    touches: str  # a path in the project, "mkdocs.yml" or "env:SITE_URL"
    edit: Edit | None
    outcome: str  # "refused" or "built"
    pattern: str = ""  # refused: the message it must print; built: a line it must print ("" for none)
    env: tuple[tuple[str, str], ...] = ()
    new_pages: tuple[str, ...] = ()  # files a built row may add to site/ (and to the offline copy)


def refused(id: str, touches: str, edit: Edit | None, pattern: str, env: dict[str, str] | None = None) -> Row:
    return Row(id, touches, edit, "refused", pattern, tuple((env or {}).items()))


def built(id: str, touches: str, edit: Edit | None, log: str = "", new_pages: tuple[str, ...] = (),
          env: dict[str, str] | None = None) -> Row:
    return Row(id, touches, edit, "built", log, tuple((env or {}).items()), new_pages)


# --- where things are in the seeds ------------------------------------------------------------------

def line_of(rel: str, needle: str) -> int:
    """The line of the project's ``rel`` on which ``needle`` first appears."""
    text = (ROOT / rel).read_text(encoding="utf-8")
    assert needle in text, f"{rel} no longer holds {needle!r}: update tests/support/hostile_inputs.py"
    return text[:text.index(needle)].count("\n") + 1


def at(rel: str, line: int | str, what: str = "") -> str:
    """The message for a refusal at ``rel``'s ``line`` (a number, or the text on it), mentioning ``what``."""
    number = line if isinstance(line, int) else line_of(rel, line)
    return rf"{re.escape(rel)}:{number}: " + (rf".*{what}" if what else "")


def key(name: str) -> str:
    """The message for a refused mkdocs.yml value: ``mkdocs.yml: NAME...: ...`` (NAME or a key under it), or
    MkDocs' own check of a value it reads before any plugin runs: ``Config value 'NAME': ...``."""
    return (rf"(?:mkdocs\.yml: (?:[\w.]+ / )*{re.escape(name)}[\w.\[\]-]*(?: / [\w.]+)*: "
            rf"|Config value '{re.escape(name)}': )")


REAL_ADDRESS = "https://example.org/training/"
SITE_URL_MESSAGE = r"the SITE_URL environment variable\b"
NOT_UTF8 = r"(?i:not utf-8)"

# --- edits ------------------------------------------------------------------------------------------

def replace(rel: str, old: str, new: str) -> Edit:
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def insert_bytes(rel: str, after: str, data: bytes) -> Edit:
    """Put raw ``data`` (a byte that is not UTF-8, a control character) into ``rel`` just after ``after``."""
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        raw, needle = path.read_bytes(), after.encode("utf-8")
        assert needle in raw, f"{rel} no longer holds {after!r}"
        path.write_bytes(raw.replace(needle, needle + data, 1))
    return edit


def in_manifest(old: str, new: str) -> Edit:
    """The project's published-links manifest (which a copy leaves out), with ``old`` replaced by ``new``."""
    def edit(project: Path, outside: Path) -> None:
        shutil.copy(ROOT / MANIFEST, project / MANIFEST)
        replace(MANIFEST, old, new)(project, outside)
    return edit


def replace_line(rel: str, start: str, line: str) -> Edit:
    """Put ``line`` in place of the first line of ``rel`` that starts with ``start``."""
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(i for i, text in enumerate(lines) if text.startswith(start))
        lines[number] = line
        path.write_text("\n".join(lines), encoding="utf-8")
    return edit


def prepend(rel: str, text: str) -> Edit:
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")
    return edit


def append(rel: str, text: str) -> Edit:
    def edit(project: Path, outside: Path) -> None:
        with (project / rel).open("a", encoding="utf-8") as file:
            file.write(text)
    return edit


def write(rel: str, content: str | bytes) -> Edit:
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return edit


def front_matter(rel: str, yaml: str) -> Edit:
    """Give page ``rel`` front matter (its first key on line 2)."""
    return prepend(rel, f"---\n{yaml}\n---\n\n")


def link_out(rel: str, content: Callable[[str], str] = lambda original: SECRET + "\n",
             relative: bool = False) -> Edit:
    """Make ``rel`` a symbolic link to a file outside the project; ``content`` makes that file's text
    from the project's own (by default: the secret alone)."""
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        original = path.read_text(encoding="utf-8") if path.exists() else ""
        target = outside / path.name
        target.write_text(content(original), encoding="utf-8")
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(os.path.relpath(target, path.parent) if relative else target)
    return edit


def link_dir_out(rel: str) -> Edit:
    """Make folder ``rel`` a link to a folder outside the project holding a page and a file with the secret."""
    def edit(project: Path, outside: Path) -> None:
        folder = outside / "shared"
        folder.mkdir()
        (folder / "leak.md").write_text(f"# Leaked\n\n{SECRET}\n", encoding="utf-8")
        (folder / "leak.txt").write_text(SECRET + "\n", encoding="utf-8")
        (project / rel).symlink_to(folder, target_is_directory=True)
    return edit


def link_inside(rel: str, target: str) -> Edit:
    """Make ``rel`` a symbolic link to ``target`` inside the project (a file the project keeps out of the
    site, such as .env, holding the secret), or to a folder above it (a loop)."""
    def edit(project: Path, outside: Path) -> None:
        path = project / rel
        goal = project / target
        if not goal.exists():
            goal.write_text(SECRET + "\n", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(os.path.relpath(goal, path.parent))
    return edit


def hard_link_out(rel: str) -> Edit:
    """Make ``rel`` a second name (a hard link) for a file outside the project that holds the secret."""
    def edit(project: Path, outside: Path) -> None:
        target = outside / "hard-secret.txt"
        target.write_text(SECRET + "\n", encoding="utf-8")
        os.link(target, project / rel)
    return edit


def link_loop(first: str, second: str) -> Edit:
    """Make ``first`` and ``second`` symbolic links to each other (a loop that leads nowhere)."""
    def edit(project: Path, outside: Path) -> None:
        (project / first).symlink_to((project / second).name)
        (project / second).symlink_to((project / first).name)
    return edit


def pipe(rel: str) -> Edit:
    """Make ``rel`` a named pipe (reading it would wait for ever)."""
    def edit(project: Path, outside: Path) -> None:
        os.mkfifo(project / rel)
    return edit


def with_secret(old: str) -> Callable[[str], str]:
    """The project's text with the secret put into it after ``old`` (so that, read, it would be published)."""
    def content(original: str) -> str:
        assert old in original, f"no {old!r} to put the secret after"
        return original.replace(old, f"{old} {SECRET}", 1)
    return content


def yml_extra(snippet: str) -> Edit:
    """Add ``snippet`` (YAML, indented by two) under ``extra:`` in mkdocs.yml."""
    return replace("mkdocs.yml", "\nextra:\n", "\nextra:\n" + snippet.rstrip("\n") + "\n")


def yml_theme(snippet: str) -> Edit:
    """Add ``snippet`` (YAML, indented by two) under ``theme:`` in mkdocs.yml."""
    return replace("mkdocs.yml", "  name: material\n", "  name: material\n" + snippet.rstrip("\n") + "\n")


def yml_script(address: str) -> Edit:
    """Add ``address`` to mkdocs.yml's extra_javascript."""
    return replace("mkdocs.yml", "  - javascripts/site.js\n", f"  - javascripts/site.js\n  - {address}\n")


def yml_top(snippet: str) -> Edit:
    return append("mkdocs.yml", "\n" + snippet.rstrip("\n") + "\n")


def both(*edits: Edit) -> Edit:
    def edit(project: Path, outside: Path) -> None:
        for one in edits:
            one(project, outside)
    return edit


def bib_reads_the_secret(project: Path, outside: Path) -> None:
    """A title that asks TeX to read the secret file in."""
    replace("bib/references.bib", "title = {Impact Report Summary}",
            f"title = {{Impact Report \\input{{{outside / 'secret.txt'}}} \\include{{{outside / 'secret'}}} "
            "Summary}")(project, outside)


# --- the table --------------------------------------------------------------------------------------

MANIFEST = "published-links.json"
LONG = 200_000  # a run this long makes anything quadratic take minutes: the row fails as slow
SOURCE = "sources/principle-07.txt"
SUMMARY_END = "should always be the starting point."
BIB = "bib/references.bib"
CORRECTIONS = "bib/corrections.tsv"
SHORT_NAMES = "bib/short-names.tsv"
NOUNS = "bib/proper-nouns.txt"
QUIZ = "docs/quizzes/principle-7.md"
FIRST_QUESTION = "/// quiz | How does"
SECOND_QUESTION = "/// quiz | What does the summary say"
SESSION = "docs/sessions/workshop-90-minutes.md"
PAGE = "docs/credits.md"
ODD_SESSION = "docs/sessions/it's \"odd\".md"
NEW_SOURCE = "sources/principle-97.txt"
NEW_SOURCE_TEXT = (
    "## 97. Responses to child exploitation and extra-familial harm must... be tested "
    "<img src=x onerror=alert(97)> <script>alert(97)</script>\n\n"
    "### Summary\n\nA summary with [a link](javascript:alert(97)) and <svg onload=alert(97)>.\n"
)
EVIL_HTML = '<!doctype html><html lang="en"><title>x</title>\n<script>alert(1)</script>\n</html>\n'
EVIL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n'
RAW_HTML = """
<script>alert(1)</script>
<img src="x" onerror="alert(2)">
<a href="javascript:alert(3)">a link</a> <a href=" java&#x09;script:alert(4)">another</a>
<iframe srcdoc="<script>alert(5)</script>"></iframe>
<form action="javascript:alert(6)"><button formaction="javascript:alert(7)">go</button></form>
<svg><a xlink:href="javascript:alert(8)"><text>x</text></a></svg>
<meta http-equiv="refresh" content="0; url=javascript:alert(9)">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<div markdown="1">[markdown link](javascript:alert(10))</div>
"""

ROWS: tuple[Row, ...] = (
    # sources/*.txt: markup is shown as text; bad bytes, control characters and links out are refused.
    built("source-markup-shown-as-text", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END +
          ' <script>alert(1)</script> <img src=x onerror=alert(2)> <svg onload=alert(3)>'
          ' ![pixel](https://tracker.example/p.png) <a href="javascript:alert(4)">a</a>\n{: onclick="alert(5)" }')),
    built("source-javascript-link", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END +
          " [press](javascript:alert(1)) [again](JaVaScRiPt&#58;alert(2)) <javascript:alert(3)>"),
          log=at(SOURCE, SUMMARY_END)),
    built("source-javascript-reference", SOURCE,
          both(replace(SOURCE, "<https://www.barnardos.org.uk/", "<javascript:alert(1)//www.barnardos.org.uk/"),
               replace(BIB, "<https://www.barnardos.org.uk/", "<javascript:alert(1)//www.barnardos.org.uk/"))),
    built("source-new-principle-markup-title", NEW_SOURCE, write(NEW_SOURCE, NEW_SOURCE_TEXT),
          new_pages=("principles/principle-97.html", "p97.html", "room-kit/principle-97-handout.html")),
    refused("source-control-character", SOURCE, insert_bytes(SOURCE, "approaching parents", b"\x1b[31m"),
            at(SOURCE, "approaching parents", r"U\+001B")),
    refused("source-symlink-outside", SOURCE, link_out(SOURCE, with_secret("### Summary\n\n")),
            at(SOURCE, 1)),
    built("source-50kb-brackets-and-angles", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "[<" * 25_000)),
    built("source-20000-unmatched-brackets", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "[" * 20_000)),
    built("source-50kb-unclosed-links", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "[a](" * 12_500)),

    # bib/references.bib: every field is text; the file is read like a source.
    built("bib-markup-in-title", BIB, replace(BIB, "title = {Impact Report Summary}",
          r"title = {Impact Report \textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{} "
          r"<img src=x onerror=alert(2)> Summary}")),
    refused("bib-javascript-url", BIB,
            replace(BIB, "url = {https://www.barnardos.org.uk/", "url = {javascript:alert(1)//"),
            at(BIB, "url = {https://www.barnardos.org.uk/", "is not a web address")),
    built("bib-tex-input-reads-nothing", BIB, bib_reads_the_secret),
    refused("bib-not-utf8", BIB, insert_bytes(BIB, "title = {Impact Report", b" \xe9"),
            at(BIB, "title = {Impact Report", NOT_UTF8)),
    refused("bib-control-character", BIB, insert_bytes(BIB, "title = {Disclosure", b"\x1b"),
            at(BIB, "title = {Disclosure", r"U\+001B")),
    refused("bib-symlink-outside", BIB, link_out(BIB, with_secret("title = {Impact Report")), at(BIB, 1)),

    # bib/corrections.tsv, bib/short-names.tsv, bib/proper-nouns.txt
    refused("corrections-not-utf8", CORRECTIONS, insert_bytes(CORRECTIONS, "spells the first author", b"\xe9"),
            at(CORRECTIONS, "spells the first author", NOT_UTF8)),
    refused("corrections-control-character", CORRECTIONS,
            insert_bytes(CORRECTIONS, "lists no Berelowitz", b"\x07"),
            at(CORRECTIONS, "lists no Berelowitz", r"U\+0007")),
    refused("short-names-not-utf8", SHORT_NAMES, insert_bytes(SHORT_NAMES, "Social Care Institute", b"\xe9"),
            at(SHORT_NAMES, "Social Care Institute", NOT_UTF8)),
    refused("short-names-symlink-outside", SHORT_NAMES, link_out(SHORT_NAMES, lambda text: text + f"# {SECRET}\n"),
            at(SHORT_NAMES, 1)),
    refused("proper-nouns-not-utf8", NOUNS, insert_bytes(NOUNS, "Greater Manchester", b"\xe9"),
            at(NOUNS, "Greater Manchester", NOT_UTF8)),

    # docs/quizzes/principle-N.md
    refused("quiz-comment-between-blocks", QUIZ,
            replace(QUIZ, SECOND_QUESTION, "<!-- <script>alert(1)</script> A question the editor thinks is "
                    "there -->\n\n" + SECOND_QUESTION), at(QUIZ, SECOND_QUESTION)),
    refused("quiz-nul-in-question", QUIZ, insert_bytes(QUIZ, FIRST_QUESTION, b"\x00"),
            at(QUIZ, FIRST_QUESTION, r"U\+0000")),
    refused("quiz-not-utf8", QUIZ, insert_bytes(QUIZ, "- [x] As sources of protection", b"\xff"),
            at(QUIZ, "- [x] As sources of protection", NOT_UTF8)),
    refused("quiz-id-attribute-breakout", QUIZ,
            replace(QUIZ, "id: p7-first-and-foremost", 'id: p7-first" onmouseover="alert(1)'),
            rf"{at(QUIZ, FIRST_QUESTION)}|{at(QUIZ, 'id: p7-first-and-foremost')}"),  # the block's line or the id's
    refused("quiz-symlink-outside", QUIZ, link_out(QUIZ, with_secret(FIRST_QUESTION)), at(QUIZ, 1)),
    built("quiz-markup-and-links-shown-as-text", QUIZ, replace(QUIZ, "This is the mind-set the principle asks",
          '[press](javascript:alert(1)) <a href="javascript:alert(2)">a</a> <img src=x onerror=alert(3)> '
          "This is the mind-set the principle asks")),
    built("quiz-byte-order-mark-and-crlf", QUIZ, lambda project, outside: (project / QUIZ).write_bytes(
          b"\xef\xbb\xbf" + (ROOT / QUIZ).read_bytes().replace(b"\n", b"\r\n"))),
    built("quiz-20000-unmatched-brackets", QUIZ,
          replace(QUIZ, "This is the mind-set", "[" * 20_000 + " This is the mind-set")),

    # docs/sessions/*.md
    refused("session-front-matter-title-yaml-escapes", SESSION,
            front_matter(SESSION, r'title: "\x3cscript\x3ealert(1)\x3c/script\x3e"'), at(SESSION, 2, "title")),
    refused("session-named-with-quote-no-heading", ODD_SESSION,
            write(ODD_SESSION, "/// session | Odd\n- 10 | Welcome.\n///\n"), at(ODD_SESSION, 1)),
    refused("session-comment-hides-text", SESSION,
            replace(SESSION, "/// session |", "<!-- Ask every participant to bring a case file. -->\n\n/// session |"),
            at(SESSION, "/// session |")),
    refused("session-not-utf8", SESSION, insert_bytes(SESSION, "Welcome, introductions", b"\xe9"),
            at(SESSION, "Welcome, introductions", NOT_UTF8)),
    refused("session-control-character", SESSION, insert_bytes(SESSION, "Small groups: read the section", b"\x1b"),
            at(SESSION, "Small groups: read the section", r"U\+001B")),
    refused("session-javascript-target", SESSION,
            replace(SESSION, "- 5 | Break.", "- 5 | javascript:alert(1) | Break."),
            at(SESSION, "- 5 | Break.")),

    # docs/*.md pages and other files in docs/
    refused("page-front-matter-template-traversal", PAGE, front_matter(PAGE, "template: ../../../etc/passwd"),
            at(PAGE, 2, "template")),
    refused("page-front-matter-title-yaml-escapes", PAGE,
            front_matter(PAGE, r'title: "\x3cscript\x3ealert(1)\x3c/script\x3e"'), at(PAGE, 2, "title")),
    refused("page-front-matter-description-escapes", PAGE,
            front_matter(PAGE, r'description: "\x22\x3e\x3cscript\x3ealert(1)\x3c/script\x3e"'),
            at(PAGE, 2, "description")),
    refused("page-front-matter-subtitle", PAGE, front_matter(PAGE, 'subtitle: "<img src=x onerror=alert(1)>"'),
            at(PAGE, 2, "subtitle")),
    refused("page-front-matter-author", PAGE, front_matter(PAGE, "author: '\"><script>alert(1)</script>'"),
            at(PAGE, 2, "author")),
    refused("page-front-matter-status-breakout", PAGE, front_matter(PAGE, "status: 'new\" onmouseover=\"alert(1)'"),
            at(PAGE, 2, "status")),
    refused("page-front-matter-icon-traversal", PAGE, front_matter(PAGE, "icon: ../../../../../../etc/passwd"),
            at(PAGE, 2, "icon")),
    refused("page-front-matter-moved-anchors", PAGE,
            front_matter(PAGE, 'moved_anchors: {"x": "javascript:alert(1)//.html"}'), at(PAGE, 2, "moved_anchors")),
    refused("page-not-utf8", PAGE, insert_bytes(PAGE, "Built with", b"\xe9"), at(PAGE, "Built with", NOT_UTF8)),
    refused("page-control-character", "docs/accessibility.md",
            insert_bytes("docs/accessibility.md", "We want as many", b"\x1b"),
            at("docs/accessibility.md", "We want as many", r"U\+001B")),
    refused("page-raw-html-is-refused", PAGE, append(PAGE, RAW_HTML), rf"{re.escape(PAGE)}: this page holds <"),
    refused("docs-symlink-file-outside", "docs/leak.txt", link_out("docs/leak.txt"), at("docs/leak.txt", 1)),
    refused("docs-symlink-page-outside", "docs/leak.md", link_out("docs/leak.md", lambda _: f"# Leak\n\n{SECRET}\n"),
            at("docs/leak.md", 1)),
    refused("docs-symlink-folder-outside", "docs/shared", link_dir_out("docs/shared"), r"docs/shared\b[^:\n]*:1: "),
    refused("docs-static-html-with-script", "docs/evil.html", write("docs/evil.html", EVIL_HTML),
            at("docs/evil.html", 1)),
    refused("docs-svg-with-script", "docs/images/evil.svg", write("docs/images/evil.svg", EVIL_SVG),
            at("docs/images/evil.svg", 1)),

    # overrides/
    refused("overrides-not-utf8", "overrides/main.html", insert_bytes("overrides/main.html", "The page title", b"\xe9"),
            at("overrides/main.html", "The page title", NOT_UTF8)),
    refused("overrides-template-symlink-outside", "overrides/main.html",
            link_out("overrides/main.html", with_secret("{% block extrahead %}")), at("overrides/main.html", 1)),
    refused("overrides-asset-symlink-outside", "overrides/leak.txt", link_out("overrides/leak.txt", relative=True),
            at("overrides/leak.txt", 1)),

    # mkdocs.yml: values the theme prints
    refused("yml-social-javascript-link", "mkdocs.yml",
            yml_extra('  social:\n    - icon: fontawesome/brands/github\n      link: "javascript:alert(1)"'),
            key("extra.social")),
    refused("yml-social-link-attribute-breakout", "mkdocs.yml",
            yml_extra("  social:\n    - icon: fontawesome/brands/github\n"
                      "      link: 'https://example.org/\" onmouseover=\"alert(1)'"), key("extra.social")),
    refused("yml-social-icon-traversal", "mkdocs.yml",
            yml_extra("  social:\n    - icon: ../../../../../../etc/passwd\n      link: https://example.org/"),
            key("extra.social")),
    refused("yml-analytics", "mkdocs.yml",
            yml_extra('  analytics:\n    provider: google\n    property: "G-1</script><script>alert(1)//"'),
            key("extra.analytics")),
    refused("yml-homepage-javascript", "mkdocs.yml", yml_extra('  homepage: "javascript:alert(1)"'),
            key("extra.homepage")),
    refused("yml-alternate-javascript", "mkdocs.yml",
            yml_extra('  alternate:\n    - name: English\n      link: "javascript:alert(1)"\n      lang: en'),
            key("extra.alternate")),
    refused("yml-scope-breakout", "mkdocs.yml", yml_extra("  scope: '\");alert(1);(\"'"), key("extra.scope")),
    refused("yml-consent-markup", "mkdocs.yml",
            yml_extra('  consent:\n    title: "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"\n    description: Cookies.'),
            key("extra.consent")),
    refused("yml-status-title-breakout", "mkdocs.yml",
            both(yml_extra("  status:\n    new: '\" onmouseover=\"alert(1)'"), front_matter(PAGE, "status: new")),
            key("extra.status")),
    refused("yml-repo-url-javascript", "mkdocs.yml", yml_top('repo_url: "javascript:alert(1)"'), key("repo_url")),
    refused("yml-repo-name-yaml-escapes", "mkdocs.yml",
            yml_top('repo_name: "\\x3cimg src=x onerror=alert(1)\\x3e"'), key("repo_name")),
    refused("yml-site-name-yaml-escapes", "mkdocs.yml", replace("mkdocs.yml", "site_name: Practice Principles training",
            'site_name: "Practice \\x3cscript\\x3ealert(1)\\x3c/script\\x3e"'), key("site_name")),
    refused("yml-copyright-yaml-escapes", "mkdocs.yml",
            replace_line("mkdocs.yml", "copyright: ", 'copyright: "Text \\x3cimg src=x onerror=alert(1)\\x3e"'),
            key("copyright")),
    refused("yml-theme-logo-javascript", "mkdocs.yml", yml_theme('  logo: "javascript:alert(1)"'), key("theme.logo")),
    refused("yml-theme-favicon-javascript", "mkdocs.yml", yml_theme('  favicon: "javascript:alert(1)"'),
            key("theme.favicon")),
    refused("yml-theme-icon-traversal", "mkdocs.yml", yml_theme("  icon:\n    logo: ../../../../../../etc/passwd"),
            key("theme.icon")),
    refused("yml-theme-language-traversal", "mkdocs.yml",
            replace("mkdocs.yml", "  language: en-GB", "  language: ../../../../etc/passwd"), key("theme.language")),
    refused("yml-extra-javascript-remote", "mkdocs.yml",
            yml_script("https://evil.example/x.js"),
            key("extra_javascript")),
    refused("yml-site-url-javascript", "mkdocs.yml",
            replace("mkdocs.yml", "site_url: !ENV [SITE_URL, null]", 'site_url: "javascript:alert(1)//"'),
            key("site_url")),

    # the plugin's own options: paths stay inside the project
    refused("yml-plugin-shim-outside", "mkdocs.yml",
            replace("mkdocs.yml", "      sources_dir: sources\n", "      sources_dir: sources\n"
                    "      offline_shim: ../outside/secret.txt\n"),
            r"mkdocs\.yml: plugins: practice-principles: offline_shim: "),
    refused("yml-plugin-sources-absolute", "mkdocs.yml",
            replace("mkdocs.yml", "      sources_dir: sources\n", "      sources_dir: /etc\n"),
            r"mkdocs\.yml: plugins: practice-principles: sources_dir: "),

    # the SITE_URL environment variable
    refused("site-url-unclosed-bracket", "env:SITE_URL", None, SITE_URL_MESSAGE, env={"SITE_URL": "https://[x.org/"}),
    refused("site-url-quote-breakout", "env:SITE_URL", None, SITE_URL_MESSAGE,
            env={"SITE_URL": 'https://example.org/"><script>alert(1)</script>/'}),
    refused("site-url-javascript", "env:SITE_URL", None, SITE_URL_MESSAGE, env={"SITE_URL": "javascript:alert(1)//"}),
    built("site-url-a-real-address", "env:SITE_URL", None, env={"SITE_URL": REAL_ADDRESS},
          new_pages=("sitemap.xml", "sitemap.xml.gz",
                     *(kit_qr_image(p.number) for p in load_principles(ROOT / "sources", ROOT)))),
    refused("site-url-double-slash", "env:SITE_URL", None, SITE_URL_MESSAGE,
            env={"SITE_URL": "https://example.org//evil.example/"}),

    # found by an independent attacker (a helper): code in mkdocs.yml, files written anywhere, pages run
    refused("yml-python-tag-runs-code", "mkdocs.yml",
            yml_extra('  note: !!python/object/apply:os.system ["echo ran > pwned.txt"]'),
            r"mkdocs\.yml:\d+: .*never code"),
    refused("manifest-moved-out-of-the-site", MANIFEST,
            in_manifest('"moved": {}', '"moved": {"/tmp/pwned-by-moved.html": "index.html"}'),
            rf"{re.escape(MANIFEST)}:\d+: \"moved\""),
    refused("manifest-moved-over-a-script", MANIFEST,
            in_manifest('"moved": {}', '"moved": {"javascripts/site.js": "index.html"}'),
            rf"{re.escape(MANIFEST)}:\d+: \"moved\""),
    refused("manifest-moved-over-the-home-page", MANIFEST,
            in_manifest('"moved": {}', '"moved": {"index.html": "credits.html"}'),
            rf"{re.escape(MANIFEST)}: \"moved\" sends index\.html"),
    refused("manifest-not-json", MANIFEST, in_manifest('"moved": {}', '"moved": {},,'),
            rf"{re.escape(MANIFEST)}:\d+: this is not valid JSON"),
    refused("manifest-moved-a-list", MANIFEST, in_manifest('"moved": {}', '"moved": ["a"]'),
            rf"{re.escape(MANIFEST)}:\d+: \"moved\" maps"),
    refused("bib-crossref-to-itself", BIB, replace(BIB, "@incollection{allnock2018,\n",
                                                   "@incollection{allnock2018,\n  crossref = {allnock2018},\n"),
            at(BIB, line_of(BIB, "@incollection{allnock2018,") + 1, "crossref")),
    refused("yml-nav-address-breakout", "mkdocs.yml",
            replace("mkdocs.yml", "  - Credits: credits.md\n",
                    "  - Credits: credits.md\n  - Evil: 'https://example.org/\"><meta http-equiv=refresh "
                    "content=\"0;url=https://evil.example/\"><a href=\"x'\n"), key("nav")),
    refused("yml-nav-tab-javascript", "mkdocs.yml",
            replace("mkdocs.yml", "  - Credits: credits.md\n",
                    '  - Credits: credits.md\n  - Evil: "jav\\tascript:x"\n'),
            key("nav")),
    refused("yml-site-author-quote", "mkdocs.yml",
            yml_top("site_author: '0;url=https://evil.example/\" http-equiv=\"refresh'"), key("site_author")),
    refused("yml-bibliography-page-html", "mkdocs.yml",
            replace("mkdocs.yml", "      sources_dir: sources\n", "      sources_dir: sources\n"
                    "      bibliography_page: refs.html\n"),
            r"mkdocs\.yml: plugins: practice-principles: bibliography_page: "),
    refused("yml-snippets-extension", "mkdocs.yml",
            replace("mkdocs.yml", "  - admonition\n", "  - admonition\n  - pymdownx.snippets:\n      base_path: [/]\n"),
            key("markdown_extensions")),
    refused("yml-extra-javascript-absolute", "mkdocs.yml",
            yml_script("/tmp/evil.js"),
            key("extra_javascript")),
    refused("yml-logo-from-another-site", "mkdocs.yml", yml_theme("  logo: https://evil.example/logo.png"),
            key("theme.logo")),
    refused("yml-polyfill-from-another-site", "mkdocs.yml", yml_extra("  polyfills: [https://evil.example/x.js]"),
            key("extra.polyfills")),
    refused("yml-scope-backslash", "mkdocs.yml", yml_extra("  scope: 'https://example.org/x\\'"), key("extra.scope")),
    refused("yml-theme-name", "mkdocs.yml", replace("mkdocs.yml", "  name: material\n", "  name: mkdocs\n"),
            r"(?:mkdocs\.yml: theme\.name: |Config value '(?:theme|plugins)': )"),
    refused("yml-custom-dir-outside", "mkdocs.yml",
            replace("mkdocs.yml", "  custom_dir: overrides\n", "  custom_dir: ../outside\n"),
            r"(?:mkdocs\.yml: theme\.custom_dir: |Config value 'theme': )"),
    refused("page-front-matter-hide-a-number", PAGE, front_matter(PAGE, "hide: 5"), at(PAGE, 2, "hide")),
    refused("page-front-matter-search-a-number", PAGE, front_matter(PAGE, "search: 5"), at(PAGE, 2, "search")),
    refused("docs-xht-page", "docs/x/evil.xht", write("docs/x/evil.xht", EVIL_HTML), at("docs/x/evil.xht", 1)),
    refused("docs-link-to-a-project-file", "docs/env.txt", link_inside("docs/env.txt", ".env"),
            at("docs/env.txt", 1)),
    refused("docs-folder-loop", "docs/all", link_inside("docs/all", "."), at("docs/all", 1)),
    refused("docs-hard-link", "docs/hard.txt", hard_link_out("docs/hard.txt"), at("docs/hard.txt", 1)),
    built("quiz-long-run-of-spaces", QUIZ, replace(QUIZ, "- [x] As sources of protection",
                                                    "- [x] As sources of protection" + "\u00a0" * 120_000 + "x")),
    built("quiz-line-separator", QUIZ, replace(QUIZ, "- [x] As sources of protection",
                                               "- [x] As sources of\u2028protection")),
    refused("content-takes-a-scripts-id", PAGE,
            append(PAGE, '\n<div id="moved-anchors" hidden>{"this-site-2": "https://evil.example/"}</div>\n'
                         '<div id="__config" hidden>{}</div>\n'), rf'{re.escape(PAGE)}: this page holds id="..."'),
    # after a second review: what mkdocs.yml would load, loops, quadratic corners, what the sanitiser drops
    refused("yml-hooks-run-code", "mkdocs.yml",
            both(write("hooks.py", "open('pwned.txt', 'w').write('ran')\n"), yml_top("hooks: [hooks.py]")),
            r"mkdocs\.yml: hooks: "),
    refused("yml-inherit-runs-code", "mkdocs.yml",
            both(write("parent.yml", 'extra:\n  note: !!python/object/apply:os.system ["echo ran > pwned.txt"]\n'),
                 yml_top("INHERIT: parent.yml")), r"mkdocs\.yml: INHERIT: "),
    refused("yml-extension-runs-code", "mkdocs.yml",
            replace("mkdocs.yml", "  - admonition\n",
                    "  - admonition\n  - 'subprocess:Popen':\n      args: [touch, pwned.txt]\n"),
            r"mkdocs\.yml: markdown_extensions: subprocess:Popen: "),
    refused("yml-plugin-reads-any-file", "mkdocs.yml",
            replace("mkdocs.yml", "  - search:\n", "  - bibtex:\n      bib_file: /etc/passwd\n  - search:\n"),
            r"mkdocs\.yml: plugins: bibtex: "),
    refused("yml-alias-bomb", "mkdocs.yml",
            yml_extra("  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"),
            r"mkdocs\.yml:\d+: an alias"),
    refused("yml-nul", "mkdocs.yml", insert_bytes("mkdocs.yml", "site_name: ", b"\x00"), r"mkdocs\.yml: "),
    refused("yml-site-url-unreadable", "mkdocs.yml",
            replace("mkdocs.yml", "site_url: !ENV [SITE_URL, null]", "site_url: 'https://[x.org/'"),
            r"mkdocs\.yml: site_url: "),
    refused("docs-folder-links-above", "docs/sub/up", both(write("docs/sub/page.md", "# Page\n"),
                                                           link_inside("docs/sub/up", "docs")),
            at("docs/sub/up", 1)),
    refused("docs-links-to-each-other", "docs/a.md", link_loop("docs/a.md", "docs/b.md"), at("docs/a.md", 1)),
    refused("docs-named-pipe", "docs/pipe.md", pipe("docs/pipe.md"), at("docs/pipe.md", 1)),
    refused("docs-page-with-an-image", PAGE, append(PAGE, "\n![A logo](logo.png)\n"),
            rf"{re.escape(PAGE)}: this page holds <img>"),
    built("source-64kb-unmatched-backticks", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "``a`" * 16_000)),
    built("source-escaped-backslashes-before-brackets", SOURCE,
          replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "\\\\\\[" * 4_000)),
    built("source-nested-brackets-in-a-link", SOURCE,
          replace(SOURCE, SUMMARY_END, SUMMARY_END + " " + "[a[" * 16_000 + "](https://example.org/)")),
    built("source-long-run-of-spaces", SOURCE, replace(SOURCE, SUMMARY_END, SUMMARY_END + " " * LONG + "x")),
    refused("quiz-header-long-run-of-spaces", QUIZ, replace(QUIZ, FIRST_QUESTION, "/// quiz" + " " * LONG + "x\n"
                                                               + FIRST_QUESTION), rf"{re.escape(QUIZ)}:\d+: "),
    refused("session-item-long-run-of-spaces", SESSION,
            replace(SESSION, "- 5 | Break.", "- " + " \t" * LONG + "x"), rf"{re.escape(SESSION)}:\d+: "),
    built("page-block-header-long-run-of-spaces", PAGE, append(PAGE, "\n///a" + " " * LONG + "x\n")),
    refused("bib-entry-in-parentheses", BIB,
            append(BIB, "\n@misc(spare2020,\n  title = {Spare},\n  year = {2020}\n)\n"),
            rf"{re.escape(BIB)}:\d+: write the entry in braces"),
    refused("bib-key-in-another-case", BIB, append(BIB, "\n@misc{ALLNOCK2018,\n  title = {Spare},\n}\n"),
            rf"{re.escape(BIB)}:\d+: the key \"ALLNOCK2018\" is already used"),
    refused("manifest-nested-too-deeply", MANIFEST, in_manifest('"moved": {}', '"moved": ' + "[" * 100_000
                                                                + "]" * 100_000), rf"{re.escape(MANIFEST)}:1: "),
)


# --- running make site --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Build:
    returncode: int | None  # None: stopped after TIMEOUT seconds
    output: str  # stdout and stderr
    seconds: float


def make_site(project: Path, env: dict[str, str] | None = None, timeout: float = TIMEOUT) -> Build:
    """Run what ``make site`` runs in ``project``; stop it (and the mkdocs it started) after ``timeout``."""
    base = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "OFFLINE", "OFFLINE_ZIP"}}
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "practice_site.bundle.site_build", "site"], cwd=project,
        env={**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, errors="replace", start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        code = None
    return Build(code, out + err, time.monotonic() - start)


# --- scanning built pages -----------------------------------------------------------------------------

INERT_SCRIPT_TYPES = {"application/json", "application/ld+json"}
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping",
                      "cite", "srcset", "imagesrcset", "codebase", "manifest"}
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload",
                "dns-prefetch", "preconnect", "prerender", "manifest", "import", "mask-icon"}
LOADING_HREF_TAGS = {"image", "use", "feimage", "script"}  # SVG elements whose href loads something
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}


def plain_address(value: str) -> str:
    """An address as a browser reads it: no leading or trailing spaces or controls, no tab or newline, lower case."""
    return re.sub(r"[\t\n\r]", "", value).strip("\x00- ").lower()


def is_script_address(value: str) -> bool:
    return plain_address(value).startswith(SCRIPT_SCHEMES)


def is_other_host(value: str) -> bool:
    address = plain_address(value).replace("\\", "/")
    return address.startswith("//") or bool(re.match(r"[a-z][a-z0-9+.-]*:", address))


class PageScan(HTMLParser):
    """A page's executable inline scripts, and everything else on it that could run or load from elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.live: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        shown = f"<{tag} " + " ".join(f'{n}="{v[:60]}"' for n, v in named.items()) + ">"
        if tag == "script" and "src" not in named and named.get("type", "").strip().lower() not in INERT_SCRIPT_TYPES:
            self._script = []
        if tag in EMBEDDING:
            self.live.append(f"an embedding element {shown}")
        for name, value in named.items():
            if name.startswith("on"):
                self.live.append(f"an event handler {shown}")
            elif name == "srcdoc":
                self.live.append(f"an inline document {shown}")
            elif name in ADDRESS_ATTRIBUTES:
                for address in (value.split(",") if "srcset" in name else [value]):
                    address = address.strip().split(" ")[0] if "srcset" in name else address
                    if is_script_address(address):
                        self.live.append(f"a script address {shown}")
                    elif is_other_host(address) and self._loads(tag, name, named):
                        self.live.append(f"a load from another host {shown}")
        if tag == "meta" and named.get("http-equiv", "").lower() == "refresh":
            target = re.sub(r"^[\d.\s]*[;,]?\s*(url\s*=\s*)?", "", named.get("content", ""), flags=re.I).strip("'\" ")
            if is_script_address(target) or is_other_host(target):
                self.live.append(f"a refresh to {shown}")

    @staticmethod
    def _loads(tag: str, name: str, named: dict[str, str]) -> bool:
        """Whether this address is fetched by the page itself (not a link the reader follows)."""
        if name in {"src", "srcset", "imagesrcset", "poster", "background", "data", "codebase", "manifest"}:
            return True
        if tag == "link" and name == "href":
            return bool(LOADING_RELS & set(named.get("rel", "").lower().split()))
        return name in {"href", "xlink:href"} and tag in LOADING_HREF_TAGS

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def scan_page(html: str) -> PageScan:
    scan = PageScan()
    scan.feed(html)
    scan.close()
    if scan._script is not None:  # a script left open at the end of the page still runs
        scan.scripts.append("".join(scan._script))
    return scan


def loosely(script: str) -> str:
    """A script with its numbers blanked, to compare a new module's pages with the others'."""
    return re.sub(r"\d+", "0", script)


def live_markup(html: str, known_scripts: frozenset[str], new_page: bool = False) -> list[str]:
    """What on a page could run or load from elsewhere: inline scripts not among ``known_scripts`` (the clean
    build's; on a page the row adds, compared with numbers blanked), handlers, script addresses, loads."""
    scan = scan_page(html)
    known = {loosely(s) for s in known_scripts} if new_page else known_scripts
    unknown = [s for s in scan.scripts if (loosely(s) if new_page else s) not in known]
    return scan.live + [f"an inline script not in the clean build: {s.strip()[:120]!r}" for s in unknown]


# --- the built site and its offline copy ----------------------------------------------------------------

def offline_zip(site: Path) -> Path | None:
    found = sorted((site / "downloads").glob("*.zip")) if (site / "downloads").is_dir() else []
    return found[0] if found else None


def site_files(site: Path) -> Iterator[tuple[str, bytes]]:
    """Every file of ``site`` (as ``name``) and of the offline copy in it (as ``zip:name``, without its top folder)."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield path.relative_to(site).as_posix(), path.read_bytes()
    archive = offline_zip(site)
    if archive:
        with zipfile.ZipFile(archive) as opened:
            for info in opened.infolist():
                if not info.is_dir():
                    yield "zip:" + info.filename.split("/", 1)[-1], opened.read(info)


def hashes(folder: Path) -> dict[str, str]:
    """Every file (and link) under ``folder``, with its SHA-256."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[path.relative_to(folder).as_posix()] = "link to " + os.readlink(path)
        elif path.is_file():
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@dataclass(frozen=True)
class Baseline:
    """A clean copy of the project with its clean site/, and what that build holds."""

    project: Path
    hashes: dict[str, str]  # site/'s files
    files: frozenset[str]  # site/'s files and the offline copy's (as zip:NAME)
    scripts: frozenset[str]  # every inline script on any page of either
    seconds: float

    def copy_to(self, dest: Path) -> tuple[Path, Path]:
        """A fresh copy of the project (with the clean site/ in place) and an ``outside`` folder with the secret."""
        project = dest / "project"
        shutil.copytree(self.project, project, symlinks=True)
        outside = dest / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
        return project, outside


def scripts_and_files(site: Path) -> tuple[set[str], set[str]]:
    """The inline scripts on every page of a clean ``site`` and its offline copy, and their files."""
    scripts: set[str] = set()
    files: set[str] = set()
    for name, data in site_files(site):
        files.add(name)
        if name.endswith(".html"):
            scan = scan_page(data.decode("utf-8"))
            assert scan.live == [], f"the clean build's {name} already holds {scan.live}: fix the scanner or the site"
            scripts.update(scan.scripts)
    return scripts, files


@pytest.fixture(scope="session")
def hostile_baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    """The project built cleanly once by make site; each row copies it, edits it and builds again.

    The inline scripts the project writes when the site has an address (SITE_URL) are known too,
    from a second clean build aside (a real address is one of the rows)."""
    project = copy_full_project(tmp_path_factory.mktemp("hostile-baseline"))
    result = make_site(project, timeout=300)
    assert result.returncode == 0, result.output
    scripts, files = scripts_and_files(project / "site")
    assert scripts, "the clean build has no inline script: the scanner reads nothing"
    addressed = copy_full_project(tmp_path_factory.mktemp("hostile-baseline-addressed"))
    with_address = make_site(addressed, {"SITE_URL": REAL_ADDRESS}, timeout=300)
    assert with_address.returncode == 0, with_address.output
    scripts |= scripts_and_files(addressed / "site")[0]
    return Baseline(project, hashes(project / "site"), frozenset(files), frozenset(scripts), result.seconds)
