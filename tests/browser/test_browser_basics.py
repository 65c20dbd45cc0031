"""The built site in Chromium: navigation by principle and keyboard search landing on a section."""

from __future__ import annotations

import re

from helpers import arrow_to_section_result, open_search, type_search
from playwright.sync_api import expect


def test_nav_leads_to_each_module(page, site_url):
    page.goto(f"{site_url}/index.html")
    page.get_by_role("link", name="7. Approach parents and carers as partners").first.click()
    expect(page).to_have_url(re.compile(r"/principles/principle-7\.html$"))
    expect(page.locator("h1")).to_have_text(re.compile(
        "^Practice Principle 7: Responses to child exploitation and extra-familial harm must approach "
        "parents and carers as partners, wherever possible"
    ))
    expect(page.locator("article h2").first).to_have_text(re.compile("^Summary"))


def test_section_link_lands_on_the_section(page, site_url):
    page.goto(f"{site_url}/principles/principle-4.html#what-do-we-mean-by-strengths-based-approaches")
    heading = page.locator("#what-do-we-mean-by-strengths-based-approaches")
    expect(heading).to_be_in_viewport()


def test_search_by_keyboard_lands_on_a_section(page, site_url):
    page.goto(f"{site_url}/index.html")
    open_search(page)
    type_search(page, "trusted relationships")
    href = arrow_to_section_result(page)
    assert "#" in href, "arrow keys reach a section result"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"principle-\d\.html(\?[^#]*)?#"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()


def test_citation_link_leads_to_its_reference(page, site_url):
    page.goto(f"{site_url}/principles/principle-7.html")
    page.locator("a.citation[href='#ref-firmin2020']").first.click()
    expect(page).to_have_url(re.compile(r"#ref-firmin2020$"))
    expect(page.locator("#ref-firmin2020")).to_be_in_viewport()
    expect(page.locator("#ref-firmin2020")).to_contain_text("Contextual Safeguarding and child protection")


def test_back_does_not_bring_back_an_open_menu(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    page.locator(".md-header label[for='__drawer']").click()
    expect(page.locator("#__drawer")).to_be_checked()
    page.locator(".md-nav--primary a[href$='my-learning.html']").first.click()
    page.wait_for_url(re.compile(r"my-learning\.html"))
    page.go_back()
    page.wait_for_url(re.compile(r"index\.html"))
    expect(page.locator("#__drawer")).not_to_be_checked()
    context.close()
