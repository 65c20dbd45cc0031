"""Knowledge checks, reflections, session plans and the learner's path.

In: quiz files (``docs/quizzes/``), session plans (``docs/sessions/``) and the loaded principles.
Out: each module's learning parts and the My learning and For trainers pages as Markdown, the
``/// quiz``, ``/// reflection`` and ``/// session`` Markdown block extensions that render them, and
the item-writing checks (``quiz_check``, ``make quiz-report``).

``quiz_format`` and ``session_format`` parse and check the files; ``quiz_extension`` and
``session_extension`` are the block extensions (``block_placement`` says which pages they may
stand on); ``module_learning``, ``my_learning`` and ``learner_path`` write the pages' parts.
"""
