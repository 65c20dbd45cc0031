"""make lms: SCORM 1.2 and 2004 packages, hosted by a real runtime (scorm-again) in Chromium.

The test LMS (tests/lms/host.html) runs scorm-again's runtime for the package's standard, logs every
API call with its error code, and shows the package's SCO in a frame, launched with the manifest's
parameters. What the runtime recorded is read back after the learner leaves.

This file: the checks in Chromium (the rest are in tests/build/).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from axe import axe_violations, describe
from helpers import ROOT, answer_key, serving
from lms_host import (
    CP,
    STANDARDS,
    hosting,
    launch_address,
    leave,
    lms_data,
    manifest,
    open_in_lms,
    package,
    score,
    status,
)
from playwright.sync_api import expect
from support.learning import quiz

from practice_site.learning.progress_file import FORMAT, FORMAT_VERSION


@pytest.fixture(scope="module")
def lms_host(lms_dist: Path, tmp_path_factory):
    """The test LMS and every SCORM package, served over HTTP."""
    with hosting(lms_dist, tmp_path_factory.mktemp("lms host")) as address:
        yield address


def answer(frame, qid: str, values: list[str]) -> None:
    form = frame.locator(f"form[data-question='{qid}']")
    for value in values:
        form.locator(f"input[value='{value}']").check()
    form.get_by_role("button", name="Check answer").click()
    expect(form.locator(".quiz-verdict")).to_be_visible()


def wrong(qid: str, key: dict[str, list[str]], number: int) -> list[str]:
    """A wrong answer: the first option that is not a key."""
    from practice_site.learning.quiz_format import parse_quiz_file

    quiz = parse_quiz_file((ROOT / "docs" / "quizzes" / f"principle-{number}.md").read_text(), "quiz")
    question = next(q for q in quiz.questions if q.id == qid)
    return [next(chr(97 + i) for i, c in enumerate(question.choices) if not c.correct)]


def session_seconds(recorded: dict, standard: str) -> float:
    if standard == "1.2":
        hours, minutes, seconds = recorded["core"]["session_time"].split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", recorded["session_time"])
    assert match, recorded["session_time"]
    hours, minutes, seconds = (float(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_package_records_completion_score_time_and_resume(browser, lms_dist, lms_host, standard):
    """Principle 4 in each standard: half answered, leave, come back on another browser, finish, pass."""
    path = package(lms_dist, "principle-4", standard)
    key = answer_key(4)
    ids = list(key)
    first, rest = ids[: len(ids) // 2], ids[len(ids) // 2:]

    page, frame = open_in_lms(browser, lms_host, path, standard)
    for qid in first:
        answer(frame, qid, key[qid])
    frame.locator("#reflect").scroll_into_view_if_needed()
    frame.locator("#reflect").evaluate("h => h.scrollIntoView()")
    page.wait_for_timeout(800)  # the place is remembered half a second after scrolling stops
    kept = leave(page, standard)

    assert status(kept, standard) == ("incomplete", "unknown")
    assert score(kept, standard)["raw"] == ""  # no score until every question is answered
    if standard == "2004":
        assert float(kept["progress_measure"]) == pytest.approx(len(first) / len(ids), abs=0.001)
    assert (kept["core"]["lesson_location"] if standard == "1.2" else kept["location"]) == "reflect"
    assert (kept["core"]["exit"] if standard == "1.2" else kept["exit"]) == "suspend"
    assert session_seconds(kept, standard) > 0
    assert kept["suspend_data"]

    # Another browser, with nothing stored: everything comes back from the LMS.
    page, frame = open_in_lms(browser, lms_host, path, standard, kept)
    for qid in first:
        form = frame.locator(f"form[data-question='{qid}']")
        for value in key[qid]:
            expect(form.locator(f"input[value='{value}']")).to_be_checked()
        expect(form.locator(".quiz-verdict")).to_have_text("Correct.")
    expect(frame.locator("#reflect")).to_be_in_viewport()
    note = frame.locator(".quiz-result-lms")
    expect(note).to_contain_text(f"of the {len(ids)} answers are correct")
    for qid in rest[:-1]:
        answer(frame, qid, key[qid])
    answer(frame, rest[-1], wrong(rest[-1], key, 4))  # one wrong
    right = len(ids) - 1
    result = "passed" if right * 100 >= pass_mark(4) * len(ids) else "failed"
    recorded_note = "passed" if result == "passed" else "not passed yet"
    expect(note.locator("xpath=following-sibling::p[1]")).to_have_text(
        f"Recorded in your learning system: {recorded_note}, best score {right} of {len(ids)}.")
    done = leave(page, standard)

    assert status(done, standard) == ("completed", result)
    recorded = score(done, standard)
    assert float(recorded["raw"]) == pytest.approx(round(100 * right / len(ids), 2))
    assert float(recorded["min"]) == 0 and float(recorded["max"]) == 100
    if standard == "2004":
        assert float(recorded["scaled"]) == pytest.approx(right / len(ids), abs=0.0001)


def pass_mark(number: int) -> int:
    from practice_site.learning.quiz_format import parse_quiz_file

    return parse_quiz_file((ROOT / "docs" / "quizzes" / f"principle-{number}.md").read_text(), "quiz").pass_mark


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_trying_again_never_lowers_the_recorded_score(browser, lms_dist, lms_host, standard):
    path = package(lms_dist, "principle-4", standard)
    key = answer_key(4)
    page, frame = open_in_lms(browser, lms_host, path, standard)
    for qid in key:
        answer(frame, qid, key[qid])
    qid = next(iter(key))
    form = frame.locator(f"form[data-question='{qid}']")
    form.get_by_role("button", name="Try again").click()
    answer(frame, qid, wrong(qid, key, 4))
    recorded = leave(page, standard)
    assert status(recorded, standard) == ("completed", "passed")
    assert float(score(recorded, standard)["raw"]) == 100


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_a_passing_score_the_lms_sets_wins_over_the_quiz_files(browser, lms_dist, lms_host, standard):
    """The LMS asks for every answer right: one wrong answer fails, whatever the quiz file says."""
    path = package(lms_dist, "principle-4", standard)
    key = answer_key(4)
    page = browser.new_context().new_page()
    data = lms_data(path, standard)
    data.update({"student_data": {"mastery_score": "100"}} if standard == "1.2" else {"scaled_passing_score": "1"})
    page.goto(lms_host + "host.html")
    page.evaluate("([s, d, l]) => startSco(s, d, l)", [standard, data, launch_address(path, standard)])
    frame = page.frame_locator("#sco")
    expect(frame.locator(".quiz-result-lms")).to_contain_text(f"at least {len(key)} of the {len(key)}")
    ids = list(key)
    for qid in ids[:-1]:
        answer(frame, qid, key[qid])
    answer(frame, ids[-1], wrong(ids[-1], key, 4))
    assert status(leave(page, standard), standard) == ("completed", "failed")


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_a_status_the_lms_recorded_is_never_lowered(browser, lms_dist, lms_host, standard):
    """An LMS that recorded a pass but kept no answers (nor a bookmark): answering again keeps the pass."""
    path = package(lms_dist, "principle-4", standard)
    key = answer_key(4)
    page = browser.new_context().new_page()
    data = lms_data(path, standard)
    data.update({"core": {"lesson_status": "passed", "score": {"raw": "90"}}} if standard == "1.2" else
                {"completion_status": "completed", "success_status": "passed", "score": {"scaled": "0.9"}})
    page.goto(lms_host + "host.html")
    page.evaluate("([s, d, l]) => startSco(s, d, l)", [standard, data, launch_address(path, standard)])
    frame = page.frame_locator("#sco")
    expect(frame.locator(".quiz-result-lms-recorded")).to_have_text(
        "Recorded in your learning system: passed.")
    qid = next(iter(key))
    answer(frame, qid, wrong(qid, key, 4))
    recorded = leave(page, standard)
    assert status(recorded, standard) == ("completed", "passed")
    assert float(score(recorded, standard)["raw" if standard == "1.2" else "scaled"]) == 0.9 * (
        100 if standard == "1.2" else 1)  # the score it had is kept too


def test_opened_again_in_the_same_frame_the_page_says_it_is_not_recorded(browser, lms_dist, lms_host):
    """SCORM allows one session per launch: after a reload the page says so and keeps nothing."""
    path = package(lms_dist, "principle-4", "2004")
    key = answer_key(4)
    qid = next(iter(key))
    page, frame = open_in_lms(browser, lms_host, path, "2004")
    sco = next(f for f in page.frames if "/packages/" in f.url)
    sco.evaluate("location.reload()")
    expect(frame.locator(".lms-not-recorded")).to_contain_text("not recording this visit")
    sco = next(f for f in page.frames if "/packages/" in f.url)
    kept = sco.evaluate("JSON.stringify(localStorage)")
    answer(frame, qid, key[qid])
    assert sco.evaluate("JSON.stringify(localStorage)") == kept  # nothing kept for the next person
    assert qid in sco.evaluate("JSON.stringify(sessionStorage)")  # this tab only
    assert [c["method"] for c in page.evaluate("calls")].count("Initialize") == 2  # the second was refused
    page.context.close()


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_below_the_pass_mark_is_recorded_as_failed(browser, lms_dist, lms_host, standard):
    path = package(lms_dist, "principle-7", standard)
    key = answer_key(7)
    page, frame = open_in_lms(browser, lms_host, path, standard)
    for qid in key:
        answer(frame, qid, wrong(qid, key, 7))
    recorded = leave(page, standard)
    assert status(recorded, standard) == ("completed", "failed")
    assert float(score(recorded, standard)["raw"]) == 0


def test_without_an_lms_the_package_page_works_as_on_the_site(browser, lms_dist, tmp_path):
    """Unzipped and served with no LMS around it: the knowledge check works and nothing fails."""
    path = package(lms_dist, "principle-4", "2004")
    with zipfile.ZipFile(path) as opened:
        opened.extractall(tmp_path)
    key = answer_key(4)
    qid = next(iter(key))
    with serving(tmp_path) as address:
        context = browser.new_context()
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("requestfailed", lambda request: problems.append(request.url))
        page.goto(address.rstrip("/") + "/principles/principle-4.html")
        answer(page, qid, key[qid])
        expect(page.locator(f"form[data-question='{qid}'] .quiz-verdict")).to_have_text("Correct.")
        expect(page.locator(".quiz-result-lms")).to_have_count(0)
        context.close()
    assert problems == []


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_every_package_is_complete_and_loads_nothing_from_outside(browser, lms_dist, lms_host, standard):
    """Each module's package lists exactly its files; in the LMS, every request stays in the package."""
    paths = sorted(lms_dist.glob(f"*-{STANDARDS[standard]}-*.zip"))
    assert any("principle-4" in p.name for p in paths) and any("principle-7" in p.name for p in paths)
    ns = {"cp": CP[standard]}
    for path in paths:
        root = manifest(path)
        listed = {f.get("href") for f in root.iterfind(".//cp:resource/cp:file", ns)}
        with zipfile.ZipFile(path) as opened:
            names = set(opened.namelist())
        assert "imsmanifest.xml" in names
        schemas = {n for n in names if "/" not in n and n.endswith((".xsd", ".dtd"))}
        assert listed == names - {"imsmanifest.xml"} - schemas, path.name
        locations = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()[1::2]
        assert set(locations) <= schemas, "the schemas the manifest names are in the package"
        frame_requests = [r for r in sco_requests(browser, lms_host, path, standard) if "/packages/" in r]
        assert frame_requests, "the SCO was not loaded"
        assert all(r.startswith(lms_host + f"packages/{path.stem}/") for r in frame_requests), frame_requests


def sco_requests(browser, lms_host: str, path: Path, standard: str) -> list[str]:
    """Every address the browser asks for while the test LMS launches the package."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(lms_host + "host.html")
    page.evaluate("([s, d, l]) => startSco(s, d, l)", [standard, {}, launch_address(path, standard)])
    expect(page.frame_locator("#sco").locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    context.close()
    return [request.url for request in requests]


def test_on_a_phone_in_the_lms_the_module_is_accessible_and_answerable(browser, lms_dist, lms_host):
    path = package(lms_dist, "principle-7", "2004")
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(lms_host + "host.html")
    page.evaluate("([s, d, l]) => startSco(s, d, l)", ["2004", lms_data(path, "2004"), launch_address(path, "2004")])
    frame = page.frame_locator("#sco")
    expect(frame.locator(".quiz-result-lms")).to_be_visible()
    sco = next(f for f in page.frames if "/packages/" in f.url)
    assert axe_violations(sco) == [], describe(axe_violations(sco))
    assert sco.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    key = answer_key(7)
    qid = next(iter(key))
    form = frame.locator(f"form[data-question='{qid}']")
    for value in key[qid]:
        form.locator(f"label[for='{qid}-{value}']").tap()
    form.get_by_role("button", name="Check answer").tap()
    expect(form.locator(".quiz-verdict")).to_have_text("Correct.")
    context.close()


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_learners_sharing_a_browser_do_not_see_each_others_notes(browser, lms_dist, lms_host, standard):
    """Reflection notes stay in the browser, kept apart by the LMS's learner id."""
    path = package(lms_dist, "principle-4", standard)
    context = browser.new_context()
    page = context.new_page()

    def launch(learner: str):
        data = lms_data(path, standard)
        if standard == "1.2":
            data["core"] = {"student_id": learner}
        else:
            data["learner_id"] = learner
        page.goto(lms_host + "host.html")
        page.evaluate("([s, d, l]) => startSco(s, d, l)", [standard, data, launch_address(path, standard)])
        notes = page.frame_locator("#sco").locator("textarea.reflection-notes").first
        expect(notes).to_be_visible()
        page.wait_for_function("window.calls.length > 0")
        return notes

    launch("learner-a").fill("Only for learner A")
    page.evaluate("endSco()")  # leaving commits everything the page would send
    page.wait_for_function("calls.some(c => c.method === 'LMSFinish' || c.method === 'Terminate')")
    assert not any("Only for learner A" in str(call["args"]) for call in page.evaluate("calls"))
    expect(launch("learner-b")).to_have_value("")
    expect(launch("learner-a")).to_have_value("Only for learner A")
    context.close()


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_a_progress_file_loads_notes_but_never_overrides_the_lms(browser, lms_dist, lms_host, standard, tmp_path):
    """In a package the learning system holds answers and completion: a loaded file adds notes only."""
    path = package(lms_dist, "principle-4", standard)
    key = answer_key(4)
    first, *rest = list(key)
    reflection = quiz(4).reflections[0].id
    saved = {"format": FORMAT, "version": FORMAT_VERSION, "learner": {}, "modules": {"principle-4": {
        "questions": {qid: {"answer": key[qid], "correct": True, "at": "2026-01-01T10:00:00Z"} for qid in key},
        "reflections": {reflection: {"text": "Notes from the site.", "at": "2026-01-01T10:00:00Z"}},
        "completed": {"at": "2026-01-01T11:00:00Z", "score": len(key), "total": len(key)}, "seconds": 900},
        "principle-7": {"impact": {"text": "Another module's notes.", "at": "2026-01-01T10:00:00Z"}}}}
    (tmp_path / "progress.json").write_text(json.dumps(saved), encoding="utf-8")
    page, frame = open_in_lms(browser, lms_host, path, standard)
    answer(frame, first, key[first])
    frame.locator("#progress-load").set_input_files(str(tmp_path / "progress.json"))
    expect(frame.locator(".progress-file-status")).to_contain_text("only notes were loaded")
    expect(frame.locator(".progress-file-status")).to_contain_text("Progress on 1 other module was left out")
    expect(frame.locator(f"#reflection-{reflection}")).to_have_value("Notes from the site.")
    for qid in rest:
        expect(frame.locator(f"form[data-question='{qid}'] input:checked")).to_have_count(0)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    kept = leave(page, standard)
    assert status(kept, standard)[0] == "incomplete", "the file's completion is not the learning system's"
