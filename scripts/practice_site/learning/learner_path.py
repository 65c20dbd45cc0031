"""The learner's path: the home page's start action and module cards, and each module's status line.

Everything here is built at build time from the principles and their quizzes (titles, reading and
answering times); the learner's own status ("Not started", "In progress", "Complete") is filled in
by ``learning.js`` from their browser, into the same elements, so nothing moves as the page loads.
Author text (titles) is escaped here: these are HTML blocks inside the page's Markdown.
"""

from __future__ import annotations

import posixpath
from html import escape

from practice_site.learning.module_catalogue import ModuleEntry

NOT_STARTED = "Not started"


def page_href(uri: str, from_uri: str) -> str:
    """The address of the page built from ``uri`` (a docs-relative ``.md``), relative to page ``from_uri``."""
    base = posixpath.dirname(from_uri) or "."
    return posixpath.relpath(uri, base).removesuffix(".md") + ".html"


def time_line(module: ModuleEntry) -> str:
    """ "About 12 minutes to read; 10 questions, about 6 minutes to answer" (plain text)."""
    line = f"About {module.minutes} minutes to read"
    if module.questions:
        line += f"; {module.questions} questions, about {module.answer_minutes} minutes to answer"
    return line


def status_element(module_id: str) -> str:
    """The status of one module, as a first visit sees it; ``learning.js`` updates it."""
    return (f'<p class="module-status" data-status-for="{escape(module_id)}">'
            f'<span class="status-mark" aria-hidden="true">○</span> '
            f'<span class="status-text">{NOT_STARTED}</span></p>')


def start_action(modules: list[ModuleEntry], from_uri: str, record_uri: str) -> str:
    """The home page's one primary action: "Start with Principle N".

    ``learning.js`` makes it "Continue: Principle N, section" on a return visit, and points it at
    the learner's record (``record_uri``) once every module is complete.
    """
    if not modules:
        return '<p class="start-action">No modules yet.</p>'
    first = modules[0]
    return (f'<p class="start-action"><a class="md-button md-button--primary" id="start-action" '
            f'href="{escape(page_href(first.uri, from_uri))}" '
            f'data-record="{escape(page_href(record_uri, from_uri))}">Start with Principle {first.number}</a></p>')


def module_cards(modules: list[ModuleEntry], from_uri: str) -> str:
    """One card per module: number and title, status, times, and a one-line summary (the principle's title)."""
    cards = []
    for m in modules:
        cards.append(
            f'<li class="module-card" data-card-module="{escape(m.id)}" data-number="{m.number}">\n'
            f'<h3 class="module-card-title"><a href="{escape(page_href(m.uri, from_uri))}">'
            f"Practice Principle {m.number}: {escape(m.short_title)}</a></h3>\n"
            f"{status_element(m.id)}\n"
            f'<p class="module-card-time">{escape(time_line(m))}</p>\n'
            f'<p class="module-card-summary">{escape(m.title)}</p>\n</li>'
        )
    return '<ol class="module-cards" data-search-exclude="">\n' + "\n".join(cards) + "\n</ol>"


def module_status_bar(module: ModuleEntry) -> str:
    """Under a module's title: the learner's status, the times, and a way straight to the questions."""
    jump = ' <a class="jump-to-questions" href="#check-your-understanding">Go to the questions</a>' \
        if module.questions else ""
    return (f'<div class="module-status-bar" data-search-exclude="">\n{status_element(module.id)}\n'
            f'<p class="module-card-time">{escape(time_line(module))}.{jump}</p>\n</div>')


def finish_markdown(module_id: str) -> str:
    """For a module with no questions: a way to mark it complete by hand."""
    return (
        f'## Finish this module {{#finish data-module="{escape(module_id)}" data-search-exclude}}\n\n'
        "This module has no knowledge check yet. When you have read it, mark it complete: it then "
        "shows as complete on the home page, in the navigation and on My learning.\n\n"
        '<p class="js-only"><button type="button" class="md-button md-button--primary" id="mark-complete">'
        "Mark this module as complete</button></p>\n\n"
        '<p class="finish-status" id="finish-status" role="status" aria-live="polite"></p>'
    )
