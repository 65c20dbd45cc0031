"""Read one source document into a repaired :class:`Principle`."""

from __future__ import annotations

import re
from dataclasses import replace

from practice_site.errors import SourceError
from practice_site.sources import repair
from practice_site.sources.anchors import RESERVED_ANCHORS, Anchors, slugify
from practice_site.sources.cross_references import find_cross_references
from practice_site.sources.model import (
    Block,
    CrossReference,
    Footnote,
    Heading,
    Paragraph,
    Principle,
    Quote,
    Section,
    block_paragraphs,
)
from practice_site.sources.split_blocks import (
    RawBlock,
    arrange_lists,
    build_list,
    build_table,
    quote_blocks,
    raw_blocks,
)
from practice_site.sources.table_captions import caption_tables

TITLE = re.compile(r"^(\d+)\.\s+(\S.*)$")
REFERENCES_HEADING = re.compile(r"^(research\s+summary\s+)?references$", re.IGNORECASE)
FOOTNOTE_START = re.compile(r"^<sup>\s*(\w+)\s*</sup>\s*")
FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")
# A comma before a clause that qualifies what responses must do: the navigation title ends there.
QUALIFYING_CLAUSE = re.compile(r",\s*(?:wherever|where|whenever|when|if|unless|(?:as|so)\s+far\s+as|"
                               r"including|especially|particularly|while|whilst)\b", re.IGNORECASE)
# A comma before a participle that starts a clause ("trauma-informed, recognising harm in communities"), not
# a list ("learning, housing and health"): no "and" or "or" follows it.
PARTICIPLE_CLAUSE = re.compile(r",\s*[a-z]+ing\s+(?![^,]*\b(?:and|or)\b)")
TITLE_EXAMPLE = '"## 4. Responses to child exploitation and extra-familial harm must... be ..."'


def short_title(title: str) -> str:
    """The navigation title: what the principle says responses must do, as a whole phrase.

    "Responses ... must be strengths-based and relationship-based" -> "Strengths-based and
    relationship-based"; "... must approach parents and carers as partners, wherever possible"
    -> "Approach parents and carers as partners". Only a trailing qualifying or participle clause
    (", recognising harm ...") is cut; a comma inside a list ("children, young people and families",
    "learning, housing and health") is kept.
    """
    _, found, rest = title.partition(" must ")
    rest = QUALIFYING_CLAUSE.split(rest.removeprefix("be "), maxsplit=1)[0]
    rest = PARTICIPLE_CLAUSE.split(rest, maxsplit=1)[0].strip().rstrip(".,;:").rstrip()
    if not found or not rest:
        return title
    return rest[:1].upper() + rest[1:]


def parse_title(block: RawBlock | None, path: str) -> tuple[int, str, int]:
    """Return (number, full title, line) from the first block, or explain what is missing."""
    if block is None:
        raise SourceError(
            path, 1, f"the file is empty; add the principle's title line, such as {TITLE_EXAMPLE}, "
            "then its sections"
        )
    line, text = block.items[0]
    match = TITLE.match(text) if block.kind == "heading" else None
    if match is None:
        raise SourceError(
            path,
            line,
            f'expected the title line, such as {TITLE_EXAMPLE}, but found "{text[:60]}"; '
            "make the principle's number and title the first heading",
        )
    return int(match.group(1)), repair.join_ellipsis(match.group(2)), line


def clean_inline(text: str, path: str, line: int, repairs: list[str]) -> str:
    """Apply the inline repairs: links to nowhere, doubled escapes, note markers, raw HTML as text."""
    return repair.clean_inline(text, f"{path}:{line}", repairs)


class _Reader:
    """Walks the raw blocks of one document and collects what its Principle holds."""

    def __init__(self, path: str, page_title: str, main_level: int) -> None:
        self.path = path
        self.mode = "sections"
        # Each main section and each note, with the blocks read into it so far.
        self.sections: list[tuple[Section, list[Block]]] = []
        self.footnotes: list[tuple[Footnote, list[Block]]] = []
        self.section: list[Block] | None = None  # the blocks of the section being read
        self.footnote: list[Block] | None = None  # the blocks of the note being read, if any
        self.references: list[Paragraph] = []
        self.references_heading: Section | None = None
        self.references_caption = ""
        self.repairs: list[str] = []
        self.anchors = Anchors(RESERVED_ANCHORS | {page_title})
        self.main_level = main_level
        self.sub_level = 2
        self.references_seen: dict[str, int] = {}
        # Paragraphs cut by page breaks: their parts, joined once at the end (not once per part).
        self.joined: dict[int, tuple[Paragraph, list[str]]] = {}

    def heading(self, block: RawBlock) -> None:
        line, text = block.items[0]
        if self.mode == "references":
            if self.references_caption:
                raise SourceError(
                    self.path, line, "a second heading inside the reference list; "
                    "the reference list must come last, so move this heading above it"
                )
            self.references_caption = text
            return
        if block.level > self.main_level and self.section is not None and not REFERENCES_HEADING.match(text):
            self.sub_heading(block, line, text)
            return
        section = Section(text, self.anchors.add(text), line)
        if REFERENCES_HEADING.match(text):
            self.mode = "references"
            self.references_heading = section
        else:
            self.section = []
            self.sections.append((section, self.section))
        self.sub_level = 2
        self.footnote = None

    def sub_heading(self, block: RawBlock, line: int, text: str) -> None:
        """A heading deeper than the main sections: h3 one level down, h4 below that, never skipping one.

        It ends a note: the text after it belongs to the section again.
        """
        level = min(3 if block.level == self.main_level + 1 else 4, self.sub_level + 1)
        self.sub_level = level
        self.footnote = None
        self.section_blocks(block).append(Heading(self.clean(text, line), line, level, self.anchors.add(text)))

    def reference_entries(self, block: RawBlock) -> None:
        entries = [(block.line, " ".join(t for _, t in block.items if t))]
        if block.kind == "list":
            entries = [(item.line, item.text) for item in block.list_items]
        for line, text in entries:
            entry = Paragraph(repair.unescape(text), line)
            key = repair.normalise_entry(entry.text)
            if key in self.references_seen:
                self.repairs.append(
                    f"{self.path}:{line}: reference repeats line {self.references_seen[key]} "
                    "(split by a page break); shown once"
                )
                continue
            self.references_seen[key] = line
            self.references.append(entry)

    def clean(self, text: str, line: int) -> str:
        return clean_inline(text, self.path, line, self.repairs)

    def build(self, block: RawBlock) -> Block:
        """The model block for one raw block (a heading inside a block quote is kept as a paragraph)."""
        if block.kind == "list":
            built = build_list(block.list_items, self.clean)
            for line in block.joins:
                self.repairs.append(f"{self.path}:{line}: list continues the list above; joined")
            return built
        if block.kind == "quote":
            return Quote(caption_tables([self.build(inner) for inner in quote_blocks(block)]))
        if block.kind == "table":
            return build_table(block, self.clean)
        return Paragraph(self.clean(" ".join(t for _, t in block.items), block.line), block.line)

    def new_block(self, block: RawBlock) -> Block:
        """The model block for one raw block of a section (a paragraph may open a note)."""
        if block.kind != "paragraph":
            return self.build(block)
        text = " ".join(t for _, t in block.items)
        start = FOOTNOTE_START.match(text)
        if start:
            self.footnote = []
            self.footnotes.append((Footnote(start.group(1), block.line), self.footnote))
            text = text[start.end():]
        return Paragraph(self.clean(text, block.line), block.line)

    def text_block(self, block: RawBlock) -> None:
        new = self.new_block(block)
        target = self.footnote if self.footnote is not None else self.section_blocks(block)
        previous = target[-1] if target else None
        if type(previous) is Paragraph and type(new) is Paragraph:
            _, parts = self.joined.get(id(previous), (previous, [previous.text]))
            if repair.is_cut_paragraph(parts[-1], new.text):
                parts.append(new.text)
                self.joined[id(previous)] = (previous, parts)
                self.repairs.append(
                    f"{self.path}:{block.line}: paragraph cut by a page break after line {previous.line}; joined"
                )
                return
        target.append(new)

    def finished(self, blocks: list[Block]) -> tuple[Block, ...]:
        """The blocks read, with the parts of every paragraph that page breaks cut joined, and each
        "Table 1: ..." paragraph directly above a table made that table's caption."""
        return caption_tables([Paragraph(" ".join(self.joined[id(b)][1]), self.joined[id(b)][0].line)
                               if id(b) in self.joined else b for b in blocks])

    def principle(self, number: int, title: str, title_line: int, footer: str) -> Principle:
        """The Principle read, whole."""
        return Principle(
            number, title, short_title(title), self.path, title_line,
            sections=tuple(replace(section, blocks=self.finished(blocks)) for section, blocks in self.sections),
            footnotes=tuple(replace(note, blocks=self.finished(blocks)) for note, blocks in self.footnotes),
            references_heading=self.references_heading, references_caption=self.references_caption,
            references=tuple(self.references), footer=footer, repairs=tuple(self.repairs),
        )

    def section_blocks(self, block: RawBlock) -> list[Block]:
        if self.section is None:
            raise SourceError(
                self.path, block.line, "text before the first section heading; "
                'add a heading such as "### Summary" above it'
            )
        return self.section


def main_section_level(blocks: list[RawBlock]) -> int:
    """The level of the Summary heading (the main sections' level); the shallowest heading without one."""
    headings = [b for b in blocks[1:] if b.kind == "heading"]
    summary = next((b for b in headings if slugify(b.items[0][1]) == "summary"), None)
    if summary is not None:
        return summary.level
    return min((b.level for b in headings), default=2)


def parse_principle(lines: list[str], path: str) -> Principle:
    """Parse the lines of one source document (named ``path`` in errors) into a Principle."""
    body, footer = repair.split_footer(lines)
    blocks = arrange_lists(raw_blocks(body))
    for block in blocks:
        if block.kind == "heading" and not block.items[0][1]:
            raise SourceError(
                path, block.line, "this heading has no text; add its words after the '#' marks "
                "or delete the line"
            )
    number, title, title_line = parse_title(blocks[0] if blocks else None, path)
    page_title = slugify(f"Practice Principle {number}: {title}")
    reader = _Reader(path, page_title, main_section_level(blocks))
    for block in blocks[1:]:
        if block.kind == "heading":
            reader.heading(block)
        elif reader.mode == "references":
            reader.reference_entries(block)
        else:
            reader.text_block(block)
    principle = reader.principle(number, title, title_line, "\n".join(footer).strip("\n"))
    check_structure(principle)
    return replace(principle, cross_references=mentions(principle))


def body_paragraphs(principle: Principle) -> list[Paragraph]:
    """Every piece of inline text of the sections and notes, in document order."""
    found: list[Paragraph] = []
    for blocks in [s.blocks for s in principle.sections] + [f.blocks for f in principle.footnotes]:
        for block in blocks:
            found.extend(block_paragraphs(block))
    return found


def check_structure(principle: Principle) -> None:
    """Refuse a principle without a Summary, or with notes that do not match their markers."""
    if not any(s.anchor == "summary" for s in principle.sections):
        raise SourceError(
            principle.path, principle.title_line, "the principle has no Summary section; "
            'add a "### Summary" heading and its text after the title'
        )
    labels = {f.label: f for f in principle.footnotes}
    used: set[str] = set()
    for paragraph in body_paragraphs(principle):
        for label in FOOTNOTE_REF.findall(repair.unprotected(paragraph.text)):
            if label not in labels:
                raise SourceError(
                    principle.path, paragraph.line, f"note marker <sup>{label}</sup> has no note; "
                    f"add a paragraph starting <sup>{label}</sup> with the note's text"
                )
            used.add(label)
    for label, note in labels.items():
        if label not in used:
            raise SourceError(
                principle.path, note.line, f"note {label} is never marked in the text; "
                f"add <sup>{label}</sup> where the note applies"
            )


def mentions(principle: Principle) -> tuple[CrossReference, ...]:
    """The cross-references to other principles, as written (citations are found by the references stage)."""
    return tuple(ref for paragraph in body_paragraphs(principle)
                 for ref in find_cross_references(paragraph.text, paragraph.line)
                 if ref.numbers != (principle.number,))
