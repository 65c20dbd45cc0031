"""The trainers' room kit: for each module an answer key, a presenter view of its knowledge check and a
one-page handout, as pages of their own (outside the learners' navigation and search).

Each is made from the model (the principle, its parsed quiz file, its module entry) by a template in
``templates/`` with autoescaping, so every author string is text; the pages hold no inline script and
are finished with their Content Security Policy like every other page. The presenter view works with
``javascripts/presenter.js`` and never touches a learner's progress.
"""

from __future__ import annotations

import io
import posixpath
import re
from dataclasses import dataclass
from string import ascii_uppercase

import segno
from jinja2 import Environment, PackageLoader, select_autoescape
from markdown import Markdown
from markupsafe import Markup

from practice_site.learning.learner_notes import SAFETY_LINE
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import QuizFile
from practice_site.names import (
    KIT_FOLDER,
    SUMMARY_ANCHOR,
    kit_page,
    kit_qr_image,
    presenter_question_anchor,
    relative_address,
)
from practice_site.pages.page_finish import finish_page
from practice_site.pages.sanitise import clean_content
from practice_site.pages.site_address import short_link
from practice_site.safe_text import escape_stray_markup, neutralise_markup
from practice_site.sources.model import Principle, block_paragraphs

TEMPLATES = Environment(loader=PackageLoader("practice_site.pages"), autoescape=select_autoescape(["html"]),
                        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
FOOTNOTE_REFERENCE = re.compile(r"\[\^\w+\]")  # a note's marker in source text: the handout has no notes


@dataclass(frozen=True)
class KitOption:
    letter: str  # "A", "B"... in the order learners see the options
    text: str
    right: bool
    reason: str


@dataclass(frozen=True)
class KitQuestion:
    position: int  # from 1
    anchor: str  # the presenter view's anchor for it: "question-3"
    text: str
    multiple: bool
    options: tuple[KitOption, ...]
    section: str  # the anchor of the section to reread
    section_title: str

    @property
    def right_letters(self) -> str:
        return ", ".join(o.letter for o in self.options if o.right)

    @property
    def several_right(self) -> bool:
        return sum(o.right for o in self.options) > 1


@dataclass(frozen=True)
class KitLinks:
    """Addresses from a room-kit page: the module, the For trainers page, the stylesheet and script."""

    module: str
    trainers: str
    root: str = "../"


def kit_questions(quiz: QuizFile, module: ModuleEntry) -> tuple[KitQuestion, ...]:
    """The module's questions, each with its options in the order learners see them (``display_order``)."""
    titles = {s.anchor: s.title for s in module.sections}
    found = []
    for position, question in enumerate(quiz.questions, start=1):
        order = display_order(question.id, len(question.choices))
        options = tuple(KitOption(ascii_uppercase[shown], question.choices[i].text, question.choices[i].correct,
                                  question.choices[i].feedback) for shown, i in enumerate(order))
        found.append(KitQuestion(position, presenter_question_anchor(position), question.text,
                                 question.kind == "multiple", options, question.section,
                                 titles.get(question.section, question.section)))
    return tuple(found)


def links(module: ModuleEntry, trainers_page: str) -> KitLinks:
    return KitLinks(relative_address(module.uri, KIT_FOLDER), relative_address(trainers_page, KIT_FOLDER))


def summary_html(principle: Principle) -> Markup:
    """The principle's summary as HTML: its paragraphs as the source has them, citations as text, no notes."""
    section = next((s for s in principle.sections if s.anchor == SUMMARY_ANCHOR), principle.sections[0])
    converter = Markdown()
    parts = []
    for block in section.blocks:
        for paragraph in block_paragraphs(block):
            text = escape_stray_markup(neutralise_markup(FOOTNOTE_REFERENCE.sub("", paragraph.text)))
            parts.append(converter.reset().convert(text))
    return Markup(clean_content("\n".join(parts)))


QR_SCALE, QR_BORDER = 4, 4  # pixels a module, modules of quiet zone


def qr_symbol(address: str) -> segno.QRCode:
    return segno.make(address, error="m")


def qr_code(address: str) -> bytes:
    """A QR code for ``address``, as a PNG image (made here, no network)."""
    out = io.BytesIO()
    qr_symbol(address).save(out, kind="png", scale=QR_SCALE, border=QR_BORDER, dark="#000", light="#fff")
    return out.getvalue()


@dataclass(frozen=True)
class KitSite:
    """What every room-kit page needs of the site: its name, the For trainers page (docs-relative) and its
    published address (None: short links relative, and no QR code)."""

    name: str
    trainers_page: str
    site_url: str | None = None
    credit: str = ""  # the site's copyright line (the principles' source), printed on every page


def finished(template: str, where: str, site: KitSite, module: ModuleEntry, **values: object) -> str:
    html = TEMPLATES.get_template(template).render(site_name=site.name, credit=site.credit, module=module,
                                                   links=links(module, site.trainers_page), **values)
    return finish_page(html, frozenset(), where)


def answer_key_page(site: KitSite, module: ModuleEntry, quiz: QuizFile) -> str:
    return finished("kit-answer-key.html", f"the answer key of {module.id}", site, module,
                    questions=kit_questions(quiz, module), reflections=quiz.reflections)


def presenter_page(site: KitSite, module: ModuleEntry, quiz: QuizFile) -> str:
    return finished("kit-presenter.html", f"the presenter view of {module.id}", site, module,
                    questions=kit_questions(quiz, module),
                    answer_key=posixpath.relpath(kit_page(module.number, "answer_key"), KIT_FOLDER))


def handout_page(site: KitSite, module: ModuleEntry, principle: Principle, quiz: QuizFile | None) -> str:
    """The handout, with the module's short link as text and, when the site's address is set, as a QR code."""
    short_address = short_link(site.site_url, module.number)
    short_href = short_address if site.site_url else posixpath.relpath(short_address, KIT_FOLDER)
    return finished("kit-handout.html", f"the handout of {module.id}", site, module, principle=principle,
                    summary=summary_html(principle), reflections=quiz.reflections if quiz else (),
                    safety=SAFETY_LINE, short_address=short_address, short_href=short_href,
                    qr=posixpath.relpath(kit_qr_image(module.number), KIT_FOLDER) if site.site_url else None,
                    qr_size=qr_symbol(short_address).symbol_size(scale=QR_SCALE, border=QR_BORDER)[0]
                    if site.site_url else None)  # no address, no QR code: nothing to measure


def kit_pages(site: KitSite, module: ModuleEntry, principle: Principle,
              quiz: QuizFile | None) -> dict[str, str | bytes]:
    """Each room-kit file of one module: its address from the site's root -> its finished HTML (or the QR code's
    PNG image, with the site's address)."""
    pages: dict[str, str | bytes] = {kit_page(module.number, "handout"): handout_page(site, module, principle, quiz)}
    if site.site_url:
        pages[kit_qr_image(module.number)] = qr_code(short_link(site.site_url, module.number))
    if quiz and quiz.questions:
        pages[kit_page(module.number, "answer_key")] = answer_key_page(site, module, quiz)
        pages[kit_page(module.number, "presenter")] = presenter_page(site, module, quiz)
    return pages
