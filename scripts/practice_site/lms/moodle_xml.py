"""A module's knowledge check as Moodle XML (``make lms``), and a reader for it.

One ``category`` entry, then one ``multichoice`` question per question in the quiz file's order,
named by its id, with its options in that order (Moodle shuffles them for each attempt) and each
option's feedback. Text is ``plain_text``, which Moodle shows as text, never as HTML.

Grades use Moodle's fixed list of fractions, which its import insists on. A single-answer question
gives the key 100%. A multiple-answer question shares 100% between its keys, and each wrong option
takes away one wrong option's share of 100% (rounded up to a listed fraction), so ticking every
option scores nothing. Reflections have no answer and are not exported.

Author text is only ever set as element text through ElementTree. The reader refuses documents
with a DOCTYPE (no entities of any kind).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from fractions import Fraction

from practice_site.learning.quiz_format import Choice, Question, QuizFile
from practice_site.lms.xml_text import checked

# Moodle's grade fractions (question_bank::fraction_options): 1/q for q <= 10, p/q for q <= 6,
# p/10 and 1/20, written as percentages to five decimal places.
FRACTIONS = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25",
    "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
)
ROUNDING = Fraction(1, 1000)  # percent: 3 x 33.33333 is 100 to Moodle
PENALTY = "0.3333333"  # Moodle's default: a third of the mark lost per wrong try, in interactive mode
MARKUP_DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)")
CATEGORY_SEPARATOR = re.compile(r"(?<!/)/(?!/)")


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Add a child element with attributes and optional text."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def text_field(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """``<tag ...><text>text</text></tag>``, Moodle's shape for every piece of text."""
    element = sub(parent, tag, **attrs)
    sub(element, "text", text)
    return element


def percent(share: Fraction, where: str) -> str:
    """A share of the mark as Moodle writes it ("33.33333"), which must be one of its listed fractions."""
    written = f"{float(share * 100):.5f}".rstrip("0").rstrip(".")
    if written not in FRACTIONS:
        raise ValueError(f"{where}: Moodle has no grade of {written}%, so it cannot share the mark "
                         "equally between this many right options (10 at most)")
    return written


def fractions(question: Question) -> list[str]:
    """Each option's grade in percent, in the file's order."""
    where = f"question {question.id}"
    keys = sum(choice.correct for choice in question.choices)
    if not keys:
        raise ValueError(f"{where}: no option is marked correct")
    if question.kind == "single":
        if keys > 1:
            raise ValueError(f'{where}: a "single" question has more than one right option')
        return ["100" if choice.correct else "0" for choice in question.choices]
    if question.kind != "multiple":
        raise ValueError(f'{where}: unknown type "{question.kind}"')
    key_share = percent(Fraction(1, keys), where)
    wrong = len(question.choices) - keys
    # The smallest listed fraction that is at least 1/wrong (to Moodle's five decimals): ticking
    # every option then scores nothing.
    wrong_share = min((f for f in FRACTIONS if Fraction(f) * wrong >= 100 - ROUNDING), key=Fraction) if wrong else "0"
    return [key_share if choice.correct else f"-{wrong_share}" for choice in question.choices]


def category_path(category: str) -> str:
    """``$course$/category``, with ``/`` in the name escaped as Moodle does (one category, not a path)."""
    if not category.strip():
        raise ValueError("the category needs a name")
    name = category.replace("/", "//")
    if name.startswith("/"):
        name = f" {name}"
    if name.endswith("/"):
        name = f"{name} "
    return f"$course$/{name}"


def moodle_xml(quiz: QuizFile, *, category: str) -> str:
    """The quiz's questions as Moodle XML in the category ``category`` of the course they are imported to."""
    root = ET.Element("quiz")
    entry = sub(root, "question", type="category")
    text_field(entry, "category", checked(category_path(category), "category"))
    text_field(entry, "info", "", format="plain_text")
    for question in quiz.questions:
        where = f"question {question.id}"
        shares = fractions(question)
        item = sub(root, "question", type="multichoice")
        text_field(item, "name", checked(question.id, where))
        text_field(item, "questiontext", checked(question.text, where), format="plain_text")
        text_field(item, "generalfeedback", "", format="plain_text")
        sub(item, "defaultgrade", "1")
        sub(item, "penalty", PENALTY)
        sub(item, "hidden", "0")
        sub(item, "single", "true" if question.kind == "single" else "false")
        sub(item, "shuffleanswers", "1")
        sub(item, "answernumbering", "abc")
        for choice, share in zip(question.choices, shares, strict=True):
            answer = text_field(item, "answer", checked(choice.text, where), fraction=share, format="plain_text")
            text_field(answer, "feedback", checked(choice.feedback, where), format="plain_text")
    ET.indent(root)  # only elements holding other elements get whitespace; <text> keeps its text
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def text_of(element: ET.Element, path: str) -> str:
    """The text of ``path/text`` under ``element`` ("" when absent)."""
    found = element.find(f"{path}/text")
    return "" if found is None else found.text or ""


def read_moodle_xml(text: str) -> list[Question]:
    """The multiple-choice questions of a file made by ``moodle_xml``, in its order."""
    if MARKUP_DECLARATION.search(text):
        raise ValueError("a DOCTYPE or entity declaration is not accepted")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed XML ({error})") from error
    if root.tag != "quiz":
        raise ValueError("not a Moodle XML file: the root element is not <quiz>")
    questions = []
    for item in root.iterfind("question[@type='multichoice']"):
        choices = tuple(
            Choice(text=text_of(answer, "."), correct=float(answer.get("fraction", "0")) > 0,
                   feedback=text_of(answer, "feedback"), line=0)
            for answer in item.iterfind("answer")
        )
        single = (item.findtext("single") or "").strip() == "true"
        questions.append(Question(id=text_of(item, "name"), text=text_of(item, "questiontext"),
                                  kind="single" if single else "multiple", section="", choices=choices, line=0))
    return questions


def read_category(text: str) -> str:
    """The category name a file made by ``moodle_xml`` puts its questions in (undoes ``category_path``)."""
    if MARKUP_DECLARATION.search(text):
        raise ValueError("a DOCTYPE or entity declaration is not accepted")
    entry = ET.fromstring(text).find("question[@type='category']")
    path = "" if entry is None else text_of(entry, "category")
    parts = CATEGORY_SEPARATOR.split(path.removeprefix("$course$/"))
    if len(parts) != 1:
        raise ValueError(f"expected one category under $course$, found {len(parts)}")
    return parts[0].strip().replace("//", "/")
