"""Benchmark the generator: build time against plain Material, scaling, serve, subprocesses, page weight.

Run ``make bench`` (``python scripts/bench.py``). It prints a table of the figures against their
targets and writes it to ``bench/latest.md``, with every measurement in ``bench/latest.json``; it
changes no other file (the developers' guide links bench/latest.md). Figures are medians over RUNS
builds after one warm-up build, all on this machine in one run.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from practice_site.bundle.make_bundle import make_bundle  # noqa: E402
from practice_site.learning.quiz_check import display_order  # noqa: E402
from practice_site.learning.quiz_format import parse_quiz_file  # noqa: E402
from practice_site.lms.build import make_lms  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SIZES = [8, 32, 128]
TARGETS = {"build_ratio": 1.5, "module_ms_128": 40, "scaling_ratio": 1.2, "serve_seconds": 0.5, "page_kb_gzip": 95,
           "large_source": 5.0}
LARGE_SOURCE_BYTES = 1024 * 1024
# As on an editor's machine: Python keeps its compiled modules, so the warm-up build pays for compiling them
# once (an environment that turns this off would charge every build for compiling the project's modules).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}

# Runs one build in a fresh interpreter and reports its time, peak memory and the subprocesses it started.
CHILD = r"""
import json, resource, subprocess, sys, time
started = []
real_init = subprocess.Popen.__init__
def counting_init(self, args, *a, **k):
    started.append(str(args[0] if isinstance(args, (list, tuple)) else args).rsplit("/", 1)[-1])
    real_init(self, args, *a, **k)
subprocess.Popen.__init__ = counting_init
from mkdocs.commands.build import build
from mkdocs.config import load_config
t = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "subprocesses": started}))
"""


def copy_project(dest: Path, sources: bool = True) -> Path:
    for name in ("docs", "overrides", "bib"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "pyproject.toml", "published-links.json"):
        shutil.copy(ROOT / name, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    if sources:
        shutil.copytree(ROOT / "sources", dest / "sources")
    return dest


def synthetic_project(dest: Path, count: int) -> Path:
    """``count`` principles: renumbered copies of the two sources with their citations and quizzes.

    Principle 4 and the even numbers are copies of principle 4, the odd ones of principle 7, so the
    example session plan's links still resolve.
    """
    copy_project(dest, sources=False)
    (dest / "published-links.json").unlink()
    (dest / "sources").mkdir()
    quiz_dir = dest / "docs" / "quizzes"
    originals = {n: ((ROOT / "sources" / f"principle-0{n}.txt").read_text(encoding="utf-8"),
                     (quiz_dir / f"principle-{n}.md").read_text(encoding="utf-8")) for n in (4, 7)}
    for path in quiz_dir.glob("*.md"):
        path.unlink()
    for number in range(1, count + 1):
        base = 4 if number % 2 == 0 else 7
        source, quiz = originals[base]
        source = source.replace(f"## {base}. ", f"## {number}. ", 1)
        (dest / "sources" / f"principle-{number:03d}.txt").write_text(source, encoding="utf-8")
        (quiz_dir / f"principle-{number}.md").write_text(renumbered_quiz(quiz, base, number), encoding="utf-8")
    return dest


def renumbered_quiz(text: str, base: int, number: int) -> str:
    """The quiz with ids for principle ``number``, each chosen to show its options in the same order.

    The order is drawn from the id; keeping it keeps the item-writing checks passing as for the seed.
    """
    for question in parse_quiz_file(text, "quiz").questions:
        stem = question.id.replace(f"p{base}-", f"p{number}-", 1)
        order = display_order(question.id, len(question.choices))
        new = next(c for c in (stem, *(f"{stem}-{k}" for k in range(1, 1000)))
                   if display_order(c, len(question.choices)) == order)
        text = text.replace(f"    id: {question.id}\n", f"    id: {new}\n", 1)
    for reflection in parse_quiz_file(text, "quiz").reflections:
        text = text.replace(f"    id: {reflection.id}\n",
                            f"    id: {reflection.id.replace(f'p{base}-', f'p{number}-', 1)}\n", 1)
    return text


def large_source_project(dest: Path, size: int = LARGE_SOURCE_BYTES) -> Path:
    """The real project with principle 4's sections repeated until its source is ``size`` bytes."""
    copy_project(dest)
    path = dest / "sources" / "principle-04.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "### Summary")
    note = next(i for i, line in enumerate(lines) if line.startswith("<sup>1</sup>"))
    body = "\n".join(lines[start:note]).replace("<sup>1</sup>", "") + "\n\n"
    head, tail = "\n".join(lines[:note]) + "\n\n", "\n".join(lines[note:])
    copies = max(1, (size - len(head) - len(tail)) // len(body))
    path.write_text(head + body * copies + tail, encoding="utf-8")
    return dest


def long_paragraph_seconds(size: int = 150 * 1024) -> float:
    """Seconds to parse one source whose section is a single paragraph of ``size`` bytes full of citations."""
    from practice_site.references.find_citations import find_groups
    from practice_site.sources.parse_principle import parse_principle

    sentence = "Hanson (2016) argues this (Ruch, 2020; see Parton 2012, p. 3) and more words follow. "
    paragraph = sentence * (size // len(sentence))
    text = f"## 9. Responses must... be long\n\n### Summary\n\n{paragraph}\n"
    started = time.perf_counter()
    principle = parse_principle(text.split("\n"), "sources/long.txt")
    for block in principle.summary.blocks:
        find_groups(getattr(block, "text", ""), "sources/long.txt", 5)
    return time.perf_counter() - started


# Builds a project once with the practice-principles plugin, keeping the Markdown each page renders.
RECORD = r"""
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from practice_site.mkdocs_plugin.plugin import PracticePrinciplesPlugin
pages, own = {}, PracticePrinciplesPlugin.on_page_markdown
def record(self, markdown, *, page, config, files):
    pages[page.file.src_uri] = own(self, markdown, page=page, config=config, files=files)
    return pages[page.file.src_uri]
PracticePrinciplesPlugin.on_page_markdown = record
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
build(config)
extensions = [{e: config.mdx_configs[e]} if config.mdx_configs.get(e) else e
              for e in config.markdown_extensions if not e.startswith("practice_site")]
print(json.dumps({"pages": pages, "nav": config.nav, "extensions": extensions,
                  "features": config.theme["features"], "css": list(config.extra_css),
                  "js": [str(s) for s in config.extra_javascript]}))
"""


def plain_project(dest: Path, real: Path) -> Path:
    """The same Markdown in a plain Material build: every page as the full build renders it (modules with their
    citations and references, the generated pages, the hand-written ones), with the same navigation,
    stylesheets, scripts and standard Markdown extensions, but no project plugin or extension."""
    out = subprocess.run([sys.executable, "-c", RECORD, str(real / "mkdocs.yml"), str(dest / "recorded-site")],
                         cwd=real, env=ENV, capture_output=True, text=True, check=True)
    recorded = json.loads(out.stdout.strip().splitlines()[-1])
    docs = dest / "docs"
    for uri, markdown in recorded["pages"].items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(markdown, encoding="utf-8")
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(real / "docs" / folder, docs / folder)
    ignore = {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"}
    settings = {"site_name": "Practice Principles training", "use_directory_urls": False,
                "theme": {"name": "material", "font": False, "language": "en", "features": recorded["features"]},
                "extra_css": recorded["css"], "extra_javascript": recorded["js"],
                "markdown_extensions": recorded["extensions"], "plugins": ["search"], "nav": recorded["nav"],
                "validation": {"links": ignore, "nav": {"omitted_files": "ignore", "not_found": "ignore"}}}
    (dest / "mkdocs.yml").write_text(json.dumps(settings, indent=1), encoding="utf-8")  # JSON is YAML
    return dest


def build_once(project: Path, cold: bool = False) -> dict:
    """One build of ``project`` in a fresh interpreter: its time, peak memory and subprocesses.

    ``cold`` empties the citation cache first, as on a fresh clone or after bib/ changes.
    """
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", CHILD, str(project / "mkdocs.yml"), str(project / "site")],
                         cwd=project, env=ENV, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def summary(results: list[dict]) -> dict:
    """Medians of the timed builds, and the worst peak memory."""
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
        "subprocesses": results[-1]["subprocesses"],
    }


def timed_builds(project: Path, runs: int = RUNS, cold: bool = False) -> dict:
    """One warm-up build, then ``runs`` timed builds; medians and the worst peak memory."""
    results = [build_once(project, cold) for _ in range(runs + 1)]
    return summary(results[1:])


def side_by_side(first: Path, second: Path, runs: int = RUNS) -> tuple[dict, dict]:
    """Two projects built in turn (a warm-up of each, then ``runs`` pairs), so that a machine that speeds up or
    slows down during the run weighs on both alike: each one's medians and worst peak memory."""
    pairs = [(build_once(first), build_once(second)) for _ in range(runs + 1)]
    return summary([a for a, _ in pairs[1:]]), summary([b for _, b in pairs[1:]])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_edit_seconds(project: Path, runs: int = RUNS) -> list[float]:
    """Seconds from saving a source to the rebuilt page being served by ``mkdocs serve``."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/principles/principle-7.html"
    source = project / "sources" / "principle-07.txt"
    original = source.read_text(encoding="utf-8")
    timings = []
    try:
        deadline = time.monotonic() + 120
        while "Practice Principle 7" not in fetch(url):
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        for index in range(runs + 1):
            marker = f"Benchmark edit number {index}."
            time.sleep(1.0)  # let the watcher settle between edits
            start = time.monotonic()
            source.write_text(original.replace("### Summary\n", f"### Summary\n\n{marker}\n", 1), encoding="utf-8")
            while marker not in fetch(url):
                if time.monotonic() - start > 60:
                    raise RuntimeError("the edit was never served")
                time.sleep(0.02)
            if index:
                timings.append(time.monotonic() - start)
    finally:
        server.terminate()
        server.wait(timeout=10)
        source.write_text(original, encoding="utf-8")
    return timings


def page_weight(site_dir: Path, pages: list[str]) -> dict[str, dict]:
    """Bytes of each page and everything it loads on opening (raw and gzipped), in Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            bodies: dict[str, bytes] = {}
            page.on("response", lambda r, b=bodies: b.setdefault(r.url, r.body() if r.ok else b""))
            page.goto(f"{base}/{path}", wait_until="networkidle")
            page.wait_for_timeout(500)
            raw = sum(len(b) for b in bodies.values())
            zipped = sum(len(gzip.compress(b, 6)) for b in bodies.values())
            weights[path] = {"files": len(bodies), "raw_kb": raw / 1024, "gzip_kb": zipped / 1024,
                             "largest": sorted(((len(gzip.compress(b, 6)) / 1024, u.removeprefix(base))
                                                for u, b in bodies.items()), reverse=True)[:4]}
            context.close()
        browser.close()
    server.shutdown()
    return weights


def machine() -> str:
    cpu = "unknown CPU"
    if Path("/proc/cpuinfo").exists():
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), cpu)
    memory = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()}, Python {platform.python_version()}"


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else f"missed by {value / target - 1:.0%}"


def main() -> int:
    results: dict = {"machine": machine(), "runs": RUNS, "date": time.strftime("%Y-%m-%d")}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work_dir = Path(work)
        print(f"Benchmark on {results['machine']}; medians of {RUNS} runs after a warm-up.", flush=True)
        real = copy_project(work_dir / "real")
        full, plain = side_by_side(real, plain_project(work_dir / "plain", real))
        results["full_build"] = full
        results["cold_build"] = timed_builds(real, cold=True)
        results["cold_128_subprocesses"] = timed_builds(synthetic_project(work_dir / "cold128", 128), runs=1,
                                                        cold=True)["subprocesses"]
        results["plain_build"] = plain
        results["build_ratio"] = full["seconds"] / plain["seconds"]
        print(f"full build {full['seconds']:.2f} s, plain Material {plain['seconds']:.2f} s", flush=True)
        scaling = {}
        largest = SIZES[-1]
        for size in SIZES:
            project = synthetic_project(work_dir / f"n{size}", size)
            if size == largest:  # beside plain Material of the same Markdown, built in turn with it
                build, plain_largest = side_by_side(project, plain_project(work_dir / f"plain{size}", project))
            else:
                build = timed_builds(project)
            build["per_module"] = build["seconds"] / size
            scaling[str(size)] = build
            print(f"{size} principles: {build['seconds']:.2f} s, {build['per_module'] * 1000:.0f} ms per module, "
                  f"peak {build['peak_mb']:.0f} MB, subprocesses {build['subprocesses']}", flush=True)
        results["scaling"] = scaling
        results["scaling_ratio"] = scaling["128"]["per_module"] / scaling["32"]["per_module"]
        plain_largest["per_module"] = plain_largest["seconds"] / largest
        results["plain_128"] = plain_largest
        results["build_ratio_128"] = scaling["128"]["seconds"] / plain_largest["seconds"]
        print(f"plain Material of the same Markdown at {largest} principles: {plain_largest['seconds']:.2f} s, "
              f"{plain_largest['per_module'] * 1000:.0f} ms per module", flush=True)
        large = timed_builds(large_source_project(work_dir / "large"), runs=max(1, RUNS // 2))
        results["large_source"] = large["seconds"]
        results["long_paragraph"] = long_paragraph_seconds()
        print(f"1 MB source: build {large['seconds']:.2f} s; 150 KB paragraph parsed in "
              f"{results['long_paragraph']:.2f} s", flush=True)
        serve = serve_edit_seconds(copy_project(work_dir / "serve"))
        results["serve_seconds"] = statistics.median(serve)
        results["serve_all"] = serve
        print(f"serve: edit to served page {results['serve_seconds']:.2f} s", flush=True)
        pages = ["principles/principle-4.html", "principles/principle-7.html"]
        results["pages"] = page_weight(real / "site", pages)
        zip_path = make_bundle(copy_project(work_dir / "bundle"), work_dir / "dist")
        results["bundle_kb"] = zip_path.stat().st_size / 1024
        results["lms"] = lms_figures(copy_project(work_dir / "lms"), work_dir / "lms-dist")
        print(f"make lms: {results['lms']['seconds']:.2f} s; largest SCORM package "
              f"{max(results['lms']['scorm_kb'].values()):.0f} KB", flush=True)
    table = render_table(results)
    print(table)
    out = ROOT / "bench"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(table, encoding="utf-8")
    return 0


def lms_figures(project: Path, dist: Path) -> dict:
    """make lms: its time (one run: it builds the site once) and the size of every file it writes."""
    started = time.perf_counter()
    written = make_lms(project, dist)
    seconds = time.perf_counter() - started
    sizes = {kind: {path.name: path.stat().st_size / 1024 for path in written if f"-{kind}-" in path.name}
             for kind in ("scorm12", "scorm2004", "qti21", "moodle")}
    return {"seconds": seconds, "scorm_kb": {**sizes["scorm12"], **sizes["scorm2004"]}, "qti_kb": sizes["qti21"],
            "moodle_kb": sizes["moodle"]}


def count(processes: list[str]) -> str:
    return ", ".join(f"{processes.count(p)} {p}" for p in sorted(set(processes))) or "none"


def render_table(r: dict) -> str:
    s = r["scaling"]
    heaviest = max(p["gzip_kb"] for p in r["pages"].values())
    module_ms = s["128"]["per_module"] * 1000
    rows = [
        ("Full build of the site (2 modules)", f"{r['full_build']['seconds']:.2f} s", ""),
        ("Plain Material build of the same Markdown (every page as the full build renders it)",
         f"{r['plain_build']['seconds']:.2f} s", ""),
        ("Full / plain", f"{r['build_ratio']:.2f}×",
         f"≤ {TARGETS['build_ratio']}×: {verdict(r['build_ratio'], TARGETS['build_ratio'])}"),
        *[(f"{n} principles: build, per module, peak memory",
           f"{s[n]['seconds']:.2f} s, {s[n]['per_module'] * 1000:.0f} ms, {s[n]['peak_mb']:.0f} MB", "")
          for n in s],
        ("Plain Material build of the same Markdown at 128 principles: build, per module",
         f"{r['plain_128']['seconds']:.2f} s, {r['plain_128']['per_module'] * 1000:.0f} ms", ""),
        ("Full / plain at 128 principles", f"{r['build_ratio_128']:.2f}×", ""),
        ("Per module at 128 principles", f"{module_ms:.0f} ms",
         f"≤ {TARGETS['module_ms_128']} ms: {verdict(module_ms, TARGETS['module_ms_128'])}"),
        ("Per module at 128 / at 32", f"{r['scaling_ratio']:.2f}×",
         f"≤ {TARGETS['scaling_ratio']}×: {verdict(r['scaling_ratio'], TARGETS['scaling_ratio'])}"),
        ("Full build with an empty citation cache (fresh clone, or bib/ changed)",
         f"{r['cold_build']['seconds']:.2f} s", ""),
        ("Subprocesses per build: cached / empty cache, 2 modules / empty cache, 128 modules",
         f"{count(s['128']['subprocesses'])} / {count(r['cold_build']['subprocesses'])} / "
         f"{count(r['cold_128_subprocesses'])}",
         "the same at 2 and 128 modules, not one per page: "
         + ("met" if len(r["cold_128_subprocesses"]) == len(r["cold_build"]["subprocesses"]) else "missed")),
        ("Full build with a 1 MB source (principle 4's sections repeated)", f"{r['large_source']:.2f} s",
         f"≤ {TARGETS['large_source']:.0f} s: {verdict(r['large_source'], TARGETS['large_source'])}"),
        ("Parse one 150 KB paragraph full of citations", f"{r['long_paragraph']:.2f} s", "linear, not quadratic"),
        ("Save a source → page served by `mkdocs serve`", f"{r['serve_seconds']:.2f} s",
         f"≤ {TARGETS['serve_seconds']} s: {verdict(r['serve_seconds'], TARGETS['serve_seconds'])}"),
        *[(f"`{page}` + what it loads on opening",
           f"{w['raw_kb']:.0f} KB raw, {w['gzip_kb']:.0f} KB gzipped ({w['files']} files)", "")
          for page, w in r["pages"].items()],
        ("Heaviest module page, gzipped", f"{heaviest:.0f} KB",
         f"≤ {TARGETS['page_kb_gzip']} KB: {verdict(heaviest, TARGETS['page_kb_gzip'])}"),
        ("Offline bundle zip", f"{r['bundle_kb']:.0f} KB", "≤ 400 KB: " + verdict(r["bundle_kb"], 400)),
        (f"`make lms`: {len(r['lms']['scorm_kb'])} SCORM packages and {len(r['lms']['qti_kb'])} of each question "
         "bank", f"{r['lms']['seconds']:.2f} s", ""),
        *[(f"SCORM package `{name}`", f"{kb:.0f} KB", "≤ 250 KB: " + verdict(kb, 250))
          for name, kb in r["lms"]["scorm_kb"].items()],
        ("Question banks: QTI 2.1 zip / Moodle XML, largest",
         f"{max(r['lms']['qti_kb'].values()):.0f} KB / {max(r['lms']['moodle_kb'].values()):.0f} KB", ""),
    ]
    lines = [f"Measured {r['date']} on {r['machine']}; medians of {r['runs']} runs after a warm-up.", "",
             "| What | Figure | Target |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
