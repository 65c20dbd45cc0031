"""What mkdocs.yml may ask a build to run: the Markdown extensions and plugins allowed.

Read before MkDocs loads anything (``bundle/config_file.py``) and again by the plugin's checks
(``mkdocs_plugin/settings_check.py``): an extension or plugin not listed here might read any file on
the computer, run code or fetch from another site while the pages are built.
"""

from __future__ import annotations

# Markdown extensions a page may use: none of them reads a file, fetches an address or runs code named
# in the settings (pymdownx.snippets, for one, would publish any file on the computer).
EXTENSIONS = {"toc", "tables", "fenced_code", "footnotes", "attr_list", "md_in_html", "admonition", "abbr",
              "def_list", "sane_lists", "smarty", "extra", "codehilite", "nl2br",
              "pymdownx.details", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark", "pymdownx.betterem",
              "pymdownx.tabbed", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite",
              "pymdownx.keys", "pymdownx.tasklist", "pymdownx.smartsymbols", "pymdownx.saneheaders",
              "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab"}
PROJECT_EXTENSIONS = "practice_site."  # the project's own
# Plugins a build may run: MkDocs' search, this project's plugin and Material's offline plugin. Others
# may run code, read files from anywhere or fetch from other sites at build time.
PLUGINS = {"search", "practice-principles", "offline", "material/search", "material/offline", "tags",
           "material/tags"}


def extension_name(name: object) -> str:
    """An extension as the allowlist names it: "markdown.extensions.toc" is "toc"."""
    return str(name).removeprefix("markdown.extensions.")


def extension_problem(name: object) -> str | None:
    """Why a Markdown extension is not allowed (None when it is)."""
    short = extension_name(name)
    if short in EXTENSIONS or (short.startswith(PROJECT_EXTENSIONS) and ":" not in short):
        return None
    return (f"not an extension this site allows (it might read files or run code); use "
            f"{', '.join(sorted(EXTENSIONS))}")
