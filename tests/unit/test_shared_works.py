"""A work several principles list: details a wording adds, and differences for a person to settle."""

from __future__ import annotations

from pybtex.database import parse_string

from practice_site.references.corrections import Correction
from practice_site.references.ledger import applies_to_wording
from practice_site.references.reader_notes import entry_note
from practice_site.references.shared_works import differences, wording_conflicts

ENTRY = """@article{ruch2005,
  author = {Ruch, G.},
  title = {Relationship-based practice},
  journal = {Child & Family Social Work},
  volume = {10},
  number = {2},
  pages = {111--123},
  year = {2005},
  source-entry = {Ruch, G. (2005). Relationship-based practice. *Child & Family Social Work*, 10 (2), 111-123.},
  source-entry-2 = {Ruch, G. (2005). Relationship-based practice. *Child & Family Social Work*, 10(2), 111-125.}
}"""


def test_a_doi_the_entry_lacks_is_a_detail_to_add_and_other_pages_a_difference():
    entry = parse_string(ENTRY, "bibtex").entries["ruch2005"]
    found = differences("ruch2005", entry.fields, "Ruch, G. (2005). Relationship-based practice. *Child & Family "
                        "Social Work*, 10(2), 111–123. https://doi.org/10.5555/Example")
    assert [(d.field, d.entry_value, d.wording_value) for d in found] == [("doi", "", "10.5555/Example")]
    conflicts = wording_conflicts("ruch2005", entry)
    assert [(d.field, d.entry_value, d.wording_value) for d in conflicts] == [("pages", "111--123", "111--125")]


def test_a_ledger_line_speaks_only_of_the_wordings_that_made_the_slip():
    fix = Correction("entry", "lefevre2017 author: Luckcock", "Luckock", "Spelt Luckock elsewhere.", 9)
    assert applies_to_wording(fix, "Lefevre, M., Hickle, K., Luckcock, B., & Ruch, G. (2017). Building trust.")
    assert not applies_to_wording(fix, "Lefevre, M., Hickle, K., Luckock, B., & Ruch, G. (2017). Building trust.")
    none_given = Correction("entry", "x2020 title: -", "Relationship", "No title.", 10)
    assert applies_to_wording(none_given, "Cambridge Dictionary (n.d) Available at: <https://example.org/a>")
    assert not applies_to_wording(none_given, "Cambridge Dictionary (n.d). *Relationship*. https://example.org/a")


def test_a_ledger_line_matches_whole_words_of_the_wording():
    fix = Correction("entry", "ruch2005 volume: 11", "10", "The volume is 10.", 9)
    assert applies_to_wording(fix, "Ruch, G. (2005). Relationship-based practice. *J*, 11 (2), 111-123.")
    assert not applies_to_wording(fix, "Ruch, G. (2005). Relationship-based practice. *J*, 10 (2), 111-123.")


def test_reader_notes_show_a_page_range_with_a_dash():
    fix = Correction("entry", "ruch2005 pages: 111-132", "111--123", "The article's pages.", 9)
    assert "this site shows “111–123”" in entry_note(fix, "Ruch, 2005")
