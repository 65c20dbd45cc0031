"""The offline copy the site offers for download (``make site`` names it): checked, with its name and size."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

FOLDER = "downloads"
ZIP_NAME = re.compile(r"practice-principles-offline-[\w.+-]+\.zip")  # what make bundle names the offline copy


@dataclass(frozen=True)
class OfflineDownload:
    """The zip of the offline copy, as the site offers it."""

    name: str
    size: int  # bytes

    @property
    def href(self) -> str:
        """Its address from the site's root."""
        return f"{FOLDER}/{self.name}"

    @property
    def label(self) -> str:
        """The link's words, for example "Download for offline use (ZIP, 173 KB)"."""
        return f"Download for offline use (ZIP, {size_label(self.size)})"


def size_label(size: int) -> str:
    """A file size as people read it: "173 KB", "1.4 MB"."""
    if size < 1000 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def offline_download(zip_path: str, root: Path) -> OfflineDownload | None:
    """The download for the zip at ``zip_path``, inside the project at ``root``; None when no zip is given
    (a preview build)."""
    if not zip_path:
        return None
    path = Path(zip_path)
    if not path.resolve().is_relative_to(root.resolve()):
        raise FileNotFoundError(f"{zip_path} is outside the project, so the site will not publish it; build the "
                                "site with make site")
    if not path.is_file():
        raise FileNotFoundError(f"the offline copy {zip_path} does not exist; build the site with make site")
    if not (ZIP_NAME.fullmatch(path.name) and zipfile.is_zipfile(path) and is_offline_copy(path)):
        raise FileNotFoundError(f"{zip_path} is not the project's offline copy (a {ZIP_NAME.pattern} holding "
                                "the site's index.html), so the site will not publish it; build it with make site")
    return OfflineDownload(path.name, path.stat().st_size)


def is_offline_copy(path: Path) -> bool:
    """Whether the zip at ``path`` holds a site, as make bundle writes it: a folder named as the zip, with its
    index.html."""
    try:
        with zipfile.ZipFile(path) as opened:
            return f"{path.stem}/index.html" in opened.namelist()
    except (zipfile.BadZipFile, OSError):  # a damaged zip
        return False
