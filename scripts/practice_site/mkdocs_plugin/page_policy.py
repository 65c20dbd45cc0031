"""Each built page's Content Security Policy: the inline scripts its templates write, and no other.

The theme's templates are read once a build (see ``pages/known_scripts``); for each page their
scripts are rendered with its own values, and ``pages/page_finish`` finishes the page in one pass. A
page holding any other inline script, an event handler or a ``javascript:`` address stops the build,
naming the page.
"""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig

from practice_site.pages.known_scripts import known_scripts, template_scripts
from practice_site.pages.offline_shim import frame_script
from practice_site.pages.page_finish import finish_page
from practice_site.pages.site_address import site_path


class PagePolicy:
    """The policy for this build's pages; ``shim`` is the offline search shim's source, in the offline copy."""

    def __init__(self, config: MkDocsConfig, shim: str | None) -> None:
        self.config, self.shim = config, shim
        self.env = config.theme.get_env()
        self.sources = template_scripts(self.env)

    def apply(self, page: str, where: str, base_url: str, content: str = "") -> str:
        """``page`` finished (see page_finish); ``where`` names it in an error (SettingError), ``base_url`` is its
        way to the site's root, ``content`` its sanitised content."""
        config = self.config
        context = {"config": config, "base_url": base_url, "features": config.theme.get("features") or [],
                   "site_path": site_path(config.site_url) if config.site_url else None}
        frame = partial(frame_script, self.shim) if self.shim is not None else None
        return finish_page(page, known_scripts(self.env, self.sources, context), where, frame, content)
