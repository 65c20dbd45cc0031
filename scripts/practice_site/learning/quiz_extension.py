"""Markdown extension: each module's knowledge check and reflections, from its quiz file parsed once.

A module page's Markdown (``module_learning``) holds a marker where its questions go,
``<div data-module-questions="principle-4" markdown="1"></div>``, and one where its reflections go
(``data-module-reflections``); a treeprocessor puts the module's parsed questions and reflections in
their place, from ``quizzes`` (module id -> parsed quiz file, given once a build). ``/// quiz`` and
``/// reflection`` belong in quiz files only: written on a page, either stops the build, naming the
page and line (``block_placement``).

The HTML follows the GOV.UK Design System's radios and checkboxes: a fieldset whose legend is the
question, a hint, native inputs, nothing pre-selected and an explicit "Check answer" button. The
answers and feedback are in the page once, in a ``<details>`` that works without JavaScript;
``learning.js`` hides it and shows each option's feedback beside the option when an answer is checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from practice_site.learning.block_placement import PageSource, Stop, misplaced, stop
from practice_site.learning.learner_notes import NOTE_LENGTH, SAFETY_LINE
from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import Choice, Question, QuizFile, Reflection, choice_values, correct_values
from practice_site.names import question_anchor, reflection_anchor

QUESTIONS_MARKER = "data-module-questions"  # on the marker where a module's questions go
REFLECTIONS_MARKER = "data-module-reflections"  # on the marker where its reflections go
HINTS = {"single": "Select one option", "multiple": "Select all that apply"}


def sub(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """Add a child element with attributes (``class_`` for class) and optional text."""
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = AtomicString(text)  # author text stays text: never read as Markdown or HTML
    return element


def question_form(question: Question) -> etree.Element:
    """One question as a form: its options (shuffled as ``display_order`` says), buttons, feedback and answer."""
    qid, choices = question.id, question.choices
    form = etree.Element("form", {
        "class": "quiz-question", "id": question_anchor(qid), "data-question": qid, "data-kind": question.kind,
        "novalidate": "novalidate",
    })
    letters = choice_values(question)
    form.set("data-correct", " ".join(correct_values(question)))
    shown = [(letters[i], choices[i]) for i in display_order(qid, len(choices))]
    options_fieldset(form, question, shown)
    actions = sub(form, "div", class_="quiz-actions")
    sub(actions, "button", "Check answer", type="submit", class_="md-button md-button--primary quiz-check",
        hidden="hidden")
    sub(actions, "button", "Try again", type="button", class_="md-button quiz-retry", hidden="hidden")
    sub(form, "div", "", class_="quiz-feedback", role="status", aria_live="polite")
    answer_details(form, question, shown)
    return form


def reflection_box(reflection: Reflection) -> etree.Element:
    """A reflective question and its private notes box."""
    rid, field = reflection.id, reflection_anchor(reflection.id)
    box = etree.Element("div", {"class": "reflection", "data-reflection": rid})
    sub(box, "label", reflection.text, for_=field, class_="reflection-question")
    sub(box, "p", "Private: your notes stay in this browser and are never sent anywhere.",
        class_="reflection-hint", id=f"{field}-hint")
    sub(box, "p", SAFETY_LINE, class_="safety-line", id=f"{field}-safety")
    area = sub(box, "textarea", "", id=field, class_="reflection-notes", rows="5", data_reflection=rid,
               aria_describedby=f"{field}-hint {field}-safety", maxlength=str(NOTE_LENGTH))
    area.text = ""
    return box


def options_fieldset(block: etree.Element, question: Question, shown: list[tuple[str, Choice]]) -> None:
    """The question as a fieldset: its legend, a hint, an error line and one native input per option."""
    qid = question.id
    fieldset = sub(block, "fieldset", class_="quiz-fieldset", aria_describedby=f"{qid}-hint")
    sub(fieldset, "legend", question.text, class_="quiz-legend")
    sub(fieldset, "p", HINTS[question.kind], class_="quiz-hint", id=f"{qid}-hint")
    sub(fieldset, "p", "", class_="quiz-error", id=f"{qid}-error", hidden="hidden")
    options = sub(fieldset, "div", class_="quiz-options")
    for value, choice in shown:
        row = sub(options, "div", class_="quiz-option", data_value=value)
        input_type = "radio" if question.kind == "single" else "checkbox"
        sub(row, "input", type=input_type, id=f"{qid}-{value}", name=qid, value=value)
        sub(row, "label", choice.text, for_=f"{qid}-{value}", class_="quiz-label")


def answer_details(block: etree.Element, question: Question, shown: list[tuple[str, Choice]]) -> None:
    """The answer and each option's feedback, in a ``<details>`` that works without JavaScript."""
    reveal = sub(block, "details", class_="quiz-reveal")
    sub(reveal, "summary", "Show the answer")
    answer = [c.text for c in question.choices if c.correct]
    sub(reveal, "p", ("The answer: " if len(answer) == 1 else "The answers: ") + "; ".join(answer) + ".")
    notes = sub(reveal, "ul")
    for value, choice in shown:
        item = sub(notes, "li", data_value=value)
        sub(item, "span", choice.text, class_="quiz-reveal-option")
        sub(item, "span", choice.feedback, class_="quiz-reveal-feedback").tail = ""
        item[0].tail = " – "
    sub(sub(reveal, "p"), "a", "Reread this section", href=f"#{question.section}", class_="quiz-reread")


class ModuleLearning(Treeprocessor):
    """Puts a module's questions and reflections where its page's markers are (see the module docstring)."""

    def __init__(self, md: Markdown, config: dict) -> None:
        super().__init__(md)
        self.config = config

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for at, marker in reversed(list(enumerate(parent))):
                kind = next((k for k in (QUESTIONS_MARKER, REFLECTIONS_MARKER) if marker.get(k)), None)
                if marker.tag == "div" and kind:
                    parent.remove(marker)
                    for offset, element in enumerate(self.parts(kind, marker.get(kind) or "")):
                        parent.insert(at + offset, element)

    def parts(self, kind: str, module: str) -> list[etree.Element]:
        quiz: QuizFile | None = self.config["quizzes"].get(module)
        page: PageSource = self.config["page"]
        stop_build: Stop = self.config["stop"]
        where = page.line_with(f'{kind}="{module}"')
        if quiz is None:
            stop_build(f"{where}: no module {module!r} has a knowledge check to show here; take this line out")
        pages = self.config["pages"]
        if pages and pages.get(module) != page.name:  # written by hand on another page
            stop_build(f"{where}: a module's questions and reflections are shown on its own page only; take "
                       "this line out")
        if kind == QUESTIONS_MARKER:
            return [question_form(question) for question in quiz.questions]
        return [reflection_box(reflection) for reflection in quiz.reflections]


class QuizBlock(Block):
    """``/// quiz`` written on a page: it belongs in a quiz file, so the build stops, naming the page and line."""

    NAME = "quiz"
    ARGUMENT = None  # with or without the question after "|", as a quiz file writes it
    OPTIONS = {"id": ("", type_any), "type": ("", type_any), "section": ("", type_any)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        stop_build: Stop = self.config["stop"]
        stop_build(misplaced(self.config["page"], self.NAME, argument=self.argument or "",
                             block_id=str(self.options.get("id") or "")))
        return parent


class ReflectionBlock(QuizBlock):
    """``/// reflection`` written on a page: stops the build as ``/// quiz`` does."""

    NAME = "reflection"
    OPTIONS = {"id": ("", type_any)}


class RereadLinks(Treeprocessor):
    """Name each "reread" link after the heading it points to: "Reread: What do we mean by...?"."""

    def run(self, root: etree.Element) -> None:
        headings = {
            el.get("id"): "".join(t for child in [el] for t in self.text(child)).strip()
            for el in root.iter() if el.tag in {"h2", "h3", "h4"} and el.get("id")
        }
        for link in root.iter("a"):
            if "quiz-reread" in (link.get("class") or ""):
                title = headings.get((link.get("href") or "").lstrip("#"))
                if title:
                    link.text = f"Reread: {title}"

    def text(self, element: etree.Element):
        if "headerlink" in (element.get("class") or ""):
            return
        if element.text:
            yield element.text
        for child in element:
            yield from self.text(child)
            if child.tail:
                yield child.tail


class QuizExtension(BlocksExtension):
    """Registers the module's learning parts, the refusal of quiz and reflection blocks, and the reread links."""

    def __init__(self, *args, **kwargs) -> None:
        self.config = {"quizzes": [{}, "each module's parsed quiz file: module id -> QuizFile (once a build)"],
                       "pages": [{}, "each module's own page, as the page source names it: module id -> name"],
                       "page": [PageSource(), "the page being rendered, to say where a misplaced block is"],
                       "stop": [stop, "called with the message when a block is misplaced; must raise"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(QuizBlock, self.getConfigs())
        block_mgr.register(ReflectionBlock, self.getConfigs())
        # Before Markdown's own treeprocessors (inline, 20), as the blocks' elements were: they see the same tree.
        md.treeprocessors.register(ModuleLearning(md, self.getConfigs()), "module_learning", 30)
        md.treeprocessors.register(RereadLinks(md), "quiz_reread_links", 1)


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's required name)
    return QuizExtension(**kwargs)
