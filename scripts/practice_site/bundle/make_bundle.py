"""Make the offline workshop bundle: the site built for file://, pruned, in a reproducible zip.

Run ``python -m practice_site.bundle.make_bundle`` (``make bundle``) from the project folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from practice_site.bundle.config_file import config_problem

NAME = "practice-principles"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")
UNUSED = (
    "sitemap.xml",
    "sitemap.xml.gz",
    "search/search_index.json",  # the offline build reads search/search_index.js instead
    "assets/javascripts/lunr",  # language support for search; the site searches in English only
    "assets/javascripts/workers",  # the theme's search worker: the site's own (javascripts/) replaces it
)

README = """\
Practice Principles training - offline copy
==========================================

How to open it
--------------
1. Unzip this file. Keep the folder together: copy the whole folder if you move it, for
   example to a laptop or a shared drive.
2. Open the folder and double-click index.html. It opens in your web browser.

It needs no internet connection and no installation. Navigation, search and the links
between pages all work from the folder.

Your progress
-------------
Anything the site saves for you, such as answers and notes, stays in this browser on this
computer. Nothing is sent anywhere. Someone else using the same computer and browser could
see it, so use the site's "clear my data" control when you have finished on a shared computer.
"""


def project_version(root: Path) -> str:
    """The version in pyproject.toml, used in the bundle's name."""
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def build_offline_site(root: Path, site_dir: Path) -> None:
    """Build the site for file:// (``OFFLINE=true``) into ``site_dir``; raise on failure."""
    build_site(root, site_dir, {"OFFLINE": "true"})


def build_site(root: Path, site_dir: Path, settings: dict[str, str]) -> None:
    """A strict build into ``site_dir`` with these environment settings; raise on failure.

    mkdocs.yml and the site's address from the environment are checked first: MkDocs reads both before
    any plugin runs (running code a YAML tag names, or ending in a traceback on an address it cannot parse).
    """
    env = {**os.environ, **settings, "NO_MKDOCS_2_WARNING": "1"}
    if "OFFLINE_ZIP" not in settings:  # only make site names the copy the site offers
        env.pop("OFFLINE_ZIP", None)
    if problem := config_problem(root, env):
        raise RuntimeError(problem)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root, env=env, text=True, capture_output=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the site did not build:\n{result.stderr}")


def prune(site_dir: Path) -> list[str]:
    """Remove what the offline site never loads; strip source-map comments. Return what went."""
    removed = []
    for name in UNUSED:
        path = site_dir / name
        if path.is_dir():
            shutil.rmtree(path)
            removed.append(name + "/")
        elif path.exists():
            path.unlink()
            removed.append(name)
    pages = "".join(p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html"))
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.suffix == ".map" or (relative.startswith("assets/stylesheets/palette.")
                                     and path.name not in pages):
            path.unlink()
            removed.append(relative)
        elif path.suffix in {".js", ".css"}:
            data = path.read_bytes()
            stripped = SOURCE_MAP_COMMENT.sub(b"", data)
            if stripped != data:
                path.write_bytes(stripped)
    return removed


def write_zip(site_dir: Path, zip_path: Path, folder: str = "") -> None:
    """Zip ``site_dir`` (under ``folder/``, if given) with sorted names and fixed times: same input,
    same bytes.

    The zip is written beside ``zip_path`` and renamed into place, so a failure leaves none.
    """
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    partial = zip_path.with_suffix(".zip.partial")
    prefix = f"{folder}/" if folder else ""
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for path in files:
                info = zipfile.ZipInfo(prefix + path.relative_to(site_dir).as_posix(), FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
        partial.replace(zip_path)
    finally:
        partial.unlink(missing_ok=True)


def make_bundle(root: Path, dist: Path) -> Path:
    """Build, prune and zip the offline site; return the zip's path. Leaves no zip on failure."""
    folder = f"{NAME}-offline-{project_version(root)}"
    zip_path = dist / f"{folder}.zip"
    zip_path.unlink(missing_ok=True)
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bundle-") as work:
        site_dir = Path(work) / "site"
        build_offline_site(root, site_dir)
        prune(site_dir)
        (site_dir / "README.txt").write_text(README, encoding="utf-8")
        write_zip(site_dir, zip_path, folder)
    return zip_path


def main() -> int:
    root = Path.cwd()
    try:
        zip_path = make_bundle(root, root / "dist")
    except RuntimeError as error:
        print(f"make bundle: {error}", file=sys.stderr)
        return 1
    size = zip_path.stat().st_size
    print(f"Offline bundle: {zip_path} ({size / 1024:.0f} KB). Unzip it and open index.html.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
