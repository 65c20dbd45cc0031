"""``make lms``: for each module, SCORM 1.2 and 2004 packages and its question banks, in ``dist/lms/``.

Run ``python -m practice_site.lms.build`` from the project folder. The site is built once in LMS
mode (``LMS=true``), and that build packages every module from its model (``packages``). Everything
is written aside and moved into place only when every module has been packaged, so a failure
leaves the previous ``dist/lms/`` as it was.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from practice_site.bundle.make_bundle import build_site
from practice_site.lms.packages import PACKAGES, STANDARDS, schema_files


def make_lms(root: Path, dist: Path) -> list[Path]:
    """Build in LMS mode, which packages every module, and move the packages into ``dist/lms``; return them."""
    for kind in STANDARDS:  # before the build: say at once what is missing
        schema_files(root, kind)
    final = dist / "lms"
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lms-", dir=dist) as work:
        site_dir = Path(work) / "site"
        build_site(root, site_dir, {"LMS": "true"})
        if not (site_dir / PACKAGES).is_dir():
            raise RuntimeError("the site was built but no module was packaged; check that mkdocs.yml keeps "
                               "lms: !ENV [LMS, false] in the practice-principles plugin's settings")
        if final.exists():  # the old packages go only once the new ones are in place
            final.rename(Path(work) / "previous")
        (site_dir / PACKAGES).rename(final)
    return sorted(final.iterdir())


def main() -> int:
    root = Path.cwd()
    try:
        written = make_lms(root, root / "dist")
    except RuntimeError as error:
        print(f"make lms: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{path.relative_to(root)} ({path.stat().st_size / 1024:.0f} KB)")
    print("Upload one SCORM package per module to your learning system (guides/lms-administrators.md, "
          "\"Uploading\").")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
