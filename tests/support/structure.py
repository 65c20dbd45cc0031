"""A principle written in a test, parsed and rendered as the site would (for the structure tests)."""

from __future__ import annotations

import markdown

from practice_site.input_files import decode_source
from practice_site.pages.module_page import render_principle
from practice_site.sources.model import Principle
from practice_site.sources.parse_principle import parse_principle

HEAD = (
    "## 9. Responses to child exploitation and extra-familial harm must... be tested\n\n"
    "### Summary\n\nA summary.\n\n"
)
EXTENSIONS = ["toc", "footnotes", "attr_list", "md_in_html", "admonition", "tables"]  # as mkdocs.yml


def parse(body: str, head: str = HEAD) -> Principle:
    text = head + body
    return parse_principle(decode_source(text.encode(), "sources/x.txt"), "sources/x.txt")


def page(principle: Principle) -> str:
    return render_principle(principle, set())


def html(principle: Principle) -> str:
    return markdown.markdown(page(principle), extensions=EXTENSIONS)
