"""The Bibliography page: every work in the modules' reference lists once, with the modules that cite it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from practice_site.names import reference_anchor
from practice_site.pages.module_page import reference_paragraph
from practice_site.references.reader_notes import ledger_line
from practice_site.references.site_citations import SiteCitations, reference_list
from practice_site.safe_text import markdown_text
from practice_site.sources.model import Principle

INTRO = ("Every work in the modules' reference lists, once, in APA 7th edition style. Under each work are "
         "the modules that cite it.")
CORRECTIONS_INTRO = ("Where a principle's citation or reference list differs from what this site shows, the site "
                     "follows this reviewed list:")


def places(key: str, site: SiteCitations, principles: Sequence[Principle],
           module_uri: Callable[[Principle], str]) -> str:
    """ "Cited in [Practice Principle 4](...); Listed in [Practice Principle 7](...)" for one work."""
    found = []
    for p in principles:
        if key in site.module_keys[p.number]:
            verb = "Cited in" if key in site.cited_keys(p.number) else "Listed in"
            found.append(f"{verb} [Practice Principle {p.number}]({module_uri(p)}#{reference_anchor(key)})")
    return "; ".join(found)


def bibliography_markdown(site: SiteCitations, principles: Sequence[Principle],
                          module_uri: Callable[[Principle], str]) -> str:
    """The page's Markdown. Entries are kept out of the search index (which every page loads): the
    sections that cite a work are found by its authors' names, and the index stays small."""
    all_keys = [k for p in principles for k in site.module_keys[p.number]]
    out = ["# Bibliography", INTRO]
    for key, text in reference_list(site.library, all_keys):
        out.append(reference_paragraph(key, text, " data-search-exclude"))
        out.append(places(key, site, principles, module_uri) + "\n{: .cited-in data-search-exclude }")
    out.append("## Corrections {#corrections}")
    out.append(CORRECTIONS_INTRO)
    out.append("\n".join(f"- {markdown_text(ledger_line(site, fix))}" for fix in site.corrections.items))
    return "\n\n".join(out) + "\n"
