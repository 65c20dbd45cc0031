"""The trainers' room kit in Chromium: the answer key against the quiz files, the presenter view by keyboard
alone (and from the offline copy), the printed answer key and handouts on A4, and the handout's QR code.

This file: the checks in Chromium (the pages themselves are tested in tests/unit/test_room_kit.py).
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from axe import axe_violations, describe
from helpers import ROOT, build, copy_project, serving
from playwright.sync_api import expect
from pypdf import PdfReader

from practice_site.learning.quiz_format import parse_quiz_file
from practice_site.names import kit_page

SEEDS = (4, 7)
ADDRESS = "https://example.org/training/"


def quiz(number: int):
    path = ROOT / "docs" / "quizzes" / f"principle-{number}.md"
    return parse_quiz_file(path.read_text(encoding="utf-8"), path.name)


def words(text: str) -> str:
    """Text with its spaces made single, its ligatures undone (PDF text gives "ﬁ" for "fi") and a line broken
    after a hyphen joined again ("strengths- based")."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(unicodedata.normalize("NFKC", text).split()))


@pytest.mark.parametrize("number", SEEDS)
def test_the_answer_key_lists_every_question_with_exactly_its_right_options(page, site_url, number):
    page.goto(f"{site_url}/{kit_page(number, 'answer_key')}")
    questions = quiz(number).questions
    sections = page.locator(".kit-key-question")
    expect(sections).to_have_count(len(questions))
    for index, question in enumerate(questions):
        section = sections.nth(index)
        expect(section.locator(".kit-stem")).to_have_text(question.text)
        right = section.locator(".kit-option--right strong").all_inner_texts()
        assert sorted(re.sub(r"^[A-Z]\. ", "", t) for t in right) == sorted(c.text for c in question.choices
                                                                              if c.correct)
        expect(section.locator(".kit-option")).to_have_count(len(question.choices))
        for choice in question.choices:
            expect(section).to_contain_text(choice.feedback)
        expect(section.locator(".kit-reread a")).to_have_attribute(
            "href", f"../principles/principle-{number}.html#{question.section}")
    for reflection in quiz(number).reflections:
        expect(page.locator(".kit-key-reflections")).to_contain_text(reflection.text)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def focus_ring(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_the_presenter_view_works_by_keyboard_alone_and_writes_no_progress(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{site_url}/{kit_page(4, 'presenter')}")
    total = len(quiz(4).questions)
    current = page.locator(".presenter-question:visible")
    expect(current).to_have_count(1)
    expect(current.locator("h2")).to_have_text(f"Question 1 of {total}")
    assert float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")) >= 28
    expect(current.locator(".presenter-answer")).to_be_hidden()
    for _ in range(12):  # Tab to the Next button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.presenter") == "next":
            break
    assert page.evaluate("document.activeElement.dataset.presenter") == "next"
    assert focus_ring(page) != "none", "focus is visible"
    page.keyboard.press("Enter")
    expect(current.locator("h2")).to_have_text(f"Question 2 of {total}")
    page.keyboard.press("ArrowRight")
    expect(current.locator("h2")).to_have_text(f"Question 3 of {total}")
    page.keyboard.press("ArrowLeft")
    expect(current.locator("h2")).to_have_text(f"Question 2 of {total}")
    assert page.evaluate("document.activeElement.dataset.presenter") == "next", "focus stays where it was"
    page.keyboard.press("s")
    second = quiz(4).questions[1]
    reasons = current.locator(".presenter-reason")
    expect(reasons).to_have_count(len(second.choices))
    for index, choice in enumerate(second.choices):
        expect(current).to_contain_text(choice.feedback)
        expect(reasons.nth(index)).to_be_visible()
    right = current.locator(".presenter-option--right .presenter-reason").all_inner_texts()
    assert len(right) == sum(c.correct for c in second.choices) and all(t.startswith("✓ Right.") for t in right)
    expect(page.get_by_role("button", name="Hide the answer")).to_have_attribute("aria-expanded", "true")
    bar = page.locator(".presenter-bar").bounding_box()
    assert bar["y"] + bar["height"] <= 720, "the controls stay on the screen"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.keyboard.press("Shift+Tab")  # Show the answer
    page.keyboard.press("Shift+Tab")  # Back
    assert page.evaluate("document.activeElement.dataset.presenter") == "back"
    page.keyboard.press("Enter")
    expect(current.locator("h2")).to_have_text(f"Question 1 of {total}")
    expect(current.locator(".presenter-reason").first).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#presenter-status")).to_have_text("This is the first question.")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0, "no learner's progress is written"
    assert page.url.endswith("#question-1")


def test_the_letter_key_can_be_turned_off(page, site_url):
    page.goto(f"{site_url}/{kit_page(4, 'presenter')}")
    page.get_by_label("S shows or hides the answer").uncheck()
    page.locator("body").press("s")
    expect(page.locator(".presenter-question:visible .presenter-reason").first).to_be_hidden()
    page.get_by_label("S shows or hides the answer").check()
    page.locator("body").press("s")
    expect(page.locator(".presenter-question:visible .presenter-reason").first).to_be_visible()


def test_the_presenter_starts_from_and_follows_the_question_in_its_address(page, site_url):
    total = len(quiz(7).questions)
    page.goto(f"{site_url}/{kit_page(7, 'presenter')}#question-3")
    expect(page.locator(".presenter-question:visible h2")).to_have_text(f"Question 3 of {total}")
    assert page.evaluate("window.scrollY") == 0
    page.evaluate("location.hash = '#question-5'")
    expect(page.locator(".presenter-question:visible h2")).to_have_text(f"Question 5 of {total}")


def test_the_presenter_reflows_on_a_narrow_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site_url}/{kit_page(4, 'presenter')}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    expect(page.get_by_role("button", name="Next")).to_be_in_viewport()


def test_the_presenter_works_from_the_offline_copy(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_copy / kit_page(4, "presenter")).as_uri())
    page.keyboard.press("ArrowRight")
    expect(page.locator(".presenter-question:visible h2")).to_contain_text("Question 2 of")
    page.keyboard.press("S")
    expect(page.locator(".presenter-question:visible .presenter-reason").first).to_be_visible()
    context.close()


def pdf_pages(page) -> list[str]:
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842), "A4"
    return [words(p.extract_text()) for p in pdf.pages]


@pytest.mark.parametrize("number", SEEDS)
def test_the_answer_key_prints_on_a4_each_question_on_one_page(page, site_url, number):
    page.goto(f"{site_url}/{kit_page(number, 'answer_key')}")
    pages = pdf_pages(page)
    questions = quiz(number).questions
    assert len(questions) // 3 <= len(pages) <= len(questions) + 1
    for question in questions:
        holding = [i for i, text in enumerate(pages) if words(question.text)[:60] in text]
        assert len(holding) == 1, question.id
        for choice in question.choices:
            assert words(choice.feedback)[:50] in pages[holding[0]], f"{question.id}: its reasons on its page"
    assert "Back to For trainers" not in " ".join(pages)


@pytest.mark.parametrize("number", SEEDS)
def test_the_handout_prints_on_at_most_two_a4_pages(page, site_url, number):
    page.goto(f"{site_url}/{kit_page(number, 'handout')}")
    pages = pdf_pages(page)
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    assert "Summary" in text and "Reflect" in text and f"p{number}.html" in text
    for reflection in quiz(number).reflections:
        assert words(reflection.text)[:50] in text
    expect(page.locator("img")).to_have_count(0), "no address, so no QR code"
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The project built with its published address set, served."""
    project = copy_project(tmp_path_factory.mktemp("published"))
    result = build(project, env={"SITE_URL": ADDRESS})
    assert result.returncode == 0, result.stderr
    with serving(project / "site") as address:
        yield address


DECODE = """async (image) => {
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth * 2; canvas.height = image.naturalHeight * 2;
  const context = canvas.getContext("2d");
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const grey = [];
  for (let i = 0; i < rgba.length; i += 4) { grey.push(rgba[i + 3] < 128 ? 255 : rgba[i]); }
  return { width: canvas.width, height: canvas.height, grey };
}"""


@pytest.mark.parametrize("number", SEEDS)
def test_with_an_address_the_handouts_qr_code_decodes_to_the_full_short_link(browser, published, number):
    import zxingcpp

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{published}/{kit_page(number, 'handout')}")
    link = f"{ADDRESS}p{number}.html"
    expect(page.locator(".handout-link a")).to_have_text(link)
    image = page.locator("img.handout-qr")
    expect(image).to_have_attribute("alt", f"QR code for the module's short link, {link}")
    pixels = image.evaluate(DECODE)
    view = memoryview(bytes(pixels["grey"])).cast("B", (pixels["height"], pixels["width"]))
    found = zxingcpp.read_barcodes(view)
    assert [code.text for code in found] == [link]
    context.close()
