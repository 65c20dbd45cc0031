"""A cited work's date and locator as written: "2018", "2018: 5" (a page as UK texts write it), "p.3",
"Ruch 2010" and "Ruch 2010 p. 5" (a comma missing), each read into APA's form."""

from __future__ import annotations

import re

from practice_site.references.citation_dates import DATE, is_date

DATED_PAGE = re.compile(rf"^(?P<date>{DATE})\s*:\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)$")  # "2018: 5", "2018:5-7"
DATED_LOCATOR = re.compile(rf"^(?P<date>{DATE})\s+(?P<locator>\S.*)$")  # "2005 p. 112"
LOCATOR = re.compile(
    r"^(?P<label>pp?|paras?|ch(?:ap)?|chapter|sec|section|fig|figure|table|slide)\s*\.?\s*(?P<where>\d[\d\s–—-]*)$",
    re.IGNORECASE,
)

def format_locator(text: str) -> str:
    """"p.3" and "p .4" -> "p. 3"; "pp.37-53" -> "pp. 37–53"; "para 2" -> "para. 2"."""
    match = LOCATOR.match(text.strip())
    if not match:
        return text.strip()
    label = match.group("label")
    where = match.group("where").replace("-", "–").replace(" ", "")
    short = label.lower() in {"p", "pp", "para", "paras", "ch", "chap", "sec", "fig"}
    return f"{label}. {where}" if short else f"{label} {where}"


def date_and_locator(token: str) -> tuple[str, str] | None:
    """("2018", "") from "2018"; ("2018", "p. 5") from "2018: 5" (a page as UK texts write it) or from
    "2018 p. 5" (a locator missing its comma); None when the token does not start with a date."""
    if is_date(token):
        return token, ""
    if match := DATED_PAGE.match(token):
        pages = match.group("pages").replace("-", "–")
        return match.group("date"), f"{'pp' if '–' in pages else 'p'}. {pages}"
    if (match := DATED_LOCATOR.match(token)) and LOCATOR.match(match.group("locator")):
        return match.group("date"), format_locator(match.group("locator"))
    return None


def names_then_year(token: str) -> tuple[str, str, str] | None:
    """("Ruch", "2010", "") from "Ruch 2010" (a citation missing its comma), ("Ruch", "2010", "p. 5") from
    "Ruch 2010: 5" or "Ruch 2010 p. 5"; None otherwise. Only the last three words are tried (linear)."""
    words = token.split()
    if words[-2:] and words[-1] == "d." and words[-2] == "n.":  # "Ruch n. d."
        return (" ".join(words[:-2]), "n.d.", "") if len(words) > 2 else None
    for at in range(max(1, len(words) - 3), len(words)):
        if (words[at][:1].isdigit() or words[at].startswith("n")) and (dated := date_and_locator(" ".join(words[at:]))):
            return " ".join(words[:at]), dated[0], dated[1]
    return None
