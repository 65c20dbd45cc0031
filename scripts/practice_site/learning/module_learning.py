"""The learning parts of a module page: the knowledge check and the reflection."""

from __future__ import annotations

from pathlib import Path

from practice_site.errors import SourceError
from practice_site.input_files import read_input
from practice_site.learning.progress_file import progress_file_html, save_reminder_markdown
from practice_site.learning.quiz_extension import QUESTIONS_MARKER, REFLECTIONS_MARKER
from practice_site.learning.quiz_format import QuizFile, check_ids_and_sections, parse_quiz_file
from practice_site.names import module_file
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
    by_name = {module_file(p.number): p for p in principles}
    quizzes: dict[int, QuizFile] = {}
    anchors: dict[str, set[str]] = {}
    for path in sorted(quiz_dir.glob("*.md")) if quiz_dir.is_dir() else []:
        display = path.relative_to(root).as_posix()
        principle = by_name.get(path.name)
        if principle is None:
            raise SourceError(display, 1, "no principle has this number; name the file principle-N.md after "
                              "the principle it checks")
        quiz = parse_quiz_file(read_input(path, display), display)
        quizzes[principle.number] = quiz
        anchors[display] = {s.anchor for s in principle.sections}
    check_ids_and_sections(list(quizzes.values()), anchors)
    return quizzes


def learning_markdown(quiz: QuizFile, module_id: str, my_learning: str | None, site_name: str = "") -> str:
    """The "Check your understanding" and "Reflect" sections of a module page.

    ``my_learning`` is the address of the My learning page; None in a package for a learning
    management system, which holds the module page alone (with the controls that save and load notes,
    which carry ``site_name``).
    """
    out = []
    if quiz.questions:
        out.append(f'## Check your understanding {{#check-your-understanding data-module="{module_id}" '
                   "data-search-exclude}")
        out.append(CHECK_INTRO + "\n{: .quiz-intro }")
        out.append(f'<div {QUESTIONS_MARKER}="{module_id}" markdown="1"></div>')  # the parsed questions go here
        out.append(
            f'<div class="quiz-result" data-total="{len(quiz.questions)}" data-pass-mark="{quiz.pass_mark}">\n'
            '<p class="quiz-result-text no-js">Without JavaScript, use “Show the answer” under each question.</p>\n'
            f'<p class="quiz-result-text js-only">Your score: 0 of {len(quiz.questions)} answered.</p>\n'
            '<p class="quiz-result-note js-only">The module is marked complete when you have answered every '
            "question. This is a record of your own learning, not a measure of your competence.</p>\n</div>"
        )
        if my_learning or quiz.reflections:  # in a package with no notes, the learning system keeps it all
            out.append(save_reminder_markdown(my_learning))
    if quiz.reflections:
        attrs = "" if quiz.questions else f' data-module="{module_id}"'
        out.append(f"## Reflect {{#reflect{attrs}}}")
        out.append(REFLECT_INTRO.format(my_learning=my_learning) if my_learning else REFLECT_INTRO_LMS)
        out.append(f'<div {REFLECTIONS_MARKER}="{module_id}" markdown="1"></div>')  # and the reflections here
        if not my_learning:  # in a package, the notes are saved and loaded here (no My learning page)
            out.append(progress_file_html(site_name))
    return "\n\n".join(out)
