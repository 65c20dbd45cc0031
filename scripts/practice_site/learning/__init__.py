"""Knowledge checks, reflections, session plans and the learner's path.

In: quiz files (``docs/quizzes/``), session plans (``docs/sessions/``) and the loaded principles.
Out: each module's learning parts and the My learning and For trainers pages as Markdown, the
Markdown extensions that render them (a module's questions and reflections where its page's markers
are; ``/// session`` blocks), and the item-writing checks (``quiz_check``, ``make quiz-report``).

``quiz_format`` and ``session_format`` parse and check the files; ``quiz_extension`` and
``session_extension`` are the Markdown extensions (``block_placement`` says where a ``/// quiz``,
``/// reflection`` or ``/// session`` block may not stand); ``module_learning``, ``my_learning`` and
``learner_path`` write the pages' parts.
"""
