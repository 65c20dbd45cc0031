"""Search in Chromium: phrases, every word required, references under their module, module text first.

The queries are drawn from the principles' own text. Each names the page and section a trainer
would expect first; they are phrases that occur in one place, so they hold as principles are added.

This file: the checks on built files and tool runs, without a browser (the rest are in tests/unit/, tests/browser/).
"""

from __future__ import annotations

import json

from helpers import copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

from practice_site.pages.search_index import search_copy


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


def test_search_indexes_the_same_from_its_copy_of_each_page_as_from_the_whole_page(tmp_path, monkeypatch):
    """Search reads each page without the sections it leaves out (pages/search_index.search_copy): the documents
    it writes are those it writes when it reads every page whole, and every page is whole again when written,
    with what Material takes out of it after reading (a data-search-* attribute with a value) taken out."""
    import practice_site.mkdocs_plugin.plugin as plugin

    for name in ("SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"):
        monkeypatch.delenv(name, raising=False)
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "credits.md").open("a", encoding="utf-8") as page:
        page.write('\n\n## Set aside {#set-aside data-search-exclude}\n\nWords search leaves out.\n\n'
                   '## Marked {#marked}\n\nA marked paragraph.\n{: data-search-note="marked" }\n')
    shortened: list[str] = []

    def counted(content: str) -> str:
        copy = search_copy(content)
        shortened.extend([content] if len(copy) < len(content) else [])
        return copy

    written = {}
    for way, copy in (("copy", counted), ("whole", lambda content: content)):
        monkeypatch.setattr(plugin, "search_copy", copy)
        site = tmp_path / way
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
        written[way] = {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
                        if path.is_file() and path.suffix in (".html", ".json")}
    assert written["copy"] == written["whole"]
    assert any("Check your understanding" in content for content in shortened)
    assert '"principles/principle-4.html#summary"' in written["copy"]["search/search-data.json"].decode()
    credits = written["copy"]["credits.html"].decode()
    assert "A marked paragraph." in credits and "Words search leaves out." in credits
    assert "data-search-note" not in credits  # as Material takes it out: the page was not made whole over it


def test_the_search_settings_stated_in_mkdocs_yml_are_materials_own_for_the_sites_language(monkeypatch):
    """mkdocs.yml states search's separator and pipeline (so search does not compile the language templates
    to look them up on every build): they must be what Material gives for the site's language."""
    from helpers import ROOT

    for name in ("SITE_URL", "OFFLINE", "OFFLINE_ZIP", "LMS"):
        monkeypatch.delenv(name, raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    search = config.plugins["material/search"].config
    language = config.theme.get_env().get_template("partials/language.html", None, {"config": config}).module
    assert search.separator == language.t("search.config.separator")
    assert search.pipeline == [p for p in language.t("search.config.pipeline").replace(" ", "").split(",") if p]
    assert search.lang == [language.t("search.config.lang")]
