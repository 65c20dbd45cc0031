"""Three outside checkers over the real built site: pa11y, the Nu HTML Checker and Lighthouse.

All three use what package-lock.json pins (node_modules) and Debian's Chromium and Java; none
downloads anything or lets a page reach the internet (Chromium's proxy is a closed local port).

This file: the checks in Chromium (the rest are in tests/unit/, tests/build/).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS
from support.validators import NODE_MODULES, html_files, run_pa11y

# Lighthouse's Chromium: headless, and unable to reach anything but loopback (CHROMIUM_ARGS).
LIGHTHOUSE_CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


LIGHTHOUSE_PAGES = ["index.html", "principles/principle-4.html", "my-learning.html", "bibliography.html"]


LIGHTHOUSE_MINIMUM = {"accessibility": 100, "best-practices": 100, "seo": 95}


def describe_pa11y(report: dict) -> str:
    lines = []
    for page in report["pages"]:
        for issue in page["issues"]:
            lines.append(f"{page['url']}: {issue['code']}: {issue['message']}\n    {issue['context']}")
        for address in page["outside"]:
            lines.append(f"{page['url']}: request left the site: {address}")
    return "\n".join(lines)


def test_pa11y_finds_no_errors_on_any_page(built_site, site_url):
    urls = [f"{site_url}/{path.relative_to(built_site).as_posix()}" for path in html_files(built_site)]
    report = run_pa11y(urls)
    assert report["standard"] == "WCAG2AA"
    assert [page["url"] for page in report["pages"]] == urls, "every page was checked"
    assert not any(page["issues"] or page["outside"] for page in report["pages"]), describe_pa11y(report)


def run_lighthouse(url: str, output: Path) -> dict:
    import os

    result = subprocess.run(
        [str(NODE_MODULES / ".bin" / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={output}",
         "--only-categories=accessibility,best-practices,seo", f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(output.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost ``category`` points: id, score and title (and the first items)."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            failing.append(f"{ref['id']} ({audit['score']}): {audit['title']} {json.dumps(items)[:300]}")
    return failing


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_scores(site_url, path, tmp_path):
    report = run_lighthouse(f"{site_url}/{path}", tmp_path / "report.json")
    assert report["configSettings"]["formFactor"] == "mobile"
    assert not report.get("runtimeError"), report.get("runtimeError")
    short = []
    for category, minimum in LIGHTHOUSE_MINIMUM.items():
        score = round(report["categories"][category]["score"] * 100)
        if score < minimum:
            short.append(f"{category} {score} < {minimum}: " + "; ".join(failing_audits(report, category)))
    assert short == [], f"{path}: " + "\n".join(short)
