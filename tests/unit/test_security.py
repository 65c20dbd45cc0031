"""Untrusted text stays text, and every page carries a strict Content Security Policy.

Payloads (from the input they arrive through) must end as visible text or a FILE:LINE error, and
the rest of the page must be intact. Chromium must report no policy violation on the normal site,
online and opened from disk.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from support.security import PAYLOADS, live_markup

from practice_site.pages.sanitise import clean_content
from practice_site.safe_text import markdown_text, neutralise_markup


@pytest.mark.parametrize("payload", PAYLOADS)
def test_source_markup_is_neutralised_then_sanitised(payload):
    import markdown

    html = clean_content(markdown.markdown(f"Text before {neutralise_markup(payload)} text after.",
                                           extensions=["attr_list"]))
    assert live_markup(html) == []
    assert "Text before" in html and "text after." in html


@pytest.mark.parametrize("payload", [*PAYLOADS, "~~not struck~~ a~b \\~ | *x* _y_ `z` &amp; #1"])
# MkDocs always adds tables; pymdownx.tilde would read "~~" as strikethrough.
@pytest.mark.parametrize("extensions", [["attr_list", "tables"], ["attr_list", "tables", "pymdownx.tilde"]])
def test_plain_text_shows_exactly_as_written(payload, extensions):
    import markdown

    html = markdown.markdown(markdown_text(payload), extensions=extensions)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == payload
