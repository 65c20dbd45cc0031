"""Where the learning blocks may stand, read from a page's own text (the Blocks API gives no line)."""

from __future__ import annotations

from practice_site.learning.block_placement import block_headers, misplaced_blocks

PAGE = """---
title: Example
---
# A page

/// quiz
    id: p4-defined
///

```text
/// quiz
    id: an-example-in-code
///
```

<!-- an example in a comment:
/// session | Not a block
-->

    /// reflection (indented code, shown as written)

/// session | A plan
- 10 | Welcome.
///

/// admonition | Not a learning block
///
"""


def test_block_headers_are_the_ones_markdown_reads_with_their_lines() -> None:
    assert block_headers(PAGE) == [(6, "quiz"), (22, "session"), (26, "admonition")]


def test_a_misplaced_block_is_named_with_its_line_and_where_it_goes() -> None:
    assert misplaced_blocks(PAGE, {"session"}) == [
        "6: a /// quiz block cannot go on this page; knowledge-check questions are written in the module's quiz "
        "file (docs/quizzes/principle-N.md), which the build puts at the end of the module"]
    problems = misplaced_blocks(PAGE, set())
    assert [p.split(":")[0] for p in problems] == ["6", "22"]
    assert problems[1].endswith("session plans are pages of their own in docs/sessions/")
    assert misplaced_blocks("/// reflection\n    id: r\n///\n", set())[0].startswith("1: a /// reflection block")
    assert misplaced_blocks(PAGE.replace("/// quiz\n    id: p4", "Text.\n    id: p4"), {"session"}) == []
