"""Shared by the accessibility tests in unit/, build/ and browser/."""

from __future__ import annotations

from helpers import ROOT

from practice_site.names import kit_page, module_file
from practice_site.sources.load_principles import load_principles

QUIZZES = ROOT / "docs" / "quizzes"
PRINCIPLES = load_principles(ROOT / "sources", ROOT)
# Each module's room kit: pages of their own, without the theme (an answer key and a presenter view where the
# module has a quiz file).
KIT_PAGES = [kit_page(p.number, kind) for p in PRINCIPLES for kind in ("handout", "answer_key", "presenter")
             if kind == "handout" or (QUIZZES / module_file(p.number)).exists()]
# Every page the site has, taken from the sources and session plans (so a new principle is checked too).
THEME_PAGES = [
    "index.html",
    *(f"principles/principle-{p.number}.html" for p in PRINCIPLES),
    "my-learning.html", "for-trainers.html",
    *(f"sessions/{path.stem}.html" for path in sorted((ROOT / "docs" / "sessions").glob("*.md"))),
    "bibliography.html", "credits.html", "accessibility.html", "404.html",
]
SITE_PAGES = [*THEME_PAGES, *KIT_PAGES]
