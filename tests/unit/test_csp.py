"""practice_site.pages.csp: the Content Security Policy each page carries in a ``<meta>``, naming by hash exactly
the inline scripts the templates write."""

from __future__ import annotations

import base64
import hashlib

import pytest

from practice_site.pages.csp import policy, policy_meta, script_hash

NO_SCRIPTS = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
              "connect-src 'self'; worker-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; "
              "form-action 'self'")
SHA256_OF_EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # the published SHA-256 of ""
SHA256_OF_A = "'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='"  # of "a": ca978112...ee48bb in hex


def test_a_scripts_hash_is_the_base64_sha256_of_its_text_quoted_as_a_csp_source() -> None:
    assert script_hash("") == SHA256_OF_EMPTY
    assert script_hash("a") == SHA256_OF_A


@pytest.mark.parametrize("script", ["localStorage.clear();", "document.title = \"é – ✓\";", "\n  x()\n"])
def test_a_scripts_hash_is_taken_over_its_utf8_bytes_exactly_as_written(script: str) -> None:
    """Browsers hash the script's text as UTF-8, white space included."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert script_hash(script) == f"'sha256-{digest}'"


def test_white_space_around_a_script_changes_its_hash() -> None:
    assert script_hash("\n  x()\n") != script_hash("x()")


def test_with_no_inline_scripts_only_the_sites_own_files_may_run() -> None:
    assert policy([]) == NO_SCRIPTS


def test_each_inline_script_is_named_once_in_the_order_given() -> None:
    assert policy(["a", "", "a"]) == NO_SCRIPTS.replace(
        "script-src 'self';", f"script-src 'self' {SHA256_OF_A} {SHA256_OF_EMPTY};")


def test_nothing_may_load_from_another_site_nor_be_embedded_as_a_plugin() -> None:
    directives = dict(part.split(" ", 1) for part in policy(["a"]).split("; "))
    assert directives["object-src"] == "'none'"
    assert directives["img-src"] == "'self' data:"
    assert all(value.startswith(("'self'", "'none'")) for value in directives.values())
    assert not any("http" in value or "*" in value or "unsafe" in value for value in directives.values())


def test_the_meta_element_carries_the_policy() -> None:
    assert policy_meta(["a"]) == f'<meta http-equiv="Content-Security-Policy" content="{policy(["a"])}">'
    assert '"' not in policy(["a", "b"]), "the policy must not close the content attribute"
