"""practice_site.pages.bibliography_page: the Bibliography page, with every work in the modules' reference lists once
(in citeproc's APA order), the modules that cite or list it, and the corrections ledger in a reader's words."""

from __future__ import annotations

from types import SimpleNamespace

from practice_site.pages.bibliography_page import bibliography_markdown, places
from practice_site.references.corrections import Correction, Corrections
from practice_site.references.format_apa import SITE, FormattedLibrary
from practice_site.references.site_citations import SiteCitations
from practice_site.sources.model import Principle, Section

LIBRARY = FormattedLibrary(
    labels={"dfe2023": "Department for Education, 2023", "ruch2020": "Ruch, 2020", "unused": "Unused, 1999"},
    # citeproc's order (APA's), which the page keeps: not the modules' order, nor the keys' order
    references={"dfe2023": "Department for Education. (2023). <em>Working together</em>.",
                "ruch2020": "Ruch, G. (2020). <em>Relationships</em>.",
                "unused": "Unused, U. (1999). <em>In no list</em>."})
CORRECTIONS = Corrections("bib/corrections.tsv", (
    Correction("missing", "Smith, 2019", "", "Not in any list.", 3, confirmed=True),
    Correction("cite", "DfE 2023", "dfe2023", "A typo *here*.", 4),
))


def principle(number: int) -> Principle:
    return Principle(number, f"Title {number}", f"Short {number}", f"sources/principle-0{number}.txt", 1,
                     (Section("Summary", "summary", 3),))


def cited(*keys: str | None) -> SimpleNamespace:
    """A citation group as the resolver leaves it: only its works' keys matter here (None: unresolved)."""
    return SimpleNamespace(works=tuple(SimpleNamespace(key=key) for key in keys))


def site(corrections: Corrections = CORRECTIONS) -> SiteCitations:
    """Principle 4 cites Ruch and lists the DfE without citing it; principle 7 cites the DfE."""
    return SiteCitations(groups={4: (cited("ruch2020", None),), 7: (cited("dfe2023"),)},
                         module_keys={4: ("ruch2020", "dfe2023"), 7: ("dfe2023",)}, corrections=corrections,
                         short_names={}, works_in_library=(), module_wordings={}, notes=(),
                         formatted={SITE: LIBRARY})


PRINCIPLES = [principle(4), principle(7)]


def module_uri(p: Principle) -> str:
    return f"principles/principle-{p.number}.md"


def test_places_say_which_modules_cite_a_work_and_which_only_list_it() -> None:
    assert places("dfe2023", site(), PRINCIPLES, module_uri) == (
        "Listed in [Practice Principle 4](principles/principle-4.md#ref-dfe2023); "
        "Cited in [Practice Principle 7](principles/principle-7.md#ref-dfe2023)")
    assert places("ruch2020", site(), PRINCIPLES, module_uri) == (
        "Cited in [Practice Principle 4](principles/principle-4.md#ref-ruch2020)")


def test_places_follow_the_principles_given_and_are_empty_for_a_work_no_module_lists() -> None:
    assert places("dfe2023", site(), PRINCIPLES[::-1], module_uri).startswith("Cited in [Practice Principle 7]")
    assert places("unused", site(), PRINCIPLES, module_uri) == ""


def test_the_page_lists_each_listed_work_once_in_apa_order_with_its_places() -> None:
    page = bibliography_markdown(site(), PRINCIPLES, module_uri)
    assert page.startswith(
        "# Bibliography\n\nEvery work in the modules' reference lists, once, in APA 7th edition style. Under each "
        "work are the modules that cite it.\n\n"
        '<p class="reference" data-search-exclude id="ref-dfe2023">Department for Education. (2023). '
        "<em>Working together</em>.</p>\n\n"
        "Listed in [Practice Principle 4](principles/principle-4.md#ref-dfe2023); "
        "Cited in [Practice Principle 7](principles/principle-7.md#ref-dfe2023)\n{: .cited-in data-search-exclude }"
        "\n\n"
        '<p class="reference" data-search-exclude id="ref-ruch2020">Ruch, G. (2020). <em>Relationships</em>.</p>'
        "\n\n"
        "Cited in [Practice Principle 4](principles/principle-4.md#ref-ruch2020)\n{: .cited-in data-search-exclude }"
        "\n\n## Corrections {#corrections}\n\n")
    assert page.count('id="ref-dfe2023"') == 1, "a work two modules list is on the page once"
    assert "ref-unused" not in page, "a work in the library but in no module's list is not on the page"


def test_the_corrections_are_listed_in_a_readers_words_as_text() -> None:
    page = bibliography_markdown(site(), PRINCIPLES, module_uri)
    assert page.endswith(
        "## Corrections {#corrections}\n\n"
        "Where a principle's citation or reference list differs from what this site shows, the site follows this "
        "reviewed list:\n\n"
        "- The text cites “Smith, 2019”, which no reference list holds; it is shown as written, without a link\\. "
        "Not in any list\\.\n"
        "- The text cites “DfE 2023”; this site links it to “Department for Education, 2023”\\. A typo \\*here\\*\\. "
        "\\(Not yet checked by an editor\\.\\)\n")


def test_a_page_for_no_principles_has_no_works() -> None:
    page = bibliography_markdown(site(), [], module_uri)
    assert 'class="reference"' not in page and "Cited in" not in page
