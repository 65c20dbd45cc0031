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
    "NUL character": (
        GOOD.encode() + b"\nText with a NUL\x00 in it.\n",
        "sources/zz-bad.txt:7: a NUL character (U+0000) at column 16",
    ),
    "form feed from a PDF": (
        GOOD.encode().replace(b"A summary.", b"A sum\x0cmary."),
        "sources/zz-bad.txt:5: a form feed (page break) character (U+000C) at column 6",
    ),
    "NUL on a CRLF line": (
        GOOD.replace("\n", "\r\n").encode() + b"\r\nBad\x00\r\n",
        "sources/zz-bad.txt:7: a NUL character (U+0000) at column 4",
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


def test_a_link_to_a_file_outside_sources_is_refused(tmp_path):
    project = copy_project(tmp_path)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD, encoding="utf-8")
    (project / "sources" / "zz-link.txt").symlink_to(outside)
    result = build(project)
    assert result.returncode != 0
    expected = ("sources/zz-link.txt:1: this file is a link to a place outside sources/; "
                "copy the file into sources/ instead")
    assert expected in result.stderr
    assert not (project / "site").exists()


def test_a_file_that_is_not_txt_is_reported_not_ignored(tmp_path):
    project = copy_project(tmp_path)
    (project / "sources" / "principle-97.md").write_text(GOOD, encoding="utf-8")
    (project / "sources" / ".gitkeep").write_text("", encoding="utf-8")
    result = build(project)
    assert "WARNING -  practice_site: sources/principle-97.md: not a .txt file, so not read" in result.stderr
    assert ".gitkeep" not in result.stderr
    assert result.returncode != 0, "a warning stops the strict build, so the editor renames the file"


def test_a_readme_beside_the_sources_is_noted_not_read(tmp_path):
    project = copy_project(tmp_path)
    (project / "sources" / "README.md").write_text("# Source documents\n", encoding="utf-8")
    (project / "sources" / "README.txt").write_text("Notes about the sources.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "INFO    -  practice_site: sources/README.md: a note about the sources, not a principle" in result.stderr


def test_crlf_and_a_byte_order_mark_are_read_as_lines(tmp_path):
    project = copy_project(tmp_path)
    text = GOOD.replace("## 3. ", "## 97. ") + "\nA paragraph cut by\n\na page break.\n\n### Why\n\nMore text.\n"
    (project / "sources" / "zz-crlf.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "sources/zz-crlf.txt:9: paragraph cut by a page break after line 7; joined" in result.stderr
    page = (project / "site" / "principles" / "principle-97.html").read_text(encoding="utf-8")
    assert "A paragraph cut by a page break." in page and "\r" not in page and "\ufeff" not in page
