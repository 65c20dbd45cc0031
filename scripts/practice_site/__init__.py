"""Build a training microsite from the Practice Principles source documents.

The work goes in stages, one subpackage each, and data flows one way:

- ``sources``: a principle's text file in, a repaired :class:`~practice_site.sources.model.Principle` out;
- ``references``: the principles' citations and the ``bib/`` library in, each citation resolved to a
  work and every work formatted in APA 7th edition style out (and the editor's tools ``make bib``
  and ``make cite-report``);
- ``learning``: quiz files and session plans in, knowledge checks, reflections, My learning and the
  trainers' pages out (as Markdown, and the Markdown block extensions that render them);
- ``pages``: the module page's Markdown from a principle, and the finishing of every built page
  (sanitiser, Content Security Policy, theme repairs, search index, published addresses);
- ``bundle`` and ``lms``: the built site in, the offline bundle and the learning-system packages out;
- ``mkdocs_plugin``: the thin MkDocs adapter that calls the stages above at the right events.

``errors`` (the one error type that names a file and line), ``safe_text`` (author text kept as
text) and ``text_forms`` (text compared loosely) are shared by every stage. Each stage imports only
from the stages listed before it.
"""
