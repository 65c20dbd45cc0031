"""Markdown extension: links whose text is their own web address get ``class="bare-url"``.

The print stylesheet writes each link's address after its text; a bare address (``<https://...>``
in Markdown) would be printed twice, so it is marked here, in the Markdown tree, and the stylesheet
leaves it alone. (citeproc's reference links carry their own ``class="uri"``, which the stylesheet
knows.) The plugin adds this extension to every build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASS = "bare-url"


def mark_bare_urls(root: etree.Element) -> None:
    """Add the class to every ``<a>`` under ``root`` with no class whose whole text is its http(s) ``href``."""
    for link in root.iter("a"):
        href = link.get("href", "")
        if (href.startswith(("http://", "https://")) and link.text == href and len(link) == 0
                and not link.get("class")):
            link.set("class", CLASS)


class BareUrlTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark_bare_urls(root)


class BareUrlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(BareUrlTreeprocessor(md), "bare_urls", 5)  # after inline links (20)


def makeExtension(**kwargs) -> BareUrlExtension:  # noqa: N802 (Python-Markdown's required name)
    return BareUrlExtension(**kwargs)
