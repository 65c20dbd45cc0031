"""Load every source document in a folder and check them against each other."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from practice_site.errors import SourceError
from practice_site.input_files import read_source
from practice_site.sources.model import Principle
from practice_site.sources.parse_principle import parse_principle
from practice_site.text_forms import single_spaced

SOURCE_SUFFIX = ".txt"
NOTES = ("readme", "licence", "license")


def load_principles(sources_dir: Path, root: Path) -> list[Principle]:
    """Parse every ``*.txt`` in ``sources_dir``, ordered by principle number.

    Paths in errors are shown relative to ``root`` (the folder holding ``mkdocs.yml``).
    """
    paths = source_paths(sources_dir)
    if not paths:
        shown = display_path(sources_dir, root)
        raise SourceError(shown, 1, f"no source documents (*.txt) in {shown}; add one per principle")
    principles: dict[int, Principle] = {}
    for path in paths:
        refuse_outside_link(path, sources_dir, root)
        principle = parse_principle(read_source(path, display_path(path, root)), display_path(path, root))
        other = principles.get(principle.number)
        if other is not None:
            raise SourceError(
                principle.path,
                principle.title_line,
                f"principle {principle.number} is already defined in {other.path}:{other.title_line}; "
                "give each principle its own number or remove one of the files",
            )
        principles[principle.number] = principle
    return [principles[n] for n in sorted(principles)]


def is_source(path: Path) -> bool:
    """True for a principle's source: a ``.txt`` file (or a link), not hidden, not a README or licence."""
    return (path.suffix.lower() == SOURCE_SUFFIX and not path.name.startswith(".")
            and path.stem.lower() not in NOTES and (path.is_symlink() or path.is_file()))


def source_paths(sources_dir: Path) -> list[Path]:
    """The sources in ``sources_dir``, sorted by name."""
    return sorted(p for p in sources_dir.iterdir() if is_source(p)) if sources_dir.is_dir() else []


def refuse_outside_link(path: Path, sources_dir: Path, root: Path) -> None:
    """A source that is a link to a file outside ``sources_dir`` (or to nothing) is refused, not read."""
    folder = display_path(sources_dir, root)
    target = path.resolve()
    if not target.is_relative_to(sources_dir.resolve()):
        raise SourceError(display_path(path, root), 1, f"this file is a link to a place outside {folder}/; "
                          f"copy the file into {folder}/ instead")
    if not target.is_file():
        raise SourceError(display_path(path, root), 1, f"this file is a link to a file that does not exist; "
                          f"copy the principle's file into {folder}/ instead")


def other_files(sources_dir: Path, root: Path) -> list[tuple[str, str]]:
    """(level, message) for each file in ``sources_dir`` that is not read as a principle.

    Anything but ``*.txt`` is a "warning" (a principle saved as .md or .docx must not vanish);
    a README or licence beside the sources is only "info". Dot-files are ignored.
    """
    if not sources_dir.is_dir():
        return []
    shown = display_path(sources_dir, root)
    found = []
    for path in sorted(sources_dir.iterdir()):
        if path.name.startswith(".") or is_source(path):
            continue
        if path.is_dir():
            found.append(("warning", f"{shown}/{path.name}: a folder, so not read; keep each principle as a "
                          f".txt file directly in {shown}/"))
        elif path.stem.lower() in NOTES:
            found.append(("info", f"{shown}/{path.name}: a note about the sources, not a principle; not read"))
        else:
            found.append(("warning", f"{shown}/{path.name}: not a .txt file, so not read; save a principle as "
                          f".txt, or move this file out of {shown}/"))
    return found


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, or as given when outside it."""
    for shown, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        if shown.is_relative_to(base):
            return shown.relative_to(base).as_posix()
    return path.as_posix()


def publisher_footers(principles: Sequence[Principle]) -> list[str]:
    """The distinct publisher footers, in order of first appearance."""
    seen: dict[str, str] = {}
    for principle in principles:
        key = single_spaced(principle.footer)
        if key and key not in seen:
            seen[key] = principle.footer
    return list(seen.values())
