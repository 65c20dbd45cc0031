"""Shared by the quiz format tests in unit/, build/ and browser/."""

from __future__ import annotations

GOOD = """<!-- a comment -->

/// quiz | A question?
    id: q-one
    type: single
    section: summary

- [x] Right answer
    Because the summary says so.
- [ ] Wrong answer
    The summary says otherwise.
///

/// reflection | A reflective question?
    id: r-one
///
"""
