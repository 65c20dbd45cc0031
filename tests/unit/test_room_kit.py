"""The room kit's pages, made from a module and its quiz file (the browser tests drive and print them)."""

from __future__ import annotations

import re

from practice_site.learning.module_catalogue import ModuleEntry, SectionEntry
from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import Choice, Question, QuizFile, Reflection
from practice_site.names import kit_page, kit_qr_image
from practice_site.pages.room_kit import (
    KitSite,
    answer_key_page,
    handout_page,
    kit_pages,
    kit_questions,
    presenter_page,
)
from practice_site.sources.model import Paragraph, Principle, Section

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'
MODULE = ModuleEntry("principle-42", 42, "A title", "Short <i>title</i>", "principles/principle-42.md",
                     (SectionEntry("summary", "Summary", 150), SectionEntry("why", "Why it matters", 450)), 2, 1, 2)
QUIZ = QuizFile("docs/quizzes/principle-42.md", (
    Question("q-first", f"Which is right? {HOSTILE}", "single", "summary",
             (Choice("Wrong one", False, "Not so.", 3), Choice(f"Right one {HOSTILE}", True, f"Yes. {HOSTILE}", 5),
              Choice("Another wrong", False, "No.", 7)), 1),
    Question("q-second", "Which two?", "multiple", "why",
             (Choice("One", True, "Yes.", 12), Choice("Two", True, "Also.", 14), Choice("Three", False, "No.", 16)),
             10),
), (Reflection("r-one", f"What would you do? {HOSTILE}", 20),))
PRINCIPLE = Principle(42, "A principle's title", "Short title", "sources/principle-42.txt", 1, (
    Section("Summary", "summary", 3, (Paragraph(f"The summary *matters*[^1] {HOSTILE}.", 4),)),
    Section("Why it matters", "why", 6, (Paragraph("Because.", 7),))))
SITE = KitSite("Practice <b>site</b>", "for-trainers.md", credit="Text from <i>the source</i>.")


def test_each_question_keeps_the_learners_order_and_its_right_options() -> None:
    for question, kit in zip(QUIZ.questions, kit_questions(QUIZ, MODULE), strict=True):
        order = display_order(question.id, len(question.choices))
        assert [o.text for o in kit.options] == [question.choices[i].text for i in order]
        assert {o.text for o in kit.options if o.right} == {c.text for c in question.choices if c.correct}
        assert [o.letter for o in kit.options] == ["A", "B", "C"]


def test_the_answer_key_says_it_is_not_secret_and_keeps_author_text_as_text() -> None:
    page = answer_key_page(SITE, MODULE, QUIZ)
    assert "for learning, not assessment" in page and "this key is not secret" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<b>" not in page and "<i>" not in page
    assert '<footer class="kit-footer"><p>Text from &lt;i&gt;the source&lt;/i&gt;.</p></footer>' in page
    assert 'href="../principles/principle-42.html#why"' in page and "Why it matters</a>" in page
    assert page.count('class="kit-key-question"') == 2 and "Reflective questions" in page
    assert 'http-equiv="Content-Security-Policy"' in page and "<script" not in page


def test_the_presenter_view_has_one_section_per_question_and_its_own_script_only() -> None:
    page = presenter_page(SITE, MODULE, QUIZ)
    assert re.findall(r'<section class="presenter-question" id="(question-\d+)"', page) == ["question-1", "question-2"]
    assert "Question 2 of 2" in page and page.count('<span class="presenter-reason" hidden>') == 6
    assert re.findall(r"<script[^>]*>", page) == ['<script src="../javascripts/presenter.js">']
    assert 'href="principle-42-answer-key.html"' in page


def test_the_handout_without_an_address_shows_the_short_link_as_text_and_no_qr_code() -> None:
    page = handout_page(SITE, MODULE, PRINCIPLE, QUIZ)
    assert 'Short link: <a href="../p42.html">p42.html</a>, after the training site' in page and "<img" not in page
    assert "<em>matters</em>" in page and "[^1]" not in page, "the summary as Markdown, without its notes"
    assert "<script>alert" not in page and "Do not write names or details" in page
    assert "Why it matters</td><td>about 3 minutes</td>" in page


def test_the_handout_with_an_address_has_the_full_short_link_and_its_qr_code() -> None:
    site = KitSite("Site", "for-trainers.md", "https://example.org/training/")
    page = handout_page(site, MODULE, PRINCIPLE, QUIZ)
    assert '<a href="https://example.org/training/p42.html">https://example.org/training/p42.html</a>' in page
    image = re.search(r'<img class="handout-qr" src="([^"]+)"[^>]*alt="([^"]+)"', page)
    assert image and image.group(1) == "principle-42-qr-code.png"
    made = kit_pages(site, MODULE, PRINCIPLE, QUIZ)[kit_qr_image(42)]
    assert isinstance(made, bytes) and made.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(made[16:20], "big"), int.from_bytes(made[20:24], "big")  # the PNG's header
    assert f'width="{width}" height="{height}"' in page, "the page reserves the image's own size"
    assert image.group(2) == "QR code for the module's short link, https://example.org/training/p42.html"


def test_a_module_without_questions_has_a_handout_only() -> None:
    assert list(kit_pages(SITE, MODULE, PRINCIPLE, None)) == [kit_page(42, "handout")]
    assert list(kit_pages(SITE, MODULE, PRINCIPLE, QUIZ)) == [kit_page(42, kind)
                                                               for kind in ("handout", "answer_key", "presenter")]
