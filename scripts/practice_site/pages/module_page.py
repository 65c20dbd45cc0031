"""Write a :class:`Principle` as the Markdown of its module page."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from practice_site.names import module_file, reference_anchor
from practice_site.pages.table_captions import CLASS as CAPTION_CLASS
from practice_site.safe_text import escape_stray_markup, markdown_text, neutralise_markup
from practice_site.sources.cross_references import link_cross_references
from practice_site.sources.model import Block, BulletList, Heading, ListItem, Paragraph, Principle, Quote, Table
from practice_site.sources.repair import neutralise, outside

if TYPE_CHECKING:
    from practice_site.references.reader_notes import ReaderNotes

FOOTNOTES_PLACE = "///Footnotes Go Here///"
# Between two lists that follow each other: without it Python-Markdown makes them one list.
# The sanitiser removes HTML comments from the page.
LIST_BREAK = "<!-- -->"
# What Python-Markdown would read as the start of another block at the start of a paragraph or
# list item ("#tag" a heading, "1984. was" a list, "> " a quote, "[1]: x" a link definition,
# "!!! note" a note box, "/// quiz" a quiz): its first character is escaped, so the text shows as written.
BLOCK_START = re.compile(
    r"^(?:#|>|[-+*](?:\s|$)|\d+\.(?:\s|$)|[-*_](?:\s*[-*_]){2,}\s*$|\[[^\]]*\]:|!!!|///)"
)

Inline = Callable[[str, int], str]


def reference_paragraph(key: str, html_text: str, attributes: str = "") -> str:
    """A reference entry as pandoc formatted it (HTML), in a paragraph the page can link to."""
    return f'<p class="reference"{attributes} id="{reference_anchor(key)}">{html_text}</p>'


def block_start(markdown: str) -> str:
    """``markdown`` with a leading block marker escaped, so that it stays text in its paragraph."""
    match = BLOCK_START.match(markdown)
    if match is None:
        return markdown
    first = markdown[0]
    if first.isdigit():
        dot = markdown.index(".")
        return f"{markdown[:dot]}\\{markdown[dot:]}"
    return ("&#47;" if first == "/" else f"\\{first}") + markdown[1:]


def render_list(block: BulletList, inline: Inline, depth: int = 0) -> list[str]:
    """Markdown lines for a list and the lists nested in it (four spaces a level)."""
    lines = []
    pad = "    " * depth
    for index, item in enumerate(block.items):
        marker = f"{block.start + index}." if block.ordered else "-"
        lines.append(f"{pad}{marker} {block_start(inline(item.text, item.line))}")
        if isinstance(item, ListItem) and item.sublist is not None:
            lines.extend(render_list(item.sublist, inline, depth + 1))
    return lines


def render_table(table: Table, inline: Inline) -> str:
    """A pipe table: its caption, if any, as a marked paragraph just above it (which
    ``pages/table_captions`` makes the table's ``<caption>``), then the header, the alignment rule
    as written and the rows."""

    def row(cells: Sequence[Paragraph]) -> str:
        return "| " + " | ".join(inline(c.text, c.line) for c in cells) + " |"

    caption = block_start(inline(table.caption, table.caption_line)) if table.caption else ""
    rows = "\n".join([row(table.header), table.rule, *(row(r) for r in table.rows)])
    return f"{caption}\n{{: .{CAPTION_CLASS} }}\n\n{rows}" if caption else rows


def render_quote(quote: Quote, inline: Inline) -> str:
    """A block quote: its blocks, each line marked with ``>``."""
    inner = "\n\n".join(render_blocks(quote.blocks, inline))
    return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))


def render_block(block: Block, inline: Inline) -> str:
    """The Markdown of one block."""
    if isinstance(block, BulletList):
        return "\n".join(render_list(block, inline))
    if isinstance(block, Heading):
        return f"{'#' * block.level} {inline(block.text, block.line)} {{#{block.anchor}}}"
    if isinstance(block, Quote):
        return render_quote(block, inline)
    if isinstance(block, Table):
        return render_table(block, inline)
    return block_start(inline(block.text, block.line))


def render_blocks(blocks: Sequence[Block], inline: Inline) -> list[str]:
    """Markdown chunks for the blocks (one chunk per block, and a break between two lists)."""
    chunks: list[str] = []
    for index, block in enumerate(blocks):
        if index and isinstance(block, BulletList) and isinstance(blocks[index - 1], BulletList):
            chunks.append(LIST_BREAK)
        chunks.append(render_block(block, inline))
    return chunks


def indent(chunk: str) -> str:
    """Indent every line by four spaces (continuation blocks of a footnote)."""
    return "\n".join(f"    {line}" if line else line for line in chunk.split("\n"))


def cross_linker(principle: Principle, known: set[int]) -> Callable[[str], str]:
    """Links "Practice Principle N" to module N where it exists (never to the page itself)."""

    def href(number: int) -> str | None:
        if number == principle.number or number not in known:
            return None
        return module_file(number)

    return lambda text: link_cross_references(text, href)


def corrections_note(notes: ReaderNotes) -> str:
    """The module's closing note on corrections: collapsed, left out of print and of the search index."""
    items = "\n".join(f"- {markdown_text(item)}" for item in notes.items)
    return (f'<details class="corrections-note" markdown="1" data-search-exclude="">\n'
            f"<summary>{html.escape(notes.summary)}</summary>\n\n{items}\n\n</details>")


def render_principle(
    principle: Principle,
    known: set[int],
    cite: Inline | None = None,
    references: list[tuple[str, str]] | None = None,
    notes: ReaderNotes | None = None,
    learning: str | None = None,
    status: str | None = None,
) -> str:
    """The module page: title, sections in source order, notes, then the reference list.

    ``cite`` links the citations of a paragraph (given its source line); ``references`` are
    (key, formatted entry) pairs that replace the entries as written; ``notes`` explain
    corrections to citations and references; ``learning`` is the knowledge check and reflection,
    placed after the principle's text and before its references; ``status`` (HTML) goes under the title.
    """
    cross = cross_linker(principle, known)

    def inline(text: str, line: int) -> str:
        return outside(outside(cite(text, line) if cite else text, cross), escape_stray_markup, targets=False)

    out = [f"# Practice Principle {principle.number}: {neutralise(principle.title)}"]
    if status:
        out.append(status)
    for section in principle.sections:
        out.append(f"## {neutralise(section.heading)} {{#{section.anchor}}}")
        out.extend(render_blocks(section.blocks, inline))
    for note in principle.footnotes:
        first, *rest = render_blocks(note.blocks, inline) or [""]
        out.append(f"[^{note.label}]: {indent(first).removeprefix('    ')}")
        out.extend(indent(chunk) for chunk in rest)
    if principle.footnotes:
        out.append(FOOTNOTES_PLACE)
    if learning:
        out.append(learning)
    if principle.references_heading is not None:
        heading = principle.references_heading
        # Searched on the Bibliography page instead: kept out of the search index here, where it
        # would repeat in every module.
        out.append(f"## {neutralise_markup(heading.heading)} {{#{heading.anchor} data-search-exclude}}")
        if principle.references_caption:
            out.append(f"{neutralise_markup(principle.references_caption)}\n{{: .references-caption }}")
        if references is None:
            out.extend(f"{markdown_text(entry.text)}\n{{: .reference }}" for entry in principle.references)
        else:
            out.extend(reference_paragraph(key, text) for key, text in references)
    if notes is not None and notes.items:
        out.append(corrections_note(notes))
    return "\n\n".join(out) + "\n"
