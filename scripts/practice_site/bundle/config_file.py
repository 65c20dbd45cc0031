"""mkdocs.yml read safely first: settings, never code.

MkDocs reads its configuration with PyYAML's full loader, which runs the Python a tag such as
``!!python/object/apply`` names, and then loads the hooks, inherited files, plugins and Markdown
extensions the file names, each of which can run code. Before any build, ``make site``,
``make bundle``, ``make lms``, ``make serve`` and ``make links`` read the file with the safe loader
(which knows only MkDocs' own ``!ENV`` and ``!relative`` tags) and check what it would load: any
other tag, an alias, ``INHERIT``, ``hooks``, a plugin or extension not on the allowlists, or a site
address that cannot be one stops the build, naming the file and line or the setting, before MkDocs
sees it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from practice_site.pages.build_allowlist import PLUGINS, extension_problem
from practice_site.pages.site_address import ENV_NAME, check_site_url

CONFIG_FILE = "mkdocs.yml"
NEVER = {"INHERIT": "it would read another settings file without these checks; copy its settings in",
         "hooks": "hooks run Python code from a file at build time; this site's code lives in its plugin"}


class SettingsLoader(yaml.SafeLoader):
    """YAML's safe loader, with MkDocs' two harmless tags read as plain values and no aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "an alias (*name) is not read here: write the setting out in full", event.start_mark)
        return super().compose_node(parent, index)


def plain_value(loader: SettingsLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


SettingsLoader.add_constructor("!ENV", plain_value)
SettingsLoader.add_constructor("!relative", plain_value)


def read_settings(path: Path) -> tuple[Any, str | None]:
    """mkdocs.yml's settings, or why they cannot be read ("mkdocs.yml:LINE: ...")."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SettingsLoader), None  # noqa: S506 (safe)
    except UnicodeDecodeError as error:
        return None, f"{CONFIG_FILE}: the file is not UTF-8 ({error.reason}); save it as UTF-8"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "it cannot be read"
        if isinstance(error, yaml.constructor.ConstructorError):
            what = f"{what}; mkdocs.yml holds settings, never code: take the tag out"
        return None, f"{CONFIG_FILE}:{mark.line + 1 if mark else 1}: {what}"
    except yaml.YAMLError as error:  # a character YAML cannot hold (a NUL, say)
        return None, f"{CONFIG_FILE}: {error}; take it out"
    except RecursionError:
        return None, f"{CONFIG_FILE}: settings nested too deeply to read; write them out flat"
    except OSError as error:
        return None, f"{CONFIG_FILE}: {error.strerror}"


def names(entries: Any) -> list[str]:
    """The names in a plugins or markdown_extensions list (each a name, or a mapping of a name to options)."""
    items = entries.items() if isinstance(entries, Mapping) else entries if isinstance(entries, list) else []
    found = []
    for item in items:
        if isinstance(item, tuple):
            item = item[0]
        found.extend(item if isinstance(item, Mapping) else [item])
    return [str(name) for name in found]


def what_it_loads(settings: Mapping) -> str | None:
    """Why the settings would load code or files the site may not (a hook, a plugin...), or None."""
    for key, reason in NEVER.items():
        if key in settings:
            return f"{CONFIG_FILE}: {key}: leave it out: {reason}"
    for name in names(settings.get("plugins")):
        if name not in PLUGINS:
            return (f"{CONFIG_FILE}: plugins: {name}: not a plugin this site runs (it might run code, read files "
                    f"from elsewhere or fetch from another site); use {', '.join(sorted(PLUGINS))}")
    for name in names(settings.get("markdown_extensions")):
        if problem := extension_problem(name):
            return f"{CONFIG_FILE}: markdown_extensions: {name}: {problem}"
    url = settings.get("site_url")
    if isinstance(url, str) and url and (problem := check_site_url(url)):
        return f"{CONFIG_FILE}: site_url: {url!r} cannot be the site's address: {problem}"
    return None


def config_problem(root: Path, env: Mapping[str, str] | None = None) -> str | None:
    """Why mkdocs.yml in ``root`` (with the site address in ``env``) cannot be built from, or None."""
    settings, problem = read_settings(root / CONFIG_FILE)
    if problem:
        return problem
    if not isinstance(settings, Mapping):
        return f"{CONFIG_FILE}:1: the file holds settings (name: value), one on each line"
    if problem := what_it_loads(settings):
        return problem
    url = (env if env is not None else os.environ).get(ENV_NAME)
    if url and (problem := check_site_url(url)):
        return f"the {ENV_NAME} environment variable: {url!r} cannot be the site's address: {problem}"
    return None


def main() -> int:
    """Check the current folder's mkdocs.yml and SITE_URL (``make serve`` and ``make links`` run this first)."""
    if problem := config_problem(Path.cwd()):
        print(f"make: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
