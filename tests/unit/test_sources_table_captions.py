"""practice_site.sources.table_captions: a "Table 1: ..." paragraph directly above a table becomes that table's
caption; any other paragraph stays where it is. (tests/extensions/test_table_captions.py tests the Markdown
extension practice_site.pages.table_captions.)"""

from __future__ import annotations

import pytest

from practice_site.sources.model import Block, BulletList, Heading, ListItem, Paragraph, Table
from practice_site.sources.table_captions import caption_tables, is_table_caption

TABLE = Table((Paragraph("Who", 5),), "| --- |", ((Paragraph("Parents", 7),),))
CAPTION = Paragraph("Table 1: Who attends", 3)


@pytest.mark.parametrize("text", [
    "Table 1: Who attends", "Table 2. What", "Table 3 – Roles", "Table 4 — Roles", "Table 1 - Roles",
    "Table 1 : Roles", "Table 1:Roles", "table 1: x", "TABLE 2.1: x", "Table 2.1. x", "Table 3a: x",
    "**Table 1: Who attends**", "__Table 1: x__", "_Table 1: x_", "*Table 1. x*",
])
def test_the_shapes_of_a_table_caption(text: str) -> None:
    assert is_table_caption(text)


@pytest.mark.parametrize("text", [
    "Table 1", "Table 1:", "Table: x", "Tables 1: x", "The Table 1: x", "Table one: x",
    "Table 1.Who",  # "." counts only with a space after it
    "Table 1-x",  # "-" too
    "As Table 1 shows: x",
])
def test_what_is_not_a_table_caption(text: str) -> None:
    assert not is_table_caption(text)


def test_a_caption_directly_above_a_table_moves_into_it_with_its_line() -> None:
    (table,) = caption_tables([CAPTION, TABLE])
    assert table == Table(TABLE.header, TABLE.rule, TABLE.rows, caption="Table 1: Who attends", caption_line=3)


def test_each_table_takes_only_the_caption_directly_above_it() -> None:
    second = Paragraph("Table 2: Roles", 9)
    assert caption_tables([CAPTION, TABLE, second, TABLE, TABLE]) == (
        Table(TABLE.header, TABLE.rule, TABLE.rows, "Table 1: Who attends", 3),
        Table(TABLE.header, TABLE.rule, TABLE.rows, "Table 2: Roles", 9),
        TABLE,
    )


@pytest.mark.parametrize("blocks", [
    [CAPTION],  # no table
    [TABLE],  # no caption
    [Paragraph("Intro", 1), TABLE],  # not a caption's shape
    [CAPTION, Paragraph("between", 4), TABLE],  # not directly above
    [TABLE, CAPTION],  # below, not above
    [ListItem("Table 1: x", 3), TABLE],  # a list item is not a paragraph of its own
    [BulletList((Paragraph("Table 1: x", 3),)), TABLE],
    [Heading("Table 1: x", 3, 3, "table-1-x"), TABLE],
    [CAPTION, Table(TABLE.header, TABLE.rule, TABLE.rows, caption="Given", caption_line=2)],  # has one already
])
def test_anything_else_stays_where_it_is(blocks: list[Block]) -> None:
    assert caption_tables(blocks) == tuple(blocks)
