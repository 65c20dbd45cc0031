"""The My learning page: each module's progress block and the data learning.js fills it from."""

from __future__ import annotations

import json
from collections.abc import Mapping

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from practice_site.learning.learner_path import page_link, status_element
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.quiz_format import QuizFile
from practice_site.safe_text import markdown_text

TEMPLATES = Environment(loader=PackageLoader("practice_site.learning"), autoescape=select_autoescape(["md"]),
                        keep_trailing_newline=True, comment_start_string="{##", comment_end_string="##}")


def my_learning_markdown(modules: list[ModuleEntry], quizzes: Mapping[int, QuizFile], from_uri: str) -> str:
    """The page's Markdown (templates/my-learning.md) for ``modules``, linked relative to ``from_uri``."""
    sections = "\n".join(module_progress(m, quizzes.get(m.number), from_uri) for m in modules)
    data = [
        {"id": m.id, "number": m.number, "title": m.label, "questions": m.questions,
         "reflections": [{"id": r.id, "text": r.text} for r in quizzes[m.number].reflections]
         if m.number in quizzes else []}
        for m in modules
    ]
    return TEMPLATES.get_template("my-learning.md").render(
        sections=Markup(sections), modules_json=json.dumps(data, ensure_ascii=False))


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
        f'<ul class="my-learning-facts">\n<li data-field="score">{score}</li>\n{notes}'
        '<li data-field="time">Time spent: none yet.</li>\n</ul>\n'
        f'<p class="js-only"><label for="{impact}" class="reflection-question">How will it change your '
        "practice?</label></p>\n"
        f'<p class="reflection-hint js-only" id="{impact}-hint">What will you do differently after this module? '
        "This goes into your CPD record.</p>\n"
        f'<div class="js-only" markdown="0"><textarea id="{impact}" rows="4" class="reflection-notes" '
        f'aria-describedby="{impact}-hint"></textarea></div>\n</section>'
    )
