"""Reading and resolving in-text citations: every shape the sources use, and every citation in them."""

from __future__ import annotations

import pytest
from helpers import ROOT

from practice_site.citing import format_locator, parse_group
from practice_site.collection import load_principles
from practice_site.site_citations import collect_citations


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
    assert works("(Early & GlenMaye, 2004; Pulla & Francis, 2014)") == [
        ("Early & GlenMaye, 2004", ""), ("Pulla & Francis, 2014", "")]
    group = parse_group("(Fine et al., 2003; see Practice Principle 2)")
    assert group.parts[1] == "see Practice Principle 2"


def test_locators():
    assert format_locator("p.3") == "p. 3"
    assert format_locator("pp.37-53") == "pp. 37–53"


@pytest.fixture(scope="module")
def site():
    return collect_citations(ROOT, ROOT / "bib", load_principles(ROOT / "sources", ROOT))


def resolved(site, written: str) -> set[tuple[str | None, str]]:
    return {(w.key, w.how) for _, w in site.works() if w.written == written}


def test_every_citation_in_both_sources_resolves(site):
    assert len(site.works()) == 84
    assert site.unresolved() == []
    missing = [w.written for _, w in site.works() if w.how == "known missing"]
    assert missing == ["Brown et al., 2017"]


def test_short_organisation_names(site):
    assert resolved(site, "SCIE, n.d.") == {("socialcare-nd", "short name")}
    assert resolved(site, "TCE, 2022") == {("tacklingchild2022", "short name")}
    assert resolved(site, "Children's Commissioner, 2019") == {("childrenscommissioner2019", "short name")}
    assert resolved(site, "Care Act Guidance, 2014") == {("careact2014", "matched")}


@pytest.mark.parametrize("written, key", [
    ("Berelowitz et al., 2012", "berelowitz2013"),
    ("Early & GlenMaye, 2004", "early2000"),
    ("Tadam & Cane, 2022", "tedam2022"),
    ("Bovarnick et al., 2016", "bovarnick2017"),
    ("Scott & McNeish, 2017", "scott2019"),
    ("Fitzsimons & McCracken, 2020", "fitzsimons2020"),
])
def test_disagreements_go_through_the_reviewed_mapping(site, written, key):
    assert resolved(site, written) == {(key, "mapping")}


def test_each_module_lists_its_whole_reference_list(site):
    assert len(site.module_keys[4]) == 49
    assert len(site.module_keys[7]) == 24
    assert "maxwell2022" in site.module_keys[7]
