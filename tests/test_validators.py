"""Three outside checkers over the real built site: pa11y, the Nu HTML Checker and Lighthouse.

All three use what package-lock.json pins (node_modules) and Debian's Chromium and Java; none
downloads anything or lets a page reach the internet (Chromium's proxy is a closed local port).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, serving

from practice_site.pages.theme_markup import fix_theme_markup

NODE_MODULES = ROOT / "node_modules"
VALIDATORS = Path(__file__).parent / "validators"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = "/usr/bin/java"
# Lighthouse's Chromium: headless, and unable to reach anything but loopback (CHROMIUM_ARGS).
LIGHTHOUSE_CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
LIGHTHOUSE_PAGES = ["index.html", "principles/principle-4.html", "my-learning.html", "bibliography.html"]
LIGHTHOUSE_MINIMUM = {"accessibility": 100, "best-practices": 100, "seo": 95}


def html_files(folder: Path) -> list[Path]:
    """Every page under ``folder`` (404, redirect pages and sub-folders included)."""
    return sorted(folder.rglob("*.html"))


# --- pa11y (HTML_CodeSniffer, WCAG2AA: see tests/validators/pa11y-pages.mjs) ---------------------

def run_pa11y(urls: list[str]) -> dict:
    """pa11y's errors for each page, from one Chromium (tests/validators/pa11y-pages.mjs)."""
    result = subprocess.run(
        ["node", str(VALIDATORS / "pa11y-pages.mjs"), *urls],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env=_node_env(),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def _node_env() -> dict[str, str]:
    import os

    return {**os.environ, "CHROME_PATH": CHROMIUM, "CHROMIUM_ARGS": json.dumps(CHROMIUM_ARGS),
            "PUPPETEER_SKIP_DOWNLOAD": "true"}


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


# --- The Nu HTML Checker (vnu.jar) ----------------------------------------------------------------

def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors for ``files`` (one Java process for all of them)."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    # vnu exits 1 when it finds errors; its JSON report is on stderr (stdout in some versions).
    output = result.stderr.strip() or result.stdout.strip()
    assert output.startswith("{"), output[-2000:]
    report = json.loads(output)
    return report["messages"]


def describe_vnu(messages: list[dict]) -> str:
    return "\n".join(
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}\n"
        f"    {(m.get('extract') or '').strip()[:160]}"
        for m in messages
    )


def test_nu_html_checker_finds_no_errors_in_the_site_or_the_offline_copy(built_site, offline_copy):
    files = html_files(built_site) + html_files(offline_copy)
    assert html_files(built_site) and html_files(offline_copy)
    messages = run_vnu(files)
    assert messages == [], describe_vnu(messages)


def test_nu_html_checker_notices_a_real_error(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Bad</title></head>'
                   '<body><input type="checkbox" autocomplete="off"><p tabindex="">x</p></body></html>',
                   encoding="utf-8")
    messages = run_vnu([bad])
    text = describe_vnu(messages)
    assert "autocomplete" in text and "tabindex" in text, text


# --- Material's toggles (theme_markup) ---------------------------------------------------------------

MATERIAL_TOGGLES = (
    '<body dir="ltr">\n    \n    \n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
    'id="__drawer" autocomplete="off">\n    <input class="md-toggle" data-md-toggle="search" '
    'type="checkbox" id="__search" autocomplete="off">\n    <label class="md-overlay" for="__drawer"></label>'
)


def test_theme_markup_removes_autocomplete_from_the_toggles_only():
    page = (f"<!doctype html><html><head><script>var s = '<input class=\"md-toggle\" autocomplete=\"off\">'"
            f"</script></head>{MATERIAL_TOGGLES}"
            '<input type="text" class="md-search__input" name="q" autocomplete="off">'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked></body></html>')
    fixed = fix_theme_markup(page)
    assert ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">') in fixed
    # Untouched: a script's text, the search box (autocomplete is valid there), other toggles.
    assert "var s = '<input class=\"md-toggle\" autocomplete=\"off\">'" in fixed
    assert '<input type="text" class="md-search__input" name="q" autocomplete="off">' in fixed
    assert '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked>' in fixed
    assert fixed.replace('id="__drawer">', 'id="__drawer" autocomplete="off">').replace(
        'id="__search">', 'id="__search" autocomplete="off">') == page


def test_theme_markup_keeps_everything_else_byte_for_byte():
    page = "<!doctype html>\n<p title='a &amp; b'>caf\u00e9 &eacute;</p>\r\n<input type=checkbox class=x>"
    assert fix_theme_markup(page) == page
    assert fix_theme_markup(fix_theme_markup(MATERIAL_TOGGLES)) == fix_theme_markup(MATERIAL_TOGGLES)


def test_theme_markup_escapes_attribute_values_it_rewrites():
    page = '<input class="md-toggle" type="checkbox" id="a&quot;b" data-x=\'<&>\' autocomplete="off">'
    assert fix_theme_markup(page) == '<input class="md-toggle" type="checkbox" id="a&quot;b" data-x="&lt;&amp;&gt;">'


# --- Lighthouse --------------------------------------------------------------------------------------

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
