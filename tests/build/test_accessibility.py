"""WCAG 2.2 AA in Chromium: axe-core on every page and state, plus the checks axe does not make.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/browser/).
"""

from __future__ import annotations

import json

from helpers import ROOT
from support.accessibility import SITE_PAGES

from practice_site.pages.published_links import REDIRECT_MARK


def test_every_built_page_is_checked(built_site):
    built = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                   if REDIRECT_MARK not in p.read_text(encoding="utf-8"))
    assert built == sorted(SITE_PAGES)


def test_statement_names_the_axe_version_in_use(built_site):
    lock = json.loads((ROOT / "package-lock.json").read_text())
    version = lock["packages"]["node_modules/axe-core"]["version"]
    statement = (built_site / "accessibility.html").read_text(encoding="utf-8")
    assert f"axe-core</strong> (version {version})" in statement
