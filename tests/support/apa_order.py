"""Shared by the reference-list tests: entries read from a page, and APA 7's order written out independently."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser


class EntryTexts(HTMLParser):
    """id -> visible text of each ``<p class="reference">`` (site) or ``<div class="csl-entry">`` (pandoc)."""

    def __init__(self, tag: str, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.css_class = tag, css_class
        self.texts: dict[str, str] = {}
        self.current: str | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.current is None and tag == self.tag and self.css_class in (attrs.get("class") or "").split():
            self.current, self.depth = attrs["id"].removeprefix("ref-"), 1
            self.texts[self.current] = ""
        elif self.current is not None and tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.current is not None and tag == self.tag:
            self.depth -= 1
            if self.depth == 0:
                self.texts[self.current] = " ".join(self.texts[self.current].split())
                self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.texts[self.current] += data


def entries(source: str, tag: str, css_class: str) -> dict[str, str]:
    parser = EntryTexts(tag, css_class)
    parser.feed(source)
    return parser.texts


def apa_name(text: str) -> str:
    """A name compared letter by letter: case, accents, apostrophes, hyphens and spaces ignored."""
    plain = unicodedata.normalize("NFKD", html.unescape(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", plain)


def apa_sort_key(entry) -> tuple:
    """APA 7 (9.44-9.47): authors name by name, letter by letter ("nothing precedes something", so one
    author comes before the same author with others; spaces and apostrophes do not count, and a particle
    written before the surname is filed under it: Denzin, de Onis, Devlin), then the year with n.d.
    first and works in press or forthcoming last, then the title without "A", "An" or "The"."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = tuple((apa_name(" ".join(p.prelast_names + p.last_names)), apa_name(" ".join(p.first_names)))
                  for p in persons)
    year = entry.fields.get("year", "")
    date = (1, year) if year else (2, "") if entry.fields.get("pubstate") else (0, "")
    title = re.sub(r"^(?:a|an|the)\s+", "", apa_name_words(entry.fields.get("title", "")))
    return names, date, title


def apa_name_words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", "", text.replace("{", "").replace("}", "").lower()).split())
