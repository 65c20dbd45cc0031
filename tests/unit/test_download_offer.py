"""practice_site.pages.download_offer: the home page's offer of the offline copy, in a workshop organiser's words,
or nothing when the build has no offline copy to offer."""

from __future__ import annotations

import pytest

from practice_site.model.offline_copy import OfflineDownload
from practice_site.pages.download_offer import home_offer

DOWNLOAD = OfflineDownload("practice-principles-offline-1.2.zip", 176_000)
ADVICE = ("Unzip it and open the file called index.html in its folder: everything works without a connection.")


def test_a_preview_build_offers_nothing() -> None:
    assert home_offer(None) == ""
    assert home_offer(None, "../") == ""


@pytest.mark.parametrize("prefix, href", [
    ("", "downloads/practice-principles-offline-1.2.zip"),
    ("../", "../downloads/practice-principles-offline-1.2.zip"),
])
def test_the_offer_links_the_zip_with_its_size_and_says_how_to_use_it(prefix: str, href: str) -> None:
    assert home_offer(DOWNLOAD, prefix) == (
        f"**For workshops without internet:** [Download for offline use (ZIP, 172 KB)]({href})"
        f"{{: .offline-download }}. {ADVICE}")


def test_a_large_copy_is_offered_in_megabytes() -> None:
    assert "(ZIP, 1.4 MB)" in home_offer(OfflineDownload("practice-principles-offline-2.zip", 1_500_000))
