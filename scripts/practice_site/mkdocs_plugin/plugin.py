"""MkDocs plugin: a thin adapter that turns ``sources/`` into module pages at build time.

Every input is read once, in ``on_config``, into a :class:`SiteModel`; later events read it and
call plain functions from the stages (see guides/ARCHITECTURE.md).
"""

from __future__ import annotations

import html
import posixpath
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template, normalize_url
from mkdocs.utils.templates import TemplateContext

from practice_site.errors import SettingError, SourceError
from practice_site.input_files import check_tree
from practice_site.learning.block_placement import PageSource
from practice_site.learning.learner_notes import content_note_markdown
from practice_site.learning.learner_path import finish_markdown, module_cards, module_status_bar, start_action
from practice_site.learning.module_learning import learning_markdown
from practice_site.learning.my_learning import my_learning_markdown
from practice_site.learning.progress_file import save_reminder_markdown
from practice_site.lms.page_links import package_links
from practice_site.mkdocs_plugin.build_modes import (
    CompiledTemplates,
    add_offline_shim,
    only_search_between,
    prepare_lms,
    quick_preview,
)
from practice_site.mkdocs_plugin.build_notes import (
    check_published_links,
    log_notes,
    page_blocks,
    report_problems,
    theme_data,
)
from practice_site.mkdocs_plugin.config import (
    PracticePrinciplesConfig,
    check_address,
    check_content_note,
    check_folders,
    check_paths,
)
from practice_site.mkdocs_plugin.front_matter import page_meta, page_name
from practice_site.mkdocs_plugin.nav import fill_section, fill_top_section, nav_entries
from practice_site.mkdocs_plugin.page_policy import PagePolicy
from practice_site.mkdocs_plugin.settings_check import check_settings
from practice_site.model.site_model import ModelOptions, SiteModel, load_site, module_uri
from practice_site.names import page_address, reference_anchor, relative_address, short_link_page
from practice_site.pages import published_links as published
from practice_site.pages.bibliography_page import bibliography_markdown
from practice_site.pages.download_offer import home_offer
from practice_site.pages.module_page import render_principle
from practice_site.pages.room_kit import TEMPLATES as KIT_TEMPLATES
from practice_site.pages.room_kit import KitSite, kit_pages
from practice_site.pages.sanitise import clean_content, removal_problem
from practice_site.pages.search_index import ReferenceEntry, module_references, rewrite_index_file, search_copy
from practice_site.pages.site_address import site_path
from practice_site.pages.trainers_page import trainers_markdown
from practice_site.references.reader_notes import correction_notes
from practice_site.references.render_citations import ModuleCiter
from practice_site.references.site_citations import reference_list
from practice_site.sources.load_principles import other_files, publisher_footers
from practice_site.sources.model import Principle

if TYPE_CHECKING:  # imported by mkdocs serve itself; a build never needs it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

PAGE_WEIGHT = 0.6  # search: pages other than modules rank below a module that matches as well
BIBLIOGRAPHY_WEIGHT = 0.3

PRINCIPLE_LIST_MARKER = "<!-- principle-list -->"
START_MARKER = "<!-- start-action -->"
DOWNLOAD_MARKER = "<!-- offline-download -->"
FOOTER_MARKER = "<!-- publisher-footer -->"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
# Markdown extensions every build needs: bare addresses marked for print; no "¶" on module-naming headings;
# a table's caption paragraph made its <caption>.
PAGE_EXTENSIONS = ("practice_site.pages.bare_urls", "practice_site.pages.heading_links",
                   "practice_site.pages.table_captions")
LMS_SCRIPT = "javascripts/lms.js"  # reports to a learning system's SCORM API; in packages only
LMS_SOURCE = Path(__file__).parents[1] / "lms" / "lms.js"



class PracticePrinciplesPlugin(BasePlugin[PracticePrinciplesConfig]):
    """Reads the principle documents, adds one module page each and fills the nav."""

    site: SiteModel  # set by on_config, which MkDocs always runs first
    anchors: dict[str, list[str]]  # each page's section anchors (its table of contents), for published links
    dirty = False  # mkdocs build --dirty rebuilds only the pages that changed
    compiled: CompiledTemplates | None = None  # Jinja's compiled templates, from one build to the next
    policy: PagePolicy | None = None  # the pages' Content Security Policy, from the theme's templates (per build)
    search_alone: bool | None = None  # whether search alone reads a page between our two page_context steps
    whole_content: str | None = None  # a page's content while search reads its copy

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.compiled = CompiledTemplates()  # kept while mkdocs serve rebuilds (MkDocs keeps this plugin)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Templates compiled in an earlier build are not compiled again (see build_modes)."""
        env.bytecode_cache = self.compiled
        return env

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """mkdocs serve: a saved file is noticed within a tenth of a second (see build_modes)."""
        return quick_preview(server, config)

    @event_priority(100)  # first: the checks come before any other plugin reads a setting (the theme's language)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent  # "-f mkdocs.yml" gives a bare name
        check_settings(config)
        check_address(config)
        check_paths(self.config)
        check_content_note(self.config)
        check_folders(config, root)
        if config.site_description:  # the theme writes it into an attribute as it is
            config.site_description = html.escape(config.site_description)
        for level, message in other_files(root / self.config.sources_dir, root):
            (log.warning if level == "warning" else log.info)(message)
        strict = bool(config.strict)
        try:
            docs_dir = root / config.docs_dir  # MkDocs gives folders from the config file's folder
            check_tree(docs_dir, root, published_as_is=True)  # nothing from outside the project,
            for folder in (config.theme.custom_dir, self.config.bib_dir):  # every text file readable
                if folder:
                    check_tree(root / folder, root)
            self.site = load_site(root, docs_dir, self.model_options(),
                                  check=lambda citations, findings: report_problems(citations, findings, strict))
        except (SourceError, SettingError) as error:
            raise PluginError(str(error)) from None
        self.anchors, self.policy, self.site_name, self.search_alone = {}, None, config.site_name, None
        self.standing_pages: list[str] = []  # pages made whole by the build (short links, room kit): recorded too
        log_notes(self.site, self.config.quizzes_dir)
        config.watch.extend([str(root / self.config.sources_dir), str(root / self.config.bib_dir)])
        modules = [(f"{p.number}. {p.short_title}", self.module_uri(p)) for p in self.site.principles]
        config.nav = fill_top_section(config.nav, self.config.nav_section, nav_entries(modules))
        plans = [(plan.title, plan.uri) for plan in self.site.sessions]
        fill_section(config.nav, self.config.sessions_nav_section, nav_entries(plans))
        theme_data(self.site, config)
        config.markdown_extensions.extend(e for e in PAGE_EXTENSIONS if e not in config.markdown_extensions)
        if not config.site_url:  # no address, so no sitemap: its entries would have none (not even made)
            config.theme.static_templates.discard("sitemap.xml")
        if self.config.offline:
            add_offline_shim(config, root, self.config.offline_shim, SHIM_URI)
        if self.config.lms:
            prepare_lms(config, LMS_SCRIPT)
        if self.compiled is None:  # a build that did not start through MkDocs' own commands
            self.compiled = CompiledTemplates()
        self.compiled.folder = root / self.config.cache_dir / "templates" if self.config.cache_dir else None
        KIT_TEMPLATES.bytecode_cache = self.compiled  # the room kit's pages are made before the theme's
        return config

    def model_options(self) -> ModelOptions:
        """Where the model's inputs are, from the plugin's options."""
        names = ModelOptions.__dataclass_fields__
        return ModelOptions(**{name: self.config[name] for name in names})

    def module_uri(self, principle: Principle) -> str:
        return module_uri(self.model_options(), principle)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for principle in self.site.principles:
            files.append(File.generated(config, self.module_uri(principle), content=self.module_page(principle)))
        plans = [(plan.title, plan.uri) for plan in self.site.sessions]
        pages = {
            self.config.bibliography_page: bibliography_markdown(self.site.citations, self.site.principles,
                                                                 self.module_uri),
            self.config.my_learning_page: my_learning_markdown(list(self.site.modules.values()), self.site.quizzes,
                                                               self.config.my_learning_page, config.site_name),
            self.config.trainers_page: trainers_markdown(self.site.modules, plans, config.site_url,
                                                         self.site.download, self.config.offline, self.site.history),
        }
        for module in self.site.modules.values():  # short links: p4.html
            pages[short_link_page(module.number)] = published.redirect_page(module.page, module.label)
        taken = {file.dest_uri for file in files} | {page_address(uri) for uri in pages}
        for old, new in self.site.manifest.get("moved", {}).items():
            if old.partition("#")[0] in taken and "#" not in old:
                raise PluginError(f'{published.MANIFEST}: "moved" sends {old} elsewhere, but this build has a '
                                  "page or file there: a redirect may not replace it; take the line out")
            if "#" not in old:
                target = posixpath.relpath(new, posixpath.dirname(old) or ".")
                pages[old] = published.redirect_page(target, "This page has moved")
        kit = KitSite(config.site_name, self.config.trainers_page, config.site_url, config.copyright or "")
        for principle in self.site.principles:
            pages.update(kit_pages(kit, self.site.modules[principle.module_id], principle,
                                   self.site.quizzes.get(principle.number)))
        for uri, content in pages.items():
            files.append(File.generated(config, uri, content=content))
        self.standing_pages = [uri for uri in pages if uri.endswith(".html") and uri not in
                               self.site.manifest.get("moved", {})]
        if self.config.lms:
            files.append(File.generated(config, LMS_SCRIPT, abs_src_path=str(LMS_SOURCE)))
        if self.site.download is not None:
            files.append(File.generated(config, self.site.download.href, abs_src_path=self.config.offline_zip))
        return files

    def module_page(self, principle: Principle) -> str:
        """One module page's Markdown: the principle, its citations linked, its references and learning parts."""
        site, module = self.site.citations, self.site.modules[principle.module_id]
        quiz = self.site.quizzes.get(principle.number)
        to_my_learning = None if self.config.lms else posixpath.relpath(self.config.my_learning_page,
                                                                         self.config.modules_dir)
        learning = learning_markdown(quiz, principle.module_id, to_my_learning, self.site_name) if quiz else ""
        if not module.questions:
            reminder = save_reminder_markdown(to_my_learning) if to_my_learning or module.reflections else ""
            learning = "\n\n".join(part for part in (learning, finish_markdown(module.id, reminder)) if part)
        return render_principle(
            principle,
            {p.number for p in self.site.principles},
            cite=self.citer(principle),
            references=reference_list(site.module_library(principle.number), site.module_keys[principle.number]),
            notes=correction_notes(site, principle.number),
            learning=learning,
            status=content_note_markdown(self.config.content_note) + "\n\n" + module_status_bar(module),
        )

    def citer(self, principle: Principle) -> ModuleCiter:
        """Links one module's citations: to its own reference list, or to the Bibliography page."""
        site = self.site.citations
        listed = set(site.module_keys[principle.number])
        bibliography = relative_address(self.config.bibliography_page, self.config.modules_dir)

        def href(key: str) -> str:
            return f"#{reference_anchor(key)}" if key in listed else f"{bibliography}#{reference_anchor(key)}"

        return ModuleCiter(site.groups[principle.number], site.module_library(principle.number).labels, href,
                           site.abbreviations(principle.number))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        module = self.site.module_at(uri)
        try:
            page.meta = page_meta(page.meta, page_name(page, config), page.file.content_string,
                                  module and f"Practice Principle {module.number}: {module.title}")
        except SourceError as error:
            raise PluginError(str(error)) from None
        page_blocks(config, self.site, uri, PageSource(page_name(page, config), page.file.content_string))
        if module is None:  # search ranks these below a module that matches as well (an author's boost stays)
            weight = BIBLIOGRAPHY_WEIGHT if uri == self.config.bibliography_page else PAGE_WEIGHT
            page.meta["search"] = {"boost": weight, **page.meta.get("search", {})}
        # My learning, and a module page in a package (its notes file): progress-file.js and my-learning.js
        page.meta["keeps_record"] = uri == self.config.my_learning_page or bool(module and self.config.lms)
        if moved := published.moved_anchors(self.site.manifest, page.url):
            page.meta["moved_anchors"] = moved  # written into the page's head by overrides/main.html
        if uri == self.config.home_page:
            modules = list(self.site.modules.values())
            markdown = replace_marker(markdown, uri, START_MARKER,
                                      start_action(modules, uri, self.config.my_learning_page))
            markdown = replace_marker(markdown, uri, DOWNLOAD_MARKER, home_offer(self.site.download))
            return replace_marker(markdown, uri, PRINCIPLE_LIST_MARKER, module_cards(modules, uri))
        if uri == self.config.credits_page:
            footers = "\n\n---\n\n".join(publisher_footers(self.site.principles))
            return replace_marker(markdown, uri, FOOTER_MARKER, footers)
        return markdown

    @event_priority(-100)  # last, after any other plugin has changed the content
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's content through the sanitiser's allowlist (see sanitise.py).

        In a learning-system package the page stands alone: links to the site's other pages go to
        the published site (or become plain text without its address).
        """
        content = clean_content(html)
        if problem := removal_problem(html, content):
            raise PluginError(f"{page_name(page, config)}: {problem}")
        if self.config.lms:
            content = package_links(content, page.url, config.site_url)
        return content

    @event_priority(1)  # just before Material's search plugin reads the page (see search_index.search_copy)
    def _search_reads_its_copy(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                               nav: Navigation) -> TemplateContext:
        """Search reads the page without the sections it leaves out of the index, which it would only parse:
        only where search is the one plugin that sees the page before it is whole again."""
        if self.search_alone is None:
            self.search_alone = only_search_between(config.plugins.events["page_context"],
                                                    self._search_reads_its_copy, self._page_context)
        copy = search_copy(page.content or "") if self.search_alone else ""
        if len(copy) < len(page.content or ""):  # else search reads the page as it is (and may change it)
            self.whole_content, page.content = page.content, copy
        return context

    @event_priority(-1)  # just after it: the page is whole again before any other plugin or the theme reads it
    def _page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> TemplateContext:
        """Record the page's section anchors; in a package, no "previous" and "next" pages: they are not in it."""
        if self.whole_content is not None:
            page.content, self.whole_content = self.whole_content, None
        self.anchors[page.url] = published.toc_anchors(page.toc)
        if self.config.lms:
            page.previous_page = page.next_page = None
        return context

    on_page_context = CombinedEvent(_search_reads_its_copy, _page_context)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The page finished in one pass: its policy, and the theme's toggles repaired (pages/page_finish)."""
        return self.finish(output, config, page.file.src_uri, get_relative_url(".", page.url), page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) are finished too."""
        if "<head" not in output_content:
            return output_content
        return self.finish(output_content, config, template_name, ".")

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        """The error page links relative to itself, as if at the site's root (see overrides/404.html).

        MkDocs writes its links from the server's root, which breaks under a sub-path without
        site_url and always from file://; the page's own script sets the base when served.
        """
        if is_error_template(template_name):
            context["base_url"] = "."
            context["extra_css"] = [normalize_url(path, None, ".") for path in config.extra_css]
            context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
            context["site_path"] = site_path(config.site_url) if config.site_url else None
        return context

    def finish(self, page: str, config: MkDocsConfig, where: str, base_url: str, content: str = "") -> str:
        """The page with its Content Security Policy and the theme's repairs (see page_policy)."""
        if self.policy is None:
            shim = self.site.root / self.config.offline_shim if self.config.offline else None
            self.policy = PagePolicy(config, shim.read_text(encoding="utf-8") if shim else None)
        try:
            return self.policy.apply(page, where, base_url, content)
        except SettingError as error:
            raise PluginError(str(error)) from None

    def search_references(self) -> dict[str, list[ReferenceEntry]]:
        """Each module page's reference entries for the search index, from the model."""
        site, found = self.site.citations, {}
        for principle in self.site.principles:
            if principle.references_heading is not None:
                entries = reference_list(site.module_library(principle.number), site.module_keys[principle.number])
                page = self.site.modules[principle.module_id].page
                found[page] = module_references(principle.references_heading.heading, entries)
        return found

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        rewrite_index_file(site_dir, self.search_references(), page_address(self.config.bibliography_page),
                           lazy=not self.config.offline)
        if not config.site_url:  # another plugin may write one still
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / name).unlink(missing_ok=True)
        if self.dirty:  # the pages not rebuilt have no anchors here
            log.info(f"{published.MANIFEST}: not checked in a dirty build, which rebuilds only the pages that changed")
        else:
            links = {**{page: [] for page in self.standing_pages}, **self.anchors}
            check_published_links(self.site, links, bool(config.strict), self.config.record_links)
        if self.config.lms:  # each module packaged for learning systems, from the model (make lms moves them)
            from practice_site.lms.package_files import OutsideFileError  # only in LMS mode
            from practice_site.lms.packages import PACKAGES, write_packages

            try:
                write_packages(self.site, site_dir, site_dir / PACKAGES, config.theme.get("language", "en"))
            except (SourceError, OutsideFileError, RuntimeError) as error:
                raise PluginError(str(error)) from None
        if self.config.offline:
            target = site_dir / SHIM_URI
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.site.root / self.config.offline_shim, target)


def replace_marker(markdown: str, uri: str, marker: str, content: str) -> str:
    """A hand-written page's marker line replaced by the generated text; a missing marker stops the build."""
    if marker not in markdown:
        raise PluginError(f"docs/{uri}: the line {marker} is missing; put it where the generated text goes")
    return markdown.replace(marker, content)
