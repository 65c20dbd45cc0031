"""What the offline copy and the learning-system packages change in the configuration they are built with."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def prepare_lms(config: MkDocsConfig, lms_script: str) -> None:
    """Pages that stand alone in a package: no site search, and the SCORM script before learning.js."""
    config.extra["lms"] = True
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and "enabled" in search.config:
        search.config.enabled = False
    scripts = [str(script) for script in config.extra_javascript]
    at = scripts.index("javascripts/learning.js") if "javascripts/learning.js" in scripts else len(scripts)
    config.extra_javascript.insert(at, lms_script)


def add_offline_shim(config: MkDocsConfig, root: Path, shim: str, shim_uri: str) -> None:
    """List a local copy of the iframe-worker shim, so Material's offline plugin adds no CDN script.

    Runs before the offline plugin (list this plugin first in mkdocs.yml).
    """
    if not (root / shim).is_file():
        raise PluginError(f"{shim} is missing; run 'npm ci' (or 'make bundle') to install it")
    config.extra.setdefault("polyfills", [])
    config.extra["polyfills"].insert(0, shim_uri)
