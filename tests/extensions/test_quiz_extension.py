"""practice_site.learning.quiz_extension: a module page's markers become its questions and reflections, from
its quiz file parsed once (learning.quiz_format). Markdown in, exact HTML out, with the parsed quiz files the
plugin hands the extension once a build; then ``/// quiz`` and ``/// reflection`` blocks, which stop a build
wherever a page holds them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from support.markdown_cases import assert_renders, renders

from practice_site.learning.block_placement import PageSource
from practice_site.learning.quiz_format import parse_quiz_file

QUIZ = "practice_site.learning.quiz_extension"
EXTENSIONS = ["toc", "attr_list", "admonition", "md_in_html", QUIZ]
ALONE = ["md_in_html", QUIZ]
QUESTIONS = '<div data-module-questions="principle-4" markdown="1"></div>'
REFLECTIONS = '<div data-module-reflections="principle-4" markdown="1"></div>'
TOC = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}
QUIZ_FILE = """\
/// quiz | What does the summary say being relationship-based means?
    id: p4-meaning
    type: single
    section: summary

- [x] Seeing a young person as a whole, with their strengths
    The summary says it means this, "rather than just seeing them as at risk".
- [ ] Assessing the risks first, and the strengths later
    The summary asks safeguarding to move "beyond a focus on risk".
///

/// quiz | In which two respects are relationships of benefit?
    id: p4-two-respects
    type: multiple
    section: what-do-we-mean

- [x] Between professionals and young people
    This is the first of the two respects.
- [ ] Between the managers of agencies
    The principle does not name these.
- [x] Within families and communities
    This is the second.
///

/// quiz | Is "5 < 6 & 7 > 6" a <b>bold</b> claim?
    id: p4-text
    type: single
    section: summary

- [x] It is <script>alert("x")</script> & more
    Shown <i>as text</i> & "quoted".
- [ ] It isn't
    Not <em>so</em>.
///

/// reflection | What would you do differently in your own practice?
    id: p4-practice
///

/// reflection | What do "<i>care</i>" & 'trust' < mean to you?
    id: p4-text-notes
///
"""
PARSED = parse_quiz_file(QUIZ_FILE, "docs/quizzes/principle-4.md")


def module_page(*ids: str, **more) -> dict:
    """The configuration the plugin hands the extension: each module's parsed quiz file (here principle 4's,
    with only the questions and reflections named by ``ids``, if any are named)."""
    quiz = replace(PARSED, questions=tuple(q for q in PARSED.questions if not ids or q.id in ids),
                   reflections=tuple(r for r in PARSED.reflections if not ids or r.id in ids))
    return {QUIZ: {"quizzes": {"principle-4": quiz}, **more}, **TOC}


# The markers as the module page writes them (learning/module_learning.py).


def test_a_single_choice_question_is_a_form_of_radios_with_its_answer_in_a_details() -> None:
    """Options in a shuffled order that keeps each its letter; nothing chosen; buttons hidden until learning.js."""
    assert_renders(
        QUESTIONS,
        """
        <form class="quiz-question" data-correct="a" data-kind="single" data-question="p4-meaning" id="question-p4-meaning" novalidate="novalidate">
        <fieldset aria-describedby="p4-meaning-hint" class="quiz-fieldset">
        <legend class="quiz-legend">What does the summary say being relationship-based means?</legend>
        <p class="quiz-hint" id="p4-meaning-hint">Select one option</p>
        <p class="quiz-error" hidden="hidden" id="p4-meaning-error"></p>
        <div class="quiz-options">
        <div class="quiz-option" data-value="b"><input id="p4-meaning-b" name="p4-meaning" type="radio" value="b" /><label class="quiz-label" for="p4-meaning-b">Assessing the risks first, and the strengths later</label></div>
        <div class="quiz-option" data-value="a"><input id="p4-meaning-a" name="p4-meaning" type="radio" value="a" /><label class="quiz-label" for="p4-meaning-a">Seeing a young person as a whole, with their strengths</label></div>
        </div>
        </fieldset>
        <div class="quiz-actions"><button class="md-button md-button--primary quiz-check" hidden="hidden" type="submit">Check answer</button><button class="md-button quiz-retry" hidden="hidden" type="button">Try again</button></div>
        <div aria-live="polite" class="quiz-feedback" role="status"></div>
        <details class="quiz-reveal">
        <summary>Show the answer</summary>
        <p>The answer: Seeing a young person as a whole, with their strengths.</p>
        <ul>
        <li data-value="b"><span class="quiz-reveal-option">Assessing the risks first, and the strengths later</span> – <span class="quiz-reveal-feedback">The summary asks safeguarding to move "beyond a focus on risk".</span></li>
        <li data-value="a"><span class="quiz-reveal-option">Seeing a young person as a whole, with their strengths</span> – <span class="quiz-reveal-feedback">The summary says it means this, "rather than just seeing them as at risk".</span></li>
        </ul>
        <p><a class="quiz-reread" href="#summary">Reread this section</a></p>
        </details>
        </form>
        """,  # noqa: E501
        ALONE, module_page("p4-meaning"))


def test_a_multiple_choice_question_has_checkboxes_and_names_every_answer() -> None:
    """``data-correct`` lists the answers' letters in the file's order, whatever order the options are shown in."""
    assert_renders(
        QUESTIONS,
        """
        <form class="quiz-question" data-correct="a c" data-kind="multiple" data-question="p4-two-respects" id="question-p4-two-respects" novalidate="novalidate">
        <fieldset aria-describedby="p4-two-respects-hint" class="quiz-fieldset">
        <legend class="quiz-legend">In which two respects are relationships of benefit?</legend>
        <p class="quiz-hint" id="p4-two-respects-hint">Select all that apply</p>
        <p class="quiz-error" hidden="hidden" id="p4-two-respects-error"></p>
        <div class="quiz-options">
        <div class="quiz-option" data-value="c"><input id="p4-two-respects-c" name="p4-two-respects" type="checkbox" value="c" /><label class="quiz-label" for="p4-two-respects-c">Within families and communities</label></div>
        <div class="quiz-option" data-value="b"><input id="p4-two-respects-b" name="p4-two-respects" type="checkbox" value="b" /><label class="quiz-label" for="p4-two-respects-b">Between the managers of agencies</label></div>
        <div class="quiz-option" data-value="a"><input id="p4-two-respects-a" name="p4-two-respects" type="checkbox" value="a" /><label class="quiz-label" for="p4-two-respects-a">Between professionals and young people</label></div>
        </div>
        </fieldset>
        <div class="quiz-actions"><button class="md-button md-button--primary quiz-check" hidden="hidden" type="submit">Check answer</button><button class="md-button quiz-retry" hidden="hidden" type="button">Try again</button></div>
        <div aria-live="polite" class="quiz-feedback" role="status"></div>
        <details class="quiz-reveal">
        <summary>Show the answer</summary>
        <p>The answers: Between professionals and young people; Within families and communities.</p>
        <ul>
        <li data-value="c"><span class="quiz-reveal-option">Within families and communities</span> – <span class="quiz-reveal-feedback">This is the second.</span></li>
        <li data-value="b"><span class="quiz-reveal-option">Between the managers of agencies</span> – <span class="quiz-reveal-feedback">The principle does not name these.</span></li>
        <li data-value="a"><span class="quiz-reveal-option">Between professionals and young people</span> – <span class="quiz-reveal-feedback">This is the first of the two respects.</span></li>
        </ul>
        <p><a class="quiz-reread" href="#what-do-we-mean">Reread this section</a></p>
        </details>
        </form>
        """,  # noqa: E501
        ALONE, module_page("p4-two-respects"))


def test_a_reflection_is_a_labelled_private_notes_box() -> None:
    assert_renders(
        REFLECTIONS,
        """
        <div class="reflection" data-reflection="p4-practice"><label class="reflection-question" for="reflection-p4-practice">What would you do differently in your own practice?</label><p class="reflection-hint" id="reflection-p4-practice-hint">Private: your notes stay in this browser and are never sent anywhere.</p>
        <p class="safety-line" id="reflection-p4-practice-safety">Do not write names or details that could identify a child, family or colleague.</p>
        <textarea aria-describedby="reflection-p4-practice-hint reflection-p4-practice-safety" class="reflection-notes" data-reflection="p4-practice" id="reflection-p4-practice" maxlength="20000" rows="5"></textarea>
        </div>
        """,  # noqa: E501
        ALONE, module_page("p4-practice"))


def test_author_text_with_markup_ampersands_and_quotes_stays_text() -> None:
    """The question, its options, their feedback and a reflection are text, never read as Markdown or HTML."""
    assert_renders(
        QUESTIONS + "\n\n" + REFLECTIONS,
        """
        <form class="quiz-question" data-correct="a" data-kind="single" data-question="p4-text" id="question-p4-text" novalidate="novalidate">
        <fieldset aria-describedby="p4-text-hint" class="quiz-fieldset">
        <legend class="quiz-legend">Is "5 &lt; 6 &amp; 7 &gt; 6" a &lt;b&gt;bold&lt;/b&gt; claim?</legend>
        <p class="quiz-hint" id="p4-text-hint">Select one option</p>
        <p class="quiz-error" hidden="hidden" id="p4-text-error"></p>
        <div class="quiz-options">
        <div class="quiz-option" data-value="a"><input id="p4-text-a" name="p4-text" type="radio" value="a" /><label class="quiz-label" for="p4-text-a">It is &lt;script&gt;alert("x")&lt;/script&gt; &amp; more</label></div>
        <div class="quiz-option" data-value="b"><input id="p4-text-b" name="p4-text" type="radio" value="b" /><label class="quiz-label" for="p4-text-b">It isn't</label></div>
        </div>
        </fieldset>
        <div class="quiz-actions"><button class="md-button md-button--primary quiz-check" hidden="hidden" type="submit">Check answer</button><button class="md-button quiz-retry" hidden="hidden" type="button">Try again</button></div>
        <div aria-live="polite" class="quiz-feedback" role="status"></div>
        <details class="quiz-reveal">
        <summary>Show the answer</summary>
        <p>The answer: It is &lt;script&gt;alert("x")&lt;/script&gt; &amp; more.</p>
        <ul>
        <li data-value="a"><span class="quiz-reveal-option">It is &lt;script&gt;alert("x")&lt;/script&gt; &amp; more</span> – <span class="quiz-reveal-feedback">Shown &lt;i&gt;as text&lt;/i&gt; &amp; "quoted".</span></li>
        <li data-value="b"><span class="quiz-reveal-option">It isn't</span> – <span class="quiz-reveal-feedback">Not &lt;em&gt;so&lt;/em&gt;.</span></li>
        </ul>
        <p><a class="quiz-reread" href="#summary">Reread this section</a></p>
        </details>
        </form>
        <div class="reflection" data-reflection="p4-text-notes"><label class="reflection-question" for="reflection-p4-text-notes">What do "&lt;i&gt;care&lt;/i&gt;" &amp; 'trust' &lt; mean to you?</label><p class="reflection-hint" id="reflection-p4-text-notes-hint">Private: your notes stay in this browser and are never sent anywhere.</p>
        <p class="safety-line" id="reflection-p4-text-notes-safety">Do not write names or details that could identify a child, family or colleague.</p>
        <textarea aria-describedby="reflection-p4-text-notes-hint reflection-p4-text-notes-safety" class="reflection-notes" data-reflection="p4-text-notes" id="reflection-p4-text-notes" maxlength="20000" rows="5"></textarea>
        </div>
        """,  # noqa: E501
        ALONE, module_page("p4-text", "p4-text-notes"))


def test_the_reread_link_is_named_after_its_sections_heading_without_the_section_link() -> None:
    block = QUESTIONS
    heading = """
        ## The *summary* {#summary}

        """
    alone = renders(block, EXTENSIONS, module_page("p4-meaning"))
    assert_renders(
        heading + block,
        '<h2 id="summary">The <em>summary</em><a class="headerlink" href="#summary" title="Link to this section">'
        "&para;</a></h2>\n" + alone.replace(">Reread this section<", ">Reread: The summary<"),
        EXTENSIONS, module_page("p4-meaning"))
    assert alone.count(">Reread this section<") == 1


def test_the_markers_give_every_question_then_every_reflection_in_the_files_order() -> None:
    html = renders(QUESTIONS + "\n\n" + REFLECTIONS, ALONE, module_page())
    assert [m for m in re.findall(r'(?:data-question|data-reflection)="([^"]+)"', html)] == [
        "p4-meaning", "p4-two-respects", "p4-text", "p4-practice", "p4-practice", "p4-text-notes", "p4-text-notes"]
    assert "data-module-questions" not in html and "data-module-reflections" not in html


def test_a_marker_naming_a_module_without_a_knowledge_check_stops() -> None:
    source = PageSource("docs/credits.md", "# Credits\n\n" + QUESTIONS.replace("principle-4", "principle-9"))
    with pytest.raises(ValueError, match=r"^docs/credits\.md:3: no module 'principle-9' has a knowledge check"):
        renders('<div data-module-questions="principle-9" markdown="1"></div>', ALONE, module_page(page=source))


def test_an_empty_page_is_empty() -> None:
    assert_renders("", "", EXTENSIONS, module_page())


def test_the_module_pages_learning_markdown_holds_the_markers() -> None:
    from practice_site.learning.module_learning import learning_markdown

    markdown = learning_markdown(PARSED, "principle-4", "../my-learning.md")
    assert QUESTIONS in markdown and REFLECTIONS in markdown and "///" not in markdown


# Blocks where they cannot go: questions and reflections are written in quiz files, so a block on any page,
# however nested, is found as it renders, and stops the build with where it is and where it goes.


def test_a_quiz_or_reflection_this_page_does_not_hold_stops_at_its_line_with_where_it_goes() -> None:
    page = "# Credits\n\n!!! note\n\n    //// reflection\n        id: r-one\n    ////\n"
    configs = {QUIZ: {"page": PageSource("docs/credits.md", page)}}
    with pytest.raises(ValueError, match=r"^docs/credits\.md:5: a /// reflection block cannot go on this page; "
                       r"reflective questions are written in the module's quiz file \(docs/quizzes/principle-N\.md\)"):
        renders(page, ["admonition", QUIZ], configs)
    stopped = []

    def stop(message: str):
        stopped.append(message)
        raise RuntimeError(message)

    configs[QUIZ]["stop"] = stop
    with pytest.raises(RuntimeError):
        renders("/// quiz\n    id: q-one\n///\n", [QUIZ], configs)
    assert stopped == ["docs/credits.md: a /// quiz block cannot go on this page; knowledge-check questions are "
                       "written in the module's quiz file (docs/quizzes/principle-N.md), which the build puts at "
                       "the end of the module"], "the stop the plugin hands over is used; no line found, the page"


def test_a_block_stops_on_a_modules_page_too_whatever_id_it_names() -> None:
    page = "## Summary {#summary}\n\n/// quiz\n    id: p4-meaning\n///\n\n/// reflection\n///\n"
    source = PageSource("docs/principles/principle-4.md", page)
    with pytest.raises(ValueError, match=r"^docs/principles/principle-4\.md:3: a /// quiz block cannot go on this "
                       "page; knowledge-check questions are written in the module's quiz file"):
        renders(page, EXTENSIONS, module_page(page=source))
    alone = page.split("\n\n", 2)[0] + "\n\n\n\n\n\n/// reflection\n///\n"  # the reflection on line 7
    with pytest.raises(ValueError, match=r"^docs/principles/principle-4\.md:7: a /// reflection block cannot go"):
        renders(alone, EXTENSIONS, module_page(page=PageSource("docs/principles/principle-4.md", alone)))


def test_a_question_written_as_in_a_quiz_file_on_another_page_stops() -> None:
    page = "# Credits\n\n/// quiz | What is it?\n    id: q-one\n    type: single\n    section: summary\n///\n"
    configs = {QUIZ: {"page": PageSource("docs/credits.md", page)}}
    with pytest.raises(ValueError, match=r"^docs/credits\.md:3: a /// quiz block cannot go on this page"):
        html = renders(page, [QUIZ], configs)
        raise AssertionError(f"rendered as text, not stopped:\n{html}")


def test_a_marker_written_on_another_page_stops_and_the_modules_own_page_shows_it() -> None:
    pages = {"principle-4": "principles/principle-4.md"}
    elsewhere = module_page(pages=pages, page=PageSource("docs/accessibility.md", "# A\n\n" + QUESTIONS))
    with pytest.raises(ValueError, match=r"^docs/accessibility\.md:3: a module's questions and reflections are "
                       r"shown on its own page only; take this line out"):
        renders(QUESTIONS, ALONE, elsewhere)
    own = module_page("p4-meaning", pages=pages, page=PageSource("principles/principle-4.md", QUESTIONS))
    assert 'id="question-p4-meaning"' in renders(QUESTIONS, ALONE, own)
