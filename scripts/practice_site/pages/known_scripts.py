"""The inline scripts a page may run: those the theme's and the project's templates write, and no other.

The Content Security Policy names these scripts by hash. They are found where they come from, in
the templates (Material's ``partials/javascripts/``, ``base.html``, and the project's ``overrides/``),
and rendered with the page's own values (its ``base_url``, the checked settings in mkdocs.yml), never
read off the built page. A page holding any other inline script, an event-handler attribute or a
``javascript:`` address stops the build: see :func:`live_markup`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError

SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
SCRIPT_TEMPLATES = re.compile(r"^(?:base|main|404)\.html$|^partials/javascripts/[\w-]+\.html$")
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background"}
OUT_OF_SITE = re.compile(r"url\s*=\s*['\"]?\s*(?:[a-z][\w+.-]*:|//)", re.IGNORECASE)  # a refresh to elsewhere
SCRIPT_ADDRESS = re.compile(r"^[\s\x00-\x20]*(?:java\s*script\s*:|vb\s*script\s*:|data\s*:\s*text/html)", re.IGNORECASE)


class InlineScripts(HTMLParser):
    """The executable inline scripts of a page or template, and any live attribute it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("script", "meta") and not attrs:
            return
        named = dict(attrs)
        if tag == "script" and "src" not in named and (named.get("type") or "").lower() in SCRIPT_TYPES:
            self._in_script = True
            self.scripts.append("")
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "refresh" and OUT_OF_SITE.search(
                named.get("content") or ""):
            self.live.append(f'<meta http-equiv="refresh" content="{(named.get("content") or "")[:40]}">')
        for name, value in attrs:
            if live_attribute(name, value):
                self.live.append(f'<{tag} {name}="{(value or "")[:40]}">')

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def live_attribute(name: str, value: str | None) -> bool:
    """An event handler, or an address that runs a script."""
    return name.startswith("on") or name in ADDRESS_ATTRIBUTES and bool(SCRIPT_ADDRESS.match(
        re.sub(r"[\t\n\r]", "", value or "")))  # browsers drop these anywhere in an address


def scan(html: str) -> InlineScripts:
    parser = InlineScripts()
    parser.feed(html)
    parser.close()
    return parser


def template_scripts(env: Environment, names: Iterable[str] | None = None) -> tuple[str, ...]:
    """The inline scripts of the templates a page is made from (``names``, or the theme's page templates),
    as Jinja text, not rendered yet."""
    found: list[str] = []
    for name in sorted(page_templates(env)) if names is None else names:
        source, _, _ = env.loader.get_source(env, name)  # the project's override where it has one
        found.extend(scan(source).scripts)
    return tuple(dict.fromkeys(found))


def page_templates(env: Environment) -> set[str]:
    """The names of the templates that write a page's scripts, in every folder the theme's loader reads
    (only where they can be: Material's folders also hold thousands of icons)."""
    folders = getattr(env.loader, "searchpath", None)
    if folders is None:  # a loader that is not a list of folders: ask it for every name
        return {name for name in env.list_templates() if SCRIPT_TEMPLATES.match(name)}
    names = set()
    for folder in map(Path, folders):
        for path in [*folder.glob("*.html"), *folder.glob("partials/javascripts/*.html")]:
            if SCRIPT_TEMPLATES.match(name := path.relative_to(folder).as_posix()):
                names.add(name)
    return names


def known_scripts(env: Environment, sources: Iterable[str], context: Mapping[str, Any]) -> frozenset[str]:
    """The templates' inline scripts as they read for one page (``context``: its base_url, the settings)."""
    rendered = set()
    for source in sources:
        try:
            rendered.add(render(env, source, context))
        except (TemplateError, TypeError, AttributeError):
            continue  # a script whose template cannot be shown here is not on the page either
    return frozenset(rendered)


@lru_cache(maxsize=256)
def _compiled(env: Environment, source: str):
    return env.from_string(source)


def render(env: Environment, source: str, context: Mapping[str, Any]) -> str:
    """The script as the template writes it for this page; one with no Jinja in it is the same text."""
    if "{" not in source and "\r" not in source and not source.endswith("\n"):
        return source  # what Jinja would give back: nothing to fill in, no newline to drop or change
    return _compiled(env, source).render(**context)
