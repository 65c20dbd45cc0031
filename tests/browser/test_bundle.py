"""The offline workshop bundle: reproducible, small, self-contained, and working from file://.

This file: the checks in Chromium (the rest are in tests/build/).
"""

from __future__ import annotations

import re
import zipfile

import pytest
from helpers import answer_key, arrow_to_section_result, open_search, type_search
from playwright.sync_api import expect


@pytest.fixture
def offline_page(browser):
    """A tab in which every request that is not file:// is aborted and counted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file:"), refuse)
    tab = context.new_page()
    tab.refused = refused
    violations: list[str] = []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield tab
    context.close()
    assert violations == [], "the policy blocked something the bundle needs"


def test_bundle_works_from_file_with_the_network_off(offline_page, unzipped):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name="7. Approach parents and carers as partners").first.click()
    expect(page.locator("article h1")).to_contain_text("Practice Principle 7")

    open_search(page)
    type_search(page, "trusted relationships")
    href = arrow_to_section_result(page)
    assert "#" in href
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^file://.*principle-\d\.html(\?[^#]*)?#"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()

    page.goto((unzipped / "principles" / "principle-4.html").as_uri())
    page.locator("a.footnote-ref").first.click()
    expect(page.locator("[id='fn:1']")).to_be_in_viewport()
    page.locator("a.citation[href='#ref-ruch2020']").first.click()
    expect(page.locator("#ref-ruch2020")).to_be_in_viewport()
    expect(page.locator("#ref-ruch2020")).to_contain_text("Practising relationship-based social work")

    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    expect(page.locator("#question-p4-defined .quiz-feedback")).to_contain_text("Correct.")
    page.reload()
    expect(page.locator("#p4-defined-b")).to_be_checked()
    assert page.refused == []


def test_progress_survives_unzipping_the_bundle_somewhere_else(offline_page, bundle_zip, unzipped, tmp_path):
    """Progress is keyed by module, not by page address: a second copy in another folder sees it."""
    page = offline_page
    page.goto((unzipped / "principles" / "principle-7.html").as_uri())
    page.locator("#p7-one-size-b").check()
    page.locator("#question-p7-one-size .quiz-check").click()
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(tmp_path / "another place")
    (moved,) = (tmp_path / "another place").iterdir()
    page.goto((moved / "principles" / "principle-7.html").as_uri())
    expect(page.locator("#p7-one-size-b")).to_be_checked()
    page.goto((moved / "my-learning.html").as_uri())
    record = page.locator(".my-learning-module[aria-labelledby='principle-7']")
    expect(record).to_contain_text(f"1 of {len(answer_key(7))} answered")
    page.goto((moved / "index.html").as_uri())
    expect(page.locator("[data-card-module='principle-7'] .module-status")).to_have_text("◐ In progress")
    expect(page.locator("#start-action")).to_have_text(re.compile("^Continue: Principle 7"))
    nav = page.locator("nav.md-nav--primary a.md-nav__link[href$='principle-7.html']").first
    expect(nav).to_have_accessible_name(re.compile(r"\(in progress\)$"))
    assert page.refused == []
