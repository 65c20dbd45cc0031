"""The home page's offer of the offline copy, in words a workshop organiser reads."""

from __future__ import annotations

from practice_site.model.offline_copy import OfflineDownload


def home_offer(download: OfflineDownload | None, prefix: str = "") -> str:
    """The home page's offer of the offline copy (Markdown), or nothing when there is none."""
    if download is None:
        return ""
    return (f"**For workshops without internet:** [{download.label}]({prefix}{download.href}){{: .offline-download }}. "
            "Unzip it and open the file called index.html in its folder: everything works without a connection.")
