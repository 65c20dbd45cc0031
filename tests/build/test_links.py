"""Every internal link resolves: the checker (tests/support/link_check.py) on a broken folder, then on the
real site and the offline copy.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/).
"""

from __future__ import annotations

from support.link_check import check_folder


def test_every_internal_link_of_the_site_resolves(built_site):
    assert list(built_site.rglob("*.html"))
    problems = check_folder(built_site)
    assert problems == [], "\n".join(map(str, problems))


def test_every_internal_link_of_the_offline_copy_resolves(offline_copy):
    assert list(offline_copy.rglob("*.html"))
    problems = check_folder(offline_copy)
    assert problems == [], "\n".join(map(str, problems))
