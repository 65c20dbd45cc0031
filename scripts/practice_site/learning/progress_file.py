"""Keeping progress beyond this browser: the "save to a file" and "load from a file" controls, and the
reminder shown once a module is complete.

``learning.js`` does the saving and loading (in the browser, nothing is sent anywhere); this module
writes the controls it works, as a first visit sees them. The site's name and the safety line go
with them, so the saved file carries both.
"""

from __future__ import annotations

from html import escape

from practice_site.learning.learner_notes import SAFETY_LINE

FORMAT = "practice-principles-progress"  # the "format" of a saved file (learning.js checks it)
FORMAT_VERSION = 1


def progress_file_html(site_name: str) -> str:
    """The save and load controls; on My learning, and in a learning-system package on the module page."""
    return (
        f'<div class="progress-file js-only" data-progress-file="" data-site="{escape(site_name)}" '
        f'data-format="{FORMAT}" data-format-version="{FORMAT_VERSION}" data-safety="{escape(SAFETY_LINE)}">\n'
        '<p><button type="button" class="md-button" data-progress-save="">Save my progress to a file</button></p>\n'
        '<p><label for="progress-load" class="progress-load-label">Load progress from a file</label>\n'
        '<input type="file" id="progress-load" accept=".json,application/json" '
        'aria-describedby="progress-load-hint"></p>\n'
        '<p class="reflection-hint" id="progress-load-hint">Choose a file you saved from this site. It is added '
        "to what this browser holds: the more complete record of each module and question is kept, and where a "
        "note differs, the version written last.</p>\n"
        '<p class="progress-file-status" role="status" aria-live="polite"></p>\n'
        "</div>"
    )


def save_reminder_markdown(my_learning: str | None) -> str:
    """One dismissible line, shown once the module is complete (``my_learning``: a Markdown link target to
    My learning; None in a learning-system package, where the controls are on the module page)."""
    if my_learning:
        words = ("Your progress is kept only in this browser, and browsers can clear it. To keep it, save it to a "
                 f"file on [My learning]({my_learning}#keep-your-progress): you can load it back later, here or on "
                 "another device. Your CPD record can be downloaded there too.")
    else:
        words = ("Your learning system records that you completed this module, but your notes are kept only in "
                 "this browser, and browsers can clear them. To keep them, save them to a file below.")
    return (
        '<div class="save-reminder-region" aria-live="polite" data-search-exclude="" markdown="1">\n'
        '<div class="save-reminder" data-save-reminder="" hidden markdown="1">\n\n'
        f"{words}\n\n"
        '<p><button type="button" class="md-button" data-save-reminder-dismiss="">Dismiss this reminder'
        "</button></p>\n</div>\n</div>"
    )
