"""Titles as ``make bib`` writes them for citeproc, and what that does to their capitals.

Pandoc puts an English title into sentence case, as APA 7 asks, except for words in braces. So
``make bib`` braces what must keep its capitals: the proper nouns of ``bib/proper-nouns.txt``,
acronyms and names with inner capitals ("NSPCC", "McNeish"), the first word after an em dash, and,
in a title the source already writes in sentence case, every capitalised word after the first (a
name or place: "Working with families in Leeds"). A title written in title case is put into
sentence case: :func:`case_notes` says so, with the title as it will read, so that no capital
changes without a ``guess:`` line. A title that ends in a quotation takes APA's full stop inside
the closing quotation mark.
"""

from __future__ import annotations

import re

from practice_site.references.reference_fields import Reference

CLOSING_QUOTES = "'’\"”"
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A word sentence case leaves alone: the first, one after a colon or em dash, or one with capitals
# past its first letter.
INNER_CAPITAL = re.compile(r"^.[^A-Z]*[A-Z]")
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
               "over", "the", "to", "upon", "with", "vs"}


def quoted_full_stop(ref: Reference) -> str:
    """The title with APA's full stop inside a closing quotation mark it ends with, where the full stop
    follows the title directly (no edition, report number, description or volume comes between)."""
    title = ref.title
    if not title or title[-1] not in CLOSING_QUOTES or ref.kind == "misc":
        return title
    if ref.kind in {"book", "report"} and (ref.edition or ref.issue or ref.description or ref.volume):
        return title
    body = title.rstrip(CLOSING_QUOTES)
    if body.endswith((".", "?", "!")):
        return title
    return body + "." + title[len(body):]


def word_spans(title: str) -> list[tuple[int, int, bool]]:
    """Each word's place in the title, and whether sentence case may lower it (not the first word, not
    the first after a colon, question mark or em dash, no capitals past its first letter)."""
    spans = []
    opens_clause = True
    for match in WORD.finditer(title):
        word = match.group(0)
        lowerable = not opens_clause and word[:1].isupper() and not INNER_CAPITAL.match(word)
        spans.append((match.start(), match.end(), lowerable))
        between = title[match.end(): match.end() + 3]
        opens_clause = bool(re.match(r"\s*[:?!—]", between))
    return spans


def in_title_case(title: str) -> bool:
    """Nearly all the title's main words after the first start with a capital ("Working With Families in
    Leeds"), where a sentence-case title has ordinary words in lower case ("Working with families in Leeds")."""
    main = [title[a:b] for a, b, _ in word_spans(title)[1:] if title[a:b].lower() not in SMALL_WORDS]
    capitalised = sum(1 for w in main if w[:1].isupper())
    return bool(main) and capitalised > 3 * (len(main) - capitalised)


def sentence_case_names(title: str) -> list[str]:
    """In a title written in sentence case, the capitalised words after the first: names and places
    ("Leeds"), which keep their capitals."""
    if in_title_case(title):
        return []
    return [title[a:b] for a, b, lowerable in word_spans(title) if lowerable]


def as_sentence_case(title: str) -> str:
    """The title as sentence case shows it, for the editor to check: the first word, and the first after a
    colon, question mark or exclamation mark, capitalised; other words lowered, except braced ones."""
    out, last, depth = [], 0, 0
    for number, (start, end, lowerable) in enumerate(word_spans(title)):
        depth += title.count("{", last, start) - title.count("}", last, start)
        out.append(title[last:start])
        word = title[start:end]
        opens = number == 0 or bool(re.search(r"[:?!][\s{`'‘\"“]*$", title[last:start]))
        if opens and depth == 0:
            word = word[:1].upper() + word[1:]
        out.append(word.lower() if lowerable and depth == 0 else word)
        last = end
    out.append(title[last:])
    return "".join(out).replace("{", "").replace("}", "")


def case_notes(written: str, braced: str, proper_nouns: list[str]) -> list[str]:
    """What happens to a title's capitals: proper nouns written as bib/proper-nouns.txt spells them, and
    a title case title put into sentence case (``braced`` is the title as the .bib entry holds it)."""
    notes = []
    for noun in proper_nouns:
        for match in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", written, flags=re.IGNORECASE):
            if match.group(0) != noun:
                notes.append(f'the title\'s "{match.group(0)}" is written "{noun}", as bib/proper-nouns.txt has it')
    plain = braced.replace("{", "").replace("}", "")
    shown = as_sentence_case(braced)
    if shown.lower() != plain.lower():
        return notes
    if any(a != b and a.isupper() for a, b in zip(plain, shown, strict=True)):
        notes.append(f'the title is shown in sentence case, as APA 7 asks: "{shown}"; if a word that loses its '
                     'capital is a name, brace it in bib/references.bib ("{Leeds}") and add it to '
                     "bib/proper-nouns.txt, so that later entries keep it too")
    elif shown != plain:
        notes.append(f'the first word after a colon or question mark takes a capital, as APA 7 asks: "{shown}"')
    return notes


def brace_names(text: str) -> str:
    """In a title written in sentence case, each capitalised word after the first braced ("{Leeds}")."""
    if in_title_case(text):
        return text
    out, last, depth = [], 0, 0
    for start, end, lowerable in word_spans(text):
        depth += text.count("{", last, start) - text.count("}", last, start)
        out.append(text[last:start])
        word = text[start:end]
        out.append("{" + word + "}" if lowerable and depth == 0 else word)
        last = end
    out.append(text[last:])
    return "".join(out)


def protect(text: str, proper_nouns: list[str]) -> str:
    """Brace proper nouns, acronyms, the first word after an em dash and, in a sentence-case title, the
    names in it, so their capitals survive the citation processor's sentence case (APA 7 capitalises
    the first word after a colon or an em dash; pandoc keeps the one after a colon itself).

    Proper nouns are found whatever their case and written as ``proper_nouns`` spells them
    ("Contextual safeguarding" -> "{Contextual Safeguarding}", which :func:`case_notes` reports).
    ``&`` and ``%`` are left bare.
    """
    for noun in sorted(proper_nouns, key=len, reverse=True):
        text = re.sub(rf"(?<![{{\w]){re.escape(noun)}(?![\w}}])", "{" + noun.replace("\\", "\\\\") + "}", text,
                      flags=re.IGNORECASE)
    text = re.sub(r"(?<=—)(\s?)([A-Z]\w*)(?![\w}])", r"\1{\2}", text)
    text = re.sub(r"(?<![{\w])([A-Z][a-z]*[A-Z][\w]*)(?![\w}])", r"{\1}", text)
    return brace_names(text)
