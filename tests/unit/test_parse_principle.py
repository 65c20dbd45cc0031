"""The parser on the two real source documents: model, repairs and pinned anchors."""

from __future__ import annotations

import pytest
from helpers import SOURCES
from support.anchors import PINNED_ANCHORS

from practice_site.input_files import read_source
from practice_site.references.find_citations import principle_citations
from practice_site.sources.model import BulletList, Paragraph, Principle
from practice_site.sources.parse_principle import body_paragraphs, parse_principle, short_title


def load(name: str) -> Principle:
    path = SOURCES / name
    return parse_principle(read_source(path, f"sources/{name}"), f"sources/{name}")


@pytest.fixture(scope="module")
def p4() -> Principle:
    return load("principle-04.txt")


@pytest.fixture(scope="module")
def p7() -> Principle:
    return load("principle-07.txt")


def all_text(principle: Principle) -> str:
    return "\n".join(p.text for p in body_paragraphs(principle))


def test_numbers_and_titles(p4, p7):
    assert p4.number == 4
    assert p4.title == ("Responses to child exploitation and extra-familial harm must be "
                        "strengths-based and relationship-based")
    assert p4.short_title == "Strengths-based and relationship-based"
    assert p7.number == 7
    assert p7.title == ("Responses to child exploitation and extra-familial harm must approach "
                        "parents and carers as partners, wherever possible")
    assert p7.short_title == "Approach parents and carers as partners"


def test_short_title_without_must_is_the_title():
    assert short_title("Working together") == "Working together"


RESPONSES = "Responses to harm outside the home must "


@pytest.mark.parametrize(("rest", "expected"), [
    # A comma inside the phrase (a list, an aside) is kept: the title is the whole phrase.
    ("recognise that children, young people and families have strengths",
     "Recognise that children, young people and families have strengths"),
    ("be led by children, young people and communities.", "Led by children, young people and communities"),
    ("listen to young people, parents and carers; and act on what they say.",
     "Listen to young people, parents and carers; and act on what they say"),
    # Only a trailing clause that qualifies the phrase is cut, with the comma before it.
    ("work with schools, wherever possible", "Work with schools"),
    ("share information, where it is safe to do so.", "Share information"),
    ("involve siblings, including younger children, when they ask", "Involve siblings"),
    ("keep families together, so far as  this is safe", "Keep families together"),
    ("be flexible, Whilst staying consistent", "Flexible"),
    ("offer help early, unless a child is at risk", "Offer help early"),
    # A qualifying word without a comma belongs to the phrase.
    ("meet where young people feel safe", "Meet where young people feel safe"),
    ("be open, warm and honest, especially with children", "Open, warm and honest"),
    # A participle after a comma starts a clause, unless a list goes on ("learning, housing and health").
    ("be trauma-informed, recognising harm in communities", "Trauma-informed"),
    ("support learning, housing and health", "Support learning, housing and health"),
])
def test_short_title_is_a_whole_phrase_cut_only_before_a_qualifying_clause(rest, expected):
    assert short_title(RESPONSES + rest) == expected


# Trainers link to these anchors: changing one breaks their links.


def test_section_anchors_are_pinned(p4, p7):
    assert [s.anchor for s in p4.sections] == PINNED_ANCHORS[4]
    assert [s.anchor for s in p7.sections] == PINNED_ANCHORS[7]
    assert p4.references_heading.anchor == p7.references_heading.anchor == "research-summary-references"


def test_bold_headings_lose_their_markup(p7):
    assert p7.sections[2].heading == (
        "Why is approaching parents and carers as partners wherever possible a Practice Principle?")
    assert not any("*" in s.heading for s in p7.sections)


def test_summary_comes_first(p4, p7):
    for p in (p4, p7):
        assert p.sections[0] is p.summary
        assert p.summary.heading == "Summary"
    assert p4.summary.blocks[0].text.startswith("Being strengths-based and relationship-based means")


def test_paragraphs_cut_by_page_breaks_are_joined(p4, p7):
    assert "the interpersonal relationships between professionals, children, young people" in all_text(p4)
    text7 = all_text(p7)
    assert "This means not blaming them and denying them" in text7
    assert "with parents and carers instead being offered" in text7
    assert "challenges they may be facing, responses" in text7
    paragraphs = [p.text for p in body_paragraphs(p7)]
    assert not any(t[:1].islower() for t in paragraphs if not t.startswith("the "))


def test_list_split_by_a_page_break_is_one_list(p4):
    why = p4.sections[3]
    lists = [b for b in why.blocks if isinstance(b, BulletList)]
    assert len(lists) == 1
    assert len(lists[0].items) == 4
    assert lists[0].items[3].text.startswith("help to overcome barriers to disclosure")


def test_reference_repeated_across_a_page_break_is_shown_once(p7):
    maxwell = [r for r in p7.references if r.text.startswith("Maxwell, N. (2022)")]
    assert len(maxwell) == 1
    assert any("repeats line" in m for m in p7.repairs)


def test_reference_entries_have_no_list_markers(p4, p7):
    assert len(p4.references) == 49
    assert len(p7.references) == 24
    for p in (p4, p7):
        assert not any(r.text.startswith(("- ", "* ")) for r in p.references)
    assert p4.references[0].text.startswith("Allnock, D. (2018).")
    assert p4.references[-1].text.startswith("Ungar, M.")


def test_reference_caption_is_kept(p4, p7):
    assert p4.references_caption.startswith("Practice Principle 4: Responses")
    assert p7.references_caption.startswith("PP7: Responses")


def test_escaped_underscore_is_unescaped(p4):
    allnock = next(r for r in p4.references if "uob" in r.text)
    assert "\\\\_" not in allnock.text
    assert "uob\\_syrc\\_learningfromexpertsreport" in allnock.text


def test_note_becomes_a_footnote(p4):
    assert [n.label for n in p4.footnotes] == ["1"]
    note = p4.footnotes[0]
    assert note.blocks[0].text.startswith("Evaluation of the Innovation Programme")
    assert isinstance(note.blocks[1], BulletList) and len(note.blocks[1].items) == 4
    assert isinstance(note.blocks[2], Paragraph) and note.blocks[2].text.startswith("(Fitzsimons")
    assert "Children's Social Care[^1] (Sebba" in all_text(p4)
    assert "<sup>" not in all_text(p4)


def test_footer_is_recognised_and_kept_out_of_the_body(p4, p7):
    for p in (p4, p7):
        assert p.footer.startswith("Tackling Child Exploitation Support Programme")
        assert "@researchIP #TCEProgramme" in p.footer
        assert "Registered Office" not in all_text(p)
        assert not any("researchIP" in g.as_written for g in principle_citations(p))


def test_citations_are_found_as_written(p4, p7):
    found4 = [g.as_written for g in principle_citations(p4)]
    assert "(Ruch, 2020, p.3)" in found4
    assert "(Catalano et al., 2012, Allnock et al., 2022)" in found4
    assert "(Cambridge Dictionary, n.d)" in found4
    assert "(Firmin, 2017; 2020)" in [g.as_written for g in principle_citations(p7)]
    assert all(g.line > 0 for g in principle_citations(p4) + principle_citations(p7))


def test_cross_references(p4, p7):
    assert [(r.text, r.numbers) for r in p4.cross_references] == [
        ("Practice Principles 1 and 3", (1, 3)),
        ("Practice Principle 2", (2,)),
        ("Practice Principle 5", (5,)),
    ]
    assert [r.numbers for r in p7.cross_references] == [(3,), (5,), (6,)]


def test_dash_bullets_and_numbered_items_are_lists():
    from practice_site.sources.split_blocks import raw_blocks

    [block] = raw_blocks(["– one", "– two", "◦ three"])
    assert block.kind == "list" and [i.text for i in block.list_items] == ["one", "two", "three"]


def test_very_deep_indentation_is_kept_to_six_levels():
    from practice_site.sources.model import ListItem
    from practice_site.sources.parse_principle import parse_principle

    items = [f"{'  ' * depth}- level {depth}" for depth in range(2000)]
    principle = parse_principle(["## 9. A test must... be deep", "", "### Summary", "", *items], "sources/x.txt")
    depth, block = 1, principle.summary.blocks[0]
    while isinstance(block.items[-1], ListItem) and block.items[-1].sublist is not None:
        depth, block = depth + 1, block.items[-1].sublist
    assert depth == 6 and "level 1999" in block.items[-1].text
