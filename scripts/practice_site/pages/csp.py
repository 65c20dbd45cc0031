"""A Content Security Policy on every page, as a ``<meta http-equiv>`` so that it holds offline too.

No inline script runs unless the policy names its hash, and the policy names only the scripts the
templates write (``known_scripts``), never whatever a built page happens to hold. Nothing may load
from another site, no plugin content, no ``<base>`` and no form sent elsewhere.
"""

from __future__ import annotations

import base64
import hashlib

DIRECTIVES = [
    ("default-src", "'self'"),
    ("script-src", "'self' {hashes}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
]


def script_hash(script: str) -> str:
    """The CSP source for one inline script: ``'sha256-...'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(scripts: list[str]) -> str:
    """The policy text allowing exactly these inline scripts."""
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in scripts))
    return "; ".join(f"{name} {value.format(hashes=hashes)}".strip() for name, value in DIRECTIVES)


def policy_meta(scripts: list[str]) -> str:
    """The policy as the ``<meta>`` element that carries it, allowing exactly these inline scripts."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts)}">'
