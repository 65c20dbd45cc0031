"""APA 7's order for a reference list (sections 9.44 to 9.47), the order citeproc is handed the works in.

APA files letter by letter: spaces, apostrophes, hyphens, capitals and accents do not count, and a
particle written as part of the surname is filed under the particle ("Denzin", then "de Onis", then
"Devlin"; "MacArthur" before "M'Carthy"). Citeproc compares names word by word, so it would file "de
Vries" before "Denzin"; the project's ``bib/apa.csl`` therefore keeps the works in the order they are
cited, and :mod:`format_apa` cites them in this order. Within one author, works with no date come
first, then dated works by year, then works in press; one author's works of one year go by title.
"""

from __future__ import annotations

import re

from pybtex.database import Entry, Person

from practice_site.references.citation_dates import entry_date, filing_rank
from practice_site.text_forms import ascii_letters

LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def letters(text: str) -> str:
    """Text as APA files it: lower-case letters and digits only, accents folded ("O'Brien" -> "obrien")."""
    return ascii_letters(text.replace("{", "").replace("}", "")).replace(" ", "").lower()


def person_key(person: Person) -> tuple[str, str]:
    """A name as filed: the surname with the particle written before it, then the initials."""
    family = " ".join(person.prelast_names + person.last_names)
    return letters(family), letters(" ".join(person.first_names + person.middle_names))


def title_key(entry: Entry) -> str:
    """The entry's title as filed (see :func:`filed_title`)."""
    return filed_title(entry.fields.get("title", ""))


def filed_title(title: str) -> str:
    """A title as filed: letters only, without "A", "An" or "The" at its start."""
    return letters(LEADING_ARTICLE.sub("", title.replace("{", "").replace("}", "").strip("`'‘\"“ ")))


def filing_key(key: str, entry: Entry) -> tuple:
    """Where ``entry`` goes in an APA reference list: authors (or editors, or the title when there are
    none) name by name, so one author comes before the same author with others; then the date; then
    the title; the key last, so the order never depends on the files' order."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = tuple(person_key(p) for p in people) or ((title_key(entry), ""),)
    return names, filing_rank(entry_date(entry.fields)), title_key(entry), key
