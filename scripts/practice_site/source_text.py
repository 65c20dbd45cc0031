"""Read a source document as lines of text, refusing anything that is not UTF-8."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import SourceError

# Category Cc except tab (line endings are split off first).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_NAMES = {"\x00": "NUL character", "\x0c": "form feed (page break) character",
                 "\x0b": "vertical tab character", "\x1b": "escape character"}


def decode_source(data: bytes, path: str) -> list[str]:
    """Decode a source's bytes as UTF-8 and split them into lines (without line endings)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            path,
            line,
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x} at column {column}); "
            "save it as UTF-8 text and build again",
        ) from None
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    refuse_control_characters(lines, path)
    return lines


def refuse_control_characters(lines: list[str], path: str) -> None:
    """A NUL or other control character (left over from copying) is an error with its line and column."""
    for number, line in enumerate(lines, start=1):
        bad = CONTROL.search(line)
        if bad:
            char = bad.group(0)
            name = CONTROL_NAMES.get(char, unicodedata.name(char, "control character"))
            raise SourceError(
                path, number, f"a {name} (U+{ord(char):04X}) at column {bad.start() + 1}; delete it (it is left over "
                "from copying the text) and build again"
            )


def read_source(path: Path, display: str) -> list[str]:
    """Read the source at ``path``; errors name it as ``display`` (for example ``sources/x.txt``)."""
    return decode_source(path.read_bytes(), display)
