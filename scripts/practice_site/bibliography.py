"""Format the whole library in APA 7 with mkdocs-bibtex's Pandoc registry, in one pandoc run.

mkdocs-bibtex's own plugin runs pandoc once per page and renders citations as footnotes. Here its
registry is used as a library instead: every work goes through pandoc once, together, so labels
("Ruch, 2020") are the same on every page, including any year suffixes. What pandoc's Markdown
leaves behind is tidied in :func:`tidy`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from mkdocs_bibtex.citation import Citation, CitationBlock
from mkdocs_bibtex.registry import PandocRegistry
from pybtex.database import BibliographyData

from .corrections import Corrections

NOCASE = re.compile(r"\[([^\]]*)\]\{\.nocase\}")


@dataclass
class FormattedLibrary:
    """Every work's in-text label and its APA reference, as Markdown."""

    labels: dict[str, str]
    references: dict[str, str]


def tidy(markdown: str) -> str:
    """Clean pandoc's Markdown for Python-Markdown: en dashes, no escapes or case spans."""
    text = NOCASE.sub(r"\1", markdown)
    text = text.replace("--", "–")
    text = re.sub(r"\\+([%_])", r"\1", text)
    text = re.sub(r"\\ ", " ", text)
    return text.replace("Retrieved <", "<")  # APA CSL's "Retrieved" with no retrieval date


def apply_name_fixes(data: BibliographyData, corrections: Corrections) -> None:
    """Respell family names as the reviewed ``name`` corrections say."""
    fixes = {c.written: c.becomes for c in corrections.of_kind("name")}
    for entry in data.entries.values():
        for persons in entry.persons.values():
            for person in persons:
                person.last_names = [fixes.get(n, n) for n in person.last_names]


def use_bundled_pandoc() -> None:
    """Point pypandoc at the pandoc in the pypandoc-binary wheel, so it does not search for one."""
    import pypandoc

    bundled = Path(pypandoc.__file__).parent / "files" / "pandoc"
    if bundled.is_file():
        os.environ.setdefault("PYPANDOC_PANDOC", str(bundled))


def cache_key(bib_files: list[Path], csl: Path, corrections: Corrections) -> str:
    """Changes whenever anything that shapes the formatted references changes."""
    digest = hashlib.sha256()
    for path in [*bib_files, csl, Path(__file__)]:
        digest.update(path.read_bytes())
    digest.update(repr([(c.kind, c.written, c.becomes) for c in corrections.items]).encode())
    digest.update(f"{version('mkdocs-bibtex')} {version('pypandoc-binary')}".encode())
    return digest.hexdigest()[:24]


def cached_format_library(
    bib_files: list[Path], csl: Path, corrections: Corrections, cache_dir: Path | None
) -> FormattedLibrary:
    """:func:`format_library`, reusing the last result while bib/, the style and the code are unchanged.

    Rebuilds while editing a principle's text then start no pandoc process at all.
    """
    if cache_dir is None:
        return format_library(bib_files, csl, corrections)
    path = cache_dir / f"citations-{cache_key(bib_files, csl, corrections)}.json"
    if path.is_file():
        return FormattedLibrary(**json.loads(path.read_text(encoding="utf-8")))
    library = format_library(bib_files, csl, corrections)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob("citations-*.json"):
        old.unlink()
    path.write_text(json.dumps(asdict(library)), encoding="utf-8")
    return library


def format_library(bib_files: list[Path], csl: Path, corrections: Corrections) -> FormattedLibrary:
    """Labels and references for every entry in ``bib_files`` (one pandoc process in all)."""
    use_bundled_pandoc()
    registry = PandocRegistry([str(p) for p in bib_files], str(csl), None)
    apply_name_fixes(registry.bib_data, corrections)
    blocks = {key: CitationBlock(citations=[Citation(key=key)]) for key in registry.bib_data.entries}
    registry.validate_citation_blocks(list(blocks.values()))
    labels, references = {}, {}
    for key, block in blocks.items():
        inline = registry.inline_text(block).removesuffix(f"[^{key}]").strip()
        labels[key] = tidy(inline.removeprefix("(").removesuffix(")"))
        references[key] = tidy(registry.reference_text(block.citations[0]))
    return FormattedLibrary(labels, references)


def sort_key(reference: str) -> str:
    """APA order: by the reference's text, ignoring emphasis and punctuation."""
    return re.sub(r"[^a-z0-9 ]", "", reference.lower().replace("*", ""))
