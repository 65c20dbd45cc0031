"""The site model: every input read once, checked, and frozen; every output reads it.

In: the project's folders (``ModelOptions``). Out: a :class:`~practice_site.model.site_model.SiteModel`
holding the principles, their citations resolved and formatted, the quizzes, the module catalogue,
the session plans, the published-links manifest (``published_manifest``) and the offline copy the
site offers (``offline_copy``). The pages, the search index, the offline bundle and the LMS packages
take what they need from it; nothing is read back out of a built page. No MkDocs here: the plugin
adapts MkDocs to it.
"""
