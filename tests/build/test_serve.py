"""`mkdocs serve` rebuilds a module when its source document changes."""

from __future__ import annotations

import os
import subprocess
import time

from helpers import MKDOCS, copy_project

from bench import fetch, free_port  # scripts/bench.py: the benchmark times the same edit


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def test_serve_reloads_when_a_source_changes(tmp_path):
    project = copy_project(tmp_path)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/principles/principle-7.html"
        assert wait_for(url, "Approach parents and carers as partners", 60)
        source = project / "sources" / "principle-07.txt"
        text = source.read_text(encoding="utf-8")
        edited = text.replace("### Summary\n", "### Summary\n\nA sentence added while serving.\n", 1)
        source.write_text(edited, encoding="utf-8")
        assert wait_for(url, "A sentence added while serving.", 30)
    finally:
        server.terminate()
        server.wait(timeout=10)
