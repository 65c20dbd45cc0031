"""Markdown extension: the ``/// session`` block renders a session plan as an agenda table.

The plugin passes the module ``catalogue`` (titles, addresses, reading times) in the extension's
configuration; links are written relative to ``docs/sessions/``, where session plans live.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .session_format import parse_items


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


COLUMNS = ("Start", "Minutes", "Activity", "Reading time")


class SessionBlock(Block):
    """``/// session | Title`` whose lines are ``- minutes | [principle-N#section |] activity``."""

    NAME = "session"
    ARGUMENT = True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "session-plan"})

    def on_end(self, block: etree.Element) -> None:
        catalogue = self.config.get("catalogue", {})
        items = parse_items((block.text or "").splitlines(), 1, f"session {self.argument}")
        block.text = None
        # Roles repeat the table's own semantics so they survive the narrow-screen layout, where
        # learning.css shows each row as a block (some browsers drop table semantics then).
        table = etree.SubElement(block, "table", {"class": "session-table", "role": "table"})
        etree.SubElement(table, "caption").text = AtomicString(self.argument)
        head = etree.SubElement(etree.SubElement(table, "thead", {"role": "rowgroup"}), "tr", {"role": "row"})
        for name in COLUMNS:
            etree.SubElement(head, "th", {"scope": "col", "role": "columnheader"}).text = name
        body = etree.SubElement(table, "tbody", {"role": "rowgroup"})
        start = 0
        for item in items:
            row = etree.SubElement(body, "tr", {"role": "row"})
            start_cell, minutes_cell, cell, reading = (
                etree.SubElement(row, "td", {"role": "cell", "data-label": name}) for name in COLUMNS)
            start_cell.text = clock(start)
            minutes_cell.text = str(item.minutes)
            module = catalogue.get(item.module)
            if module:
                section = module["sections"].get(item.anchor) if item.anchor else None
                title = f'{module["title"]}: {section["title"]}' if section else module["title"]
                href = "../" + module["uri"] + (f"#{item.anchor}" if item.anchor else "")
                link = etree.SubElement(etree.SubElement(cell, "p"), "a", {"href": href})
                link.text = AtomicString(title)
                reading.text = f'{(section or module)["minutes"]} min' if (section or not item.anchor) else ""
            etree.SubElement(cell, "p").text = AtomicString(item.text)  # a trainer's text stays text
            start += item.minutes
        foot = etree.SubElement(etree.SubElement(table, "tfoot", {"role": "rowgroup"}), "tr", {"role": "row"})
        etree.SubElement(foot, "th", {"scope": "row", "colspan": "2", "role": "rowheader"}).text = "Total"
        etree.SubElement(foot, "td", {"colspan": "2", "role": "cell"}).text = f"{start} minutes ({clock(start)})"


class SessionExtension(BlocksExtension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"catalogue": [{}, "module id -> title, uri, minutes and sections"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(SessionBlock, self.getConfigs())


def makeExtension(**kwargs) -> SessionExtension:  # noqa: N802 (Python-Markdown's required name)
    return SessionExtension(**kwargs)
