"""Markdown extension: a paragraph marked ``{: .table-caption }`` directly above a table becomes its ``<caption>``.

Python-Markdown's tables have no caption syntax. The module page writes a table's caption as a
paragraph of its own, marked with this class, straight before the table; here, in the Markdown
tree, its content (already Markdown's escaped text, emphasis and citation links) moves into a
``<caption>``, the table's first child, so the caption names the table for screen readers. A marked
paragraph with no table after it stays a paragraph. The plugin adds this extension to every build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASS = "table-caption"


def is_marked(element: etree.Element) -> bool:
    """True for a paragraph that carries the caption mark."""
    return element.tag == "p" and CLASS in (element.get("class") or "").split()


def move_captions(root: etree.Element) -> None:
    """Make each marked paragraph directly followed by a ``<table>`` under ``root`` that table's caption."""
    for parent in list(root.iter()):
        children = list(parent)
        for marked, table in zip(children, children[1:], strict=False):
            if not (is_marked(marked) and table.tag == "table" and table.find("caption") is None):
                continue
            caption = etree.Element("caption")
            caption.text, caption.tail = marked.text, "\n"
            caption.extend(list(marked))
            table.insert(0, caption)
            parent.remove(marked)


class TableCaptionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        move_captions(root)


class TableCaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(TableCaptionTreeprocessor(md), "table_captions", 7)  # after attr_list (8)


def makeExtension(**kwargs) -> TableCaptionExtension:  # noqa: N802 (Python-Markdown's required name)
    return TableCaptionExtension(**kwargs)
