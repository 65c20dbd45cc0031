"""Build the site and, with it, the offline copy it offers for download.

Run ``python -m practice_site.bundle.site_build SITE_DIR`` (``make site``) from the project folder. The
offline copy is built first (its size is shown on the site), then the site, into a folder beside
``SITE_DIR`` that replaces it only when everything has worked: a failure leaves no half-built site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from practice_site.bundle.make_bundle import make_bundle
from practice_site.model.offline_copy import FOLDER

WORK_DIR = ".cache/practice-site"  # inside the project: the site offers only a copy made there

def build_site(root: Path, site_dir: Path) -> Path:
    """Build the offline zip, then the site offering it, into ``site_dir``; return the zip in the site."""
    partial = site_dir.with_name(site_dir.name + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    (root / WORK_DIR).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="site-build-", dir=root / WORK_DIR) as work:
        zip_path = make_bundle(root, Path(work))
        env = {**os.environ, "OFFLINE_ZIP": str(zip_path), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("OFFLINE", None)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(partial)],
            cwd=root, env=env, text=True, capture_output=True,
        )
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            raise RuntimeError(f"the site did not build:\n{result.stderr}")
        sys.stderr.write(result.stderr)
    shutil.rmtree(site_dir, ignore_errors=True)
    partial.replace(site_dir)
    return site_dir / FOLDER / zip_path.name


def main() -> int:
    root = Path.cwd()
    site_dir = root / (sys.argv[1] if len(sys.argv) > 1 else "site")
    try:
        zip_path = build_site(root, site_dir)
    except RuntimeError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    size = zip_path.stat().st_size
    print(f"Site built in {site_dir}. Publish that folder on a web server (make serve previews it).\n"
          "Opened straight from disk, its search does not work. For use without a server, the offline copy "
          f"is {zip_path.relative_to(root) if zip_path.is_relative_to(root) else zip_path} "
          f"({size / 1024:.0f} KB; also offered on the site's home page): unzip it and open index.html.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
