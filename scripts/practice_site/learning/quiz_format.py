"""The quiz file format: ``/// quiz`` and ``/// reflection`` blocks, read and checked with line numbers.

A question::

    /// quiz | What does the principle say trusted relationships can do?
        id: p4-trusted-relationships
        type: multiple
        section: why-is-responding-to-child-exploitation-...

    - [x] Counter coercion and manipulation
        The principle lists this first.
    - [ ] Guarantee that a young person discloses harm
        It says trusted relationships can help overcome barriers to disclosure, not that they guarantee it.

Feedback gives the reason only: the page itself says whether an answer is right, once.
    ///

A reflective question::

    /// reflection | What strengths could you build on?
        id: p4-strengths
    ///

Optional settings come first, between two ``---`` lines. The only one is the pass mark that a
learning management system records a pass at (``make lms``; the site itself has no pass or fail)::

    ---
    pass_mark: 80%
    ---
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from string import ascii_lowercase

from practice_site.errors import SourceError

HEADER = re.compile(r"^///\s*+(?P<name>quiz|reflection)\s*+(?:\|\s*+(?P<argument>(?:.*\S)?))?\s*+$")
OPTION_LINE = re.compile(r"^ {4}(?P<key>[a-z]++):\s*+(?P<value>(?:.*\S)?)\s*+$")
CHOICE = re.compile(r"^[-*]\s++\[(?P<mark>[ xX])\]\s*+(?P<text>(?:.*\S)?)\s*+$")
ID = re.compile(r"^[a-z][a-z0-9-]*$")  # an HTML id the block can name: a letter first
TYPES = ("single", "multiple")
DEFAULT_PASS_MARK = 80
SETTING = re.compile(r"^(?P<key>[A-Za-z_ ]*[A-Za-z_])\s*+:\s*+(?P<value>(?:.*\S)?)\s*+$")
PASS_MARK = re.compile(r"^(?P<percent>\d{1,3})\s*%?$")
# Feedback that opens with a verdict repeats what the page already says ("Not quite. Not quite. ...").
VERDICT = re.compile(
    r"^(?:not quite\b|(?:right|correct|incorrect|wrong|yes|no|true|false)\s*[.,:;!–-])\W*", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """One option of a question: its text, whether it is correct, and the feedback for it."""

    text: str
    correct: bool
    feedback: str
    line: int


@dataclass(frozen=True)
class Question:
    """A knowledge-check question read from a quiz file."""

    id: str
    text: str
    kind: str
    section: str
    choices: tuple[Choice, ...]
    line: int


def choice_values(question: Question) -> str:
    """Each choice's value in a page's form, in the file's order: "a", "b", "c"..."""
    return ascii_lowercase[: len(question.choices)]


def correct_values(question: Question) -> list[str]:
    """The values of the right choices."""
    return [v for v, c in zip(choice_values(question), question.choices, strict=True) if c.correct]


@dataclass(frozen=True)
class Reflection:
    """A reflective question with a private notes box."""

    id: str
    text: str
    line: int


@dataclass(frozen=True)
class QuizFile:
    """Everything one module's quiz file holds, in order."""

    path: str
    questions: tuple[Question, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    pass_mark: int = DEFAULT_PASS_MARK  # per cent of the questions answered correctly


def parse_choices(lines: list[str], first_line: int, path: str) -> tuple[Choice, ...]:
    """Read ``- [x] text`` lines, each followed by indented feedback lines."""
    choices: list[Choice] = []
    for offset, line in enumerate(lines):
        number = first_line + offset
        if not line.strip():
            continue
        match = CHOICE.match(line)
        if match:
            if not match.group("text"):
                raise SourceError(path, number, "this option has no text; write the option after [ ] or [x]")
            choices.append(Choice(match.group("text"), match.group("mark") != " ", "", number))
        elif line.startswith((" ", "\t")) and choices:
            choices[-1] = replace(choices[-1], feedback=f"{choices[-1].feedback} {line.strip()}".strip())
        else:
            raise SourceError(path, number, 'expected an option ("- [ ] text" or "- [x] text") or its '
                              "feedback indented under it")
    return tuple(choices)


def check_question(question: Question, path: str) -> None:
    """Refuse a question a learner could not answer or would get no help from."""
    if not question.choices:
        raise SourceError(path, question.line, 'the question has no options; add "- [ ]" and "- [x]" lines')
    correct = [c for c in question.choices if c.correct]
    if not correct:
        raise SourceError(path, question.line, "no option is marked correct; mark the right one with [x]")
    if question.kind == "single" and len(correct) > 1:
        raise SourceError(path, question.line, 'a "single" question has more than one [x]; use "type: multiple" '
                          "or mark one option")
    for choice in question.choices:
        if not choice.feedback:
            raise SourceError(path, choice.line, "this option has no feedback; add an indented line under it "
                              "saying why it is right or wrong")
        if verdict := VERDICT.match(choice.feedback):
            said = verdict.group(0).strip()
            raise SourceError(path, choice.line + 1, f'the feedback starts with a verdict ("{said}"); the page '
                              "already says whether the answer is right, so start with the reason")


def block_options(lines: list[str], start: int, path: str) -> tuple[dict[str, str], int]:
    """The ``    key: value`` lines right after a header; returns them and the first content index."""
    options: dict[str, str] = {}
    index = start
    while index < len(lines) and (match := OPTION_LINE.match(lines[index])):
        options[match.group("key")] = match.group("value")
        index += 1
    return options, index


def parse_settings(lines: list[str], path: str) -> tuple[int, int]:
    """The ``---`` settings at the top of a quiz file: (pass mark, index of the first line after them)."""
    if not lines or lines[0].strip() != "---":
        return DEFAULT_PASS_MARK, 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise SourceError(path, 1, 'the settings are never closed; add a line "---" after them')
    pass_mark = DEFAULT_PASS_MARK
    for index in range(1, end):
        line = lines[index]
        if not line.strip():
            continue
        setting = SETTING.match(line)
        if not setting or setting.group("key").strip().lower().replace(" ", "_") != "pass_mark":
            raise SourceError(path, index + 1, 'unknown setting; the only one is "pass_mark: 80%"')
        mark = PASS_MARK.match(setting.group("value"))
        if not mark or not 1 <= int(mark.group("percent")) <= 100:
            raise SourceError(path, index + 1, f'"{setting.group("value")}" is not a pass mark; write a '
                              "percentage from 1% to 100%, for example \"pass_mark: 80%\"")
        pass_mark = int(mark.group("percent"))
    return pass_mark, end + 1


def between_blocks(stripped: str, line: int, path: str, in_comment: bool, after_a_block: bool) -> bool:
    """Check one line outside the blocks: only blank lines and, before the first block, a comment of notes
    for editors. Returns whether the next line is inside that comment."""
    if stripped.startswith("<!--") and after_a_block:
        raise SourceError(path, line, "a comment between blocks hides what it holds; delete it (notes for editors "
                          "go in the comment at the top of the file)")
    in_comment = in_comment or stripped.startswith("<!--")
    if stripped == "---" and not in_comment:
        raise SourceError(path, line, "settings (such as pass_mark) go at the very top of the file, between two "
                          '"---" lines, before any comment')
    if stripped and not in_comment:
        raise SourceError(path, line, "text outside a quiz or reflection block would not be shown; put it in a "
                          "block (notes for editors go in a comment <!-- --> at the top of the file)")
    return in_comment and "-->" not in stripped


def parse_quiz_file(text: str, path: str) -> QuizFile:
    """Read every block of a quiz file; any mistake is a SourceError naming its line."""
    lines = text.split("\n")  # line ends as editors count them (not U+2028)
    questions: list[Question] = []
    reflections: list[Reflection] = []
    pass_mark, index = parse_settings(lines, path)
    in_comment = False
    while index < len(lines):
        header = HEADER.match(lines[index])
        if header and in_comment:
            raise SourceError(path, index + 1, "this block is inside a comment, so it would not be shown; take it "
                              "out of the comment, or delete it")
        if not header:
            seen = bool(questions or reflections)
            in_comment = between_blocks(lines[index].strip(), index + 1, path, in_comment, seen)
            index += 1
            continue
        line_number = index + 1
        end = next((i for i in range(index + 1, len(lines))
                    if lines[i].strip() == "///" or HEADER.match(lines[i])), None)
        if end is None or lines[end].strip() != "///":
            raise SourceError(path, line_number, 'this block is never closed; add a line "///" after it')
        argument = (header.group("argument") or "").strip()
        if not argument:
            raise SourceError(path, line_number, f'the {header.group("name")} has no question; write it after "|"')
        options, content_start = block_options(lines, index + 1, path)
        block_id = options.get("id", "")
        if not ID.match(block_id):
            raise SourceError(path, line_number, "give the block an id (a lower-case letter, then letters, digits "
                              'and hyphens), for example "    id: p4-trusted-relationships"')
        if header.group("name") == "reflection":
            reflections.append(Reflection(block_id, argument, line_number))
        else:
            kind = options.get("type", "single")
            if kind not in TYPES:
                raise SourceError(path, line_number, f'unknown type "{kind}"; use single or multiple')
            if not options.get("section"):
                raise SourceError(path, line_number, 'add the section that answers it, "    section: anchor"')
            choices = parse_choices(lines[content_start:end], content_start + 1, path)
            question = Question(block_id, argument, kind, options["section"], choices, line_number)
            check_question(question, path)
            questions.append(question)
        index = end + 1
    return QuizFile(path, tuple(questions), tuple(reflections), pass_mark)


def check_ids_and_sections(quizzes: list[QuizFile], anchors: dict[str, set[str]]) -> None:
    """Ids are unique across all quiz files; every ``section`` is an anchor of that module.

    ``anchors`` maps a quiz file's path to the anchors of its module.
    """
    seen: dict[str, str] = {}
    for quiz in quizzes:
        for item in [*quiz.questions, *quiz.reflections]:
            if item.id in seen:
                raise SourceError(quiz.path, item.line, f'the id "{item.id}" is already used at {seen[item.id]}; '
                                  "give each question its own id")
            seen[item.id] = f"{quiz.path}:{item.line}"
        for question in quiz.questions:
            if question.section not in anchors[quiz.path]:
                raise SourceError(quiz.path, question.line, f'the module has no section "#{question.section}"; '
                                  "use one of: " + ", ".join(sorted(anchors[quiz.path])))
