"""Knowledge checks, reflections and My learning, driven in Chromium like a learner would.

This file: the checks in Chromium (the rest are in tests/unit/).
"""

from __future__ import annotations

import re

from axe import axe_violations, describe
from helpers import answer_key, quiz_question
from playwright.sync_api import expect
from support.learning import quiz

P4 = "principles/principle-4.html"


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches ``selector`` (no key at all if it already does)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page, qid: str, values: list[str], kind: str) -> None:
    """Choose ``values`` with the keyboard alone and press Enter on "Check answer"."""
    shown = page.locator(f"#question-{qid} input").evaluate_all("inputs => inputs.map(i => i.value)")
    tab_to(page, f"#question-{qid} input")
    if kind == "single":
        for _ in range(shown.index(values[0])):  # options are shown shuffled: move by position on the page
            page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.checked") is False:
            page.keyboard.press("Space")
    else:
        for index, value in enumerate(shown):
            if index:
                page.keyboard.press("Tab")
            if value in values:
                page.keyboard.press("Space")
    tab_to(page, f"#question-{qid} .quiz-check")
    page.keyboard.press("Enter")


def status(page, qid: str) -> str:
    return " ".join(page.locator(f"#question-{qid} .quiz-feedback").inner_text().split())


def test_a_quiz_completed_with_the_keyboard_alone(page, site_url):
    page.goto(f"{site_url}/{P4}")
    tab_to(page, "nav a[href='#check-your-understanding']")  # the contents list, as a keyboard user would
    page.keyboard.press("Enter")
    kinds = {q.id: q.kind for q in quiz(4).questions}
    key = answer_key(4)
    first = next(iter(key))
    wrong = "b" if key[first] != ["b"] else "c"
    answer_by_keyboard(page, first, [wrong], "single")
    assert status(page, first).startswith("Not correct. Try again")
    assert f"Score so far: 0 of {len(key)} correct, 1 of {len(key)} answered." in status(page, first)
    expect(page.locator(f"#question-{first} .quiz-reveal")).to_be_visible()
    expect(page.locator(f"#question-{first} .quiz-reveal a.quiz-reread")).to_have_text("Reread: Summary")
    expect(page.locator(f"#question-{first} .quiz-retry")).to_be_visible()
    page.locator(f"#question-{first} .quiz-retry").focus()
    page.keyboard.press("Enter")
    assert status(page, first) == ""
    assert page.evaluate("document.activeElement.name") == first, "Try again returns focus to the options"
    for qid, values in key.items():
        answer_by_keyboard(page, qid, values, kinds[qid])
        assert status(page, qid).startswith("Correct. Score so far:"), qid
    result = page.locator(".quiz-result").inner_text()
    assert f"{len(key)} of {len(key)} correct" in result
    assert "You completed this module on" in result and "not a measure of your competence" in result


def test_choosing_an_option_never_submits_and_empty_answers_get_an_error(page, site_url):
    page.goto(f"{site_url}/{P4}")
    qid = next(iter(answer_key(4)))
    tab_to(page, f"#question-{qid} input")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert status(page, qid) == ""
    page.locator(f"#question-{qid} input:checked").evaluate("el => el.checked = false")
    page.locator(f"#question-{qid} .quiz-check").click()
    assert status(page, qid) == "Error: Select an answer."
    expect(page.locator(f"#{qid}-error")).to_have_text("Error: Select an answer")
    assert page.evaluate("document.activeElement.name") == qid


def test_live_region_exists_from_page_load(page, site_url):
    page.goto(f"{site_url}/{P4}")
    regions = page.locator(".quiz-feedback[role='status'][aria-live='polite']")
    assert regions.count() == len(answer_key(4))
    assert all(text == "" for text in regions.all_inner_texts())


def test_multiple_answer_feedback_says_what_is_missing(page, site_url):
    page.goto(f"{site_url}/{P4}")
    keys = answer_key(4)
    qid = next(q.id for q in quiz(4).questions if q.kind == "multiple" and len(keys[q.id]) > 1)
    key = keys[qid]
    page.locator(f"#{qid}-{key[0]}").check()
    page.locator(f"#question-{qid} .quiz-check").click()
    text = status(page, qid)
    missing = len(key) - 1
    assert text.startswith(f"Partly correct: you chose 1 of the {len(key)} right answers; {missing} right answer")
    chosen = page.locator(f"#question-{qid} .quiz-option[data-value='{key[0]}']")
    expect(chosen.locator(".quiz-option-feedback")).to_contain_text("✓ A right answer.")


def test_a_wrong_answer_is_said_once_and_the_answer_stays_reachable(page, site_url):
    """One verdict in plain words, the chosen option marked in words, "Show the answer" after every attempt."""
    page.goto(f"{site_url}/{P4}")
    question = page.locator("#question-p4-defined")
    expect(question.locator(".quiz-reveal")).to_be_hidden()
    for _attempt in range(3):
        page.locator("#p4-defined-a").check()
        question.locator(".quiz-check").click()
        feedback = question.inner_text()
        assert feedback.count("Not correct") == 1, feedback
        assert "Not quite" not in feedback
        expect(question.locator(".quiz-option[data-value='a'] .quiz-option-feedback")).to_have_text(
            re.compile(r"^✗ Not a right answer\. The principle says the opposite"))
        question.locator(".quiz-reveal summary").click()
        expect(question.locator(".quiz-reveal")).to_contain_text(
            "The answer: It is widely used in social work, but is not well-defined or understood.")
        question.locator(".quiz-reveal summary").click()
        question.locator(".quiz-retry").click()
        expect(question.locator(".quiz-reveal")).to_be_visible()


def test_progress_and_notes_survive_a_reload(page, site_url):
    page.goto(f"{site_url}/{P4}")
    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    page.locator("#reflection-p4-reflect-time").fill("Regular, predictable contact.")
    page.reload()
    expect(page.locator("#p4-defined-b")).to_be_checked()
    assert status(page, "p4-defined").startswith("Correct.")
    expect(page.locator("#reflection-p4-reflect-time")).to_have_value("Regular, predictable contact.")
    assert f"1 of {len(answer_key(4))} correct" in page.locator(".quiz-result").inner_text()
    expect(page.locator(".module-status-bar .module-status")).to_have_text("◐ In progress")
    stored = page.evaluate("JSON.parse(localStorage.getItem('practice-principles-training'))")
    assert list(stored["modules"]) == ["principle-4"]
    assert stored["modules"]["principle-4"]["questions"]["p4-defined"]["answer"] == ["b"]


def test_axe_before_and_after_answering(page, site_url):
    page.goto(f"{site_url}/{P4}")
    assert axe_violations(page) == []
    page.locator("#question-p4-meaning .quiz-check").click()  # the error state
    page.locator("#p4-defined-a").check()
    page.locator("#question-p4-defined .quiz-check").click()  # a wrong answer
    page.locator("#p4-two-respects-a").check()
    page.locator("#p4-two-respects-b").check()
    page.locator("#question-p4-two-respects .quiz-check").click()  # a right answer
    page.locator("#reflection-p4-reflect-time").fill("A note.")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_my_learning_shows_progress(page, site_url):
    page.goto(f"{site_url}/{P4}")
    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    page.locator("#reflection-p4-reflect-strengths").fill("Her loyalty to her younger brother.")
    page.goto(f"{site_url}/my-learning.html")
    expect(page.locator("article h1")).to_have_text(re.compile("^My learning"))
    module = page.locator("#learning-record .my-learning-module[aria-labelledby='principle-4']")
    total = len(answer_key(4))
    expect(module).to_contain_text(f"Knowledge check: 1 of {total} correct, 1 of {total} answered.")
    heading = module.get_by_role("heading", level=3)
    expect(heading).to_have_text("Practice Principle 4: Strengths-based and relationship-based")
    expect(module).to_have_accessible_name("Practice Principle 4: Strengths-based and relationship-based")
    expect(heading.get_by_role("link", name="Practice Principle 4: Strengths-based and relationship-based",
                               exact=True)).to_have_attribute("href", P4)
    expect(module).to_contain_text("Reflections: 1 of 4 written.")
    expect(module.locator(".module-status")).to_have_text("◐ In progress")
    expect(page.locator(".my-learning-module[aria-labelledby='principle-7'] .module-status")).to_have_text(
        "○ Not started")
    page.locator("#impact-principle-4").fill("Start assessments from what is going well.")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_clear_my_data(page, site_url):
    page.goto(f"{site_url}/{P4}")
    page.locator("#p4-defined-b").check()
    page.locator("#question-p4-defined .quiz-check").click()
    page.goto(f"{site_url}/my-learning.html")
    page.locator("#cpd-name").fill("Sam Example")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#clear-data").click()
    expect(page.locator("#my-learning-status")).to_have_text("Your data has been cleared from this browser.")
    assert page.evaluate("localStorage.getItem('practice-principles-training')") is None
    expect(page.locator("#cpd-name")).to_have_value("")
    record = page.locator(".my-learning-module[aria-labelledby='principle-4']")
    expect(record).to_contain_text(f"0 of {len(answer_key(4))} answered")
    page.goto(f"{site_url}/{P4}")
    expect(page.locator("#p4-defined-b")).not_to_be_checked()


def test_without_javascript_questions_read_and_answers_can_be_revealed(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{P4}")
    expect(page.locator("#question-p4-defined legend")).to_have_text(quiz_question(4, "p4-defined").text)
    expect(page.locator("#question-p4-defined .quiz-check")).to_be_hidden()
    page.locator("#question-p4-defined summary").click()
    reveal = page.locator("#question-p4-defined .quiz-reveal")
    expect(reveal).to_contain_text(
        "The answer: It is widely used in social work, but is not well-defined or understood.")
    expect(reveal.locator("a.quiz-reread")).to_have_text(
        "Reread: What do we mean by relationship-based approaches?")
    context.close()


def test_my_learning_links_to_each_module(page, site_url):
    page.goto(f"{site_url}/my-learning.html")
    page.locator("#learning-record").get_by_role(
        "link", name="Practice Principle 7: Approach parents and carers as partners", exact=True).click()
    page.wait_for_url(re.compile(r"principles/principle-7\.html$"))
