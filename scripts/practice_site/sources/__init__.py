"""Read, repair and model a principle.

In: a text file in ``sources/`` as extracted from the PDF (paragraphs cut by page breaks, headings
at odd levels, repeated references, publisher footers). Out: a
:class:`~practice_site.sources.model.Principle` with its summary, sections (with stable anchors),
paragraphs, lists and tables, reference list and cross-references, and a note of each repair made.
Nothing of the principle's own words is lost or changed: debris is repaired here, in code.

``read_text`` reads the bytes, ``split_blocks`` groups lines into blocks, ``repair`` mends page-break
debris, ``parse_principle`` builds the model (``table_captions`` makes a "Table 1: ..." paragraph
directly above a table its caption), ``load_principles`` reads a whole folder and checks
the principles against each other.
"""
