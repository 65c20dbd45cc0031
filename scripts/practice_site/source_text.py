"""Read a source document as lines of text, refusing anything that is not UTF-8."""

from __future__ import annotations

from pathlib import Path

from .errors import SourceError


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
    return text.removeprefix("\ufeff").splitlines()


def read_source(path: Path, display: str) -> list[str]:
    """Read the source at ``path``; errors name it as ``display`` (for example ``sources/x.txt``)."""
    return decode_source(path.read_bytes(), display)
