"""practice_site.pages.offline_shim: the inline script the iframe-worker shim writes into its search frame, rebuilt
from the shim's minified source so that the Content Security Policy can name its hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from practice_site.pages.offline_shim import frame_script, function_source

# A shim shaped like iframe-worker's (minified): two functions, then the template its frame is written from.
SHIM = ('"use strict";(()=>{function a(s,n){parent.postMessage(s,n||"*")}'
        'function b(...s){return s.map(x=>{if(x){return x}})}'
        'var w=`<html><body><script>postMessage=${a};importScripts=${b};'
        r'addEventListener("error",()=>parent.x("${e}"))<\/script><script src=${e}?${+Date.now()}><\/script>'
        '</body></html>`;})();')
REAL_SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


def test_a_functions_source_is_cut_where_its_braces_balance() -> None:
    assert function_source(SHIM, "a") == 'function a(s,n){parent.postMessage(s,n||"*")}'
    assert function_source(SHIM, "b") == "function b(...s){return s.map(x=>{if(x){return x}})}"


def test_the_frame_script_has_both_functions_written_in_and_the_workers_address() -> None:
    assert frame_script(SHIM, "search/worker.js") == (
        'postMessage=function a(s,n){parent.postMessage(s,n||"*")};'
        "importScripts=function b(...s){return s.map(x=>{if(x){return x}})};"
        'addEventListener("error",()=>parent.x("search/worker.js"))')


def test_only_the_first_inline_script_of_the_frame_is_rebuilt() -> None:
    """The second script loads the worker from its address (``src``): it is not inline, so has no hash."""
    assert "Date.now" not in frame_script(SHIM, "w.js") and "<script" not in frame_script(SHIM, "w.js")


def test_a_shim_without_the_template_is_refused_with_what_to_update() -> None:
    with pytest.raises(ValueError, match=r"^the iframe-worker shim has changed; update offline_shim\.py$"):
        frame_script(SHIM.replace("postMessage=${a}", "postMessage=${a}()"), "w.js")


def test_a_function_the_source_lacks_is_an_error() -> None:
    with pytest.raises(ValueError):
        function_source(SHIM, "z")


@pytest.mark.skipif(not REAL_SHIM.is_file(), reason="npm install has not been run")
def test_the_installed_shim_still_has_the_shape_read_here() -> None:
    script = frame_script(Path(REAL_SHIM).read_text(encoding="utf-8"), "../search/worker.js")
    assert script.startswith("postMessage=function ") and ";importScripts=function " in script
    assert '"../search/worker.js"' in script and "${" not in script
