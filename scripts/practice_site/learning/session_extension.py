"""Markdown extension: the ``/// session`` block renders a session plan as an agenda table.

The plugin reads and checks each session plan once (``session_plans``) and passes, in the
extension's configuration, the page's parsed ``sessions`` (each block renders the one with its
title, in page order) and the module ``catalogue`` (titles, addresses, reading times). Links are
written relative to ``docs/sessions/``, where session plans live.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from practice_site.learning.block_placement import PageSource, Stop, misplaced, stop
from practice_site.learning.session_format import Session
from practice_site.names import presenter_position, presenter_question_anchor


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


COLUMNS = ("Start", "Minutes", "Activity", "Reading time")


class SessionBlock(Block):
    """``/// session | Title`` with ``- minutes | [principle-N#section |] activity`` lines, rendered from the page's
    parsed session (session_format read and checked it, with line numbers)."""

    NAME = "session"
    ARGUMENT = True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "session-plan"})

    def parsed(self) -> tuple[int, Session]:
        """The page's parsed session with this block's title, the first not yet shown, and where it is in the plan.

        Matched by title, not by position alone: a plan may keep an example in a comment, which the
        plan's line reader counts but Markdown does not render as a block.
        """
        sessions, shown = self.config["sessions"], self.config["shown"]
        title = self.argument.strip()
        for index, session in enumerate(sessions):
            if index not in shown and session.title == title:
                shown.add(index)
                return index, session
        page: PageSource = self.config["page"]
        stop_build: Stop = self.config["stop"]
        if not sessions:  # not a session plan's page
            stop_build(misplaced(page, "session", argument=title))
        stop_build(f'{page.where("session", title)}: this session was not read with the plan; start it '
                   'with a line "/// session | Title" (three slashes)')

    def on_end(self, block: etree.Element) -> None:
        catalogue = self.config.get("catalogue", {})
        index, session = self.parsed()
        items = session.items
        block.text = None
        # Each cell names its headers (ids and headers), as the table has a row header (Total) as well
        # as column headers; the narrow-screen layout shows each cell's column name (data-label).
        key = session_key(self.config["sessions"], index)
        table = etree.SubElement(block, "table", {"class": "session-table"})
        etree.SubElement(table, "caption").text = AtomicString(session.title)
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        ids = [f"{key}-{slug(name)}" for name in COLUMNS]
        for name, id_ in zip(COLUMNS, ids, strict=True):
            etree.SubElement(head, "th", {"scope": "col", "id": id_}).text = name
        body = etree.SubElement(table, "tbody")
        start = 0
        for item in items:
            row = etree.SubElement(body, "tr")
            start_cell, minutes_cell, cell, reading = (
                etree.SubElement(row, "td", {"headers": id_, "data-label": name})
                for name, id_ in zip(COLUMNS, ids, strict=True))
            start_cell.text = clock(start)
            minutes_cell.text = str(item.minutes)
            module = catalogue.get(item.module)
            if module and (position := presenter_position(item.anchor)) is not None:  # the room kit's presenter
                title = f'{module["title"]}: the knowledge check on a projector, from question {position}'
                href = "../" + module["presenter"] + f"#{presenter_question_anchor(position)}"
                link = etree.SubElement(etree.SubElement(cell, "p"), "a", {"href": href})
                link.text = AtomicString(title)
            elif module:
                section = module["sections"].get(item.anchor) if item.anchor else None
                title = f'{module["title"]}: {section["title"]}' if section else module["title"]
                href = "../" + module["uri"] + (f"#{item.anchor}" if item.anchor else "")
                link = etree.SubElement(etree.SubElement(cell, "p"), "a", {"href": href})
                link.text = AtomicString(title)
                reading.text = f'{(section or module)["minutes"]} min' if (section or not item.anchor) else ""
            etree.SubElement(cell, "p").text = AtomicString(item.text)  # a trainer's text stays text
            start += item.minutes
        foot = etree.SubElement(etree.SubElement(table, "tfoot"), "tr")
        etree.SubElement(foot, "th", {"scope": "row", "colspan": "2", "id": f"{key}-total"}).text = "Total"
        total = etree.SubElement(foot, "td", {"colspan": "2", "headers": f"{key}-total"})
        total.text = f"{start} minutes ({clock(start)})"


class SessionExtension(BlocksExtension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"catalogue": [{}, "module id -> title, uri, minutes and sections"],
                       "sessions": [(), "the page's sessions as parsed by session_format, in page order"],
                       "page": [PageSource(), "the page being rendered, to say where a misplaced block is"],
                       "stop": [stop, "called with the message when a block is misplaced; must raise"]}
        self.shown: set[int] = set()  # which of the page's sessions a block has rendered
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        md.registerExtension(self)
        block_mgr.register(SessionBlock, {**self.getConfigs(), "shown": self.shown})

    def reset(self) -> None:
        self.shown.clear()


def makeExtension(**kwargs) -> SessionExtension:  # noqa: N802 (Python-Markdown's required name)
    return SessionExtension(**kwargs)


def session_key(sessions: tuple[Session, ...], index: int) -> str:
    """The start of a session table's ids: "session-" and its title's words, with "-2", "-3"... for a title
    that an earlier session of the plan already gave (so no two tables share an id)."""
    base = slug(sessions[index].title) or "untitled"
    earlier = sum(1 for other in sessions[:index] if (slug(other.title) or "untitled") == base)
    return f"session-{base}" + (f"-{earlier + 1}" if earlier else "")


def slug(text: str) -> str:
    """``text`` as an id part: lower-case letters and digits joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))
