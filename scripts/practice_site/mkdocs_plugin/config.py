"""The plugin's options in mkdocs.yml, and checks on the words mkdocs.yml gives the pages."""

from __future__ import annotations

import os
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from practice_site.errors import SourceError
from practice_site.pages.site_address import ENV_NAME, check_site_url
from practice_site.safe_text import first_markup


class PracticePrinciplesConfig(Config):
    """Options under ``plugins: - practice-principles:`` in mkdocs.yml."""

    sources_dir = c.Type(str, default="sources")
    modules_dir = c.Type(str, default="principles")
    nav_section = c.Type(str, default="Principles")
    home_page = c.Type(str, default="index.md")
    credits_page = c.Type(str, default="credits.md")
    bib_dir = c.Type(str, default="bib")
    bibliography_page = c.Type(str, default="bibliography.md")
    quizzes_dir = c.Type(str, default="quizzes")
    my_learning_page = c.Type(str, default="my-learning.md")
    trainers_page = c.Type(str, default="for-trainers.md")
    sessions_dir = c.Type(str, default="sessions")
    sessions_nav_section = c.Type(str, default="Session plans")
    cache_dir = c.Type(str, default=".cache/practice-site")  # "" turns the citation cache off
    offline = c.Type(bool, default=False)
    offline_shim = c.Type(str, default="node_modules/iframe-worker/shim/index.js")
    offline_zip = c.Type(str, default="")  # the offline copy to offer for download (make site sets it)
    lms = c.Type(bool, default=False)  # pages for learning-system packages (make lms sets it)
    record_links = c.Type(bool, default=False)  # add new pages and anchors to published-links.json (make links)


CONFIG_STRINGS = ("site_name", "site_description", "site_author", "copyright")
THIRD_PARTY = {  # settings that would make pages load from, or report to, another site
    "repo_url": "Material's repository link fetches the repository's details from another site",
    "repo_name": "it goes with repo_url, which would fetch from another site",
    "edit_uri": "it links pages to a repository on another site",
    "extra.analytics": "analytics would report every visit to another site",
    "extra.consent": "it asks consent for analytics, which this site does not have",
}
ADDRESS_KEYS = {"link", "homepage", "logo", "favicon", "scope"}  # settings that hold an address
MARKUP = re.compile(r"[<>\x00-\x08\x0b-\x1f\x7f]")  # what words the pages show may not hold
PLAIN = re.compile(r"[<>\"`\x00-\x08\x0b-\x1f\x7f]")  # nor a setting the theme may print inside an attribute
NAME_KEYS = {"icon", "language"}  # settings the theme reads a template file by
NAME = re.compile(r"[A-Za-z0-9]+(?:[/_.-][A-Za-z0-9]+)*")  # "material/library", "en-GB": never "../"
FRONT_MATTER = {"title", "description", "hide", "search"}  # the keys a page of docs/ may set


PATH_OPTIONS = ("sources_dir", "modules_dir", "home_page", "credits_page", "bib_dir", "bibliography_page",
                "quizzes_dir", "my_learning_page", "trainers_page", "sessions_dir", "cache_dir", "offline_shim")


def check_paths(options: PracticePrinciplesConfig) -> None:
    """The plugin's folders and files are inside the project, written as paths from it: nothing from
    elsewhere on the computer is read into, or copied onto, the site."""
    for name in PATH_OPTIONS:
        value = str(options[name])
        if value and (PurePosixPath(value).is_absolute() or ".." in PurePosixPath(value).parts or "\\" in value):
            raise PluginError(f"mkdocs.yml: plugins: practice-principles: {name}: {value!r}: write a path inside "
                              "the project (no leading / and no ..)")


def check_address(config: MkDocsConfig) -> None:
    """The site's address (site_url, or SITE_URL at build time) is a plain http(s) address."""
    url = config.site_url
    if url and (problem := check_site_url(url)):
        where = f"the {ENV_NAME} environment variable" if os.environ.get(ENV_NAME) else "mkdocs.yml: site_url"
        raise PluginError(f"{where}: {url!r} cannot be the site's address: {problem}")


def check_config_strings(config: MkDocsConfig) -> None:
    """The words in mkdocs.yml that pages show are plain text: markup in them is refused."""
    def titles(items: list | None):
        for item in items or []:
            if isinstance(item, dict):
                for key, value in item.items():
                    yield f"nav: {key}", key
                    yield from titles(value if isinstance(value, list) else None)

    named = [(key, config.get(key)) for key in CONFIG_STRINGS] + list(titles(config.nav))
    for where, value in named:
        if isinstance(value, str) and (first_markup(value) or MARKUP.search(value)):
            raise PluginError(f"mkdocs.yml: {where}: markup such as <b> is not allowed here (nor a control "
                              "character); write plain text")
    check_theme_settings(config)


def settings(value: Any, key: str):
    """(dotted key, value) for every string, number or flag under ``value``."""
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from settings(inner, f"{key}.{name}")
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from settings(inner, f"{key}[{index}]")
    else:
        yield key, value


def address_problem(value: str) -> str | None:
    """Why a setting that holds an address cannot be one: only https:// or a path inside the site."""
    if PLAIN.search(value) or " " in value:
        return "an address has no spaces, quotation marks or angle brackets"
    if ".." in value.split("/") or value.startswith("/"):
        return "a path inside the site does not climb out of it"
    scheme = urlsplit(value).scheme if ":" in value else ""
    if scheme and scheme != "https" or value.startswith("//"):
        return "write an https:// address, or a path inside the site"
    return None


def check_theme_settings(config: MkDocsConfig) -> None:
    """Every setting the theme prints is plain text, or an https:// or local address where one is expected;
    settings that would reach another site are refused. A PluginError names the setting."""
    for key, reason in THIRD_PARTY.items():
        section, _, name = key.partition(".")
        present = config.get(section) if not name else (config.get(section) or {}).get(name)
        if present:
            raise PluginError(f"mkdocs.yml: {key}: leave it out: {reason}, and the site makes no request to "
                              "another site")
    if config.theme.get("font") not in (False, None):
        raise PluginError("mkdocs.yml: theme.font: set it to false: web fonts come from another site")
    for path in [*config.extra_css, *(str(s) for s in config.extra_javascript)]:
        if urlsplit(path).scheme or path.startswith("//") or PLAIN.search(path):
            raise PluginError(f"mkdocs.yml: extra_css / extra_javascript: {path!r}: list files of the site "
                              "itself (a path inside docs/), never another site's")
    theme = {k: v for k, v in config.theme.items() if k not in {"custom_dir", "name", "locale"}}
    for key, value in [*settings(dict(config.extra), "extra"), *settings(theme, "theme")]:
        if not isinstance(value, str):
            continue
        last = key.rpartition(".")[2].split("[")[0]
        if last in NAME_KEYS or key.startswith("theme.icon."):
            problem = None if NAME.fullmatch(value) else "write the name of an icon or a language, not a path"
        elif last in ADDRESS_KEYS:
            problem = address_problem(value)
        else:
            problem = "markup, quotation marks and control characters are not allowed" if PLAIN.search(value) else None
        if problem:
            raise PluginError(f"mkdocs.yml: {key}: {value[:60]!r}: {problem}; write plain text")


def check_front_matter(meta: dict, display: str, lines: list[str]) -> None:
    """A page's front matter sets only title, description, hide and search, as plain text: anything
    else (a template from elsewhere, markup in a title) stops the build with the file and line."""
    def line_of(key: str) -> int:
        return next((n for n, text in enumerate(lines, 1) if text.split(":")[0].strip() == key), 1)

    for key, value in meta.items():
        if key not in FRONT_MATTER:
            raise SourceError(display, line_of(key), f'the front matter key "{key}" is not one this site uses; '
                              f"keep to {', '.join(sorted(FRONT_MATTER))}")
        for where, text in settings(value, key):
            if isinstance(text, str) and (MARKUP.search(text) or first_markup(text)):
                raise SourceError(display, line_of(key), f"{where}: markup such as <b> (or a control character) is "
                                  "not allowed in front matter; write plain text")
