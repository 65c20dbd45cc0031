"""Reading, resolving and rendering in-text citations: every APA 7 shape, on any library."""

from __future__ import annotations

import pytest
from helpers import ROOT
from pybtex.database import parse_string

from practice_site.references.corrections import Correction, Corrections
from practice_site.references.find_citations import find_groups, format_locator, parse_group
from practice_site.references.render_citations import ModuleCiter
from practice_site.references.resolve_citations import (
    cited_by_title,
    declared_in_text,
    expansions,
    library_works,
    resolve_groups,
    suggestions,
)
from practice_site.references.site_citations import collect_citations
from practice_site.references.unread_citations import unread_brackets
from practice_site.sources.load_principles import load_principles


def works(text: str) -> list[tuple[str, str]]:
    return [(w.written, w.locator) for w in parse_group(text).works]


def test_group_shapes():
    assert works("(Parton, 2012; Ruch, 2005)") == [("Parton, 2012", ""), ("Ruch, 2005", "")]
    assert works("(Catalano et al., 2012, Allnock et al., 2022)") == [
        ("Catalano et al., 2012", ""), ("Allnock et al., 2022", "")]
    assert works("(Firmin, 2017; 2020)") == [("Firmin, 2017", ""), ("Firmin, 2020", "")]
    assert works("(Ruch, 2020, p.3)") == [("Ruch, 2020", "p. 3")]
    assert works("(Fitzsimons & McCracken, 2020, p .4)") == [("Fitzsimons & McCracken, 2020", "p. 4")]
    assert works("(Cambridge Dictionary, n.d)") == [("Cambridge Dictionary, n.d.", "")]
    group = parse_group("(Fine et al., 2003; see Practice Principle 2)")
    assert group.parts[1] == "see Practice Principle 2"


def test_apa_shapes_several_years_missing_comma_locators_and_prefixes():
    assert works("(Lloyd, 2018a, 2018b)") == [("Lloyd, 2018a", ""), ("Lloyd, 2018b", "")]
    assert works("(Lloyd, 2017, 2018)") == [("Lloyd, 2017", ""), ("Lloyd, 2018", "")]
    assert works("(Ruch 2010)") == [("Ruch, 2010", "")]
    assert works("(Pearce, 2009, p. 12)") == [("Pearce, 2009", "p. 12")]
    assert works("(Pearce, 2009, pp. 3-4)") == [("Pearce, 2009", "pp. 3–4")]
    assert works("(Pearce, 2009, para. 2)") == [("Pearce, 2009", "para. 2")]
    assert works("(DfE, 2023)") == [("DfE, 2023", "")]
    assert [(w.prefix, w.written) for w in parse_group("(Hanson, 2016, as cited in Ruch, 2020)").works] == [
        ("", "Hanson, 2016"), ("as cited in", "Ruch, 2020")]
    group = parse_group("(see Ruch, 2020; e.g., Parton, 2012; see also Firmin, 2017)")
    assert [(w.prefix, w.written) for w in group.works] == [
        ("see", "Ruch, 2020"), ("e.g.,", "Parton, 2012"), ("see also", "Firmin, 2017")]


@pytest.mark.parametrize("aside", ["(in 2019)", "(March 2020)", "(since the report, 2019)", "(1 in 3)"])
def test_asides_with_a_year_are_not_citations(aside):
    assert find_groups(f"Something happened {aside} here.", "x", 1) == []


@pytest.mark.parametrize("text, names, years", [
    ("Hanson (2016) argues", "Hanson", ["2016"]),
    ("As Hanson and Holmes (2016) show", "Hanson and Holmes", ["2016"]),
    ("Hanson & Holmes (2016) show", "Hanson & Holmes", ["2016"]),
    ("Hanson et al. (2016a, 2016b) found", "Hanson et al.", ["2016a", "2016b"]),
    ("Hanson's (2016) study", "Hanson", ["2016"]),
    ("Hanson and Holmes’ (2016, p. 4) study", "Hanson and Holmes", ["2016"]),
    ("the Department for Education (2023) says", "Department for Education", ["2023"]),
])
def test_narrative_citations(text, names, years):
    [group] = find_groups(text, "x", 1)
    assert group.narrative and [w.names for w in group.works] == [names] * len(years)
    assert [w.year for w in group.works] == years
    assert text[group.author_start:].startswith(names.split()[0])


@pytest.mark.parametrize("text", ["the programme (2019) said", "Practice Principle 4 (2023)", "in 2019 (2019)"])
def test_years_in_brackets_after_ordinary_words_are_not_citations(text):
    assert find_groups(text, "x", 1) == []


LIBRARY = """
@report{hanson2016, author = {Hanson, E.}, title = {One}, year = {2016}}
@report{hanson2016b, author = {Hanson, E. and Holmes, D.}, title = {Two}, year = {2016}}
@report{lloyd2018, author = {Lloyd, J.}, title = {A}, year = {2018}, source-entry = {Lloyd, J. (2018a). *A*.}}
@report{lloyd2018b, author = {Lloyd, J.}, title = {B}, year = {2018}, source-entry = {Lloyd, J. (2018b). *B*.}}
@report{dfe2023, author = {{Department for Education}}, title = {Guidance}, year = {2023}}
@report{pike2019, author = {Pike, N. and Langham, M. and Dunn, P.}, title = {P}, year = {2019}}
@report{ruch2010, author = {Ruch, G.}, title = {R}, year = {2010}}
"""


@pytest.fixture
def library():
    data = parse_string(LIBRARY, "bibtex")
    written = {k: [e.fields["source-entry"]] for k, e in data.entries.items() if "source-entry" in e.fields}
    return library_works(data, written)


def resolve_text(text: str, library, corrections: Corrections | None = None):
    groups = find_groups(text, "sources/x.txt", 3)
    return resolve_groups(groups, library, corrections or Corrections(), {"DfE": "Department for Education"})


@pytest.mark.parametrize("text, keys", [
    ("Hanson (2016) argues", ["hanson2016"]),
    ("Hanson and Holmes (2016) argue", ["hanson2016b"]),
    ("(Hanson & Holmes, 2016)", ["hanson2016b"]),
    ("(Lloyd, 2018a, 2018b)", ["lloyd2018", "lloyd2018b"]),
    ("(Ruch 2010)", ["ruch2010"]),
    ("(Pike et al., 2019, p. 12)", ["pike2019"]),
    ("(DfE, 2023)", ["dfe2023"]),
    ("the DfE (2023) says", ["dfe2023"]),
    ("the Department for Education (2023) says", ["dfe2023"]),
    ("(see Ruch, 2010; e.g., Hanson, 2016)", ["ruch2010", "hanson2016"]),
])
def test_resolution(library, text, keys):
    [group] = resolve_text(text, library)
    assert [w.key for w in group.works] == keys


@pytest.mark.parametrize("text, key", [
    ("(HANSON, 2016)", "hanson2016"),
    ("(Pike & Langham, 2019)", None),
    ("(Hanson et al., 2016)", "hanson2016b"),
])
def test_loose_matches_are_fuzzy_and_never_cross_years(library, text, key):
    [group] = resolve_text(text, library)
    work = group.works[0]
    assert work.key == key and work.how == ("fuzzy" if key else "unresolved")


def test_apas_first_use_form_written_in_the_source_resolves(library):
    [group] = resolve_text("(Department for Education [DfE], 2023)", library)
    assert (group.works[0].key, group.works[0].how) == ("dfe2023", "matched")


def test_no_citation_is_re_pointed_by_guesswork(library):
    [group] = resolve_text("(Hanson & Pike, 2016)", library)
    assert group.works[0].how == "unresolved" and group.works[0].key is None
    assert [w.key for w in suggestions(group.works[0], library)][0] in {"hanson2016", "hanson2016b"}
    [group] = resolve_text("Working Together (2018) says", library)
    assert group.works[0].how == "unresolved" and group.works[0].written == "Working Together, 2018"


def test_corrections_can_say_not_a_citation(library):
    fix = Correction("text", "Working Together, 2018", "-", "The title of the guidance, not a citation.", 9)
    [group] = resolve_text("Working Together (2018) says", library, Corrections("bib/c.tsv", [fix]))
    assert group.works[0].how == "not a citation"


def render(text: str, library) -> str:
    groups = resolve_text(text, library)
    labels = {"hanson2016": "Hanson, 2016", "hanson2016b": "Hanson & Holmes, 2016", "lloyd2018": "Lloyd, 2018a",
              "lloyd2018b": "Lloyd, 2018b", "dfe2023": "Department for Education, 2023",
              "pike2019": "Pike et al., 2019", "ruch2010": "Ruch, 2010"}
    citer = ModuleCiter(groups, labels, lambda key: f"#ref-{key}", {"dfe2023": "DfE"})
    return citer(text, 3)


def link(key: str, text: str) -> str:
    return f'<a class="citation" href="#ref-{key}">{text}</a>'


def test_narrative_keeps_the_author_and_links_the_year(library):
    assert render("Hanson (2016) argues", library) == f"Hanson ({link('hanson2016', '2016')}) argues"
    assert render("Lloyd (2018a, 2018b)", library) == (
        f"Lloyd ({link('lloyd2018', '2018a')}, {link('lloyd2018b', '2018b')})")
    assert render("Hanson's (2016, p. 4) study", library) == f"Hanson's ({link('hanson2016', '2016')}, p. 4) study"


def test_parenthetical_uses_the_label_once_per_author(library):
    assert render("(Lloyd, 2018a, 2018b; see Ruch 2010, p. 2)", library) == (
        f"({link('lloyd2018', 'Lloyd, 2018a')}, {link('lloyd2018b', '2018b')}; "
        f"see {link('ruch2010', 'Ruch, 2010')}, p. 2)")


def test_secondary_source_links_only_the_work_it_was_read_in(library):
    """APA 7 (8.6): the original is named as written, without a link, even when the library has it."""
    assert render("(Hanson, 2016, as cited in Ruch, 2010)", library) == (
        f"(Hanson, 2016, as cited in {link('ruch2010', 'Ruch, 2010')})")


def test_short_name_follows_apas_first_use_rule(library):
    text = "First (DfE, 2023). Then (DfE, 2023). The DfE (2023) says."
    assert render(text, library) == (
        f"First ({link('dfe2023', 'Department for Education [DfE], 2023')}). "
        f"Then ({link('dfe2023', 'DfE, 2023')}). The DfE ({link('dfe2023', '2023')}) says.")
    text = "The Department for Education (2023) says (DfE, 2023)."
    assert render(text, library) == (
        f"The Department for Education (DfE, {link('dfe2023', '2023')}) says ({link('dfe2023', 'DfE, 2023')}).")


def test_unresolved_citations_are_left_exactly_as_written(library):
    text = "Nobody (1999) said (Nobody & Else 1999, p. 2)."
    assert render(text, library) == text


def test_citation_parsing_is_linear():
    """A 300 KB paragraph full of citations: every one found (the benchmark measures the time)."""
    text = "Hanson (2016) argues (Ruch, 2020; see Parton 2012, p. 3) and more words here. " * 4000
    groups = find_groups(text, "x", 1)
    assert len(groups) == 8000 and groups[-1].end == len(text) - len(" and more words here. ")


def test_locators():
    assert format_locator("p.3") == "p. 3"
    assert format_locator("pp.37-53") == "pp. 37–53"


@pytest.fixture(scope="module")
def site():
    return collect_citations(ROOT, ROOT / "bib", load_principles(ROOT / "sources", ROOT))


def resolved(site, written: str) -> set[tuple[str | None, str]]:
    return {(w.key, w.how) for _, w in site.works() if w.written == written}


def test_every_citation_in_the_sources_resolves(site):
    assert site.unresolved() == []
    missing = [w.written for _, w in site.works() if w.how == "known missing"]
    assert "Brown et al., 2017" in missing


def test_short_organisation_names_are_declared(site):
    assert resolved(site, "SCIE, n.d.") == {("socialcare-nd", "short name")}
    assert resolved(site, "TCE, 2022") == {("tacklingchild2022", "short name")}
    assert resolved(site, "Children's Commissioner, 2019") == {("childrenscommissioner2019", "short name")}
    assert resolved(site, "Care Act Guidance, 2014") == {("careact2014", "matched")}


@pytest.mark.parametrize("written, key", [
    ("Berelowitz et al., 2012", "berelowitz2013"),
    ("Early & GlenMaye, 2004", "early2000"),
    ("Tadam & Cane, 2022", "tedam2022"),
    ("Bovarnick et al., 2016", "bovarnick2017"),
    ("Fitzsimons & McCracken, 2020", "fitzsimons2020"),
])
def test_disagreements_go_through_the_reviewed_mapping(site, written, key):
    assert resolved(site, written) == {(key, "mapping")}


def test_a_citation_agreeing_on_neither_names_nor_year_is_left_missing(site):
    assert resolved(site, "Scott & McNeish, 2017") == {(None, "known missing")}


def test_each_seed_module_lists_its_whole_reference_list(site):
    principles = {p.number: p for p in load_principles(ROOT / "sources", ROOT)}
    for number in (4, 7):
        assert len(site.module_keys[number]) == len(principles[number].references)
    assert "maxwell2022" in site.module_keys[7]


# A realistic next principle: particles, dates other than a year, secondary sources, organisations.

PARTICLE_LIBRARY = """
@article{devries2019, author = {de Vries, A.}, title = {One}, journal = {J}, year = {2019}, options = {useprefix=true}}
@article{khan2020, author = {Khan, S. and de Vries, A.}, title = {Two}, journal = {J}, year = {2020},
  options = {useprefix=true}}
@article{vandenberg2019, author = {van den Berg, L. and Okafor, N. and Price, S.}, title = {Three}, journal = {J},
  year = {2019}, options = {useprefix=true}}
@book{linden2016, author = {Linden, J. van der}, title = {Four}, publisher = {P}, year = {2016}}
@book{obrien2017, author = {O'Brien, P.}, title = {Five}, publisher = {P}, year = {2017}}
@book{price-inpressa, author = {Price, S.}, title = {Part one}, publisher = {P}, pubstate = {inpress},
  source-entry = {Price, S. (in press-a). *Part one*. P.}}
@book{price-inpressb, author = {Price, S.}, title = {Part two}, publisher = {P}, pubstate = {inpress},
  source-entry = {Price, S. (in press-b). *Part two*. P.}}
@book{adeyemi-forthcoming, author = {Adeyemi, T.}, title = {Six}, publisher = {P}, pubstate = {forthcoming}}
@report{youthlink-nda, author = {{Youth Link Network}}, title = {Parents},
  source-entry = {Youth Link Network. (n.d.-a). *Parents*.}}
@report{youthlink-ndb, author = {{Youth Link Network}}, title = {Practitioners},
  source-entry = {Youth Link Network. (n.d.-b). *Practitioners*.}}
@report{dcs2018, author = {{Department of Children’s Services}}, title = {Seven}, year = {2018}}
@report{dhsc2021, author = {{Department of Health & Social Care}}, title = {Eight}, year = {2021}}
@book{harper2016, author = {Harper, L.}, title = {Nine}, publisher = {P}, year = {2016}}
@book{okonjo1998, author = {Okonjo, B.}, title = {Ten}, publisher = {P}, year = {1998}}
"""


@pytest.fixture
def particle_library():
    data = parse_string(PARTICLE_LIBRARY, "bibtex")
    written = {k: [e.fields["source-entry"]] for k, e in data.entries.items() if "source-entry" in e.fields}
    return library_works(data, written)


def keys_of(text: str, library, short_names: dict[str, str] | None = None) -> list[tuple[str | None, str]]:
    groups = resolve_groups(find_groups(text, "sources/x.txt", 3), library, Corrections(), short_names or {})
    return [(w.key, w.how) for g in groups for w in g.works]


@pytest.mark.parametrize("text, found", [
    ("(de Vries, 2019)", [("devries2019", "matched")]),
    ("as de Vries (2019) notes", [("devries2019", "matched")]),
    ("De Vries (2019) describes", [("devries2019", "matched")]),  # a sentence starts with the particle's capital
    ("(Khan & de Vries, 2020)", [("khan2020", "matched")]),
    ("Khan and de Vries (2020) describe", [("khan2020", "matched")]),
    ("(van den Berg et al., 2019, p. 305)", [("vandenberg2019", "matched")]),
    ("Van den Berg et al. (2019) found", [("vandenberg2019", "matched")]),
    ("(see de Vries, 2019; Khan & de Vries, 2020)", [("devries2019", "matched"), ("khan2020", "matched")]),
    ("(Linden, 2016)", [("linden2016", "matched")]),  # "Linden, J. van der": the particle is not filed with it
    ("(O’Brien, 2017)", [("obrien2017", "matched")]),
])
def test_surnames_with_particles_in_every_citation_form(particle_library, text, found):
    assert keys_of(text, particle_library) == found


def test_a_citation_shows_its_particle_as_written():
    [group] = find_groups("Studies agree (Khan & de Vries, 2020).", "x", 1)
    assert group.works[0].names == "Khan & de Vries"
    [group] = find_groups("As de Vries (2019) notes", "x", 1)
    assert group.as_written == "de Vries (2019)"


@pytest.mark.parametrize("text, found", [
    ("(Adeyemi, forthcoming)", [("adeyemi-forthcoming", "matched")]),
    ("(Price, in press-a, in press-b)", [("price-inpressa", "matched"), ("price-inpressb", "matched")]),
    ("Price (in press-b) sets out", [("price-inpressb", "matched")]),
    ("(Youth Link Network, n.d.-a, n.d.-b)", [("youthlink-nda", "matched"), ("youthlink-ndb", "matched")]),
    ("(Youth Link Network, n.d.-b)", [("youthlink-ndb", "matched")]),
])
def test_in_press_forthcoming_and_lettered_dates_are_found_and_resolved(particle_library, text, found):
    assert keys_of(text, particle_library) == found


@pytest.mark.parametrize("text", [
    "(Okonjo, 1998, as cited in Harper, 2016)",
    "Okonjo (1998, as cited in Harper, 2016) argued",
    "(Okonjo, 1998; as cited in Harper, 2016)",
    "Okonjo (1998) argued the same (as cited in Harper, 2016).",
])
def test_a_secondary_citation_links_the_work_read_and_leaves_the_original(particle_library, text):
    """APA 7 (8.6): even with the original in the library, it is named as written, never resolved."""
    assert keys_of(text, particle_library) == [(None, "original"), ("harper2016", "matched")]


def test_organisation_names_match_with_either_apostrophe_and_ampersand(particle_library):
    assert keys_of("(Department of Children's Services, 2018)", particle_library) == [("dcs2018", "matched")]
    assert keys_of("(Department of Health and Social Care, 2021)", particle_library) == [("dhsc2021", "matched")]
    declared = {"DCS": "Department of Children's Services"}  # typed with a straight apostrophe
    assert keys_of("(DCS, 2018)", particle_library, declared) == [("dcs2018", "short name")]


def test_a_short_name_the_text_gives_is_read_and_shown_as_written(particle_library):
    """"Full Name [DCS]" or "Full Name (DCS, 2018)" declares DCS for the principle, as APA's first use."""
    text = ("The Department of Children's Services (DCS, 2018) asks this. It repeats it "
            "(Department of Children's Services [DCS], 2018, p. 4) and again (DCS, 2018, pp. 12-14).")
    groups = find_groups(text, "x", 3)
    declared = declared_in_text(groups, ["Department of Children’s Services"])
    assert declared == {"DCS": "Department of Children’s Services"}
    resolved = resolve_groups(groups, particle_library, Corrections(), declared)
    assert [w.key for g in resolved for w in g.works] == ["dcs2018"] * 3
    citer = ModuleCiter(resolved, {"dcs2018": "Department of Children’s Services, 2018"}, lambda k: f"#ref-{k}",
                        {"dcs2018": "DCS"})
    written = "Department of Children's Services [DCS], 2018"
    assert citer(text, 3) == (
        f"The Department of Children's Services (DCS, {link('dcs2018', '2018')}) asks this. It repeats it "
        f"({link('dcs2018', written)}, p. 4) and again "
        f"({link('dcs2018', 'DCS, 2018')}, pp. 12–14).")


def test_a_phrase_before_a_short_name_is_not_its_organisation_unless_its_initials_say_so():
    [group] = find_groups("First (DfE, 2023).", "x", 1)
    assert not group.narrative and group.works[0].names == "DfE"
    [group] = find_groups("The Department for Education (DfE, 2023) says", "x", 1)
    assert group.narrative and group.works[0].names == "Department for Education"


def test_secondary_and_particle_citations_render_as_written(particle_library):
    text = "Early work (Okonjo, 1998, as cited in Harper, 2016). Okonjo (1998, as cited in Harper, 2016) argued."
    groups = resolve_groups(find_groups(text, "x", 3), particle_library, Corrections(), {})
    citer = ModuleCiter(groups, {"harper2016": "Harper, 2016"}, lambda k: f"#ref-{k}", {})
    assert citer(text, 3) == (
        f"Early work (Okonjo, 1998, as cited in {link('harper2016', 'Harper, 2016')}). "
        f"Okonjo (1998, as cited in {link('harper2016', 'Harper, 2016')}) argued.")


def test_nearest_entries_come_from_the_principles_own_list_first(particle_library):
    [group] = find_groups("(Khan & de Vries, 2019)", "x", 1)
    assert suggestions(group.works[0], particle_library, listed=["devries2019"])[0].key == "devries2019"
    assert suggestions(group.works[0], particle_library, listed=["khan2020"])[0].key == "khan2020"


def test_an_undeclared_short_name_suggests_the_organisation_by_its_initials(particle_library):
    assert expansions("DHSC", particle_library) == ["Department of Health & Social Care"]
    assert expansions("DCS", particle_library, ["dcs2018"])[0] == "Department of Children's Services"
    assert expansions("XYZ", particle_library) == []


@pytest.mark.parametrize("text, shown", [
    ("(Hanson, 2016, emphasis added)", f"({link('hanson2016', 'Hanson, 2016')}, emphasis added)"),
    ("(see Ruch, 2010, for a review)", f"(see {link('ruch2010', 'Ruch, 2010')}, for a review)"),
    ("Hanson (2016, emphasis added) wrote", f"Hanson ({link('hanson2016', '2016')}, emphasis added) wrote"),
    ("(Hanson, 2016: 5)", f"({link('hanson2016', 'Hanson, 2016')}, p. 5)"),
    ("(Hanson 2016:5-7)", f"({link('hanson2016', 'Hanson, 2016')}, pp. 5–7)"),
    ("(Ruch, 2010 p. 112)", f"({link('ruch2010', 'Ruch, 2010')}, p. 112)"),
    ("Hanson (2016: 12) wrote", f"Hanson ({link('hanson2016', '2016')}, p. 12) wrote"),
    ("(Hanson, 2016; also Ruch, 2010)",
     f"({link('hanson2016', 'Hanson, 2016')}; also {link('ruch2010', 'Ruch, 2010')})"),
    ("(Hanson, 2016; compare Ruch, 2010)",
     f"({link('hanson2016', 'Hanson, 2016')}; compare {link('ruch2010', 'Ruch, 2010')})"),
])
def test_words_after_a_date_and_uk_page_forms_are_kept_once(library, text, shown):
    """Words the text adds after a work stay with it, once; "2016: 5" is page 5."""
    assert render(text, library) == shown


@pytest.mark.parametrize("text, key", [
    ("(Youth Link Network, n.d.b)", "youthlink-ndb"),
    ("(Youth Link Network, nd-a)", "youthlink-nda"),
    ("(Price, In press-B)", "price-inpressb"),
    ("(Adeyemi, Forthcoming)", "adeyemi-forthcoming"),
    ("(Adeyemi, in-press)", None),
])
def test_undated_and_in_press_as_texts_write_them(particle_library, text, key):
    assert [k for k, _ in keys_of(text, particle_library)] == [key]


def test_no_date_and_nd_are_n_d():
    data = parse_string("@report{scie-nd, author = {{Social Care Institute for Excellence}}, title = {S}}", "bibtex")
    for text in ("(Social Care Institute for Excellence, nd)", "(Social Care Institute for Excellence, no date)"):
        assert keys_of(text, library_works(data)) == [("scie-nd", "matched")]


def test_a_letter_the_list_does_not_give_is_apas_by_title():
    """The list gives two works of 2016 no letter; the text cites 2016a and 2016b: APA letters them by title."""
    data = parse_string("""
    @book{fenwick2016, author = {Fenwick, P.}, title = {Working with schools}, publisher = {P}, year = {2016},
      source-entry = {Fenwick, P. (2016). *Working with schools*. P.}}
    @book{fenwick2016b, author = {Fenwick, P.}, title = {A guide to colleges}, publisher = {P}, year = {2016},
      source-entry = {Fenwick, P. (2016). *A guide to colleges*. P.}}
    """, "bibtex")
    works = library_works(data, {k: [e.fields["source-entry"]] for k, e in data.entries.items()})
    assert keys_of("(Fenwick, 2016a, 2016b)", works) == [("fenwick2016b", "lettered"), ("fenwick2016", "lettered")]
    [group] = resolve_groups(find_groups("(Fenwick, 2016c)", "x", 1), works, Corrections(), {})
    assert group.works[0].how == "unresolved" and "none is c" in group.works[0].reason


def test_an_edited_book_is_cited_by_its_editors_and_a_particle_after_the_initials_loosely():
    data = parse_string("""
    @book{nwosu2021, editor = {Nwosu, C. and Ellis, J.}, title = {Essays}, publisher = {P}, year = {2021}}
    @book{horst2019, author = {Horst, K. ter}, title = {Streets}, publisher = {P}, year = {2019}}
    """, "bibtex")
    works = library_works(data)
    assert keys_of("(Nwosu & Ellis, 2021)", works) == [("nwosu2021", "matched")]
    assert keys_of("(ter Horst, 2019)", works) == [("horst2019", "fuzzy")], "APA cites Horst: the report says so"
    assert keys_of("(Horst, 2019)", works) == [("horst2019", "matched")]


@pytest.mark.parametrize("text, unread", [
    ("(ruch, 2005)", True), ("(van der merwe, 2020)", True), ("(see ruch, 2005)", True),
    ("(Hanson, 2016; ruch, 2006)", True),
    ("(in 2019)", False), ("(since the report, 2019)", False), ("(March 2020)", False), ("(1 in 3 by 2019)", False),
    ("the programme (2019) said", False), ("(Hanson, 2016, emphasis added)", False), ("(de Vries, 2019)", False),
])
def test_bracketed_text_that_reads_like_a_citation_but_is_not_read_as_one_is_named(text, unread):
    assert bool(unread_brackets(text, find_groups(text, "x", 1))) == unread


def test_words_leading_in_to_quoted_in_and_and_colleagues(library):
    assert render("(young person quoted in Ruch, 2010, para. 4)", library) == (
        f"(young person quoted in {link('ruch2010', 'Ruch, 2010')}, para. 4)")
    assert keys_of("Pike and colleagues (2019) call this", library) == [("pike2019", "matched")]


def test_a_title_or_a_publishers_short_name_leads_to_the_work():
    data = parse_string("""
    @report{hmg2023, author = {{HM Government}}, title = {Keeping children safe beyond the home: Guidance},
      year = {2023}}
    @report{ofsted2021, author = {{Office for Standards in Education, Children's Services and Skills}},
      title = {Beyond the front door}, institution = {Ofsted}, year = {2021}}
    """, "bibtex")
    works = library_works(data)
    [group] = find_groups("(Keeping Children Safe Beyond the Home, 2023)", "x", 1)
    assert [w.key for w in cited_by_title(group.works[0], works, ["hmg2023"])] == ["hmg2023"]
    assert expansions("Ofsted", works, ["ofsted2021"]) == [
        "Office for Standards in Education, Children's Services and Skills"]
