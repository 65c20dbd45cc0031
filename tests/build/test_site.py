"""The built site: every word kept in order, headings, navigation, home and credits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, SOURCES, build, copy_project, text_of, words

from practice_site.sources.load_principles import load_principles

TAKEN = {p.number for p in load_principles(ROOT / "sources", ROOT)}

MODULES = {4: "principle-04.txt", 7: "principle-07.txt"}
FOOTER_WORDS = ["Granary", "Dartington", "Registered", "researchIP", "Elmhist"]


CITATION_GROUP = re.compile(r"\([^()]*?(?:\b\d{4}\b|\bn\.d\b\.?)[^()]*\)")


def source_words(name: str) -> list[str]:
    """The words of a source a reader should see, in order, worked out independently of the parser.

    Left out: the publisher's footer (after the last ``---``), link targets written twice, HTML
    tags, the label of a note (its number is the footnote list's own numbering), the in-text
    citations and the reference entries (both are re-formatted in APA style: see
    test_citations_site.py), and so the page-break duplicate of a reference.
    """
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    last_rule = max(i for i, line in enumerate(lines) if line.strip() == "---")
    kept, in_references = [], False
    for line in lines[:last_rule]:
        if line.startswith("#"):
            in_references = in_references or "references" in line.lower()
        elif in_references and line.strip():
            continue
        line = re.sub(r"^<sup>\w+</sup>", "", line)
        line = CITATION_GROUP.sub(" ", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        line = re.sub(r"</?\w+>", " ", line)
        kept.extend(words(line))
    return kept


def module_html(site: Path, number: int) -> str:
    return (site / "principles" / f"principle-{number}.html").read_text(encoding="utf-8")


def missing_in_order(expected: list[str], found: list[str]) -> list[str]:
    """The expected words that are not found in order (empty when nothing is lost)."""
    position, missing = 0, []
    for word in expected:
        try:
            position = found.index(word, position) + 1
        except ValueError:
            missing.append(word)
    return missing


@pytest.mark.parametrize("number", MODULES)
def test_every_word_of_the_source_is_on_the_module_page_in_order(built_site, number):
    expected = source_words(MODULES[number])
    found = words(text_of(module_html(built_site, number)))
    assert len(expected) > 1200
    assert missing_in_order(expected, found) == []


def test_the_word_check_notices_a_lost_word(built_site):
    found = words(text_of(module_html(built_site, 4)))
    expected = source_words(MODULES[4])
    damaged = found[:100] + found[101:]
    assert missing_in_order(expected, damaged) != []


@pytest.mark.parametrize("number", MODULES)
def test_footer_is_not_in_any_module(built_site, number):
    article = text_of(module_html(built_site, number))
    assert not any(word in article for word in FOOTER_WORDS)


def test_footer_is_shown_once_on_the_credits_page(built_site):
    credits = text_of((built_site / "credits.html").read_text(encoding="utf-8"))
    for word in FOOTER_WORDS:
        assert credits.count(word) >= 1
    assert credits.count("The Granary Dartington Hall") == 1
    assert credits.count("@researchIP") == 1


@pytest.mark.parametrize("number", MODULES)
def test_one_heading_hierarchy(built_site, number):
    html = text_and_headings = module_html(built_site, number)
    article = html[html.index("<article"): html.index("</article>")]
    levels = [int(m) for m in re.findall(r"<h([1-6])[ >]", article)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert set(levels[1:]) == {2}
    assert "**" not in text_of(text_and_headings)


@pytest.mark.parametrize("number", MODULES)
def test_module_opens_with_its_summary(built_site, number):
    html = module_html(built_site, number)
    article = html[html.index("<article"):]
    first_h2 = re.search(r"<h2 id=\"([^\"]+)\"", article)
    assert first_h2.group(1) == "summary"


def test_pinned_anchors_are_in_the_built_pages(built_site):
    from support.anchors import PINNED_ANCHORS

    for number, anchors in PINNED_ANCHORS.items():
        html = module_html(built_site, number)
        for anchor in anchors + ["research-summary-references"]:
            assert f'id="{anchor}"' in html


def test_footnote_is_a_real_footnote_with_a_back_link(built_site):
    html = module_html(built_site, 4)
    assert '<a class="footnote-ref" href="#fn:1">1</a>' in html
    assert 'class="footnote-backref" href="#fnref:1"' in html
    assert html.index('id="fn:1"') < html.index('id="research-summary-references"')


def test_escaped_underscore_shows_as_an_underscore(built_site):
    article = text_of(module_html(built_site, 4))
    assert "uob_syrc_learningfromexpertsreport_full-report.pdf" in article
    assert "\\_" not in article and "\\" not in article


def test_page_language_and_navigation(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in home
    nav = text_of(home, "nav", "md-nav--primary")
    assert "4. Strengths-based and relationship-based" in nav
    assert "7. Approach parents and carers as partners" in nav
    assert nav.index("4. Strengths") < nav.index("7. Approach")
    assert 'href="principles/principle-4.html"' in home


def test_home_page_explains_the_site(built_site):
    home = text_of((built_site / "index.html").read_text(encoding="utf-8"))
    for phrase in ("Who this site is for", "Read", "Check your understanding", "Reflect",
                   "Practice Principle 4: Strengths-based and relationship-based",
                   "Practice Principle 7: Approach parents and carers as partners"):
        assert phrase in home


def test_search_index_has_the_sections(built_site):
    index = (built_site / "search" / "search-data.json").read_text(encoding="utf-8")
    assert "principles/principle-4.html#what-do-we-mean-by-strengths-based-approaches" in index


def test_no_third_party_requests_in_pages(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r"(?:src|href)=\"(?:https?:)?//", tag), f"{page.name}: {tag}"


def test_unresolved_cross_references_print_one_info_line_each(build_log):
    lines = [line for line in build_log.splitlines() if "no module yet" in line]
    assert len(lines) == len(set(lines))
    missing = [n for n in (1, 3) if n not in TAKEN]
    found = [line for line in lines if 'principle-04.txt:27: "Practice Principles 1 and 3"' in line]
    if missing:
        assert found == [found[0]] and found[0].endswith(
            f"no module yet for principle {', '.join(map(str, missing))}; kept as plain text")
    else:
        assert found == []
    assert "WARNING" not in build_log


def test_cross_references_link_to_modules_that_exist(tmp_path):
    project = copy_project(tmp_path)
    for principle in load_principles(project / "sources", project):
        if principle.number == 3:  # the project's own principle 3, if it has one, gives way to the test's
            (project / principle.path).unlink()
    (project / "sources" / "principle-03.txt").write_text(
        "## 3. Responses to child exploitation and extra-familial harm must... be a test principle\n\n"
        "### Summary\n\nA short summary that mentions Practice Principle 4.\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    p4 = module_html(site, 4)
    assert 'Practice Principles 1 and <a href="principle-3.html">3</a>' in p4
    p7 = module_html(site, 7)
    assert 'as set out in <a href="principle-3.html">Practice Principle 3</a>' in p7
    p3 = module_html(site, 3)
    assert '<a href="principle-4.html">Practice Principle 4</a>' in p3
    assert "principle 3;" not in result.stderr
    assert ("no module yet for principle 1;" in result.stderr) == (1 not in TAKEN)
    nav = text_of((site / "index.html").read_text(encoding="utf-8"), "nav", "md-nav--primary")
    assert nav.index("3. A test principle") < nav.index("4. Strengths")


def test_no_page_repeats_an_id(built_site):
    for page in built_site.rglob("*.html"):
        ids = re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8"))
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        assert repeated == [], f"{page.relative_to(built_site)}: {repeated}"


DEVELOPER_WORDS = re.compile(
    r"\bmake (?:site|test|bundle|bib|links|cite-report|serve|bench|lms|quiz-report)\b|README|\bmkdocs\b|"
    r"\b(?:docs|sources|bib|scripts|overrides)/|\.(?:md|py|tsv|bib|yml)\b|localStorage"
)


def test_pages_speak_to_learners_and_trainers(built_site):
    """No make commands, project files or internal names in what any page shows."""
    for page in built_site.rglob("*.html"):
        shown = text_of(page.read_text(encoding="utf-8"))
        found = DEVELOPER_WORDS.findall(shown)
        assert found == [], f"{page.relative_to(built_site)}: {found}"
