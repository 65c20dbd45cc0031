"""Citations on the built site: links, APA reference lists, one label per work, errors, one pandoc run."""

from __future__ import annotations

from pathlib import Path

from helpers import copy_project


def count_pandoc_runs(project: Path, monkeypatch) -> int:
    """Build ``project`` in this process and count the pandoc conversions it asks for."""
    import pypandoc
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    calls = []
    real = pypandoc.convert_text
    monkeypatch.setattr(pypandoc, "convert_text", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.chdir(project)
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return len(calls)


def test_pandoc_runs_do_not_grow_with_pages(tmp_path, monkeypatch):
    small = copy_project(tmp_path / "small")
    runs = count_pandoc_runs(small, monkeypatch)
    large = copy_project(tmp_path / "large")
    for n in range(10, 16):
        text = (large / "sources" / "principle-04.txt").read_text(encoding="utf-8")
        (large / "sources" / f"principle-{n}.txt").write_text(text.replace("## 4. ", f"## {n}. ", 1), encoding="utf-8")
    assert count_pandoc_runs(large, monkeypatch) == runs
