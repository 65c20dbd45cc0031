"""Hold the corrections ledger to the library, and find what in the library still needs a person.

Three checks, all plain functions over the parsed ``.bib`` data:

- :func:`check_ledger`: every ledger line says something true (an ``entry`` line's text is in the
  source's wording and the entry now holds what the line says; a ``cite`` line agrees with its
  work on the names or the year), or a :class:`SourceError` names the line;
- :func:`unrecorded_changes`: entries that differ from a fresh reading of their source wording
  in a field no ledger line records;
- :func:`entry_doubts`: entries whose type or fields look wrong for APA 7 (no title, a journal
  listed as a report's publisher, a subtitle after a full stop, a page that may be an article
  number, a first edition, one journal written two ways, names given "with" the authors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database import BibliographyData, Entry

from practice_site.errors import SourceError
from practice_site.references.bib_file import source_fields, source_key, to_bibtex
from practice_site.references.corrections import Corrections
from practice_site.references.library_cache import parse_bibtex
from practice_site.references.read_reference import read_one
from practice_site.references.resolve_citations import Work, match_names, year_matches
from practice_site.references.shared_works import other_wordings_give
from practice_site.text_forms import single_spaced

PERSON_FIELDS = ("author", "editor")
CONTAINER_FIELDS = {"type", "journal", "booktitle", "institution", "publisher"}
# A full stop ending a word of two or more small letters, then a capital: "exploitation. Definition"
# (not "J. Smith", "No. 3" or "U.K. Report").
FULL_STOP_IN_TITLE = re.compile(r"(?<![A-Z])[a-z]{2,}\.\s+(?=[A-Z])")
SPACED_HYPHEN = re.compile(r"\w - \w")
WITH_AUTHORS = re.compile(r"^[^(]*\swith\s[^(]*\(")


@dataclass
class Doubt:
    """Something about one library entry that a person should look at."""

    key: str
    problem: str


def unbraced(text: str) -> str:
    """A field's text as compared: no braces, single spaces."""
    return single_spaced(text.replace("{", "").replace("}", ""))


def field_text(entry: Entry, name: str) -> str:
    """A field's value (people joined as BibTeX writes them; ``type`` is the entry type)."""
    if name == "type":
        return entry.type
    if name in PERSON_FIELDS:
        return unbraced(" and ".join(str(p) for p in entry.persons.get(name, [])))
    return unbraced(entry.fields.get(name, ""))


def wordings(entry: Entry) -> list[str]:
    """The entry's reference as written in each principle, without emphasis marks."""
    return [source_key(entry.fields[name]).replace("*", "") for name in source_fields(entry)]


def check_entry_line(fix, data: BibliographyData, path: str) -> None:
    key, name, text = fix.entry_parts
    entry = data.entries[key]
    if text != "-" and not any(text.replace("*", "") in wording for wording in wordings(entry)):
        raise SourceError(path, fix.line, f'the reference list\'s wording of {key} does not contain "{text}"; '
                          "copy the words exactly as the source gives them (or - when it gives none)")
    now = field_text(entry, name)
    if fix.becomes == "-":
        if text != "-" and unbraced(text) in now:
            raise SourceError(path, fix.line, f'{key} still has "{text}" in its {name}; remove it in bib/ '
                              "or say what it becomes")
    elif (fix.becomes != now) if name == "type" else (unbraced(fix.becomes).replace("–", "--") not in now):
        raise SourceError(path, fix.line, f'{key}\'s {name} is "{now}", not "{fix.becomes}"; make the change '
                          "in bib/ or correct this line")


def applies_to_wording(fix, wording: str) -> bool:
    """Whether an ``entry`` line is about this wording of the work: the words it says the source gives
    are in it, or (for a field the source gives none of, "-") a fresh reading of it has no such field."""
    _, name, text = fix.entry_parts
    if text != "-":
        words = re.escape(text.replace("*", ""))
        return bool(re.search(rf"(?<!\w){words}(?!\w)" if text[:1].isalnum() and text[-1:].isalnum() else words,
                              source_key(wording).replace("*", "")))
    ref, _ = read_one(wording, 0)
    fresh = parse_bibtex(to_bibtex(ref, "fresh", [])).entries["fresh"]
    return not field_text(fresh, name)


def check_cite_line(fix, works: dict[str, Work], short_names: dict[str, str], path: str) -> None:
    names, _, year = fix.written.rpartition(", ")
    work = works[fix.becomes]
    if not (year_matches(year, work) or match_names(names, work, short_names)):
        raise SourceError(path, fix.line, f'"{fix.written}" is pointed at {work.citation}, which agrees with '
                          "it on neither the names nor the year; if no entry is this work, make it a "
                          "missing line")


def check_ledger(corrections: Corrections, data: BibliographyData, works: list[Work],
                 short_names: dict[str, str]) -> None:
    """Raise a SourceError naming the first ledger line that does not hold for the library."""
    by_key = {w.key: w for w in works}
    for fix in corrections.items:
        if fix.kind == "entry":
            check_entry_line(fix, data, corrections.path)
        elif fix.kind == "cite":
            check_cite_line(fix, by_key, short_names, corrections.path)


def fresh_entry(key: str, entry: Entry, proper_nouns: list[str]) -> Entry | None:
    """The entry ``make bib`` would write today from the first wording recorded on ``entry``; None when
    there is none, or when make bib cannot read it (an entry written by hand is then the reading, not a change)."""
    fields = source_fields(entry)
    if not fields:
        return None
    ref, problem = read_one(entry.fields[fields[0]], 0)
    if problem:
        return None
    return parse_bibtex(to_bibtex(ref, key, proper_nouns)).entries[key]


def changed_fields(entry: Entry, fresh: Entry) -> list[str]:
    """The fields in which ``entry`` differs from ``fresh`` (titles compared without case)."""
    names = {"type", *PERSON_FIELDS, *(n for n in {*entry.fields, *fresh.fields}
                                       if not n.lower().startswith("source-entry"))}
    changed = []
    for name in sorted(names):
        a, b = field_text(entry, name), field_text(fresh, name)
        if name in {"title", "booktitle"}:
            a, b = a.lower(), b.lower()
        if a != b:
            changed.append(name)
    return changed


def unrecorded_changes(data: BibliographyData, corrections: Corrections,
                       proper_nouns: list[str]) -> list[tuple[str, list[str]]]:
    """(key, fields) for entries edited in bib/ without a ledger line for those fields.

    A ``type`` or ``title`` line also covers the container fields that change with it; a detail that
    another principle's wording gives (added by make bib) is not an edit.
    """
    found = []
    for key, entry in data.entries.items():
        fresh = fresh_entry(key, entry, proper_nouns)
        if fresh is None:
            continue
        recorded = {fix.entry_parts[1] for fix in corrections.of_entry(key)}
        if recorded & {"type", "title"}:
            recorded |= CONTAINER_FIELDS
        missing = [name for name in changed_fields(entry, fresh) if name not in recorded
                   and not other_wordings_give(entry, name, field_text(entry, name))]
        if missing:
            found.append((key, missing))
    return found


def folded_journal(name: str) -> str:
    """A journal's name compared loosely: "Child abuse & neglect" ~ "Child Abuse and Neglect"."""
    words = unbraced(name).lower().replace("&", " and ").split()
    return " ".join(w for w in (re.sub(r"\W", "", w) for w in words) if w and w not in {"the", "and"})


def entry_doubts(data: BibliographyData, corrections: Corrections) -> list[Doubt]:
    """What looks wrong for APA 7 in each entry as it now stands (a ledger line settles a field)."""
    journals: dict[str, set[str]] = {}
    for entry in data.entries.values():
        if name := entry.fields.get("journal"):
            journals.setdefault(folded_journal(name), set()).add(unbraced(name))
    doubts = []
    for key, entry in data.entries.items():
        recorded = {fix.entry_parts[1] for fix in corrections.of_entry(key)}
        doubts.extend(Doubt(key, problem) for problem, name in entry_problems(entry, journals)
                      if name not in recorded)
    return doubts


def unread(entry: Entry) -> bool:
    """Whether ``entry`` is one ``make bib`` kept whole because it could not read its first wording."""
    fields = source_fields(entry)
    return bool(fields) and bool(read_one(entry.fields[fields[0]], 0)[1])


def entry_problems(entry: Entry, journals: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(problem, the field it is about) for one entry; ``journals`` maps folded names to spellings."""
    title = unbraced(entry.fields.get("title", ""))
    publisher = unbraced(entry.fields.get("institution", entry.fields.get("publisher", "")))
    pages = entry.fields.get("pages", "")
    journal = unbraced(entry.fields.get("journal", ""))
    problems = []
    if entry.type == "misc" and unread(entry):
        return [("is the whole reference as written: make bib could not read it; write the entry by hand "
                 '(guides/editors.md, "Writing an entry by hand")', "type")]
    if not title:
        problems.append(("has no title; APA 7 gives the title of every work (a web page's title, an Act's name)",
                         "title"))
    if not {"year", "pubstate", "urldate"} & set(entry.fields) and entry.type != "inreference":
        problems.append(("has no date and no retrieval date; find the date, or the date it was read", "year"))
    if entry.type != "article" and publisher and folded_journal(publisher) in journals:
        problems.append((f"is listed as published by {publisher}, which is a journal; is it an article?", "type"))
    if FULL_STOP_IN_TITLE.search(title) or SPACED_HYPHEN.search(title):
        problems.append(("has a full stop or a spaced hyphen inside its title; if a subtitle starts there, APA 7 "
                         "puts a colon", "title"))
    if entry.type == "article" and pages and "-" not in pages and not pages.startswith("Article"):
        problems.append((f"gives one page ({pages}); if the journal numbers its articles, write Article {pages}",
                         "pages"))
    if entry.fields.get("edition", "").strip() in {"1", "1st"}:
        problems.append(("gives a first edition, which APA 7 leaves out", "edition"))
    if journal and len(spellings := journals[folded_journal(journal)]) > 1:
        others = " / ".join(sorted(spellings - {journal}))
        problems.append((f"names its journal {journal}; other entries write {others}", "journal"))
    if any(WITH_AUTHORS.match(wording) for wording in wordings(entry)):
        problems.append(('names people "with" the authors; APA 7 lists the authors only', "author"))
    return problems
