"""The For trainers page: every module and section with reading times, short links, session plans
and the offline copy."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from practice_site.learning.module_catalogue import WORDS_PER_MINUTE, ModuleEntry, counted
from practice_site.model.offline_copy import OfflineDownload
from practice_site.model.section_history import ModuleHistory
from practice_site.names import kit_page, short_link_page
from practice_site.pages.site_address import short_link
from practice_site.safe_text import markdown_text


def short_links_markdown(modules: Mapping[str, ModuleEntry], site_url: str | None) -> list[str]:
    """The short links: with the site's real address when it is known, else relative with a hint."""
    links = ", ".join(
        f"[{markdown_text(short_link(site_url, m.number))}]({short_link_page(m.number)}) for Practice Principle "
        f"{m.number}"
        for m in modules.values())
    if site_url:
        return [f"Each module has a short address: {links}. They work online and, inside its folder, in the "
                "offline copy."]
    return [f"Each module has a short address: {links}.",
            "These are written relative to this site: to send one, open it and copy the address from your "
            "browser's address bar."]


def offline_markdown(download: OfflineDownload | None, offline: bool) -> str:
    """How to get and use the offline copy, in a trainer's words."""
    if download is not None:
        get = (f"[{download.label}]({download.href}){{: .offline-download }}\n\n"
               "1. Copy the zip to each laptop, a USB stick or a shared drive, and unzip it.\n")
    elif offline:
        get = ("This is the offline copy. To pass it on, copy the whole folder, or the zip it came in.\n\n"
               "1. Copy the folder (or the zip, then unzip it) to each laptop, a USB stick or a shared drive.\n")
    else:
        get = ("The offline copy is a zip of the whole site. It is offered here, with its size, on the "
               "published site.\n\n"
               "1. Copy the zip to each laptop, a USB stick or a shared drive, and unzip it.\n")
    return (
        "Where the internet is unreliable, use the offline copy of this site.\n\n" + get +
        "2. Open the folder and double-click `index.html`. Everything works without an internet "
        "connection: the modules, search, citations, knowledge checks and My learning.\n"
        "3. Short links and section links work inside the folder too, for example `p4.html`.\n\n"
        "Each learner's answers and notes stay in the browser on the computer they use. On shared "
        "computers, ask learners to use **Save my progress to a file** on the My learning page (they can "
        "load it on another computer to carry on), download their CPD record, and then use **Clear my "
        "data** before they leave."
    )


def long_date(iso: str) -> str:
    """An ISO time as a reader writes the day: "6 December 2026"."""
    moment = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    return f"{moment.day} {moment:%B %Y}"


def last_change_line(history: ModuleHistory | None) -> str:
    """When the module's text last changed, and which sections changed then (Markdown, titles escaped)."""
    if history is None or history.first_recorded is None:
        return "Last change: none recorded yet."
    if (last := history.last_changed) is None:
        return f"Last change: none since {long_date(history.first_recorded)}, when changes began to be recorded."
    changed = [s for s in history.sections if s.changed and long_date(s.changed) == long_date(last)]
    titles = "; ".join(markdown_text(s.title) for s in changed)
    return (f"Last change: {long_date(last)}, to {titles}. Learners who completed the module before then are told "
            "which sections changed.")


def room_kit_line(module: ModuleEntry) -> str:
    """Links to the module's room kit: its answer key and presenter view (with a knowledge check) and handout."""
    parts = []
    if module.questions:
        parts.append(f"[answer key]({kit_page(module.number, 'answer_key')}) (to print)")
        parts.append(f"[the questions on a projector]({kit_page(module.number, 'presenter')})")
    parts.append(f"[one-page handout]({kit_page(module.number, 'handout')}) (to print)")
    return "For the room: " + ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] + "."


def trainers_markdown(modules: Mapping[str, ModuleEntry], sessions: list[tuple[str, str]],
                      site_url: str | None = None, download: OfflineDownload | None = None,
                      offline: bool = False, history: Mapping[str, ModuleHistory] | None = None) -> str:
    """The "For trainers" page (links are relative to the site root, where the page lives)."""
    out = [
        "# For trainers",
        "Everything on this page can be linked to from emails, slides and learning systems. Links keep "
        "working after updates: every published address is recorded, and any that moves is redirected.",
        "## Short links {#short-links}",
        *short_links_markdown(modules, site_url),
        "To link to one section, open the module and select the small ¶ link beside the section's "
        "heading (it appears when you point at or tab to the heading): it copies the section's "
        "address. The link works online and in the offline copy.",
        "## Modules {#modules}",
        f"Reading times assume {WORDS_PER_MINUTE} words a minute.",
    ]
    for m in modules.values():
        out.append(f"### Practice Principle {m.number}: {markdown_text(m.short_title)} {{#{m.id}}}")
        reading = counted(m.minutes, "minute")
        out.append(f"[{markdown_text(m.title)}]({m.uri}) – about {reading} to read ({m.words} words).")
        out.append(last_change_line((history or {}).get(m.id)))
        rows = ["| Section | Reading time |", "| --- | --- |"]
        rows += [f"| [{markdown_text(s.title)}]({m.uri}#{s.anchor}) | {s.minutes} min |" for s in m.sections]
        out.append("\n".join(rows))
        extras = []
        if m.questions:
            questions = counted(m.questions, "question")
            extras.append(f"[Check your understanding]({m.uri}#check-your-understanding): {questions}")
        if m.reflections:
            reflections = counted(m.reflections, "reflective question")
            extras.append(f"[Reflect]({m.uri}#reflect): {reflections} with private notes")
        out.append("\n".join(f"- {e}" for e in extras) or "No knowledge check yet.")
        out.append(room_kit_line(m))
    out.append("## Session plans {#session-plans}")
    out.append(
        "A session plan lists modules or sections, discussion prompts and minutes, and shows an agenda with "
        "links, reading times and a total. To add one for your own sessions, send the modules or sections, "
        "prompts and minutes to whoever looks after this site."
    )
    out.append("\n".join(f"- [{markdown_text(title)}]({uri})" for title, uri in sessions) or "No session plans yet.")
    out.append("## Using the offline copy in a workshop {#offline}")
    out.append(offline_markdown(download, offline))
    return "\n\n".join(out) + "\n"
