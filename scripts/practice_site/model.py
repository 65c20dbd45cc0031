"""Plain data classes for a principle read from its source document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """A paragraph of inline Markdown and the source line it starts on."""

    text: str
    line: int


@dataclass
class BulletList:
    """A bulleted list: one inline Markdown string and source line per item."""

    items: list[Paragraph]


Block = Paragraph | BulletList


@dataclass
class Section:
    """A main section: its heading, a stable anchor and its blocks."""

    heading: str
    anchor: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Footnote:
    """A numbered note: its label as written and the blocks of its text."""

    label: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class CrossReference:
    """A mention of other principles by number, such as "Practice Principles 1 and 3"."""

    text: str
    numbers: list[int]
    line: int


@dataclass
class Citation:
    """An in-text citation as found, such as "(Ruch, 2020, p.3)"."""

    text: str
    line: int


@dataclass
class Principle:
    """One Practice Principle, repaired and ready to render."""

    number: int
    title: str
    short_title: str
    path: str
    title_line: int
    sections: list[Section]
    footnotes: list[Footnote] = field(default_factory=list)
    references_heading: Section | None = None
    references_caption: str = ""
    references: list[Paragraph] = field(default_factory=list)
    footer: str = ""
    citations: list[Citation] = field(default_factory=list)
    cross_references: list[CrossReference] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def module_id(self) -> str:
        """The id that names this module in URLs and the learner's browser storage."""
        return f"principle-{self.number}"

    @property
    def summary(self) -> Section:
        """The Summary section (the parser guarantees there is one)."""
        return next(s for s in self.sections if s.anchor == "summary")
