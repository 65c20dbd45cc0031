"""Every hostile or broken input (tests/support/hostile_inputs.py) is refused with FILE:LINE or built harmless.

Each row is built by ``make site`` in its own copy of the project, over a clean site/ built once
for the session. A refused row must exit non-zero with its message and leave that site as it was,
byte for byte; a built row must leave nothing live on any page of the site or of its offline copy,
add no file but the pages it asks for, and publish no secret. No build may print a traceback or take
longer than ``TIMEOUT`` seconds.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from helpers import ROOT
from support.hostile_inputs import (
    ROWS,
    SECRET,
    SLOW,
    TIMEOUT,
    TRACEBACK,
    Baseline,
    Row,
    hashes,
    live_markup,
    make_site,
    site_files,
)


def tail(output: str, lines: int = 12) -> str:
    return "\n".join("    | " + line for line in output.strip().splitlines()[-lines:])


def problems_with(row: Row, project, baseline: Baseline, build) -> list[str]:
    """Everything wrong with one row's build (an empty list when it did what the row says)."""
    if build.returncode is None:
        return [f"timeout: make site still running after {TIMEOUT} s"]
    found: list[str] = []
    slow = max(SLOW, 5 * baseline.seconds)
    if build.seconds > slow:
        found.append(f"slow: {build.seconds:.0f} s (a clean build takes {baseline.seconds:.0f} s; "
                     f"the limit is {slow:.0f} s)")
    if (project / "pwned.txt").exists():
        found.append("code written in an input file ran during the build (it wrote pwned.txt)")
    if TRACEBACK in build.output:
        found.append("traceback: " + build.output[build.output.index(TRACEBACK):].strip().splitlines()[-1][:200])
    if row.outcome == "refused":
        if build.returncode == 0:
            found.append("built, but it should be refused")
        else:
            if not re.search(row.pattern, build.output):
                found.append(f"wrong message: nothing matches {row.pattern!r}")
            if hashes(project / "site") != baseline.hashes:
                found.append("the old site was not kept byte for byte")
            if (project / "site.tmp").exists():
                found.append("a half-built site.tmp was left behind")
    else:
        if build.returncode != 0:
            found.append(f"refused (exit {build.returncode}), but it should build")
        elif row.pattern and not re.search(row.pattern, build.output):
            found.append(f"the build does not say {row.pattern!r}")
    for name, data in site_files(project / "site"):
        if SECRET.encode() in data:
            found.append(f"secret published in {name}")
        if build.returncode == 0:  # built (for a row that should be refused too: what it published)
            new_page = name.removeprefix("zip:") in row.new_pages
            if name not in baseline.files and not new_page:
                found.append(f"a file the clean build does not have: {name}")
            if name.endswith(".html"):
                found += [f"live on {name}: {live}" for live in
                          live_markup(data.decode("utf-8", "replace"), baseline.scripts, new_page)]
    return found


def test_the_table_is_well_formed():
    assert len({row.id for row in ROWS}) == len(ROWS), [i for i, n in Counter(r.id for r in ROWS).items() if n > 1]
    for row in ROWS:
        assert row.outcome in {"refused", "built"}, row.id
        assert row.outcome == "built" or row.pattern, f"{row.id}: a refusal needs the message it must print"
        assert row.edit or row.env, f"{row.id}: changes nothing"
    guide = (ROOT / "guides" / "developers.md").read_text(encoding="utf-8")
    assert f"puts each of {len(ROWS)} hostile or broken inputs" in guide, \
        'guides/developers.md, "Security", counts the rows'


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_hostile_input(row: Row, hostile_baseline: Baseline, tmp_path):
    project, outside = hostile_baseline.copy_to(tmp_path)
    if row.edit:
        row.edit(project, outside)
    build = make_site(project, dict(row.env))
    found = problems_with(row, project, hostile_baseline, build)
    assert not found, (f"{row.id} ({row.touches}, should be {row.outcome}; exit {build.returncode}, "
                       f"{build.seconds:.1f} s):\n  " + "\n  ".join(found[:12]) + "\n" + tail(build.output))
