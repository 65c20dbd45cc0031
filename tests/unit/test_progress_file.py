"""The save and load controls and the reminder, as the pages hold them (the browser tests drive them)."""

from __future__ import annotations

from markdown import Markdown

from practice_site.learning.learner_notes import SAFETY_LINE
from practice_site.learning.progress_file import FORMAT, FORMAT_VERSION, progress_file_html, save_reminder_markdown


def test_the_controls_are_native_labelled_and_carry_the_sites_name_escaped() -> None:
    block = progress_file_html('Our "site" <b>')
    assert '<button type="button" class="md-button" data-progress-save="">Save my progress to a file</button>' in block
    assert '<label for="progress-load" class="progress-load-label">Load progress from a file</label>' in block
    assert '<input type="file" id="progress-load" accept=".json,application/json"' in block
    assert 'data-site="Our &quot;site&quot; &lt;b&gt;"' in block and "<b>" not in block
    assert f'data-format="{FORMAT}" data-format-version="{FORMAT_VERSION}"' in block
    assert f'data-safety="{SAFETY_LINE}"' in block
    assert 'role="status" aria-live="polite"' in block


def test_the_reminder_is_a_hidden_line_in_a_live_region_with_a_link_markdown_checks() -> None:
    page = Markdown(extensions=["md_in_html"]).convert(save_reminder_markdown("../my-learning.md"))
    assert page.startswith('<div aria-live="polite" class="save-reminder-region" data-search-exclude="">')
    assert '<a href="../my-learning.md#keep-your-progress">My learning</a>' in page and "hidden" in page
