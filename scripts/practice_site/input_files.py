"""Every input file read one way: UTF-8 (a byte-order mark allowed), no control characters, errors with FILE:LINE.

Principle sources, ``bib/`` files, quiz files, session plans, the site's own pages and the theme's
overrides are all read here, so a bad byte or a NUL is refused the same way wherever it is.

Lines end at "\\n", "\\r\\n" or a lone "\\r", as an editor counts them, and at nothing else: form
feeds, "\\x1c"-"\\x1e", "\\x85" (control characters, refused below) and U+2028/U+2029 do not end a
line here, so line numbers match what an editor shows. A byte-order mark at the start is dropped.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from practice_site.errors import SourceError

# Unicode category Cc except tab (line endings are split off first).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_NAMES = {
    "\x00": "NUL character", "\x08": "backspace character", "\x0b": "vertical tab character",
    "\x0c": "form feed (page break) character", "\x1b": "escape character", "\x7f": "delete character",
    "\x85": "next-line (NEL) character",
}
FIX = "delete it; it is left over from copying the text"


def split_lines(text: str) -> list[str]:
    """``text`` as lines without their endings (CRLF, CR or LF), without a leading byte-order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode_source(data: bytes, path: str) -> list[str]:
    """Decode a source's bytes as UTF-8 and split them into lines (without line endings)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = split_lines(data[: error.start].decode("utf-8"))
        raise SourceError(
            path,
            len(before),
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x} at column {len(before[-1]) + 1}); "
            "save it as UTF-8 text and build again",
        ) from None
    lines = split_lines(text)
    refuse_control_characters(lines, path)
    return lines


def describe(char: str) -> str:
    """A control character as a message names it: "a NUL character (U+0000)"."""
    name = CONTROL_NAMES.get(char, "control character")
    article = "an" if name[0] in "aeiou" else "a"
    return f"{article} {name} (U+{ord(char):04X})"


def refuse_control_characters(lines: list[str], path: str) -> None:
    """A NUL or other control character (left over from copying) is an error with its line and column."""
    for number, line in enumerate(lines, start=1):
        bad = CONTROL.search(line)
        if bad:
            raise SourceError(path, number, f"{describe(bad.group(0))} at column {bad.start() + 1}; {FIX}")


def read_source(path: Path, display: str) -> list[str]:
    """Read the file at ``path`` as lines; errors name it as ``display`` (for example ``sources/x.txt``)."""
    return decode_source(path.read_bytes(), display)


def read_input(path: Path, display: str) -> str:
    """Read the file at ``path`` as text with "\n" line endings (see :func:`read_source`)."""
    return "\n".join(read_source(path, display))


def read_json_input(path: Path, display: str, what: str, fix: str) -> tuple[Any, str]:
    """A JSON file the build keeps (``what`` it holds, in words), read as every input is: its data and its text.

    Text that is not JSON, or is nested too deeply, is a SourceError naming the file and line, saying ``fix``.
    """
    text = read_input(path, display)
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        raise SourceError(display, error.lineno, f"this is not valid JSON ({error.msg}); {fix}") from None
    except RecursionError:
        raise SourceError(display, 1, f"this is nested too deeply to be {what}; {fix}") from None


def json_line_of(text: str, needle: str) -> int:
    """The line of JSON ``text`` where ``needle`` (as JSON writes it) first stands, or 1."""
    at = text.find(json.dumps(needle, ensure_ascii=False))
    at = at if at >= 0 else text.find(json.dumps(needle))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


TEXT_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".css", ".js", ".txt", ".tsv", ".bib", ".csl", ".json",
                 ".yml", ".yaml", ".svg", ".xml"}


# What docs/ may hold besides pages: files a browser shows or a page loads, never one it would run as a
# page (HTML, SVG, XHTML...), which would be published as it is.
PUBLISHED_SUFFIXES = {".md", ".markdown", ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico",
                      ".pdf", ".txt", ".csv", ".zip", ".woff2", ".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods"}


def outside(path: Path, folder: Path) -> bool:
    """Whether ``path``, once its links are followed, is outside ``folder`` (or cannot be followed)."""
    try:
        return not path.resolve(strict=True).is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link to nowhere, or a loop of links
        return True


def files_under(folder: Path):
    """Every file and folder under ``folder``, in order, without following links into other folders."""
    for top, folders, names in os.walk(folder, followlinks=False):
        folders.sort()
        for name in sorted(folders + names):
            yield Path(top) / name


def tree_problem(path: Path, folder: Path, published_as_is: bool) -> str | None:
    """Why one entry under ``folder`` may not be read or published (see :func:`check_tree`), or None."""
    if path.is_symlink():
        if outside(path, folder):
            return ("this is a link to a place outside its folder (or to nothing), so the build would publish "
                    "a file from elsewhere; copy the file in instead, or delete the link")
        if path.is_dir():
            return "this is a link to a folder, which the build would read again (perhaps without end); delete it"
    elif path.is_dir():
        return None
    elif not path.is_file():
        return "this is not a file or a folder (a pipe or a device, say); delete it"
    elif path.stat().st_nlink > 1:
        return "this file has another name elsewhere on the computer (a hard link); copy the file in instead"
    if published_as_is and path.suffix.lower() not in PUBLISHED_SUFFIXES:
        return ("a file of this kind would be published as it is, and could run a script on the site's own "
                "address; write pages in Markdown (.md), and give a logo or favicon as PNG, JPEG or ICO")
    return None


def check_tree(folder: Path, root: Path, published_as_is: bool = False) -> None:
    """Every file under ``folder`` is its own (no link leading out of the folder or to a folder, no second
    name elsewhere, nothing but files and folders) and, if it is text, reads as :func:`read_source` reads
    (UTF-8, no control character); a SourceError names the first that is not.

    ``published_as_is``: the folder's files other than pages are copied to the site unchanged, so only
    the kinds of file a page shows or loads are allowed (not HTML or SVG, which a browser would run)."""
    if not folder.exists():
        return
    if outside(folder, root):
        raise SourceError(folder.name, 1, "this folder is a link to a place outside the project; nothing from "
                          "outside the project may be published: copy what it needs in")
    for path in files_under(folder):
        display = path.relative_to(root).as_posix()
        if problem := tree_problem(path, folder, published_as_is):
            raise SourceError(display, 1, problem)
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            read_source(path, display)
