"""Print the citation report: what resolved, how, and what to look at in the reference lists.

Run ``python -m practice_site.cite_report`` (``make cite-report``). Exits 1 when a citation is
unresolved and not recorded as known-missing in ``bib/corrections.tsv``.
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from pybtex.database import BibliographyData

from .bibtex import read_library
from .collection import load_principles
from .errors import SourceError
from .site_citations import SiteCitations, collect_citations


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


def report(site: SiteCitations, data: BibliographyData) -> list[str]:
    works = site.works()
    how = Counter(w.how for _, w in works)
    lines = [
        f"Citations found: {len(works)} name-year citations in {sum(len(g) for g in site.groups.values())} groups",
        f"  resolved by names and year: {how['matched']}",
        f"  resolved by an organisation's short name: {how['short name']}",
        f"  resolved through bib/corrections.tsv: {how['mapping']}",
        f"  known missing (recorded, shown as written): {how['known missing']}",
        f"  unresolved: {how['unresolved']}",
    ]
    for group, work in works:
        if work.how in {"mapping", "known missing", "unresolved"}:
            target = work.key or "-"
            lines.append(f"    {group.path}:{group.line}: {work.written} -> {target} ({work.how})"
                         f"{': ' + work.reason if work.reason else ''}")
    lines.append("References never cited in their module:")
    for number, keys in site.module_keys.items():
        uncited = [k for k in keys if k not in site.cited_keys(number)]
        lines.append(f"  principle {number}: {len(uncited)}" + (f" ({', '.join(uncited)})" if uncited else ""))
    duplicates = duplicate_entries(data)
    lines.append(f"Duplicate entries in bib/: {len(duplicates)}")
    lines.extend(f"  {a} and {b}" for a, b in duplicates)
    names = spelt_two_ways(data)
    lines.append(f"One author's name spelt two ways: {len(names)}")
    for a, b, keys in names:
        fixed = [f for f in site.corrections.of_kind("name") if f.written in (a, b)]
        status = f"corrected: {fixed[0].written} -> {fixed[0].becomes}" if fixed else "not corrected"
        lines.append(f"  {a} / {b} in {', '.join(keys)} ({status})")
    lines.append(f"Corrections in {site.corrections.path}: {len(site.corrections.items)}")
    for fix in site.corrections.items:
        lines.append(f"  line {fix.line}: {fix.kind}: {fix.written} -> {fix.becomes}")
    return lines


def main() -> int:
    root = Path.cwd()
    try:
        principles = load_principles(root / "sources", root)
        site = collect_citations(root, root / "bib", principles)
        data, _ = read_library(root / "bib", root)
    except SourceError as error:
        print(f"cite-report: {error}", file=sys.stderr)
        return 1
    print("\n".join(report(site, data)))
    return 1 if site.unresolved() else 0


if __name__ == "__main__":
    raise SystemExit(main())
