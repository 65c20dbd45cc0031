"""Web addresses, DOIs and access dates in a reference: found, trimmed of punctuation, moved into fields."""

from __future__ import annotations

import re
from datetime import date

from practice_site.references.reference_fields import Reference
from practice_site.text_forms import single_spaced

MD_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)")

AUTOLINK = re.compile(r"<(?P<url>(?:https?://|www\.)[^<>\s]+)>", re.IGNORECASE)

BARE_URL = re.compile(r"(?<![\w/@.])(?P<url>(?:https?://|www\.|(?:dx\.)?doi\.org/)[^\s<>]+)", re.IGNORECASE)

DOI_TEXT = re.compile(r"\bdoi\s*:?\s*(?P<doi>10\.\d{4,9}/[^\s<>]+)", re.IGNORECASE)

DOI_URL = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/(?P<doi>10\..+)$", re.IGNORECASE)

URL_END = ".,;:!?*'\"’”"

DATE = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})")

ACCESSED = re.compile(rf"[(\[]?(?<!\s)\s*(?:last\s+)?accessed(?:\s++on)?\s*+:?\s*+(?P<date>{DATE})\s*[)\]]?",
                      re.IGNORECASE)

RETRIEVED = re.compile(
    r"\b(?:Retrieved|Available)\b(?P<date>[^<>()\[\]]{0,40}?),?\s*\b(?:from|at|online)\b:?\s*[.,]?\s*$", re.IGNORECASE
)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

def iso_date(text: str) -> str:
    """"19 November 2022", "May 3, 2021", "19/11/2022" (day first) -> "2022-11-19"; "" if unreadable."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    else:
        words = re.findall(r"[A-Za-z]+|\d+", text)
        names = [w for w in words if w.isalpha() and w.lower() not in {"st", "nd", "rd", "th"}]
        numbers = [int(w) for w in words if w.isdigit()]
        month = next((i + 1 for i, full in enumerate(MONTHS) if names and len(names[0]) >= 3
                      and full.lower().startswith(names[0].lower())), 0)
        if len(names) != 1 or len(numbers) != 2 or not month:
            return ""
        day, year = numbers if numbers[1] > 31 else numbers[::-1]
    try:  # a day the month has ("31 February" is not read)
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def trim_url(url: str) -> tuple[str, str]:
    """A web address without the sentence's punctuation after it: ``(address, what was cut)``."""
    opens, closes = {")": url.count("("), "]": url.count("[")}, {")": url.count(")"), "]": url.count("]")}
    end = len(url)
    while end:
        char = url[end - 1]
        if char in closes and closes[char] > opens[char]:
            closes[char] -= 1
        elif char not in URL_END:
            break
        end -= 1
    return url[:end], url[end:]

def link_text(match: re.Match[str]) -> str:
    """What a Markdown link leaves in the text: its words, unless they are only the address."""
    text = match.group("text").strip()
    plain = text.strip("*_ ")
    return "" if plain == match.group("url") or re.match(r"(?:https?://|www\.|doi)", plain, re.I) else text

def after_link(match: re.Match[str], cut: str) -> str:
    """The punctuation cut from a removed address, less a full stop the sentence already has."""
    before = match.string[max(0, match.start() - 3): match.start()].rstrip()
    return cut[1:] if cut.startswith(".") and before.endswith(".") else cut

EMPTY_BRACKETS = re.compile(r"[ \t]*\([ \t]*\)")  # "(https://a.org/x)" once the address has gone


def take_links(text: str, ref: Reference) -> str:
    """Move web addresses and DOIs (links, autolinks, bare, ``doi:``) into ``url``/``doi``; return the rest
    (without the empty brackets an address written in brackets leaves, where the text had none)."""
    written = text
    urls = [m.group("url") for m in MD_LINK.finditer(text)]
    text = MD_LINK.sub(link_text, text)
    urls += [m.group("url") for m in AUTOLINK.finditer(text)]
    text = AUTOLINK.sub("", text)

    def bare(match: re.Match[str]) -> str:
        url, cut = trim_url(match.group("url"))
        urls.append(url)
        return after_link(match, cut)

    text = BARE_URL.sub(bare, text)
    dois: list[str] = []

    def doi_text(match: re.Match[str]) -> str:
        doi, cut = trim_url(match.group("doi"))
        dois.append(doi)
        return after_link(match, cut)

    text = DOI_TEXT.sub(doi_text, text)
    addresses: list[str] = []
    for url in urls:
        if doi := DOI_URL.match(url):
            dois.append(doi.group("doi"))
        elif url not in addresses:
            addresses.append(url)
    if not EMPTY_BRACKETS.search(written):
        text = EMPTY_BRACKETS.sub("", text)
    ref.doi = dois[0] if dois else ""
    ref.url = addresses[0] if addresses else ""
    if len(set(dois)) > 1 or len(addresses) > 1:
        ref.notes.append("more than one web address or DOI: kept the first of each")
    if (accessed := ACCESSED.search(text)) and (date := iso_date(accessed.group("date"))):
        ref.accessed = date
        text = text[: accessed.start()] + text[accessed.end():]
    if retrieved := RETRIEVED.search(text):
        if date := iso_date(retrieved.group("date").strip(" ,")):
            ref.accessed = ref.accessed or date
        text = text[: retrieved.start()]
    return re.sub(r"\s+([.,])", r"\1", single_spaced(text)).strip()
