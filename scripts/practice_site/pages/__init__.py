"""Pages: the module page's Markdown, and the finishing of every built page.

In: the site model (a principle with its resolved citations and learning parts); later, each page's
HTML as MkDocs and the theme write it. Out: the module page's Markdown (``module_page``); the page's
content through the sanitiser's allowlist (``sanitise``); each page finished in one pass
(``page_finish``: its Content Security Policy from ``csp``, ``known_scripts`` and ``offline_shim``,
and Material's toggles repaired); the search index (``search_index``), the published-addresses
checks and redirects (``published_links``) and the site's address (``site_address``).
"""
