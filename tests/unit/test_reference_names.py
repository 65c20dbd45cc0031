"""practice_site.references.reference_names: authors and editors in a reference (people with initials and
organisations), with each guess said in a note and what cannot be read refused with the part to fix."""

from __future__ import annotations

import pytest

from practice_site.references.reference_fields import Name, Reference, ReferenceParseError
from practice_site.references.reference_names import (
    given_names,
    is_initials,
    looks_personal,
    parse_editors,
    parse_people,
    split_particles,
)


def reference() -> Reference:
    return Reference(raw="as written", line=5)


def person(family: str, given: str) -> Name:
    return Name(family=family, given=given)


@pytest.mark.parametrize("token, parts, given", [
    ("H. L. F. von", ("H. L. F.", "von"), "H.L.F. von"),
    ("J. van der", ("J.", "van der"), "J. van der"),
    ("A. de", ("A.", "de"), "A. de"),
    ("J. J.", ("J. J.", ""), "J.J."),
    ("J.", ("J.", ""), "J."),
    ("Ruch", ("Ruch", ""), "Ruch"),
])
def test_a_particle_after_the_initials_is_kept_apart(token: str, parts: tuple[str, str], given: str) -> None:
    assert split_particles(token) == parts
    assert given_names(token) == given


@pytest.mark.parametrize("token", ["J.", "J. J.", "A.-M.", "Ç.", "Th.", "H. L. F. von"])
def test_initials(token: str) -> None:
    assert is_initials(token) and looks_personal(token)


@pytest.mark.parametrize("token", ["j.", "J", "JJ", "Ruch", "Ruch G.", "G. Ruch"])
def test_not_initials(token: str) -> None:
    assert not is_initials(token)


@pytest.mark.parametrize("token, personal", [
    ("Ruch G.", True), ("G. Ruch", True), ("G. van Ruch", True), ("Ruch", False), ("Department for Education", False),
])
def test_what_looks_like_part_of_a_persons_name(token: str, personal: bool) -> None:
    assert looks_personal(token) is personal


@pytest.mark.parametrize("text, names", [
    ("Allnock, D., Beckett, H., & Walker, J.", [person("Allnock", "D."), person("Beckett", "H."),
                                                person("Walker", "J.")]),
    ("Hanson, E., and Holmes, D.", [person("Hanson", "E."), person("Holmes", "D.")]),
    ("*Smith, J.*,", [person("Smith", "J.")]),
    ("de Vries, A.", [person("de Vries", "A.")]),
    ("Vries, A. de", [person("Vries", "A. de")]),
    ("Smith, J. J.", [person("Smith", "J.J.")]),
    ("Smith, J., Jr.", [person("Smith", "J., Jr.")]),
    ("Smith Jr, J.", [person("Smith", "J., Jr.")]),
    ("Department for Education.", [Name(literal="Department for Education")]),
])
def test_people_and_organisations_are_read(text: str, names: list[Name]) -> None:
    ref = reference()
    assert parse_people(text, ref) == names
    assert ref.notes == []


@pytest.mark.parametrize("text, names, note", [
    ("Ruch G., & Turney, D.", [person("Ruch", "G."), person("Turney", "D.")],
     'read "Ruch G." as family name then initials (no comma between)'),
    ("Ruch, G. D. Turney, D.", [person("Ruch", "G.D."), person("Turney", "D.")],
     'read "G. D. Turney" as the end of one name and the start of the next (no comma)'),
    ("Smith, J., . . . Walker, J.", [person("Smith", "J."), person("Walker", "J.")],
     'read ". . ." as authors left out of the list'),
    ("Smith, J., Jones, K., … Brown, L.", [person("Smith", "J."), person("Jones", "K."), person("Brown", "L.")],
     'read ". . ." as authors left out of the list'),
    ("Smith, J., et al.", [person("Smith", "J.")],
     '"et al." in the author list: only the names given are recorded'),
    ("Smith, J. with Jones, K.", [person("Smith", "J.")],
     '"with Jones, K.": contributors, not authors, so not in the author list (APA lists the authors); record it '
     "as an entry line in bib/corrections.tsv"),
])
def test_looser_shapes_are_read_with_a_note(text: str, names: list[Name], note: str) -> None:
    ref = reference()
    assert parse_people(text, ref) == names
    assert ref.notes == [note]


@pytest.mark.parametrize("text, message", [
    ("Smith, J., Jones", 'author "Jones" has no initials'),
    ("Smith, J., J.", 'cannot read the author list at "J."'),
])
def test_an_author_list_that_cannot_be_read_names_the_part(text: str, message: str) -> None:
    with pytest.raises(ReferenceParseError) as error:
        parse_people(text, reference())
    assert str(error.value) == message


@pytest.mark.parametrize("text, names", [
    ("H. Beckett & J. Pearce", [person("Beckett", "H."), person("Pearce", "J.")]),
    ("H. Beckett and J. Pearce", [person("Beckett", "H."), person("Pearce", "J.")]),
    ("G. Ruch, D. Turney & A. Ward", [person("Ruch", "G."), person("Turney", "D."), person("Ward", "A.")]),
    ("H. L. Beckett", [person("Beckett", "H.L.")]),
    ("Beckett, H., & Pearce, J.", [person("Beckett", "H."), person("Pearce", "J.")]),  # written as authors are
    ("Research in Practice", [Name(literal="Research in Practice")]),
])
def test_editors_are_read(text: str, names: list[Name]) -> None:
    assert parse_editors(text, reference()) == names


@pytest.mark.parametrize("text, bad", [
    ("H. Beckett & Pearce", "Pearce"),
    ("H. Beckett, Research in Practice", "Research in Practice"),
])
def test_an_editor_that_cannot_be_read_is_named(text: str, bad: str) -> None:
    with pytest.raises(ReferenceParseError) as error:
        parse_editors(text, reference())
    assert str(error.value) == f'cannot read the editor "{bad}"'


@pytest.mark.xfail(strict=True, reason='bug: parse_editors names the first part not written "H. Name" ("Beckett"), '
                                       "not the editor parse_people found without initials (\"Pearce\")")
def test_an_editor_without_initials_in_an_author_style_list_is_the_one_named() -> None:
    with pytest.raises(ReferenceParseError, match='^cannot read the editor "Pearce"$'):
        parse_editors("Beckett, H., & Pearce", reference())
