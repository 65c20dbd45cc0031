"""Write resolved citations into a paragraph: each name-year a link to its reference entry.

Parenthetical citations show citeproc's label ("(Ruch, 2020, p. 3)"); narrative ones keep the
author as written in the sentence and link the year ("Hanson (2016)"). A one-word short name
declared in ``bib/short-names.tsv`` follows APA's first-use rule within a module.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from practice_site.references.find_citations import CitationGroup, CitedWork
from practice_site.references.short_names import is_abbreviation

LEFT_AS_WRITTEN = {"unresolved", "known missing", "not a citation"}


class ModuleCiter:
    """Links the citations of one module's paragraphs, in document order."""

    def __init__(self, groups: Sequence[CitationGroup], labels: Mapping[str, str], href: Callable[[str], str],
                 short_names: Mapping[str, str]) -> None:
        self.by_place: dict[tuple[int, str], list[CitationGroup]] = {}
        self.labels, self.href = labels, href
        self.abbreviations = self.used_abbreviations(groups, short_names)
        self.first_uses = self.find_first_uses(groups)
        self.groups = groups

    def used_abbreviations(self, groups: Sequence[CitationGroup], short_names: Mapping[str, str]) -> dict[str, str]:
        """Organisation's name -> its abbreviation, for the abbreviations this module cites by."""
        cited = {w.names for g in groups for w in g.works if w.how == "short name"}
        return {full: short for short, full in short_names.items() if short in cited and is_abbreviation(short)}

    def find_first_uses(self, groups: Sequence[CitationGroup]) -> set[int]:
        """The ids of the works that are the first citation of an abbreviated organisation."""
        seen: set[str] = set()
        first: set[int] = set()
        for group in groups:
            for work in group.works:
                author = self.author(work)
                if work.key and author in self.abbreviations and author not in seen:
                    seen.add(author)
                    first.add(id(work))
        return first

    def author(self, work: CitedWork) -> str:
        return self.labels[work.key].rpartition(", ")[0] if work.key else ""

    def year(self, work: CitedWork) -> str:
        return self.labels[work.key].rpartition(", ")[2]

    def link(self, work: CitedWork, text: str) -> str:
        return f'<a class="citation" href="{html.escape(self.href(work.key))}">{html.escape(text, quote=False)}</a>'

    def shown_author(self, work: CitedWork) -> str:
        """The author as APA shows it here: "Department for Education [DfE]" at first use, then "DfE"."""
        author = self.author(work)
        short = self.abbreviations.get(author)
        if short is None:
            return author
        if id(work) in self.first_uses:
            return f"{author} [{short}]"
        return short if work.how == "short name" else author

    def parenthetical(self, group: CitationGroup) -> str:
        parts: list[str] = []
        previous_author = None
        for part in group.parts:
            if isinstance(part, str):
                parts.append(html.escape(part, quote=False))
                previous_author = None
                continue
            prefix = f"{html.escape(part.prefix, quote=False)} " if part.prefix else ""
            locator = f", {html.escape(part.locator, quote=False)}" if part.locator else ""
            if part.key is None or part.how in LEFT_AS_WRITTEN:
                parts.append(prefix + html.escape(f"{part.names}, {part.year}", quote=False) + locator)
                previous_author = None
                continue
            author = self.shown_author(part)
            if author == previous_author and parts and not prefix:
                parts[-1] += ", " + self.link(part, self.year(part)) + locator
            elif part.joined and parts:
                parts[-1] += ", " + prefix + self.link(part, f"{author}, {self.year(part)}") + locator
            else:
                parts.append(prefix + self.link(part, f"{author}, {self.year(part)}") + locator)
            previous_author = author
        return "(" + "; ".join(parts) + ")"

    def narrative(self, group: CitationGroup) -> str:
        """"(2016, p. 4)" after the author's name: the years linked, the author never repeated."""
        parts = []
        for work in group.works:
            locator = f", {html.escape(work.locator, quote=False)}" if work.locator else ""
            author = self.shown_author(work)
            first_full = id(work) in self.first_uses and work.how == "matched"
            short = author.rpartition(" [")[2].rstrip("]") if first_full else ""
            lead = f"{html.escape(short, quote=False)}, " if short else ""
            parts.append(lead + self.link(work, self.year(work)) + locator)
        return "(" + ", ".join(parts) + ")"

    def render(self, group: CitationGroup) -> str | None:
        """The group's HTML, or None to leave it exactly as written."""
        if all(w.how in LEFT_AS_WRITTEN or w.key is None for w in group.works):
            return None
        if group.narrative:
            if any(w.how in LEFT_AS_WRITTEN or w.key is None for w in group.works):
                return None
            return self.narrative(group)
        return self.parenthetical(group)

    def __call__(self, text: str, line: int) -> str:
        """``text`` (a paragraph that starts on ``line``) with its citations linked."""
        if not self.by_place:
            for group in self.groups:
                self.by_place.setdefault((group.line, group.paragraph), []).append(group)
        out, last = [], 0
        for group in self.by_place.get((line, text), []):
            rendered = self.render(group)
            if rendered is None:
                continue
            out.append(text[last:group.start])
            out.append(rendered)
            last = group.end
        out.append(text[last:])
        return "".join(out)
