"""practice_site.references.library_cache: the parsed library kept as JSON while the .bib text is unchanged."""

from __future__ import annotations

from practice_site.references.library_cache import parse_bibtex

BIB = """@book{vries2019,
  author = {de Vries, Anna Maria and Berg, K. ter and Smith, Jr., John},
  title = {A {UK} title: with a subtitle},
  year = {2019},
  publisher = {Policy Press},
}

@misc{dfe2023,
  author = {{Department for Education}},
  title = {Guidance},
  year = {2023},
  url = {https://example.org/file_name%20v2.pdf},
}
"""


def parsed(data) -> list:
    return [(key, e.type, e.original_type, list(e.fields.items()),
             [(role, [vars(p) for p in people]) for role, people in e.persons.items()])
            for key, e in data.entries.items()]


def test_the_cached_library_is_the_library_pybtex_parses(tmp_path):
    fresh = parse_bibtex(BIB)
    first, again = parse_bibtex(BIB, tmp_path, "references"), parse_bibtex(BIB, tmp_path, "references")
    assert parsed(first) == parsed(again) == parsed(fresh)
    assert again.to_string("bibtex") == fresh.to_string("bibtex")
    assert [p.name for p in tmp_path.iterdir()] == [next(tmp_path.glob("bib-references-*.json")).name]


def test_a_changed_text_is_parsed_again_and_replaces_the_old_copy(tmp_path):
    parse_bibtex(BIB, tmp_path, "references")
    changed = parse_bibtex(BIB.replace("{2019}", "{2020}"), tmp_path, "references")
    assert changed.entries["vries2019"].fields["year"] == "2020"
    assert len(list(tmp_path.glob("bib-references-*.json"))) == 1


def test_an_unreadable_cached_copy_is_ignored(tmp_path):
    parse_bibtex(BIB, tmp_path, "references")
    (cached,) = tmp_path.glob("bib-references-*.json")
    for damage in ("not json", "[{}]", '[{"key": "x", "type": "misc", "fields": [], "persons": [["author", [{}]]]}]'):
        cached.write_text(damage, encoding="utf-8")
        assert parsed(parse_bibtex(BIB, tmp_path, "references")) == parsed(parse_bibtex(BIB))


def test_each_bib_file_keeps_its_own_copy_and_a_missing_old_copy_is_no_error(tmp_path):
    parse_bibtex(BIB, tmp_path, "references")
    parse_bibtex(BIB.replace("{2019}", "{2018}"), tmp_path, "references-extra")
    parse_bibtex(BIB.replace("{2019}", "{2021}"), tmp_path, "references-extra")  # replaces only its own copy
    assert len(list(tmp_path.glob("bib-references-extra-*.json"))) == 1
    assert len([p for p in tmp_path.glob("bib-references-*.json") if "extra" not in p.name]) == 1
