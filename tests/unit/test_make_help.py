"""`make help` lists every command the Makefile declares, each with the words written above it."""

from __future__ import annotations

import os
import re
import subprocess

from helpers import ROOT


def phony_targets() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return [name for line in re.findall(r"^\.PHONY:(.*)$", text, re.M) for name in line.split()]


def described() -> dict[str, str]:
    """Each command `make help` prints, with its description (continuation lines joined)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    run = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=30)
    assert run.returncode == 0, run.stderr
    commands: dict[str, str] = {}
    name = None
    for line in run.stdout.splitlines()[1:]:
        if match := re.fullmatch(r"  (\S+) +(\S.*)", line):
            name = match[1]
            commands[name] = match[2]
        elif (more := line.strip()) and name:
            commands[name] += " " + more
    return commands


def test_every_command_is_listed_with_its_description():
    targets = phony_targets()
    assert {"site", "test", "help"} <= set(targets)
    listed = described()
    missing = [t for t in targets if len(listed.get(t, "")) < 10]
    assert missing == [], f"no '## ' description above these targets in the Makefile: {missing}"
    assert set(listed) <= set(targets), "make help lists only the commands .PHONY declares"
    assert "Build the site into site/" in listed["site"]


def test_the_description_is_the_comment_above_the_target():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = described()
    for target in phony_targets():
        comments = re.search(rf"((?:^## .*\n)+){re.escape(target)}:", text, re.M)
        assert comments, f"{target}: no '## ' line directly above it"
        assert listed[target] == " ".join(line[3:] for line in comments[1].splitlines())
