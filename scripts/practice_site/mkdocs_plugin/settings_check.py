"""The settings in mkdocs.yml that reach a page: plain text, or an address of the kind expected.

Material prints many settings as they are, some inside attributes, so each is checked before any
plugin reads it: words are plain text (no markup; no quotation mark where the theme puts it in an
attribute), addresses are ``https://`` links or paths inside the site (files the page loads: paths
only, nothing from another site), icon and language names are names, not paths. Settings that
would make pages load from, or report to, another site are refused. A PluginError names the setting.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from practice_site.pages.build_allowlist import extension_problem
from practice_site.safe_text import first_markup

WORDS = ("site_name", "site_description", "site_author", "copyright")  # shown on pages
IN_ATTRIBUTES = {"site_name", "site_author"}  # the theme writes these into attributes as they are
THIRD_PARTY = {  # settings that would make pages load from, or report to, another site
    "repo_url": "Material's repository link fetches the repository's details from another site",
    "repo_name": "it goes with repo_url, which would fetch from another site",
    "edit_uri": "it links pages to a repository on another site",
    "extra.analytics": "analytics would report every visit to another site",
    "extra.consent": "it asks consent for analytics, which this site does not have",
}
LINK_KEYS = {"link", "homepage"}  # addresses readers follow: https:// or a path inside the site
FILE_KEYS = {"logo", "favicon", "scope", "polyfills"}  # addresses pages load: a path inside the site only
NAME_KEYS = {"icon", "language"}  # settings the theme reads a template file by
MARKUP = re.compile(r"[<>\x00-\x08\x0b-\x1f\x7f]")  # what words the pages show may not hold
PLAIN = re.compile(r"[<>\"`\\\x00-\x08\x0b-\x1f\x7f]")  # nor a setting the theme may print inside an attribute
NAME = re.compile(r"[A-Za-z0-9]+(?:[/_.-][A-Za-z0-9]+)*")  # "material/library", "en-GB": never "../"


def settings(value: Any, key: str, seen: set[int] | None = None):
    """(dotted key, value) for every string, number or flag under ``value``; a list or mapping met again
    (a YAML alias) is read once."""
    seen = set() if seen is None else seen
    if isinstance(value, (dict, list, tuple)):
        if id(value) in seen:
            return
        seen.add(id(value))
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from settings(inner, f"{key}.{name}", seen)
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from settings(inner, f"{key}[{index}]", seen)
    else:
        yield key, value


def address_problem(value: str, links_out: bool = True) -> str | None:
    """Why a setting that holds an address cannot be one: an https:// or mailto: link, or a path on the site
    (where ``links_out``), or a path inside the site (a file a page loads); never another kind of
    address, a path out of the site, or quotation marks."""
    if PLAIN.search(value) or re.search(r"\s", value):
        return "an address has no spaces, quotation marks, backslashes or angle brackets"
    if ".." in value.split("/") or value.startswith("//") or value.startswith("/") and not links_out:
        return "a path inside the site does not climb out of it or start at the computer's root"
    scheme = urlsplit(value).scheme if ":" in value else ""
    if scheme and not (links_out and scheme in {"https", "mailto"}):
        return "write an https:// address, or a path inside the site" if links_out else \
            "the page loads this file, so it must be the site's own: write a path inside the site"
    return None


def check_words(config: MkDocsConfig) -> None:
    """The words in mkdocs.yml that pages show, and the navigation's titles, are plain text."""
    for name in WORDS:
        value = config.get(name)
        if isinstance(value, str) and (first_markup(value) or MARKUP.search(value)):
            raise PluginError(f"mkdocs.yml: {name}: markup such as <b> is not allowed here (nor a control "
                              "character); write plain text")
        if name in IN_ATTRIBUTES and isinstance(value, str) and '"' in value:
            raise PluginError(f'mkdocs.yml: {name}: a quotation mark (") is not allowed here; write ’ or “ ”')
    check_nav(config.nav or [], "nav")


def check_nav(items: list, where: str) -> None:
    """Each navigation title is plain text and each address a page of the site or an https:// link."""
    for item in items:
        if isinstance(item, str):
            pairs = [("", item)]
        elif isinstance(item, dict):
            pairs = list(item.items())
        else:
            continue
        for title, value in pairs:
            if title and (first_markup(str(title)) or MARKUP.search(str(title)) or '"' in str(title)):
                raise PluginError(f"mkdocs.yml: {where}: {title}: markup such as <b>, and a straight quotation "
                                  'mark ("), are not allowed here; write plain text, with ’ or “ ”')
            if isinstance(value, list):
                check_nav(value, f"{where}: {title}")
            elif isinstance(value, str) and (problem := address_problem(value)):
                raise PluginError(f"mkdocs.yml: {where}: {title or value}: {value[:60]!r}: {problem}")


def check_settings(config: MkDocsConfig) -> None:
    """Every setting the theme prints or loads is what it should be (see the module's docstring)."""
    check_words(config)
    for key, reason in THIRD_PARTY.items():
        section, _, name = key.partition(".")
        present = config.get(section) if not name else (config.get(section) or {}).get(name)
        if present:
            raise PluginError(f"mkdocs.yml: {key}: leave it out: {reason}, and the site makes no request to "
                              "another site")
    for extension in config.markdown_extensions:
        if problem := extension_problem(extension):
            raise PluginError(f"mkdocs.yml: markdown_extensions: {extension}: {problem}")
    if config.theme.name != "material":
        raise PluginError("mkdocs.yml: theme.name: this site is built with the material theme")
    if config.theme.get("font") not in (False, None):
        raise PluginError("mkdocs.yml: theme.font: set it to false: web fonts come from another site")
    for path in [*config.extra_css, *(str(s) for s in config.extra_javascript)]:
        if problem := address_problem(path, links_out=False):
            raise PluginError(f"mkdocs.yml: extra_css / extra_javascript: {path!r}: {problem}")
    theme = {k: v for k, v in config.theme.items() if k not in {"custom_dir", "name", "locale"}}
    for key, value in [*settings(dict(config.extra), "extra"), *settings(theme, "theme")]:
        if isinstance(value, str) and (problem := setting_problem(key, value)):
            raise PluginError(f"mkdocs.yml: {key}: {value[:60]!r}: {problem}")


def setting_problem(key: str, value: str) -> str | None:
    """What is wrong with one setting under ``extra`` or ``theme``, by the kind its name says it is."""
    last = key.rpartition(".")[2].split("[")[0]
    if last in NAME_KEYS or key.startswith("theme.icon."):
        return None if NAME.fullmatch(value) else "write the name of an icon or a language, not a path"
    if last in FILE_KEYS:
        return address_problem(value, links_out=False)
    if last in LINK_KEYS:
        return address_problem(value)
    return "write plain text: markup, quotation marks and control characters are not allowed" \
        if PLAIN.search(value) else None
