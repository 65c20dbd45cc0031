"""The plugin's options in mkdocs.yml, and checks on the words mkdocs.yml gives the pages."""

from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

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
        if isinstance(value, str) and (first_markup(value) or "<" in value or ">" in value):
            raise PluginError(f"mkdocs.yml: {where}: markup such as <b> is not allowed here; write plain text")
