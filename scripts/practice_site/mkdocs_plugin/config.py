"""The plugin's options in mkdocs.yml, and checks that its paths and the site's folders stay inside the project."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from practice_site.learning.learner_notes import DEFAULT_CONTENT_NOTE, content_note_problem
from practice_site.pages.site_address import ENV_NAME, check_site_url


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
    content_note = c.Type(str, default=DEFAULT_CONTENT_NOTE)  # shown at the start of every module


def check_content_note(options: PracticePrinciplesConfig) -> None:
    """The content note is a short, non-empty text (it is shown as text, whatever it holds)."""
    if problem := content_note_problem(options.content_note):
        raise PluginError(f"mkdocs.yml: plugins: practice-principles: content_note: {problem}")


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
        if name.endswith("_page") and not value.endswith(".md"):
            raise PluginError(f"mkdocs.yml: plugins: practice-principles: {name}: {value!r}: a page the site "
                              "makes is a Markdown page: give it a name ending in .md")


def check_folders(config: MkDocsConfig, root: Path) -> None:
    """The site's own pages and the theme's overrides are folders inside the project."""
    for name, folder in (("docs_dir", config.docs_dir), ("theme.custom_dir", config.theme.custom_dir)):
        if folder and not Path(folder).resolve().is_relative_to(root.resolve()):
            raise PluginError(f"mkdocs.yml: {name}: {folder!r} is outside the project; keep it inside")


def check_address(config: MkDocsConfig) -> None:
    """The site's address (site_url, or SITE_URL at build time) is a plain http(s) address."""
    url = config.site_url
    if url and (problem := check_site_url(url)):
        where = f"the {ENV_NAME} environment variable" if os.environ.get(ENV_NAME) else "mkdocs.yml: site_url"
        raise PluginError(f"{where}: {url!r} cannot be the site's address: {problem}")
