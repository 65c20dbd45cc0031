"""The learning parts of a module page (knowledge check, reflection) and the My learning page."""

from __future__ import annotations

import html
import json
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.learning.learner_path import page_href, status_element
from practice_site.learning.quiz_format import QuizFile, check_ids_and_sections, parse_quiz_file
from practice_site.learning.trainers import ModuleEntry
from practice_site.sources.model import Principle

CHECK_INTRO = (
    "Answer these questions to check your understanding. Choose your answer, then select "
    "“Check answer”. The feedback explains each option and links to the section to reread."
)
REFLECT_INTRO = (
    "These questions are for you. Write as much or as little as you like: your notes stay in this "
    "browser, and you can add them to your CPD record on the [My learning]({my_learning}) page."
)
# In a learning management system the page stands alone, without My learning.
REFLECT_INTRO_LMS = (
    "These questions are for you. Write as much or as little as you like: your notes stay in this "
    "browser and are not sent to your learning system."
)


def load_quizzes(quiz_dir: Path, root: Path, principles: list[Principle]) -> dict[int, QuizFile]:
    """Parse ``quiz_dir/principle-N.md`` for each principle and check them together."""
    by_name = {f"principle-{p.number}.md": p for p in principles}
    quizzes: dict[int, QuizFile] = {}
    anchors: dict[str, set[str]] = {}
    for path in sorted(quiz_dir.glob("*.md")) if quiz_dir.is_dir() else []:
        display = path.relative_to(root).as_posix()
        principle = by_name.get(path.name)
        if principle is None:
            raise SourceError(display, 1, "no principle has this number; name the file principle-N.md after "
                              "the principle it checks")
        quiz = parse_quiz_file(path.read_text(encoding="utf-8"), display)
        quizzes[principle.number] = quiz
        anchors[display] = {s.anchor for s in principle.sections}
    check_ids_and_sections(list(quizzes.values()), anchors)
    return quizzes


def learning_markdown(quiz: QuizFile, module_id: str, my_learning: str | None) -> str:
    """The "Check your understanding" and "Reflect" sections of a module page.

    ``my_learning`` is the address of the My learning page; None in a package for a learning
    management system, which holds the module page alone.
    """
    out = []
    if quiz.questions:
        out.append(f'## Check your understanding {{#check-your-understanding data-module="{module_id}" '
                   "data-search-exclude}")
        out.append(CHECK_INTRO + "\n{: .quiz-intro }")
        out.extend(q.source for q in quiz.questions)
        out.append(
            f'<div class="quiz-result" data-total="{len(quiz.questions)}" data-pass-mark="{quiz.pass_mark}">\n'
            '<p class="quiz-result-text no-js">Without JavaScript, use “Show the answer” under each question.</p>\n'
            f'<p class="quiz-result-text js-only">Your score: 0 of {len(quiz.questions)} answered.</p>\n'
            '<p class="quiz-result-note js-only">The module is marked complete when you have answered every '
            "question. This is a record of your own learning, not a measure of your competence.</p>\n</div>"
        )
    if quiz.reflections:
        attrs = "" if quiz.questions else f' data-module="{module_id}"'
        out.append(f"## Reflect {{#reflect{attrs}}}")
        out.append(REFLECT_INTRO.format(my_learning=my_learning) if my_learning else REFLECT_INTRO_LMS)
        out.extend(r.source for r in quiz.reflections)
    return "\n\n".join(out)


def my_learning_markdown(modules: list[ModuleEntry], quizzes: dict[int, QuizFile], from_uri: str) -> str:
    """The My learning page, built whole so that nothing moves as the learner's data fills it in."""
    sections = "\n".join(module_progress(m, quizzes.get(m.number), from_uri) for m in modules)
    data = [
        {"id": m.id, "number": m.number, "title": f"Practice Principle {m.number}: {m.short_title}",
         "questions": m.questions,
         "reflections": [{"id": r.id, "text": r.text} for r in quizzes[m.number].reflections]
         if m.number in quizzes else []}
        for m in modules
    ]
    attribute = html.escape(json.dumps(data, ensure_ascii=False), quote=True)
    return f"""# My learning

Your progress, answers and notes are kept in this browser on this device only. Nothing is sent
anywhere. Someone else using this device and browser could see them, so clear your data when you
finish on a shared computer.

<p class="no-js">This page needs JavaScript to show your progress and make your record.</p>

## Your modules {{#your-modules}}

<div id="learning-record">
{sections}
</div>

## Your CPD record {{#your-cpd-record}}

Keep a record of your continuing professional development (CPD): for each module you have
studied, the date you completed it, your score, the time you spent, and your notes under three
headings: what the activity was, what you learned, and how it will change your practice. Your
name and role are optional and stay in this browser.

<div class="cpd-details js-only">
<p><label for="cpd-name">Your name (optional)</label>
<input type="text" id="cpd-name" autocomplete="name"></p>
<p><label for="cpd-role">Your role (optional)</label>
<input type="text" id="cpd-role" autocomplete="organization-title"></p>
</div>

<p class="my-learning-actions js-only">
<button type="button" id="print-cpd" class="md-button md-button--primary">Print or save as PDF</button>
<button type="button" id="download-cpd" class="md-button">Download as text</button>
</p>

## Clear my data {{#clear-my-data}}

On a shared computer, download or print your record first, then clear everything this site has
kept in this browser: progress, answers, notes, name and role.

<p class="js-only"><button type="button" id="clear-data" class="md-button">Clear my data</button></p>

<p id="my-learning-status" role="status" aria-live="polite"></p>

<div id="cpd-record" class="cpd-record" data-search-exclude=""></div>

<div id="my-learning-data" data-modules="{attribute}" hidden></div>
"""


def module_progress(module: ModuleEntry, quiz: QuizFile | None, from_uri: str) -> str:
    """One module's block on My learning, as a first visit sees it; ``learning.js`` fills it in."""
    impact = f"impact-{module.id}"
    score = "Knowledge check: not answered yet." if module.questions else "This module has no knowledge check yet."
    notes = f"<li data-field=\"reflections\">Reflections: 0 of {module.reflections} written.</li>\n" \
        if module.reflections else ""
    return (
        f'<section class="my-learning-module" id="module-{module.id}" aria-labelledby="{module.id}" '
        f'data-module-id="{module.id}">\n'
        f'<h3 id="{module.id}"><a href="{html.escape(page_href(module.uri, from_uri))}">'
        f"Practice Principle {module.number}: {html.escape(module.short_title)}</a></h3>\n"
        f"{status_element(module.id)}\n"
        f'<ul class="my-learning-facts">\n<li data-field="score">{score}</li>\n{notes}'
        '<li data-field="time">Time spent: none yet.</li>\n</ul>\n'
        f'<p class="js-only"><label for="{impact}" class="reflection-question">How will it change your '
        "practice?</label></p>\n"
        f'<p class="reflection-hint js-only" id="{impact}-hint">What will you do differently after this module? '
        "This goes into your CPD record.</p>\n"
        f'<p class="js-only"><textarea id="{impact}" rows="4" class="reflection-notes" '
        f'aria-describedby="{impact}-hint"></textarea></p>\n</section>'
    )
