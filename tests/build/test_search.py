"""Search in Chromium: phrases, every word required, references under their module, module text first.

The queries are drawn from the principles' own text. Each names the page and section a trainer
would expect first; they are phrases that occur in one place, so they hold as principles are added.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import json

from practice_site.pages.search_index import point_to_worker


def test_pages_use_the_sites_own_search_worker(built_site):
    for name, expected in (("index.html", "javascripts/search-worker.js"),
                           ("principles/principle-4.html", "../javascripts/search-worker.js")):
        html = (built_site / name).read_text(encoding="utf-8")
        config = html.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]
        assert json.loads(config)["search"] == expected
        assert (built_site / name).parent.joinpath(expected).resolve().is_file()
    page = '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/s.js"}</script>'
    assert '"../javascripts/search-worker.js"' in point_to_worker(page)
