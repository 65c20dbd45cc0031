"""The MkDocs plugin: a thin adapter from MkDocs' build events to the stages.

In: ``mkdocs.yml`` (the options in ``config``) and MkDocs' events. Out: the module pages, the
Bibliography, My learning and For trainers pages, the navigation, and every page finished by
``practice_site.pages``. Each event calls plain functions from the other subpackages.
"""
