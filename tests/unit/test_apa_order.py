"""APA 7's filing order (9.44-9.47), which the reference lists follow: plain functions over pybtex entries."""

from __future__ import annotations

from pybtex.database import parse_string

from practice_site.references.apa_order import filing_key

ENTRIES = """
@book{devries2019, author = {de Vries, A.}, title = {T}, publisher = {P}, year = {2019}, options = {useprefix=true}}
@book{denzin2019, author = {Denzin, N.}, title = {T}, publisher = {P}, year = {2019}}
@book{deonis2019, author = {de Onis, M.}, title = {T}, publisher = {P}, year = {2019}, options = {useprefix=true}}
@book{devlin2019, author = {Devlin, M.}, title = {T}, publisher = {P}, year = {2019}}
@book{dfe2019, author = {{Department for Education}}, title = {T}, publisher = {P}, year = {2019}}
@book{linden2016, author = {Linden, J. van der}, title = {T}, publisher = {P}, year = {2016}}
@book{oakley2016, author = {Oakley, R.}, title = {T}, publisher = {P}, year = {2016}}
@book{obrien2017, author = {O'Brien, P.}, title = {T}, publisher = {P}, year = {2017}}
@book{osuilleabhain2021, author = {Ó Súilleabháin, F.}, title = {T}, publisher = {P}, year = {2021}}
@book{macarthur2010, author = {MacArthur, A.}, title = {T}, publisher = {P}, year = {2010}}
@book{mccarthy2010, author = {M'Carthy, A.}, title = {T}, publisher = {P}, year = {2010}}
@book{price-inpress, author = {Price, S.}, title = {B}, publisher = {P}, pubstate = {inpress}}
@book{price2020, author = {Price, S.}, title = {Z}, publisher = {P}, year = {2020}}
@book{price-nd, author = {Price, S.}, title = {A}, publisher = {P}}
@book{price2020b, author = {Price, S. and Khan, S.}, title = {A}, publisher = {P}, year = {2018}}
@book{ruch2020a, author = {Ruch, G.}, title = {The second}, publisher = {P}, year = {2020}}
@book{ruch2020b, author = {Ruch, G.}, title = {A first}, publisher = {P}, year = {2020}}
@book{untitled2019, editor = {Holmes, D.}, title = {Edited}, publisher = {P}, year = {2019}}
"""


def ordered() -> list[str]:
    entries = parse_string(ENTRIES, "bibtex").entries
    return sorted(entries, key=lambda key: filing_key(key, entries[key]))


def test_particles_written_before_the_surname_are_filed_letter_by_letter():
    """9.44: "Denzin" before "de Onis" before "Devlin" (spaces ignored); a particle after the initials is not
    filed with the surname (Linden, J. van der, under L)."""
    order = ordered()
    assert order.index("denzin2019") < order.index("deonis2019") < order.index("dfe2019") < order.index(
        "devlin2019") < order.index("devries2019")
    assert order.index("linden2016") < order.index("macarthur2010")


def test_apostrophes_and_accents_do_not_count():
    order = ordered()
    assert order.index("oakley2016") < order.index("obrien2017") < order.index("osuilleabhain2021")
    assert order.index("macarthur2010") < order.index("mccarthy2010"), "MacArthur before M'Carthy (APA 9.45)"


def test_one_authors_works_no_date_first_then_by_year_then_in_press_then_co_authored():
    order = ordered()
    assert [k for k in order if k.startswith("price")] == ["price-nd", "price2020", "price-inpress", "price2020b"]


def test_one_authors_works_of_one_year_go_by_title_without_the_article():
    order = ordered()
    assert order.index("ruch2020b") < order.index("ruch2020a"), '"A first" files under F, "The second" under S'


def test_an_edited_work_is_filed_under_its_editors():
    order = ordered()
    assert order.index("denzin2019") < order.index("untitled2019") < order.index("linden2016")
