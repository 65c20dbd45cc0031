"""The learner's path: the home page's start action and module cards, and each module's status line.

Everything here is built at build time from the principles and their quizzes (titles, reading and
answering times); the learner's own status ("Not started", "In progress", "Complete") is filled in
by ``learning.js`` from their browser, into the same elements, so nothing moves as the page loads.
These are HTML blocks inside the page's Markdown whose links are Markdown links (``md_in_html``),
so that MkDocs checks them and writes their built addresses. Author text (titles) is escaped here.
"""

from __future__ import annotations

import posixpath
from html import escape

from practice_site.learning.module_catalogue import ModuleEntry, counted
from practice_site.names import relative_address
from practice_site.safe_text import markdown_text

NOT_STARTED = "Not started"


def page_href(uri: str, from_uri: str) -> str:
    """The address of the page built from ``uri`` (a docs-relative ``.md``), relative to page ``from_uri``."""
    base = posixpath.dirname(from_uri) or "."
    return relative_address(uri, base)


def page_link(uri: str, from_uri: str) -> str:
    """A Markdown link's target for the page built from ``uri``, relative to page ``from_uri``.

    MkDocs checks that the page exists and writes its built address in place of the ``.md`` path.
    """
    return posixpath.relpath(uri, posixpath.dirname(from_uri) or ".")


def time_line(module: ModuleEntry) -> str:
    """ "About 12 minutes to read; 10 questions, about 6 minutes to answer" (plain text)."""
    line = f"About {counted(module.minutes, 'minute')} to read"
    if module.questions:
        answering = counted(module.answer_minutes, "minute")
        line += f"; {counted(module.questions, 'question')}, about {answering} to answer"
    return line


def status_element(module_id: str) -> str:
    """The status of one module, as a first visit sees it; ``learning.js`` updates it."""
    return (f'<p class="module-status" data-status-for="{escape(module_id)}">'
            f'<span class="status-mark" aria-hidden="true">○</span> '
            f'<span class="status-text">{NOT_STARTED}</span></p>')


def updated_element(module_id: str) -> str:
    """Where ``learning.js`` lists the sections changed since the learner completed the module (hidden until then)."""
    return f'<div class="module-updated" data-updated-for="{escape(module_id)}" hidden></div>'


def start_action(modules: list[ModuleEntry], from_uri: str, record_uri: str) -> str:
    """The home page's one primary action: "Start with Principle N".

    ``learning.js`` makes it "Continue: Principle N, section" on a return visit, and points it at
    the learner's record (``record_uri``) once every module is complete.
    """
    if not modules:
        return '<p class="start-action">No modules yet.</p>'
    first, record = modules[0], page_href(record_uri, from_uri)
    return (f'<p class="start-action" markdown="span">[Start with Principle {first.number}]'
            f'({page_link(first.uri, from_uri)}){{#start-action .md-button .md-button--primary '
            f'data-record="{escape(record)}"}}</p>')


def module_cards(modules: list[ModuleEntry], from_uri: str) -> str:
    """One card per module: number and title, status, times, and a one-line summary (the principle's title).

    Each card's heading is a section of the page (``#card-principle-4``), in its table of contents.
    """
    cards = []
    for m in modules:
        cards.append(
            f'<li class="module-card" data-card-module="{escape(m.id)}" data-number="{m.number}" markdown="1">\n'
            f'<h3 class="module-card-title" id="card-{escape(m.id)}" data-search-exclude="" data-no-section-link="" '
            'markdown="span">'
            f"[Practice Principle {m.number}: {markdown_text(m.short_title)}]({page_link(m.uri, from_uri)})</h3>\n"
            f"{status_element(m.id)}\n{updated_element(m.id)}\n"
            f'<p class="module-card-time">{escape(time_line(m))}</p>\n'
            f'<p class="module-card-summary">{escape(m.title)}</p>\n</li>'
        )
    return '<ol class="module-cards" data-search-exclude="" markdown="1">\n' + "\n".join(cards) + "\n</ol>"


def module_status_bar(module: ModuleEntry) -> str:
    """Under a module's title: the learner's status, the times, and a way straight to the questions."""
    jump = " [Go to the questions](#check-your-understanding){.jump-to-questions}" if module.questions else ""
    return (f'<div class="module-status-bar" data-search-exclude="" markdown="1">\n{status_element(module.id)}\n'
            f"{updated_element(module.id)}\n"
            f'<p class="module-card-time" markdown="span">{markdown_text(time_line(module) + ".")}{jump}</p>\n</div>')


def finish_markdown(module_id: str, reminder: str = "") -> str:
    """For a module with no questions: a way to mark it complete by hand (``reminder``: shown once it is)."""
    return (
        f'## Finish this module {{#finish data-module="{escape(module_id)}" data-search-exclude}}\n\n'
        "This module has no knowledge check yet. When you have read it, mark it complete: it then "
        "shows as complete on the home page, in the navigation and on My learning.\n\n"
        '<p class="js-only"><button type="button" class="md-button md-button--primary" id="mark-complete">'
        "Mark this module as complete</button></p>\n\n"
        '<p class="finish-status" id="finish-status" role="status" aria-live="polite"></p>'
        + (f"\n\n{reminder}" if reminder else "")
    )
