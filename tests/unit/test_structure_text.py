"""Every character as written: code and web addresses untouched by repairs, line endings, control
characters, anchors that never clash with the site's own ids, and what sources/ may hold."""

from __future__ import annotations

import json
import random
import re

import markdown
import pytest
from helpers import ROOT, SOURCES
from support.structure import HEAD, html, page, parse

from practice_site.errors import SourceError
from practice_site.input_files import decode_source, read_source
from practice_site.pages.module_page import render_principle
from practice_site.references.find_citations import principle_citations
from practice_site.sources import repair
from practice_site.sources.anchors import RESERVED_ANCHORS, Anchors, unique
from practice_site.sources.load_principles import load_principles, other_files
from practice_site.sources.parse_principle import body_paragraphs, parse_principle

# Code, autolinks and link targets


CODE = "`a\\\\_b <b>{x}</b> <sup>1</sup> [w](#) must... be`"
LINK = "[the guidance](https://example.org/a\\\\_b_(c)...{d})"
AUTOLINK = "<https://example.org/x\\\\_y...z>"


def test_code_and_web_addresses_are_kept_byte_for_byte():
    principle = parse(f"See {CODE}, {LINK} and {AUTOLINK}; outside them uob\\\\_syrc and <b> are repaired.\n")
    text = principle.summary.blocks[1].text
    for kept in (CODE, AUTOLINK):
        assert kept in text
        assert kept in page(principle)
    # A "{" in an address is escaped (it could otherwise start an attribute list): same address.
    assert "](https://example.org/a\\\\_b_(c)...\\{d})" in text
    href = re.compile(r'href="([^"]*)"')
    assert href.findall(html(principle)) == href.findall(markdown.markdown(f"{LINK} {AUTOLINK}"))
    assert "<code>a\\\\_b &lt;b&gt;{x}&lt;/b&gt; &lt;sup&gt;1&lt;/sup&gt; [w](#) must... be</code>" in html(principle)
    assert "uob\\_syrc" in text and "&lt;b>" in text
    assert not principle.footnotes, "a note marker inside code is not a note"


def test_the_note_marker_and_dead_link_repairs_skip_code():
    assert repair.footnote_markers("x<sup>1</sup> `y<sup>2</sup>`") == "x[^1] `y<sup>2</sup>`"
    text, dropped = repair.drop_dead_links("[a](#) ``[b](#)``")
    assert (text, dropped) == ("a ``[b](#)``", ["a"])
    assert repair.unescape("a\\\\_b [c\\\\_d](https://e.org/f\\\\_g)") == "a\\_b [c\\_d](https://e.org/f\\\\_g)"


def test_code_spans_pair_backtick_runs_as_markdown_does():
    assert repair.code_spans("a `b` c ``d`e`` f") == [(2, 5), (8, 15)]
    assert repair.code_spans("an ` unclosed and `closed`") == [(3, 19)]
    assert repair.code_spans("`" * 5) == []
    assert repair.code_spans("\\`not code\\` but \\\\`code`") == [(19, 25)]
    assert repair.code_spans("no backtick, but \\\\ escapes \\\\\\\\ and (Ruch, 2020)") == []


def code_texts(markdown_html: str) -> list[str]:
    return [html_unescape(t) for t in re.findall(r"<code>(.*?)</code>", markdown_html)]


def html_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_code_spans_are_exactly_where_python_markdown_finds_them():
    """What is protected as code must be code on the page: text Markdown reads as text is repaired."""
    from markdown.inlinepatterns import BACKTICK_RE

    assert repair.CODE_OPEN.pattern == BACKTICK_RE, "Python-Markdown changed how it finds code; check code_spans"
    rng = random.Random(7)
    for _ in range(3000):
        text = "x " + "".join(rng.choice("```  \\\\ab") for _ in range(rng.randint(1, 18))) + " y"
        ours = []
        for start, end in repair.code_spans(text):
            span = text[start:end]
            ticks = len(span) - len(span.rstrip("`"))
            ours.append(span[ticks:-ticks].strip())
        assert ours == code_texts(markdown.markdown(text)), text


def test_table_cells_split_where_python_markdown_splits_them():
    from markdown.extensions.tables import TableProcessor

    from practice_site.sources.split_blocks import CODE_PIPES, END_BORDER, split_cells

    assert (CODE_PIPES.pattern, END_BORDER.pattern) == (TableProcessor.RE_CODE_PIPES.pattern,
                                                        TableProcessor.RE_END_BORDER.pattern)
    tables = markdown.Markdown(extensions=["tables"]).parser.blockprocessors["table"]
    tables.border = 3
    rng = random.Random(8)
    for _ in range(3000):
        row = "| " + "".join(rng.choice("``||\\\\ ab") for _ in range(rng.randint(0, 16))) + "a |"
        assert split_cells(row) == [c.strip() for c in tables._split_row(row)], row


def test_links_to_places_that_are_not_web_addresses_keep_only_their_words():
    text, dropped = repair.drop_unsafe_links('[a](javascript:alert(1)) [b](https://e.org "Title") [c](x y)')
    assert text == 'a [b](https://e.org "Title") c'
    assert dropped == [("a", "javascript:alert(1)"), ("c", "x y")]


def test_only_the_titles_must_ellipsis_is_closed_up():
    assert repair.join_ellipsis("harm must... be strengths-based") == "harm must be strengths-based"
    assert repair.join_ellipsis("Children... and their families must\u2026 be heard") == (
        "Children... and their families must be heard")


def test_cross_references_are_not_linked_inside_code():
    principle = parse("See Practice Principle 4 and `Practice Principle 4`.\n")
    assert "[Practice Principle 4](principle-4.md) and `Practice Principle 4`" in render_principle(principle, {4})


# Line endings and control characters


def lines_of(text: str) -> list[str]:
    return decode_source(text.encode(), "sources/x.txt")


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_line_endings_and_a_byte_order_mark_keep_line_numbers(ending):
    text = (HEAD + "A paragraph cut by\n\na page break.\n").replace("\n", ending)
    data = b"\xef\xbb\xbf" + text.encode()
    principle = parse_principle(decode_source(data, "sources/x.txt"), "sources/x.txt")
    assert list(principle.repairs) == ["sources/x.txt:9: paragraph cut by a page break after line 7; joined"]
    assert principle.summary.blocks[1].text == "A paragraph cut by a page break."
    assert "\r" not in page(principle) and "\ufeff" not in page(principle)


def test_only_line_endings_end_a_line():
    lines = lines_of("one\u2028still one\u2029and one\nline two")
    assert lines == ["one\u2028still one\u2029and one", "line two"]


@pytest.mark.parametrize("char, shown, column", [
    ("\x00", "a NUL character (U+0000)", 5),
    ("\x0c", "a form feed (page break) character (U+000C)", 5),
    ("\x1b", "an escape character (U+001B)", 5),
    ("\x1c", "a control character (U+001C)", 5),
    ("\x85", "a next-line (NEL) character (U+0085)", 5),
    ("\x7f", "a delete character (U+007F)", 5),
])
def test_a_control_character_is_refused_with_its_place_and_the_fix(char, shown, column):
    with pytest.raises(SourceError) as error:
        lines_of(f"line one\r\nline two\rtext{char}more\n")
    assert str(error.value) == (f"sources/x.txt:3: {shown} at column {column}; "
                                "delete it; it is left over from copying the text")


def test_a_tab_is_text():
    assert lines_of("a\tb") == ["a\tb"]


def test_a_byte_that_is_not_utf8_is_placed_by_line_and_character():
    with pytest.raises(SourceError, match=r"sources/x.txt:3: the file is not UTF-8 \(byte 0xe9 at column 8\)"):
        decode_source(b"\xef\xbb\xbfone\rtwo\r\n\xc3\xa9t\xc3\xa9 caf\xe9", "sources/x.txt")


# Anchors


def test_headings_that_clash_with_the_sites_own_ids_get_their_own():
    principle = parse("### Check your understanding\n\nText.\n\n#### Reflect\n\nText.\n\n"
                      "#### Ref ruch2020\n\nText.\n\n### Reflect\n\nText.\n\n#### ???\n\nText.\n")
    assert [s.anchor for s in principle.sections] == ["summary", "check-your-understanding-2", "reflect-3"]
    subs = [b.anchor for s in principle.sections for b in s.blocks if hasattr(b, "anchor")]
    assert subs == ["reflect-2", "ref-ruch2020-2", "section"]
    assert 'id="check-your-understanding-2"' in html(principle)


def test_a_heading_with_the_page_titles_words_does_not_take_its_id():
    principle = parse("### Practice Principle 9: Responses to child exploitation and extra-familial harm must be "
                      "tested\n\nText.\n")
    assert principle.sections[1].anchor.endswith("-2")


def test_reserved_ids_and_repeats():
    assert {"check-your-understanding", "reflect"} <= RESERVED_ANCHORS
    taken: set[str] = set(RESERVED_ANCHORS)
    assert [unique(a, taken) for a in ("reflect", "reflect", "ref-a", "notes", "")] == [
        "reflect-2", "reflect-3", "ref-a-2", "notes", "section"]
    anchors = Anchors()
    assert [anchors.add("Note") for _ in range(5000)][-2:] == ["note-4999", "note-5000"]


def test_the_seeds_anchors_are_the_published_ones():
    published = json.loads((ROOT / "published-links.json").read_text(encoding="utf-8"))["pages"]
    for name, number in (("principle-04.txt", 4), ("principle-07.txt", 7)):
        principle = parse_principle(read_source(SOURCES / name, f"sources/{name}"), f"sources/{name}")
        ours = [s.anchor for s in principle.sections] + [principle.references_heading.anchor]
        pinned = published[f"principles/principle-{number}.html"]
        site_ids = {"check-your-understanding", "reflect"}
        assert ours == [a for a in pinned[1:] if a not in site_ids]


# What sources/ may hold


def good(number: int) -> str:
    return HEAD.replace("## 9.", f"## {number}.")


def test_files_that_are_not_txt_are_reported(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "principle-05.txt").write_text(good(5), encoding="utf-8")
    (sources / "notes.md").write_text("x", encoding="utf-8")
    (sources / ".gitkeep").write_text("", encoding="utf-8")
    (sources / ".#principle-05.txt").symlink_to("nobody@host.123")  # an editor's lock file
    (sources / "README.md").write_text("x", encoding="utf-8")
    (sources / "drafts").mkdir()
    assert other_files(sources, tmp_path) == [
        ("info", "sources/README.md: a note about the sources, not a principle; not read"),
        ("warning", "sources/drafts: a folder, so not read; keep each principle as a .txt file directly in sources/"),
        ("warning", "sources/notes.md: not a .txt file, so not read; save a principle as .txt, or move this file "
                    "out of sources/"),
    ]
    assert [p.number for p in load_principles(sources, tmp_path)] == [5]


def test_an_upper_case_txt_is_read(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "PRINCIPLE-06.TXT").write_text(good(6), encoding="utf-8")
    assert [p.number for p in load_principles(sources, tmp_path)] == [6]
    assert other_files(sources, tmp_path) == []


def test_a_link_out_of_sources_is_refused(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "elsewhere.txt").write_text(good(5), encoding="utf-8")
    (sources / "x.txt").symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(SourceError) as error:
        load_principles(sources, tmp_path)
    assert str(error.value) == ("sources/x.txt:1: this file is a link to a place outside sources/; "
                                "copy the file into sources/ instead")


def test_a_link_to_nothing_is_refused(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "x.txt").symlink_to(sources / "gone.txt")
    with pytest.raises(SourceError, match="sources/x.txt:1: this file is a link to a file that does not exist"):
        load_principles(sources, tmp_path)


# Large sources are read in linear time (these would take minutes if any step were quadratic)


def seed_sections() -> tuple[list[str], list[str]]:
    lines = (SOURCES / "principle-04.txt").read_text(encoding="utf-8").split("\n")
    start = lines.index("### What do we mean by relationship-based approaches?")
    end = lines.index("## Research summary references")
    body = [line for line in lines[start:end] if "<sup>" not in line]
    return lines[:start], body


def test_a_one_megabyte_source_is_read_whole():
    head, body = seed_sections()
    once = parse_principle(head + body, "sources/x.txt")
    copies = 1_000_000 // len("\n".join(body)) + 1
    big = parse_principle(head + body * copies, "sources/x.txt")
    assert len(big.sections) == 1 + (len(once.sections) - 1) * copies
    assert len({s.anchor for s in big.sections}) == len(big.sections)
    alone = parse_principle(head, "sources/x.txt")
    for count in (lambda p: len(body_paragraphs(p)), lambda p: len(principle_citations(p))):
        assert count(big) == count(alone) + (count(once) - count(alone)) * copies
    assert page(big).count("help to overcome barriers to disclosure") == copies


def test_a_long_paragraph_and_many_page_breaks_are_read_whole():
    paragraph = " ".join(["Relationships matter (Ruch, 2020) in practice"] * 3500)
    principle = parse(paragraph + "\n")
    assert principle.summary.blocks[1].text == paragraph and len(principle_citations(principle)) == 3500
    pieces = ["words cut by a page break and"] * 20000
    principle = parse("\n\n".join(pieces) + "\n")
    assert principle.summary.blocks[1].text == " ".join(pieces)
    assert len(principle.repairs) == 19999
    nested = "\n".join(" " * (2 * (n % 6)) + f"- item {n}" for n in range(20000))
    assert len(body_paragraphs(parse(nested + "\n"))) == 20001


def test_hostile_brackets_backticks_and_pipes_are_read_in_one_pass():
    text = "[" * 100_000 + " (see " + "`" * 20 + "a" + "\\" * 1000 + "`a" * 50_000 + ")"
    principle = parse(text + "\n")
    assert len(principle.summary.blocks[1].text) >= len(text)
    row = "| " + " | ".join("`" * (n % 40 + 1) + "x" for n in range(20_000)) + " |"
    principle = parse(f"{row}\n|---|\n{row}\n")
    assert len(principle.summary.blocks[1].header) == len(principle.summary.blocks[1].rows[0])
