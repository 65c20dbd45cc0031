"""The generator stays easy to read: stages in subpackages that say what they take and give, small
modules and functions, and no stage reaching up into the MkDocs adapter."""

from __future__ import annotations

import ast
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
        assert "In:" in doc or "In " in doc, f"{stage.name}/__init__.py: say what goes in"
        assert "Out" in doc or "out" in doc, f"{stage.name}/__init__.py: say what comes out"


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


@pytest.mark.parametrize("path", [p for p in MODULES if "mkdocs_plugin" not in p.parts],
                         ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_stage_imports_the_mkdocs_adapter(path: Path) -> None:
    """The adapter calls the stages, never the other way round, so each stage is testable without MkDocs."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith("practice_site.mkdocs_plugin"), f"{path.name} imports {node.module}"
