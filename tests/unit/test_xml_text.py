"""practice_site.lms.xml_text: author text on its way into a learning system's XML, kept exactly or refused with
where it is and what to remove (never silently dropped)."""

from __future__ import annotations

import pytest

from practice_site.lms.xml_text import checked

WHERE = "docs/quizzes/principle-4.md:12"


@pytest.mark.parametrize("text", [
    "",
    "Plain words & <markup> that XML escaping will carry",
    "a tab\tand a new line\n",
    "UK English: “quotes”, an en dash – and é",
    "\x7f and \x85 are allowed by XML 1.0",
    "\ue000 (private use) and \ufffd (replacement character)",
    "an emoji 😀 outside the Basic Multilingual Plane",
])
def test_text_xml_can_carry_is_returned_unchanged(text: str) -> None:
    assert checked(text, WHERE) is text


@pytest.mark.parametrize("text, code", [
    ("a NUL\x00 here", "0000"),
    ("a carriage return\r\n", "000D"),  # a parser would turn it into a line feed: not kept exactly
    ("a vertical tab\x0b", "000B"),
    ("a form feed\x0c", "000C"),
    ("escape \x1b[0m", "001B"),
    ("a lone surrogate \ud800", "D800"),
    ("not a character \ufffe", "FFFE"),
    ("not a character \uffff", "FFFF"),
])
def test_a_character_xml_cannot_carry_is_refused_with_where_it_is(text: str, code: str) -> None:
    with pytest.raises(ValueError) as error:
        checked(text, WHERE)
    assert str(error.value) == f"{WHERE}: character U+{code} cannot be written to XML; remove it"


def test_the_first_bad_character_is_named() -> None:
    with pytest.raises(ValueError, match=r"U\+0001 cannot"):
        checked("ok\x01 then\x02", WHERE)
