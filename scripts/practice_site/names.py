"""Every name the build makes, made here: module ids, page files, addresses and the ids on a page.

A module's id ("principle-4") names it in addresses, quiz files and the learner's browser storage;
ids on a module page come in families ("ref-", "question-", "reflection-") and a few fixed anchors
that a heading from a source may not take (``sources.anchors`` gives it "-2" instead).
"""

from __future__ import annotations

import posixpath

MODULE_PREFIX = "principle-"
REFERENCE_PREFIX = "ref-"  # a reference entry: "ref-ruch2020"
QUESTION_PREFIX = "question-"  # a knowledge-check question: "question-p4-defined"
REFLECTION_PREFIX = "reflection-"  # a reflective question: "reflection-p4-time"
ID_PREFIXES = (REFERENCE_PREFIX, QUESTION_PREFIX, REFLECTION_PREFIX)

CHECK_ANCHOR = "check-your-understanding"  # a module's knowledge check
REFLECT_ANCHOR = "reflect"  # its reflective questions
FINISH_ANCHOR = "finish"  # "Finish this module", on a module without questions
MODULE_ANCHORS = frozenset({CHECK_ANCHOR, REFLECT_ANCHOR, FINISH_ANCHOR})
SUMMARY_ANCHOR = "summary"


def module_id(number: int) -> str:
    """The id of principle ``number``'s module: "principle-4"."""
    return f"{MODULE_PREFIX}{number}"


def module_file(number: int) -> str:
    """The Markdown file of principle ``number``'s module page, and of its quiz file: "principle-4.md"."""
    return f"{module_id(number)}.md"


def short_link_page(number: int) -> str:
    """The short link to a module, from the site's root: "p4.html"."""
    return f"p{number}.html"


KIT_FOLDER = "room-kit"  # the trainers' room kit: answer keys, presenter views and handouts
KIT_PAGES = {"answer_key": "answer-key", "presenter": "presenter", "handout": "handout"}
PRESENTER_TARGET = "presenter"  # a session plan's step "principle-4#presenter" or "#presenter-3" (from question 3)


def kit_page(number: int, kind: str) -> str:
    """One of a module's room-kit pages, from the site's root: "room-kit/principle-4-presenter.html"."""
    return f"{KIT_FOLDER}/{module_id(number)}-{KIT_PAGES[kind]}.html"


def kit_qr_image(number: int) -> str:
    """The QR code of a module's short link, beside its handout: "room-kit/principle-4-qr-code.png"."""
    return f"{KIT_FOLDER}/{module_id(number)}-qr-code.png"


def presenter_question_anchor(position: int) -> str:
    """The presenter view's anchor for its question at ``position`` (from 1): "question-3"."""
    return f"{QUESTION_PREFIX}{position}"


def presenter_targets(questions: int) -> set[str]:
    """What a session plan's step may name to open a module's presenter view: "presenter" (from its first
    question) or "presenter-N" (from question N), for a module with ``questions`` questions."""
    if not questions:
        return set()
    return {PRESENTER_TARGET} | {f"{PRESENTER_TARGET}-{n}" for n in range(1, questions + 1)}


def presenter_position(target: str) -> int | None:
    """The question a session plan's presenter step starts from (1 for "presenter"); None for any other target."""
    if target == PRESENTER_TARGET:
        return 1
    head, _, number = target.rpartition("-")
    return int(number) if head == PRESENTER_TARGET and number.isdigit() else None


def page_address(uri: str) -> str:
    """A page's address from its Markdown file, both from the site's root: "a/b.md" -> "a/b.html".

    The site is built with ``use_directory_urls: false`` (it must work from a folder), so this is
    what MkDocs makes too; inside the plugin, MkDocs' own ``File.url`` is used.
    """
    return uri.removesuffix(".md") + ".html"


def relative_address(uri: str, from_folder: str) -> str:
    """The address of page ``uri`` (docs-relative Markdown file) as a link from a page in ``from_folder``."""
    return page_address(posixpath.relpath(uri, from_folder or "."))


def reference_anchor(key: str) -> str:
    """The id of a reference entry: "ref-ruch2020"."""
    return f"{REFERENCE_PREFIX}{key}"


def question_anchor(question_id: str) -> str:
    return f"{QUESTION_PREFIX}{question_id}"


def reflection_anchor(reflection_id: str) -> str:
    return f"{REFLECTION_PREFIX}{reflection_id}"


def build_made(anchor: str) -> bool:
    """True for an id the build itself may put on a module page (a source heading then takes "-2")."""
    return anchor in MODULE_ANCHORS or anchor.startswith(ID_PREFIXES) or presenter_position(anchor) is not None
