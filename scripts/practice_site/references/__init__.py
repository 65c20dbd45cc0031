"""Citations and references: find, resolve, format and render.

In: the principles (their paragraphs and reference lists) and ``bib/`` (the BibTeX library,
``corrections.tsv`` and ``short-names.tsv``). Out: every in-text citation resolved to a library
entry, each module's reference list and the whole library formatted by citeproc in APA 7th edition
style, and paragraphs with their citations linked to the entries.

Where each step lives: ``find_citations`` finds citations as written, ``resolve_citations`` matches
them to works, ``format_apa`` formats the library with citeproc, ``render_citations`` writes the
links; ``site_citations`` runs these for the whole site. ``parse_reference`` reads a reference-list
line into fields and ``bib_file`` writes and reads ``.bib`` entries, for the editor's tools
``make_bib`` and ``cite_report``; ``corrections``, ``ledger`` and ``short_names`` read the reviewed
files in ``bib/``.
"""
