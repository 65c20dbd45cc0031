"""The command-line reports: make cite-report and make links.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from helpers import ROOT, build, copy_project

from practice_site.model.published_manifest import MANIFEST


def run(args, cwd):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_cite_report_exits_1_on_an_unresolved_citation(tmp_path):
    project = copy_project(tmp_path)
    assert run(["practice_site.references.cite_report"], project).returncode == 0
    path = project / "sources" / "principle-07.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "the starting point.", "the starting point (Nobody, 1999)."), encoding="utf-8")
    result = run(["practice_site.references.cite_report"], project)
    assert result.returncode == 1
    assert "UNRESOLVED sources/principle-07.txt:13: Nobody, 1999; nearest entries:" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith("Next: fix the 1 unresolved citation") and last.endswith("Then run make site.")


def test_make_links_records_new_sections_and_keeps_old_ones(tmp_path):
    """A build with RECORD_LINKS (as make links runs it) adds what is new and removes nothing."""
    project = copy_project(tmp_path)
    manifest = json.loads((ROOT / MANIFEST).read_text(encoding="utf-8"))
    manifest["pages"]["retired.html"] = ["kept"]
    manifest["moved"] = {"retired.html": "index.html"}
    manifest["pages"]["index.html"].remove("who-this-site-is-for")
    manifest["pages"]["my-learning.html"].remove("principle-7")
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    plain = build(project)
    assert plain.returncode == 0, plain.stderr
    assert re.search(r"\d+ new addresses \(such as \S+\) are not recorded yet", plain.stderr)
    assert json.loads((project / MANIFEST).read_text(encoding="utf-8")) == manifest, "only make links records"
    result = build(project, env={"RECORD_LINKS": "true"})
    assert result.returncode == 0 and "Review and commit it." in result.stderr
    updated = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    assert "who-this-site-is-for" in updated["pages"]["index.html"]
    assert "principle-7" in updated["pages"]["my-learning.html"], "a module heading on My learning is recorded"
    assert updated["pages"]["retired.html"] == ["kept"], "nothing published is ever removed"
    assert "not recorded yet" not in result.stderr
