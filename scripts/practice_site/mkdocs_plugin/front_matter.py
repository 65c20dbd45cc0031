"""A page's front matter: the few keys the site's pages use, of the kinds the theme expects.

Anything else (a template from elsewhere, an icon, markup in a title, a number where a list goes)
stops the build with the file and line, before the theme reads it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from practice_site.errors import SourceError
from practice_site.mkdocs_plugin.settings_check import MARKUP, settings
from practice_site.safe_text import first_markup

HIDE = {"navigation", "toc", "footer", "feedback", "path", "tags"}  # what Material's "hide" may name


def kind_problem(key: str, value: Any) -> str | None:
    """Why ``value`` is not of the kind ``key`` takes; None when it is."""
    if key in {"title", "description"}:
        return None if isinstance(value, str) else "write a line of plain text"
    if key == "hide":
        ok = isinstance(value, list) and all(isinstance(v, str) and v in HIDE for v in value)
        return None if ok else f"list what to hide, from: {', '.join(sorted(HIDE))}"
    if key == "search":
        ok = isinstance(value, dict) and set(value) <= {"exclude", "boost"} and isinstance(
            value.get("exclude", False), bool) and isinstance(value.get("boost", 1), (int, float))
        return None if ok else "give exclude: true or false, and boost: a number"
    return f"it is not a key this site uses; keep to {', '.join(sorted(KINDS))}"


KINDS = ("title", "description", "hide", "search")


def check_front_matter(meta: dict, display: str, lines: list[str]) -> None:
    """A page's front matter keeps to title, description (plain text), hide and search, each of its kind."""
    def line_of(key: str) -> int:
        return next((n for n, text in enumerate(lines, 1) if text.split(":")[0].strip().strip("\"'") == key), 1)

    for key, value in meta.items():
        if problem := kind_problem(str(key), value):
            raise SourceError(display, line_of(key), f'the front matter key "{key}": {problem}')
        for where, text in settings(value, str(key)):
            if isinstance(text, str) and (MARKUP.search(text) or first_markup(text)):
                raise SourceError(display, line_of(key), f"{where}: markup such as <b> (or a control character) is "
                                  "not allowed in front matter; write plain text")


def page_name(page: Page, config: MkDocsConfig) -> str:
    """How messages name a page: its file in docs/ ("docs/sessions/x.md"), or a generated page's address."""
    uri = page.file.src_uri
    return uri if page.file.generated_by else f"{Path(config.docs_dir).name}/{uri}"


def page_meta(meta: dict, display: str, text: str, module_title: str | None) -> dict:
    """A page's front matter, checked (see :func:`check_front_matter`), with its description escaped (the
    theme writes it into an attribute as it is); a module page's description is its title."""
    check_front_matter(meta, display, text.split("\n"))
    if module_title:
        return {**meta, "description": html.escape(module_title)}
    return {**meta, "description": html.escape(str(meta["description"]))} if "description" in meta else meta
