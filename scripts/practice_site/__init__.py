"""Build a training microsite from the Practice Principles source documents.

The work goes in stages, one subpackage each, and data flows one way:

- ``sources``: a principle's text file in, a repaired :class:`~practice_site.sources.model.Principle` out;
- ``references``: the principles' citations and the ``bib/`` library in, each citation resolved to a
  work and every work formatted in APA 7th edition style out (and the editor's tools ``make bib``
  and ``make cite-report``);
- ``learning``: quiz files and session plans in, knowledge checks, reflections, My learning and the
  trainers' pages out (as Markdown, and the Markdown block extensions that render them);
- ``model``: every input read once into the frozen site model, which every output below reads;
- ``pages``: the module page's Markdown from the model, and the finishing of every built page
  (sanitiser, one pass for the Content Security Policy and theme repairs, search index, published addresses);
- ``bundle`` and ``lms``: the built site and the model in, the offline bundle and the learning-system packages out;
- ``mkdocs_plugin``: the thin MkDocs adapter that calls the stages above at the right events.

``errors`` (the project's errors: a file and line, or a setting), ``names`` (every id, file name and
anchor the build makes), ``input_files`` (every input read one way), ``safe_text`` (author text kept as
text) and ``text_forms`` (text compared loosely) are shared by every stage. Each stage imports only
from the stages listed before it.
"""
