"""The published address (site_url / SITE_URL), the 404 page and the offline copy offered for download.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

from support.addresses import ADDRESS

from practice_site.model.offline_copy import size_label
from practice_site.pages.site_address import check_site_url, short_link, site_path


def test_address_helpers():
    assert check_site_url(ADDRESS) is None
    assert check_site_url("https://example.org") is None
    assert check_site_url("ftp://example.org/") and check_site_url("https://exa mple.org/")
    assert short_link(None, 4) == "p4.html"
    assert short_link("https://example.org/t", 4) == "https://example.org/t/p4.html"
    assert site_path(ADDRESS) == "/training/" and site_path(None) == "/"


def test_size_labels():
    assert size_label(176_000) == "172 KB"
    assert size_label(1_500_000) == "1.4 MB"
    assert size_label(10) == "1 KB"
