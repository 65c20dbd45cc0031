"""Untrusted text stays text, and every page carries a strict Content Security Policy.

Payloads (from the input they arrive through) must end as visible text or a FILE:LINE error, and
the rest of the page must be intact. Chromium must report no policy violation on the normal site,
online and opened from disk.

This file: the checks in Chromium (the rest are in tests/unit/, tests/build/).
"""

from __future__ import annotations

import pytest
from helpers import open_search
from support.accessibility import KIT_PAGES, SITE_PAGES

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
"""


@pytest.mark.parametrize("path", [*SITE_PAGES, "p4.html"])
def test_chromium_reports_no_violation_online(page, site_url, path):
    page.context.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site_url}/{path}")
    if path in KIT_PAGES:  # no theme and no search: its own script, worked by its keys
        page.keyboard.press("ArrowRight")
        page.keyboard.press("s")
    else:
        open_search(page)
        page.locator("input.md-search__input").press_sequentially("relationships", delay=10)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == [] and messages == []


@pytest.mark.parametrize("path", [*SITE_PAGES, "p7.html"])
def test_chromium_reports_no_violation_from_disk(browser, built_site, path):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto((built_site / path).as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == [] and messages == []
    context.close()


def test_the_policy_really_blocks_an_inline_script(browser, built_site, tmp_path):
    """A control: a script injected after the build is refused by the page's own policy."""
    source = (built_site / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(source.replace("</body>", "<script>window.__ran = 1</script></body>"))
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
    context.close()


def test_payloads_do_not_run_in_chromium(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    for path in ("principles/principle-7.html", "principles/principle-4.html", "bibliography.html",
                 "index.html", "for-trainers.html"):
        page.goto((hostile_site / path).as_uri())
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("body").is_visible() and page.locator("article h1").is_visible(), path
    context.close()
