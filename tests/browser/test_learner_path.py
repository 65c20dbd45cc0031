"""A learner's path, driven in Chromium on a phone and a laptop: the first visit, a return visit,
completing a module, the CPD record as text and in print, keyboard reach, layout stability and
narrow screens. Seed modules are checked by name; nothing here counts modules.

This file: the checks in Chromium (the rest are in tests/unit/, tests/build/).
"""

from __future__ import annotations

import io
import re

import pytest
from axe import axe_violations, describe
from helpers import answer_key
from playwright.sync_api import expect
from pypdf import PdfReader
from support.learning import LAPTOP, PHONE, answer_all

P4 = "principles/principle-4.html"


P7 = "principles/principle-7.html"


SESSION = "sessions/workshop-90-minutes.html"


DATE = r"\d{1,2} [A-Z][a-z]+ \d{4}"


@pytest.fixture(params=["phone", "laptop"])
def device(request, browser, site_url):
    """A fresh browser on a phone or a laptop; nothing may leave the local server."""
    context = browser.new_context(**(PHONE if request.param == "phone" else LAPTOP))
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else outside.append(r.url))
    page = context.new_page()
    page.device = request.param
    yield page
    context.close()
    assert outside == [], outside


def in_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def test_first_visit_starts_from_the_first_screen(device, site_url):
    page = device
    page.goto(f"{site_url}/index.html")
    first = page.locator("[data-card-module]").first
    number = first.get_attribute("data-number")
    action = page.locator("#start-action")
    expect(action).to_have_text(f"Start with Principle {number}")
    assert in_first_screen(page, action), "the primary action is on the first screen"
    assert in_first_screen(page, first.locator("h3")), "the first module card is on the first screen"
    seeds = ((4, "Strengths-based and relationship-based"), (7, "Approach parents and carers as partners"))
    for number, title in seeds:
        card = page.locator(f"[data-card-module='principle-{number}']")
        heading = card.get_by_role("heading", level=3)
        expect(heading).to_have_text(f"Practice Principle {number}: {title}")  # one link: the module, no "¶"
        expect(heading.get_by_role("link", name=f"Practice Principle {number}: {title}", exact=True)).to_have_attribute(
            "href", f"principles/principle-{number}.html")
        expect(card.locator(".module-status")).to_have_text("○ Not started")
        expect(card.locator(".module-card-time")).to_have_text(
            re.compile(r"^About \d+ minutes? to read; \d+ questions?, about \d+ minutes? to answer$"))
        expect(card.locator(".module-card-summary")).to_have_text(
            re.compile("^Responses to child exploitation and extra-familial harm must "))
    order = page.locator("article").inner_text()
    assert order.index("Start with Principle") < order.index("Who this site is for"), "who it is for comes after"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    action.click()
    page.wait_for_url(re.compile(r"principles/principle-\d+\.html$"))


def test_a_return_visit_continues_where_the_learner_left_off(device, site_url):
    page = device
    page.goto(f"{site_url}/{P4}")
    heading = page.locator("#what-do-we-mean-by-strengths-based-approaches")
    page.evaluate("y => window.scrollTo(0, y)", heading.evaluate("h => h.getBoundingClientRect().top + scrollY - 60"))
    page.wait_for_timeout(800)
    page.goto(f"{site_url}/index.html")
    action = page.locator("#start-action")
    expect(action).to_have_text("Continue: Principle 4, What do we mean by strengths-based approaches?")
    expect(page.locator("[data-card-module='principle-4'] .module-status")).to_have_text("◐ In progress")
    action.click()
    page.wait_for_url(re.compile(r"principle-4\.html#what-do-we-mean-by-strengths-based-approaches$"))


def test_completing_a_module_is_shown_everywhere(device, site_url):
    page = device
    page.goto(f"{site_url}/{P4}")
    answer_all(page, 4)
    total = len(answer_key(4))
    complete = re.compile(rf"^✓ Complete: {total} of {total} correct, {DATE}$")
    expect(page.locator(".module-status-bar .module-status")).to_have_text(complete)
    page.goto(f"{site_url}/index.html")
    page.reload()
    expect(page.locator("[data-card-module='principle-4'] .module-status")).to_have_text(complete)
    next_number = page.locator("[data-card-module]:not([data-card-module='principle-4'])").first.get_attribute(
        "data-number")
    expect(page.locator("#start-action")).to_have_text(f"Start with Principle {next_number}")
    if page.device == "phone":
        page.locator("label.md-header__button[for='__drawer']").click()
    link = page.locator("nav.md-nav--primary a.md-nav__link[href$='principle-4.html']").first
    expect(link.locator(".nav-status-mark")).to_have_text("✓")
    expect(link).to_have_accessible_name(re.compile(r"Strengths-based and relationship-based \(complete\)$"))
    expect(page.locator("nav.md-nav--primary a.md-nav__link[href$='principle-7.html'] .nav-status-mark").first
           ).to_have_text("")
    page.goto(f"{site_url}/my-learning.html")
    expect(page.locator("#module-principle-4 .module-status")).to_have_text(complete)
    expect(page.locator("#module-principle-7 .module-status")).to_have_text("○ Not started")


def test_when_every_module_is_complete_the_action_leads_to_the_record(page, site_url):
    page.goto(f"{site_url}/index.html")
    page.evaluate("""ids => localStorage.setItem('practice-principles-training', JSON.stringify({version: 2,
        modules: Object.fromEntries(ids.map(id => [id, {completed: {at: '2026-11-25T10:00:00Z', score: 1, total: 1}}]))
    }))""", page.locator("[data-card-module]").evaluate_all("cards => cards.map(c => c.dataset.cardModule)"))
    page.reload()
    action = page.locator("#start-action")
    expect(action).to_have_text("All modules complete: see your learning record")
    action.click()
    page.wait_for_url(re.compile(r"my-learning\.html$"))


def test_the_closed_menu_on_a_phone_is_out_of_the_tab_order(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/{P7}")
    for _ in range(60):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus went off screen"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='my-learning.html']")
    link.focus()
    expect(link).to_be_focused()
    context.close()


def test_retrying_after_completion_keeps_the_module_complete(page, site_url):
    page.goto(f"{site_url}/{P4}")
    answer_all(page, 4)
    first = next(iter(answer_key(4)))
    page.locator(f"#question-{first} .quiz-retry").click()
    page.reload()
    expect(page.locator(".module-status-bar .module-status")).to_contain_text("Complete")
    stored = page.evaluate("JSON.parse(localStorage.getItem('practice-principles-training'))")
    assert stored["modules"]["principle-4"]["completed"]["score"] == len(answer_key(4))


def seconds(page) -> float:
    return page.evaluate(
        "JSON.parse(localStorage.getItem('practice-principles-training')).modules['principle-4'].seconds")


def test_time_spent_counts_only_active_time(page, site_url):
    page.clock.install()
    page.goto(f"{site_url}/{P4}")
    page.clock.run_for(30_000)
    assert seconds(page) == 30
    page.clock.run_for(300_000)  # nobody touches the page: counting stops a minute after the last use
    assert 55 <= seconds(page) <= 60
    before = seconds(page)
    page.mouse.move(30, 30)  # the learner comes back
    page.clock.run_for(20_000)
    assert seconds(page) == before + 20


def make_a_record(page, site_url) -> None:
    """Study principle 4 for about three minutes, answer it all, write a reflection and the impact."""
    page.clock.install()
    page.goto(f"{site_url}/{P4}")
    for _ in range(5):
        page.mouse.move(10, 10)
        page.mouse.move(20, 20)
        page.clock.run_for(30_000)
    answer_all(page, 4)
    page.locator("#reflection-p4-reflect-strengths").fill("Her loyalty to her younger brother.\nHer humour.")
    page.goto(f"{site_url}/my-learning.html")
    page.locator("#cpd-name").fill("Sam Example")
    page.locator("#cpd-role").fill("Social worker, adolescent team")
    page.locator("#impact-principle-4").fill("Start assessments from what is going well.")


def test_the_record_downloads_as_plain_text(page, site_url, tmp_path):
    make_a_record(page, site_url)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as text").click()
    assert download.value.suggested_filename == "cpd-record-practice-principles.txt"
    path = tmp_path / "record.txt"
    download.value.save_as(path)
    record = path.read_text(encoding="utf-8")
    total = len(answer_key(4))
    assert record.startswith("CPD record: Practice Principles training\n")
    for line in ("Name: Sam Example", "Role: Social worker, adolescent team",
                 "Practice Principle 4: Strengths-based and relationship-based",
                 f"Score: {total} of {total} questions correct",
                 "Time spent: about 3 minutes (an estimate: active time on the module page)",
                 "What was the activity?", "What did you learn?", "How will it change your practice?",
                 "Her loyalty to her younger brother.", "Her humour.",
                 "Start assessments from what is going well."):
        assert f"\n{line}\n" in f"\n{record}", line
    assert re.search(rf"^Date completed: {DATE}$", record, re.MULTILINE)
    assert re.search(rf"^Record made on {DATE}\.$", record, re.MULTILINE)
    assert "Question: Think of a child or young person you have worked with." in record
    assert "Practice Principle 7" not in record, "modules not started are left out"
    for line in record.splitlines():
        assert not re.match(r"^\s*(#|[-*+] |>|\d+\. |```|={3,}|-{3,})", line), f"Markdown syntax: {line!r}"
    assert "**" not in record and "](" not in record
    expect(page.locator("#my-learning-status")).to_have_text("Your CPD record has been downloaded as a text file.")


def test_the_record_prints_on_a4_alone(page, site_url):
    make_a_record(page, site_url)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842), "A4 from the page's own print style"
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for phrase in ("CPD record: Practice Principles training", "Sam Example", "Social worker, adolescent team",
                   "Practice Principle 4: Strengths-based and relationship-based", "Date completed",
                   "What was the activity?", "What did you learn?", "How will it change your practice?",
                   "Her loyalty to her younger brother.", "Start assessments from what is going well.",
                   "about 3 minutes"):
        assert phrase in text, phrase
    for absent in ("Your modules", "Clear my data", "Download as text", "Bibliography", "Search", "My learning"):
        assert absent not in text, absent


@pytest.mark.parametrize("module", [P4, P7])
def test_a_keyboard_user_reaches_the_first_question_in_a_few_keys(page, site_url, module):
    """From the top of a module: skip to content, then "Go to the questions" (90 Tab presses before)."""
    page.goto(f"{site_url}/{module}")
    keys = 0

    def press(key: str) -> str:
        nonlocal keys
        keys += 1
        page.keyboard.press(key)
        return page.evaluate("document.activeElement.className + ' ' + document.activeElement.textContent")

    assert "md-skip" in press("Tab")
    press("Enter")
    assert "Go to the questions" in press("Tab")
    press("Enter")
    while not page.evaluate("!!document.activeElement.closest('form.quiz-question')"):
        press("Tab")
        assert keys <= 30
    assert page.evaluate("document.activeElement.type") in ("radio", "checkbox")
    assert keys <= 6


CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__cls += entry.value; } }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("path", ["index.html", P4, "my-learning.html"])
def test_nothing_moves_as_a_page_loads(device, site_url, path):
    """Cumulative layout shift under 0.05 on a return visit, when the learner's data fills the page."""
    page = device
    page.goto(f"{site_url}/{P4}")
    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    page.locator("#reflection-p4-reflect-time").fill("A note.")
    page.add_init_script(CLS_OBSERVER)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    shift = page.evaluate("window.__cls")
    assert shift < 0.05, f"{path} on a {page.device}: cumulative layout shift {shift:.3f}"


def test_session_plan_reflows_at_320_pixels(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}/{SESSION}")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    table = page.locator("table.session-table")
    assert table.evaluate("t => t.getBoundingClientRect().right") <= 320
    assert page.evaluate("[...document.querySelectorAll('table.session-table td')].every("
                         "td => td.scrollWidth <= td.clientWidth + 1)")
    expect(table.get_by_role("columnheader", name="Activity")).to_be_attached()
    assert "Minutes" in table.locator("tbody td[data-label='Minutes']").first.evaluate(
        "td => getComputedStyle(td, '::before').content")
    context.close()
