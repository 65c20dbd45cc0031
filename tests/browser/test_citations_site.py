"""Citations on the built site: links, APA reference lists, one label per work, errors, one pandoc run.

This file: the checks in Chromium (the rest are in tests/build/).
"""

from __future__ import annotations


def test_corrections_note_opens_from_the_keyboard_and_is_left_out_of_print(page, site_url):
    page.goto(f"{site_url}/principles/principle-4.html")
    note = page.locator("details.corrections-note")
    summary = note.locator("summary")
    item = note.locator("li").first
    assert summary.is_visible() and not item.is_visible(), "collapsed until asked for"
    summary.focus()
    page.keyboard.press("Enter")
    assert item.is_visible() and "reference list" in item.inner_text()
    page.emulate_media(media="print")
    assert not note.is_visible(), "not printed"
    assert page.locator("#ref-ruch2020").is_visible(), "the references are printed"
