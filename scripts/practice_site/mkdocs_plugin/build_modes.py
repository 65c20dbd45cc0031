"""What the offline copy, the learning-system packages and the preview change in how MkDocs builds and serves."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:  # imported by mkdocs serve itself; a build never needs them
    from mkdocs.livereload import LiveReloadServer

PREVIEW_POLL = 0.1  # seconds between looks at the watched folders (MkDocs' own: 0.5)


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


def quick_preview(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """The preview notices a saved file within a tenth of a second: the watches MkDocs has made so far move to
    an observer that looks more often (still by polling, which works on every kind of drive)."""
    from watchdog.observers.polling import PollingObserver

    paths = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in paths:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=PREVIEW_POLL)
    for path in paths:
        server.watch(path)
    return server


class CompiledTemplates(BytecodeCache):
    """The theme's and the project's templates as Jinja compiled them, kept from one build to the next.

    MkDocs makes a new template environment for every build, and compiling Material's templates is a good
    part of a small site's build. The compiled code is kept in memory while mkdocs serve rebuilds and, given
    a ``folder`` (the project's cache), on disk for the next build, as Python keeps its own compiled modules
    in ``__pycache__``. Jinja checks each template's source against the checksum kept with its code: a
    changed template, or another version of Python, compiles afresh, and a damaged file is compiled over.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.compiled: dict[str, bytes] = {}
        self.folder = folder

    def path(self, key: str) -> Path | None:
        return self.folder / f"{key}.jinja" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is None and (path := self.path(bucket.key)) is not None:
            try:
                code = path.read_bytes()
            except OSError:
                return
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # Jinja resets the bucket if the code is not this source's
        except Exception:  # noqa: BLE001 (a damaged file fails in pickle or marshal, in many ways): compile it
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled[bucket.key] = bucket.bytecode_to_string()
        if (path := self.path(bucket.key)) is None:
            return
        temporary: Path | None = None
        try:  # written whole, then moved into place: a build running beside this one never reads half a file
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
                temporary = Path(file.name)
                file.write(code)
            os.replace(temporary, path)
        except OSError:  # a read-only project still builds, compiling every time
            if temporary is not None:
                temporary.unlink(missing_ok=True)
