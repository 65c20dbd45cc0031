"""Search in Chromium: phrases, every word required, references under their module, module text first.

The queries are drawn from the principles' own text. Each names the page and section a trainer
would expect first; they are phrases that occur in one place, so they hold as principles are added.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import json


def test_pages_use_the_sites_own_search_worker(built_site):
    for name, expected in (("index.html", "javascripts/search-worker.js"),
                           ("principles/principle-4.html", "../javascripts/search-worker.js")):
        html = (built_site / name).read_text(encoding="utf-8")
        config = html.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]
        assert json.loads(config)["search"] == expected
        assert (built_site / name).parent.joinpath(expected).resolve().is_file()


def test_the_index_a_page_loads_holds_no_documents_and_the_worker_fetches_them(built_site):
    """Opening a page loads Material's index (its configuration only); the documents are fetched by the worker
    on the first search, from the file it names."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]
    data = json.loads((built_site / "search" / "search-data.json").read_text(encoding="utf-8"))
    assert any(d["location"] == "principles/principle-4.html" for d in data["docs"])
    worker = (built_site / "javascripts" / "search-worker.js").read_text(encoding="utf-8")
    assert 'const DATA = "../search/search-data.json"' in worker
