"""What can be the names in a citation: capitalised names, names with particles, and the names a
narrative citation's sentence ends in ("As Hanson and Holmes' (2016)", "as de Vries (2019)")."""

from __future__ import annotations

import re

from practice_site.text_forms import organisation_initials

NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "spring", "summer", "autumn", "winter",
}
# Lower-case particles that begin a surname as its reference list writes it ("de Vries", "van den Berg").
PARTICLES = {"da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "la", "le", "lo",
             "op", "te", "ten", "ter", "van", "von", "zu", "zum", "zur"}
JOINED_PARTICLE = re.compile(r"^(?:d|l|dell|al|el)['’-]\w")  # "d'Souza", "l'Estrange", "al-Hassan"
CONNECTORS = {"for", "of", "the", "on", "in", "and", "&", "et", "al.", *PARTICLES}
SENTENCE_WORDS = {
    "as", "in", "the", "a", "an", "this", "these", "that", "those", "both", "while", "whilst", "according",
    "to", "for", "but", "and", "however", "similarly", "also", "see", "by", "from", "with", "when", "where",
    "following", "after", "before", "since", "like", "unlike", "here", "there", "for example", "of",
}
AND_OTHERS = {"colleagues", "others", "co-workers", "co-authors", "coauthors"}
POSSESSIVE = re.compile(r"['’]s?$")


def starts_with_particle(words: list[str]) -> bool:
    """"de Vries", "van den Berg", "d'Souza": lower-case particles, then a capitalised name."""
    at = 0
    while at < len(words) and words[at] in PARTICLES:
        at += 1
    return (0 < at < len(words) and words[at][:1].isupper()) or bool(words and JOINED_PARTICLE.match(words[0]))


def is_name(text: str) -> bool:
    """True when ``text`` can be the names of a citation: a capital (not a month), or a particle and a name."""
    words = text.split()
    if not words or words[0].lower() in NOT_NAMES:
        return False
    return words[0][:1].isupper() or starts_with_particle(words)


def narrative_names(before: str) -> list[str]:
    """The name phrases that may end ``before`` (the text just before "(2016)"), longest first.

    "As Hanson and Holmes'" -> ["Hanson and Holmes", "Holmes"]; "the DfE" -> ["DfE"]; "as de Vries"
    -> ["de Vries", "Vries"]. Empty when the text does not end in a name.
    """
    words = before.rstrip().split(" ")[-12:]
    if len(words) < 1 or not words[-1]:
        return []
    words[-1] = POSSESSIVE.sub("", words[-1])
    et_al = words[-2:] == ["et", "al."] or (words[-2:-1] == ["and"] and words[-1] in AND_OTHERS)
    if et_al:  # "Castellano and colleagues (2019)" names a work as "et al." does
        words = words[:-2]
    taken: list[str] = []
    for word in reversed(words):
        if not word:
            break
        capitalised = (word[:1].isupper() or bool(JOINED_PARTICLE.match(word))) and not word.endswith(
            (",", ";", ":", ")"))
        if capitalised or (word in CONNECTORS and taken):
            taken.insert(0, word)
        else:
            break
    phrases = []
    for start in range(len(taken)):
        phrase = taken[start:]
        head = phrase[0]
        capital = head[:1].isupper() and head.lower() not in SENTENCE_WORDS and head != "&"
        particle = starts_with_particle(phrase) and (start == 0 or taken[start - 1].lower() not in PARTICLES)
        if capital or particle:
            phrases.append(" ".join(phrase))
    return [p + (" et al." if et_al else "") for p in phrases if p.split()[0].lower() not in NOT_NAMES]


def names_for_short_name(candidates: list[str], short: str) -> list[str]:
    """Of a narrative citation's name phrases, those from the one whose initials spell ``short`` on:
    "the Department for Education (DfE, 2023)" -> ["Department for Education", ...]; none when no
    phrase is the organisation the short name stands for ("First (DfE, 2023)" is parenthetical)."""
    wanted = "".join(c for c in short.lower() if c.isalpha())
    for at, phrase in enumerate(candidates):
        if wanted in organisation_initials(phrase):
            return candidates[at:]
    return []
