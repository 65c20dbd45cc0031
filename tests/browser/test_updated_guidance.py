"""Updated guidance flagged: a copy of the project whose history is recorded, then one section edited; a learner
who completed the module before the change is shown exactly that section, one who completed after sees nothing.

This file: the checks in Chromium (the history itself is tested in tests/unit/test_section_history.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from axe import axe_violations, describe
from helpers import build, copy_project, serving
from playwright.sync_api import expect

from practice_site.sources.load_principles import load_principles
from practice_site.sources.model import block_paragraphs

RECORDED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CHANGED = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
KEY = "practice-principles-training"
P4 = "principles/principle-4.html"


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """The project with its history recorded, then one of principle 4's sections edited and built again."""
    project = copy_project(tmp_path_factory.mktemp("changed guidance"))
    recorded = build(project, env={"RECORD_LINKS": "true", "SOURCE_DATE_EPOCH": str(int(RECORDED.timestamp()))})
    assert recorded.returncode == 0, recorded.stderr
    history = json.loads((project / "section-history.json").read_text(encoding="utf-8"))
    assert history["modules"]["principle-4"]["recorded"] == "2026-01-05T09:00:00Z"
    principle = next(p for p in load_principles(project / "sources", project) if p.number == 4)
    section = principle.sections[1]
    line = block_paragraphs(section.blocks[0])[0].line
    source = next((project / "sources").glob("*04*"))
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[line - 1] += " This sentence was added for the test."
    source.write_text("\n".join(lines), encoding="utf-8")
    rebuilt = build(project, env={"SOURCE_DATE_EPOCH": str(int(CHANGED.timestamp()))})
    assert rebuilt.returncode == 0, rebuilt.stderr
    said = "section-history.json: 1 sections changed or new since it was written (such as principle-4#"
    assert said in rebuilt.stderr
    with serving(project / "site") as address:
        yield address, section


@pytest.fixture
def page(browser, changed_site):
    """A fresh tab for the changed copy's server; any request elsewhere fails the test."""
    address = changed_site[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((address, "data:", "blob:")) else outside.append(r.url))
    yield context.new_page()
    context.close()
    assert outside == [], outside


def completed_on(page, address: str, when: str) -> None:
    """A learner whose browser says they completed principle 4 at ``when``."""
    page.goto(f"{address}/index.html")
    data = {"version": 2, "learner": {}, "modules": {"principle-4": {
        "questions": {}, "reflections": {}, "seconds": 600, "completed": {"at": when, "score": 10, "total": 10}}}}
    page.evaluate("([k, d]) => localStorage.setItem(k, JSON.stringify(d))", [KEY, data])


def test_a_learner_who_completed_before_the_change_sees_exactly_that_section(page, changed_site):
    address, section = changed_site
    completed_on(page, address, "2026-03-01T10:00:00Z")
    for where, holder in ((P4, ".module-status-bar .module-updated"), ("index.html", ".module-card .module-updated"),
                          ("my-learning.html", "#module-principle-4 .module-updated")):
        page.goto(f"{address}/{where}")
        notice = page.locator(holder).first
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("Updated since you completed it")
        links = notice.get_by_role("link")
        expect(links).to_have_count(1)
        expect(links).to_have_text(section.heading)
        assert links.get_attribute("href").endswith(f"{P4}#{section.anchor}") or (
            where == P4 and links.get_attribute("href") == f"#{section.anchor}")
        expect(notice).to_contain_text("changed on 1 June 2026")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    page.goto(f"{address}/principles/principle-7.html")
    expect(page.locator(".module-updated")).to_be_hidden()


def test_a_learner_who_completed_after_the_change_sees_nothing(page, changed_site):
    address, _ = changed_site
    completed_on(page, address, "2026-07-01T10:00:00Z")
    for where in (P4, "index.html", "my-learning.html"):
        page.goto(f"{address}/{where}")
        expect(page.locator(".module-updated:visible")).to_have_count(0)


def test_the_changes_once_read_are_no_longer_flagged(page, changed_site):
    address, section = changed_site
    completed_on(page, address, "2026-03-01T10:00:00Z")
    page.goto(f"{address}/{P4}")
    notice = page.locator(".module-status-bar .module-updated")
    notice.get_by_role("link").click()
    expect(page.locator(f"[id='{section.anchor}']")).to_be_in_viewport()
    notice.get_by_role("button", name="I have read the changes").click()
    expect(notice).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('[data-status-for]')")
    page.goto(f"{address}/index.html")
    expect(page.locator(".module-updated:visible")).to_have_count(0)


def test_the_trainers_page_gives_each_modules_last_change(page, changed_site):
    address, section = changed_site
    page.goto(f"{address}/for-trainers.html")
    expect(page.locator("article")).to_contain_text(f"Last change: 1 June 2026, to {section.heading}.")
    expect(page.locator("article")).to_contain_text(
        "Last change: none since 5 January 2026, when changes began to be recorded.")
