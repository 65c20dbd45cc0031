"""A "Table 1: ..." paragraph directly above a table becomes that table's caption.

PDF text puts a table's caption on a line of its own above the table ("Table 1: Who attends",
"Table 2. ...", "Table 3 – ...", often in bold). Only a paragraph of that shape, with nothing
between it and the table, is moved into the table; any other paragraph stays where it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from practice_site.sources.model import Block, Paragraph, Table

# "Table", its number ("1", "2.1", "3a"), then ":", "." or a dash, then the caption's words;
# optionally inside bold or italic markers. A "." or "-" counts only with a space after it.
TABLE_CAPTION = re.compile(
    r"^(?:\*\*|__|\*|_)?table\s+\d+(?:\.\d+)*[a-z]?\s*(?::|[.-](?=\s)|[\u2013\u2014])\s*\S", re.IGNORECASE
)


def is_table_caption(text: str) -> bool:
    """True when a paragraph's inline Markdown has the shape of a table caption."""
    return bool(TABLE_CAPTION.match(text))


def caption_tables(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks, with each caption paragraph that directly precedes a table moved into that table."""
    found: list[Block] = []
    for block in blocks:
        above = found[-1] if found else None
        if (isinstance(block, Table) and not block.caption and type(above) is Paragraph
                and is_table_caption(above.text)):
            found[-1] = replace(block, caption=above.text, caption_line=above.line)
        else:
            found.append(block)
    return tuple(found)
