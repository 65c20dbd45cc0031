"""practice_site.references.reference_links: web addresses, DOIs and access dates in a reference, found, trimmed of
the sentence's punctuation and moved into their fields."""

from __future__ import annotations

import pytest

from practice_site.references.reference_fields import Reference
from practice_site.references.reference_links import iso_date, take_links, trim_url


def reference() -> Reference:
    return Reference(raw="as written", line=5)


@pytest.mark.parametrize("text, iso", [
    ("19 November 2022", "2022-11-19"),
    ("3rd May 2021", "2021-05-03"),
    ("5 Sep. 2021", "2021-09-05"),
    ("May 3, 2021", "2021-05-03"),
    ("Sept 5, 2021", "2021-09-05"),
    ("19/11/2022", "2022-11-19"),  # day first, as UK dates are written
    ("2022-11-19", "2022-11-19"),
])
def test_an_access_date_as_written_is_read_as_iso(text: str, iso: str) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize("text", [
    "May 2021", "19 Smarch 2022", "1 Ma 2020", "32 May 2021", "12/31/2022", "2022-13-01", "2022-00-10", "",
])
def test_an_unreadable_date_is_empty(text: str) -> None:
    assert iso_date(text) == ""


@pytest.mark.parametrize("text", ["31 February 2021", "2022-11-45"])
def test_a_day_the_month_does_not_have_is_unreadable(text: str) -> None:
    assert iso_date(text) == ""


@pytest.mark.parametrize("url, kept, cut", [
    ("https://a.org/x.", "https://a.org/x", "."),
    ("https://a.org/x).", "https://a.org/x", ")."),
    ("https://a.org/x?y=1;", "https://a.org/x?y=1", ";"),
    ("https://a.org/'”", "https://a.org/", "'”"),
    ("https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_(b)", ""),  # brackets it opens
    ("https://en.wikipedia.org/wiki/A_(b)).", "https://en.wikipedia.org/wiki/A_(b)", ")."),
    ("https://a.org/[x]]", "https://a.org/[x]", "]"),
    ("...", "", "..."),
])
def test_an_address_is_trimmed_of_the_sentences_punctuation(url: str, kept: str, cut: str) -> None:
    assert trim_url(url) == (kept, cut)


@pytest.mark.parametrize("text, rest, url, doi", [
    ("Title. Publisher. https://example.org/report.pdf", "Title. Publisher.", "https://example.org/report.pdf", ""),
    ("Title. [Report](https://example.org/r.pdf).", "Title. Report.", "https://example.org/r.pdf", ""),
    ("Title. [https://example.org/r](https://example.org/r)", "Title.", "https://example.org/r", ""),
    ("Title. <https://example.org/a>", "Title.", "https://example.org/a", ""),
    ("Title. www.gov.uk/guidance.", "Title.", "www.gov.uk/guidance", ""),
    ("Title. https://doi.org/10.1000/xyz123.", "Title.", "", "10.1000/xyz123"),
    ("Title. doi:10.1000/abc.", "Title.", "", "10.1000/abc"),
    ("Title. https://a.org/1. https://a.org/1", "Title.", "https://a.org/1", ""),  # the same address twice
    ("email me@https://a.org", "email me@https://a.org", "", ""),  # not an address of its own
])
def test_addresses_and_dois_move_into_their_fields(text: str, rest: str, url: str, doi: str) -> None:
    ref = reference()
    assert take_links(text, ref) == rest
    assert (ref.url, ref.doi, ref.accessed, ref.notes) == (url, doi, "", [])


@pytest.mark.parametrize("text, url, doi", [
    ("Title. https://a.org/1 and https://a.org/2", "https://a.org/1", ""),
    ("Title. https://dx.doi.org/10.1/x https://doi.org/10.2/y", "", "10.1/x"),
])
def test_only_the_first_address_or_doi_is_kept_with_a_note(text: str, url: str, doi: str) -> None:
    ref = reference()
    take_links(text, ref)
    assert (ref.url, ref.doi) == (url, doi)
    assert ref.notes == ["more than one web address or DOI: kept the first of each"]


@pytest.mark.parametrize("text, accessed", [
    ("Title. Retrieved 19 November 2022, from https://a.org/x", "2022-11-19"),
    ("Title. https://a.org/x (accessed 19 November 2022)", "2022-11-19"),
    ("Title. Available at: https://a.org/x (Accessed: 3 May 2021).", "2021-05-03"),
    ("Title. https://a.org/x Last accessed on 19/11/2022", "2022-11-19"),
    ("Title. Retrieved from https://a.org/x", ""),
    ("Title. Available online at https://a.org/x", ""),
])
def test_retrieval_words_and_access_dates_are_taken_out(text: str, accessed: str) -> None:
    ref = reference()
    assert take_links(text, ref) == "Title."
    assert (ref.url, ref.accessed) == ("https://a.org/x", accessed)


@pytest.mark.parametrize("text", ["Title (https://a.org/x).", "Title (doi: 10.1111/cfs.12345).",
                                  "Title (<https://a.org/x>)."])
def test_an_address_in_brackets_takes_its_brackets_with_it(text: str) -> None:
    assert take_links(text, reference()) == "Title."
