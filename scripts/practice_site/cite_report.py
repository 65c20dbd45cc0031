"""Print the citation report: what resolved, how, and what to look at in the reference lists.

Run ``python -m practice_site.cite_report`` (``make cite-report``). Exits 1 when a citation is
unresolved and not recorded as known-missing in ``bib/corrections.tsv``.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

from pybtex.database import BibliographyData

from .bibtex import read_library
from .citations import CitedWork
from .citing import SUFFIXED, suggestions
from .collection import load_principles
from .errors import SourceError
from .site_citations import SiteCitations, collect_citations, format_citations

CACHE_DIR = ".cache/practice-site"


def one_edit_apart(a: str, b: str) -> bool:
    """True when one letter added, dropped or changed turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def spelt_two_ways(data: BibliographyData) -> list[tuple[str, str, list[str]]]:
    """Family names that look like one person spelt two ways (case, or one letter), with the keys."""
    where: dict[str, set[str]] = {}
    for key, entry in data.entries.items():
        for person in entry.persons.get("author", []) + entry.persons.get("editor", []):
            if person.first_names or person.middle_names:
                where.setdefault(" ".join(person.last_names), set()).add(key)
    pairs = []
    for a, b in combinations(sorted(where), 2):
        if a.lower() == b.lower() or (len(a) >= 5 and one_edit_apart(a, b)):
            pairs.append((a, b, sorted(where[a] | where[b])))
    return pairs


def duplicate_entries(data: BibliographyData) -> list[tuple[str, str]]:
    """Entries with the same first author, year and title."""
    def identity(entry) -> tuple[str, str, str]:
        authors = entry.persons.get("author", [])
        first = str(authors[0]).lower() if authors else ""
        title = "".join(c for c in entry.fields.get("title", "").lower() if c.isalnum())
        return first, entry.fields.get("year", "n.d."), title

    seen: dict[tuple[str, str, str], str] = {}
    found = []
    for key, entry in data.entries.items():
        ident = identity(entry)
        if ident in seen:
            found.append((seen[ident], key))
        seen.setdefault(ident, key)
    return found


REVIEW = {"short name": "short name declared in bib/short-names.tsv",
          "fuzzy": "names match only once case, accents or punctuation are ignored, or et al. for two authors; "
                   "correct the citation or confirm it with a cite line in bib/corrections.tsv",
          "mapping": "corrected through bib/corrections.tsv",
          "known missing": "recorded as missing in bib/corrections.tsv; shown as written",
          "not a citation": "recorded as not a citation in bib/corrections.tsv; left as written"}


def describe(work: CitedWork, labels: dict[str, str]) -> str:
    """How one cited work was read, in the words a reader sees."""
    shown = labels.get(work.key or "", "")
    note = REVIEW.get(work.how, "")
    if work.how == "matched" and SUFFIXED.match(work.year) and not shown.endswith(work.year):
        note = f"the year is cited as {work.year}; the site shows {shown}"
    target = f"“{shown}”" if shown else "-"
    flag = "REVIEW " if (note and work.how != "matched") or "cited as" in note else ""
    locator = f", {work.locator}" if work.locator else ""
    return f"{flag}{work.written}{locator} -> {target}" + (f" ({note})" if note else "")


def principle_lines(site: SiteCitations, number: int, path: str) -> list[str]:
    labels = site.module_library(number).labels
    lines = [f"Principle {number} ({path}): {len(site.groups[number])} citations"]
    for group in site.groups[number]:
        for work in group.works:
            if work.how == "unresolved":
                near = "; ".join(w.citation for w in suggestions(work, site.works_in_library))
                lines.append(f"  UNRESOLVED {group.path}:{group.line}: {work.written}"
                             f"{' (' + work.reason + ')' if work.reason else ''}"
                             + (f"; nearest entries: {near}" if near else "; no entry is close"))
            else:
                lines.append(f"  {group.path}:{group.line}: {describe(work, labels)}")
    uncited = [labels[k] for k in site.module_keys[number] if k not in site.cited_keys(number) and k in labels]
    if uncited:
        lines.append(f"  In the reference list but never cited: {'; '.join(uncited)}")
    return lines


def report(site: SiteCitations, data: BibliographyData, paths: dict[int, str]) -> list[str]:
    """The editor's checklist: per principle each citation and what it became, then the library's doubts."""
    lines: list[str] = []
    for number in site.groups:
        lines.extend(principle_lines(site, number, paths[number]))
    labels = site.library.labels
    duplicates = duplicate_entries(data)
    if duplicates:
        lines.append("Entries that look like one work twice (keep one, and add the other's source-entry to it):")
        lines.extend(f"  {labels.get(a, a)} and {labels.get(b, b)}" for a, b in duplicates)
    for a, b, keys in spelt_two_ways(data):
        fixed = [f for f in site.corrections.of_kind("name") if f.written in (a, b)]
        status = (f"corrected to {fixed[0].becomes}" if fixed
                  else "not corrected: add a name line to bib/corrections.tsv")
        lines.append(f"One author's name spelt two ways: {a} / {b} in {'; '.join(labels.get(k, k) for k in keys)} "
                     f"({status})")
    unresolved = site.unresolved()
    if unresolved:
        lines.append(f"Next: fix the {len(unresolved)} unresolved citation(s) above: correct the citation in the "
                     "source, add the work to the principle's reference list and run make bib, or record it in "
                     "bib/corrections.tsv. Then run make site.")
    else:
        lines.append("Next: every citation resolves. Check the lines marked REVIEW, then run make site.")
    return lines


def main() -> int:
    root = Path.cwd()
    try:
        principles = load_principles(root / "sources", root)
        site = collect_citations(root, root / "bib", principles)
        format_citations(site, root / "bib", root / CACHE_DIR)
        data, _ = read_library(root / "bib", root)
    except SourceError as error:
        print(f"cite-report: {error}", file=sys.stderr)
        return 1
    print("\n".join(report(site, data, {p.number: p.path for p in principles})))
    return 1 if site.unresolved() else 0


if __name__ == "__main__":
    raise SystemExit(main())
