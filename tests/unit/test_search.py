"""Search in Chromium: phrases, every word required, references under their module, module text first.

The queries are drawn from the principles' own text. Each names the page and section a trainer
would expect first; they are phrases that occur in one place, so they hold as principles are added.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT
from support.search import EXPECTED

from practice_site.pages.search_index import module_references, plain_text, search_copy, site_index


def test_there_are_at_least_twenty_queries():
    assert len(EXPECTED) >= 20


def test_index_text_is_plain():
    assert plain_text("<p>Beckett &amp; Lloyd</p><p>Growing <em>pains</em></p>") == "Beckett & Lloyd Growing pains"


def test_reference_entries_come_from_the_model_with_their_heading():
    (entry,) = module_references("Research summary references", [("a2020", "A, B. (2020). <em>Title</em>.")])
    assert (entry.anchor, entry.section) == ("ref-a2020", "Research summary references")
    assert entry.text == "A, B. (2020). Title."


def test_index_adds_references_under_their_module_and_weights_pages():
    index = {"config": {}, "docs": [
        {"location": "m.html", "title": "Module", "text": ""},
        {"location": "m.html#s", "title": "S", "text": "<p>x</p>"},
        {"location": "bibliography.html", "title": "Bibliography", "text": ""},
    ]}
    refs = {"m.html": module_references("Refs", [("k", "K. (2001).")])}
    docs = site_index(index, refs, {"bibliography.html": 0.3})["docs"]
    assert [d["location"] for d in docs] == ["m.html", "m.html#s", "m.html#ref-k", "bibliography.html"]
    assert docs[-1]["boost"] == 0.3 and docs[2]["boost"] < 1 and "boost" not in docs[1]


WORKER = ROOT / "docs" / "javascripts" / "search-worker.js"


SMALL_INDEX = {"config": {}, "docs": [
    {"location": "m.html", "title": "Module", "text": ""},
    {"location": "m.html#a", "title": "Boys and agencies", "text": "The boy met the agency. Partnerships with carers."},
    {"location": "m.html#b", "title": "Cafe\u0301", "text": "A partner in the Straße. Young people and families."},
    {"location": "bibliography.html", "title": "Bibliography", "text": "", "boost": 0.3, "tier": 1},
    {"location": "bibliography.html#c", "title": "Corrections",
     "text": "Young people and families. Young people and families.", "boost": 0.3, "tier": 1},
]}


def ask(tmp_path: Path, *queries: str) -> list[dict]:
    """The worker's answers to ``queries`` over SMALL_INDEX."""
    index = tmp_path / "index.json"
    index.write_text(json.dumps(SMALL_INDEX), encoding="utf-8")
    run = subprocess.run(["node", str(Path(__file__).parents[1] / "search" / "run-worker.cjs"), str(WORKER),
                          str(index), *queries], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def locations(answer: dict) -> list[str]:
    return [item["location"] for group in answer["items"] for item in group if item["score"] > 0]


def test_worker_plurals_accents_and_quotes(tmp_path):
    boys, agencies, strasse, cafe, curly, quoted, unquoted = ask(
        tmp_path, "boys", "agencies", "strasse", "cafe", "“people young”", '"partner"', "partner")
    assert locations(boys) == ["m.html#a"] and "<mark>boy</mark>" in boys["items"][0][0]["text"]
    assert "<mark>agency</mark>" in agencies["items"][0][0]["text"]
    assert locations(strasse) == ["m.html#b"]
    assert "<mark>Cafe\u0301</mark>" in cafe["items"][0][0]["title"], "the accent stays inside the mark"
    assert curly["items"] == [], "curly quotes make a phrase too"
    assert locations(quoted) == ["m.html#b"], "a quoted word finds that word, not longer ones"
    assert set(locations(unquoted)) == {"m.html#a", "m.html#b"}


def test_worker_puts_the_bibliography_last_and_marks_no_small_words(tmp_path):
    (answer,) = ask(tmp_path, "young people and families")
    pages = [group[0]["location"].split("#")[0] for group in answer["items"]]
    assert pages == ["m.html", "bibliography.html"], "the Bibliography's better score does not put it first"
    assert set(answer["items"][0][0]["terms"]) == {"young", "people", "families"}


def test_worker_escapes_what_it_returns(tmp_path):
    (answer,) = ask(tmp_path, "<b>boys</b>")
    assert answer["items"] == [] or "<b>" not in json.dumps(answer)


LAZY = r"""
const fs = require("fs"), vm = require("vm");
let handler = null, calls = 0;
const answers = [];
const context = {
  addEventListener: (type, listener) => { if (type === "message") handler = listener; },
  postMessage: message => answers.push(message),
  self: { location: { href: "http://site.example/javascripts/search-worker.js" } },
  URL,
  fetch: url => {
    calls += 1;
    if (calls === 1) return Promise.reject(new Error("offline for a moment"));
    return Promise.resolve({ ok: true, json: () => Promise.resolve(JSON.parse(process.argv[2])) });
  },
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
handler({ data: { type: 0, data: { config: {}, docs: [] } } });
handler({ data: { type: 2, data: "" } });
setTimeout(() => {
  handler({ data: { type: 2, data: "carers" } });
  setTimeout(() => {
    handler({ data: { type: 2, data: "carers" } });
    setTimeout(() => console.log(JSON.stringify({ calls, answers: answers.map(a => a.data) })), 20);
  }, 20);
}, 20);
"""


def test_the_worker_fetches_the_documents_on_the_first_search_and_again_after_a_failure():
    """An empty query needs no documents; a failed fetch answers nothing and the next search fetches again."""
    run = subprocess.run(["node", "-e", LAZY, str(WORKER), json.dumps(SMALL_INDEX)], capture_output=True,
                         text=True, check=True)
    found = json.loads(run.stdout)
    assert found["calls"] == 2
    ready, empty, failed, answered = found["answers"]
    assert ready is None and empty == {"items": []} and failed == {"items": []}
    assert answered["items"] and answered["items"][0][0]["location"].startswith("m.html")


def material_sections(content: str) -> list[tuple[str | None, str, str]] | str:
    """The sections Material's search indexes from ``content`` (id, title and text), or the error it raises."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    try:
        parser.feed(content)
        parser.close()
    except ValueError as error:
        return f"ValueError: {error}"
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data if not s.is_excluded()]


SEARCH_COPIES = [  # (content, whether search_copy may leave something out)
    ('<h1 id="t">T</h1><p>intro</p><h2 data-search-exclude="" id="quiz">Q</h2><form><p>a</p><input name="x">'
     '</form><h2 id="next">N</h2><p>kept</p>', True),
    ('<h2 id="a">A</h2><p>x</p><h2 data-module="m" data-search-exclude="" id="refs">R</h2><ul><li>r</li></ul>', True),
    ('<h2 data-search-exclude="" id="x">X</h2><div><p>a</p><h3 id="inner">I</h3><p>b</p></div><h2 id="y">Y</h2>',
     False),  # the next heading is inside the section's own element: it starts a section of its own
    ('<div><h2 data-search-exclude="" id="x">X</h2><p>a</p></div><h2 id="y">Y</h2><p>b</p>', False),
    ('<h2 data-search-exclude="">No id</h2><p>still in the section before</p><h2 id="y">Y</h2>', False),
    ('<h2 data-search-exclude="" id="x">X</h2><p title="<h2 id=z>">a</p><h2 id="y">Y</h2>', False),
    ('<h2 id="a">A</h2><p data-search-exclude="">hidden element</p><p>shown</p>', False),
    ('<h2 data-search-exclude="" id="x">X</h2><p>a<br>b</p><h2 data-search-exclude="" id="z">Z</h2><p>c</p>'
     '<h2 id="y">Y</h2><p>d</p>', True),
    # Found in review: the words "data-search-exclude" in a value; a heading inside a skipped element (Material's
    # parser tells elements apart by name only, so the inner <div> would end the skipping); an element named as
    # the skipped one it is inside, within the cut; a section Material cannot read; an attribute Material takes
    # out after reading the page.
    ('<h2 id="a" title="x data-search-exclude y">A</h2><p>secret</p><h2 id="b">B</h2>', False),
    ('<div data-search-exclude=""><h2 data-search-exclude="" id="a">A</h2><div>x</div><h2 id="b">B</h2><p>y</p>'
     '</div>', False),
    ('<h2 data-search-exclude="" id="a">A</h2><div data-search-exclude=""><p>p</p><div>x</div><p>q</p></div>'
     '<h2 id="b">B</h2><p>y</p>', True),
    ('<h2 data-search-exclude="" id="a">A</h2><div class="linenodiv"><ol><div></div></ol></div><h2 id="b">B</h2>'
     '<p>y</p>', True),
    ('<h2 data-search-exclude="" id="a">A</h2><p data-search-note="kept">t</p><h2 id="b">B</h2><p>y</p>', False),
    ('<h2 data-search-exclude="" id="a">A</h2><div data-search-exclude=""><p>p</p></div><ul><li>q</li></ul>'
     '<h2 id="b">B</h2><p>y</p>', True),
]


@pytest.mark.parametrize(("content", "shorter"), SEARCH_COPIES)
def test_search_reads_a_copy_without_the_sections_it_leaves_out_and_indexes_the_same(content: str,
                                                                                       shorter: bool) -> None:
    copy = search_copy(content)
    whole = material_sections(content)
    if isinstance(whole, str):  # Material fails on an excluded section's own body: the copy is indexed
        assert whole.startswith("ValueError") and not isinstance(material_sections(copy), str)
    else:
        assert material_sections(copy) == whole
    assert (len(copy) < len(content)) == shorter, copy
    assert "kept" in copy if "kept" in content else True


def test_the_search_copy_of_a_module_page_leaves_out_its_questions_and_reference_list():
    from practice_site.pages.sanitise import clean_content

    content = clean_content(
        '<h1 id="p">Practice Principle 9</h1><h2 id="summary">Summary</h2><p>Words of the principle.</p>'
        '<h2 data-search-exclude="" id="check-your-understanding">Check your understanding</h2>'
        '<form class="quiz-question" id="question-p9-q1"><fieldset><legend>Which?</legend>'
        '<input type="radio" name="p9-q1" value="a"><label>An option</label></fieldset>'
        '<details><summary>Show the answer</summary><p>The answer: an option.</p></details></form>'
        '<h2 id="reflect">Reflect</h2><p>Think.</p>'
        '<h2 data-search-exclude="" id="references">References</h2><p class="reference">Ruch, G. (2020).</p>')
    copy = search_copy(content)
    assert "Which?" not in copy and "Ruch" not in copy and "Words of the principle." in copy and "Think." in copy
    assert material_sections(copy) == material_sections(content)


def test_a_heading_end_tag_written_otherwise_leaves_the_page_whole():
    content = '<h2 data-search-exclude="" id="x">X</h2 class="odd"><p>a</p><h2 id="y">Y</h2>'
    assert search_copy(content) == content
