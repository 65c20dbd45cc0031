"""MkDocs plugin: a thin adapter that turns ``sources/`` into module pages at build time."""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import is_error_template, normalize_url
from mkdocs.utils.templates import TemplateContext

from practice_site.bundle.download import OfflineDownload, home_offer, offline_download
from practice_site.errors import SourceError
from practice_site.learning.learner_path import finish_markdown, module_cards, module_status_bar, start_action
from practice_site.learning.module_learning import learning_markdown, load_quizzes, my_learning_markdown
from practice_site.learning.quiz_check import check_quizzes
from practice_site.learning.quiz_format import QuizFile
from practice_site.learning.session_format import check_targets, parse_sessions
from practice_site.learning.trainers import ModuleEntry, catalogue, trainers_markdown
from practice_site.lms.page_links import package_links
from practice_site.mkdocs_plugin.config import PracticePrinciplesConfig, check_address, check_config_strings
from practice_site.pages.csp import add_policy
from practice_site.pages.module_page import module_filename, reference_paragraph, render_principle
from practice_site.pages.offline_shim import frame_script, worker_url
from practice_site.pages.published_links import (
    MANIFEST,
    check_manifest,
    collect_links,
    moved_anchors,
    read_manifest,
    redirect_page,
)
from practice_site.pages.sanitise import clean_content
from practice_site.pages.search_index import ReferenceEntry, point_to_worker, reference_entries, site_index
from practice_site.pages.site_address import site_path
from practice_site.pages.theme_markup import fix_theme_markup
from practice_site.references.render_citations import ModuleCiter
from practice_site.references.resolve_citations import suggestions
from practice_site.references.site_citations import (
    SiteCitations,
    collect_citations,
    correction_notes,
    format_citations,
    ledger_line,
    reference_list,
)
from practice_site.safe_text import first_markup, markdown_text
from practice_site.sources.cross_references import unresolved
from practice_site.sources.load_principles import load_principles, other_files, publisher_footers
from practice_site.sources.model import Principle

log = get_plugin_logger(__name__)

PAGE_WEIGHT = 0.6  # search: pages other than modules rank below a module that matches as well
BIBLIOGRAPHY_WEIGHT = 0.3

PRINCIPLE_LIST_MARKER = "<!-- principle-list -->"
START_MARKER = "<!-- start-action -->"
DOWNLOAD_MARKER = "<!-- offline-download -->"
FOOTER_MARKER = "<!-- publisher-footer -->"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
LMS_SCRIPT = "javascripts/lms.js"  # reports to a learning system's SCORM API; in packages only
LMS_SOURCE = Path(__file__).parents[1] / "lms" / "lms.js"
LMS_CATALOGUE = "lms-modules.json"  # the modules, for make lms to package (not itself packaged)
BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')  # marked so print does not repeat the address


class PracticePrinciplesPlugin(BasePlugin[PracticePrinciplesConfig]):
    """Reads the principle documents, adds one module page each and fills the nav."""

    def __init__(self) -> None:
        self.principles: list[Principle] = []
        self.shim_source = Path()
        self.citations: SiteCitations | None = None
        self.quizzes: dict[int, QuizFile] = {}
        self.modules: dict[str, ModuleEntry] = {}
        self.sessions: list[tuple[str, str]] = []
        self.manifest: dict = {}
        self.root = Path()
        self.download: OfflineDownload | None = None
        self.references: dict[str, list[ReferenceEntry]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        check_config_strings(config)
        check_address(config)
        if config.site_description:  # the theme writes it into an attribute as it is
            config.site_description = html.escape(config.site_description)
        self.references = {}
        sources = root / self.config.sources_dir
        bib = root / self.config.bib_dir
        for level, message in other_files(sources, root):
            (log.warning if level == "warning" else log.info)(message)
        try:
            self.principles = load_principles(sources, root)
            self.citations = collect_citations(root, bib, self.principles)
            quiz_dir = Path(config.docs_dir) / self.config.quizzes_dir
            self.quizzes = load_quizzes(quiz_dir, root, self.principles)
            findings = [str(f) for f in check_quizzes(list(self.quizzes.values()))]
            self.modules = catalogue(self.principles, self.quizzes, self.module_uri)
            self.sessions = self.load_sessions(Path(config.docs_dir), root)
        except SourceError as error:
            raise PluginError(str(error)) from None
        self.check_unresolved(self.citations, strict=bool(config.strict))
        if findings:
            note = "\n".join(findings) + "\n(item-writing rules: README.md, \"Writing a quiz\"; make quiz-report)"
            if config.strict:
                raise PluginError(note)
            log.warning(note)
        format_citations(self.citations, bib, root / self.config.cache_dir if self.config.cache_dir else None)
        config.watch.extend([str(sources), str(bib)])  # quizzes are under docs/, already watched
        known = {p.number for p in self.principles}
        for principle in self.principles:
            for message in principle.repairs:
                log.info(f"repaired {message}")
            if principle.number not in self.quizzes:
                log.info(f"{principle.path}: principle {principle.number} has no knowledge check yet, so its module "
                         f"is built without one (write docs/{self.config.quizzes_dir}/principle-{principle.number}.md "
                         "to add it)")
            for ref, missing in unresolved(principle.cross_references, known):
                numbers = ", ".join(str(n) for n in missing)
                log.info(
                    f'{principle.path}:{ref.line}: "{ref.text}": no module yet for principle '
                    f"{numbers}; kept as plain text"
                )
        config.nav = self.fill_nav(config.nav)
        self.fill_sessions_nav(config.nav)
        self.root = root
        self.manifest = read_manifest(root / MANIFEST)
        try:
            self.download = offline_download(self.config.offline_zip)
        except FileNotFoundError as error:
            raise PluginError(str(error)) from None
        config.mdx_configs.setdefault("practice_site.learning.session_extension", {})["catalogue"] = {
            m.id: {"title": f"Practice Principle {m.number}: {m.short_title}", "uri": m.uri, "minutes": m.minutes,
                   "sections": {s.anchor: {"title": s.title, "minutes": s.minutes} for s in m.sections}}
            for m in self.modules.values()
        }
        # For learning.js on every page: which navigation links are modules (addresses from the site root).
        config.extra["learning_modules"] = [
            {"id": m.id, "uri": m.uri.removesuffix(".md") + ".html"} for m in self.modules.values()]
        # For the 404 page's list of modules (written by its template, escaped there).
        config.extra["module_links"] = [
            {"uri": m.uri.removesuffix(".md") + ".html", "title": f"Practice Principle {m.number}: {m.short_title}"}
            for m in self.modules.values()]
        if self.config.offline:
            self.add_offline_shim(config, root)
        if self.config.lms:
            self.prepare_lms(config)
        return config

    @staticmethod
    def prepare_lms(config: MkDocsConfig) -> None:
        """Pages that stand alone in a package: no site search, and the SCORM script before learning.js."""
        config.extra["lms"] = True
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and "enabled" in search.config:
            search.config.enabled = False
        scripts = [str(script) for script in config.extra_javascript]
        at = scripts.index("javascripts/learning.js") if "javascripts/learning.js" in scripts else len(scripts)
        config.extra_javascript.insert(at, LMS_SCRIPT)

    def load_sessions(self, docs_dir: Path, root: Path) -> list[tuple[str, str]]:
        """Check every session plan in docs/sessions/; return (title, docs-relative uri) for each."""
        anchors = {
            m.id: {s.anchor for s in m.sections} | {"check-your-understanding", "reflect"}
            for m in self.modules.values()
        }
        found = []
        for path in sorted((docs_dir / self.config.sessions_dir).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            display = path.relative_to(root).as_posix()
            if markup := first_markup(text):
                raise SourceError(display, markup[0], f"a session plan is plain text, but this line has markup "
                                  f"({markup[1]}); remove it, or describe it in words")
            sessions = parse_sessions(text, display)
            check_targets(sessions, anchors, display)
            title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
            found.append((title, path.relative_to(docs_dir).as_posix()))
        return found

    def fill_sessions_nav(self, nav: list | None) -> None:
        """List the session plans in the nav section named ``sessions_nav_section``, wherever it is."""
        def visit(items: list) -> None:
            for item in items:
                if isinstance(item, dict):
                    for key, value in item.items():
                        if key == self.config.sessions_nav_section:
                            item[key] = [{html.escape(title): uri} for title, uri in self.sessions]
                        elif isinstance(value, list):
                            visit(value)

        visit(nav or [])

    def add_offline_shim(self, config: MkDocsConfig, root: Path) -> None:
        """List a local copy of the iframe-worker shim, so Material's offline plugin adds no CDN script.

        Runs before the offline plugin (list this plugin first in mkdocs.yml).
        """
        shim = root / self.config.offline_shim
        if not shim.is_file():
            raise PluginError(
                f"{self.config.offline_shim} is missing; run 'npm ci' (or 'make bundle') to install it"
            )
        config.extra.setdefault("polyfills", [])
        config.extra["polyfills"].insert(0, SHIM_URI)
        self.shim_source = shim

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.write_search_index(Path(config.site_dir))
        if not config.site_url:  # no address, so no sitemap: its entries would have none
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)
        links = collect_links(Path(config.site_dir))
        problems = check_manifest(self.manifest, links)
        recorded = self.manifest.get("pages", {})
        new = [page for page in links if page not in recorded] + [
            f"{page}#{a}" for page, anchors in links.items() if page in recorded for a in anchors
            if a not in recorded[page]]
        if new:
            log.info(f"{MANIFEST}: {len(new)} new addresses (such as {new[0]}) are not recorded yet; run make links "
                     "to record them, then commit it")
        if problems and config.strict:
            raise PluginError("\n".join(problems))
        for problem in problems:
            log.warning(problem)
        if self.config.lms:
            self.write_lms_catalogue(Path(config.site_dir), config)
        if self.config.offline:
            target = Path(config.site_dir) / SHIM_URI
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.shim_source, target)

    def write_lms_catalogue(self, site_dir: Path, config: MkDocsConfig) -> None:
        """What make lms needs to package each module: its page, titles and quiz file."""
        quiz_dir = Path(config.docs_dir) / self.config.quizzes_dir
        modules = [
            {"id": m.id, "number": m.number, "title": f"Practice Principle {m.number}: {m.short_title}",
             "page": m.uri.removesuffix(".md") + ".html", "language": config.theme.get("language", "en"),
             "quiz": str(quiz_dir / f"{m.id}.md") if m.number in self.quizzes else None}
            for m in self.modules.values()
        ]
        (site_dir / LMS_CATALOGUE).write_text(json.dumps(modules, ensure_ascii=False, indent=1), encoding="utf-8")

    def write_search_index(self, site_dir: Path) -> None:
        """Search's index, made for the site's own worker: plain text, references, page weights."""
        path = site_dir / "search" / "search_index.json"
        if not path.is_file():
            return
        bibliography = self.config.bibliography_page.removesuffix(".md") + ".html"
        modules = {m.uri.removesuffix(".md") + ".html" for m in self.modules.values()}
        index = json.loads(path.read_text(encoding="utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index.get("docs", [])}
        weights = {page: BIBLIOGRAPHY_WEIGHT if page == bibliography else PAGE_WEIGHT
                   for page in pages if page not in modules}
        index = site_index(index, self.references, weights, frozenset({bibliography}))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @staticmethod
    def check_unresolved(site: SiteCitations, strict: bool) -> None:
        """A citation with no work and no mapping line fails a strict build (a warning otherwise)."""
        problems = []
        for group, work in site.unresolved():
            near = "; ".join(w.citation for w in suggestions(work, site.works_in_library))
            problems.append(
                f'{group.path}:{group.line}: citation "{work.written}" matches no work in bib/'
                f"{' (' + work.reason + ')' if work.reason else ''}; add the work to the reference list and "
                "run make bib, or record it in bib/corrections.tsv"
                + (f" (nearest: {near})" if near else "")
            )
        if problems and strict:
            raise PluginError("\n".join(problems))
        for problem in problems:
            log.warning(problem)

    def module_uri(self, principle: Principle) -> str:
        return f"{self.config.modules_dir}/{module_filename(principle.number)}"

    def fill_nav(self, nav: list | None) -> list | None:
        """Put one entry per principle, "4. Short title", into the configured nav section."""
        if nav is None:
            return None
        entries = [{html.escape(f"{p.number}. {p.short_title}"): self.module_uri(p)} for p in self.principles]
        for item in nav:
            if isinstance(item, dict) and self.config.nav_section in item:
                item[self.config.nav_section] = entries
                return nav
        raise PluginError(
            f'mkdocs.yml: the nav has no "{self.config.nav_section}" section for the modules; '
            f'add "- {self.config.nav_section}: []" to nav'
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        known = {p.number for p in self.principles}
        site = self.citations
        assert site is not None
        to_bibliography = posixpath.relpath(self.config.bibliography_page, self.config.modules_dir)
        to_bibliography = to_bibliography.removesuffix(".md") + ".html"
        to_my_learning = None if self.config.lms else posixpath.relpath(self.config.my_learning_page,
                                                                         self.config.modules_dir)
        for principle in self.principles:
            quiz = self.quizzes.get(principle.number)
            module = self.modules[principle.module_id]
            learning = learning_markdown(quiz, principle.module_id, to_my_learning) if quiz else ""
            if not module.questions:
                learning = "\n\n".join(part for part in (learning, finish_markdown(module.id)) if part)
            content = render_principle(
                principle,
                known,
                cite=self.citer(principle, to_bibliography),
                references=reference_list(site.module_library(principle.number), site.module_keys[principle.number]),
                notes=correction_notes(site, principle.number),
                learning=learning,
                status=module_status_bar(module),
            )
            files.append(File.generated(config, self.module_uri(principle), content=content))
        files.append(File.generated(config, self.config.bibliography_page, content=self.bibliography()))
        if self.config.lms:
            files.append(File.generated(config, LMS_SCRIPT, abs_src_path=str(LMS_SOURCE)))
        if self.download is not None:
            files.append(File.generated(config, self.download.href, abs_src_path=self.config.offline_zip))
        my_learning = my_learning_markdown(list(self.modules.values()), self.quizzes, self.config.my_learning_page)
        files.append(File.generated(config, self.config.my_learning_page, content=my_learning))
        trainers = trainers_markdown(self.modules, self.sessions, config.site_url, self.download,
                                     self.config.offline)
        files.append(File.generated(config, self.config.trainers_page, content=trainers))
        for module in self.modules.values():
            title = f"Practice Principle {module.number}: {module.short_title}"
            target = module.uri.removesuffix(".md") + ".html"
            files.append(File.generated(config, f"p{module.number}.html", content=redirect_page(target, title)))
        for old, new in self.manifest.get("moved", {}).items():
            if "#" not in old:
                target = posixpath.relpath(new, posixpath.dirname(old) or ".")
                files.append(File.generated(config, old, content=redirect_page(target, "This page has moved")))
        return files

    @event_priority(-100)  # last, after any other plugin has changed the content
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's content through the sanitiser's allowlist (see sanitise.py).

        In a learning-system package the page stands alone: links to the site's other pages go to
        the published site (or become plain text without its address).
        """
        content = clean_content(html)
        if self.config.lms:
            content = package_links(content, page.url, config.site_url)
        return content

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """In a package, no "previous" and "next" pages: they are not in it."""
        if self.config.lms:
            page.previous_page = page.next_page = None
        return context

    def citer(self, principle: Principle, bibliography_href: str) -> ModuleCiter:
        """Links one module's citations: to its own reference list, or to the Bibliography page."""
        site = self.citations
        assert site is not None
        listed = set(site.module_keys[principle.number])

        def href(key: str) -> str:
            return f"#ref-{key}" if key in listed else f"{bibliography_href}#ref-{key}"

        return ModuleCiter(site.groups[principle.number], site.module_library(principle.number).labels, href,
                           site.short_names)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Add moved-anchor redirects and the page's Content Security Policy."""
        output = BARE_URL.sub(r'<a class="bare-url" href="\1">\1</a>', output)
        if page.file.src_uri in self.module_uris():
            self.references[page.url] = reference_entries(output)
        output = fix_theme_markup(point_to_worker(output))
        moved = moved_anchors(self.manifest, page.url)
        if moved:
            data = json.dumps(moved).replace("</", "<\\/")
            output = output.replace(
                "</head>", f'<script type="application/json" id="moved-anchors">{data}</script>\n</head>', 1)
        return self.with_policy(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) carry the policy too."""
        if "<head" not in output_content:
            return output_content
        return self.with_policy(fix_theme_markup(point_to_worker(output_content)))

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

    def module_uris(self) -> set[str]:
        return {m.uri for m in self.modules.values()}

    def with_policy(self, page: str) -> str:
        """The page with its Content Security Policy (in the offline bundle, allowing the search shim's frame)."""
        extra = []
        if self.config.offline and (url := worker_url(page)):
            extra.append(frame_script(self.shim_source.read_text(encoding="utf-8"), url))
        return add_policy(page, extra)

    def bibliography(self) -> str:
        """The combined bibliography page: every work once, with the modules that cite or list it.

        Entries are kept out of the search index (which every page loads): the sections that cite a
        work are found by its authors' names, and the index stays small.
        """
        site = self.citations
        assert site is not None
        all_keys = [k for p in self.principles for k in site.module_keys[p.number]]
        out = [
            "# Bibliography",
            "Every work in the modules' reference lists, once, in APA 7th edition style. Under each "
            "work are the modules that cite it.",
        ]
        for key, text in reference_list(site.library, all_keys):
            out.append(reference_paragraph(key, text, " data-search-exclude"))
            places = []
            for p in self.principles:
                verb = "Cited in" if key in site.cited_keys(p.number) else "Listed in"
                if key in site.module_keys[p.number]:
                    places.append(f"{verb} [Practice Principle {p.number}]({self.module_uri(p)}#ref-{key})")
            out.append("; ".join(places) + "\n{: .cited-in data-search-exclude }")
        out.append("## Corrections {#corrections}")
        out.append(
            "Where a principle's citation or reference list differs from what this site shows, the site "
            "follows this reviewed list:"
        )
        out.append("\n".join(f"- {markdown_text(ledger_line(site, fix))}" for fix in site.corrections.items))
        return "\n\n".join(out) + "\n"

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if "description" in page.meta:  # the theme writes it into an attribute as it is
            page.meta["description"] = html.escape(str(page.meta["description"]))
        module = next((m for m in self.modules.values() if m.uri == uri), None)
        if module is not None:
            page.meta["description"] = html.escape(f"Practice Principle {module.number}: {module.title}")
        if uri == self.config.home_page:
            modules = list(self.modules.values())
            start = start_action(modules, uri, self.config.my_learning_page)
            markdown = self.replace_marker(markdown, uri, START_MARKER, start)
            markdown = self.replace_marker(markdown, uri, DOWNLOAD_MARKER, home_offer(self.download))
            return self.replace_marker(markdown, uri, PRINCIPLE_LIST_MARKER, module_cards(modules, uri))
        if uri == self.config.credits_page:
            footers = "\n\n---\n\n".join(publisher_footers(self.principles))
            return self.replace_marker(markdown, uri, FOOTER_MARKER, footers)
        return markdown

    @staticmethod
    def replace_marker(markdown: str, uri: str, marker: str, content: str) -> str:
        if marker not in markdown:
            raise PluginError(
                f"docs/{uri}: the line {marker} is missing; put it where the generated text goes"
            )
        return markdown.replace(marker, content)
