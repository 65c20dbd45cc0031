"""Markdown extension: ``/// quiz`` and ``/// reflection`` blocks on pymdown-extensions' Blocks API.

Each block names a question or reflection by id (``/// quiz`` then ``id: p4-meaning``); the
extension renders the parsed object the plugin hands it by that id (``questions`` and
``reflections`` in its configuration), so a quiz file is parsed once, by ``quiz_format``.

The HTML follows the GOV.UK Design System's radios and checkboxes: a fieldset whose legend is the
question, a hint, native inputs, nothing pre-selected and an explicit "Check answer" button. The
answers and feedback are in the page once, in a ``<details>`` that works without JavaScript;
``learning.js`` hides it and shows each option's feedback beside the option when an answer is checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from string import ascii_lowercase

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_html_identifier

from practice_site.learning.block_placement import PageSource, Stop, misplaced, stop
from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import Choice, Question, Reflection

HINTS = {"single": "Select one option", "multiple": "Select all that apply"}


def sub(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """Add a child element with attributes (``class_`` for class) and optional text."""
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = AtomicString(text)  # author text stays text: never read as Markdown or HTML
    return element


def named(config: dict, kind: str, block_id: str):
    """The parsed question or reflection with this id on this page; a block naming none stops the build.

    Only a module's page holds questions and reflections (its own), so this is how a block written
    into any other page is found, wherever Markdown nests it.
    """
    items = config["questions" if kind == "quiz" else "reflections"]
    if block_id not in items:
        stop_build: Stop = config["stop"]
        stop_build(misplaced(config["page"], kind, block_id=block_id))
    return items[block_id]


class QuizBlock(Block):
    """``/// quiz`` with option ``id``: the parsed :class:`Question` of that id as a form."""

    NAME = "quiz"
    ARGUMENT = False
    OPTIONS = {"id": ("", type_html_identifier)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        question: Question = named(self.config, "quiz", self.options["id"])
        return etree.SubElement(parent, "form", {
            "class": "quiz-question", "id": f"question-{question.id}", "data-question": question.id,
            "data-kind": question.kind, "novalidate": "novalidate",
        })

    def on_end(self, block: etree.Element) -> None:
        question: Question = named(self.config, "quiz", self.options["id"])
        qid, choices = question.id, question.choices
        block.text = None
        letters = ascii_lowercase[: len(choices)]
        block.set("data-correct", " ".join(v for v, c in zip(letters, choices, strict=True) if c.correct))
        shown = [(letters[i], choices[i]) for i in display_order(qid, len(choices))]
        options_fieldset(block, question, shown)
        actions = sub(block, "div", class_="quiz-actions")
        sub(actions, "button", "Check answer", type="submit", class_="md-button md-button--primary quiz-check",
            hidden="hidden")
        sub(actions, "button", "Try again", type="button", class_="md-button quiz-retry", hidden="hidden")
        sub(block, "div", "", class_="quiz-feedback", role="status", aria_live="polite")
        answer_details(block, question, shown)


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


class ReflectionBlock(Block):
    """``/// reflection`` with option ``id``: the parsed :class:`Reflection` of that id and a private notes box."""

    NAME = "reflection"
    ARGUMENT = False
    OPTIONS = {"id": ("", type_html_identifier)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        reflection: Reflection = named(self.config, "reflection", self.options["id"])
        rid = reflection.id
        box = etree.SubElement(parent, "div", {"class": "reflection", "data-reflection": rid})
        sub(box, "label", reflection.text, for_=f"reflection-{rid}", class_="reflection-question")
        sub(box, "p", "Private: your notes stay in this browser and are never sent anywhere.",
            class_="reflection-hint", id=f"reflection-{rid}-hint")
        area = sub(box, "textarea", "", id=f"reflection-{rid}", class_="reflection-notes", rows="5",
                   data_reflection=rid, aria_describedby=f"reflection-{rid}-hint")
        area.text = ""
        return box


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
    """Registers the quiz and reflection blocks and the reread-link naming."""

    def __init__(self, *args, **kwargs) -> None:
        self.config = {"questions": [{}, "this page's questions: id -> parsed Question"],
                       "reflections": [{}, "this page's reflections: id -> parsed Reflection"],
                       "page": [PageSource(), "the page being rendered, to say where a misplaced block is"],
                       "stop": [stop, "called with the message when a block is misplaced; must raise"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(QuizBlock, self.getConfigs())
        block_mgr.register(ReflectionBlock, self.getConfigs())
        md.treeprocessors.register(RereadLinks(md), "quiz_reread_links", 1)


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's required name)
    return QuizExtension(**kwargs)
