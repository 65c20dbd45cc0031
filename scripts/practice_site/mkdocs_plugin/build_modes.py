"""What the offline copy, the learning-system packages and the preview change in how MkDocs builds and serves."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from jinja2 import BytecodeCache, Environment
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


def only_search_between(handlers: list[Callable], first: Callable, last: Callable) -> bool:
    """Whether Material's search plugin, and nothing else, runs between ``first`` and ``last`` (bound methods of
    one plugin, in MkDocs' ordered list of an event's ``handlers``)."""
    def at(method: Callable) -> int:
        return next(i for i, h in enumerate(handlers) if getattr(h, "__func__", None) is method.__func__
                    and getattr(h, "__self__", None) is method.__self__)

    between = handlers[at(first) + 1:at(last)]
    return len(between) == 1 and type(getattr(between[0], "__self__", None)).__module__.startswith(
        "material.plugins.search")


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


def environment_mark(env: Environment) -> str:
    """What a template's compiled code depends on besides its source: Jinja's version and the environment's
    syntax and settings (two environments that differ in any of them never share compiled code)."""
    autoescape: object = env.autoescape
    if callable(autoescape):  # select_autoescape(...): the function and the choices it closes over
        autoescape = (autoescape.__module__, autoescape.__qualname__,
                      tuple(cell.cell_contents for cell in autoescape.__closure__ or ()))
    finalize = getattr(env.finalize, "__qualname__", env.finalize)
    return repr((jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.is_async, autoescape, finalize))


class CompiledTemplates(BytecodeCache):
    """The theme's and the project's templates as Jinja compiled them, kept from one build to the next.

    MkDocs makes a new template environment for every build, and compiling Material's templates is a good
    part of a small site's build. The compiled code is kept in memory while mkdocs serve rebuilds and, given
    a ``folder`` (the project's cache), on disk for the next build, as Python keeps its own compiled modules
    in ``__pycache__``. Jinja checks each template's source against the checksum kept with its code, and the
    code is kept under a name that also holds Jinja's version and the environment's settings
    (:func:`environment_mark`): a changed template, another Jinja or Python, or changed settings compile
    afresh, and a damaged file is compiled over.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.compiled: dict[str, bytes] = {}
        self.folder = folder

    def name(self, bucket: Bucket) -> str:
        """The template's compiled code's name: its own (its name and file) and what else the code depends on."""
        return hashlib.sha256(f"{environment_mark(bucket.environment)}\n{bucket.key}".encode()).hexdigest()[:40]

    def path(self, name: str) -> Path | None:
        return self.folder / f"{name}.jinja" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        name = self.name(bucket)
        code = self.compiled.get(name)
        if code is None and (path := self.path(name)) is not None:
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
        name = self.name(bucket)
        code = self.compiled[name] = bucket.bytecode_to_string()
        if (path := self.path(name)) is None:
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
