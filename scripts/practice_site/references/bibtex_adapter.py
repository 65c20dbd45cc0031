"""The one place that uses mkdocs-bibtex (archived): its Pandoc registry, run by citeproc through pandoc.

None of this is mkdocs-bibtex's public interface. What is used (the registry's constructor,
``bib_data``, ``bib_data_bibtex``, ``validate_citation_blocks``, ``inline_text``, ``reference_text``,
``_reference_cache``, and ``Citation`` and ``CitationBlock``) is held by
tests/unit/test_bibtex_adapter.py, which fails if any of it changes. ``format_apa`` imports this
module only when pandoc must run (not on a build that finds its references in the cache).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from mkdocs_bibtex.citation import Citation, CitationBlock
from mkdocs_bibtex.registry import PandocRegistry


class FileRegistry(PandocRegistry):
    """mkdocs-bibtex's Pandoc registry, handing pandoc the ``.bib`` files exactly as they are written.

    The registry would otherwise write its pybtex copy of the library back out, and pybtex's writer
    escapes characters such as "_" and "%" in web addresses.
    """

    def __init__(self, bib_files: list[Path], csl: Path) -> None:
        # By name: a renamed or reordered parameter fails here rather than passing the wrong value.
        super().__init__(bib_files=[str(p) for p in bib_files], csl_file=str(csl), csl_file_encoding=None)
        self.bib_paths = bib_files

    @cached_property
    def bib_data_bibtex(self) -> str:
        return "\n\n".join(p.read_text(encoding="utf-8") for p in self.bib_paths)


def cite(registry: FileRegistry, keys: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Each key's in-text label (citeproc's, without its brackets) and its reference, in the order citeproc
    wrote the bibliography (APA order); the keys are cited in the order given."""
    blocks = {key: CitationBlock(citations=[Citation(key=key)]) for key in keys}
    registry.validate_citation_blocks(list(blocks.values()))
    labels = {}
    for key, block in blocks.items():
        inline = registry.inline_text(block).removesuffix(f"[^{key}]").strip()
        labels[key] = inline.removeprefix("(").removesuffix(")")
    order = [key for key in registry._reference_cache if key in blocks]
    return labels, {key: registry.reference_text(blocks[key].citations[0]) for key in order}
