"""mkdocs_plugin/build_modes: what the preview changes in how MkDocs serves and rebuilds."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import DictLoader, Environment
from mkdocs.livereload import LiveReloadServer

from practice_site.mkdocs_plugin.build_modes import PREVIEW_POLL, CompiledTemplates, quick_preview


def test_the_preview_watches_the_same_paths_and_looks_every_tenth_of_a_second(tmp_path):
    docs, config_file = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config_file.write_text("site_name: x\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(config_file))
    old = server.observer
    before = {str(w.path) for w in old._watches}  # watchdog's own record of what it looks at
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(config_file))
    assert quick_preview(server, config) is server
    assert server.observer is not old and server.observer.timeout == PREVIEW_POLL < old.timeout
    assert {str(w.path) for w in server.observer._watches} == before and str(docs) in before
    assert not old._watches


def test_compiled_templates_are_reused_until_a_template_changes():
    templates = {"page.html": "<p>{{ words }}</p>"}
    cache = CompiledTemplates()
    first = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert first.get_template("page.html").render(words="a") == "<p>a</p>" and len(cache.compiled) == 1
    compiled = dict(cache.compiled)
    again = Environment(loader=DictLoader(templates), bytecode_cache=cache)  # a new build's environment
    assert again.get_template("page.html").render(words="b") == "<p>b</p>" and cache.compiled == compiled
    templates["page.html"] = "<p>{{ words }}!</p>"  # edited: compiled afresh, never the old code
    changed = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert changed.get_template("page.html").render(words="c") == "<p>c!</p>"


class CountingEnvironment(Environment):
    """A template environment that counts the templates it compiles."""

    compiled = 0

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN201
        CountingEnvironment.compiled += 1
        return super().compile(source, name, filename, raw, defer_init)


def test_compiled_templates_are_kept_on_disk_for_the_next_build_and_never_used_for_a_changed_one(tmp_path):
    templates, folder = {"page.html": "<p>{{ words }}</p>"}, tmp_path / "cache" / "templates"
    CountingEnvironment.compiled = 0
    first = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=CompiledTemplates(folder))
    assert first.get_template("page.html").render(words="a") == "<p>a</p>" and CountingEnvironment.compiled == 1
    assert len(list(folder.glob("*.jinja"))) == 1 and not list(folder.glob("*.tmp"))
    fresh = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=CompiledTemplates(folder))  # next build
    assert fresh.get_template("page.html").render(words="b") == "<p>b</p>" and CountingEnvironment.compiled == 1
    templates["page.html"] = "<p>{{ words }}!</p>"  # edited: compiled afresh, never the old code
    edited = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=CompiledTemplates(folder))
    assert edited.get_template("page.html").render(words="c") == "<p>c!</p>" and CountingEnvironment.compiled == 2
    for path in folder.glob("*.jinja"):  # damaged: compiled over
        path.write_bytes(path.read_bytes()[:20])
    damaged = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=CompiledTemplates(folder))
    assert damaged.get_template("page.html").render(words="d") == "<p>d!</p>" and CountingEnvironment.compiled == 3


def test_a_cache_folder_that_cannot_be_written_still_builds(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = Environment(loader=DictLoader({"page.html": "<p>{{ words }}</p>"}),
                      bytecode_cache=CompiledTemplates(blocked / "templates"))
    assert env.get_template("page.html").render(words="e") == "<p>e</p>"


def test_search_reads_a_copy_only_where_search_alone_runs_between_the_two_steps():
    from material.plugins.search.plugin import SearchPlugin

    from practice_site.mkdocs_plugin.build_modes import only_search_between

    class Ours:
        def first(self) -> None: ...

        def last(self) -> None: ...

    class Other:
        def read(self) -> None: ...

    ours, search, other = Ours(), SearchPlugin(), Other()
    assert only_search_between([ours.first, search.on_page_context, ours.last], ours.first, ours.last)
    assert not only_search_between([ours.first, search.on_page_context, other.read, ours.last], ours.first,
                                   ours.last)
    assert not only_search_between([ours.first, other.read, ours.last, search.on_page_context], ours.first,
                                   ours.last)
    assert not only_search_between([search.on_page_context, ours.first, ours.last], ours.first, ours.last)


def test_environments_with_other_settings_never_share_compiled_code(tmp_path):
    """Compiled code depends on the environment's settings as well as on the source (found in review)."""
    templates, folder = {"page.html": "{% if x %}\n<p>{{ x }}</p>\n{% endif %}\n"}, tmp_path / "templates"
    plain = Environment(loader=DictLoader(templates), bytecode_cache=CompiledTemplates(folder))
    assert plain.get_template("page.html").render(x="a") == "\n<p>a</p>\n"
    trimmed = Environment(loader=DictLoader(templates), trim_blocks=True, bytecode_cache=CompiledTemplates(folder))
    assert trimmed.get_template("page.html").render(x="b") == "<p>b</p>\n"
    escaping = Environment(loader=DictLoader(templates), autoescape=True, bytecode_cache=CompiledTemplates(folder))
    assert escaping.get_template("page.html").render(x="<c>") == "\n<p>&lt;c&gt;</p>\n"
    assert len(list(folder.glob("*.jinja"))) == 3
