"""practice_site.learning.session_plans: every session plan in the sessions folder read once and checked (its
file's name, plain text, a title, sessions naming real modules and sections), with file and line in every error."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_site.errors import SourceError
from practice_site.learning.module_catalogue import ModuleEntry, SectionEntry
from practice_site.learning.session_format import Session, SessionItem
from practice_site.learning.session_plans import SessionPlan, load_session_plans

MODULES = {"principle-4": ModuleEntry("principle-4", 4, "Title", "Short", "principles/principle-4.md",
                                      (SectionEntry("summary", "Summary", 10), SectionEntry("why", "Why", 20)))}
PLAN = """\
# A 90-minute workshop

For teams new to the principles.

/// session | Morning
- 10 | Welcome
- 15 | principle-4#summary | Read the summary in pairs
- 5 | principle-4#reflect | Reflect alone
- 20 | principle-4 | Discuss
///
"""
SESSION = Session("Morning", 5, (SessionItem(10, "", "", "Welcome", 6),
                                 SessionItem(15, "principle-4", "summary", "Read the summary in pairs", 7),
                                 SessionItem(5, "principle-4", "reflect", "Reflect alone", 8),
                                 SessionItem(20, "principle-4", "", "Discuss", 9)))


def load(root: Path, **plans: str | bytes) -> list[SessionPlan]:
    """Write ``plans`` (file name -> text or bytes) to ``root/docs/sessions`` and load them."""
    folder = root / "docs" / "sessions"
    folder.mkdir(parents=True)
    for name, text in plans.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_session_plans(folder, root / "docs", root, MODULES)


def refused(root: Path, name: str, text: str | bytes) -> str:
    with pytest.raises(SourceError) as error:
        load(root, **{name: text})
    return str(error.value)


def test_a_plan_is_read_with_its_title_address_and_sessions(tmp_path: Path) -> None:
    assert load(tmp_path, **{"workshop-90-minutes.md": PLAN}) == [
        SessionPlan("A 90-minute workshop", "sessions/workshop-90-minutes.md", (SESSION,))]
    assert SESSION.total == 50


def test_plans_are_read_in_file_name_order_and_other_files_are_not_plans(tmp_path: Path) -> None:
    plans = load(tmp_path, **{"b.md": "# B\n", "a-2.md": "# A\n", "notes.txt": "not a plan"})
    assert [(p.title, p.uri, p.sessions) for p in plans] == [("A", "sessions/a-2.md", ()), ("B", "sessions/b.md", ())]


def test_no_sessions_folder_is_no_plans(tmp_path: Path) -> None:
    assert load_session_plans(tmp_path / "docs" / "sessions", tmp_path / "docs", tmp_path, MODULES) == []


@pytest.mark.parametrize("title", ["#  A spaced title  ", "# A spaced title\n\n# Another heading"])
def test_the_title_is_the_first_level_one_heading(tmp_path: Path, title: str) -> None:
    (plan,) = load(tmp_path, **{"w.md": PLAN.replace("# A 90-minute workshop", title)})
    assert plan.title == "A spaced title"


def test_a_comment_is_markup_too(tmp_path: Path) -> None:
    assert refused(tmp_path, "w.md", "<!-- for editors -->\n" + PLAN) == (
        "docs/sessions/w.md:1: a session plan is plain text, but this line has markup (<!-- for editors -->); "
        "remove it, or describe it in words")


@pytest.mark.parametrize("name", ["Workshop.md", "work_shop.md", "-workshop.md", "work shop.md", "workshop.MD.md"])
def test_a_plans_file_name_becomes_its_address_so_must_be_plain(tmp_path: Path, name: str) -> None:
    assert refused(tmp_path, name, PLAN) == (
        f"docs/sessions/{name}:1: name a session plan's file with small letters, digits and hyphens, such as "
        "workshop-90-minutes.md (it becomes the page's address)")


@pytest.mark.parametrize("change, message", [
    (("teams new", "teams <b>new</b>"),
     "docs/sessions/w.md:3: a session plan is plain text, but this line has markup (<b>); remove it, or describe "
     "it in words"),
    (("principles.", "principles. {: .lead }"),
     "docs/sessions/w.md:3: a session plan is plain text, but this line has markup ({: .lead }); remove it, or "
     "describe it in words"),
    (("# A 90-minute workshop\n", ""),
     'docs/sessions/w.md:1: a session plan starts with its title, a line such as "# A 90-minute workshop"; add one'),
    (("principle-4#summary", "principle-9#summary"),
     'docs/sessions/w.md:7: there is no module "principle-9"; use one of: principle-4'),
    (("principle-4#summary", "principle-4#what"),
     'docs/sessions/w.md:7: principle-4 has no section "#what"; use one of: check-your-understanding, reflect, '
     "summary, why"),
    (("- 10 | Welcome", "- ten | Welcome"),
     'docs/sessions/w.md:6: expected "- MINUTES | activity" or "- MINUTES | principle-N#section | activity", with '
     "minutes a whole number above 0"),
    (("///\n", ""), 'docs/sessions/w.md:5: this session is never closed; add a line "///" after it'),
])
def test_a_bad_plan_is_refused_with_its_file_and_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert refused(tmp_path, "w.md", PLAN.replace(*change)) == message


@pytest.mark.parametrize("data, message", [
    (b"# T\n\x00\n", "docs/sessions/w.md:2: a NUL character (U+0000) at column 1; delete it; it is left over from "
                     "copying the text"),
    (b"# T\n\xe9\n", "docs/sessions/w.md:2: the file is not UTF-8 (byte 0xe9 at column 1); save it as UTF-8 text and "
                     "build again"),
])
def test_a_plan_is_read_as_every_input_file_is(tmp_path: Path, data: bytes, message: str) -> None:
    assert refused(tmp_path, "w.md", data) == message


def test_markup_inside_a_code_fence_is_text(tmp_path: Path) -> None:
    (plan,) = load(tmp_path, **{"w.md": PLAN.replace("For teams", "```\n<b>shown as written</b>\n```\nFor teams")})
    assert plan.sessions[0].items[0].line == 9


def test_a_step_can_open_a_modules_presenter_view_from_a_given_question(tmp_path: Path) -> None:
    """"principle-4#presenter" opens it at the first question, "#presenter-2" at the second; only for a module with
    a knowledge check, and only for a question it has."""
    with_questions = {"principle-4": ModuleEntry("principle-4", 4, "Title", "Short", "principles/principle-4.md",
                                                 (SectionEntry("summary", "Summary", 10),), questions=3)}
    folder = tmp_path / "docs" / "sessions"
    folder.mkdir(parents=True)
    (folder / "w.md").write_text(PLAN.replace("principle-4#reflect", "principle-4#presenter-2"), encoding="utf-8")
    (plan,) = load_session_plans(folder, tmp_path / "docs", tmp_path, with_questions)
    assert plan.sessions[0].items[2].anchor == "presenter-2"
    (folder / "w.md").write_text(PLAN.replace("principle-4#reflect", "principle-4#presenter-4"), encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_session_plans(folder, tmp_path / "docs", tmp_path, with_questions)
    assert str(error.value) == ("docs/sessions/w.md:8: principle-4's knowledge check has 3 questions: use #presenter "
                                "(from the first) or #presenter-1 to #presenter-3")
    assert refused(tmp_path / "other", "x.md", PLAN.replace("principle-4#reflect", "principle-4#presenter")) == (
        "docs/sessions/x.md:8: principle-4 has no knowledge check yet, so there is no presenter view to show; take "
        "the step out")
