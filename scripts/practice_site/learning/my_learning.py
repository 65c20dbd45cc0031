"""The My learning page: each module's progress block and the data learning.js fills it from."""

from __future__ import annotations

import json
from collections.abc import Mapping

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from practice_site.learning.learner_notes import NOTE_LENGTH, PEER_REFLECTION_NOTE, SAFETY_LINE, SHORT_LENGTH
from practice_site.learning.learner_path import page_link, status_element, updated_element
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.progress_file import progress_file_html
from practice_site.learning.quiz_format import QuizFile, choice_values, correct_values
from practice_site.safe_text import markdown_text

TEMPLATES = Environment(loader=PackageLoader("practice_site.learning"), autoescape=select_autoescape(["md"]),
                        keep_trailing_newline=True, comment_start_string="{##", comment_end_string="##}")


def my_learning_markdown(modules: list[ModuleEntry], quizzes: Mapping[int, QuizFile], from_uri: str,
                         site_name: str = "") -> str:
    """The page's Markdown (templates/my-learning.md) for ``modules``, linked relative to ``from_uri``.

    Its data gives ``learning.js`` each module's questions (their option values and right answers, to
    check a loaded file's answers) and reflections.
    """
    sections = "\n".join(module_progress(m, quizzes.get(m.number), from_uri) for m in modules)
    data = [
        {"id": m.id, "number": m.number, "title": m.label, "questions": m.questions,
         "checks": [{"id": q.id, "values": list(choice_values(q)), "correct": correct_values(q)}
                    for q in quizzes[m.number].questions] if m.number in quizzes else [],
         "reflections": [{"id": r.id, "text": r.text} for r in quizzes[m.number].reflections]
         if m.number in quizzes else []}
        for m in modules
    ]
    return TEMPLATES.get_template("my-learning.md").render(
        sections=Markup(sections), modules_json=json.dumps(data, ensure_ascii=False),
        progress_file=Markup(progress_file_html(site_name)), peer_note=PEER_REFLECTION_NOTE,
        short_length=SHORT_LENGTH)


def module_progress(module: ModuleEntry, quiz: QuizFile | None, from_uri: str) -> str:
    """One module's block on My learning, as a first visit sees it; ``learning.js`` fills it in."""
    impact, link = f"impact-{module.id}", page_link(module.uri, from_uri)
    score = "Knowledge check: not answered yet." if module.questions else "This module has no knowledge check yet."
    notes = f"<li data-field=\"reflections\">Reflections: 0 of {module.reflections} written.</li>\n" \
        if module.reflections else ""
    return (
        f'<section class="my-learning-module" id="module-{module.id}" aria-labelledby="{module.id}" '
        f'data-module-id="{module.id}" markdown="1">\n'
        f'<h3 id="{module.id}" data-no-section-link="" markdown="span">[{markdown_text(module.label)}]({link})</h3>\n'
        f"{status_element(module.id)}\n"
        f"{updated_element(module.id)}\n"
        f'<ul class="my-learning-facts">\n<li data-field="score">{score}</li>\n{notes}'
        '<li data-field="time">Time spent: none yet.</li>\n</ul>\n'
        f'<p class="js-only"><label for="{impact}" class="reflection-question">How will it change your '
        "practice?</label></p>\n"
        f'<p class="reflection-hint js-only" id="{impact}-hint">What will you do differently after this module? '
        "This goes into your CPD record.</p>\n"
        f'<p class="safety-line js-only" id="{impact}-safety">{SAFETY_LINE}</p>\n'
        f'<div class="js-only" markdown="0"><textarea id="{impact}" rows="4" class="reflection-notes" '
        f'maxlength="{NOTE_LENGTH}" '
        f'aria-describedby="{impact}-hint {impact}-safety"></textarea></div>\n'
        f"{peer_reflection(module.id)}\n</section>"
    )


def peer_reflection(module_id: str) -> str:
    """The optional peer reflection: who it was discussed with (a role) and what came of it."""
    who, what, safety = f"peer-role-{module_id}", f"peer-{module_id}", f"peer-{module_id}-safety"
    return (
        f'<div class="js-only" markdown="0"><fieldset class="peer-reflection">\n'
        "<legend>Peer reflection (optional)</legend>\n"
        f'<p class="safety-line" id="{safety}">{SAFETY_LINE}</p>\n'
        f'<p><label for="{who}">Who you discussed it with: their role, never their name</label>\n'
        f'<input type="text" id="{who}" autocomplete="off" maxlength="{SHORT_LENGTH}" '
        f'aria-describedby="{safety}"></p>\n'
        f'<p><label for="{what}">What came of the discussion</label></p>\n'
        f'<textarea id="{what}" rows="3" class="reflection-notes" maxlength="{NOTE_LENGTH}" '
        f'aria-describedby="{safety}"></textarea>\n'
        "</fieldset></div>"
    )
