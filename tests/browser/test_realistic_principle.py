"""A realistic next principle in Chromium: its module passes axe, and its citations lead to their entries.

This file: the checks in Chromium (the rest are in tests/build/test_realistic_principle.py).
"""

from __future__ import annotations

import pytest
from axe import axe_violations
from helpers import serving
from playwright.sync_api import expect
from support.realistic_principle import MODULE


@pytest.fixture(scope="module")
def served_realistic(realistic):
    with serving(realistic["project"] / "site") as address:
        yield address


@pytest.mark.parametrize("width", [375, 1280])
def test_the_module_passes_axe(browser, served_realistic, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{served_realistic}/{MODULE}")
    assert axe_violations(page) == []
    context.close()


def test_a_citation_with_a_particle_and_one_in_press_lead_to_their_entries(browser, served_realistic):
    page = browser.new_page()
    page.goto(f"{served_realistic}/{MODULE}")
    page.get_by_role("link", name="de Vries, 2019").first.click()
    target = page.locator(":target")
    expect(target).to_have_class("reference")
    expect(target).to_contain_text("de Vries, A. (2019).")
    page.get_by_role("link", name="Price, in press-a").first.click()
    expect(page.locator(":target")).to_contain_text("Price, S. (in press-a).")
    caption = page.get_by_role("table", name="Table 1: Where young people said they felt safe")
    expect(caption).to_be_visible()
    page.close()
