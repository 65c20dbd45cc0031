"""Authors and editors in a reference: people with initials, organisations, and the guesses said in notes."""

from __future__ import annotations

import re

from practice_site.references.reference_fields import Name, Reference, ReferenceParseError, strip_markup

WORD = r"[^\W\d_][\w'’-]*"

INITIALS = re.compile(r"(?:-?[^\W\d_][a-z]?\.)+")

NAME_THEN_INITIALS = re.compile(rf"^(?P<family>{WORD}(?: {WORD})*) (?P<given>(?:-?[^\W\d_]\.\s?)*-?[^\W\d_]\.)$")

INITIAL_THEN_NAME = re.compile(rf"^(?P<given>(?:-?[^\W\d_]\.\s?)+) (?P<family>(?:[a-z]+ ){{0,3}}{WORD})$")

EDITOR_SPLIT = re.compile(r",\s*+(?:(?:&|and)\s+)?|(?<!\s)\s+(?:&|and)\s+")

NAME_SPLIT = re.compile(r",|(?:^|\s)(?:&|and)\s")

NAME_SUFFIX = re.compile(r"^(?:Jr|Sr)\.?$|^I{2,3}$|^IV$")

ELLIPSIS = re.compile(r"^(?:\.\s?){3}|^…")

def split_particles(token: str) -> tuple[str, str]:
    """("H. L. F.", "von") from "H. L. F. von": a particle the source writes after the initials, as APA
    does when the surname is not filed under it ("Vries, A. de"); (token, "") when none follows them."""
    words = token.split()
    at = len(words)
    while at > 1 and len(words[at - 1]) <= 4 and words[at - 1].isalpha() and words[at - 1].islower():
        at -= 1
    if at == len(words) or not words[at - 1].endswith("."):
        return token, ""
    return " ".join(words[:at]), " ".join(words[at:])

def given_names(token: str) -> str:
    """Initials as BibTeX keeps them ("J.J."), with a particle written after them kept ("H.L.F. von")."""
    initials, particles = split_particles(token)
    return " ".join(part for part in (initials.replace(" ", ""), particles) if part)

def is_initials(token: str) -> bool:
    """"J.", "J. J.", "A.-M.", "Ç." (each part a capital, then an optional small letter, then a dot), and
    the same followed by a particle ("H. L. F. von")."""
    compact = split_particles(token)[0].replace(" ", "")
    return bool(INITIALS.fullmatch(compact)) and all(p.lstrip("-")[:1].isupper() for p in compact.split(".") if p)

def looks_personal(token: str) -> bool:
    """Whether a token of an author list is (part of) a person's name with initials."""
    return is_initials(token) or bool(NAME_THEN_INITIALS.match(token) or INITIAL_THEN_NAME.match(token))

def name_tokens(cleaned: str, ref: Reference) -> list[str]:
    """The comma/ampersand-separated parts of a person list, without "et al." and APA's ". . ."."""
    tokens = []
    for token in (t.strip() for t in NAME_SPLIT.split(cleaned)):
        if ELLIPSIS.match(token):
            token = ELLIPSIS.sub("", token).strip()
            ref.notes.append('read ". . ." as authors left out of the list')
        if token.rstrip(".") == "et al":
            ref.notes.append('"et al." in the author list: only the names given are recorded')
        elif token:
            tokens.append(token)
    return tokens

def parse_people(text: str, ref: Reference) -> list[Name]:
    """Read "Allnock, D., Beckett, H., & Walker, J." (and the looser shapes the lists use)."""
    cleaned = strip_markup(text).rstrip(",").strip()
    if " with " in cleaned:
        cleaned, _, helpers = cleaned.partition(" with ")
        cleaned = cleaned.rstrip(", ")
        ref.notes.append(f'"with {helpers}": contributors, not authors, so not in the author list (APA lists '
                         "the authors); record it as an entry line in bib/corrections.tsv")
    if not any(looks_personal(t.strip()) for t in NAME_SPLIT.split(cleaned)):
        return [Name(literal=cleaned.rstrip(".").strip())]
    names: list[Name] = []
    pending_family = ""
    for token in name_tokens(cleaned, ref):
        if NAME_SUFFIX.match(token) and names and not pending_family:
            names[-1].given = f"{names[-1].given}, {token}"
        elif is_initials(token) and pending_family:
            names.append(Name(family=pending_family, given=given_names(token)))
            pending_family = ""
        elif (m := NAME_THEN_INITIALS.match(token)) and not pending_family:
            names.append(Name(family=m.group("family"), given=m.group("given").replace(" ", "")))
            ref.notes.append(f'read "{token}" as family name then initials (no comma between)')
        elif (m := INITIAL_THEN_NAME.match(token)) and pending_family:
            names.append(Name(family=pending_family, given=m.group("given").replace(" ", "")))
            pending_family = m.group("family")
            ref.notes.append(f'read "{token}" as the end of one name and the start of the next (no comma)')
        elif not pending_family and not is_initials(token):
            pending_family = token
        else:
            raise ReferenceParseError(f'cannot read the author list at "{token}"')
    if pending_family:
        raise ReferenceParseError(f'author "{pending_family}" has no initials')
    for name in names:
        if name.family.endswith(" Jr"):
            name.family, name.given = name.family.removesuffix(" Jr"), f"{name.given}, Jr."
    return names

def parse_editors(text: str, ref: Reference) -> list[Name]:
    """Read "H. Beckett & J. Pearce", "G. Ruch, D. Turney & A. Ward" (or "Beckett, H., & Pearce, J.")."""
    parts = [p.strip() for p in EDITOR_SPLIT.split(strip_markup(text).rstrip(",")) if p.strip()]
    matches = [INITIAL_THEN_NAME.match(part) for part in parts]
    if parts and all(matches):
        return [Name(family=m.group("family"), given=m.group("given").replace(" ", "")) for m in matches if m]
    scratch = Reference(raw=text, line=ref.line)
    try:
        editors = parse_people(text, scratch)
        ref.notes.extend(scratch.notes)
    except ReferenceParseError:
        editors = []
    if not editors or editors[0].literal and len(parts) > 1:
        bad = next((p for p, m in zip(parts, matches, strict=True) if not m), text.strip())
        raise ReferenceParseError(f'cannot read the editor "{bad}"')
    return editors
