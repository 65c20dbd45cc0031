"""The generator stays easy to read: stages in subpackages that say what they take and give, small
modules and functions, and no stage reaching up into the MkDocs adapter."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import re
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "scripts" / "practice_site"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_FUNCTION_LINES = 50


def test_each_stage_says_what_goes_in_and_what_comes_out() -> None:
    stages = [path for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()]
    assert stages
    for stage in stages:
        doc = ast.get_docstring(ast.parse((stage / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert re.search(r"\bIn: ", doc), f"{stage.name}/__init__.py: say what goes in (\"In: ...\")"
        assert re.search(r"\bOut[:,] ", doc), f"{stage.name}/__init__.py: say what comes out (\"Out: ...\")"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_functions_are_small_enough_to_read_at_once(path: Path) -> None:
    """Modules are split by job, not by a line count; a function is short enough to read at once."""
    text = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{path.name}:{node.lineno}: {node.name} is {length} lines"
        if isinstance(node, ast.Module):
            assert ast.get_docstring(node), f"{path.name}: say in a docstring what the module does"


# The stages in the order data flows (ARCHITECTURE.md); the model sits below every output, and the MkDocs
# adapter calls them all, so it is last.
STAGES = ["sources", "references", "learning", "model", "pages", "bundle", "lms", "mkdocs_plugin"]
SHARED = {"errors", "input_files", "names", "safe_text", "text_forms"}  # used by every stage; they use no stage


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


# The types the site model is built from (model/site_model.py): built whole, never changed.
MODEL_MODULES = ["sources.model", "references.find_citations", "references.site_citations", "references.corrections",
                 "references.resolve_citations", "references.format_apa", "learning.quiz_format",
                 "learning.session_format", "learning.session_plans", "learning.module_catalogue",
                 "model.offline_copy", "model.site_model"]


@pytest.mark.parametrize("name", MODEL_MODULES)
def test_the_site_model_is_frozen_all_the_way_down(name: str) -> None:
    """Every data class the model holds is frozen, and holds tuples and read-only maps, not lists or dicts."""
    module = importlib.import_module(f"practice_site.{name}")
    classes = [c for c in vars(module).values() if dataclasses.is_dataclass(c) and c.__module__ == module.__name__
               and not c.__name__.startswith("_")]
    assert classes, f"{name}: no data classes"
    for cls in classes:
        assert cls.__dataclass_params__.frozen, f"{name}.{cls.__name__} is not frozen"
        for field in dataclasses.fields(cls):
            annotation = str(field.type)
            assert not re.search(r"\b(list|dict|set)\[", annotation), \
                f"{name}.{cls.__name__}.{field.name}: {annotation} can change; use a tuple or Mapping"


def test_the_model_knows_nothing_of_mkdocs() -> None:
    """The model is read by every output, some of them outside MkDocs: it imports no MkDocs and raises the
    project's own errors."""
    for path in sorted((PACKAGE / "model").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name.split(".")[0] == "mkdocs" for name in imported), f"model/{path.name} imports MkDocs"


def module_name(path: Path) -> str:
    return ".".join(["practice_site", *path.relative_to(PACKAGE).with_suffix("").parts])


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "__init__.py"],
                         ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_is_named_by_the_tests_that_check_it(path: Path) -> None:
    """A module's tests are found by searching the tests for its name: each is imported by a test, or named
    where a test loads it (a Markdown extension, a command run with python -m)."""
    name = module_name(path)
    tests = Path(__file__).parents[1]
    assert any(name in test.read_text(encoding="utf-8") for test in tests.rglob("*.py")), \
        f"no test names {name}: add tests/unit/test_{path.stem}.py (or test it where its stage is tested)"
