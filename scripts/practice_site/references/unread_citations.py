"""Bracketed text that reads like a citation but is not read as one: named for the editor, never dropped.

"(ruch, 2005)" or "(van der merwe, 2020)" (a name in lower case), or words left over in a citation that
hold another date, stay on the page as written; the build and ``make cite-report`` say where they are.
Asides with a date ("in 2019", "since the report, 2019", "March 2020") are not citation-like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from practice_site.references.citation_dates import HAS_DATE
from practice_site.references.citation_names import NOT_NAMES
from practice_site.references.find_citations import PARENS, CitationGroup, split_prefix
from practice_site.sources.model import Principle
from practice_site.sources.parse_principle import body_paragraphs

ASIDE_WORDS = {"a", "about", "after", "an", "and", "approximately", "around", "as", "at", "before", "between", "by",
               "c", "ca", "circa", "during", "early", "for", "from", "in", "late", "mid", "of", "on", "or", "over",
               "published", "since", "than", "the", "to", "under", "until", "up", "updated"}


def looks_cited(text: str) -> bool:
    """Whether bracketed text with a date reads like a citation: words, then a date ("ruch, 2005", "vonStade,
    2018"), not an aside ("in 2019", "since the report, 2019", "March 2020", "1 in 3 by 2019")."""
    _, body = split_prefix(text.strip())
    date = HAS_DATE.search(body)
    words = re.findall(r"[^\W\d_][\w'’.-]*", body[: date.start()] if date else "")
    return bool(words) and body[:1].isalpha() and words[0].lower().strip(".") not in ASIDE_WORDS | NOT_NAMES


def unread_brackets(text: str, groups: list[CitationGroup]) -> list[str]:
    """Bracketed text in a paragraph that reads like a citation but was not read as one, or not all of it."""
    found = []
    by_start = {g.start: g for g in groups}
    for match in PARENS.finditer(text):
        inside = match.group(1)
        if not HAS_DATE.search(inside) or not any(looks_cited(s) for s in inside.split(";")):
            continue
        group = by_start.get(match.start()) or next((g for g in groups if g.narrative and g.start == match.start()),
                                                    None)
        left = [] if group is None else [p for p in group.parts if isinstance(p, str)] + [
            w.comment for w in group.works if w.comment]
        if group is None or any(HAS_DATE.search(p) and looks_cited(p) for p in left):
            found.append(match.group(0))
    return found


def principle_unread(principle: Principle, groups: Sequence[CitationGroup]) -> list[str]:
    """For the editor: each bracket in the principle's body that reads like a citation but is not read as one
    (``groups``: the citations found in it)."""
    by_paragraph: dict[tuple[int, str], list[CitationGroup]] = {}
    for group in groups:
        by_paragraph.setdefault((group.line, group.paragraph), []).append(group)
    return [f'{principle.path}:{p.line}: "{bracket}" has a date but is not read as a citation (a citation names '
            'the authors as the reference list does, starting with a capital or a particle such as "de"); it is '
            "shown as written, without a link"
            for p in body_paragraphs(principle)
            for bracket in unread_brackets(p.text, by_paragraph.get((p.line, p.text), []))]
