"""The site model: every input read and checked once, then read by every output (pages, search, bundle, LMS).

Nothing here knows MkDocs: the plugin gives :func:`load_site` the project's folders as
:class:`ModelOptions`, and problems are the project's own errors (``errors``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from practice_site.errors import SettingError
from practice_site.learning.module_catalogue import ModuleEntry, catalogue
from practice_site.learning.module_learning import load_quizzes
from practice_site.learning.quiz_check import check_quizzes
from practice_site.learning.quiz_format import QuizFile
from practice_site.learning.session_plans import SessionPlan, load_session_plans
from practice_site.model.offline_copy import OfflineDownload, offline_download
from practice_site.model.published_manifest import MANIFEST, read_manifest, read_only
from practice_site.model.section_history import (
    HISTORY,
    ModuleHistory,
    build_time,
    frozen_history,
    read_history,
    site_history,
)
from practice_site.names import module_file
from practice_site.references.site_citations import (
    ResolvedCitations,
    SiteCitations,
    collect_citations,
    format_citations,
)
from practice_site.sources.load_principles import load_principles
from practice_site.sources.model import Principle


@dataclass(frozen=True)
class ModelOptions:
    """Where the inputs are, as paths from the project's folder (the plugin's options in mkdocs.yml)."""

    sources_dir: str = "sources"
    bib_dir: str = "bib"
    quizzes_dir: str = "quizzes"  # in the docs folder
    sessions_dir: str = "sessions"  # in the docs folder
    modules_dir: str = "principles"  # where the module pages go, in the docs folder
    cache_dir: str = ".cache/practice-site"  # the parsed library and formatted references; "" turns it off
    offline_zip: str = ""  # the offline copy the site offers, if any


@dataclass(frozen=True)
class SiteModel:
    """The principles, their citations (resolved and formatted), quizzes, modules and session plans.

    Built whole by :func:`load_site` and never changed: its sequences are tuples and its maps read-only.
    """

    root: Path
    principles: tuple[Principle, ...]
    citations: SiteCitations
    quizzes: Mapping[int, QuizFile]
    modules: Mapping[str, ModuleEntry]
    sessions: tuple[SessionPlan, ...]  # each session plan page, parsed
    quiz_findings: tuple[str, ...]  # item-writing problems (they stop a strict build)
    manifest: Mapping[str, Any]  # published-links.json
    download: OfflineDownload | None  # the offline copy the site offers, if any
    history: Mapping[str, ModuleHistory]  # module id -> when each of its sections last changed
    recorded_history: Mapping[str, Any]  # section-history.json as read (make links adds to it)
    built_at: str  # this build's time (UTC, ISO 8601): when a change not yet recorded is dated

    def session_plan_at(self, uri: str) -> SessionPlan | None:
        """The session plan whose page is ``uri`` (docs-relative), if it is one."""
        return next((p for p in self.sessions if p.uri == uri), None)

    def module_at(self, uri: str) -> ModuleEntry | None:
        """The module whose page is ``uri`` (docs-relative), if it is one."""
        return next((m for m in self.modules.values() if m.uri == uri), None)


def module_uri(options: ModelOptions, principle: Principle) -> str:
    """A module page's docs-relative address, for example ``principles/principle-4.md``."""
    return f"{options.modules_dir}/{module_file(principle.number)}"


def offered_download(zip_path: str, root: Path) -> OfflineDownload | None:
    """The offline copy the site offers (make site sets it); a path to nothing stops the build."""
    try:
        return offline_download(zip_path, root)
    except FileNotFoundError as error:
        raise SettingError(str(error)) from None


def load_site(root: Path, docs_dir: Path, options: ModelOptions,
              check: Callable[[ResolvedCitations, list[str]], None] = lambda citations, findings: None,
              now: str | None = None) -> SiteModel:
    """Read every input once. Raises SourceError (file and line) or SettingError (no offline copy where named).

    ``check`` sees the resolved citations and the quiz findings before citeproc formats the library,
    so a strict build stops on them without running pandoc. ``now`` is the build's time (see
    ``section_history.build_time``).
    """
    now = now or build_time()
    principles = load_principles(root / options.sources_dir, root)
    cache = root / options.cache_dir if options.cache_dir else None
    resolved = collect_citations(root, root / options.bib_dir, principles, cache)
    quizzes = load_quizzes(docs_dir / options.quizzes_dir, root, principles)
    modules = catalogue(principles, quizzes, lambda p: module_uri(options, p))
    sessions = load_session_plans(docs_dir / options.sessions_dir, docs_dir, root, modules)
    findings = [str(f) for f in check_quizzes(list(quizzes.values()))]
    history = read_history(root / HISTORY)
    check(resolved, findings)
    return SiteModel(
        root=root, principles=tuple(principles), citations=format_citations(resolved, root / options.bib_dir, cache),
        quizzes=MappingProxyType(quizzes), modules=MappingProxyType(modules), sessions=tuple(sessions),
        quiz_findings=tuple(findings), manifest=read_only(read_manifest(root / MANIFEST)),
        download=offered_download(options.offline_zip, root),
        history=MappingProxyType(site_history(principles, history, now)),
        recorded_history=frozen_history(history), built_at=now,
    )
