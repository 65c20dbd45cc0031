"""The checks on what a site owner writes besides the principles: mkdocs.yml settings, a page's front matter,
the published-links manifest, linking fields in bib/, and ids the page's scripts own.

Each refusal names the file (and line, where there is one) and says how to put it right.
"""

from __future__ import annotations

import pytest

from practice_site.bundle.config_file import config_problem, main
from practice_site.errors import SourceError
from practice_site.mkdocs_plugin.front_matter import check_front_matter, kind_problem
from practice_site.mkdocs_plugin.settings_check import address_problem, setting_problem
from practice_site.model.published_manifest import read_manifest_file
from practice_site.pages.sanitise import clean_content
from practice_site.references.bib_file import read_bib

# --- mkdocs.yml read as settings, never code ---------------------------------------------------------

def test_mkdocs_yml_with_a_python_tag_is_refused_with_its_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nextra:\n  a: !!python/object/apply:os.system [id]\n")
    problem = config_problem(tmp_path)
    assert problem and problem.startswith("mkdocs.yml:3: ") and "never code" in problem


def test_mkdocs_own_tags_are_read(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: !ENV [NAME, X]\ndocs_dir: !relative $config_dir/docs\n")
    assert config_problem(tmp_path) is None


@pytest.mark.parametrize(("settings", "message"), [
    ("hooks: [h.py]\n", "mkdocs.yml: hooks: leave it out"),
    ("INHERIT: parent.yml\n", "mkdocs.yml: INHERIT: leave it out"),
    ("plugins:\n  - search\n  - bibtex:\n      bib_file: /etc/passwd\n", "mkdocs.yml: plugins: bibtex: "),
    ("markdown_extensions:\n  - 'subprocess:Popen':\n      args: [touch, x]\n",
     "mkdocs.yml: markdown_extensions: subprocess:Popen: "),
    ("markdown_extensions:\n  - pymdownx.snippets\n", "mkdocs.yml: markdown_extensions: pymdownx.snippets: "),
    ("extra:\n  a: &a [1, 2]\n  b: *a\n", "mkdocs.yml:4: an alias"),
    ("site_name: a\x00b\n", "mkdocs.yml: "),
    ("extra: " + "[" * 5000 + "]" * 5000 + "\n", "mkdocs.yml"),
    ("site_url: 'https://[x.org/'\n", "mkdocs.yml: site_url: "),
    ("- a list\n", "mkdocs.yml:1: the file holds settings"),
])
def test_what_mkdocs_would_load_is_checked_first(tmp_path, settings, message):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\n" + settings if not settings.startswith("- ") else settings)
    problem = config_problem(tmp_path, {})
    assert problem and problem.startswith(message), problem


def test_the_sites_own_extensions_and_plugins_are_allowed(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nmarkdown_extensions:\n  - markdown.extensions.toc:\n      permalink: true\n"
        "  - practice_site.learning.quiz_extension\n  - pymdownx.superfences\n"
        "plugins:\n  - search:\n      lang: en\n  - practice-principles\n  - offline\n")
    assert config_problem(tmp_path, {}) is None
    assert config_problem(tmp_path, {"SITE_URL": "https://[x.org/"}).startswith("the SITE_URL environment variable")


def test_the_check_runs_before_make_serve(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: !!python/name:os.system\n")
    monkeypatch.chdir(tmp_path)
    assert main() == 1
    assert "mkdocs.yml:1:" in capsys.readouterr().err
    (tmp_path / "mkdocs.yml").write_text("site_name: X\n")
    assert main() == 0


# --- settings the theme prints -------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["javascript:alert(1)", "jav\tascript:x", "data:text/html,x", "//evil.example/x",
                                   "../../x.png", 'a" onmouseover="x', "x\\y", "<b>", "http://insecure.example/"])
def test_bad_addresses_are_refused(value):
    assert address_problem(value)


@pytest.mark.parametrize("value", ["https://example.org/", "assets/logo.png", "principles/principle-1.html#x",
                                   "/en/", "mailto:training@example.org"])
def test_good_addresses_are_kept(value):
    assert address_problem(value) is None


def test_a_file_a_page_loads_is_never_at_the_computers_root_or_elsewhere():
    for value in ["/etc/passwd", "mailto:x@example.org", "https://example.org/x.js"]:
        assert address_problem(value, links_out=False)


def test_a_file_the_page_loads_must_be_the_sites_own():
    assert setting_problem("theme.logo", "https://evil.example/logo.png")
    assert setting_problem("extra.polyfills[0]", "https://evil.example/x.js")
    assert setting_problem("theme.logo", "assets/logo.png") is None
    assert setting_problem("extra.homepage", "https://example.org/") is None


def test_icon_and_language_names_are_names_not_paths():
    assert setting_problem("theme.icon.logo", "../../../../etc/passwd")
    assert setting_problem("theme.language", "en/../../x")
    assert setting_problem("theme.icon.logo", "material/library") is None
    assert setting_problem("theme.language", "en") is None


def test_other_settings_are_plain_text():
    assert setting_problem("extra.generator", 'x" onload="y')
    assert setting_problem("extra.note", "<script>")
    assert setting_problem("extra.note", "Plain words, with ’quotes’") is None


# --- front matter ---------------------------------------------------------------------------------------

def test_front_matter_keeps_to_the_keys_the_site_uses():
    assert kind_problem("template", "../../../etc/passwd")
    assert kind_problem("hide", 5) and kind_problem("hide", ["everything"])
    assert kind_problem("search", 5) and kind_problem("search", {"exclude": "yes"})
    assert kind_problem("hide", ["toc", "navigation"]) is None
    assert kind_problem("search", {"exclude": True}) is None


def test_front_matter_refusal_names_the_line():
    lines = ["---", "title: A page", "template: ../../x.html", "---"]
    with pytest.raises(SourceError) as error:
        check_front_matter({"title": "A page", "template": "../../x.html"}, "docs/a.md", lines)
    assert str(error.value).startswith("docs/a.md:3: ") and "template" in str(error.value)


def test_markup_in_front_matter_is_refused():
    with pytest.raises(SourceError, match=r"docs/a\.md:2: title: markup"):
        check_front_matter({"title": "<script>x</script>"}, "docs/a.md", ["---", "title: <script>x</script>"])


# --- the published-links manifest --------------------------------------------------------------------

def manifest(tmp_path, moved: str):
    path = tmp_path / "published-links.json"
    path.write_text('{\n  "pages": {"index.html": []},\n  "moved": ' + moved + "\n}\n")
    return read_manifest_file(path, "published-links.json")


@pytest.mark.parametrize("moved", ['{"/tmp/x.html": "index.html"}', '{"../x.html": "index.html"}',
                                   '{"javascripts/site.js": "index.html"}', '{"old.html": "https://evil.example/"}',
                                   '{"old.html": "javascript:alert(1)"}', '["old.html"]'])
def test_a_moved_address_outside_the_sites_pages_is_refused(tmp_path, moved):
    with pytest.raises(SourceError, match=r"published-links\.json:\d+: \"moved\""):
        manifest(tmp_path, moved)


def test_a_moved_page_inside_the_site_is_read(tmp_path):
    read = manifest(tmp_path, '{"old/page.html": "principles/principle-1.html#summary"}')
    assert read["moved"] == {"old/page.html": "principles/principle-1.html#summary"}


def test_a_manifest_that_is_not_json_names_its_line(tmp_path):
    with pytest.raises(SourceError, match=r"published-links\.json:3: this is not valid JSON"):
        manifest(tmp_path, "{},,")


# --- bib/ ------------------------------------------------------------------------------------------------

def test_a_crossref_is_refused_at_its_line(tmp_path):
    path = tmp_path / "references.bib"
    path.write_text("@book{a2020,\n  title = {A},\n  crossref = {a2020},\n  year = {2020},\n}\n")
    with pytest.raises(SourceError, match=r"bib/references\.bib:3: crossref is not used"):
        read_bib(path, "bib/references.bib")


# --- ids the page's scripts own ------------------------------------------------------------------------

def test_content_cannot_take_an_id_a_script_looks_up():
    html = clean_content('<div id="__config">{}</div><div id="moved-anchors">{}</div><p id="summary" '
                         'data-md-component="search">x</p>')
    assert "__config" not in html and "moved-anchors" not in html and "data-md-" not in html
    assert 'id="summary"' in html


@pytest.mark.parametrize(("entry", "message"), [
    ("@book{a2020,\n  title = {A},\n  url = {javascript:alert(1)},\n}\n", r"bib/r\.bib:3: the url 'javascript"),
    ("@book{a2020,\n  title = {A},\n  url = {www.example.org},\n}\n", r"bib/r\.bib:3: the url"),
    ("@book(a2020,\n  title = {A}\n)\n", r"bib/r\.bib:1: write the entry in braces"),
    ("@book{Smith2020,\n title={A}}\n@book{smith2020,\n title={B}}\n", r"bib/r\.bib:3: the key \"smith2020\""),
    ("@book{a2020,\n  relatedtype = {x},\n  related = {b},\n}\n", r"bib/r\.bib:3: related is not used"),
])
def test_bib_entries_the_site_cannot_use_are_refused_at_their_line(tmp_path, entry, message):
    (tmp_path / "r.bib").write_text(entry)
    with pytest.raises(SourceError, match=message):
        read_bib(tmp_path / "r.bib", "bib/r.bib")


def test_a_manifest_nested_too_deeply_is_refused(tmp_path):
    path = tmp_path / "published-links.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(SourceError, match=r"published-links\.json:1: this is nested too deeply"):
        read_manifest_file(path, "published-links.json")


def test_images_in_a_source_keep_their_words_and_are_reported():
    from practice_site.sources.repair import clean_inline

    repairs: list[str] = []
    text = clean_inline("See ![a chart](https://tracker.example/p.png) here.", "sources/x.txt:3", repairs)
    assert text == "See a chart here."
    assert repairs and repairs[0].startswith('sources/x.txt:3: image "a chart"')
