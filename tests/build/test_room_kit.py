"""The room kit on the built site: linked from For trainers and session plans only, never from the learners'
navigation or search, with no inline script and no third-party request.

This file: the checks on built files, without a browser (the rest are in tests/unit/ and tests/browser/).
"""

from __future__ import annotations

import re

import pytest

from practice_site.names import KIT_FOLDER, kit_page

SEEDS = (4, 7)


@pytest.mark.parametrize("number", SEEDS)
def test_for_trainers_links_each_modules_room_kit(built_site, number):
    html = (built_site / "for-trainers.html").read_text(encoding="utf-8")
    for kind in ("answer_key", "presenter", "handout"):
        assert f'href="{kit_page(number, kind)}"' in html
        assert (built_site / kit_page(number, kind)).is_file()


def test_the_room_kit_is_in_no_navigation_and_no_search(built_site):
    for page in ("index.html", "my-learning.html", "principles/principle-4.html"):
        assert KIT_FOLDER not in (built_site / page).read_text(encoding="utf-8"), page
    for name in ("search/search_index.json", "search/search-data.json"):
        path = built_site / name
        if path.exists():
            assert KIT_FOLDER not in path.read_text(encoding="utf-8")
    assert not (built_site / "sitemap.xml").exists() or KIT_FOLDER not in (built_site / "sitemap.xml").read_text()


def test_every_room_kit_page_has_its_policy_and_no_inline_script_or_outside_address(built_site):
    pages = sorted((built_site / KIT_FOLDER).glob("*.html"))
    assert {p.name for p in pages} >= {f"principle-{n}-{k}.html" for n in SEEDS
                                       for k in ("answer-key", "presenter", "handout")}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "script-src 'self'" in html and 'http-equiv="Content-Security-Policy"' in html
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], page.name
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), page.name
        assert "<title>" in html and 'lang="en-GB"' in html


def test_the_example_session_plan_projects_a_modules_questions(built_site):
    html = (built_site / "sessions" / "workshop-90-minutes.html").read_text(encoding="utf-8")
    assert f'href="../{kit_page(7, "presenter")}#question-1"' in html
    assert "the knowledge check on a projector, from question 1" in html
