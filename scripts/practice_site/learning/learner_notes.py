"""The fixed words that keep a learner's notes safe and their record honest, written once for every output.

The pages carry them in their markup; ``learning.js`` reads them from there for the saved progress
file and the CPD record, so the page, the file and the record say the same thing.
"""

from __future__ import annotations

from practice_site.safe_text import markdown_text

SAFETY_LINE = "Do not write names or details that could identify a child, family or colleague."
DEFAULT_CONTENT_NOTE = (
    "This module discusses child exploitation and abuse. Take breaks when you need to. If it raises "
    "concerns for you, talk to your supervisor or manager."
)
PEER_REFLECTION_NOTE = (
    "Social Work England asks registered social workers for at least one piece of CPD each year that "
    "includes peer reflection. This record is a help to writing yours, not an official format, and "
    "Social Work England has not endorsed it."
)
CONTENT_NOTE_LIMIT = 600  # characters: a note, not a page
NOTE_LENGTH = 20000  # characters a learner's notes box takes (progress-file.js reads files with ten times this)
SHORT_LENGTH = 200  # characters a name or role box takes


def content_note_problem(text: object) -> str | None:
    """What is wrong with the content note set in mkdocs.yml, if anything."""
    if not isinstance(text, str) or not text.strip():
        return ("write the note shown at the start of every module, or leave the setting out for the "
                "default; it may not be empty")
    if len(" ".join(text.split())) > CONTENT_NOTE_LIMIT:
        return f"keep the note to {CONTENT_NOTE_LIMIT} characters; link to a longer page of support instead"
    return None


def content_note_markdown(text: str) -> str:
    """The note at the start of a module page: the setting's words, shown exactly as written (never markup)."""
    return ('<div class="content-note" role="note" data-search-exclude="" markdown="1">\n'
            f'<p markdown="span"><strong>Content note:</strong> {markdown_text(" ".join(text.split()))}</p>\n'
            "</div>")


def safety_line_html(element_id: str) -> str:
    """The safety line beside a box a learner writes in, for its ``aria-describedby``."""
    return f'<p class="safety-line" id="{element_id}">{SAFETY_LINE}</p>'
