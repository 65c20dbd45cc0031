"""What the block extensions' HTML must hold, whatever its exact form: every input labelled, nothing chosen for
the learner, author text kept as text, answers in the file's order, start times that add up.

The exact HTML of each block, and the blocks where they cannot go, are in tests/extensions/ (Markdown in, HTML
out, as pymdown-extensions tests its blocks)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown

from practice_site.learning.quiz_format import parse_quiz_file
from practice_site.learning.session_format import parse_sessions

QUIZ_FILE = """\
/// quiz | Which <b>two</b> are named?
    id: q-two
    type: multiple
    section: why

- [x] The first <script>x</script>
    The text names it.
- [ ] A plausible wrong one
    Not named.
- [x] The second
    Also named.
///

/// reflection | What would you do <i>differently</i>?
    id: r-one
///
"""

SESSION = """\
/// session | A <em>short</em> session
- 10 | Welcome <b>all</b>.
- 15 | principle-9#why | Read the section.
- 5 | principle-9 | Skim the module.
///
"""
CATALOGUE = {"principle-9": {"title": "Practice Principle 9: A title", "uri": "principles/principle-9.md",
                             "minutes": 12, "sections": {"why": {"title": "Why it matters", "minutes": 4}}}}


def tree(html: str) -> etree.Element:
    """The HTML as a tree (the blocks write well-formed XHTML-style markup)."""
    return etree.fromstring(f"<root>{html.replace('<br>', '<br/>')}</root>")


PAGE = """\
## Why it matters {#why}

<div data-module-questions="principle-9" markdown="1"></div>

<div data-module-reflections="principle-9" markdown="1"></div>
"""


def quiz_html(page: str = PAGE) -> str:
    """The module's markers rendered from its quiz file as parsed once."""
    quiz = parse_quiz_file(QUIZ_FILE, "docs/quizzes/principle-9.md")
    configs = {"practice_site.learning.quiz_extension": {"quizzes": {"principle-9": quiz}}}
    return markdown.markdown(page, extensions=["toc", "attr_list", "md_in_html",
                                               "practice_site.learning.quiz_extension"], extension_configs=configs)


def test_a_quiz_block_is_a_form_with_a_fieldset_a_legend_and_native_inputs() -> None:
    form = tree(quiz_html()).find(".//form[@id='question-q-two']")
    assert form is not None and form.get("data-kind") == "multiple"
    legend = form.find("fieldset/legend")
    assert legend is not None and legend.text == "Which <b>two</b> are named?"  # text, never markup
    inputs = form.findall(".//input")
    assert {i.get("type") for i in inputs} == {"checkbox"} and {i.get("name") for i in inputs} == {"q-two"}
    assert not any(i.get("checked") for i in inputs)  # nothing chosen for the learner
    labels = {label.get("for"): label.text for label in form.iter("label")}
    assert all(labels.get(i.get("id")) for i in inputs)  # every input has its label
    assert "The first <script>x</script>" in labels.values()
    assert sorted(form.get("data-correct").split()) == ["a", "c"]  # in the file's order, whatever is shown
    assert form.find(".//button[@type='submit']").text == "Check answer"


def test_the_answer_and_feedback_are_in_a_details_that_names_the_section_to_reread() -> None:
    reveal = tree(quiz_html()).find(".//details[@class='quiz-reveal']")
    assert reveal.find("summary").text == "Show the answer"
    assert reveal.find("p").text == "The answers: The first <script>x</script>; The second."
    feedback = [span.text for span in reveal.iter("span") if span.get("class") == "quiz-reveal-feedback"]
    assert sorted(feedback) == sorted(["The text names it.", "Not named.", "Also named."])
    reread = reveal.find(".//a[@class='quiz-reread']")
    assert reread.get("href") == "#why" and reread.text == "Reread: Why it matters"


def test_a_reflection_block_is_a_labelled_private_notes_box() -> None:
    box = tree(quiz_html()).find(".//div[@data-reflection='r-one']")
    label, area = box.find("label"), box.find("textarea")
    assert label.text == "What would you do <i>differently</i>?" and label.get("for") == area.get("id")
    hint, safety = box.findall("p")
    assert area.get("aria-describedby").split() == [hint.get("id"), safety.get("id")]
    assert safety.text == "Do not write names or details that could identify a child, family or colleague."


def session_html(page: str) -> str:
    """The page's session blocks rendered from the sessions parsed once, as the plugin hands them over."""
    sessions = tuple(parse_sessions(page, "docs/sessions/x.md"))
    configs = {"practice_site.learning.session_extension": {"catalogue": CATALOGUE, "sessions": sessions}}
    return markdown.markdown(page, extensions=["practice_site.learning.session_extension"], extension_configs=configs)


def test_a_session_block_is_an_agenda_table_with_links_relative_to_the_sessions_folder() -> None:
    html = session_html(SESSION + "\nBetween the two.\n\n" + SESSION.replace("A <em>short</em>", "A second"))
    table, second = tree(html).findall(".//table[@class='session-table']")
    assert second.find("caption").text == "A second session"  # each block renders its own session, in order
    assert table.find("caption").text == "A <em>short</em> session"
    rows = table.findall("tbody/tr")
    assert [r.find("td").text for r in rows] == ["0:00", "0:10", "0:25"]  # start times add up
    assert rows[0].findall("td")[2].find("p").text == "Welcome <b>all</b>."
    link = rows[1].find(".//a")
    assert link.get("href") == "../principles/principle-9.md#why"
    assert link.text == "Practice Principle 9: A title: Why it matters"
    assert rows[1].findall("td")[3].text == "4 min" and rows[2].findall("td")[3].text == "12 min"
    assert table.find("tfoot/tr/td").text == "30 minutes (0:30)"
    for cell in table.iter("td"):  # each cell names its column header
        assert cell.get("headers")
