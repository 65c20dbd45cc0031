"""Shared by the citations site tests in unit/, build/ and browser/."""

from __future__ import annotations

from pathlib import Path


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")
