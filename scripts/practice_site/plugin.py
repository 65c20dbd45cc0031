"""MkDocs plugin: a thin adapter that turns ``sources/`` into module pages at build time."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .collection import load_principles, publisher_footers
from .crosslinks import unresolved
from .errors import SourceError
from .model import Principle
from .render import module_filename, render_principle

log = get_plugin_logger(__name__)

PRINCIPLE_LIST_MARKER = "<!-- principle-list -->"
FOOTER_MARKER = "<!-- publisher-footer -->"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"


class PracticePrinciplesConfig(Config):
    """Options under ``plugins: - practice-principles:`` in mkdocs.yml."""

    sources_dir = c.Type(str, default="sources")
    modules_dir = c.Type(str, default="principles")
    nav_section = c.Type(str, default="Principles")
    home_page = c.Type(str, default="index.md")
    credits_page = c.Type(str, default="credits.md")
    offline = c.Type(bool, default=False)
    offline_shim = c.Type(str, default="node_modules/iframe-worker/shim/index.js")


class PracticePrinciplesPlugin(BasePlugin[PracticePrinciplesConfig]):
    """Reads the principle documents, adds one module page each and fills the nav."""

    def __init__(self) -> None:
        self.principles: list[Principle] = []
        self.shim_source = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        sources = root / self.config.sources_dir
        try:
            self.principles = load_principles(sources, root)
        except SourceError as error:
            raise PluginError(str(error)) from None
        config.watch.append(str(sources))
        known = {p.number for p in self.principles}
        for principle in self.principles:
            for message in principle.repairs:
                log.info(f"repaired {message}")
            for ref, missing in unresolved(principle.cross_references, known):
                numbers = ", ".join(str(n) for n in missing)
                log.info(
                    f'{principle.path}:{ref.line}: "{ref.text}": no module yet for principle '
                    f"{numbers}; kept as plain text"
                )
        config.nav = self.fill_nav(config.nav)
        if self.config.offline:
            self.add_offline_shim(config, root)
        return config

    def add_offline_shim(self, config: MkDocsConfig, root: Path) -> None:
        """List a local copy of the iframe-worker shim, so Material's offline plugin adds no CDN script.

        Runs before the offline plugin (list this plugin first in mkdocs.yml).
        """
        shim = root / self.config.offline_shim
        if not shim.is_file():
            raise PluginError(
                f"{self.config.offline_shim} is missing; run 'npm ci' (or 'make bundle') to install it"
            )
        config.extra.setdefault("polyfills", [])
        config.extra["polyfills"].insert(0, SHIM_URI)
        self.shim_source = shim

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.offline:
            target = Path(config.site_dir) / SHIM_URI
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.shim_source, target)

    def module_uri(self, principle: Principle) -> str:
        return f"{self.config.modules_dir}/{module_filename(principle.number)}"

    def fill_nav(self, nav: list | None) -> list | None:
        """Put one entry per principle, "4. Short title", into the configured nav section."""
        if nav is None:
            return None
        entries = [{f"{p.number}. {p.short_title}": self.module_uri(p)} for p in self.principles]
        for item in nav:
            if isinstance(item, dict) and self.config.nav_section in item:
                item[self.config.nav_section] = entries
                return nav
        raise PluginError(
            f'mkdocs.yml: the nav has no "{self.config.nav_section}" section for the modules; '
            f'add "- {self.config.nav_section}: []" to nav'
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        known = {p.number for p in self.principles}
        for principle in self.principles:
            content = render_principle(principle, known)
            files.append(File.generated(config, self.module_uri(principle), content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if uri == self.config.home_page:
            return self.replace_marker(markdown, uri, PRINCIPLE_LIST_MARKER, self.principle_list(page))
        if uri == self.config.credits_page:
            footers = "\n\n---\n\n".join(publisher_footers(self.principles))
            return self.replace_marker(markdown, uri, FOOTER_MARKER, footers)
        return markdown

    def principle_list(self, page: Page) -> str:
        """A bulleted list of links to every module, relative to ``page``."""
        base = posixpath.dirname(page.file.src_uri) or "."
        return "\n".join(
            f"- [Practice Principle {p.number}: {p.short_title}]"
            f"({posixpath.relpath(self.module_uri(p), base)})"
            for p in self.principles
        )

    @staticmethod
    def replace_marker(markdown: str, uri: str, marker: str, content: str) -> str:
        if marker not in markdown:
            raise PluginError(
                f"docs/{uri}: the line {marker} is missing; put it where the generated text goes"
            )
        return markdown.replace(marker, content)
