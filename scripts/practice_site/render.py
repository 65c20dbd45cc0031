"""Write a :class:`Principle` as the Markdown of its module page."""

from __future__ import annotations

from collections.abc import Callable

from .crosslinks import link_cross_references
from .model import Block, BulletList, Principle

FOOTNOTES_PLACE = "///Footnotes Go Here///"


def module_filename(number: int) -> str:
    """The module page's name inside the principles folder, for example ``principle-4.md``."""
    return f"principle-{number}.md"


def render_blocks(blocks: list[Block], link: Callable[[str], str]) -> list[str]:
    """Markdown chunks for paragraphs and lists (one chunk per block)."""
    chunks = []
    for block in blocks:
        if isinstance(block, BulletList):
            chunks.append("\n".join(f"- {link(item.text)}" for item in block.items))
        else:
            chunks.append(link(block.text))
    return chunks


def indent(chunk: str) -> str:
    """Indent every line by four spaces (continuation blocks of a footnote)."""
    return "\n".join(f"    {line}" if line else line for line in chunk.splitlines())


def render_principle(principle: Principle, known: set[int]) -> str:
    """The module page: title, sections in source order, notes, then the reference list."""

    def href(number: int) -> str | None:
        if number == principle.number or number not in known:
            return None
        return module_filename(number)

    def link(text: str) -> str:
        return link_cross_references(text, href)

    out = [f"# Practice Principle {principle.number}: {principle.title}"]
    for section in principle.sections:
        out.append(f"## {section.heading} {{#{section.anchor}}}")
        out.extend(render_blocks(section.blocks, link))
    for note in principle.footnotes:
        first, *rest = render_blocks(note.blocks, link) or [""]
        out.append(f"[^{note.label}]: {first}")
        out.extend(indent(chunk) for chunk in rest)
    if principle.footnotes:
        out.append(FOOTNOTES_PLACE)
    if principle.references_heading is not None:
        heading = principle.references_heading
        out.append(f"## {heading.heading} {{#{heading.anchor}}}")
        if principle.references_caption:
            out.append(f"{principle.references_caption}\n{{: .references-caption }}")
        out.extend(f"{entry.text}\n{{: .reference }}" for entry in principle.references)
    return "\n\n".join(out) + "\n"
