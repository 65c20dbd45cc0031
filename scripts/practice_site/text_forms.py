"""Text compared loosely: the one place where accents are folded and spaces made single.

Every comparison of names, titles, references and headings in the generator uses these, so two
parts never disagree about whether two spellings are the same.
"""

from __future__ import annotations

import unicodedata

LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L"})


def single_spaced(text: str) -> str:
    """Runs of white space made one space, none at either end."""
    return " ".join(text.split())


def without_accents(text: str) -> str:
    """Accents dropped ("é" -> "e"), every other character kept, in any script."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def ascii_letters(text: str) -> str:
    """Only the ASCII letters, digits and spaces of ``text`` once its accents are folded ("Slettebø" -> "Slettebo")."""
    folded = without_accents(text.translate(LETTERS_WITHOUT_DECOMPOSITION))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c == " "))
