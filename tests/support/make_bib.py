"""Shared by the make bib tests in unit/, build/ and browser/."""

from __future__ import annotations


def fictional_principle(number: int, references: list[str]) -> str:
    """A small source document in the principles' format, with these references."""
    return (f"## {number}. Responses to child exploitation and extra-familial harm must... be tested\n\n"
            "### Summary\n\nA fictional summary for a test.\n\n## Research summary references\n\n"
            + "\n\n".join(references) + "\n")

def add_principle(project, number: int, references: list[str]) -> None:
    (project / "sources" / f"zz-{number}.txt").write_text(fictional_principle(number, references), encoding="utf-8")
