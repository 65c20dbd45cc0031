"""What trainers need: reading times, the module catalogue and the "For trainers" page."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from practice_site.bundle.download import OfflineDownload
from practice_site.learning.quiz_format import QuizFile
from practice_site.pages.site_address import short_link
from practice_site.safe_text import markdown_text
from practice_site.sources.model import Principle, Section, block_paragraphs

WORDS_PER_MINUTE = 200
SECONDS_TO_DECIDE = 30  # per question, on top of reading it and its options
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def count_words(markdown: str) -> int:
    """Words a reader reads: link targets, tags and markup left out."""
    text = re.sub(r"\]\([^)]*\)|<[^>]+>|\[\^\w+\]", " ", markdown)
    return len(WORD.findall(text))


def minutes(words: int) -> int:
    """Reading time at 200 words a minute, rounded up, at least one minute."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def answer_minutes(quiz: QuizFile | None) -> int:
    """Minutes to answer a knowledge check: reading its questions and options, and 30 seconds each to decide."""
    if quiz is None or not quiz.questions:
        return 0
    words = sum(count_words(q.text) + sum(count_words(c.text) for c in q.choices) for q in quiz.questions)
    return max(1, math.ceil(words / WORDS_PER_MINUTE + len(quiz.questions) * SECONDS_TO_DECIDE / 60))


def section_words(section: Section) -> int:
    texts = [section.heading]
    for block in section.blocks:
        texts.extend(p.text for p in block_paragraphs(block))
    return sum(count_words(t) for t in texts)


@dataclass
class SectionEntry:
    anchor: str
    title: str
    words: int

    @property
    def minutes(self) -> int:
        return minutes(self.words)


@dataclass
class ModuleEntry:
    """One module as trainers see it."""

    id: str
    number: int
    title: str
    short_title: str
    uri: str
    sections: list[SectionEntry] = field(default_factory=list)
    questions: int = 0
    reflections: int = 0
    answer_minutes: int = 0

    @property
    def label(self) -> str:
        """The module's name wherever a page lists it: "Practice Principle 4: Short title"."""
        return f"Practice Principle {self.number}: {self.short_title}"

    @property
    def page(self) -> str:
        """The module page's address from the site's root ("principles/principle-4.html")."""
        return self.uri.removesuffix(".md") + ".html"

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sections)

    @property
    def minutes(self) -> int:
        return minutes(self.words)


def catalogue(principles: list[Principle], quizzes: dict[int, QuizFile], module_uri) -> dict[str, ModuleEntry]:
    """module id -> entry, for the trainers page and session plans."""
    entries = {}
    for p in principles:
        quiz = quizzes.get(p.number)
        entries[p.module_id] = ModuleEntry(
            p.module_id, p.number, p.title, p.short_title, module_uri(p),
            [SectionEntry(s.anchor, s.heading, section_words(s)) for s in p.sections],
            len(quiz.questions) if quiz else 0,
            len(quiz.reflections) if quiz else 0,
            answer_minutes(quiz),
        )
    return entries


def short_links_markdown(modules: dict[str, ModuleEntry], site_url: str | None) -> list[str]:
    """The short links: with the site's real address when it is known, else relative with a hint."""
    links = ", ".join(
        f"[{markdown_text(short_link(site_url, m.number))}](p{m.number}.html) for Practice Principle {m.number}"
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
        "computers, ask learners to download their CPD record and then use **Clear my data** on the "
        "My learning page before they leave."
    )


def trainers_markdown(modules: dict[str, ModuleEntry], sessions: list[tuple[str, str]],
                      site_url: str | None = None, download: OfflineDownload | None = None,
                      offline: bool = False) -> str:
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
        out.append(f"[{markdown_text(m.title)}]({m.uri}) – about {m.minutes} minutes to read ({m.words} words).")
        rows = ["| Section | Reading time |", "| --- | --- |"]
        rows += [f"| [{markdown_text(s.title)}]({m.uri}#{s.anchor}) | {s.minutes} min |" for s in m.sections]
        out.append("\n".join(rows))
        extras = []
        if m.questions:
            extras.append(f"[Check your understanding]({m.uri}#check-your-understanding): {m.questions} questions")
        if m.reflections:
            extras.append(f"[Reflect]({m.uri}#reflect): {m.reflections} reflective questions with private notes")
        out.append("\n".join(f"- {e}" for e in extras) or "No knowledge check yet.")
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
