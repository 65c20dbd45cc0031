"""Every internal link resolves: the checker (tests/support/link_check.py) on a broken folder, then on the
real site and the offline copy.

This file: the parts that need no build and no browser (the rest are in tests/build/).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.link_check import check_folder, is_external, main, read_page


def write(folder: Path, name: str, html: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html lang="en-GB"><head><title>t</title></head><body>{html}</body></html>',
                    encoding="utf-8")


@pytest.fixture
def small_site(tmp_path) -> Path:
    """A tiny site whose links all work."""
    write(tmp_path, "index.html",
          '<h1 id="top">Home</h1><a href="sub/page.html#part-2">part 2</a> <a href="sub/">sub</a>'
          '<a href="#top">top</a> <a href="https://example.org/missing.html">out</a>'
          '<a href="mailto:a@example.org">mail</a> <img src="img/a%20b.png" alt="">'
          '<a href="sub/page.html?h=word#part-2">highlighted</a> <a name="legacy"></a>')
    write(tmp_path, "sub/index.html", '<a href="../index.html#legacy">back</a>')
    write(tmp_path, "sub/page.html",
          '<h2 id="part-2">Part 2</h2><link rel="stylesheet" href="../style.css">'
          '<script src="../app.js"></script><form action="../index.html"></form>'
          '<img srcset="../img/a%20b.png 1x, ../img/a%20b.png 2x" alt="">')
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a b.png").write_bytes(b"")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "app.js").write_text("", encoding="utf-8")
    return tmp_path


def test_a_working_folder_has_no_problems(small_site):
    assert check_folder(small_site) == []
    assert main([str(small_site)]) == 0


def test_catches_a_missing_file(small_site):
    write(small_site, "sub/other.html", '<a href="../gone.html">gone</a><script src="missing.js"></script>')
    problems = check_folder(small_site)
    assert [(p.page, p.tag, p.address, p.reason) for p in problems] == [
        ("sub/other.html", "a", "../gone.html", "no such file: gone.html"),
        ("sub/other.html", "script", "missing.js", "no such file: sub/missing.js"),
    ]
    assert main([str(small_site)]) == 1


def test_catches_a_missing_anchor(small_site):
    write(small_site, "extra.html", '<a href="sub/page.html#part-3">3</a> <a href="#nowhere">x</a>')
    problems = check_folder(small_site)
    assert [(p.page, p.address, p.reason) for p in problems] == [
        ("extra.html", "sub/page.html#part-3", "no id or name 'part-3' in sub/page.html"),
        ("extra.html", "#nowhere", "no id or name 'nowhere' in this page"),
    ]


def test_catches_root_absolute_and_escaping_links(small_site):
    write(small_site, "extra.html", '<link rel="icon" href="/img/a.png"><a href="../../etc/passwd">x</a>'
                                    '<meta http-equiv="refresh" content="0; url=nowhere.html">')
    reasons = [p.reason for p in check_folder(small_site)]
    assert reasons[0].startswith("root-absolute address")
    assert reasons[1:] == ["leads outside the site folder", "no such file: nowhere.html"]


def test_reads_markup_not_text():
    page = read_page('<p>href="missing.html"</p><script>var a = "<a href=\'x.html\'>";</script>'
                     '<a href="y.html#z" id="me">y</a>')
    assert [r.address for r in page.references] == ["y.html#z"]
    assert page.anchors == {"me"}
    assert is_external("https://example.org") and is_external("//cdn.example.org/x.js")
    assert not is_external("page.html") and not is_external("#top")
