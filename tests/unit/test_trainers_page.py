"""practice_site.pages.trainers_page: the For trainers page (short links, modules with reading times, session
plans and the offline copy), as Markdown with every author string kept as text."""

from __future__ import annotations

import pytest

from practice_site.learning.module_catalogue import ModuleEntry, SectionEntry
from practice_site.model.offline_copy import OfflineDownload
from practice_site.pages.trainers_page import offline_markdown, short_links_markdown, trainers_markdown

P4 = ModuleEntry("principle-4", 4, "Relationships *matter*", "Relationships", "principles/principle-4.md",
                 (SectionEntry("summary", "Summary", 150), SectionEntry("why", "Why [it] matters", 450)),
                 questions=2, reflections=3, answer_minutes=3)
P7 = ModuleEntry("principle-7", 7, "Parents and carers", "Parents_and carers", "principles/principle-7.md",
                 (SectionEntry("summary", "Summary", 300),))
MODULES = {"principle-4": P4, "principle-7": P7}
DOWNLOAD = OfflineDownload("practice-principles-offline-1.2.zip", 2_000_000)
HOW = ("2. Open the folder and double-click `index.html`. Everything works without an internet connection: the "
       "modules, search, citations, knowledge checks and My learning.\n"
       "3. Short links and section links work inside the folder too, for example `p4.html`.\n\n"
       "Each learner's answers and notes stay in the browser on the computer they use. On shared computers, ask "
       "learners to use **Save my progress to a file** on the My learning page (they can load it on another "
       "computer to carry on), download their CPD record, and then use **Clear my data** before they leave.")


def test_without_the_sites_address_short_links_are_relative_with_a_hint() -> None:
    assert short_links_markdown(MODULES, None) == [
        "Each module has a short address: [p4\\.html](p4.html) for Practice Principle 4, [p7\\.html](p7.html) for "
        "Practice Principle 7.",
        "These are written relative to this site: to send one, open it and copy the address from your browser's "
        "address bar."]


def test_with_the_sites_address_short_links_show_it_but_link_relatively() -> None:
    """The words are what a trainer copies; the link stays relative so that it works in the offline copy."""
    assert short_links_markdown(MODULES, "https://example.org/training") == [
        "Each module has a short address: [https://example\\.org/training/p4\\.html](p4.html) for Practice "
        "Principle 4, [https://example\\.org/training/p7\\.html](p7.html) for Practice Principle 7. They work "
        "online and, inside its folder, in the offline copy."]


@pytest.mark.parametrize("download, offline, get", [
    (DOWNLOAD, False, "[Download for offline use (ZIP, 1.9 MB)](downloads/practice-principles-offline-1.2.zip)"
                      "{: .offline-download }\n\n"
                      "1. Copy the zip to each laptop, a USB stick or a shared drive, and unzip it.\n"),
    (None, True, "This is the offline copy. To pass it on, copy the whole folder, or the zip it came in.\n\n"
                 "1. Copy the folder (or the zip, then unzip it) to each laptop, a USB stick or a shared drive.\n"),
    (None, False, "The offline copy is a zip of the whole site. It is offered here, with its size, on the published "
                  "site.\n\n1. Copy the zip to each laptop, a USB stick or a shared drive, and unzip it.\n"),
])
def test_the_offline_copy_is_offered_explained_or_promised(download: OfflineDownload | None, offline: bool,
                                                           get: str) -> None:
    assert offline_markdown(download, offline) == (
        "Where the internet is unreliable, use the offline copy of this site.\n\n" + get + HOW)


def test_a_download_is_offered_even_in_the_offline_copy() -> None:
    assert offline_markdown(DOWNLOAD, True) == offline_markdown(DOWNLOAD, False)


def test_each_module_lists_its_sections_reading_times_and_learning() -> None:
    page = trainers_markdown(MODULES, [])
    assert (
        "### Practice Principle 4: Relationships {#principle-4}\n\n"
        "[Relationships \\*matter\\*](principles/principle-4.md) – about 3 minutes to read (600 words).\n\n"
        "Last change: none recorded yet.\n\n"
        "| Section | Reading time |\n| --- | --- |\n"
        "| [Summary](principles/principle-4.md#summary) | 1 min |\n"
        "| [Why \\[it\\] matters](principles/principle-4.md#why) | 3 min |\n\n"
        "- [Check your understanding](principles/principle-4.md#check-your-understanding): 2 questions\n"
        "- [Reflect](principles/principle-4.md#reflect): 3 reflective questions with private notes\n\n"
        "For the room: [answer key](room-kit/principle-4-answer-key.html) (to print), [the questions on a projector]"
        "(room-kit/principle-4-presenter.html) and [one-page handout](room-kit/principle-4-handout.html) (to "
        "print).\n\n"
        "### Practice Principle 7: Parents\\_and carers {#principle-7}\n\n"
        "[Parents and carers](principles/principle-7.md) – about 2 minutes to read (300 words).\n\n"
        "Last change: none recorded yet.\n\n"
        "| Section | Reading time |\n| --- | --- |\n"
        "| [Summary](principles/principle-7.md#summary) | 2 min |\n\n"
        "No knowledge check yet.\n\nFor the room: [one-page handout](room-kit/principle-7-handout.html) (to "
        "print).\n\n## Session plans {#session-plans}"
    ) in page


def test_the_page_has_its_sections_in_order_and_ends_with_a_new_line() -> None:
    page = trainers_markdown(MODULES, [], "https://example.org/", DOWNLOAD)
    headings = [line for line in page.split("\n") if line.startswith("#")]
    assert headings[:3] == ["# For trainers", "## Short links {#short-links}", "## Modules {#modules}"]
    assert headings[-2:] == ["## Session plans {#session-plans}", "## Using the offline copy in a workshop {#offline}"]
    assert "Reading times assume 200 words a minute." in page
    assert page.endswith("before they leave.\n") and not page.endswith("\n\n")


def test_session_plans_are_listed_with_their_titles_as_text() -> None:
    page = trainers_markdown(MODULES, [("A 90-minute workshop", "sessions/workshop.md"),
                                       ("Team <b>meeting</b>", "sessions/team.md")])
    assert ("- [A 90\\-minute workshop](sessions/workshop.md)\n"
            "- [Team &lt;b&gt;meeting&lt;/b&gt;](sessions/team.md)\n\n## Using the offline copy") in page


def test_with_no_session_plans_the_page_says_so() -> None:
    assert "\n\nNo session plans yet.\n\n## Using the offline copy" in trainers_markdown(MODULES, [])


def test_a_module_with_reflections_only_lists_them_alone() -> None:
    only = ModuleEntry("principle-2", 2, "T", "S", "principles/principle-2.md", (SectionEntry("summary", "S", 9),),
                       reflections=2)
    assert ("\n\n- [Reflect](principles/principle-2.md#reflect): 2 reflective questions with private notes\n\n"
            in trainers_markdown({"principle-2": only}, []))


def test_a_count_of_one_is_written_in_the_singular() -> None:
    one = ModuleEntry("principle-2", 2, "T", "S", "principles/principle-2.md", (SectionEntry("summary", "S", 9),),
                      questions=1, reflections=1)
    page = trainers_markdown({"principle-2": one}, [])
    assert "about 1 minute to read (9 words)" in page
    assert "[Check your understanding](principles/principle-2.md#check-your-understanding): 1 question\n" in page
    assert "[Reflect](principles/principle-2.md#reflect): 1 reflective question with private notes" in page
