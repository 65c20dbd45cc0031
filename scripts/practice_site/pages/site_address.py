"""The site's published address (``site_url``) and what is made from it: short links.

The address is set once, in mkdocs.yml or, at build time, in the ``SITE_URL`` environment
variable. Left unset, pages show links relative to the site and no sitemap is published.
"""

from __future__ import annotations

import string
from urllib.parse import urlsplit

from practice_site.names import short_link_page

ENV_NAME = "SITE_URL"
ALLOWED = set(string.ascii_letters + string.digits + "-._~:/?#[]@!$&()*+,;=%")


def check_site_url(url: str) -> str | None:
    """Why ``url`` cannot be the site's address, or None when it can."""
    if set(url) - ALLOWED:
        bad = "".join(sorted(set(url) - ALLOWED))
        return f"it has characters an address cannot have ({bad!r}); write it as in a browser's address bar"
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "https://[x.org/": an unclosed bracket
        return f"it cannot be read as an address ({error}); write it as in a browser's address bar"
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return "it must start with https:// (or http://) and name the host, for example https://example.org/training/"
    if parts.query or parts.fragment:
        return "it must not have a ?query or #fragment"
    if "//" in parts.path or "\\" in url:
        return "its path has a double slash or a backslash; write it as in a browser's address bar"
    return None


def site_path(url: str | None) -> str:
    """The path the site is published under, ending in "/" ("/" when no address is set)."""
    path = urlsplit(url).path if url else "/"
    return path if path.endswith("/") else path + "/"


def short_link(url: str | None, number: int) -> str:
    """The short link to a module: absolute when the site's address is known, else relative."""
    name = short_link_page(number)
    if not url:
        return name
    return (url if url.endswith("/") else url + "/") + name
