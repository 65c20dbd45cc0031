"""Group a document's lines into raw blocks: headings, paragraphs and lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from .repair import heading_text, is_list_item, strip_list_marker


@dataclass
class RawBlock:
    """A run of lines between blank lines, before any repair.

    ``kind`` is "heading", "paragraph" or "list"; ``items`` holds (line number, text) pairs:
    the heading text, the paragraph's lines, or one entry per list item.
    """

    kind: str
    line: int
    items: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0


def raw_blocks(lines: list[str], first_line: int = 1) -> list[RawBlock]:
    """Split ``lines`` (numbered from ``first_line``) into headings, paragraphs and lists."""
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            current = None
            continue
        heading = heading_text(line)
        if heading is not None:
            level, text = heading
            blocks.append(RawBlock("heading", number, [(number, text)], level))
            current = None
        elif is_list_item(line):
            if current is None or current.kind != "list":
                current = RawBlock("list", number)
                blocks.append(current)
            current.items.append((number, strip_list_marker(line).strip()))
        elif current is not None and current.kind == "list":
            last_number, last_text = current.items[-1]
            current.items[-1] = (last_number, f"{last_text} {line.strip()}")
        else:
            if current is None:
                current = RawBlock("paragraph", number)
                blocks.append(current)
            current.items.append((number, line.strip()))
    return blocks
