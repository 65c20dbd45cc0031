"""Text compared loosely: the one place where accents are folded and spaces made single.

Every comparison of names, titles, references and headings in the generator uses these, so two
parts never disagree about whether two spellings are the same.
"""

from __future__ import annotations

import re
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


def organisation_form(name: str) -> str:
    """An organisation's name compared as one: straight apostrophes, "&" as "and", single spaces
    ("Children’s Services & Families" ~ "Children's Services and Families")."""
    return single_spaced(name.replace("’", "'").replace("‘", "'").replace("&", " and "))


def organisation_initials(name: str) -> tuple[str, str]:
    """The initials of every word of an organisation's name, and of its main words (lower case):
    "Department for Education" -> ("dfe", "de"); "Department of Health and Social Care" -> ("dohasc", "dhsc")."""
    words = [w for w in re.split(r"[\s'’-]+", organisation_form(name)) if w[:1].isalpha()]
    minor = {"of", "for", "and", "the", "in", "on", "to", "at", "a", "an", "s"}
    return "".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w.lower() not in minor).lower()
