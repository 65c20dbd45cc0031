"""Progress kept in a file, the reminder to keep it, peer reflection and the safety lines, driven in Chromium on
a phone and a laptop as a learner would: save, clear, load; merge two files; refuse bad ones.

This file: the checks in Chromium (the rest are in tests/unit/ and tests/build/).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from axe import axe_violations, describe
from helpers import ROOT, answer_key
from playwright.sync_api import expect
from pypdf import PdfReader
from support.learning import LAPTOP, PHONE, answer_all, quiz

from practice_site.learning.learner_notes import PEER_REFLECTION_NOTE, SAFETY_LINE
from practice_site.learning.progress_file import FORMAT, FORMAT_VERSION

P4, P7, MY_LEARNING = "principles/principle-4.html", "principles/principle-7.html", "my-learning.html"
KEY = "practice-principles-training"
SITE_NAME = next(line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text().splitlines()
                 if line.startswith("site_name:"))
R4 = quiz(4).reflections[0].id
UNCHANGED = "Nothing was changed"


@pytest.fixture(params=["phone", "laptop"])
def learner(request, browser, site_url):
    """A fresh browser on a phone or a laptop; nothing may leave the local server."""
    context = browser.new_context(**(PHONE if request.param == "phone" else LAPTOP), accept_downloads=True)
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else outside.append(r.url))
    page = context.new_page()
    yield page
    context.close()
    assert outside == [], outside


def stored(page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}') || 'null')")


def study_principle_4(page, site_url) -> None:
    """Answer every question (so the module is complete), write a reflection, the impact and a peer reflection."""
    page.goto(f"{site_url}/{P4}")
    answer_all(page, 4)
    page.locator(f"#reflection-{R4}").fill("Her loyalty to her younger brother.")
    page.goto(f"{site_url}/{MY_LEARNING}")
    page.locator("#cpd-name").fill("Sam Example")
    page.locator("#cpd-role").fill("Social worker")
    page.locator("#impact-principle-4").fill("Start from what is going well.")
    page.locator("#peer-role-principle-4").fill("my supervisor")
    page.locator("#peer-principle-4").fill("We agreed to ask the young person first.")


def save_file(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress to a file").click()
    name = download.value.suggested_filename
    assert name.startswith("practice-principles-progress-") and name.endswith(".json")
    path = tmp_path / name
    download.value.save_as(path)
    expect(page.locator(".progress-file-status")).to_contain_text(f"saved to a file called {name}")
    return path


def save_text(page) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress to a file").click()
    return Path(download.value.path()).read_text(encoding="utf-8")


def load_file(page, path: Path) -> str:
    page.locator("#progress-load").set_input_files(str(path))
    status = page.locator(".progress-file-status")
    expect(status).not_to_have_text("")
    return status.inner_text()


def clear(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my data").click()
    assert stored(page) is None


def test_save_clear_and_load_restores_every_status_answer_and_note(learner, site_url, tmp_path):
    page = learner
    study_principle_4(page, site_url)
    before = stored(page)
    path = save_file(page, tmp_path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["format"], saved["version"], saved["site"]) == (FORMAT, FORMAT_VERSION, SITE_NAME)
    assert saved["note"].startswith(SAFETY_LINE)
    assert saved["learner"] == {"name": "Sam Example", "role": "Social worker"}
    assert set(saved["modules"]) == {"principle-4"}, "modules not started are left out"

    clear(page)
    page.reload()
    expect(page.locator("#impact-principle-4")).to_have_value("")
    assert "Loaded from the file: 1 module" in load_file(page, path)
    after = stored(page)
    for field in ("questions", "reflections", "impact", "peer", "completed", "seconds"):
        assert after["modules"]["principle-4"][field] == before["modules"]["principle-4"][field], field
    assert after["learner"] == before["learner"]
    expect(page.locator("#cpd-name")).to_have_value("Sam Example")
    expect(page.locator("#impact-principle-4")).to_have_value("Start from what is going well.")
    expect(page.locator("#peer-role-principle-4")).to_have_value("my supervisor")
    expect(page.locator("[aria-labelledby='principle-4'] .module-status")).to_contain_text("Complete")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.goto(f"{site_url}/{P4}")
    expect(page.locator(f"#reflection-{R4}")).to_have_value("Her loyalty to her younger brother.")
    first = next(iter(answer_key(4)))
    for value in answer_key(4)[first]:
        expect(page.locator(f"#{first}-{value}")).to_be_checked()


def progress(modules: dict, **extra) -> str:
    return json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "site": SITE_NAME, "learner": {},
                       "modules": modules, **extra})


def wrong_value(qid: str) -> str:
    question = next(q for q in quiz(4).questions if q.id == qid)
    return next(chr(97 + i) for i, c in enumerate(question.choices) if not c.correct)


def test_two_files_merge_keeping_the_more_complete_record(learner, site_url, tmp_path):
    page = learner
    first, second = list(answer_key(4))[:2]
    key = answer_key(4)
    older = {"principle-4": {
        "questions": {first: {"answer": key[first], "correct": False, "at": "2026-01-01T10:00:00Z"},
                      second: {"answer": [wrong_value(second)], "correct": True, "at": "2026-01-01T10:00:00Z"}},
        "reflections": {R4: {"text": "My first thoughts.", "at": "2026-01-01T10:00:00Z"}},
        "completed": {"at": "2026-01-01T11:00:00Z", "score": 1, "total": len(key)}, "seconds": 300}}
    newer = {"principle-4": {
        "questions": {second: {"answer": key[second], "correct": True, "at": "2026-02-01T10:00:00Z"}},
        "reflections": {R4: {"text": "Second thoughts.", "at": "2026-02-01T10:00:00Z"}},
        "seconds": 120}}
    (tmp_path / "a.json").write_text(progress(older), encoding="utf-8")
    (tmp_path / "b.json").write_text(progress(newer), encoding="utf-8")
    page.goto(f"{site_url}/{MY_LEARNING}")
    load_file(page, tmp_path / "b.json")
    assert "Loaded from the file" in load_file(page, tmp_path / "a.json")
    kept = stored(page)["modules"]["principle-4"]
    assert kept["questions"][first]["correct"] is True, "rightness is worked out again, not read from the file"
    assert kept["questions"][second]["answer"] == key[second], "a right answer beats a wrong one"
    assert kept["reflections"][R4]["text"] == "Second thoughts.", "the note written last is kept"
    assert kept["completed"]["at"] == "2026-01-01T11:00:00Z", "the completion is never lost"
    assert kept["seconds"] == 300
    assert "nothing changed" in load_file(page, tmp_path / "a.json").lower()
    edited = {"principle-4": {"reflections": {R4: {"text": "Second thoughts, edited on my phone.",
                                                   "at": "2026-03-01T10:00:00Z"}}}}
    (tmp_path / "c.json").write_text(progress(edited), encoding="utf-8")
    assert "the version written last was kept (1 note in this browser replaced)" in load_file(page, tmp_path / "c.json")
    assert stored(page)["modules"]["principle-4"]["reflections"][R4]["text"] == "Second thoughts, edited on my phone."


def test_answers_from_two_places_that_cover_every_question_complete_the_module(page, site_url, tmp_path):
    key = answer_key(4)
    ids = list(key)
    half = len(ids) // 2
    page.goto(f"{site_url}/{P4}")
    for qid in ids[:half]:
        for value in key[qid]:
            page.locator(f"#{qid}-{value}").check()
        page.locator(f"#question-{qid} .quiz-check").click()
    rest = {qid: {"answer": key[qid], "correct": True, "at": "2026-01-01T10:00:00Z"} for qid in ids[half:]}
    (tmp_path / "rest.json").write_text(progress({"principle-4": {"questions": rest}}), encoding="utf-8")
    page.goto(f"{site_url}/{MY_LEARNING}")
    assert "1 completion" in load_file(page, tmp_path / "rest.json")
    expect(page.locator("[aria-labelledby='principle-4'] .module-status")).to_contain_text(
        f"Complete: {len(ids)} of {len(ids)} correct")


def test_a_file_this_site_saved_always_loads_back(page, site_url, tmp_path):
    """Answers to a question taken out of the quiz since are left out of the file; a peer reflection alone is
    progress; loading the file just saved changes nothing."""
    page.goto(f"{site_url}/{MY_LEARNING}")
    page.evaluate("""([k, r]) => localStorage.setItem(k, JSON.stringify({version: 2, learner: {}, modules: {
        "principle-4": {questions: {"a-question-taken-out": {answer: ["a"], correct: true,
          at: "2026-01-01T10:00:00.000Z"}}, reflections: {[r]: {text: "Kept.", at: "2026-01-01T10:00:00.000Z"},
          "a-reflection-taken-out": {text: "Gone.", at: "2026-01-01T10:00:00.000Z"}}, seconds: 60},
        "principle-7": {peer: {role: "a colleague", text: "", at: "2026-01-01T10:00:00.000Z"}}}}))""", [KEY, R4])
    page.reload()
    expect(page.locator("[aria-labelledby='principle-7'] .module-status")).to_contain_text("In progress")
    path = save_file(page, tmp_path)
    saved = json.loads(path.read_text(encoding="utf-8"))["modules"]
    assert saved["principle-4"]["questions"] == {} and list(saved["principle-4"]["reflections"]) == [R4]
    assert saved["principle-7"]["peer"]["role"] == "a colleague"
    assert "nothing changed" in load_file(page, path).lower()
    clear(page)
    assert "Loaded from the file: 2 modules" in load_file(page, path)


HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>'


@pytest.mark.parametrize("name, content, message", [
    ("not-json.json", "this is not JSON", "not a progress file saved from this site"),
    ("other.json", json.dumps({"format": "something-else", "version": 1, "modules": {}}),
     "not a progress file saved from this site"),
    ("newer.json", progress({}).replace(f'"version": {FORMAT_VERSION}', '"version": 99'),
     "saved by a different version of this site"),
    ("big.json", progress({}, padding="x" * (1024 * 1024)), "larger than 1 MB"),
    ("module.json", progress({"principle-999": {}}), "modules, questions or answers this site does not have"),
    ("question.json", progress({"principle-4": {"questions": {"no-such-question": {
        "answer": ["a"], "correct": True, "at": "2026-01-01T10:00:00Z"}}}}),
     "modules, questions or answers this site does not have"),
    ("option.json", progress({"principle-4": {"questions": {next(iter(answer_key(4))): {
        "answer": ["z"], "correct": True, "at": "2026-01-01T10:00:00Z"}}}}),
     "modules, questions or answers this site does not have"),
    ("markup.json", progress({"principle-4": {"reflections": {R4: {"text": HOSTILE, "at": "soon"}}}}),
     "not a progress file"),
    ("extra.json", progress({"principle-4": {"script": HOSTILE}}), "not a progress file"),
    ("proto.json", f'{{"format": "{FORMAT}", "version": {FORMAT_VERSION}, "modules": {{"__proto__": {{}}}}}}',
     "modules, questions or answers this site does not have"),
])
def test_a_file_that_is_not_ours_changes_nothing_and_says_why(page, site_url, tmp_path, name, content, message):
    page.goto(f"{site_url}/{P4}")
    page.locator(f"#reflection-{R4}").fill("What I had before.")
    page.goto(f"{site_url}/{MY_LEARNING}")
    before = stored(page)
    (tmp_path / name).write_text(content, encoding="utf-8")
    said = load_file(page, tmp_path / name)
    assert said.startswith("Not loaded: ") and message in said, said
    assert UNCHANGED in said or "nothing was changed" in said, said
    assert stored(page) == before
    assert page.evaluate("window.hacked") is None


def test_text_from_a_file_is_only_ever_shown_as_text(page, site_url, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(progress({"principle-4": {
        "impact": {"text": HOSTILE, "at": "2026-01-01T10:00:00Z"},
        "peer": {"role": HOSTILE, "text": HOSTILE, "at": "2026-01-01T10:00:00Z"}}},
        learner={"name": HOSTILE, "role": "<b>lead</b>"}), encoding="utf-8")
    page.goto(f"{site_url}/{MY_LEARNING}")
    assert "Loaded from the file" in load_file(page, path)
    expect(page.locator("#impact-principle-4")).to_have_value(HOSTILE)
    expect(page.locator("#cpd-name")).to_have_value(HOSTILE)
    assert HOSTILE in page.locator("#cpd-record").text_content()
    assert page.locator("article img, article script, #cpd-record b").count() == 0
    assert page.evaluate("window.hacked") is None


def test_the_reminder_follows_completion_and_stays_dismissed(learner, site_url):
    page = learner
    page.goto(f"{site_url}/{P4}")
    reminder = page.locator("[data-save-reminder]")
    expect(reminder).to_be_hidden()
    answer_all(page, 4)
    expect(reminder).to_be_visible()
    expect(reminder).to_contain_text("browsers can clear it")
    expect(reminder.get_by_role("link", name="My learning")).to_have_attribute(
        "href", "../my-learning.html#keep-your-progress")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    reminder.get_by_role("button", name="Dismiss this reminder").click()
    expect(reminder).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('.quiz-result')"), "focus stays beside where it was"
    page.reload()
    expect(reminder).to_be_hidden()
    page.goto(f"{site_url}/{MY_LEARNING}")  # dismissed on one device, dismissed on the next
    saved = json.loads(save_text(page))
    assert saved["modules"]["principle-4"]["reminded"] is True


def test_every_box_a_learner_writes_in_carries_the_safety_line(page, site_url):
    for address in (P4, P7, MY_LEARNING):
        page.goto(f"{site_url}/{address}")
        boxes = page.locator("article textarea, article input[type='text']")
        assert boxes.count() > 0
        for index in range(boxes.count()):
            box = boxes.nth(index)
            described = box.get_attribute("aria-describedby") or ""
            lines = [page.locator(f"[id='{i}']").inner_text() for i in described.split()]
            assert SAFETY_LINE in lines or box.get_attribute("id") in ("cpd-name", "cpd-role"), box.get_attribute("id")
            if SAFETY_LINE in lines:
                expect(page.locator(f"[id='{described.split()[-1]}']")).to_be_visible()


def test_peer_reflection_is_in_the_text_record_and_the_pdf(page, site_url, tmp_path):
    study_principle_4(page, site_url)
    expect(page.locator("article")).to_contain_text(PEER_REFLECTION_NOTE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as text").click()
    download.value.save_as(tmp_path / "record.txt")
    record = (tmp_path / "record.txt").read_text(encoding="utf-8")
    assert f"Note: {SAFETY_LINE}" in record
    assert ("How will it change your practice?\nStart from what is going well.\n\nPeer reflection (optional)\n"
            "Discussed with: my supervisor\nWe agreed to ask the young person first.\n") in record
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for phrase in ("Peer reflection (optional)", "Discussed with: my supervisor",
                   "We agreed to ask the young person first.", SAFETY_LINE, "What was the activity?"):
        assert phrase in text, phrase


def test_saving_and_loading_work_in_the_offline_copy_from_disk(browser, offline_copy, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((offline_copy / MY_LEARNING).as_uri())
    page.locator("#impact-principle-7").fill("Offline notes.")
    path = save_file(page, tmp_path)
    clear(page)
    assert "Loaded from the file: 1 module" in load_file(page, path)
    expect(page.locator("#impact-principle-7")).to_have_value("Offline notes.")
    context.close()
