"""What the build tells the editor (problems, repairs, gaps) and the module data it gives the theme."""

from __future__ import annotations

from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from practice_site.learning.block_placement import PageSource
from practice_site.model.section_history import HISTORY, write_history
from practice_site.model.site_model import SiteModel
from practice_site.names import kit_page, module_file
from practice_site.pages import published_links as published
from practice_site.references.site_citations import ResolvedCitations, unresolved_problems
from practice_site.sources.cross_references import unresolved

log = get_plugin_logger(__name__)

SESSION_EXTENSION = "practice_site.learning.session_extension"
QUIZ_EXTENSION = "practice_site.learning.quiz_extension"
QUIZ_RULES = '(item-writing rules: guides/editors.md, "Writing a quiz"; make quiz-report)'


def stop_or_warn(problems: list[str], strict: bool) -> None:
    """Problems stop a strict build (all of them, together); otherwise each is a warning."""
    if problems and strict:
        raise PluginError("\n".join(problems))
    for problem in problems:
        log.warning(problem)


def check_published_links(site: SiteModel, anchors: dict[str, list[str]], strict: bool, record: bool) -> None:
    """Every published address still works (see pages/published_links.py); new ones are noted, or recorded."""
    if (new := published.unrecorded(site.manifest, anchors)) and not record:
        log.info(f"{published.MANIFEST}: {len(new)} new addresses (such as {new[0]}) are not recorded yet; run "
                 "make links to record them, then commit it")
    stop_or_warn(published.check_manifest(site.manifest, anchors), strict)
    if record:
        log.info(published.record_manifest(site.root / published.MANIFEST, anchors))
        log.info(write_history(site.root / HISTORY, site.recorded_history, site.history, site.built_at))
        return
    changed = [f"{module_id}#{s.anchor}" for module_id, module in site.history.items() if module.first_recorded
               for s in module.unrecorded]
    if changed:
        log.info(f"{HISTORY}: {len(changed)} sections changed or new since it was written (such as {changed[0]}); "
                 "this build dates them now. Run make links to record them, then commit it")
    if new := [module_id for module_id, module in site.history.items() if module.first_recorded is None]:
        log.info(f"{HISTORY}: {len(new)} modules (such as {new[0]}) are not in it yet. Run make links to record "
                 "them, then commit it")


def stop_build(message: str) -> NoReturn:
    """How a quiz, reflection or session block where it cannot go stops the build: one clean error line."""
    raise PluginError(message)


def page_blocks(config: MkDocsConfig, site: SiteModel, uri: str, page: PageSource) -> None:
    """The page the block extensions are rendering (to name it where a block cannot go), and a session plan's
    page its sessions; every other page has none (a ``/// session`` there stops the build)."""
    plan = site.session_plan_at(uri)
    config.mdx_configs.setdefault(QUIZ_EXTENSION, {}).update(page=page, stop=stop_build)
    config.mdx_configs.setdefault(SESSION_EXTENSION, {}).update(
        sessions=plan.sessions if plan else (), page=page, stop=stop_build)


def report_problems(citations: ResolvedCitations, findings: list[str], strict: bool) -> None:
    """Citations that match no work, then poorly written questions: each stops a strict build (warns otherwise)."""
    stop_or_warn(unresolved_problems(citations), strict)
    stop_or_warn(["\n".join([*findings, QUIZ_RULES])] if findings else [], strict)


def log_notes(site: SiteModel, quizzes_dir: str) -> None:
    """What the build repaired or left out, one info line each, with where it is."""
    known = {p.number for p in site.principles}
    for note in site.citations.notes:
        log.info(note)
    for principle in site.principles:
        for message in principle.repairs:
            log.info(f"repaired {message}")
        if principle.number not in site.quizzes:
            log.info(f"{principle.path}: principle {principle.number} has no knowledge check yet, so its module "
                     f"is built without one (write docs/{quizzes_dir}/{module_file(principle.number)} to add it)")
        for ref, missing in unresolved(principle.cross_references, known):
            numbers = ", ".join(str(n) for n in missing)
            log.info(f'{principle.path}:{ref.line}: "{ref.text}": no module yet for principle {numbers}; '
                     "kept as plain text")


def theme_data(site: SiteModel, config: MkDocsConfig) -> None:
    """The data the templates, learning.js and the quiz and session blocks need (escaped where written)."""
    modules = site.modules.values()
    config.mdx_configs.setdefault(SESSION_EXTENSION, {})["catalogue"] = {
        m.id: {"title": m.label, "uri": m.uri, "minutes": m.minutes,
               "sections": {s.anchor: {"title": s.title, "minutes": s.minutes} for s in m.sections},
               "presenter": kit_page(m.number, "presenter")}
        for m in modules
    }
    config.mdx_configs.setdefault(QUIZ_EXTENSION, {}).update(  # each module's parsed quiz file and page, once
        quizzes={m.id: site.quizzes[m.number] for m in modules if m.number in site.quizzes},
        pages={m.id: m.uri for m in modules})
    config.extra["learning_modules"] = [  # for learning.js: each module, and its sections changed since first recorded
        {"id": m.id, "uri": m.page, "updated": [[s.anchor, s.title, s.changed] for s in site.history[m.id].sections
                                                if s.changed]} for m in modules]
    config.extra["module_links"] = [{"uri": m.page, "title": m.label} for m in modules]  # for the 404 page
