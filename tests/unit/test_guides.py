"""The README stays short and sends each audience to its guide; no link in them leads nowhere."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT

README = ROOT / "README.md"
GUIDES = ("editors.md", "trainers.md", "lms-administrators.md", "developers.md", "ARCHITECTURE.md")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def documents() -> list[Path]:
    return [README, *sorted((ROOT / "guides").glob("*.md"))]


def slug(heading: str) -> str:
    """The anchor a code host gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def prose(path: Path) -> str:
    """The text without code blocks and code spans, whose brackets are examples, not links."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}


def test_the_readme_is_at_most_8_kb_and_links_every_guide():
    assert len(README.read_bytes()) <= 8192
    text = README.read_text(encoding="utf-8")
    for guide in GUIDES:
        assert f"(guides/{guide})" in text, guide
    for command in ("make site", "make test", "make help"):
        assert command in text
    assert "bench:start" not in text, "make bench writes bench/latest.md, not the README"


def test_every_relative_link_in_the_readme_and_the_guides_resolves():
    broken = []
    for document in documents():
        for target in LINK.findall(prose(document)):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, fragment = target.partition("#")
            file = (document.parent / path).resolve() if path else document
            if not file.exists():
                broken.append(f"{document.name}: {target}")
            elif fragment and file.suffix == ".md" and fragment not in anchors(file):
                broken.append(f"{document.name}: {target} (no such heading)")
    assert broken == []


def test_the_guides_live_outside_docs():
    assert not (ROOT / "docs" / "ARCHITECTURE.md").exists()
    for guide in GUIDES:
        assert (ROOT / "guides" / guide).is_file(), guide
