"""mkdocs.yml read safely first: settings, never code.

MkDocs reads its configuration with PyYAML's full loader, which runs the Python a tag such as
``!!python/object/apply`` names. Before any build, ``make site``, ``make bundle``, ``make lms``,
``make serve`` and ``make links`` read the file with the safe loader, which knows only MkDocs' own
``!ENV`` and ``!relative`` tags: any other tag stops the build, naming the file and line, before MkDocs sees it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"


class SettingsLoader(yaml.SafeLoader):
    """YAML's safe loader, with MkDocs' two harmless tags read as plain values."""


def plain_value(loader: SettingsLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


SettingsLoader.add_constructor("!ENV", plain_value)
SettingsLoader.add_constructor("!relative", plain_value)


def config_problem(root: Path) -> str | None:
    """Why mkdocs.yml in ``root`` cannot be read as settings alone ("mkdocs.yml:LINE: ..."), or None."""
    path = root / CONFIG_FILE
    try:
        yaml.load(path.read_text(encoding="utf-8"), Loader=SettingsLoader)  # noqa: S506 (a safe loader)
    except UnicodeDecodeError as error:
        return f"{CONFIG_FILE}: the file is not UTF-8 ({error.reason}); save it as UTF-8"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "it cannot be read"
        if isinstance(error, yaml.constructor.ConstructorError):
            what = f"{what}; mkdocs.yml holds settings, never code: take the tag out"
        return f"{CONFIG_FILE}:{line}: {what}"
    except OSError as error:
        return f"{CONFIG_FILE}: {error.strerror}"
    return None


def main() -> int:
    """Check the current folder's mkdocs.yml (``make serve`` and ``make links`` run this first)."""
    if problem := config_problem(Path.cwd()):
        print(f"make: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
