"""How APA 7 dates a work, in a citation and in a reference list: the one place these forms are read.

A date is a year ("2018"), "n.d.", "in press" or "forthcoming", each optionally with APA's letter for
several works by one author ("2018a", "n.d.-a", "in press-b"). The library holds a year in ``year``
and "in press" or "forthcoming" in ``pubstate`` (BibLaTeX's field, which pandoc gives citeproc as the
work's status).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

# A date as written, inside a larger pattern (no anchors, no groups that capture): "2018a", "n.d.-a" (also
# "n.d", "nd", "n.d.a", "no date"), "in press-b" (also "In press", "in-press"), "forthcoming".
DATE = (r"(?:\d{4}[a-z]?|n\.?\s?d\b\.?(?:-?[a-zA-Z]\b)?|[Nn]o date|[Ii]n[\s-]press(?:-[a-zA-Z])?"
        r"|[Ff]orthcoming(?:-[a-zA-Z])?)")
WHOLE_DATE = re.compile(rf"^{DATE}$")
# A quick test for "this bracket may hold a date" (a year, n.d, in press, forthcoming).
HAS_DATE = re.compile(r"\b\d{4}[a-z]?\b|\bn\.?\s?d\b|\b[Nn]o date\b|\b[Ii]n[\s-]press\b|\b[Ff]orthcoming\b")
LETTERED = re.compile(r"^(?P<base>\d{4}|n\.d\.|in press|forthcoming)-?(?P<letter>[a-z])$")
STATUSES = {"inpress": "in press", "forthcoming": "forthcoming"}  # pubstate in the library -> as APA writes it
UNDATED = "n.d."


def is_date(text: str) -> bool:
    """True for "2018", "2018a", "n.d", "n.d.-a", "in press", "In press-b", "forthcoming"."""
    return bool(WHOLE_DATE.match(text.strip()))


@cache
def normalise_date(text: str) -> str:
    """A date as APA writes it: "n.d", "n. d.", "nd" and "no date" -> "n.d."; "n.d.a" -> "n.d.-a"; "In  press"
    and "in-press" -> "in press"; "in press-A" -> "in press-a"; a year's letter kept."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:n\.?\s?d\b\.?|[Nn]o date)-?", "n.d.-", text).rstrip("-")
    text = re.sub(r"^[Ii]n[\s-]press", "in press", text)
    text = re.sub(r"^Forthcoming", "forthcoming", text)
    return re.sub(r"-([A-Z])$", lambda m: "-" + m.group(1).lower(), text)


@cache
def split_letter(date: str) -> tuple[str, str]:
    """("2018", "a") from "2018a", ("n.d.", "a") from "n.d.-a", ("in press", "") from "in press"."""
    date = normalise_date(date)
    match = LETTERED.match(date)
    return (match.group("base"), match.group("letter")) if match else (date, "")


def entry_date(fields: Mapping[str, str]) -> str:
    """A library entry's date as citations write it: its year, "in press", "forthcoming" or "n.d."."""
    if year := (fields.get("year") or "").strip():
        return year
    status = "".join(c for c in (fields.get("pubstate") or "").lower() if c.isalpha())
    return STATUSES.get(status, UNDATED)


def filing_rank(date: str) -> tuple[int, str]:
    """APA 7 (9.46): works with no date first, then by year, then in press and forthcoming works."""
    base, _ = split_letter(date)
    if base == UNDATED:
        return 0, ""
    if base[:4].isdigit():
        return 1, base
    return 2, base
