"""mkdocs-bibtex (archived) is used through one adapter, references/bibtex_adapter.py (FileRegistry and cite).

Its registry is used as a library, which mkdocs-bibtex never promised: these tests hold every part of it that
the adapter relies on (names, signatures, attributes, the shape of what it returns) and format a small
library through it to APA text with the bundled pandoc, so a new mkdocs-bibtex that changes any of them fails
here, naming the part, rather than changing the site's references.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from functools import cached_property

import pytest
from helpers import ROOT
from mkdocs_bibtex.citation import Citation, CitationBlock
from mkdocs_bibtex.registry import PandocRegistry, ReferenceRegistry

from practice_site.references.bibtex_adapter import FileRegistry, cite
from practice_site.references.format_apa import read_back, run_citeproc, use_bundled_pandoc

PACKAGE = ROOT / "scripts" / "practice_site"
CSL = ROOT / "bib" / "apa.csl"
# Written in the bib file's order, not APA's; a web address with "_" and "%", which pybtex's writer escapes.
LIBRARY = """@techreport{ruch2020,
  author = {Ruch, Gillian and Turney, Danielle},
  title = {Relationship-based practice: a guide},
  institution = {Research in Practice},
  year = {2020},
  url = {https://example.org/file_name%20v2.pdf}
}

@article{firmin2017,
  author = {Firmin, Carlene},
  title = {Contextual risk, individualised responses},
  journal = {Child Abuse Review},
  volume = {26},
  number = {2},
  pages = {102--113},
  year = {2017},
  doi = {10.1002/car.2405}
}
"""
RUCH = ("Ruch, G., & Turney, D. (2020). *Relationship-based practice: A guide*. Research in Practice. "
        "<https://example.org/file_name%20v2.pdf>")
FIRMIN = ("Firmin, C. (2017). Contextual risk, individualised responses. *Child Abuse Review*, *26*(2), 102--113. "
          "<https://doi.org/10.1002/car.2405>")


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_only_the_adapter_imports_mkdocs_bibtex_and_only_these_three_names():
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "mkdocs_bibtex" not in source:
            continue
        names = found.setdefault(path.relative_to(PACKAGE).as_posix(), set())  # even if imported another way
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs_bibtex":
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names if alias.name.split(".")[0] == "mkdocs_bibtex")
    assert found == {"references/bibtex_adapter.py": {"mkdocs_bibtex.citation.Citation",
                                                      "mkdocs_bibtex.citation.CitationBlock",
                                                      "mkdocs_bibtex.registry.PandocRegistry"}}


def test_a_build_that_finds_its_references_cached_never_imports_mkdocs_bibtex():
    """format_apa imports the adapter only when pandoc must run."""
    tree = ast.parse((PACKAGE / "references" / "format_apa.py").read_text(encoding="utf-8"))
    top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    assert "practice_site.references.bibtex_adapter" not in top and not any("mkdocs_bibtex" in m for m in top)


def test_the_registry_takes_the_arguments_file_registry_gives_it_by_name():
    assert issubclass(FileRegistry, PandocRegistry) and issubclass(PandocRegistry, ReferenceRegistry)
    signature = inspect.signature(PandocRegistry.__init__)
    assert list(signature.parameters) == ["self", "bib_files", "csl_file", "csl_file_encoding", "footnote_format"]
    # The footnote after each inline label ("(Ruch, 2020)[^ruch2020]") is "[^KEY]": run_citeproc removes it.
    assert signature.parameters["footnote_format"].default == "{key}"


@pytest.mark.parametrize("method, expected", [
    ("validate_citation_blocks", ["self", "citation_blocks"]),  # formats every block in one pandoc run
    ("inline_text", ["self", "citation_block"]),
    ("reference_text", ["self", "citation"]),
])
def test_the_methods_run_citeproc_calls_are_the_registrys_own_with_these_parameters(method, expected):
    assert parameters(getattr(PandocRegistry, method)) == expected
    assert getattr(FileRegistry, method) is getattr(PandocRegistry, method), "FileRegistry overrides no method"


def test_file_registry_replaces_the_library_text_the_registry_hands_pandoc():
    assert isinstance(inspect.getattr_static(PandocRegistry, "bib_data_bibtex"), cached_property)
    assert isinstance(inspect.getattr_static(FileRegistry, "bib_data_bibtex"), cached_property)
    # The registry writes that text to the file it passes pandoc with --bibliography.
    assert "self.bib_data_bibtex" in inspect.getsource(PandocRegistry._process_with_pandoc)


def test_citations_are_made_as_run_citeproc_makes_them():
    assert [(f.name, f.default) for f in dataclasses.fields(Citation)] == [
        ("key", dataclasses.MISSING), ("prefix", ""), ("suffix", "")]
    assert [(f.name, f.default) for f in dataclasses.fields(CitationBlock)] == [
        ("citations", dataclasses.MISSING), ("raw", "")]
    assert str(CitationBlock(citations=[Citation(key="ruch2020")])) == "[@ruch2020]"


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "library.bib"
    path.write_text(LIBRARY, encoding="utf-8")
    use_bundled_pandoc()
    return path


def test_a_small_library_goes_through_file_registry_to_apa_text(bib):
    registry = FileRegistry([bib], CSL)
    assert list(registry.bib_data.entries) == ["ruch2020", "firmin2017"]
    blocks = {key: CitationBlock(citations=[Citation(key=key)]) for key in ["firmin2017", "ruch2020"]}
    registry.validate_citation_blocks(list(blocks.values()))
    assert registry.inline_text(blocks["ruch2020"]) == "(Ruch & Turney, 2020)[^ruch2020]"
    assert registry.inline_text(blocks["firmin2017"]) == "(Firmin, 2017)[^firmin2017]"
    assert registry.reference_text(Citation(key="ruch2020")) == RUCH
    assert registry.reference_text(Citation(key="firmin2017")) == FIRMIN
    # Keyed as cited, in the order citeproc wrote its bibliography (cite reads that order).
    assert list(registry._reference_cache) == ["firmin2017", "ruch2020"]


def test_cite_gives_labels_without_brackets_and_references_in_citeprocs_order(bib):
    labels, references = cite(FileRegistry([bib], CSL), ["firmin2017", "ruch2020"])
    assert labels == {"firmin2017": "Firmin, 2017", "ruch2020": "Ruch & Turney, 2020"}
    assert list(references) == ["firmin2017", "ruch2020"] and references["ruch2020"] == RUCH


def test_pandoc_reads_the_bib_file_as_written_not_as_pybtex_would_write_it(bib):
    registry = FileRegistry([bib], CSL)
    assert registry.bib_data_bibtex == LIBRARY
    assert "file\\_name\\%20v2" in registry.bib_data.to_string("bibtex"), "what the registry alone would hand pandoc"
    registry.validate_citation_blocks([CitationBlock(citations=[Citation(key="ruch2020")])])
    assert registry.reference_text(Citation(key="ruch2020")).endswith("<https://example.org/file_name%20v2.pdf>")


def test_run_citeproc_and_read_back_give_the_sites_labels_and_references(bib):
    formatted = read_back({"site": run_citeproc([bib], CSL, None)})["site"]
    assert dict(formatted.labels) == {"firmin2017": "Firmin, 2017", "ruch2020": "Ruch & Turney, 2020"}
    assert list(formatted.references) == ["firmin2017", "ruch2020"]
    assert formatted.references["ruch2020"] == (
        "Ruch, G., &amp; Turney, D. (2020). <em>Relationship-based practice: A guide</em>. Research in Practice. "
        '<a href="https://example.org/file_name%20v2.pdf" class="uri">https://example.org/file_name%20v2.pdf</a>')
