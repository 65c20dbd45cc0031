"""For trainers: copy-link, short links, the published-links manifest, the trainers page, session
plans and printed handouts.

This file: the checks in Chromium (the rest are in tests/unit/, tests/build/).
"""

from __future__ import annotations

import io
import json
import re

import pytest
from helpers import build, quiz_question
from playwright.sync_api import expect
from pypdf import PdfReader
from support.trainers import P4, project_with_manifest, rename_section

from practice_site.model.published_manifest import MANIFEST


def test_copy_link_by_keyboard_is_announced(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/{P4}")
    name = "Copy link to this section: What do we mean by strengths-based approaches?"
    link = page.get_by_role("link", name=name)
    link.focus()
    expect(link).to_be_visible()  # shown on focus, though hidden until hover or focus
    page.keyboard.press("Enter")
    status = page.locator(".copy-link-status[role='status']")
    expect(status).to_have_text("Link to this section copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}/{P4}#what-do-we-mean-by-strengths-based-approaches"
    assert page.url.endswith("#what-do-we-mean-by-strengths-based-approaches")


def test_section_links_are_one_small_link_per_heading_not_buttons(page, site_url):
    page.goto(f"{site_url}/{P4}")
    headings = page.locator("article h2[id]")
    assert headings.count() > 5
    for index in range(headings.count()):
        heading = headings.nth(index)
        link = heading.locator("a.headerlink")
        assert link.count() == 1
        assert link.get_attribute("aria-label") == f"Copy link to this section: {heading.inner_text().rstrip('¶ ')}"
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, "a target of at least 24 by 24 pixels"
    assert page.locator("article button").filter(has_text="Copy link").count() == 0


def test_copy_link_from_file_selects_the_link_instead(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / P4).as_uri())
    page.get_by_role("link", name="Copy link to this section: Summary").click()
    box = page.get_by_role("textbox", name="Link to this section")
    expect(box).to_be_focused()
    expect(box).to_have_value((built_site / P4).as_uri() + "#summary")
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 20
    expect(page.locator(".copy-link-status")).to_contain_text("Link selected")
    context.close()


@pytest.mark.parametrize("number", [4, 7])
def test_short_links_lead_to_the_module(page, site_url, number):
    page.goto(f"{site_url}/p{number}.html")
    page.wait_for_url(re.compile(rf"/principles/principle-{number}\.html$"))
    expect(page.locator("article h1")).to_contain_text(f"Practice Principle {number}:")


def test_short_links_work_from_file(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "p7.html").as_uri())
    page.wait_for_url(re.compile(r"principles/principle-7\.html$"))
    context.close()


def test_a_recorded_move_is_redirected(tmp_path, browser):
    project = project_with_manifest(tmp_path)
    rename_section(project)
    manifest = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    manifest["moved"] = {
        f"{P4}#what-do-we-mean-by-strengths-based-approaches": f"{P4}#what-do-we-mean-by-a-strengths-based-approach",
        "modules/strengths.html": P4,
    }
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / P4).as_uri() + "#what-do-we-mean-by-strengths-based-approaches")
    page.wait_for_url(re.compile(r"#what-do-we-mean-by-a-strengths-based-approach$"))
    page.goto((site / "modules" / "strengths.html").as_uri() + "#summary")
    page.wait_for_url(re.compile(r"principles/principle-4\.html#summary$"))
    context.close()


def test_example_session_plan_renders_an_agenda_with_working_links(built_site, page, site_url):
    html = (built_site / "sessions" / "workshop-90-minutes.html").read_text(encoding="utf-8")
    assert "<caption>Relationships and partnership: a 90-minute workshop</caption>" in html
    assert "90 minutes (1:30)" in html
    page.goto(f"{site_url}/sessions/workshop-90-minutes.html")
    link = page.get_by_role("link", name="Practice Principle 7: Approach parents and carers as partners: Summary")
    expect(link.locator("xpath=../../following-sibling::td")).to_have_text(re.compile(r"\d+ min"))
    link.click()
    page.wait_for_url(re.compile(r"principles/principle-7\.html#summary$"))


def test_a_module_prints_as_a_clean_handout(page, site_url):
    page.goto(f"{site_url}/{P4}")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Practice Principle 4: Responses to child exploitation" in text
    assert "Being strengths-based and relationship-based means seeing a child" in text
    assert "Think of a child or young person you have worked with" in text, "reflective questions"
    assert "Research summary references" in text and "Trevithick, P. (2003)" in text
    assert "Check your understanding" in text, "the questions print"
    question = quiz_question(4, "p4-defined")
    assert " ".join(question.text.split()) in text
    assert all(" ".join(c.text.split()) in text for c in question.choices), "options print"
    for absent in ("Skip to content", "Table of contents", "Check answer", "Show the answer", "Copy link",
                   "Search", "The answer:", "Reread:", "Score", "The principle says the opposite",
                   "We corrected", "Not started", "Go to the questions"):
        assert absent not in text, absent
    assert "(https://dictionary.cambridge.org/dictionary/english/relationship)" not in text, "no doubled address"
    assert len(pdf.pages) > 3


def test_printed_links_show_their_address(page, site_url):
    page.goto(f"{site_url}/credits.html")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "MkDocs (https://www.mkdocs.org/)" in text
