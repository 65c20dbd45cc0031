"""Print the citation report: what resolved, how, and what to look at in the reference lists.

Run ``python -m practice_site.references.cite_report`` (``make cite-report``). Exits 1 when a citation is
unresolved and not recorded as known-missing in ``bib/corrections.tsv``.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

from pybtex.database import BibliographyData

from practice_site.errors import SourceError
from practice_site.references.bib_file import read_library
from practice_site.references.citation_dates import split_letter
from practice_site.references.find_citations import CitedWork
from practice_site.references.ledger import entry_doubts, unrecorded_changes
from practice_site.references.make_bib import PROPER_NOUNS, read_proper_nouns
from practice_site.references.reader_notes import KIND_NAMES
from practice_site.references.resolve_citations import suggestions
from practice_site.references.site_citations import (
    SiteCitations,
    collect_citations,
    format_citations,
    short_name_hint,
)
from practice_site.sources.load_principles import load_principles
from practice_site.text_forms import organisation_form

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
                where.setdefault(" ".join(person.prelast_names + person.last_names), set()).add(key)
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


def title_of(site: SiteCitations, key: str | None) -> str:
    """A work's title as the library holds it, in quotation marks."""
    work = next((w for w in site.works_in_library if w.key == key), None)
    return f"“{work.title}”" if work else ""


def publisher_is_author(site: SiteCitations) -> list:
    """Works by an organisation whose publisher is that organisation again, by name or by a short name."""
    short = {s: f for names in site.short_names.values() for s, f in names.items()}
    return [w for w in site.works_in_library if w.literal and w.publisher
            and organisation_form(w.literal) in {organisation_form(w.publisher),
                                                 organisation_form(short.get(w.publisher, ""))}]


def ledger_status(fix) -> str:
    """"ledger line 12, confirmed" or "ledger line 12, not yet confirmed"."""
    return f"bib/corrections.tsv line {fix.line}, {'confirmed' if fix.confirmed else 'not yet confirmed'}"


def guess(site: SiteCitations, work: CitedWork, shown: str) -> str:
    """What was guessed or corrected about one cited work, in a reader's words ("" for an exact match)."""
    fix = next((f for kind in ("cite", "missing", "text") if (f := site.corrections.find(kind, work.written))), None)
    if work.how == "mapping":
        year = split_letter(work.written.rpartition(", ")[2])[0]
        what = "the names differ" if split_letter(shown.rpartition(", ")[2])[0] == year else "the date differs"
        return f"“{work.written}” is shown as “{shown}”: {what} ({ledger_status(fix)})"
    if work.how == "fuzzy":
        return (f"“{work.written}” is linked to “{shown}”: the names match the reference list's only loosely (case, "
                "accents, punctuation, or a particle it writes after the initials); readers are told, and a cite "
                "line in bib/corrections.tsv can give the reason")
    if work.how == "short name":
        return (f"“{work.written}” is a short name for “{shown}”, declared in bib/short-names.tsv or given with "
                "the organisation's name in the text")
    if work.how == "lettered":
        return (f"“{work.written}” is taken to mean “{shown}”, {title_of(site, work.key)}: the reference list gives "
                "the author's works of that year no letters, and APA letters them by title; check the text means "
                "this one (if not, a cite line in bib/corrections.tsv points it at the other)")
    if work.how == "known missing":
        return f"“{work.written}” is left as written, with no link: no entry matches ({ledger_status(fix)})"
    if work.how == "not a citation":
        return f"“{work.written}” is not read as a citation ({ledger_status(fix)})"
    if work.how == "matched" and split_letter(work.year)[1] and not shown.endswith(work.year):
        return (f"“{work.written}” is shown as “{shown}”: the site gives one author's works of a year their letters "
                "by title, as APA 7 asks (9.47), or none where the module lists one of them; nothing to do")
    return ""


def principle_lines(site: SiteCitations, number: int, path: str) -> list[str]:
    """One principle's citations: a count, then each guess or correction once, then what is unresolved."""
    labels = site.module_library(number).labels
    groups = site.groups[number]
    exact = sum(1 for g in groups for w in g.works if w.how == "matched" and not guess(site, w, labels.get(w.key, "")))
    lines = [f"Principle {number} ({path}): {sum(len(g.works) for g in groups)} citations of works, {exact} of "
             "them as their reference names the work"]
    seen: set[str] = set()
    listed = site.module_keys[number]
    for group in groups:
        for work in group.works:
            if work.how == "original":
                through = next((w for w in group.works if w.secondary), None)
                text = (f"{work.written}, read in {through.written if through else 'the work cited after it'} "
                        "(APA 7, 8.6): shown as written, without a link; only the work it was read in needs an "
                        "entry in the reference list")
                if text not in seen:
                    seen.add(text)
                    lines.append(f"  SECONDARY {group.path}:{group.line}: {text}")
            elif work.how == "unresolved":
                near = "; ".join(w.citation for w in suggestions(work, site.works_in_library, listed=listed))
                hint = short_name_hint(work, site, listed)
                lines.append(f"  UNRESOLVED {group.path}:{group.line}: {work.written}"
                             f"{' (' + work.reason + ')' if work.reason else ''}" + (hint or (
                                 f"; nearest entries: {near}" if near else "; no entry is close")))
            elif (text := guess(site, work, labels.get(work.key or "", ""))) and text not in seen:
                seen.add(text)
                lines.append(f"  REVIEW {group.path}:{group.line}: {text}")
    uncited = [labels[k] for k in site.module_keys[number] if k not in site.cited_keys(number) and k in labels]
    if uncited:
        lines.append(f"  In the reference list but never cited: {'; '.join(uncited)}")
    return lines


def library_lines(site: SiteCitations, data: BibliographyData, proper_nouns: list[str]) -> list[str]:
    """The reference entries: each ledger change, each APA doubt and each unrecorded edit, once."""
    labels = site.library.labels
    lines = ["Reference entries:"]
    for fix in site.corrections.of_kind("entry"):
        key, name, text = fix.entry_parts
        becomes = "left out" if fix.becomes == "-" else f"shown as “{fix.becomes}”"
        if name == "type":
            becomes = f"shown as {KIND_NAMES.get(fix.becomes, fix.becomes)}"
        before = f"no {name}" if text == "-" else f"“{text}”"
        lines.append(f"  REVIEW “{labels.get(key, key)}”: {before} is {becomes} ({ledger_status(fix)})")
    for doubt in entry_doubts(data, site.corrections):
        lines.append(f"  REVIEW “{labels.get(doubt.key, doubt.key)}” {doubt.problem}")
    for key, names in unrecorded_changes(data, site.corrections, proper_nouns):
        lines.append(f"  REVIEW “{labels.get(key, key)}” was changed in bib/ ({', '.join(names)}) with no line in "
                     "bib/corrections.tsv; add an entry line saying what the source gives and why")
    for work in publisher_is_author(site):
        lines.append(f"  REVIEW “{labels.get(work.key, work.key)}” gives its author again as publisher "
                     f"(“{work.publisher}”); APA 7 leaves the publisher out then: delete the field in bib/ and record "
                     "it with an entry line in bib/corrections.tsv")
    duplicates = duplicate_entries(data)
    for a, b in duplicates:
        lines.append(f"  REVIEW “{labels.get(a, a)}” and “{labels.get(b, b)}” look like one work twice (keep one, "
                     "and add the other's source-entry to it)")
    for a, b, keys in spelt_two_ways(data):
        lines.append(f"  REVIEW one author's name is spelt two ways, {a} / {b}, in "
                     f"{'; '.join(labels.get(k, k) for k in keys)}")
    return lines if len(lines) > 1 else []


def report(site: SiteCitations, data: BibliographyData, paths: dict[int, str],
           proper_nouns: list[str] | None = None) -> list[str]:
    """The editor's checklist: per principle what was guessed or corrected, then the reference entries."""
    lines: list[str] = [f"Note: {note}" for note in site.notes]
    for number in site.groups:
        lines.extend(principle_lines(site, number, paths[number]))
    lines.extend(library_lines(site, data, proper_nouns or []))
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
        site = format_citations(collect_citations(root, root / "bib", principles), root / "bib", root / CACHE_DIR)
        data, _ = read_library(root / "bib", root)
    except SourceError as error:
        print(f"cite-report: {error}", file=sys.stderr)
        return 1
    proper_nouns = read_proper_nouns(root / PROPER_NOUNS)
    print("\n".join(report(site, data, {p.number: p.path for p in principles}, proper_nouns)))
    return 1 if site.unresolved() else 0


if __name__ == "__main__":
    raise SystemExit(main())
