"""practice_site.mkdocs_plugin.config: the plugin's options in mkdocs.yml, and the checks that its paths, the site's
folders and its address stay inside the project and are usable."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from practice_site.learning.learner_notes import DEFAULT_CONTENT_NOTE
from practice_site.mkdocs_plugin.config import (
    PATH_OPTIONS,
    PracticePrinciplesConfig,
    check_address,
    check_folders,
    check_paths,
)

DEFAULTS = {
    "sources_dir": "sources", "modules_dir": "principles", "nav_section": "Principles", "home_page": "index.md",
    "credits_page": "credits.md", "bib_dir": "bib", "bibliography_page": "bibliography.md", "quizzes_dir": "quizzes",
    "my_learning_page": "my-learning.md", "trainers_page": "for-trainers.md", "sessions_dir": "sessions",
    "sessions_nav_section": "Session plans", "cache_dir": ".cache/practice-site", "offline": False,
    "offline_shim": "node_modules/iframe-worker/shim/index.js", "offline_zip": "", "lms": False,
    "record_links": False, "content_note": DEFAULT_CONTENT_NOTE,
}


def options(**given: object) -> PracticePrinciplesConfig:
    """The plugin's options as MkDocs loads them from mkdocs.yml; validation errors fail the test."""
    config = PracticePrinciplesConfig()
    config.load_dict(given)
    errors, warnings = config.validate()
    assert (errors, warnings) == ([], [])
    return config


def mkdocs_config(docs_dir: Path | str, custom_dir: Path | str | None = None,
                  site_url: str | None = None) -> SimpleNamespace:
    """A stand-in for MkDocs' config: the folders and address the checks read."""
    return SimpleNamespace(docs_dir=str(docs_dir), theme=SimpleNamespace(custom_dir=custom_dir and str(custom_dir)),
                           site_url=site_url)


def test_the_defaults() -> None:
    assert dict(options()) == DEFAULTS
    check_paths(options())


@pytest.mark.parametrize("name, value", [("offline", "yes"), ("sources_dir", 3), ("lms", "no")])
def test_an_option_of_the_wrong_type_is_refused_by_mkdocs(name: str, value: object) -> None:
    config = PracticePrinciplesConfig()
    config.load_dict({name: value})
    errors, _ = config.validate()
    assert [field for field, _ in errors] == [name]


@pytest.mark.parametrize("given", [
    {"modules_dir": "a/b"}, {"quizzes_dir": "./quizzes"}, {"cache_dir": ""},  # "" turns the cache off
    {"home_page": "pages/start.md"}, {"nav_section": "../Not a path"},  # a navigation title, not a path
    {"offline_zip": "/tmp/x.zip"},  # checked where it is read (model/offline_copy.py)
])
def test_paths_inside_the_project_are_allowed(given: dict[str, str]) -> None:
    check_paths(options(**given))


@pytest.mark.parametrize("name, value", [
    ("sources_dir", "/etc"),
    ("bib_dir", "../bib"),
    ("bib_dir", "bib/../../elsewhere"),
    ("offline_shim", "node_modules\\shim.js"),
    ("cache_dir", "/tmp/cache"),
    ("home_page", "/index.md"),
])
def test_a_path_outside_the_project_is_refused(name: str, value: str) -> None:
    with pytest.raises(PluginError) as error:
        check_paths(options(**{name: value}))
    assert str(error.value) == (f"mkdocs.yml: plugins: practice-principles: {name}: {value!r}: write a path inside "
                                "the project (no leading / and no ..)")


@pytest.mark.parametrize("name, value", [("home_page", "index.html"), ("trainers_page", ""),
                                         ("bibliography_page", "bibliography")])
def test_a_page_the_site_makes_must_be_markdown(name: str, value: str) -> None:
    with pytest.raises(PluginError) as error:
        check_paths(options(**{name: value}))
    assert str(error.value) == (f"mkdocs.yml: plugins: practice-principles: {name}: {value!r}: a page the site "
                                "makes is a Markdown page: give it a name ending in .md")


def test_every_path_option_is_checked() -> None:
    for name in PATH_OPTIONS:
        with pytest.raises(PluginError, match=f"practice-principles: {name}: "):
            check_paths(options(**{name: "../x.md"}))


def test_folders_inside_the_project_are_allowed(tmp_path: Path) -> None:
    check_folders(mkdocs_config(tmp_path / "docs"), tmp_path)
    check_folders(mkdocs_config(tmp_path / "docs", tmp_path / "overrides"), tmp_path)
    check_folders(mkdocs_config(tmp_path / "docs" / ".." / "pages"), tmp_path)


@pytest.mark.parametrize("docs, custom, name", [
    ("elsewhere", None, "docs_dir"),
    ("project/docs", "elsewhere/overrides", "theme.custom_dir"),
    ("project/docs/../../elsewhere", None, "docs_dir"),
])
def test_a_folder_outside_the_project_is_refused(tmp_path: Path, docs: str, custom: str | None, name: str) -> None:
    root = tmp_path / "project"
    config = mkdocs_config(tmp_path / docs, custom and tmp_path / custom)
    with pytest.raises(PluginError) as error:
        check_folders(config, root)
    folder = config.docs_dir if name == "docs_dir" else config.theme.custom_dir
    assert str(error.value) == f"mkdocs.yml: {name}: {folder!r} is outside the project; keep it inside"


def test_a_link_out_of_the_project_is_outside_it(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, root / "docs")
    with pytest.raises(PluginError, match=r"^mkdocs\.yml: docs_dir: .* is outside the project; keep it inside$"):
        check_folders(mkdocs_config(root / "docs"), root)


@pytest.mark.parametrize("url", [None, "", "https://example.org/training/", "http://localhost:8000/"])
def test_a_plain_web_address_or_none_is_allowed(url: str | None) -> None:
    check_address(mkdocs_config("docs", site_url=url))


@pytest.mark.parametrize("url, problem", [
    ("ftp://example.org/", "it must start with https:// (or http://) and name the host, for example "
                           "https://example.org/training/"),
    ("example.org", "it must start with https:// (or http://) and name the host, for example "
                    "https://example.org/training/"),
    ("https://example.org/?q=1", "it must not have a ?query or #fragment"),
])
def test_an_address_that_cannot_be_the_sites_is_refused_naming_mkdocs_yml(monkeypatch: pytest.MonkeyPatch, url: str,
                                                                         problem: str) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(PluginError) as error:
        check_address(mkdocs_config("docs", site_url=url))
    assert str(error.value) == f"mkdocs.yml: site_url: {url!r} cannot be the site's address: {problem}"


def test_an_address_from_the_environment_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.org/a b/")
    with pytest.raises(PluginError) as error:
        check_address(mkdocs_config("docs", site_url="https://example.org/a b/"))
    assert str(error.value).startswith(
        "the SITE_URL environment variable: 'https://example.org/a b/' cannot be the site's address: it has "
        "characters an address cannot have (' ')")
