"""The project's own errors: a bad input file (by file and line) and a setting the build cannot use."""

from __future__ import annotations


class SourceError(Exception):
    """A problem in a source document, located by file and line.

    Its text reads ``sources/FILE:LINE: what is wrong; how to fix it``.
    """

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")


class SettingError(Exception):
    """A setting, or a file a setting names, that the build cannot use; the text says how to put it right."""
