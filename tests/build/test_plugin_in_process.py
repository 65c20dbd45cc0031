"""The plugin driven in-process by MkDocs on a small synthetic project (as mkdocs-bibtex tests its plugin)."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

import pytest
from helpers import ROOT, copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

from practice_site.mkdocs_plugin.plugin import PracticePrinciplesPlugin
from practice_site.model.site_model import SiteModel

SMALL = ROOT / "tests" / "fixtures" / "small-project"  # one fictional principle, one citation, one reference


def small_project(dest: Path) -> Path:
    """The project's pages, theme and library with one small fictional principle, and no quizzes or session plans."""
    project = copy_project(dest, with_sources=False)
    for folder in ("quizzes", "sessions"):
        for path in (project / "docs" / folder).glob("*.md"):
            path.unlink()
    for source in SMALL.glob("*.txt"):
        shutil.copy(source, project / "sources" / source.name)
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory, monkeypatch_module):
    """(the plugin after a strict in-process build, the site folder, the config)."""
    project = small_project(tmp_path_factory.mktemp("in-process"))
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    build(config)
    plugin = config.plugins["practice-principles"]
    assert isinstance(plugin, PracticePrinciplesPlugin)  # the adapter mkdocs.yml names, from its entry point
    return plugin, project / "site", config


@pytest.fixture(scope="module")
def monkeypatch_module():
    """Environment as a plain build sees it: no address, not offline, not for a learning system."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"):
            patch.delenv(name, raising=False)
        yield patch


def test_every_input_is_read_once_into_a_frozen_model(built) -> None:
    plugin, _, _ = built
    assert isinstance(plugin.site, SiteModel)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plugin.site.principles = []  # type: ignore[misc]
    numbers = [p.number for p in plugin.site.principles]
    assert numbers == sorted(numbers) and numbers
    assert {m.number for m in plugin.site.modules.values()} == set(numbers)
    for principle in plugin.site.principles:
        groups = plugin.site.citations.groups[principle.number]  # found once and resolved to the library
        assert groups and all(work.key for group in groups for work in group.works)
    # Nothing in it changes after loading: no part is filled in later.
    group = plugin.site.citations.groups[numbers[0]][0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        group.works[0].key = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        plugin.site.citations.groups[numbers[0]] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        plugin.site.modules["principle-0"] = plugin.site.modules[f"principle-{numbers[0]}"]  # type: ignore[index]
    with pytest.raises(TypeError):
        plugin.site.manifest["pages"]["new.html"] = ()  # type: ignore[index]
    assert isinstance(plugin.site.principles, tuple) and isinstance(group.parts, tuple)
    assert plugin.site.citations.library.labels, "formatted when the model is built, not later"
    written = [int(source.stem.split("-")[1]) for source in sorted(SMALL.glob("*.txt"))]
    assert [p.number for p in plugin.site.principles] == written
    assert changeable(plugin.site) == [], "every part of the model is a tuple, a read-only map or frozen"


def changeable(value: object, path: str = "site", seen: set[int] | None = None) -> list[str]:
    """Where in ``value`` a list, dict or set, or a data class that is not frozen, is reached."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | bool | Path | type(None)):
        return []
    seen.add(id(value))
    if isinstance(value, list | dict | set):
        return [f"{path}: {type(value).__name__}"]
    if dataclasses.is_dataclass(value):
        found = [] if value.__dataclass_params__.frozen else [f"{path}: {type(value).__name__} is not frozen"]
        return found + [p for f in dataclasses.fields(value)
                        for p in changeable(getattr(value, f.name), f"{path}.{f.name}", seen)]
    if isinstance(value, MappingProxyType):
        return [p for k, v in value.items() for p in changeable(v, f"{path}[{k!r}]", seen)]
    if isinstance(value, tuple | frozenset):
        return [p for i, v in enumerate(value) for p in changeable(v, f"{path}[{i}]", seen)]
    return []


def test_each_principle_in_the_model_has_its_page_and_nav_entry(built) -> None:
    plugin, site, config = built
    section = next(item["Principles"] for item in config.nav if isinstance(item, dict) and "Principles" in item)
    for principle, entry in zip(plugin.site.principles, section, strict=True):
        module = plugin.site.modules[principle.module_id]
        assert (site / module.page).is_file()
        ((title, uri),) = entry.items()
        assert uri == module.uri and title == f"{principle.number}. {principle.short_title}"
    for module in plugin.site.modules.values():  # short links
        assert module.page in (site / f"p{module.number}.html").read_text(encoding="utf-8")


def test_the_generated_pages_are_built(built) -> None:
    _, site, _ = built
    for page in ("bibliography.html", "my-learning.html", "for-trainers.html"):
        assert "Content-Security-Policy" in (site / page).read_text(encoding="utf-8")


def test_a_rebuild_reads_every_input_again_and_a_clean_project_warns_of_nothing(built, caplog) -> None:
    """A rebuild (as mkdocs serve makes after an edit, with the config loaded again) starts from the inputs."""
    first, site, config = built
    before = first.site  # MkDocs keeps a plugin with on_startup across reloads; its model is read again
    again = load_config(config.config_file_path, site_dir=str(site), strict=True)
    with caplog.at_level(logging.WARNING):
        build(again)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    plugin = again.plugins["practice-principles"]
    assert plugin.site is not before and plugin.site.principles == before.principles
    assert set(plugin.search_references()) <= {m.page for m in plugin.site.modules.values()}  # from the model


def test_a_config_named_by_a_relative_path_builds(tmp_path) -> None:
    """``mkdocs build -f mkdocs.yml`` (and ``properdocs build -f mkdocs.yml``) give the plugin a bare file name."""
    project = small_project(tmp_path / "relative")
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"}}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
                            env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (project / "site" / "index.html").is_file()
