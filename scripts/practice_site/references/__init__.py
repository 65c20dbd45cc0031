"""Citations and references: find, resolve, format and render.

In: the principles (their paragraphs and reference lists) and ``bib/`` (the BibTeX library,
``corrections.tsv`` and ``short-names.tsv``). Out: every in-text citation resolved to a library
entry, each module's reference list and the whole library formatted by citeproc in APA 7th edition
style, and paragraphs with their citations linked to the entries.

Where each step lives: ``find_citations`` finds citations as written (``citation_names``: what can
be a name, particles included; ``citation_dates``: years, "n.d.", "in press", "forthcoming", with
letters; ``citation_locators``: "p. 3", "2018: 5"; ``unread_citations``: brackets that read like a
citation but are not one), ``resolve_citations`` matches them to works, ``format_apa`` formats the
library with citeproc in the order ``apa_order`` gives, ``render_citations`` writes the links;
``site_citations`` runs these for the whole site, and ``reader_notes`` says where a module differs
from its source. ``parse_reference`` reads a reference-list line into fields
(``read_reference`` keeps one it cannot read whole) and ``bib_file`` writes and reads ``.bib``
entries (``bibtex_values``: field values; ``apa_titles``: titles' capitals and full stop), for the
editor's tools ``make_bib`` and ``cite_report``; ``shared_works`` compares the details of one
work's wordings; ``corrections``, ``ledger`` and ``short_names`` read the reviewed files in ``bib/``.
"""
