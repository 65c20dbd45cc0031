"""practice_site.names: every name the build makes (module ids, page files, addresses, ids on a page), made in one
place and read the same way everywhere."""

from __future__ import annotations

import pytest

from practice_site.names import (
    MODULE_ANCHORS,
    build_made,
    module_file,
    module_id,
    page_address,
    question_anchor,
    reference_anchor,
    reflection_anchor,
    relative_address,
    short_link_page,
)


def test_a_modules_id_file_and_short_link_follow_its_number() -> None:
    assert module_id(4) == "principle-4"
    assert module_file(4) == "principle-4.md"
    assert short_link_page(4) == "p4.html"
    assert (module_id(12), module_file(12), short_link_page(12)) == ("principle-12", "principle-12.md", "p12.html")


def test_ids_on_a_module_page_take_their_familys_prefix() -> None:
    assert reference_anchor("ruch2020") == "ref-ruch2020"
    assert question_anchor("p4-defined") == "question-p4-defined"
    assert reflection_anchor("p4-time") == "reflection-p4-time"


@pytest.mark.parametrize("uri, address", [
    ("index.md", "index.html"),
    ("principles/principle-4.md", "principles/principle-4.html"),
    ("sessions/workshop-90-minutes.md", "sessions/workshop-90-minutes.html"),
    ("notes.md.md", "notes.md.html"),  # only the last ".md" is the file's kind
    ("p4", "p4.html"),
])
def test_a_pages_address_is_its_markdown_file_as_html(uri: str, address: str) -> None:
    assert page_address(uri) == address


@pytest.mark.parametrize("uri, from_folder, link", [
    ("principles/principle-4.md", "sessions", "../principles/principle-4.html"),
    ("principles/principle-4.md", "principles", "principle-4.html"),
    ("principles/principle-4.md", "", "principles/principle-4.html"),
    ("index.md", "", "index.html"),
    ("index.md", "principles", "../index.html"),
    ("bibliography.md", "a/b", "../../bibliography.html"),
])
def test_a_relative_address_is_the_link_from_a_page_in_another_folder(uri: str, from_folder: str, link: str) -> None:
    assert relative_address(uri, from_folder) == link


@pytest.mark.parametrize("anchor", [
    "check-your-understanding", "reflect", "finish", "ref-ruch2020", "question-p4-defined", "reflection-p4-time",
    "ref-",
])
def test_the_builds_own_ids_are_build_made(anchor: str) -> None:
    assert build_made(anchor)


@pytest.mark.parametrize("anchor", [
    "summary", "reflection", "references", "finish-2", "reflect-2", "my-ref-list", "questions", "",
])
def test_a_source_headings_anchor_is_not_build_made(anchor: str) -> None:
    """A heading may take these: "reflection" and "questions" lack their family's hyphen, "finish-2" is what a
    source heading called "Finish" is given instead of "finish"."""
    assert not build_made(anchor)


def test_the_fixed_module_anchors() -> None:
    assert frozenset({"check-your-understanding", "reflect", "finish"}) == MODULE_ANCHORS
