"""Write resolved citations into a paragraph: each name-date a link to its reference entry.

Parenthetical citations show citeproc's label ("(Ruch, 2020, p. 3)"); narrative ones keep the
author as written in the sentence and link the date ("Hanson (2016)"). An organisation with a
one-word short name (declared in ``bib/short-names.tsv`` or by the text itself) follows APA's
first-use rule within a module, and a short name the text gives ("[DfE]", "(DfE, 2023)") is always
shown. The original of a secondary citation ("Bowlby, 1969, as cited in ...") is shown as written.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from practice_site.references.find_citations import CitationGroup, CitedWork

LEFT_AS_WRITTEN = {"unresolved", "known missing", "not a citation", "original"}


def escaped(text: str) -> str:
    return html.escape(text, quote=False)


def after_work(work: CitedWork) -> str:
    """What follows a cited work's date: its locator and any words the text adds (", p. 4, emphasis added")."""
    return "".join(f", {escaped(text)}" for text in (work.locator, work.comment) if text)


class ModuleCiter:
    """Links the citations of one module's paragraphs, in document order."""

    def __init__(self, groups: Sequence[CitationGroup], labels: Mapping[str, str], href: Callable[[str], str],
                 abbreviations: Mapping[str, str]) -> None:
        """``abbreviations``: work key -> the one-word short name this module may cite it by."""
        self.by_place: dict[tuple[int, str], list[CitationGroup]] = {}
        self.labels, self.href, self.abbreviations = labels, href, abbreviations
        self.first_uses = self.find_first_uses(groups)
        self.groups = groups

    def find_first_uses(self, groups: Sequence[CitationGroup]) -> set[int]:
        """The ids of the works that are the module's first citation of an abbreviated organisation."""
        seen: set[str] = set()
        first: set[int] = set()
        for group in groups:
            for work in group.works:
                short = self.abbreviations.get(work.key or "")
                if short and work.how not in LEFT_AS_WRITTEN and short not in seen:
                    seen.add(short)
                    first.add(id(work))
        return first

    def author(self, work: CitedWork) -> str:
        return self.labels[work.key].rpartition(", ")[0] if work.key else ""

    def year(self, work: CitedWork) -> str:
        return self.labels[work.key].rpartition(", ")[2]

    def link(self, work: CitedWork, text: str) -> str:
        return f'<a class="citation" href="{html.escape(self.href(work.key))}">{escaped(text)}</a>'

    def shown_author(self, work: CitedWork) -> str:
        """The author as APA shows it here: "Department for Education [DfE]" where the text gives the short
        name with it or at first use, "DfE" where the text cites by it, otherwise the name in full."""
        author = self.author(work)
        short = self.abbreviations.get(work.key or "")
        if work.abbreviation and not work.candidates:  # "(Full Name [DfE], 2023)": exactly as written
            return work.names
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
                parts.append(escaped(part))
                previous_author = None
                continue
            prefix = f"{escaped(part.prefix)} " if part.prefix else ""
            locator = after_work(part)
            if part.key is None or part.how in LEFT_AS_WRITTEN:
                parts.append(prefix + escaped(f"{part.names}, {part.year}") + locator)
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
        """"(2016, p. 4)" after the author's name: the dates linked, the author never repeated; an original
        read through another work keeps its date as written, and the other work is linked in full."""
        parts = []
        for work in group.works:
            locator = after_work(work)
            if work.how == "original":
                parts.append(escaped(work.year) + locator)
                continue
            if work.prefix:  # "as cited in Howe, 2011"
                label = f"{self.shown_author(work)}, {self.year(work)}"
                parts.append(f"{escaped(work.prefix)} {self.link(work, label)}{locator}")
                continue
            short = work.abbreviation
            if not short and id(work) in self.first_uses and work.how == "matched":
                short = self.abbreviations.get(work.key or "", "")
            lead = f"{escaped(short)}, " if short else ""
            parts.append(lead + self.link(work, self.year(work)) + locator)
        return "(" + ", ".join(parts) + ")"

    def render(self, group: CitationGroup) -> str | None:
        """The group's HTML, or None to leave it exactly as written."""
        if all(w.how in LEFT_AS_WRITTEN or w.key is None for w in group.works):
            return None
        if group.narrative:
            if any((w.how in LEFT_AS_WRITTEN and w.how != "original") or (w.key is None and w.how != "original")
                   for w in group.works):
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
