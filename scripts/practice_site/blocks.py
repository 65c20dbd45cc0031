"""Group a document's lines into raw blocks: headings, paragraphs, lists, block quotes and tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .repair import heading_text

LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?:(?P<bullet>[-*\u2022\u2013\u25e6\u25aa])|(?P<number>\d{1,3})[.)])\s+(?P<text>\S.*)$"
)
QUOTE = re.compile(r"^\s{0,3}>\s?(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass
class RawItem:
    """One list item as written: its line, indent, marker and text (continuation lines joined)."""

    line: int
    text: str
    indent: int = 0
    number: int | None = None  # the number of an ordered item ("3." or "3)"), else None


@dataclass
class RawBlock:
    """A run of lines between blank lines, before any repair.

    ``kind`` is "heading", "paragraph", "list", "quote" or "table". ``items`` holds (line number,
    text) pairs: the heading text, the paragraph's (or quote's, or table's) lines; ``list_items``
    the items of a list.
    """

    kind: str
    line: int
    items: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0
    list_items: list[RawItem] = field(default_factory=list)


def list_item(line: str, number: int) -> RawItem | None:
    """The list item a line starts, or None."""
    match = LIST_ITEM.match(line)
    if not match:
        return None
    ordinal = int(match.group("number")) if match.group("number") else None
    return RawItem(number, match.group("text").strip(), len(match.group("indent").expandtabs(4)), ordinal)


def raw_blocks(lines: list[str], first_line: int = 1) -> list[RawBlock]:
    """Split ``lines`` (numbered from ``first_line``) into raw blocks."""
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            current = None if current is None or current.kind != "quote" else current
            if current is not None:
                current.items.append((number, ""))
            continue
        current = add_line(blocks, current, number, line)
    for block in blocks:
        while block.kind == "quote" and block.items and not block.items[-1][1]:
            block.items.pop()
    return [finish_table(b) for b in blocks]


def add_line(blocks: list[RawBlock], current: RawBlock | None, number: int, line: str) -> RawBlock | None:
    """Add one non-blank line to the blocks; return the block that is still open."""
    quote = QUOTE.match(line)
    if current is not None and current.kind == "quote" and not quote:
        current = None
    heading = heading_text(line)
    if heading is not None:
        blocks.append(RawBlock("heading", number, [(number, heading[1])], heading[0]))
        return None
    if quote:
        if current is None or current.kind != "quote":
            current = RawBlock("quote", number)
            blocks.append(current)
        current.items.append((number, quote.group("text").strip()))
        return current
    item = list_item(line, number)
    if item is not None and (current is None or current.kind in {"list", "paragraph"} and
                             (current.kind == "list" or item.number is None or item.number == 1)):
        if current is None or current.kind != "list":
            current = RawBlock("list", number)
            blocks.append(current)
        current.list_items.append(item)
        return current
    if current is not None and current.kind == "list":
        last = current.list_items[-1]
        last.text = f"{last.text} {line.strip()}"
        return current
    if current is None:
        current = RawBlock("paragraph", number)
        blocks.append(current)
    current.items.append((number, line.strip()))
    return current


def finish_table(block: RawBlock) -> RawBlock:
    """A paragraph of ``| a | b |`` rows with a ``|---|`` rule as its second line is a table."""
    rows = [text for _, text in block.items]
    if (block.kind == "paragraph" and len(rows) >= 2 and TABLE_ROW.match(rows[0]) and TABLE_RULE.match(rows[1])
            and all(TABLE_ROW.match(r) for r in rows[2:])):
        block.kind = "table"
    return block
