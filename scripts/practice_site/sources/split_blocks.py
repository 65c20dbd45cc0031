"""Group a document's lines into raw blocks (headings, paragraphs, lists, block quotes, tables),
and build the model's lists and tables from them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from practice_site.sources.model import BulletList, ListItem, Paragraph, Table
from practice_site.sources.repair import heading_text

LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?:(?P<bullet>[-*\u2022\u2013\u25e6\u25aa])|(?P<number>\d{1,3})(?P<delim>[.)]))\s+(?P<text>\S.*)$"
)
QUOTE = re.compile(r"^\s{0,3}>\s?(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# Matched against a stripped line, with no two runs of spaces side by side (no backtracking).
TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
# As Python-Markdown's tables read a row: escaped backslashes, escaped and plain backtick runs, pipes.
CODE_PIPES = re.compile(r"(?:(\\\\)|(\\`+)|(`+)|(\\\|)|(\|))")
END_BORDER = re.compile(r"(?<!\\)(?:\\\\)*\|$")
MAX_QUOTE_DEPTH = 6  # deeper ">" marks stay as text (a PDF never needs more)
MAX_LIST_DEPTH = 6  # deeper indents stay at the sixth level

Clean = Callable[[str, int], str]


@dataclass
class RawItem:
    """One list item as written: its line, indent, marker and text (continuation lines kept apart)."""

    line: int
    parts: list[str]
    indent: int = 0
    number: int | None = None  # the number of an ordered item ("3." or "3)"), else None
    marker: str = "-"  # the bullet, or "." / ")" after a number

    @property
    def text(self) -> str:
        """The item's text, its continuation lines joined by single spaces."""
        return " ".join(self.parts)

    @property
    def ordered(self) -> bool:
        """True for a numbered item."""
        return self.number is not None


@dataclass
class RawBlock:
    """A run of lines between blank lines, before any repair.

    ``kind`` is "heading", "paragraph", "list", "quote" or "table". ``items`` holds (line number,
    text) pairs: the heading text, the paragraph's (or quote's, or table's) lines; ``list_items``
    the items of a list; ``joins`` the lines where a list continued after a page break.
    """

    kind: str
    line: int
    items: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0
    list_items: list[RawItem] = field(default_factory=list)
    depth: int = 0  # how many block quotes this block is inside
    joins: list[int] = field(default_factory=list)


def list_item(line: str, number: int) -> RawItem | None:
    """The list item a line starts, or None."""
    match = LIST_ITEM.match(line)
    if not match:
        return None
    ordinal = int(match.group("number")) if match.group("number") else None
    marker = match.group("bullet") or match.group("delim")
    return RawItem(number, [match.group("text").strip()], len(match.group("indent").expandtabs(4)), ordinal, marker)


def raw_blocks(lines: list[str], first_line: int = 1, depth: int = 0) -> list[RawBlock]:
    """Split ``lines`` (numbered from ``first_line``; inside ``depth`` block quotes) into raw blocks."""
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            current = None if current is None or current.kind != "quote" else current
            if current is not None:
                current.items.append((number, ""))
            continue
        current = add_line(blocks, current, number, line, depth)
    for block in blocks:
        while block.kind == "quote" and block.items and not block.items[-1][1].strip():
            block.items.pop()
    return [finish_table(b) for b in blocks]


def add_line(
    blocks: list[RawBlock], current: RawBlock | None, number: int, line: str, depth: int = 0
) -> RawBlock | None:
    """Add one non-blank line to the blocks; return the block that is still open."""
    quote = QUOTE.match(line) if depth < MAX_QUOTE_DEPTH else None
    if current is not None and current.kind == "quote" and not quote:
        current = None
    heading = heading_text(line)
    if heading is not None:
        blocks.append(RawBlock("heading", number, [(number, heading[1])], heading[0], depth=depth))
        return None
    if quote:
        if current is None or current.kind != "quote":
            current = RawBlock("quote", number, depth=depth)
            blocks.append(current)
        current.items.append((number, quote.group("text").rstrip()))
        return current
    item = list_item(line, number)
    if item is not None and (current is None or current.kind in {"list", "paragraph"} and
                             (current.kind == "list" or item.number is None or item.number == 1)):
        if current is None or current.kind != "list":
            current = RawBlock("list", number, depth=depth)
            blocks.append(current)
        current.list_items.append(item)
        return current
    if current is not None and current.kind == "list":
        current.list_items[-1].parts.append(line.strip())
        return current
    if current is None:
        current = RawBlock("paragraph", number, depth=depth)
        blocks.append(current)
    current.items.append((number, line.strip()))
    return current


def finish_table(block: RawBlock) -> RawBlock:
    """A paragraph of ``| a | b |`` rows with a ``|---|`` rule as its second line is a table."""
    rows = [text.strip() for _, text in block.items]
    if (block.kind == "paragraph" and len(rows) >= 2 and TABLE_ROW.match(rows[0]) and TABLE_RULE.match(rows[1])
            and all(TABLE_ROW.match(r) for r in rows[2:])):
        block.kind = "table"
    return block


def quote_blocks(block: RawBlock) -> list[RawBlock]:
    """The raw blocks inside a block quote (its lines without their ``>``)."""
    return arrange_lists(raw_blocks([text for _, text in block.items], block.line, block.depth + 1))


def nests(item: RawItem, indent: int, above: RawItem) -> bool:
    """True when ``item`` goes under the item ``above`` (at ``indent``): indented by two or more
    spaces, or indented at all with a different marker (a bullet under a number, "◦" under "•")."""
    return item.indent >= indent + 2 or (item.indent > indent and
                                         (item.ordered != above.ordered or item.marker != above.marker))


def arrange_lists(blocks: list[RawBlock]) -> list[RawBlock]:
    """Join a list continued after a page break (blank lines) to the list above; split a list where
    its top-level items change from numbers to bullets or back (two lists written one after another)."""
    joined: list[RawBlock] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if block.kind == "list" and previous is not None and previous.kind == "list" and continues(previous, block):
            previous.list_items.extend(block.list_items)
            previous.joins.append(block.line)
        else:
            joined.append(block)
    return [part for block in joined for part in split_list(block)]


def continues(previous: RawBlock, block: RawBlock) -> bool:
    """True when the list ``block`` carries on ``previous``: nested under its items, more bullets
    after bullets, or the next number after its last top-level number."""
    first, item = previous.list_items[0], block.list_items[0]
    if nests(item, first.indent, first):
        return True
    last = next(i for i in reversed(previous.list_items) if not nests(i, first.indent, first))
    if item.ordered != last.ordered:
        return False
    return not item.ordered or item.number == (last.number or 0) + 1


def split_list(block: RawBlock) -> list[RawBlock]:
    """The list split where a top-level item has the other kind of marker; other blocks unchanged."""
    if block.kind != "list":
        return [block]
    parts = [block]
    first = block.list_items[0]
    items, block.list_items = block.list_items, []
    for item in items:
        current = parts[-1]
        if current.list_items and not nests(item, first.indent, first) and item.ordered != first.ordered:
            current, first = RawBlock("list", item.line, depth=block.depth), item
            parts.append(current)
        current.list_items.append(item)
    return parts


@dataclass
class _ListDraft:
    """A list while its items are read: each item's text, line and the list nested under it, if any."""

    ordered: bool
    start: int
    items: list[tuple[str, int, _ListDraft | None]] = field(default_factory=list)

    def nest(self, ordered: bool, start: int) -> _ListDraft:
        """The list under the last item (made when the first nested item arrives)."""
        text, line, sublist = self.items[-1]
        if sublist is None:
            sublist = _ListDraft(ordered, start)
            self.items[-1] = (text, line, sublist)
        return sublist

    def built(self) -> BulletList:
        return BulletList(tuple(ListItem(text, line, sublist.built() if sublist else None)
                                for text, line, sublist in self.items), self.ordered, self.start)


def build_list(items: list[RawItem], clean: Clean) -> BulletList:
    """A (possibly nested) list from raw items: an item that nests under the one above goes in its sublist."""
    root = _ListDraft(items[0].ordered, items[0].number or 1)
    # Each level: its indent, its list and the raw item last added to it.
    stack: list[tuple[int, _ListDraft, list[RawItem]]] = [(items[0].indent, root, [])]
    for raw in items:
        while len(stack) > 1 and raw.indent < stack[-1][0]:
            stack.pop()
        _, current, last = stack[-1]
        if last and len(stack) < MAX_LIST_DEPTH and nests(raw, last[0].indent, last[0]):
            current, last = current.nest(raw.ordered, raw.number or 1), []
            stack.append((raw.indent, current, last))
        current.items.append((clean(raw.text, raw.line), raw.line, None))
        last[:] = [raw]
    return root.built()


def split_cells(row: str) -> list[str]:
    """The cells of a ``| a | b |`` row, split where Python-Markdown's tables split them: not at
    ``\\|``, nor inside backticks that its table reader pairs (so code stays in one cell)."""
    row = row.strip().removeprefix("|")
    row = row[:-1] if END_BORDER.search(row) else row
    tics: list[int] = []
    points: list[tuple[int, int, int]] = []  # start, last backtick, 1 if escaped
    pipes: list[int] = []
    for match in CODE_PIPES.finditer(row):
        if match.group(2):
            tics.append(len(match.group(2)) - 1)
            points.append((match.start(2), match.end(2) - 1, 1))
        elif match.group(3):
            tics.append(len(match.group(3)))
            points.append((match.start(3), match.end(3) - 1, 0))
        elif match.group(5):
            pipes.append(match.start(5))
    regions = tic_regions(tics, points)
    cells, start, region = [], 0, 0
    for pipe in pipes:
        while region < len(regions) and regions[region][1] < pipe:
            region += 1
        if region < len(regions) and regions[region][0] <= pipe:
            continue  # inside code
        cells.append(row[start:pipe].strip())
        start = pipe + 1
    return [*cells, row[start:].strip()]


def tic_regions(tics: list[int], points: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The code regions Python-Markdown's table reader pairs: each run of backticks with the next
    run of the size it expects (one less when escaped), by bisection, not by scanning ahead."""
    by_size: dict[int, list[int]] = {}
    for index, size in enumerate(tics):
        by_size.setdefault(size, []).append(index)
    regions, index = [], 0
    while index < len(tics):
        size = tics[index] - points[index][2]
        same = by_size.get(size, []) if size else []
        later = bisect.bisect_right(same, index)
        if later == len(same):
            index += 1
            continue
        regions.append((points[index][0], points[same[later]][1]))
        index = same[later] + 1
    return regions


def build_table(block: RawBlock, clean: Clean) -> Table:
    """A pipe table: header, alignment rule and rows, every row as wide as the widest one."""
    (head_line, head), (_, rule), *rows = block.items
    cells = [split_cells(head), *(split_cells(text) for _, text in rows)]
    width = max(len(row) for row in cells)
    aligns = split_cells(rule)
    if len(aligns) != width:
        aligns = (aligns + ["---"] * width)[:width]
        rule = "| " + " | ".join(aligns) + " |"
    lines = [head_line, *(number for number, _ in rows)]
    table = [tuple(Paragraph(clean(c, n), n) for c in row + [""] * (width - len(row)))
             for n, row in zip(lines, cells, strict=True)]
    return Table(table[0], rule.strip(), tuple(table[1:]))
