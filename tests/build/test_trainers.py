"""For trainers: copy-link, short links, the published-links manifest, the trainers page, session
plans and printed handouts.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import json
import math
import re
import subprocess

import pytest
from helpers import MKDOCS, ROOT, SOURCES, answer_key, build, copy_project, missing_number, text_of
from support.trainers import P4, project_with_manifest, rename_section

from practice_site.model.published_manifest import MANIFEST, read_manifest
from practice_site.names import KIT_FOLDER


def test_manifest_is_committed_and_matches_the_build(tmp_path):
    """A strict build checks every recorded address; recording afterwards finds nothing new to add."""
    project = project_with_manifest(tmp_path)
    result = build(project, env={"RECORD_LINKS": "true"})
    assert result.returncode == 0, result.stderr
    manifest = read_manifest(ROOT / MANIFEST)
    recorded = read_manifest(project / MANIFEST)
    # Everything already published is recorded in full; a principle added since (its page, and its
    # entries on the home page, My learning and the trainers' page) waits for 'make links', as the
    # README's steps say.
    new_modules = {page.removeprefix("principles/").removesuffix(".html") for page in recorded["pages"]
                   if page.startswith("principles/") and page not in manifest["pages"]}
    new_numbers = {module.removeprefix("principle-") for module in new_modules}
    for page, anchors in recorded["pages"].items():
        if page.startswith("principles/") and page.removeprefix("principles/").removesuffix(".html") in new_modules:
            continue
        if any(page.startswith(f"{KIT_FOLDER}/{module}-") for module in new_modules) or (
                page.removeprefix("p").removesuffix(".html") in new_numbers):
            continue  # its short link and room kit wait for 'make links' too
        missing = [a for a in anchors if a not in manifest["pages"].get(page, [])
                   and a.removeprefix("card-") not in new_modules]
        assert page in manifest["pages"] and missing == [], f"{page}: run 'make links' and commit published-links.json"
    assert "what-do-we-mean-by-strengths-based-approaches" in manifest["pages"][P4]
    assert {"p4.html", f"{KIT_FOLDER}/principle-4-presenter.html"} <= set(manifest["pages"]), "made whole by the build"
    assert {"card-principle-4", "card-principle-7"} <= set(manifest["pages"]["index.html"])
    assert {"principle-4", "principle-7"} <= set(manifest["pages"]["my-learning.html"])


def test_a_dirty_build_leaves_the_published_links_alone(tmp_path):
    """mkdocs build --dirty rebuilds only changed pages, so it cannot tell a lost section from one not rebuilt."""
    project = project_with_manifest(tmp_path)
    assert build(project).returncode == 0
    page = project / "docs" / "credits.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    # Not --strict: MkDocs itself warns that a dirty build is for development only.
    result = subprocess.run([*MKDOCS, "build", "--dirty", "--site-dir", "site"], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "published-links.json: not checked in a dirty build" in result.stderr
    assert "was published but this build does not have it" not in result.stderr


def test_renaming_a_published_section_fails_the_build(tmp_path):
    project = project_with_manifest(tmp_path)
    rename_section(project)
    result = build(project)
    assert result.returncode != 0
    assert (f"{MANIFEST}: {P4}#what-do-we-mean-by-strengths-based-approaches was published but this build "
            "does not have it") in result.stderr


def test_a_move_to_nowhere_fails_the_build(tmp_path):
    project = project_with_manifest(tmp_path)
    manifest = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    nowhere = f"principles/principle-{missing_number()}.html"
    manifest["moved"] = {"old.html": nowhere}
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f'"moved" sends old.html to {nowhere}, which this build does not have' in result.stderr


def test_trainers_page_lists_every_module_and_section_with_reading_times(built_site):
    html = (built_site / "for-trainers.html").read_text(encoding="utf-8")
    for anchor in read_manifest(ROOT / MANIFEST)["pages"][P4]:
        if anchor not in {"check-your-understanding", "reflect", "research-summary-references"} \
                and not anchor.startswith("practice-principle"):
            assert f'href="{P4}#{anchor}"' in html, anchor
    assert 'href="p4.html"' in html and 'href="p7.html"' in html
    assert f'href="{P4}#check-your-understanding">Check your understanding</a>: {len(answer_key(4))} questions' in html
    assert f'href="{P4}#reflect">Reflect</a>: 4 reflective questions' in html
    assert "Using the offline copy in a workshop" in text_of(html)


def test_reading_time_is_words_at_200_a_minute(built_site):
    lines = (SOURCES / "principle-04.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index("### Summary")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#"))
    words = len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", " ".join(lines[start:end]).replace("###", "")))
    expected = max(1, math.ceil(words / 200))
    html = (built_site / "for-trainers.html").read_text(encoding="utf-8")
    assert re.search(rf'href="{P4}#summary">Summary</a></td>\s*<td>{expected} min</td>', html)


@pytest.mark.parametrize("line, message", [
    ("- 10 | principle-4#nowhere | Read", 'principle-4 has no section "#nowhere"'),
    (f"- 10 | principle-{missing_number()} | Read", f'there is no module "principle-{missing_number()}"'),
    ("- ten | Read", 'expected "- MINUTES | activity"'),
])
def test_a_bad_session_reference_fails_the_build_with_file_and_line(tmp_path, line, message):
    project = copy_project(tmp_path)
    path = project / "docs" / "sessions" / "bad.md"
    path.write_text(f"# A plan\n\n/// session | A plan\n- 5 | Welcome\n{line}\n///\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/sessions/bad.md:5: {message}" in result.stderr
    assert not (project / "site").exists()
