"""For trainers: copy-link, short links, the published-links manifest, the trainers page, session
plans and printed handouts."""

from __future__ import annotations

import io
import json
import math
import re

import pytest
from helpers import ROOT, SOURCES, answer_key, build, copy_project, quiz_question, text_of
from playwright.sync_api import expect
from pypdf import PdfReader

from practice_site.errors import SourceError
from practice_site.learning.session_format import parse_sessions
from practice_site.pages.published_links import MANIFEST, check_manifest, collect_links, read_manifest, update_manifest

P4 = "principles/principle-4.html"


def project_with_manifest(tmp_path):
    project = copy_project(tmp_path)
    (project / MANIFEST).write_text((ROOT / MANIFEST).read_text(encoding="utf-8"), encoding="utf-8")
    return project


def rename_section(project) -> None:
    """Rename one published section of principle 4, and the quiz and session plan that point at it."""
    source = project / "sources" / "principle-04.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(*RENAMED), encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(
            "what-do-we-mean-by-strengths-based-approaches", "what-do-we-mean-by-a-strengths-based-approach"),
            encoding="utf-8")


# ---- Copy link to this section --------------------------------------------------------------


def test_copy_link_by_keyboard_is_announced(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/{P4}")
    name = "Copy link to this section: What do we mean by strengths-based approaches?"
    link = page.get_by_role("link", name=name)
    link.focus()
    expect(link).to_be_visible()  # shown on focus, though hidden until hover or focus
    page.keyboard.press("Enter")
    status = page.locator(".copy-link-status[role='status']")
    expect(status).to_have_text("Link to this section copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}/{P4}#what-do-we-mean-by-strengths-based-approaches"
    assert page.url.endswith("#what-do-we-mean-by-strengths-based-approaches")


def test_section_links_are_one_small_link_per_heading_not_buttons(page, site_url):
    page.goto(f"{site_url}/{P4}")
    headings = page.locator("article h2[id]")
    assert headings.count() > 5
    for index in range(headings.count()):
        heading = headings.nth(index)
        link = heading.locator("a.headerlink")
        assert link.count() == 1
        assert link.get_attribute("aria-label") == f"Copy link to this section: {heading.inner_text().rstrip('¶ ')}"
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, "a target of at least 24 by 24 pixels"
    assert page.locator("article button").filter(has_text="Copy link").count() == 0


def test_copy_link_from_file_selects_the_link_instead(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / P4).as_uri())
    page.get_by_role("link", name="Copy link to this section: Summary").click()
    box = page.get_by_role("textbox", name="Link to this section")
    expect(box).to_be_focused()
    expect(box).to_have_value((built_site / P4).as_uri() + "#summary")
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 20
    expect(page.locator(".copy-link-status")).to_contain_text("Link selected")
    context.close()


# ---- Short links --------------------------------------------------------------------------


@pytest.mark.parametrize("number", [4, 7])
def test_short_links_lead_to_the_module(page, site_url, number):
    page.goto(f"{site_url}/p{number}.html")
    page.wait_for_url(re.compile(rf"/principles/principle-{number}\.html$"))
    expect(page.locator("article h1")).to_contain_text(f"Practice Principle {number}:")


def test_short_links_work_from_file(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "p7.html").as_uri())
    page.wait_for_url(re.compile(r"principles/principle-7\.html$"))
    context.close()


# ---- The published-links manifest ---------------------------------------------------------------


def test_manifest_is_committed_and_matches_the_build(built_site):
    manifest = read_manifest(ROOT / MANIFEST)
    links = collect_links(built_site)
    assert check_manifest(manifest, links) == []
    # Everything already published is recorded in full; a principle added since (its page, and its
    # entry on the trainers' page) waits for 'make links', as the README's steps say.
    unrecorded_modules = {page.removeprefix("principles/").removesuffix(".html") for page in links
                          if page.startswith("principles/") and page not in manifest["pages"]}
    updated = update_manifest(manifest, links)
    for page, anchors in updated["pages"].items():
        if page.startswith("principles/") and page not in manifest["pages"]:
            continue
        missing = [a for a in anchors if a not in manifest["pages"].get(page, []) and a not in unrecorded_modules]
        assert missing == [], f"{page}: run 'make links' and commit published-links.json"
    assert "what-do-we-mean-by-strengths-based-approaches" in manifest["pages"][P4]


RENAMED = ("## What do we mean by strengths-based approaches?", "## What do we mean by a strengths-based approach?")


def test_renaming_a_published_section_fails_the_build(tmp_path):
    project = project_with_manifest(tmp_path)
    rename_section(project)
    result = build(project)
    assert result.returncode != 0
    assert (f"{MANIFEST}: {P4}#what-do-we-mean-by-strengths-based-approaches was published but this build "
            "does not have it") in result.stderr


def test_a_recorded_move_is_redirected(tmp_path, browser):
    project = project_with_manifest(tmp_path)
    rename_section(project)
    manifest = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    manifest["moved"] = {
        f"{P4}#what-do-we-mean-by-strengths-based-approaches": f"{P4}#what-do-we-mean-by-a-strengths-based-approach",
        "modules/strengths.html": P4,
    }
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / P4).as_uri() + "#what-do-we-mean-by-strengths-based-approaches")
    page.wait_for_url(re.compile(r"#what-do-we-mean-by-a-strengths-based-approach$"))
    page.goto((site / "modules" / "strengths.html").as_uri() + "#summary")
    page.wait_for_url(re.compile(r"principles/principle-4\.html#summary$"))
    context.close()


def test_a_move_to_nowhere_fails_the_build(tmp_path):
    project = project_with_manifest(tmp_path)
    manifest = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    manifest["moved"] = {"old.html": "principles/principle-9.html"}
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert '"moved" sends old.html to principles/principle-9.html, which this build does not have' in result.stderr


# ---- For trainers page ----------------------------------------------------------------------


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


# ---- Session plans ---------------------------------------------------------------------------


def test_example_session_plan_renders_an_agenda_with_working_links(built_site, page, site_url):
    html = (built_site / "sessions" / "workshop-90-minutes.html").read_text(encoding="utf-8")
    assert "<caption>Relationships and partnership: a 90-minute workshop</caption>" in html
    assert "90 minutes (1:30)" in html
    page.goto(f"{site_url}/sessions/workshop-90-minutes.html")
    link = page.get_by_role("link", name="Practice Principle 7: Approach parents and carers as partners: Summary")
    expect(link.locator("xpath=../../following-sibling::td")).to_have_text(re.compile(r"\d+ min"))
    link.click()
    page.wait_for_url(re.compile(r"principles/principle-7\.html#summary$"))


@pytest.mark.parametrize("line, message", [
    ("- 10 | principle-4#nowhere | Read", 'principle-4 has no section "#nowhere"'),
    ("- 10 | principle-9 | Read", 'there is no module "principle-9"'),
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


def test_session_parsing():
    (session,) = parse_sessions("/// session | T\n- 10 | Hello\n- 20 | principle-4#summary | Read\n///", "x.md")
    assert session.total == 30
    assert [(i.minutes, i.module, i.anchor, i.text, i.line) for i in session.items] == [
        (10, "", "", "Hello", 2), (20, "principle-4", "summary", "Read", 3)]
    with pytest.raises(SourceError, match="x.md:1: this session is never closed"):
        parse_sessions("/// session | T\n- 10 | Hello\n", "x.md")


# ---- Print -------------------------------------------------------------------------------------


def test_a_module_prints_as_a_clean_handout(page, site_url):
    page.goto(f"{site_url}/{P4}")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Practice Principle 4: Responses to child exploitation" in text
    assert "Being strengths-based and relationship-based means seeing a child" in text
    assert "Think of a child or young person you have worked with" in text, "reflective questions"
    assert "Research summary references" in text and "Trevithick, P. (2003)" in text
    assert "Check your understanding" in text, "the questions print"
    question = quiz_question(4, "p4-defined")
    assert " ".join(question.text.split()) in text
    assert all(" ".join(c.text.split()) in text for c in question.choices), "options print"
    for absent in ("Skip to content", "Table of contents", "Check answer", "Show the answer", "Copy link",
                   "Search", "The answer:", "Reread:", "Score", "The principle says the opposite",
                   "We corrected", "Not started", "Go to the questions"):
        assert absent not in text, absent
    assert "(https://dictionary.cambridge.org/dictionary/english/relationship)" not in text, "no doubled address"
    assert len(pdf.pages) > 3


def test_printed_links_show_their_address(page, site_url):
    page.goto(f"{site_url}/credits.html")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "MkDocs (https://www.mkdocs.org/)" in text
