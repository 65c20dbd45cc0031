"""Field values as BibTeX holds them for pandoc: text, web addresses, names and publishers."""

from __future__ import annotations

import re

from practice_site.references.citation_names import PARTICLES
from practice_site.references.reference_fields import Name

OPENING_QUOTE = re.compile(r"(?<![\w'’`])'(?=\w)")  # 'If only ...' -> `If only ...'
URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C"}


def bibtex_text(text: str) -> str:
    """Text as BibTeX shows it unchanged through pandoc: a backslash spelt out, ``$`` escaped, ``--``
    kept from becoming a dash, braces (which BibTeX needs balanced) made round brackets, and an
    opening single quote written as BibTeX's "`" (pandoc reads a straight one as an apostrophe)."""
    text = text.replace("\0", "").replace("\\", "\0").replace("{", "(").replace("}", ")").replace("$", "\\$")
    text = OPENING_QUOTE.sub("`", text)
    return re.sub(r"-(?=-)", "-{}", text).replace("\0", "\\textbackslash{}")


def bibtex_url(url: str) -> str:
    """A web address or DOI with the three characters BibTeX cannot hold percent-encoded."""
    return "".join(URL_ESCAPES.get(c, c) for c in url)


def bibtex_name(name: Name) -> str:
    """"Family, Initials", "Family, Jr., Initials" (BibTeX's order), or "{Organisation}"."""
    if name.literal:
        return "{" + bibtex_text(name.literal) + "}"
    given, suffix, rest = name.given.partition(", ")
    family, given, rest = bibtex_text(name.family), bibtex_text(given), bibtex_text(rest)
    return f"{family}, {rest}, {given}" if suffix else f"{family}, {given}"


def names_field(names: list[Name]) -> str:
    return " and ".join(bibtex_name(n) for n in names)


def particle_first(names: list[Name]) -> bool:
    """Whether a name starts with a lower-case particle, as the source writes it ("de Vries, A."): the
    entry then tells citeproc to keep the particle with the surname (BibLaTeX's ``useprefix``), so it
    is shown, cited and filed as written. A particle written after the initials ("Helmholtz, H. L. F.
    von") is kept there, with the given names."""
    return any(n.family.split()[0] in PARTICLES for n in names if n.family)


def publishers_field(text: str) -> str:
    """One publisher braced whole, so an "and" in its name never splits it ("Centre for Family and
    Community Studies"); publishers the source separates with semicolons, as APA 7 does, listed apart."""
    return " and ".join("{" + bibtex_text(part.strip()) + "}" if " and " in part else bibtex_text(part.strip())
                        for part in text.split(";") if part.strip())
