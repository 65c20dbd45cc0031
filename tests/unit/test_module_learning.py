"""practice_site.learning.module_learning: each module's quiz file read from the quizzes folder and checked with
the others (file and line in every error), and the "Check your understanding" and "Reflect" sections it makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.quiz_format import GOOD

from practice_site.errors import SourceError
from practice_site.learning.module_learning import learning_markdown, load_quizzes
from practice_site.learning.progress_file import progress_file_html, save_reminder_markdown
from practice_site.learning.quiz_format import QuizFile, parse_quiz_file
from practice_site.sources.model import Principle, Section

OTHER = GOOD.replace("q-one", "q-two").replace("r-one", "r-two")
CHECK = (
    '## Check your understanding {#check-your-understanding data-module="principle-4" data-search-exclude}\n\n'
    "Answer these questions to check your understanding. Choose your answer, then select “Check answer”. The "
    "feedback explains each option and links to the section to reread.\n{: .quiz-intro }\n\n"
    '<div data-module-questions="principle-4" markdown="1"></div>\n\n'
    '<div class="quiz-result" data-total="1" data-pass-mark="{mark}">\n'
    '<p class="quiz-result-text no-js">Without JavaScript, use “Show the answer” under each question.</p>\n'
    '<p class="quiz-result-text js-only">Your score: 0 of 1 answered.</p>\n'
    '<p class="quiz-result-note js-only">The module is marked complete when you have answered every question. '
    "This is a record of your own learning, not a measure of your competence.</p>\n</div>")
ON_THE_SITE = ("These questions are for you. Write as much or as little as you like: your notes stay in this browser, "
               "and you can add them to your CPD record on the [My learning](../my-learning.md) page.")
IN_A_PACKAGE = ("These questions are for you. Write as much or as little as you like: your notes stay in this "
                "browser and are not sent to your learning system.")
REFLECT_BLOCK = '<div data-module-reflections="principle-4" markdown="1"></div>'
QUIZ = parse_quiz_file(GOOD, "docs/quizzes/principle-4.md")


def principle(number: int, *anchors: str) -> Principle:
    sections = tuple(Section(anchor.title(), anchor, 3) for anchor in anchors or ("summary",))
    return Principle(number, f"Title {number}", f"Short {number}", f"sources/principle-0{number}.txt", 1, sections)


def quizzes_folder(root: Path, **files: str) -> Path:
    """``root/docs/quizzes`` holding the files named (``principle_4="..."`` is principle-4.md)."""
    folder = root / "docs" / "quizzes"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name.replace('_', '-')}.md").write_text(text, encoding="utf-8")
    return folder


def test_each_principles_quiz_file_is_read_by_its_number(tmp_path: Path) -> None:
    folder = quizzes_folder(tmp_path, principle_4=GOOD, principle_7=OTHER)
    quizzes = load_quizzes(folder, tmp_path, [principle(4), principle(7), principle(9)])
    assert sorted(quizzes) == [4, 7], "a principle with no quiz file has no quiz"
    assert quizzes[4] == parse_quiz_file(GOOD, "docs/quizzes/principle-4.md")
    assert [q.id for q in quizzes[7].questions] == ["q-two"]


def test_no_quizzes_folder_and_files_of_other_kinds_are_no_quizzes(tmp_path: Path) -> None:
    assert load_quizzes(tmp_path / "docs" / "quizzes", tmp_path, [principle(4)]) == {}
    folder = quizzes_folder(tmp_path)
    (folder / "notes.txt").write_text("not a quiz", encoding="utf-8")
    assert load_quizzes(folder, tmp_path, [principle(4)]) == {}


@pytest.mark.parametrize("files, principles, message", [
    ({"principle_9": GOOD}, (4,),
     "docs/quizzes/principle-9.md:1: no principle has this number; name the file principle-N.md after the "
     "principle it checks"),
    ({"principle_04": GOOD}, (4,),
     "docs/quizzes/principle-04.md:1: no principle has this number; name the file principle-N.md after the "
     "principle it checks"),
    ({"principle_4": GOOD, "principle_7": GOOD}, (4, 7),
     'docs/quizzes/principle-7.md:3: the id "q-one" is already used at docs/quizzes/principle-4.md:3; give each '
     "question its own id"),
    ({"principle_4": "Stray words\n" + GOOD}, (4,),
     "docs/quizzes/principle-4.md:1: text outside a quiz or reflection block would not be shown; put it in a block "
     "(notes for editors go in a comment <!-- --> at the top of the file)"),
])
def test_a_bad_quiz_file_is_refused_with_its_file_and_line(tmp_path: Path, files: dict[str, str],
                                                           principles: tuple[int, ...], message: str) -> None:
    folder = quizzes_folder(tmp_path, **files)
    with pytest.raises(SourceError) as error:
        load_quizzes(folder, tmp_path, [principle(n) for n in principles])
    assert str(error.value) == message


def test_a_question_must_name_a_section_of_its_own_module(tmp_path: Path) -> None:
    folder = quizzes_folder(tmp_path, principle_4=GOOD)
    with pytest.raises(SourceError) as error:
        load_quizzes(folder, tmp_path, [principle(4, "why", "what")])
    assert str(error.value) == ('docs/quizzes/principle-4.md:3: the module has no section "#summary"; use one of: '
                                "what, why")


@pytest.mark.parametrize("data, message", [
    (b"\xff", "docs/quizzes/principle-4.md:1: the file is not UTF-8 (byte 0xff at column 1); save it as UTF-8 text "
              "and build again"),
    (GOOD.encode().replace(b"A question?", b"A\x00 question?"),
     "docs/quizzes/principle-4.md:3: a NUL character (U+0000) at column 13; delete it; it is left over from copying "
     "the text"),
])
def test_a_quiz_file_is_read_as_every_input_file_is(tmp_path: Path, data: bytes, message: str) -> None:
    folder = quizzes_folder(tmp_path)
    (folder / "principle-4.md").write_bytes(data)
    with pytest.raises(SourceError) as error:
        load_quizzes(folder, tmp_path, [principle(4)])
    assert str(error.value) == message


def test_a_byte_order_mark_and_windows_line_endings_are_read(tmp_path: Path) -> None:
    folder = quizzes_folder(tmp_path)
    (folder / "principle-4.md").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert load_quizzes(folder, tmp_path, [principle(4)])[4] == parse_quiz_file(GOOD, "docs/quizzes/principle-4.md")


def test_the_check_and_the_reflection_on_the_site() -> None:
    """After the result, the reminder to keep progress (linking to My learning), then the reflections."""
    assert learning_markdown(QUIZ, "principle-4", "../my-learning.md") == (
        CHECK.replace("{mark}", "80") + "\n\n" + save_reminder_markdown("../my-learning.md") +
        "\n\n## Reflect {#reflect}\n\n" + ON_THE_SITE + "\n\n" + REFLECT_BLOCK)


def test_in_a_learning_system_package_the_reflection_does_not_mention_my_learning() -> None:
    """In a package the notes are saved and loaded on the module page itself, which has no My learning."""
    assert learning_markdown(QUIZ, "principle-4", None, "A <b>site</b>") == (
        CHECK.replace("{mark}", "80") + "\n\n" + save_reminder_markdown(None) + "\n\n## Reflect {#reflect}\n\n" +
        IN_A_PACKAGE + "\n\n" + REFLECT_BLOCK + "\n\n" + progress_file_html("A <b>site</b>"))
    assert 'data-site="A &lt;b&gt;site&lt;/b&gt;"' in progress_file_html("A <b>site</b>")


def test_the_pass_mark_is_the_quiz_files() -> None:
    quiz = QuizFile(QUIZ.path, QUIZ.questions, (), pass_mark=75)
    assert learning_markdown(quiz, "principle-4", "my.md") == (CHECK.replace("{mark}", "75") + "\n\n" +
                                                                save_reminder_markdown("my.md"))


def test_in_a_package_with_no_notes_there_is_no_reminder() -> None:
    """The learning system keeps the answers and completion, so there is nothing for the learner to save."""
    quiz = QuizFile(QUIZ.path, QUIZ.questions, ())
    assert learning_markdown(quiz, "principle-4", None) == CHECK.replace("{mark}", "80")


def test_the_reminder_says_why_and_can_be_dismissed() -> None:
    reminder = save_reminder_markdown("../my-learning.md")
    assert "browsers can clear it" in reminder and "[My learning](../my-learning.md#keep-your-progress)" in reminder
    assert 'data-save-reminder="" hidden' in reminder and "Dismiss this reminder</button>" in reminder
    assert "browsers can clear them" in save_reminder_markdown(None) and "](" not in save_reminder_markdown(None)


def test_reflections_alone_carry_the_modules_id() -> None:
    """The module's id goes on its first learning heading, which then is Reflect."""
    quiz = QuizFile(QUIZ.path, (), QUIZ.reflections)
    assert learning_markdown(quiz, "principle-4", "../my-learning.md") == (
        '## Reflect {#reflect data-module="principle-4"}\n\n' + ON_THE_SITE + "\n\n" + REFLECT_BLOCK)


def test_an_empty_quiz_file_adds_nothing() -> None:
    assert learning_markdown(QuizFile(QUIZ.path), "principle-4", "my.md") == ""
