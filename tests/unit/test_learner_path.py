"""A learner's path, driven in Chromium on a phone and a laptop: the first visit, a return visit,
completing a module, the CPD record as text and in print, keyboard reach, layout stability and
narrow screens. Seed modules are checked by name; nothing here counts modules.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

import markdown

from practice_site.learning.learner_path import module_cards, module_status_bar, start_action, time_line
from practice_site.learning.module_catalogue import ModuleEntry, answer_minutes
from practice_site.learning.my_learning import module_progress
from practice_site.learning.quiz_format import QuizFile, parse_quiz_file


def test_answering_time_is_reading_the_questions_and_deciding():
    """200 words a minute for the questions and options, and 30 seconds a question to decide."""
    option = "- [x] " + " ".join(["word"] * 47) + "\n    Because.\n- [ ] Other\n    Because not.\n"
    text = "".join(f"/// quiz | One two?\n    id: q{i}\n    section: summary\n\n{option}///\n\n" for i in range(4))
    quiz = parse_quiz_file(text, "a.md")
    assert answer_minutes(quiz) == 3  # 4 * (2 + 47 + 1) words = 200 words, 1 minute; 4 * 30 s = 2 minutes
    assert answer_minutes(QuizFile("b.md")) == 0
    assert answer_minutes(None) == 0


def render(text: str) -> str:
    return markdown.Markdown(extensions=["toc", "attr_list", "md_in_html", "practice_site.pages.heading_links"],
                             extension_configs={"toc": {"permalink": True}}).convert(text)


HOSTILE = ModuleEntry("principle-9", 9, "Title <script>x</script>", "*Short* [t](x) <b> a~b",
                      "principles/principle-9.md", questions=2, answer_minutes=1)


def test_generated_links_are_markdown_links_to_the_source_page_so_mkdocs_checks_them():
    """Cards, the start action, My learning and the status bar link to ``.md`` pages, which MkDocs checks."""
    cards = render(module_cards([HOSTILE], "index.md"))
    assert '<a href="principles/principle-9.md">Practice Principle 9: *Short* [t](x) &lt;b&gt; a&#126;b</a>' in cards
    assert "<script>" not in cards and "<b>" not in cards
    assert 'id="card-principle-9"' in cards and "headerlink" not in cards, "the card's one link is the module"
    start = render(start_action([HOSTILE], "index.md", "my-learning.md"))
    assert 'href="principles/principle-9.md"' in start and 'id="start-action"' in start
    assert 'data-record="my-learning.html"' in start
    progress = render(module_progress(HOSTILE, None, "my-learning.md"))
    assert '<h3 id="principle-9"><a href="principles/principle-9.md">Practice Principle 9: *Short* [t](x) &lt;b&gt;' \
        in progress
    assert 'id="impact-principle-9"' in progress and "<textarea" in progress and "headerlink" not in progress
    bar = render(module_status_bar(HOSTILE))
    assert '<a class="jump-to-questions" href="#check-your-understanding">Go to the questions</a>' in bar


def test_times_read_as_counts_do_one_minute_and_one_question_in_the_singular():
    short = ModuleEntry("principle-2", 2, "T", "S", "principles/principle-2.md", questions=1, answer_minutes=1)
    assert time_line(short) == "About 1 minute to read; 1 question, about 1 minute to answer"
