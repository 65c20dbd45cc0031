"""Author text on its way into XML: kept exactly, or refused with a reason."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot carry (and CR, which a parser turns into LF): refused, not dropped.
NOT_XML = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def checked(text: str, where: str) -> str:
    """``text`` unchanged, or ValueError when XML cannot carry it exactly."""
    if bad := NOT_XML.search(text):
        raise ValueError(f"{where}: character U+{ord(bad.group()):04X} cannot be written to XML; remove it")
    return text
