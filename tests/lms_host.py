"""A test learning management system: scorm-again's runtimes hosting make lms's packages in Chromium.

tests/lms/host.html runs scorm-again's SCORM 1.2 or 2004 runtime, logs every API call with its
error code, and shows a package's SCO in a frame, launched as the manifest says. What the runtime
recorded is read back after the learner leaves.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from contextlib import contextmanager
from pathlib import Path

from helpers import ROOT, serving
from playwright.sync_api import expect

STANDARDS = {"1.2": "scorm12", "2004": "scorm2004"}
CP = {"1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}


def run_make_lms(project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """What ``make lms`` runs, in ``project``."""
    base = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"}}
    return subprocess.run([sys.executable, "-m", "practice_site.lms.build"], cwd=project, capture_output=True,
                          text=True, env={**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, timeout=600)


def package(lms_dist: Path, module: str, standard: str) -> Path:
    (found,) = lms_dist.glob(f"practice-{module}-{STANDARDS[standard]}-*.zip")
    return found


def manifest(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as opened:
        return ET.fromstring(opened.read("imsmanifest.xml"))


@contextmanager
def hosting(lms_dist: Path, folder: Path):
    """Serve the test LMS with every SCORM package in ``lms_dist`` unzipped under packages/NAME/."""
    for name in ("host.html", "host.js"):
        shutil.copy(ROOT / "tests" / "lms" / name, folder / name)
    (folder / "scorm-again").mkdir()
    for name in ("scorm12.js", "scorm2004.js"):
        shutil.copy(ROOT / "node_modules" / "scorm-again" / "dist" / name, folder / "scorm-again" / name)
    for path in lms_dist.glob("*-scorm*.zip"):
        with zipfile.ZipFile(path) as opened:
            opened.extractall(folder / "packages" / path.stem)
    with serving(folder) as address:
        yield address.rstrip("/") + "/"


def launch_address(path: Path, standard: str) -> str:
    """The SCO's address as an LMS launches it: the resource's href and the item's parameters."""
    ns = {"cp": CP[standard]}
    root = manifest(path)
    item = root.find("cp:organizations/cp:organization/cp:item", ns)
    resource = root.find(f"cp:resources/cp:resource[@identifier='{item.get('identifierref')}']", ns)
    return f"packages/{path.stem}/{resource.get('href')}{item.get('parameters') or ''}"


def lms_data(path: Path, standard: str, kept: dict | None = None) -> dict:
    """What an LMS loads before launch: the pass mark from the manifest, and what it kept last time."""
    text = zipfile.ZipFile(path).read("imsmanifest.xml").decode()
    data: dict = {}
    if standard == "1.2":
        mastery = re.search(r"<adlcp:masteryscore>(\d+)</adlcp:masteryscore>", text)
        if mastery:
            data["student_data"] = {"mastery_score": mastery.group(1)}
        if kept:
            data["core"] = {"entry": "resume", "lesson_location": kept["core"]["lesson_location"]}
            data["suspend_data"] = kept["suspend_data"]
    else:
        measure = re.search(r"<imsss:minNormalizedMeasure>([\d.]+)<", text)
        if measure:
            data["scaled_passing_score"] = measure.group(1)
        if kept:
            data.update(entry="resume", location=kept["location"], suspend_data=kept["suspend_data"])
    return data


def open_in_lms(browser, lms_host: str, path: Path, standard: str, kept: dict | None = None):
    """A fresh browser (nothing stored) with the package launched in the test LMS; returns (page, frame)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(lms_host + "host.html")
    page.evaluate("([s, d, l]) => startSco(s, d, l)", [standard, lms_data(path, standard, kept),
                                                      launch_address(path, standard)])
    frame = page.frame_locator("#sco")
    expect(frame.locator("h1")).to_be_visible()
    page.wait_for_function("window.calls.length > 0")  # the page has looked for the LMS
    return page, frame


def failed_calls(calls: list[dict]) -> list[dict]:
    """Calls that returned an error, but for reading an element the LMS has no value for (SCORM 2004's
    403, "not initialised", which the spec gives as the answer to that question)."""
    asked = {"GetLastError", "LMSGetLastError"}  # these report the last error; they do not fail
    return [c for c in calls if c["error"] != "0" and c["method"] not in asked
            and not (c["method"] == "GetValue" and c["error"] == "403")]


def leave(page, standard: str) -> dict:
    """The learner leaves the module: the frame is emptied. Returns what the runtime recorded."""
    finish = "LMSFinish" if standard == "1.2" else "Terminate"
    page.evaluate("endSco()")
    page.wait_for_function(f"calls.some(c => c.method === '{finish}')")
    calls = page.evaluate("calls")
    failed = failed_calls(calls)
    assert failed == [], f"API calls that failed: {failed}"
    assert calls[0]["method"] in {"LMSInitialize", "Initialize"}
    assert [c["method"] for c in calls].count(finish) == 1
    recorded = page.evaluate("recorded()")
    page.context.close()
    return recorded


def status(recorded: dict, standard: str) -> tuple[str, str]:
    """(completion, success) in 2004's terms; 1.2's single lesson_status mapped onto them."""
    if standard == "2004":
        return recorded["completion_status"], recorded["success_status"]
    lesson = recorded["core"]["lesson_status"]
    return ("completed" if lesson in {"completed", "passed", "failed"} else lesson,
            lesson if lesson in {"passed", "failed"} else "unknown")


def score(recorded: dict, standard: str) -> dict:
    return recorded["core"]["score"] if standard == "1.2" else recorded["score"]


