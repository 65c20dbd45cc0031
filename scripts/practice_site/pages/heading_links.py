"""Markdown extension: headings marked ``data-no-section-link`` keep their id but get no "¶" link.

The toc extension gives every heading a "¶" link to copy its address. The headings that only name a
module in a list of modules (the home page's cards, the modules on My learning) already are links
to the module; a second link there would add a tab stop and read "copy link" into the heading's
name. The plugin adds this extension to every build; it runs after the toc extension.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

MARK = "data-no-section-link"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def drop_section_links(root: etree.Element) -> None:
    """Remove the "¶" link (``a.headerlink``) from each heading marked with ``MARK``, and the mark."""
    for heading in root.iter():
        if heading.tag in HEADINGS and MARK in heading.attrib:
            del heading.attrib[MARK]
            for link in [child for child in heading if child.tag == "a" and child.get("class") == "headerlink"]:
                heading.remove(link)


class SectionLinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        drop_section_links(root)


class HeadingLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(SectionLinkTreeprocessor(md), "heading_links", 4)  # after toc (5)


def makeExtension(**kwargs) -> HeadingLinksExtension:  # noqa: N802 (Python-Markdown's required name)
    return HeadingLinksExtension(**kwargs)
