"""The learning parts of a module page (knowledge check, reflection) and the My learning page."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .errors import SourceError
from .model import Principle
from .quiz_format import QuizFile, check_ids_and_sections, parse_quiz_file

CHECK_INTRO = (
    "Answer these questions to check your understanding. Choose your answer, then select "
    "“Check answer”. The feedback explains each option and links to the section to reread."
)
REFLECT_INTRO = (
    "These questions are for you. Write as much or as little as you like: your notes stay in this "
    "browser, and you can add them to your CPD record on the [My learning]({my_learning}) page."
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


def learning_markdown(quiz: QuizFile, module_id: str, my_learning: str) -> str:
    """The "Check your understanding" and "Reflect" sections of a module page."""
    out = []
    if quiz.questions:
        out.append(f'## Check your understanding {{#check-your-understanding data-module="{module_id}" '
                   "data-search-exclude}")
        out.append(CHECK_INTRO + "\n{: .quiz-intro }")
        out.extend(q.source for q in quiz.questions)
        out.append(
            f'<div class="quiz-result" data-total="{len(quiz.questions)}">\n'
            '<p class="quiz-result-text">Your result appears here when JavaScript is on. Without it, use '
            "“Show the answer” under each question.</p>\n"
            '<p class="quiz-result-note"></p>\n</div>'
        )
    if quiz.reflections:
        attrs = "" if quiz.questions else f' data-module="{module_id}"'
        out.append(f"## Reflect {{#reflect{attrs}}}")
        out.append(REFLECT_INTRO.format(my_learning=my_learning))
        out.extend(r.source for r in quiz.reflections)
    return "\n\n".join(out)


def my_learning_markdown(principles: list[Principle], quizzes: dict[int, QuizFile], module_uri) -> str:
    """The My learning page: progress per module, the CPD record download and "clear my data"."""
    modules = [
        {
            "id": p.module_id,
            "title": f"Practice Principle {p.number}: {p.short_title}",
            "href": module_uri(p).removesuffix(".md") + ".html",
            "questions": len(quizzes[p.number].questions) if p.number in quizzes else 0,
            "reflections": [{"id": r.id, "text": r.text} for r in quizzes[p.number].reflections]
            if p.number in quizzes else [],
        }
        for p in principles
    ]
    data = html.escape(json.dumps(modules, ensure_ascii=False), quote=True)
    return f"""# My learning

Your answers, notes and progress are kept in this browser on this computer only. Nothing is sent
anywhere. Someone else using this computer and browser could see them, so clear your data when you
finish on a shared computer.

<div id="learning-record">
<p>This page needs JavaScript to show your progress. Your answers and notes are still kept by each
module's page when JavaScript is on.</p>
</div>

<div id="my-learning-controls" class="my-learning-actions" hidden>
<h2 id="your-cpd-record">Your CPD record</h2>
<p>Download a record of your learning for your continuing professional development (CPD): for each
module, the date, the activity, what you learnt (your reflection notes) and the impact on your
practice. It is a Markdown text file you can open in any text editor.</p>
<button type="button" id="download-cpd" class="md-button md-button--primary">Download my CPD record</button>
<button type="button" id="clear-data" class="md-button">Clear my data</button>
</div>

<p id="my-learning-status" role="status" aria-live="polite"></p>

<div id="my-learning-data" data-modules="{data}" hidden></div>
"""
