"""Three outside checkers over the real built site: pa11y, the Nu HTML Checker and Lighthouse.

All three use what package-lock.json pins (node_modules) and Debian's Chromium and Java; none
downloads anything or lets a page reach the internet (Chromium's proxy is a closed local port)."""

from __future__ import annotations

from support.validators import describe_vnu, html_files, run_vnu


def test_nu_html_checker_finds_no_errors_in_the_site_or_the_offline_copy(built_site, offline_copy):
    files = html_files(built_site) + html_files(offline_copy)
    assert html_files(built_site) and html_files(offline_copy)
    messages = run_vnu(files)
    assert messages == [], describe_vnu(messages)
