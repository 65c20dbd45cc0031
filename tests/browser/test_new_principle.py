"""A principle the project has never had goes through the README's steps and keeps every word.

The fixture (tests/fixtures/principle-42.txt) is fictional. It is written like the published
principles and holds every feature the generator must handle: narrative, multi-year and
short-name citations, a work shared with a seed principle, a different work by a seed's author
and year, a DOI written as a URL and as ``doi:``, a numbered and a nested list, a level-4 heading,
a block quote, a URL with ``--``, a heading that shares a name with a generated section, and
Windows line endings.

This file: the checks in Chromium (the rest are in tests/build/).
"""

from __future__ import annotations

import re
import zipfile

import pytest
from axe import axe_violations
from helpers import serving
from lms_host import leave, open_in_lms, package, score, status
from playwright.sync_api import expect
from support.new_principle import MODULE, NUMBER


@pytest.fixture(scope="module")
def served(flow):
    """The site with the fictional principle, served on 127.0.0.1."""
    with serving(flow["project"] / "site") as address:
        yield address


def test_new_module_passes_axe_and_my_learning_says_it_has_no_quiz(browser, served):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{served}/{MODULE}")
    assert axe_violations(page) == []
    page.goto(f"{served}/my-learning.html")
    module = page.locator(f".my-learning-module[aria-labelledby='principle-{NUMBER}']")
    expect(module).to_contain_text("This module has no knowledge check yet.")
    expect(module).not_to_contain_text("0 of 0")
    page.goto(f"{served}/{MODULE}")
    page.get_by_role("button", name="Mark this module as complete").click()
    expect(page.locator("#finish-status")).to_have_text("This module is marked complete.")
    page.reload()
    expect(page.locator(".module-status-bar .module-status")).to_have_text(re.compile(r"^✓ Complete, \d+ \w+ \d{4}$"))
    page.goto(f"{served}/index.html")
    card = page.locator(f"[data-card-module='principle-{NUMBER}']")
    expect(card.locator(".module-status")).to_contain_text("Complete")
    context.close()


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_make_lms_packages_the_new_module_and_records_mark_as_complete(browser, new_lms, standard):
    """A module without a knowledge check: no pass mark, no score; "Mark as complete" completes it."""
    dist, host = new_lms
    path = package(dist, f"principle-{NUMBER}", standard)
    text = zipfile.ZipFile(path).read("imsmanifest.xml").decode()
    assert "masteryscore" not in text and "minNormalizedMeasure" not in text
    assert not list(dist.glob(f"practice-principle-{NUMBER}-qti21-*"))  # no questions, no question bank
    page, frame = open_in_lms(browser, host, path, standard)
    frame.get_by_role("button", name="Mark this module as complete").click()
    expect(frame.locator("#finish-status")).to_have_text("This module is marked complete.")
    recorded = leave(page, standard)
    assert status(recorded, standard) == ("completed", "unknown")
    assert score(recorded, standard)["raw"] == ""
