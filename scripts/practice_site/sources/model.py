"""Plain, frozen data classes for a principle read from its source document (built whole by the parser)."""

from __future__ import annotations

from dataclasses import dataclass

from practice_site.names import SUMMARY_ANCHOR, module_id


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline Markdown and the source line it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class ListItem(Paragraph):
    """One list item: its inline Markdown, its line, and any list nested under it."""

    sublist: BulletList | None = None


@dataclass(frozen=True)
class BulletList:
    """A bulleted or numbered list: one item (inline Markdown and source line) per entry."""

    items: tuple[Paragraph, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a main section: page level 3 or 4, with a stable anchor."""

    text: str
    line: int
    level: int
    anchor: str


@dataclass(frozen=True)
class Quote:
    """A block quote: the blocks inside it (paragraphs, lists, tables, quotes)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    """A pipe table: the header row, the alignment rule as written, the body rows of cells, and its
    caption (inline Markdown, from a "Table 1: ..." paragraph directly above it) with its line."""

    header: tuple[Paragraph, ...]
    rule: str
    rows: tuple[tuple[Paragraph, ...], ...]
    caption: str = ""
    caption_line: int = 0


Block = Paragraph | BulletList | Heading | Quote | Table


def block_paragraphs(block: Block) -> list[Paragraph]:
    """Every piece of inline text in a block, in reading order, with the line it starts on.

    Every block type yields its text here: paragraphs, list items at any depth, sub-headings,
    block quotes' blocks and tables (the caption, if any, then the cells: header first, then row by row).
    """
    if isinstance(block, BulletList):
        found: list[Paragraph] = []
        for item in block.items:
            found.append(item)
            if isinstance(item, ListItem) and item.sublist is not None:
                found.extend(block_paragraphs(item.sublist))
        return found
    if isinstance(block, Heading):
        return [Paragraph(block.text, block.line)]
    if isinstance(block, Quote):
        return [p for inner in block.blocks for p in block_paragraphs(inner)]
    if isinstance(block, Table):
        caption = [Paragraph(block.caption, block.caption_line)] if block.caption else []
        return [*caption, *block.header, *(cell for row in block.rows for cell in row)]
    return [block]


@dataclass(frozen=True)
class Section:
    """A main section: its heading, a stable anchor and its blocks."""

    heading: str
    anchor: str
    line: int
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Footnote:
    """A numbered note: its label as written and the blocks of its text."""

    label: str
    line: int
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class CrossReference:
    """A mention of other principles by number, such as "Practice Principles 1 and 3"."""

    text: str
    numbers: tuple[int, ...]
    line: int


@dataclass(frozen=True)
class Principle:
    """One Practice Principle, repaired and ready to render."""

    number: int
    title: str
    short_title: str
    path: str
    title_line: int
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...] = ()
    references_heading: Section | None = None
    references_caption: str = ""
    references: tuple[Paragraph, ...] = ()
    footer: str = ""
    cross_references: tuple[CrossReference, ...] = ()
    repairs: tuple[str, ...] = ()

    @property
    def module_id(self) -> str:
        """The id that names this module in URLs and the learner's browser storage."""
        return module_id(self.number)

    @property
    def summary(self) -> Section:
        """The Summary section (the parser guarantees there is one)."""
        return next(s for s in self.sections if s.anchor == SUMMARY_ANCHOR)
