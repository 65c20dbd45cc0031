"""Shared by the validators tests in unit/, build/ and browser/."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT

NODE_MODULES = ROOT / "node_modules"

VALIDATORS = Path(__file__).parents[1] / "validators"

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

JAVA = "/usr/bin/java"

def html_files(folder: Path) -> list[Path]:
    """Every page under ``folder`` (404, redirect pages and sub-folders included)."""
    return sorted(folder.rglob("*.html"))

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
