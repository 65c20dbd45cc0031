"""The parts of make lms, without a build: links, package files, manifests, the quiz's pass mark."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from practice_site.errors import SourceError
from practice_site.learning.quiz_format import DEFAULT_PASS_MARK, parse_quiz_file
from practice_site.lms.package_files import OutsideFileError, page_files
from practice_site.lms.packages import description
from practice_site.lms.page_links import package_links
from practice_site.lms.scorm_manifest import PackageInfo, manifest_12, manifest_2004
from practice_site.sources.parse_principle import parse_principle

PAGE = "principles/principle-4.html"
CONTENT = (
    '<p>See <a href="principle-7.html" class="crosslink">Practice Principle 7</a>, '
    '<a href="#summary">the summary</a>, <a href="../bibliography.html#ref-a">A &amp; B (2020)</a>, '
    '<a href="https://example.org/report">a report</a> and <a href="principle-4.html#reflect">reflect</a>.</p>'
)


def test_links_to_other_site_pages_become_text_without_the_sites_address():
    out = package_links(CONTENT, PAGE, None)
    assert '<span class="crosslink">Practice Principle 7</span>' in out
    assert "<span>A &amp; B (2020)</span>" in out
    assert '<a href="#summary">the summary</a>' in out  # within the page: kept
    assert ('<a href="https://example.org/report" target="_blank" rel="noopener">a report'
            '<span class="visually-hidden"> (opens in a new tab)</span></a>') in out  # another site: a new tab
    assert '<a href="principle-4.html#reflect">reflect</a>' in out  # the page itself: kept
    assert "principle-7.html" not in out and "bibliography.html" not in out


def test_links_to_other_site_pages_open_the_published_site_in_a_new_tab():
    out = package_links(CONTENT, PAGE, "https://example.org/training/")
    assert ('<a href="https://example.org/training/principles/principle-7.html" class="crosslink" '
            'target="_blank" rel="noopener">Practice Principle 7'
            '<span class="visually-hidden"> (opens in a new tab)</span></a>') in out
    assert 'href="https://example.org/training/bibliography.html#ref-a"' in out
    assert '<a href="#summary">the summary</a>' in out


def test_link_attributes_stay_escaped():
    content = '<p><a href="other.html" title="&quot;&lt;x&gt;">x</a></p>'
    out = package_links(content, "index.html", None)
    assert out == '<p><span title="&quot;&lt;x&gt;">x</span></p>'


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def test_page_files_are_what_the_page_loads_and_what_its_stylesheets_load(tmp_path):
    write(tmp_path, PAGE, '<link rel="stylesheet" href="../css/a.css"><script src="../js/a.js"></script>'
          '<img src="data:image/png;base64,AAAA" alt=""><a href="../other.html">not loaded</a>')
    write(tmp_path, "css/a.css", 'body { background: url("../img/b.png") } i { background: url(data:x) }')
    write(tmp_path, "img/b.png", "png")
    write(tmp_path, "js/a.js", "")
    write(tmp_path, "other.html", "")
    assert page_files(PAGE, tmp_path) == ["css/a.css", "img/b.png", "js/a.js", PAGE]


@pytest.mark.parametrize("tag", [
    '<script src="https://cdn.example.org/x.js"></script>',
    '<link rel="stylesheet" href="//fonts.example.org/f.css">',
    '<img src="../missing.png" alt="">',
])
def test_a_page_that_loads_from_outside_is_refused(tmp_path, tag):
    write(tmp_path, PAGE, tag)
    with pytest.raises(OutsideFileError, match=PAGE):
        page_files(PAGE, tmp_path)


def test_the_description_is_the_first_summary_paragraph_from_the_model_without_note_markers():
    source = ["## 9. Responses to child exploitation and extra-familial harm must... be tested", "", "### Summary", "",
              "It means *seeing* a child<sup>1</sup> as a whole (Firmin, 2020) & [more] <b>.", "", "Second.", "",
              "### A section", "", "Text.", "", "<sup>1</sup> A note."]
    principle = parse_principle(source, "sources/principle-09.txt")
    assert description(principle) == "It means seeing a child as a whole (Firmin, 2020) & [more] <b>."


HOSTILE = 'Principle 9: <script>alert("x")</script> & ]]> “quotes”'


def info(pass_mark: int | None = 80) -> PackageInfo:
    return PackageInfo(identifier="practice-principle-9-scorm12", title=HOSTILE, description=HOSTILE + " 2",
                       language="en-GB", version="1.2.3", launch="principles/principle-9.html",
                       files=("principles/principle-9.html", "a b/c&d.css"), pass_mark=pass_mark)


@pytest.mark.parametrize("write_manifest", [manifest_12, manifest_2004])
def test_manifest_keeps_author_text_as_text(write_manifest):
    data = write_manifest(info())
    assert b"<script>" not in data
    root = ET.fromstring(data)
    texts = [el.text for el in root.iter() if el.text and el.text.strip()]
    assert HOSTILE in texts and HOSTILE + " 2" in texts
    assert {el.get("href") for el in root.iter() if el.tag.endswith("}file")} == set(info().files)


def test_pass_mark_goes_where_each_standard_puts_it():
    assert b"<adlcp:masteryscore>65</adlcp:masteryscore>" in manifest_12(info(65))
    assert b"<imsss:minNormalizedMeasure>0.65</imsss:minNormalizedMeasure>" in manifest_2004(info(65))
    assert b"masteryscore" not in manifest_12(info(None))
    assert b"sequencing" not in manifest_2004(info(None))


QUESTION = """/// quiz | Which?
    id: q-one
    section: summary

- [x] Right
    Because.
- [ ] Wrong
    Because not.
///
"""


def test_pass_mark_defaults_and_is_read_from_the_settings():
    assert parse_quiz_file(QUESTION, "q.md").pass_mark == DEFAULT_PASS_MARK == 80
    assert parse_quiz_file("---\npass_mark: 65%\n---\n" + QUESTION, "q.md").pass_mark == 65
    assert parse_quiz_file("---\npass mark: 100\n---\n" + QUESTION, "q.md").pass_mark == 100


@pytest.mark.parametrize(("text", "line", "words"), [
    ("---\npass_mark: 0%\n---\n", 2, "from 1% to 100%"),
    ("---\npass_mark: 101%\n---\n", 2, "from 1% to 100%"),
    ("---\npass_mark: most\n---\n", 2, "is not a pass mark"),
    ("---\n\ntime_limit: 10\n---\n", 3, "unknown setting"),
    ("---\npass_mark: 80%\n", 1, "never closed"),
    ("<!-- note -->\n---\npass_mark: 80%\n---\n", 2, "very top of the file"),
])
def test_a_bad_pass_mark_names_its_line(text, line, words):
    with pytest.raises(SourceError) as error:
        parse_quiz_file(text + QUESTION, "docs/quizzes/principle-9.md")
    assert f"docs/quizzes/principle-9.md:{line}:" in str(error.value)
    assert words in str(error.value)



@pytest.mark.parametrize("write_manifest", [manifest_12, manifest_2004])
def test_text_xml_cannot_carry_is_refused_not_written(write_manifest):
    bad = PackageInfo(**{**info().__dict__, "title": "A title with a vertical tab\x0b"})
    with pytest.raises(ValueError, match="U\\+000B"):
        write_manifest(bad)
