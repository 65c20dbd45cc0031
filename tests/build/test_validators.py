"""Three outside checkers over the real built site: pa11y, the Nu HTML Checker and Lighthouse.

All three use what package-lock.json pins (node_modules) and Debian's Chromium and Java; none
downloads anything or lets a page reach the internet (Chromium's proxy is a closed local port).

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

from helpers import serving
from support.validators import describe_vnu, html_files, run_pa11y, run_vnu


def test_nu_html_checker_finds_no_errors_in_the_site_or_the_offline_copy(built_site, offline_copy):
    files = html_files(built_site) + html_files(offline_copy)
    assert html_files(built_site) and html_files(offline_copy)
    messages = run_vnu(files)
    assert messages == [], describe_vnu(messages)


def test_pa11y_notices_a_real_error(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Bad</title></head>'
        '<body><main><h1>Bad</h1><form><input type="text" name="q"></form>'
        '<img src="x.png"></main></body></html>', encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"")
    with serving(tmp_path) as address:
        report = run_pa11y([f"{address}/bad.html"])
    codes = " ".join(issue["code"] for issue in report["pages"][0]["issues"])
    assert "H32.2" in codes and "H37" in codes, codes


def test_nu_html_checker_notices_a_real_error(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Bad</title></head>'
                   '<body><input type="checkbox" autocomplete="off"><p tabindex="">x</p></body></html>',
                   encoding="utf-8")
    messages = run_vnu([bad])
    text = describe_vnu(messages)
    assert "autocomplete" in text and "tabindex" in text, text
