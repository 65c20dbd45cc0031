"""Pages: the module page's Markdown, and the finishing of every built page.

In: a principle with its resolved citations and learning parts; later, each page's HTML as MkDocs
and the theme write it. Out: the module page's Markdown (``module_page``); the page's HTML through
the sanitiser's allowlist (``sanitise``), with its Content Security Policy (``csp``, ``offline_shim``),
Material's markup repaired (``theme_markup``, using ``page_markup``'s parser), the search index
(``search_index``), the published-addresses manifest and redirects (``published_links``), the site's
address (``site_address``) and a checker for every internal link (``link_check``).
"""
