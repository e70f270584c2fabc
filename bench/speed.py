"""Where newsclean's time goes and how it grows: per phase, per page, per MB, against page size,
on a 50 MB page, and with --jobs. Writes the speed section of docs/benchmark.md (between
<!-- speed:start --> and <!-- speed:end -->) and docs/benchmark-speed.png.

    python bench/speed.py               # everything (a few minutes on 2 cores); writes docs/
    python bench/speed.py --quick       # a smoke run (a minute): writes bench/out/, never docs/
    python bench/speed.py --limit 200   # 200 devset pages instead of the default sample: bench/out/

What it measures (each part says how in the section it writes):

- Phases. ``newsclean.clean()`` itself runs with each of its steps (STEPS: read_input, detect_form,
  parse, markdown_to_html, select_profile, label_layers, find_body, extract_blocks, fallback_blocks,
  the verdict, extract_metadata, …) timed where ``_api.py`` and ``attempts.py`` call them
  (:func:`phased_clean`), so the phases follow whatever order the library runs them in; no library
  code is changed (the names are swapped back after each page). A step the library no longer has is
  named in the report (and fails tests/test_bench_speed.py).
- Time per page and per MB: ``clean()`` itself, the peers bench/devset.py runs (trafilatura with
  its default settings, readability-lxml, resiliparse) and a bare ``LexborHTMLParser(raw bytes)``,
  on every corpus page (../shared/corpus, fastest of 3) and on a sample of devset pages spread
  evenly over ../shared/devset (once each, in 2 worker processes, as bench/devset.py times).
- The corpus pages' pandoc forms against their HTML.
- Generic pages of 1, 5, 11 and 50 MB (a paragraph and an ad div, repeated): time and peak memory,
  each size in a fresh process.
- ``newsclean pages.warc.gz --jobs 1`` and ``--jobs 2`` on a 1,000-page WARC made from devset pages.

The devset target (≥ 10× trafilatura, ≤ 5× a bare parse, on every devset page) is read from the
per-page CSV of bench/devset.py's run, which times every page; this script's devset sample
gives the phases and the plot.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import gc
import importlib
import importlib.metadata
import io
import json
import math
import multiprocessing
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import machine_line, met, replace_marked  # noqa: E402
from corpus import ROOT, corpus_folders  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

VERSIONS_SHOWN = ("newsclean", "selectolax", "trafilatura", "readability-lxml", "resiliparse", "markdown-it-py")  # the packages whose versions the machine line gives

import newsclean  # noqa: E402
from newsclean._input import decode  # noqa: E402
from newsclean.errors import NewscleanError  # noqa: E402
from newsclean.fallback import load_trafilatura  # noqa: E402
from newsclean.model import Article  # noqa: E402

DOCS = ROOT / "docs"
PARTIAL_OUT = ROOT / "bench" / "out"
DEVSET = ROOT.parent / "shared" / "devset"
DEVSET_CSV = DOCS / "benchmark-devset-pages.csv"
PLOT = "benchmark-speed.png"
PARTIAL_MD = "benchmark-speed.md"
PAGES_CSV = "benchmark-speed-pages.csv"  # always in bench/out/
MARK_START, MARK_END = "<!-- speed:start -->", "<!-- speed:end -->"
MB = 1_000_000  # bytes: sizes and "per MB" are decimal megabytes

# The phases of clean(), in the order it runs them; render is the caller's (the command's JSONL line).
PHASES = ("decode", "detect", "markdown", "parse", "profile", "labels", "body", "second opinion", "attempts",
          "verdict", "metadata", "assemble")
RENDER = "render"
# The steps of clean(): (module, name, phase). Each is timed where clean() and its helpers look it up (a name
# imported into _api is timed as _api's), so the phases follow whatever order the library calls them in.
STEPS = (
    ("newsclean._api", "read_input", "decode"),
    ("newsclean._input", "detect_form", "detect"),
    ("newsclean._parse", "markdown_to_html", "markdown"),
    ("newsclean._api", "parse", "parse"),
    ("newsclean._api", "select_profile", "profile"),
    ("newsclean._api", "find_article", "attempts"),
    ("newsclean.attempts", "label_layers", "labels"),
    ("newsclean.attempts", "_lift_widest_label", "labels"),
    ("newsclean.attempts", "find_body", "body"),
    ("newsclean.attempts", "extract_blocks", "body"),
    ("newsclean.attempts", "fallback_blocks", "second opinion"),
    ("newsclean._api", "clean_text", "body"),
    ("newsclean._api", "finish", "assemble"),
    ("newsclean._api", "ensure_not_a_section_front", "verdict"),
    ("newsclean._api", "ensure_article", "verdict"),
    ("newsclean._api", "extract_blocks", "verdict"),
    ("newsclean._api", "extract_metadata", "metadata"),
    ("newsclean._api", "layer_report", "assemble"),
)
PHASE_NOTES = {
    "decode": "`read_input`: BOM, declared charset, UTF-8, charset-normalizer; NUL removal (less detect)",
    "detect": "`detect_form`: HTML, pandoc markdown or clean text",
    "markdown": "`markdown_to_html`, which `parse` calls first on pandoc markdown (markdown-it-py)",
    "parse": "`parse`, less markdown: the lexbor tree (and the depth bound on pages of over 20,000 tags)",
    "profile": "`select_profile`",
    "labels": "`label_layers` (and `_lift_widest_label`) in every attempt made",
    "body": "`find_body` + `extract_blocks` in every attempt made (`clean_text` for clean text)",
    "second opinion": "`fallback_blocks`: trafilatura on the page, only when the strict attempt is unsure",
    "attempts": "the rest of `find_article`: setting up and choosing between attempts, the judge's word agreement",
    "verdict": "`ensure_not_a_section_front`, `ensure_article`, and the walk over the whole body "
               "(`extract_blocks` called from `_api`) the section-front check may take",
    "metadata": "`extract_metadata`",
    "assemble": "`layer_report`, the `Article`, and the glue in `clean`, `analyse` and `finish`",
    RENDER: "`Article.to_json()`: what the command writes per page; outside `clean()`",
}
PEERS = ("trafilatura", "readability-lxml", "resiliparse")
BARE = "bare parse"

TARGET_X_TRAFILATURA = 10.0
TARGET_X_BARE = 5.0
TARGET_PANDOC_X_HTML = 2.0
TARGET_LARGE_MB = 50
TARGET_LARGE_S = 10.0
TARGET_LARGE_X_INPUT = 10.0
TARGET_JOBS_SPEEDUP = 1.8
LARGE_PHASES_UP_TO_S = 20.0  # a large page's phases are timed only when clean() took at most this (the time budget)
LARGE_TIMEOUT_S = 300.0  # a large page's process is stopped past this, and the size reported as failed
WARC_MORE_ROUNDS_UNDER_S = 120.0  # another round of --jobs 1 and 2 only while a round takes less (the time budget)
WARC_QUIET_WAIT_S = 120.0  # before each --jobs run, wait at most this long for the machine to be idle (others' processes)
WARC_QUIET_IDLE = 0.9  # idle: this share of every core free over a few seconds


@dataclass(frozen=True, slots=True)
class Plan:
    """What one run measures."""

    devset_pages: int  # 0: every page
    corpus_pages: int | None  # None: every page
    corpus_repeats: int
    large_mb: tuple[float, ...]
    warc_pages: int
    warc_rounds: int
    jobs: int


FULL = Plan(devset_pages=1000, corpus_pages=None, corpus_repeats=3, large_mb=(1, 5, 11, 50), warc_pages=1000,
            warc_rounds=3, jobs=2)
QUICK = Plan(devset_pages=40, corpus_pages=6, corpus_repeats=1, large_mb=(0.2, 1), warc_pages=60, warc_rounds=1,
             jobs=2)


# --- the phases ---------------------------------------------------------------------------

@dataclass(slots=True)
class PhaseRun:
    """One page through clean() with its steps timed: ms per phase (render included), the Article or the
    error type, and the form newsclean read the page as."""

    ms: dict[str, float]
    article: Article | None
    error: str = ""
    form: str = ""  # html, pandoc or text ("" when clean() raised)

    @property
    def total(self) -> float:
        """The phases of clean(): render left out."""
        return sum(v for k, v in self.ms.items() if k != RENDER)


def missing_steps() -> list[str]:
    """The steps in STEPS the library no longer has where clean() looks them up (their time then falls into
    the phase of the step that calls them)."""
    return [f"{module}.{name}" for module, name, _ in STEPS if not hasattr(importlib.import_module(module), name)]


def _timed_step(fn: Callable[..., Any], phase: str, ms: dict[str, float], stack: list[float]) -> Callable[..., Any]:
    """``fn`` timed into ``ms[phase]``, less the time of the timed steps it calls (exclusive time)."""

    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        stack.append(0.0)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            ms[phase] += (elapsed - stack.pop()) * 1000
            stack[-1] += elapsed

    return timed


@contextmanager
def steps_timed(ms: dict[str, float], stack: list[float]) -> Iterator[None]:
    """While the block runs, every step in STEPS is replaced, where clean() looks it up, by itself timed."""
    saved = []
    try:
        for module_name, name, phase in STEPS:
            module = importlib.import_module(module_name)
            original = getattr(module, name, None)
            if original is not None:
                saved.append((module, name, original))
                setattr(module, name, _timed_step(original, phase, ms, stack))
        yield
    finally:
        for module, name, original in reversed(saved):
            setattr(module, name, original)


def phased_clean(markup: str | bytes, *, url: str | None = None) -> PhaseRun:
    """``newsclean.clean(markup, url=url)`` itself, with each of its steps timed where it calls them (STEPS):
    each phase's time is its steps' own time, less the timed steps they call; what no step covers (the
    glue in clean(), analyse() and finish()) goes to "assemble". Then the render, ``Article.to_json()``."""
    ms = dict.fromkeys((*PHASES, RENDER), 0.0)
    stack = [0.0]  # the time of the timed steps called at the top level
    with steps_timed(ms, stack):
        start = time.perf_counter()
        try:
            article, error = newsclean.clean(markup, url=url), ""
        except NewscleanError as exc:
            article, error = None, type(exc).__name__
        ms["assemble"] += (time.perf_counter() - start - stack[0]) * 1000
    if article is None:
        return PhaseRun(ms, None, error)
    start = time.perf_counter()
    article.to_json()
    ms[RENDER] = (time.perf_counter() - start) * 1000
    return PhaseRun(ms, article, "", article.form.value)


def clean_outcome(markup: str | bytes, url: str | None = None) -> tuple[float, Article | None, str]:
    """``newsclean.clean()`` timed: ms, the Article (or None) and the error type."""
    start = time.perf_counter()
    try:
        article, error = newsclean.clean(markup, url=url), ""
    except NewscleanError as exc:
        article, error = None, type(exc).__name__
    return (time.perf_counter() - start) * 1000, article, error


def bare_parse_ms(raw: bytes) -> float:
    """A bare lexbor parse of the page's bytes, as newsclean gets them."""
    start = time.perf_counter()
    LexborHTMLParser(raw)
    return (time.perf_counter() - start) * 1000


# --- one page -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PageTiming:
    """Every measure of one page in one form."""

    dataset: str  # "corpus" | "devset"
    page: str
    form: str  # "html" | "pandoc-gfm" | "pandoc-markdown"
    size: int  # bytes given to newsclean
    phases: Mapping[str, float]  # ms per phase, render included
    clean_ms: float  # newsclean.clean(), end to end, timed apart
    same: bool  # the phased Article equals clean()'s (or both raised the same error)
    error: str = ""  # clean()'s error type
    peers: Mapping[str, float] = field(default_factory=dict)  # peer (and "bare parse") → ms
    detected: str = ""  # the form newsclean detected (html, pandoc, text)

    @property
    def phase_total(self) -> float:
        return sum(v for k, v in self.phases.items() if k != RENDER)

    @property
    def second_opinion(self) -> bool:
        return self.phases.get("second opinion", 0.0) > 0


def time_page(dataset: str, page: str, form: str, raw: bytes, peers: Mapping[str, Callable[[str], Any]],
              repeats: int = 1, url: str | None = None) -> PageTiming:
    """clean() (the fastest of ``repeats``), then the timed-steps run (the fastest of ``repeats`` by its total), each
    peer (fastest of ``repeats`` each) and, for HTML, a bare parse of the bytes. Peers get the page decoded by
    newsclean's decoder, outside their time. clean() goes first: what a process meets for the first time (a
    language dateparser had not loaded yet) is then in its time, as in bench/devset.py's."""
    cleaned = [clean_outcome(raw, url) for _ in range(repeats)]
    clean_ms = min(ms for ms, _, _ in cleaned)
    runs = [phased_clean(raw, url=url) for _ in range(repeats)]
    best = min(runs, key=lambda run: run.total)
    _, article, error = cleaned[0]
    same = (best.article == article) if article is not None else (best.article is None and best.error == error)
    measured: dict[str, float] = {}
    if form == "html":
        text = _decoded(raw)
        for name, fn in peers.items():
            measured[name] = min(_peer_ms(fn, text) for _ in range(repeats))
        measured[BARE] = min(bare_parse_ms(raw) for _ in range(repeats))
    return PageTiming(dataset, page, form, len(raw), best.ms, clean_ms, same, error, measured, best.form)


def _decoded(raw: bytes) -> str:
    try:
        return decode(raw)[0]
    except Exception:  # noqa: BLE001 - undecodable for newsclean: peers still get something
        return raw.decode("utf-8", "replace")


def _peer_ms(fn: Callable[[str], Any], text: str) -> float:
    start = time.perf_counter()
    try:
        fn(text)
    except Exception:  # noqa: BLE001 - a peer failing on a page still took its time
        pass
    return (time.perf_counter() - start) * 1000


# --- corpus and devset --------------------------------------------------------------------

def corpus_timings(limit: int | None, repeats: int, peers: Mapping[str, Callable[[str], Any]]) -> tuple[list[PageTiming], str]:
    """Every corpus page (the fixtures when the corpus is not here), each form, fastest of ``repeats``."""
    from corpus import FORMS, load_pages

    pages, source = load_pages(None)
    pages = [p for p in pages if p.group != "seed"][:limit]
    _warm_up(peers)
    out = []
    for page in pages:
        for form in FORMS:
            if form in page.inputs:
                out.append(time_page("corpus", page.name, form, page.inputs[form], peers if form == "html" else {},
                                     repeats))
    return out, source


WARM_UP_PAGE = ("<html><head><title>Warm-up</title></head><body><nav>Home | News</nav><article><h1>Warm-up</h1>"
                + "".join(f"<p>Paragraph {i} of a short page that wakes every extractor up before the timing "
                          f"starts, long enough to be read as an article body.</p>" for i in range(8))
                + "</article><footer>Contact</footer></body></html>")


def _warm_up(peers: Mapping[str, Callable[[str], Any]]) -> None:
    """Imports, caches and compiled patterns, untimed: clean(), the phases, the fallback and every peer."""
    load_trafilatura()
    phased_clean(WARM_UP_PAGE.encode())
    phased_clean("# Warm-up\n\n::: {.story}\n" + "Some words of a paragraph. " * 20 + "\n:::\n")
    clean_outcome(WARM_UP_PAGE.encode())
    for fn in peers.values():
        _peer_ms(fn, WARM_UP_PAGE)


_WORKER_PEERS: dict[str, Callable[[str], Any]] = {}


def _init_worker(names: Sequence[str]) -> None:
    from peers import load_extractors

    ready, _ = load_extractors(list(names))
    _WORKER_PEERS.update(ready)
    _warm_up(_WORKER_PEERS)


def _devset_page(ref: Any) -> PageTiming:
    from devset import read_page

    raw, _ = read_page(ref)
    return time_page("devset", f"{ref.source}/{ref.page_id}", "html", raw, _WORKER_PEERS)


def devset_refs(count: int) -> list[Any]:
    """``count`` devset pages spread evenly over every source (every k-th page), the same on every run; 0: all."""
    from devset import SOURCES, list_pages, pick_spread

    if not DEVSET.is_dir():
        return []
    refs = list_pages(DEVSET, SOURCES, None)
    return refs if count <= 0 else pick_spread(refs, count)


def devset_timings(refs: Sequence[Any], peer_names: Sequence[str], jobs: int) -> list[PageTiming]:
    """Every chosen devset page, once each, in ``jobs`` worker processes (as bench/devset.py runs)."""
    if not refs:
        return []
    chunk = max(1, min(8, len(refs) // (jobs * 20) or 1))
    with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(tuple(peer_names),)) as pool:
        done = []
        for i, result in enumerate(pool.imap(_devset_page, refs, chunksize=chunk), 1):
            done.append(result)
            if i % 100 == 0 or i == len(refs):
                print(f"  devset {i}/{len(refs)}", file=sys.stderr, flush=True)
    return done


# --- large pages --------------------------------------------------------------------------

UNIT = '<p>Sentence number {n} with several ordinary words in it.</p><div class="ad">Advertisement</div>\n'


def generic_page(size: int) -> bytes:
    """A generic page of about ``size`` bytes: a paragraph and an ad div, repeated inside an article."""
    head, tail = "<html><body><article>\n", "</article></body></html>\n"
    parts, total, n = [head], len(head) + len(tail), 0
    while total < size:
        unit = UNIT.format(n=n)
        parts.append(unit)
        total += len(unit)
        n += 1
    parts.append(tail)
    return "".join(parts).encode("ascii")


@dataclass(frozen=True, slots=True)
class LargePage:
    """One generic page measured in a fresh process."""

    size: int
    paragraphs: int
    clean_s: float  # fastest of the runs
    runs: int
    phases: Mapping[str, float]  # ms
    bare_s: float
    baseline_mb: float  # RSS after imports and a warm-up, before the page is read
    peak_mb: float  # peak RSS while reading the page and cleaning it once
    error: str = ""
    # peak RSS over its own baseline of a bare lexbor parse of the page read in another fresh process (the
    # floor under newsclean's memory: the tree alone); nan when that process failed
    bare_over_baseline_mb: float = float("nan")

    @property
    def over_baseline_mb(self) -> float:
        return self.peak_mb - self.baseline_mb

    @property
    def x_input(self) -> float:
        return self.over_baseline_mb * 2**20 / self.size

    @property
    def bare_x_input(self) -> float:
        return self.bare_over_baseline_mb * 2**20 / self.size


def _status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def large_child(path: str, runs: int) -> dict[str, Any]:
    """In a fresh process: imports and a warm-up, the baseline RSS, then the page read and cleaned once
    (peak RSS, the peak counter reset before the read), then more timed runs, the phases and a bare parse."""
    load_trafilatura()
    warm = generic_page(20_000)
    newsclean.clean(warm)
    phased_clean(warm)
    LexborHTMLParser(warm)
    gc.collect()
    baseline = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from here
    except OSError:
        pass
    raw = Path(path).read_bytes()
    times, paragraphs, error = [], 0, ""
    start = time.perf_counter()
    try:
        article = newsclean.clean(raw)
        paragraphs = len(article.paragraphs)
        del article
    except NewscleanError as exc:
        error = type(exc).__name__
    times.append(time.perf_counter() - start)
    peak = _status_kb("VmHWM")
    gc.collect()
    for _ in range(runs - 1):
        start = time.perf_counter()
        try:
            newsclean.clean(raw)
        except NewscleanError:
            pass
        times.append(time.perf_counter() - start)
    phases = phased_clean(raw).ms if min(times) <= LARGE_PHASES_UP_TO_S else {}
    bare = []
    for _ in range(3):
        start = time.perf_counter()
        LexborHTMLParser(raw)
        bare.append(time.perf_counter() - start)
    return {"size": len(raw), "paragraphs": paragraphs, "clean_s": min(times), "runs": len(times), "phases": phases,
            "bare_s": min(bare), "baseline_mb": baseline / 1024, "peak_mb": peak / 1024, "error": error}


def large_parse_child(path: str) -> dict[str, float]:
    """In a fresh process: a warm-up parse, the baseline RSS, then the page read and parsed once by
    lexbor alone (``LexborHTMLParser(bytes)``); the peak RSS over the baseline, as large_child measures
    newsclean's."""
    LexborHTMLParser(generic_page(20_000))
    gc.collect()
    baseline = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    raw = Path(path).read_bytes()
    tree = LexborHTMLParser(raw)
    peak = _status_kb("VmHWM")
    del tree, raw
    return {"bare_over_baseline_mb": (peak - baseline) / 1024}


def _bare_parse_memory(page: Path) -> float:
    """large_parse_child's answer for the page, in its own process; nan when that process fails."""
    try:
        done = subprocess.run([sys.executable, __file__, "--large-parse-child", str(page)], capture_output=True,
                              text=True, check=False, timeout=LARGE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return float("nan")
    if done.returncode != 0:
        return float("nan")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["bare_over_baseline_mb"])


def large_pages(sizes_mb: Sequence[float], folder: Path) -> tuple[list[LargePage], list[str]]:
    """Each size in a fresh process (python bench/speed.py --large-child PAGE RUNS); a size whose process
    fails is named in the failures and the next size still runs."""
    out, failures = [], []
    for mb in sizes_mb:
        page = folder / f"generic-{mb:g}MB.html"
        page.write_bytes(generic_page(int(mb * MB)))
        runs = 1 if mb >= 10 else 3
        try:
            done = subprocess.run([sys.executable, __file__, "--large-child", str(page), str(runs)],
                                  capture_output=True, text=True, check=False, timeout=LARGE_TIMEOUT_S)
            bare_mb = _bare_parse_memory(page)
        except subprocess.TimeoutExpired:
            failures.append(f"the {mb:g} MB page's process was stopped after {LARGE_TIMEOUT_S:.0f} s")
            continue
        finally:
            page.unlink()
        if done.returncode != 0:
            failures.append(f"the {mb:g} MB page's process failed: {_last_line(done.stderr)}")
            continue
        out.append(LargePage(**json.loads(done.stdout.strip().splitlines()[-1]), bare_over_baseline_mb=bare_mb))
        print(f"  {mb:g} MB page: {out[-1].clean_s:.2f} s, +{out[-1].over_baseline_mb:.0f} MB", file=sys.stderr,
              flush=True)
    return out, failures


def _last_line(stderr: str) -> str:
    """A failed process's error (its last line), after its whole output goes to this process's stderr."""
    print(stderr[-4000:], file=sys.stderr)
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no error output"


# --- the command on a WARC ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class JobsRun:
    """``newsclean WARC --jobs N``: wall time of the whole command (fastest of the rounds)."""

    jobs: int
    seconds: float
    rows: int
    cpu_s: float = float("nan")  # CPU time of the command and its workers, user + system
    others_cpu_s: float = float("nan")  # CPU time every other process on the machine took meanwhile (Linux)


def write_warc(path: Path, refs: Sequence[Any]) -> int:
    """A gzipped WARC of the pages' bytes as HTTP responses (with the page's URL when the devset gives one)."""
    from devset import read_page
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for ref in refs:
            raw, truth = read_page(ref)
            url = truth.get("url") or f"https://devset.invalid/{ref.source}/{ref.page_id}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(str(url), "response", payload=io.BytesIO(raw),
                                                          http_headers=http))
    return path.stat().st_size


def _busy_cpu_s() -> float:
    """CPU seconds every process on the machine has used since boot (``/proc/stat``); NaN where there is none."""
    try:
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    steal = ticks[7] if len(ticks) > 7 else 0
    return (sum(ticks[:8]) - idle - steal) / os.sysconf("SC_CLK_TCK")


def _wait_until_quiet(limit_s: float) -> None:
    """Wait (at most ``limit_s``) until the machine's cores are idle: another process's work on the same
    cores would slow --jobs 2 (which needs both) far more than --jobs 1."""
    cores = os.cpu_count() or 1
    deadline = time.perf_counter() + limit_s
    while time.perf_counter() < deadline:
        busy, start = _busy_cpu_s(), time.perf_counter()
        time.sleep(2.0)
        used = _busy_cpu_s() - busy
        if not math.isfinite(used) or used <= (1 - WARC_QUIET_IDLE) * cores * (time.perf_counter() - start):
            return


def jobs_runs(warc: Path, rounds: int, folder: Path) -> tuple[list[JobsRun], int]:
    """--jobs 1 and --jobs 2, alternating, up to ``rounds`` times each (a round after the first only while a
    round takes under WARC_MORE_ROUNDS_UNDER_S: the time budget); the fastest of each kept, and the rounds run.
    Each run starts once the machine is idle (or after WARC_QUIET_WAIT_S), and the CPU other processes took
    meanwhile is kept with it."""
    best: dict[int, JobsRun] = {}
    done_rounds = 0
    while done_rounds < rounds and (done_rounds == 0 or sum(r.seconds for r in best.values()) < WARC_MORE_ROUNDS_UNDER_S):
        done_rounds += 1
        for jobs in (1, 2):
            out = folder / f"out-{jobs}.jsonl"
            _wait_until_quiet(WARC_QUIET_WAIT_S)
            before, busy = resource.getrusage(resource.RUSAGE_CHILDREN), _busy_cpu_s()
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "newsclean", str(warc), "--jobs", str(jobs), "--quiet",
                                   "--out", str(out)], capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            others = max(0.0, _busy_cpu_s() - busy - cpu)
            if done.returncode not in (0, 1):  # 1: some pages gave no article, still a complete run
                raise RuntimeError(f"newsclean --jobs {jobs} failed ({done.returncode}): {_last_line(done.stderr)}")
            rows = sum(1 for _ in out.open(encoding="utf-8"))
            if jobs not in best or seconds < best[jobs].seconds:
                best[jobs] = JobsRun(jobs, seconds, rows, cpu, others)
            print(f"  --jobs {jobs}: {seconds:.1f} s ({cpu:.1f} s CPU; other processes {others:.1f} s), {rows} rows",
                  file=sys.stderr, flush=True)
    return [best[1], best[2]], done_rounds


# --- summaries ----------------------------------------------------------------------------

def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p95(values: Sequence[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


@dataclass(frozen=True, slots=True)
class Speed:
    """One extractor over a set of pages."""

    pages: int
    median: float
    mean: float
    p95: float
    total_ms: float
    mb: float

    @property
    def ms_per_mb(self) -> float:
        return self.total_ms / self.mb if self.mb else float("nan")


def speed_of(times: Sequence[float], sizes: Sequence[int]) -> Speed:
    return Speed(len(times), _median(times), statistics.fmean(times) if times else float("nan"), _p95(times),
                 sum(times), sum(sizes) / MB)


def extractor_speeds(timings: Sequence[PageTiming], peers: Sequence[str]) -> dict[str, Speed]:
    """newsclean (clean()), each peer and the bare parse over the HTML pages every one of them ran on."""
    html = [t for t in timings if t.form == "html" and all(name in t.peers for name in (*peers, BARE))]
    sizes = [t.size for t in html]
    speeds = {"newsclean": speed_of([t.clean_ms for t in html], sizes)}
    for name in (*peers, BARE):
        speeds[name] = speed_of([t.peers[name] for t in html], sizes)
    return speeds


def phase_means(timings: Sequence[PageTiming]) -> dict[str, float]:
    """Mean ms per page of each phase (render included) and of their sum ("total")."""
    if not timings:
        return {}
    means = {phase: statistics.fmean(t.phases.get(phase, 0.0) for t in timings) for phase in (*PHASES, RENDER)}
    means["total"] = statistics.fmean(t.phase_total for t in timings)
    means["clean()"] = statistics.fmean(t.clean_ms for t in timings)
    return means


@dataclass(frozen=True, slots=True)
class FormRatio:
    """A pandoc form's clean() time against the HTML form's, on the pages that have both."""

    form: str
    pages: int
    median_ratio: float  # median over pages of (form ms / html ms)
    total_ratio: float  # total form ms / total html ms
    median_ms: float

    @property
    def met(self) -> bool:
        return self.median_ratio <= TARGET_PANDOC_X_HTML and self.total_ratio <= TARGET_PANDOC_X_HTML


def form_ratios(timings: Sequence[PageTiming]) -> list[FormRatio]:
    html = {t.page: t.clean_ms for t in timings if t.form == "html"}
    out = []
    for form in ("pandoc-gfm", "pandoc-markdown"):
        pairs = [(t.clean_ms, html[t.page]) for t in timings if t.form == form and t.page in html]
        if pairs:
            out.append(FormRatio(form, len(pairs), _median([a / b for a, b in pairs]),
                                 sum(a for a, _ in pairs) / sum(b for _, b in pairs), _median([a for a, _ in pairs])))
    return out


@dataclass(frozen=True, slots=True)
class DevsetRun:
    """bench/devset.py's run, read from its per-page CSV: totals over every page."""

    pages: int
    newsclean_ms: float
    trafilatura_ms: float
    bare_ms: float | None  # None: the CSV predates the bare-parse column

    @property
    def x_trafilatura(self) -> float:
        return self.trafilatura_ms / self.newsclean_ms

    @property
    def x_bare(self) -> float | None:
        return self.newsclean_ms / self.bare_ms if self.bare_ms else None


def devset_run(csv_path: Path) -> DevsetRun | None:
    """The devset run's totals (None when there is no CSV, or no newsclean and trafilatura times in it)."""
    import csv

    if not csv_path.is_file():
        return None
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    if not rows or "newsclean_ms" not in rows[0] or "trafilatura_ms" not in rows[0]:
        return None
    bare = sum(float(r["bare_parse_ms"]) for r in rows) if "bare_parse_ms" in rows[0] else None
    return DevsetRun(len(rows), sum(float(r["newsclean_ms"]) for r in rows),
                     sum(float(r["trafilatura_ms"]) for r in rows), bare)


# --- the report ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Results:
    """Everything one run measured."""

    corpus: Sequence[PageTiming]
    devset: Sequence[PageTiming]
    large: Sequence[LargePage]
    jobs: Sequence[JobsRun]
    warc_pages: int
    warc_mb: float
    warc_rounds: int
    devset_run: DevsetRun | None
    peers: Sequence[str]


@dataclass(frozen=True, slots=True)
class RunInfo:
    """How the report was made."""

    argv: Sequence[str]
    seconds: float
    partial: bool
    corpus_source: str
    devset_of: int  # pages in the devset
    load: tuple[float, float]
    missing: Mapping[str, str] = field(default_factory=dict)
    failures: Sequence[str] = ()  # parts that failed (their process's error), each left out of the tables
    parts: Mapping[str, float] = field(default_factory=dict)  # part → seconds it took
    jobs: int = 2  # worker processes for the devset pages
    repeats: int = 3  # runs per corpus page and form (the fastest kept)
    missing_steps: Sequence[str] = ()  # STEPS the library no longer has


def _x(value: float | None) -> str:
    return f"{value:.2f}×" if value is not None and math.isfinite(value) else "—"


def _ms(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def target_lines(results: Results) -> list[str]:
    """Issue 14's speed targets: met, not met, or n/a with the reason."""
    lines = ["| target | result | met |", "| --- | --- | --- |"]
    run = results.devset_run
    sample = extractor_speeds(results.devset, results.peers) if results.devset else {}
    sample_note = ""
    if sample and "trafilatura" in sample:
        ours = sample["newsclean"].total_ms
        sample_note = (f"; this run's {sample['newsclean'].pages}-page sample: {sample['trafilatura'].total_ms / ours:.2f}× "
                       f"trafilatura, {ours / sample[BARE].total_ms:.1f}× a bare parse")
    target = (f"devset, every page: newsclean ≥ {TARGET_X_TRAFILATURA:.0f}× faster than trafilatura and ≤ "
              f"{TARGET_X_BARE:.0f}× a bare lexbor parse of the same bytes (accuracy: the devset section's targets)")
    if run is None:
        lines.append(f"| {target} | n/a (no devset run: python bench/devset.py){sample_note} | n/a |")
    else:
        bare = (f"{run.x_bare:.1f}× a bare parse" if run.x_bare is not None
                else "bare parse not in its CSV (rerun bench/devset.py)")
        ok = run.x_trafilatura >= TARGET_X_TRAFILATURA and run.x_bare is not None and run.x_bare <= TARGET_X_BARE
        lines.append(f"| {target} | {run.x_trafilatura:.2f}× trafilatura, {bare} (total time over its {run.pages} pages, "
                     f"bench/devset.py's run: `{DEVSET_CSV.name}`){sample_note} | {met(ok)} |")
    ratios = form_ratios(results.corpus)
    target = f"pandoc forms: each ≤ {TARGET_PANDOC_X_HTML:.0f}× the HTML form's time on the same page (corpus median and total)"
    if ratios:
        text = "; ".join(f"{r.form}: median {r.median_ratio:.2f}×, total {r.total_ratio:.2f}× ({r.pages} pages)"
                         for r in ratios)
        lines.append(f"| {target} | {text} | {met(all(r.met for r in ratios))} |")
    else:
        lines.append(f"| {target} | n/a (no page with a pandoc form) | n/a |")
    big = max(results.large, key=lambda p: p.size, default=None)
    time_target = f"a {TARGET_LARGE_MB} MB generic page in under {TARGET_LARGE_S:.0f} s"
    memory_target = f"… and its peak memory under {TARGET_LARGE_X_INPUT:.0f}× the input's size"
    if big is None or big.size < TARGET_LARGE_MB * MB * 0.99:
        why = "n/a (no 50 MB page in this run)"
        lines += [f"| {time_target} | {why} | n/a |", f"| {memory_target} | {why} | n/a |"]
    else:
        lines.append(f"| {time_target} | {big.clean_s:.2f} s ({big.size / MB:.1f} MB, "
                     f"{big.clean_s * 1000 / (big.size / MB):.0f} ms/MB){' — ' + big.error if big.error else ''} | "
                     f"{met(big.clean_s < TARGET_LARGE_S and not big.error)} |")
        floor = (f"; a bare lexbor parse of the page alone, in its own process: {big.bare_x_input:.1f}×"
                 if big.bare_over_baseline_mb == big.bare_over_baseline_mb else "")
        lines.append(f"| {memory_target} | {big.x_input:.1f}× (peak RSS {big.peak_mb:.0f} MB − baseline "
                     f"{big.baseline_mb:.0f} MB = {big.over_baseline_mb:.0f} MB, input included){floor} | "
                     f"{met(big.x_input < TARGET_LARGE_X_INPUT)} |")
    target = f"`newsclean` on a {results.warc_pages:,}-page WARC: --jobs 2 ≥ {TARGET_JOBS_SPEEDUP}× --jobs 1 (wall time)"
    if len(results.jobs) == 2:
        one, two = results.jobs
        speedup = one.seconds / two.seconds
        lines.append(f"| {target} | {speedup:.2f}× ({one.seconds:.1f} s against {two.seconds:.1f} s) | "
                     f"{met(speedup >= TARGET_JOBS_SPEEDUP and results.warc_pages >= 1000)} |")
    else:
        lines.append(f"| {target} | n/a (not run) | n/a |")
    return lines


def speed_table(speeds: Mapping[str, Speed]) -> list[str]:
    """ms per page and per MB of newsclean, the peers and the bare parse."""
    ours = speeds["newsclean"].total_ms
    lines = ["| extractor | pages | MB | median ms/page | mean ms/page | p95 ms/page | ms per MB | total time ÷ newsclean's |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, s in speeds.items():
        label = "bare `LexborHTMLParser(bytes)`" if name == BARE else "newsclean `clean()`" if name == "newsclean" else name
        lines.append(f"| {label} | {s.pages} | {s.mb:.1f} | {_ms(s.median)} | {_ms(s.mean)} | {_ms(s.p95)} | "
                     f"{_ms(s.ms_per_mb)} | {s.total_ms / ours:.2f} |")
    return lines


SIZE_BUCKETS = ((0, 30_000), (30_000, 100_000), (100_000, 300_000), (300_000, 1_000_000), (1_000_000, 10**12))


def _bucket_label(low: int, high: int) -> str:
    kb = lambda n: f"{n // 1000:,} KB" if n < MB else f"{n // MB} MB"  # noqa: E731
    return f"under {kb(high)}" if low == 0 else f"{kb(low)} and over" if high >= 10**12 else f"{kb(low)}–{kb(high)}"


def bucket_table(timings: Sequence[PageTiming], peers: Sequence[str]) -> list[str]:
    """ms per MB by page size."""
    names = ("newsclean", *peers, BARE)
    lines = ["| page size | pages | " + " | ".join(f"{n} ms/MB" for n in names) + " |",
             "| --- | ---: | " + " | ".join("---:" for _ in names) + " |"]
    for low, high in SIZE_BUCKETS:
        chosen = [t for t in timings if low <= t.size < high]
        if not chosen:
            continue
        speeds = extractor_speeds(chosen, peers)
        lines.append(f"| {_bucket_label(low, high)} | {speeds['newsclean'].pages} | "
                     + " | ".join(_ms(speeds[n].ms_per_mb) for n in names) + " |")
    return lines


def phase_table(columns: Mapping[str, tuple[Sequence[PageTiming], float]], large: LargePage | None) -> list[str]:
    """Mean ms per page of each phase (and its share of the phases' sum) for each set of pages; ms per MB for
    the first; the largest generic page's phases in seconds."""
    heads, aligns = ["phase"], ["---"]
    means = {}
    for name, (timings, _) in columns.items():
        means[name] = phase_means(timings)
        heads += [f"{name} ms/page", "share"]
        aligns += ["---:", "---:"]
    first = next(iter(columns), None)
    if first is not None:
        heads.insert(3, f"{first} ms/MB")
        aligns.insert(3, "---:")
    if large is not None:
        heads += [f"{large.size / MB:.0f} MB page s", "share"]
        aligns += ["---:", "---:"]
    lines = ["| " + " | ".join(heads) + " |", "| " + " | ".join(aligns) + " |"]
    large_total = sum(v for k, v in large.phases.items() if k != RENDER) if large else 0.0
    for phase in (*PHASES, "total", "clean()", RENDER):
        label = {"total": "**sum of the phases**", "clean()": "`clean()` timed on its own"}.get(phase, phase)
        cells = [label]
        for name, (timings, mb) in columns.items():
            m = means[name]
            value = m.get(phase, float("nan"))
            total = m.get("total", float("nan"))
            share = "" if phase in ("total", "clean()", RENDER) else f"{100 * value / total:.1f} %" if total else "—"
            cells += [_ms(value), share]
            if name == first:
                cells.append(_ms(value * len(timings) / mb) if mb else "—")
        if large is not None:
            value = large.phases.get(phase, float("nan")) if phase not in ("total", "clean()") else (
                large_total if phase == "total" else large.clean_s * 1000)
            share = "" if phase in ("total", "clean()", RENDER) else f"{100 * value / large_total:.1f} %"
            cells += [f"{value / 1000:.2f}", share]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def large_table(large: Sequence[LargePage]) -> list[str]:
    lines = ["| page | paragraphs | `clean()` s | ms per MB | bare parse s | × bare parse | baseline RSS MB | "
             "peak RSS − baseline MB | × input | bare parse: peak RSS − baseline MB | × input |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for p in large:
        bare = (f"{p.bare_over_baseline_mb:.0f} | {p.bare_x_input:.1f}"
                if p.bare_over_baseline_mb == p.bare_over_baseline_mb else "— | —")
        lines.append(f"| {p.size / MB:.1f} MB | {p.paragraphs:,}{' (' + p.error + ')' if p.error else ''} | "
                     f"{p.clean_s:.2f} | {p.clean_s * 1000 / (p.size / MB):,.0f} | {p.bare_s:.3f} | "
                     f"{p.clean_s / p.bare_s:.1f} | {p.baseline_mb:.0f} | {p.over_baseline_mb:.0f} | {p.x_input:.1f} | "
                     f"{bare} |")
    return lines


def jobs_table(results: Results) -> list[str]:
    lines = ["| command | pages | seconds | pages/s | CPU seconds, all its processes | CPU seconds, other processes "
             "meanwhile | rows written |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in results.jobs:
        lines.append(f"| `newsclean pages.warc.gz --jobs {run.jobs} --quiet --out out.jsonl` | {results.warc_pages:,} | "
                     f"{run.seconds:.1f} | {results.warc_pages / run.seconds:.1f} | "
                     f"{f'{run.cpu_s:.1f}' if math.isfinite(run.cpu_s) else '—'} | "
                     f"{f'{run.others_cpu_s:.1f}' if math.isfinite(run.others_cpu_s) else '—'} | {run.rows:,} |")
    return lines


def section(results: Results, info: RunInfo) -> str:
    """The speed section of docs/benchmark.md."""
    command = " ".join(["python bench/speed.py", *map(shlex.quote, info.argv)])
    devset_speeds = extractor_speeds(results.devset, results.peers) if results.devset else {}
    corpus_speeds = extractor_speeds(results.corpus, results.peers) if results.corpus else {}
    both = [*results.devset, *results.corpus]
    differs = [t for t in both if not t.same]
    unsure = [t for t in results.devset if t.second_opinion]
    corpus_html = [t for t in results.corpus if t.form == "html"]
    lines = [
        "## Speed: phases, page size, large pages, --jobs",
        "",
        f"Generated by `{command}` on {dt.date.today().isoformat()} in {info.seconds:.0f} s"
        + (" (" + ", ".join(f"{part} {seconds:.0f} s" for part, seconds in info.parts.items()) + ")" if info.parts else "")
        + f"{' — a partial run' if info.partial else ''}. Nothing below is edited by hand.",
        "",
        f"- Machine: {machine_line(VERSIONS_SHOWN)}. Load average (1 min) {info.load[0]:.1f} at the start, {info.load[1]:.1f} at the end.",
        f"- Pages: {len(results.devset)} of the {info.devset_of} devset pages, spread evenly over every source (every "
        f"k-th page), each timed once in {info.jobs} worker processes as bench/devset.py times them; and "
        f"{len(corpus_html)} pages of {info.corpus_source} (the seeds left out), each form timed {info.repeats} "
        f"time{'s' if info.repeats != 1 else ''} in this process and the fastest kept. On each page `clean()` runs "
        "first, then the timed-steps run, then the peers and the bare parse, one after another. Imports and a warm-up "
        "call are never timed. newsclean gets the raw bytes (decoding is part of its "
        "time); the peers get the page decoded by newsclean's decoder, outside their time; the bare parse is "
        "`LexborHTMLParser(raw bytes)`. trafilatura runs with its default settings (`bare_extraction`, as in "
        "bench/run.py). MB = 10⁶ bytes of the page as given to newsclean.",
        "- Phases: `newsclean.clean()` run once more with each of its steps timed where `src/newsclean/_api.py` "
        "and `attempts.py` call them (bench/speed.py, `STEPS` and `phased_clean`): a phase is its steps' own time, "
        "less the timed steps they call, so the phases add up to that run's whole time and follow the order the "
        "library runs them in. "
        f"That run gave the same `Article` as `clean()` on {len(both) - len(differs)} of {len(both)} pages"
        + (f" (differs: {', '.join(f'{t.page} ({t.form})' for t in differs[:8])}"
           + (", …" if len(differs) > 8 else "") + ")" if differs else "")
        + "; the untimed-steps `clean()` is the time every table but the phase table uses."
        + (f" Steps the library no longer has (their time is in the phase that calls them): "
           f"{', '.join(info.missing_steps)}." if info.missing_steps else ""),
    ]
    if info.missing:
        lines.append("- Left out: " + "; ".join(f"{k}: {v}" for k, v in info.missing.items()) + ".")
    for failure in info.failures:
        lines.append(f"- Failed, so left out: {failure}".replace("|", "\\|"))
    lines += ["", "### Targets (issue 14)", "", *target_lines(results), ""]
    if devset_speeds:
        lines += ["### Time per page and per MB: devset pages", "",
                  "ms per MB is total time over total size. The last column is the extractor's total time over "
                  "newsclean's (trafilatura's is how many times faster newsclean is; the bare parse's is the share "
                  "of newsclean's time one parse of the page would take).", "",
                  *speed_table(devset_speeds), "", "By page size (ms per MB):", "",
                  *bucket_table(results.devset, results.peers), ""]
    if corpus_speeds:
        lines += ["### Time per page and per MB: corpus pages (HTML)", "", *speed_table(corpus_speeds), ""]
    columns: dict[str, tuple[Sequence[PageTiming], float]] = {}
    if results.devset:
        columns["devset"] = (results.devset, sum(t.size for t in results.devset) / MB)
    for form in ("html", "pandoc-gfm", "pandoc-markdown"):
        chosen = [t for t in results.corpus if t.form == form]
        if chosen:
            columns[f"corpus {form}"] = (chosen, sum(t.size for t in chosen) / MB)
    big = max((p for p in results.large if p.phases), key=lambda p: p.size, default=None)
    if columns:
        lines += ["### Time per phase", "",
                  "Mean ms per page of each phase of `clean()`, its share of their sum, and for the devset pages "
                  "ms per MB; the last columns are the largest generic page below whose phases were timed (in "
                  f"seconds; a generic page's phases are timed only when its `clean()` took at most "
                  f"{LARGE_PHASES_UP_TO_S:.0f} s, to keep the run short). Each phase is:", ""]
        lines += [f"- **{phase}**: {note}." for phase, note in PHASE_NOTES.items()]
        lines += ["", *phase_table(columns, big), ""]
        if results.devset:
            lines.append(f"The second opinion (trafilatura) ran on {len(unsure)} of {len(results.devset)} devset pages "
                         f"({100 * len(unsure) / len(results.devset):.1f} %); on those pages newsclean took "
                         f"{_ms(_median([t.clean_ms for t in unsure]))} ms (median) against "
                         f"{_ms(_median([t.clean_ms for t in results.devset if not t.second_opinion]))} ms on the others.")
            forms = Counter(t.detected or "no article" for t in results.devset)
            if set(forms) - {"html", "no article"}:
                lines.append("The devset pages are all HTML; newsclean read them as "
                             + ", ".join(f"{form} {count}" for form, count in forms.most_common()) + ".")
            lines.append("")
    ratios = form_ratios(results.corpus)
    if ratios:
        lines += ["### Pandoc forms against the HTML (corpus)", "",
                  "`clean()` on each pandoc form of a corpus page against the same page's HTML.", "",
                  "| form | pages | median ms/page | median of (form ÷ HTML) per page | total form ÷ total HTML |",
                  "| --- | ---: | ---: | ---: | ---: |",
                  f"| html | {len(corpus_html)} | {_ms(_median([t.clean_ms for t in corpus_html]))} | 1.00× | 1.00× |"]
        lines += [f"| {r.form} | {r.pages} | {_ms(r.median_ms)} | {_x(r.median_ratio)} | {_x(r.total_ratio)} |"
                  for r in ratios]
        lines.append("")
    lines += ["### Time against page size", "",
              f"![newsclean, trafilatura and a bare parse: ms against page size]({PLOT})", "",
              "Devset pages (dots) and the generic pages below (line), log-log; the dotted lines are 10, 100 and 1,000 "
              "ms per MB.", ""]
    if results.large:
        lines += ["Generic pages: `<html><body><article>`, then `<p>Sentence number N with several ordinary words in "
                  "it.</p><div class=\"ad\">Advertisement</div>` repeated to the size. Each size runs in a fresh "
                  "process: imports and a warm-up on a 20 KB page of the same kind (which also imports trafilatura, "
                  "the fallback), then the baseline RSS, then the page is read from disk and cleaned once, the peak "
                  "RSS (`VmHWM`, reset before the read through `/proc/self/clear_refs`) taken after it. Peak − "
                  "baseline therefore counts the input's own bytes too. The bare parse's memory is measured the same "
                  "way in another fresh process (selectolax imported, a warm-up parse, the page read and parsed "
                  "once): the tree alone, the floor under newsclean's. `clean()` s is the fastest of 3 runs (of 1 "
                  f"for pages of 10 MB and over); a page's process is stopped after {LARGE_TIMEOUT_S:.0f} s.", "",
                  *large_table(results.large), ""]
    if results.jobs:
        lines += ["### The command on a WARC: --jobs", "",
                  f"A gzipped WARC ({results.warc_mb:.1f} MB) of {results.warc_pages:,} devset pages, spread evenly over "
                  "every source (every k-th page), as HTTP responses with each page's URL where the devset gives one "
                  "(`warcio`), cleaned by the command with `--jobs 1` and `--jobs 2`: wall "
                  "time of the whole command (interpreter start, reading the WARC, writing the JSONL), "
                  f"fastest of {results.warc_rounds} alternating run{'s' if results.warc_rounds != 1 else ''} of each "
                  f"(another round only while a round took under {WARC_MORE_ROUNDS_UNDER_S:.0f} s: runs of the same command "
                  "vary by up to a fifth on this machine, so the fastest is the one least disturbed). "
                  "CPU seconds: user + system time of the "
                  "command and every process it started (from `getrusage(RUSAGE_CHILDREN)`). Each run starts once "
                  f"the machine's cores are {WARC_QUIET_IDLE:.0%} idle (or after {WARC_QUIET_WAIT_S:.0f} s); the CPU "
                  "seconds other processes took meanwhile (`/proc/stat`) say whether it shared the cores: "
                  "--jobs 2 needs both.", "",
                  *jobs_table(results), ""]
    return "\n".join(lines).rstrip() + "\n"


def plot(path: Path, results: Results, partial: bool) -> bool:
    """Log-log scatter of ms against page size: newsclean, trafilatura and the bare parse; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=110)
    html = [t for t in results.devset if BARE in t.peers]
    series = (("newsclean", "tab:blue", lambda t: t.clean_ms), ("trafilatura", "tab:orange", lambda t: t.peers.get("trafilatura")),
              (BARE, "tab:gray", lambda t: t.peers.get(BARE)))
    for name, colour, pick in series:
        points = [(t.size / 1000, pick(t)) for t in html if pick(t)]
        if points:
            ax.scatter(*zip(*points), s=7, alpha=0.35, color=colour, label=f"{name} (devset pages)", linewidths=0)
    if results.large:
        sizes = [p.size / 1000 for p in results.large]
        ax.plot(sizes, [p.clean_s * 1000 for p in results.large], "o-", color="tab:blue", label="newsclean (generic pages)")
        ax.plot(sizes, [p.bare_s * 1000 for p in results.large], "o-", color="tab:gray", label="bare parse (generic pages)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    xs = [t.size / 1000 for t in html] + [p.size / 1000 for p in results.large]
    if xs:
        span = [min(xs), max(xs)]
        for per_mb in (10, 100, 1000):
            ax.plot(span, [x / 1000 * per_mb for x in span], ":", color="black", linewidth=0.8)
            ax.annotate(f"{per_mb} ms/MB", (span[1], span[1] / 1000 * per_mb), fontsize=8, ha="right", va="bottom")
    ax.set_xlabel("page size (KB)")
    ax.set_ylabel("ms")
    title = "Time against page size"
    ax.set_title(f"PARTIAL RUN — {title}" if partial else title)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return True


def replace_section(document: str, text: str) -> str:
    """The document with what lies between the speed markers replaced (appended, marked, when absent)."""
    return replace_marked(document, text, MARK_START, MARK_END, "speed")


def pages_csv(results: Results) -> str:
    """One row per page and form: size, the form detected, clean()'s ms, each phase's, each peer's."""
    import csv

    handle = io.StringIO()
    writer = csv.writer(handle, lineterminator="\n")
    peers = [*results.peers, BARE]
    writer.writerow(["dataset", "page", "form", "detected", "bytes", "clean_ms", "same_article", "error",
                     *(f"{phase.replace(' ', '_')}_ms" for phase in (*PHASES, RENDER)),
                     *(f"{name.replace(' ', '_')}_ms" for name in peers)])
    for t in [*results.corpus, *results.devset]:
        writer.writerow([t.dataset, t.page, t.form, t.detected, t.size, f"{t.clean_ms:.3f}", int(t.same), t.error,
                         *(f"{t.phases.get(phase, 0.0):.3f}" for phase in (*PHASES, RENDER)),
                         *(f"{t.peers[name]:.3f}" if name in t.peers else "" for name in peers)])
    return handle.getvalue()


def write_outputs(out: Path, text: str, results: Results, partial: bool) -> list[Path]:
    """The plot and the section: into docs/benchmark.md between the markers, or beside the plot when partial."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / PLOT] if plot(out / PLOT, results, partial) else []
    PARTIAL_OUT.mkdir(parents=True, exist_ok=True)  # the per-page times are for digging, never committed
    (PARTIAL_OUT / PAGES_CSV).write_text(pages_csv(results), encoding="utf-8")
    written.append(PARTIAL_OUT / PAGES_CSV)
    if partial:
        (out / PARTIAL_MD).write_text(f"PARTIAL RUN: not the committed benchmark\n\n{text}", encoding="utf-8")
        return [*written, out / PARTIAL_MD]
    report = out / "benchmark.md"
    document = report.read_text(encoding="utf-8") if report.is_file() else ""
    report.write_text(replace_section(document, text), encoding="utf-8")
    return [*written, report]


# --- command line -------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a smoke run: few pages, small large pages (bench/out/)")
    parser.add_argument("--limit", type=int, help=f"devset pages in the sample (default {FULL.devset_pages}; 0: every "
                                                  "page); any other number is a partial run")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the devset pages (default 2)")
    parser.add_argument("--large-child", nargs=2, metavar=("PAGE", "RUNS"), help=argparse.SUPPRESS)
    parser.add_argument("--large-parse-child", metavar="PAGE", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.large_child:
        print(json.dumps(large_child(args.large_child[0], int(args.large_child[1]))))
        return 0
    if args.large_parse_child:
        print(json.dumps(large_parse_child(args.large_parse_child)))
        return 0
    from peers import load_extractors

    started, load_at_start = time.perf_counter(), os.getloadavg()[0]
    plan = QUICK if args.quick else FULL
    if args.limit is not None:
        plan = dataclasses.replace(plan, devset_pages=args.limit)
    plan = dataclasses.replace(plan, jobs=args.jobs)
    peer_fns, missing = load_extractors(list(PEERS))
    peer_names = [name for name in PEERS if name in peer_fns]
    all_refs = devset_refs(0)
    partial = (args.quick or args.limit not in (None, 0, FULL.devset_pages) or bool(missing) or not all_refs
               or args.jobs != FULL.jobs or not corpus_folders())
    out = PARTIAL_OUT if partial else DOCS
    if partial:
        print(f"partial run: writing to {out}/, not docs/", file=sys.stderr)
    else:
        report = DOCS / "benchmark.md"  # a broken speed section fails now, not after the run
        replace_section(report.read_text(encoding="utf-8") if report.is_file() else "", "")
    parts: dict[str, float] = {}
    mark = time.perf_counter()

    def part_done(name: str) -> None:
        nonlocal mark
        parts[name] = time.perf_counter() - mark
        mark = time.perf_counter()
        print(f"  {name}: {parts[name]:.0f} s", file=sys.stderr, flush=True)

    print("corpus …", file=sys.stderr, flush=True)
    corpus, corpus_source = corpus_timings(plan.corpus_pages, plan.corpus_repeats, peer_fns)
    part_done("corpus")
    refs = all_refs if plan.devset_pages <= 0 else devset_refs(plan.devset_pages)
    print(f"devset: {len(refs)} pages …", file=sys.stderr, flush=True)
    devset = devset_timings(refs, peer_names, plan.jobs)
    part_done("devset")
    failures: list[str] = []  # a part that failed is reported, and the run is then partial: the rest is kept
    jobs: list[JobsRun] = []
    warc_rounds = 0
    warc_refs = devset_refs(plan.warc_pages)
    warc_mb = 0.0
    with tempfile.TemporaryDirectory(prefix="newsclean-speed-") as tmp:
        print("large pages …", file=sys.stderr, flush=True)
        large, failed = large_pages(plan.large_mb, Path(tmp))
        failures += [f"large pages: {why}" for why in failed]
        part_done("large pages")
        if warc_refs:
            print(f"WARC of {len(warc_refs)} pages …", file=sys.stderr, flush=True)
            warc = Path(tmp) / "pages.warc.gz"
            warc_mb = write_warc(warc, warc_refs) / MB
            try:
                jobs, warc_rounds = jobs_runs(warc, plan.warc_rounds, Path(tmp))
            except RuntimeError as exc:
                failures.append(f"WARC: {exc}")
            part_done("WARC")
    if failures and not partial:
        partial, out = True, PARTIAL_OUT
        print(f"a part failed: writing to {out}/, not docs/", file=sys.stderr)
    results = Results(corpus, devset, large, jobs, len(warc_refs), warc_mb, warc_rounds, devset_run(DEVSET_CSV),
                      peer_names)
    argv_list = list(sys.argv[1:] if argv is None else argv)
    info = RunInfo(argv_list, time.perf_counter() - started, partial, corpus_source, len(all_refs),
                   (load_at_start, os.getloadavg()[0]), missing, failures, parts, plan.jobs, plan.corpus_repeats,
                   missing_steps())
    text = section(results, info)
    written = write_outputs(out, text, results, partial)
    print(text)
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
