"""practice_site.pages.build_allowlist: the Markdown extensions and plugins mkdocs.yml may ask a build to run
(none that reads a file, fetches an address or runs code named in the settings)."""

from __future__ import annotations

import pytest

from practice_site.pages.build_allowlist import EXTENSIONS, PLUGINS, extension_name, extension_problem


@pytest.mark.parametrize("name, short", [
    ("toc", "toc"),
    ("markdown.extensions.toc", "toc"),
    ("markdown.extensions.extra", "extra"),
    ("pymdownx.details", "pymdownx.details"),
    ("practice_site.learning.quiz_extension", "practice_site.learning.quiz_extension"),
])
def test_an_extension_is_named_without_pythons_markdown_prefix(name: str, short: str) -> None:
    assert extension_name(name) == short


def test_an_extension_given_as_an_object_is_named_by_its_text() -> None:
    assert extension_name(None) == "None"


@pytest.mark.parametrize("name", [
    "toc", "markdown.extensions.tables", "attr_list", "pymdownx.superfences", "pymdownx.blocks.details",
    "practice_site.learning.quiz_extension", "practice_site.pages.table_captions",
])
def test_the_listed_extensions_and_the_projects_own_are_allowed(name: str) -> None:
    assert extension_problem(name) is None


@pytest.mark.parametrize("name", [
    "pymdownx.snippets",  # would publish any file on the computer
    "markdown_include.include",
    "practice_site.pages.table_captions:TableCaptionExtension",  # "module:Class" names any class to load
    "practice_site",  # the package itself is no extension
    "practice_sitex.evil",  # only the project's own package counts, not one whose name begins the same
    "Toc",  # names are compared exactly
    None,
])
def test_any_other_extension_is_refused_with_the_allowed_ones_listed(name: object) -> None:
    problem = extension_problem(name)
    assert problem == ("not an extension this site allows (it might read files or run code); use "
                       + ", ".join(sorted(EXTENSIONS)))
    assert problem.split("use ", 1)[1].startswith("abbr, admonition, attr_list, codehilite, def_list, extra, ")


def test_no_extension_that_reads_files_or_runs_code_is_listed() -> None:
    assert not {"pymdownx.snippets", "pymdownx.arithmatex", "markdown_include.include", "pymdownx.emoji"} & EXTENSIONS


def test_only_search_offline_tags_and_the_projects_plugin_may_run() -> None:
    assert {"search", "material/search", "offline", "material/offline", "tags", "material/tags",
            "practice-principles"} == PLUGINS
