"""The navigation's generated entries: the modules and the session plans, escaped as titles."""

from __future__ import annotations

import html

from mkdocs.exceptions import PluginError


def nav_entries(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    """(title, docs-relative uri) pairs as nav entries; the theme writes titles as they are, so escape them."""
    return [{html.escape(title): uri} for title, uri in pairs]


def fill_top_section(nav: list | None, section: str, entries: list[dict[str, str]]) -> list | None:
    """Put ``entries`` into the top-level nav section ``section``, which must exist."""
    if nav is None:
        return None
    for item in nav:
        if isinstance(item, dict) and section in item:
            item[section] = entries
            return nav
    raise PluginError(f'mkdocs.yml: the nav has no "{section}" section for the modules; add "- {section}: []" to nav')


def fill_section(items: list | None, section: str, entries: list[dict[str, str]]) -> None:
    """Put ``entries`` into the nav section named ``section``, wherever it is (if it is there at all)."""
    for item in items or []:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            if key == section:
                item[key] = entries
            elif isinstance(value, list):
                fill_section(value, section, entries)
