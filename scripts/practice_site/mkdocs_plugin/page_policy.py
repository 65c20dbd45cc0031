"""Each built page's Content Security Policy: the inline scripts its templates write, and no other.

The theme's templates are read once a build (see ``pages/known_scripts``); for each page their
scripts are rendered with its own values. A page holding any other inline script, an event
handler or a ``javascript:`` address stops the build, naming the page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from practice_site.pages.csp import add_policy
from practice_site.pages.known_scripts import known_scripts, template_scripts, unknown
from practice_site.pages.offline_shim import frame_script, worker_url
from practice_site.pages.site_address import site_path


class PagePolicy:
    """The policy for this build's pages; ``shim`` is the offline search shim's source, in the offline copy."""

    def __init__(self, config: MkDocsConfig, shim: str | None) -> None:
        self.config, self.shim = config, shim
        self.env = config.theme.get_env()
        self.sources = template_scripts(self.env)

    def apply(self, page: str, where: str, base_url: str) -> str:
        """``page`` with its policy; ``where`` names it in an error, ``base_url`` is its way to the site's root."""
        config = self.config
        context = {"config": config, "base_url": base_url, "features": config.theme.get("features") or [],
                   "site_path": site_path(config.site_url) if config.site_url else None}
        present = stop_live_markup(page, known_scripts(self.env, self.sources, context), where)
        if self.shim is not None and (url := worker_url(page)):
            present.append(frame_script(self.shim, url))
        return add_policy(page, present)


def stop_live_markup(page: str, allowed: frozenset[str], where: str) -> list[str]:
    """The page's inline scripts, all of them ones its templates write; any other (or an event handler or a
    javascript: address) stops the build, naming the page and where such text comes from."""
    present, scripts, attributes = unknown(page, allowed)
    if scripts or attributes:
        what = f"an inline script “{scripts[0][:60]}”" if scripts else f"live markup {attributes[0]}"
        raise PluginError(f"{where}: the built page holds {what} that no template of the theme or the project "
                          "writes; it came from a setting in mkdocs.yml or the page's front matter. Remove it: "
                          "settings and titles are plain text")
    return present
