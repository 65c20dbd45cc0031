"""WCAG 2.2 AA in Chromium: axe-core on every page and state, plus the checks axe does not make.

This file: the checks in Chromium (the rest are in tests/build/).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from axe import axe_violations, describe
from helpers import ROOT, open_search, type_search
from support.accessibility import SITE_PAGES

DESKTOP = {"width": 1280, "height": 900}


MOBILE = {"width": 375, "height": 740}


SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "test-output" / "screenshots"))


INTERACTIVE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], "
    "[tabindex]:not([tabindex='-1'])"
)


@pytest.fixture(params=[DESKTOP, MOBILE], ids=["desktop", "mobile"])
def viewport(request):
    return request.param


@pytest.mark.parametrize("path", SITE_PAGES)
def test_axe_finds_no_violations(page, site_url, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}/{path}")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"{path.replace('/', '_').removesuffix('.html')}-{viewport['width']}.png"
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_axe_with_search_open(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}/principles/principle-4.html")
    open_search(page)
    type_search(page, "trusted relationships")
    page.locator(".md-search-result__item").first.wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_with_mobile_menu_open(page, site_url):
    page.set_viewport_size(MOBILE)
    page.goto(f"{site_url}/principles/principle-7.html")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary").first.wait_for(state="visible")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_notices_a_real_failure(page, site_url):
    page.goto(f"{site_url}/index.html")
    page.evaluate("document.querySelector('article p').style.color = '#bbbbbb'")
    assert "color-contrast" in [v["id"] for v in axe_violations(page)]


@pytest.mark.parametrize("path", SITE_PAGES)
def test_one_h1_and_no_skipped_heading_levels(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
    )
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} is followed by h{after}"


@pytest.mark.parametrize("path", SITE_PAGES)
def test_language_is_british_english(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    assert page.evaluate("document.documentElement.lang") == "en-GB"


@pytest.mark.parametrize("path", ["index.html", "principles/principle-4.html", "credits.html"])
def test_skip_link_moves_focus_to_the_content(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
        " top: document.activeElement.getBoundingClientRect().top})"
    )
    assert "md-skip" in skip["cls"] and skip["text"] == "Skip to content"
    assert skip["top"] >= 0, "the skip link is on screen when focused"
    page.keyboard.press("Enter")
    h1_id = page.evaluate("document.querySelector('article h1').id")
    assert page.url.endswith(f"#{h1_id}")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')"), "next Tab stays in the content"


FOCUS_STYLE = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor].join('|');
}"""


# Numbers every visible control (data-tab-key), so each can be recognised when Tab reaches it. A group
# of radios is one Tab stop (the arrow keys move within it), so its radios share one key.
LABEL_CONTROLS = """sel => [...document.querySelectorAll(sel)]
  .filter(el => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}))
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
  .map((el, i) => { el.dataset.tabKey = el.type === 'radio' ? 'radio:' + el.name : String(i);
                    return [el.dataset.tabKey, el.outerHTML.slice(0, 100)]; })"""


FOCUSED = """() => { const el = document.activeElement, r = el.getBoundingClientRect();
  return {key: el.dataset.tabKey ?? null, tag: el.tagName, html: el.outerHTML.slice(0, 100),
          seen: r.width > 0 && r.height > 0 && el.checkVisibility({visibilityProperty: true})}; }"""


@pytest.mark.parametrize("path", SITE_PAGES)
def test_tab_reaches_every_control_with_a_visible_focus_indicator(page, site_url, path):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}/{path}")
    expected = page.evaluate(LABEL_CONTROLS, INTERACTIVE)
    reached: list[str] = []
    unseen, unstyled = [], []
    for _ in range(len(expected) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY" or (reached and focused["key"] == reached[0]):
            break
        reached.append(focused["key"])
        if not focused["seen"]:
            unseen.append(focused["html"])
        handle = page.evaluate_handle("document.activeElement")
        with_focus = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("el => el.blur()", handle)
        without_focus = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("el => el.focus()", handle)
        if with_focus == without_focus:
            unstyled.append(focused["html"])
    missing = [html for key, html in dict(expected).items() if key not in reached]
    assert len(expected) >= 3, "the page has its controls (a handout has the fewest)"
    assert missing == [], "not reachable by Tab:\n" + "\n".join(missing)
    assert unseen == [], "Tab stops on something that cannot be seen:\n" + "\n".join(unseen)
    assert unstyled == [], "no visible focus indicator:\n" + "\n".join(unstyled)


@pytest.mark.parametrize("path", SITE_PAGES)
@pytest.mark.parametrize("width", [320, 640], ids=["reflow-320px", "zoom-200pc"])
def test_no_horizontal_scrolling(page, site_url, path, width):
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(f"{site_url}/{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of sideways scrolling"


def test_usable_at_200_percent_zoom(page, site_url):
    # 200% zoom of a 1280px window lays the page out at 640 CSS pixels.
    page.set_viewport_size({"width": 640, "height": 450})
    page.goto(f"{site_url}/index.html")
    menu = page.locator("label.md-header__button[for='__drawer']")
    menu.click()
    page.locator(".md-nav--primary label.md-nav__link", has_text="Principles").first.click()
    link = page.get_by_role("link", name="7. Approach parents and carers as partners").first
    link.click()
    assert page.url.endswith("principles/principle-7.html")
    assert page.locator("article h1").is_visible()


TARGET_SIZES = """sel => [...document.querySelectorAll(sel)]
  .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter(el => getComputedStyle(el).pointerEvents !== 'none')
  .filter(el => !el.closest('.md-typeset p, .md-typeset li, .md-typeset h1, .md-typeset h2, .md-typeset h3, '
                            + '.kit main p, .kit main li'))  // inline in a sentence: WCAG 2.5.8's exception
  .map(el => { const r = el.getBoundingClientRect();
               return {html: el.outerHTML.slice(0, 100), w: r.width, h: r.height}; })
  .filter(t => t.w > 0 && t.h > 0 && (t.w < 24 || t.h < 24))"""


@pytest.mark.parametrize("path", SITE_PAGES)
def test_targets_are_at_least_24px(page, site_url, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}/{path}")
    small = page.evaluate(TARGET_SIZES, INTERACTIVE)
    assert small == [], json.dumps(small, indent=1)


def test_search_controls_are_at_least_24px(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}/index.html")
    open_search(page)
    type_search(page, "trust")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # the Clear button grows in over 0.15 s
    small = page.evaluate(TARGET_SIZES, INTERACTIVE)
    assert small == [], json.dumps(small, indent=1)


LONGEST_MOTION = """() => Math.max(...[...document.querySelectorAll('*')].flatMap(el => {
  const s = getComputedStyle(el);
  return [s.transitionDuration, s.animationDuration].flatMap(d => d.split(','))
           .map(d => d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d));
}))"""


def test_reduced_motion_is_honoured(page, site_url):
    page.goto(f"{site_url}/principles/principle-4.html")
    assert page.evaluate(LONGEST_MOTION) > 0.05, "the theme animates when motion is allowed"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(LONGEST_MOTION) <= 0.001
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
