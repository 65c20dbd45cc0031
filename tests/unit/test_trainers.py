"""For trainers: copy-link, short links, the published-links manifest, the trainers page, session
plans and printed handouts.

This file: the parts that need no build and no browser (the rest are in tests/build/, tests/browser/).
"""

from __future__ import annotations

import pytest

from practice_site.errors import SourceError
from practice_site.learning.session_format import parse_sessions


def test_session_parsing():
    (session,) = parse_sessions("/// session | T\n- 10 | Hello\n- 20 | principle-4#summary | Read\n///", "x.md")
    assert session.total == 30
    assert [(i.minutes, i.module, i.anchor, i.text, i.line) for i in session.items] == [
        (10, "", "", "Hello", 2), (20, "principle-4", "summary", "Read", 3)]
    with pytest.raises(SourceError, match="x.md:1: this session is never closed"):
        parse_sessions("/// session | T\n- 10 | Hello\n", "x.md")
