"""Bad sources stop the build with FILE:LINE, a fix, a non-zero exit and no site written."""

from __future__ import annotations

import pytest
from helpers import build, copy_project

GOOD = (
    "## 3. Responses to child exploitation and extra-familial harm must... be a test\n\n"
    "### Summary\n\nA summary.\n"
)

CASES = {
    "empty": (b"", "sources/zz-bad.txt:1: the file is empty"),
    "blank lines only": (b"\n\n  \n", "sources/zz-bad.txt:1: the file is empty"),
    "no title line": (
        b"\n\nSome text without a heading.\n\n### Summary\n\nText.\n",
        'sources/zz-bad.txt:3: expected the title line',
    ),
    "heading with no text": (
        GOOD.encode() + b"\n### ****\n\nMore text.\n",
        "sources/zz-bad.txt:7: this heading has no text",
    ),
    "not UTF-8": (
        GOOD.encode() + b"\nCaf\xe9 culture.\n",
        "sources/zz-bad.txt:7: the file is not UTF-8 (byte 0xe9 at column 4)",
    ),
    "duplicate number": (
        GOOD.replace("## 3.", "## 7.").encode(),
        "sources/zz-bad.txt:1: principle 7 is already defined in sources/principle-07.txt:5",
    ),
    "no summary": (
        b"## 3. A title\n\n### Why\n\nText.\n",
        "sources/zz-bad.txt:1: the principle has no Summary section",
    ),
    "note marker without note": (
        GOOD.encode() + b"\nText with a note<sup>2</sup>.\n",
        "sources/zz-bad.txt:7: note marker <sup>2</sup> has no note",
    ),
    "text before first section": (
        b"## 3. A title\n\nStray text.\n\n### Summary\n\nText.\n",
        "sources/zz-bad.txt:3: text before the first section heading",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_source_stops_the_build(tmp_path, case):
    content, expected = CASES[case]
    project = copy_project(tmp_path)
    (project / "sources" / "zz-bad.txt").write_bytes(content)
    result = build(project)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "; " in result.stderr.split(expected, 1)[1].splitlines()[0], "the message says how to fix it"
    assert not (project / "site").exists(), "no half-written site"


def test_failed_build_leaves_an_earlier_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    assert build(project).returncode == 0
    before = sorted(p.relative_to(project) for p in (project / "site").rglob("*"))
    (project / "sources" / "zz-bad.txt").write_bytes(b"")
    assert build(project).returncode != 0
    assert sorted(p.relative_to(project) for p in (project / "site").rglob("*")) == before


def test_empty_sources_folder(tmp_path):
    project = copy_project(tmp_path, with_sources=False)
    result = build(project)
    assert result.returncode != 0
    assert "sources:1: no source documents (*.txt) in sources" in result.stderr
