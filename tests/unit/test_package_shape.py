"""The generator stays easy to read: stages in subpackages that say what they take and give, small
modules and functions, and no stage reaching up into the MkDocs adapter."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "scripts" / "practice_site"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def test_each_stage_says_what_goes_in_and_what_comes_out() -> None:
    stages = [path for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()]
    assert stages
    for stage in stages:
        doc = ast.get_docstring(ast.parse((stage / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert re.search(r"\bIn: ", doc), f"{stage.name}/__init__.py: say what goes in (\"In: ...\")"
        assert re.search(r"\bOut[:,] ", doc), f"{stage.name}/__init__.py: say what comes out (\"Out: ...\")"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_and_functions_are_small_enough_to_read_at_once(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.name}: split it by what its parts do"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{path.name}:{node.lineno}: {node.name} is {length} lines"
        if isinstance(node, ast.Module):
            assert ast.get_docstring(node), f"{path.name}: say in a docstring what the module does"


# The stages in the order data flows (docs/ARCHITECTURE.md); the MkDocs adapter calls them all, so it is last.
STAGES = ["sources", "references", "learning", "pages", "bundle", "lms", "mkdocs_plugin"]
SHARED = {"errors", "safe_text", "text_forms"}  # used by every stage; they use no stage


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_stage_imports_only_from_the_stages_before_it(path: Path) -> None:
    """Data flows one way; the adapter calls the stages, never the other way round, so each is testable alone."""
    parts = path.relative_to(PACKAGE).parts
    mine = parts[0] if len(parts) > 1 else path.stem
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("practice_site.")):
            continue
        other = node.module.split(".")[1]
        if other in SHARED or other == mine or mine == "__init__":
            continue
        assert mine not in SHARED, f"{path.name}: a shared module imports the stage {other}"
        assert STAGES.index(other) < STAGES.index(mine), f"{path.name} ({mine}) imports {node.module}, a later stage"
