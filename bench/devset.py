"""newsclean and three peers on the development set: 3,983 real pages with hand-made main text.

    python bench/devset.py                      # every page, 4 extractors; writes docs/benchmark-devset-pages.csv
                                                # and the devset section of docs/benchmark.md
    python bench/devset.py --pandoc 500         # the same, plus newsclean on 500 article pages' pandoc forms
    python bench/devset.py --limit 20           # 20 pages per source: a partial run, written to bench/out/

Reads /work/shared/devset (see its README: layout, licences, how a body is scored). newsclean,
trafilatura (default settings), readability-lxml and resiliparse run on the same pages in the
same run, in a pool of worker processes; each page is decompressed and read before its timing,
and only the extractor call is timed. newsclean gets the raw bytes (decoding is part of its
work); peers get the page decoded to text by newsclean's decoder, as bench/run.py feeds them.
A bare lexbor parse of the same bytes is timed on every page too (the floor for issue 14's
"≤ 5× a bare parse"), and newsclean's accuracy is compared with the last committed run's.
A page an extractor raises on or returns nothing for scores 0 and counts as a refusal.

A partial run (--limit, --sources, --extractors, or a peer that is not installed) never writes
to docs/: its CSV and section go to bench/out/.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import choose, machine_line, met, replace_marked  # noqa: E402
from corpus import ROOT  # noqa: E402
from metrics import PageScore, Summary, f1, score, summarise  # noqa: E402
from peers import Extracted, load_extractors  # noqa: E402
from tqdm import tqdm  # noqa: E402

VERSIONS_SHOWN = ("newsclean", "trafilatura", "readability-lxml", "resiliparse", "selectolax", "lxml")  # the packages whose versions the machine line gives

DEVSET = ROOT.parent / "shared" / "devset"
SOURCES = ("dragnet", "msv-big9", "cleanportaleval", "wcxb-dev", "cleaneval-dev", "cleaneval-final")
ALL_ARTICLE_SOURCES = frozenset({"dragnet", "msv-big9", "cleanportaleval"})
EXTRACTORS = ("newsclean", "trafilatura", "readability-lxml", "resiliparse")
DOCS = ROOT / "docs"
PAGES_CSV = "benchmark-devset-pages.csv"
PARTIAL_OUT = ROOT / "bench" / "out"
MARK_START, MARK_END = "<!-- devset:start -->", "<!-- devset:end -->"

CALL_TIMEOUT_S = 120  # one extractor call on one page; past it the page is refused ("CallTimeout")
PANDOC_TIMEOUT_S = 60
PANDOC_FORMS = ("gfm", "markdown")
PANDOC_CACHE = Path.home() / ".cache" / "newsclean-bench" / "pandoc"
MOVED_TOP = 15

TARGET_MAX_REFUSED = 0.005  # share of article pages newsclean may refuse
TARGET_MAX_FALLBACK = 0.10  # share of article pages newsclean may hand to trafilatura
TARGET_SPEEDUP = 3.0  # newsclean against trafilatura, total time on the same pages
TARGET_SPEEDUP_14 = 10.0  # issue 14: the same ratio, raised
TARGET_MAX_X_BARE = 5.0  # issue 14: newsclean's total time over a bare lexbor parse of the same bytes
ACCURACY_TOLERANCE = 0.001  # issue 14: "accuracy unchanged" — shingle F1 no lower than this below the last run's
TARGET_PANDOC_PAGES = 500
TARGET_PANDOC_DELTA = 0.02
READABILITY_TARGET_SOURCES = ("dragnet", "msv-big9", "cleanportaleval")

T = TypeVar("T")
NO_SCORE = PageScore(0.0, 0.0, 0.0, 0.0, 0.0, False)
WARM_UP_PAGE = ("<html><head><title>Warm-up</title></head><body><nav>Home | News</nav><article><h1>Warm-up</h1>"
                + "".join(f"<p>Paragraph {i} of a short page that wakes every extractor up before the timing "
                          f"starts, long enough to be read as an article body.</p>" for i in range(8))
                + "</article><footer>Contact</footer></body></html>")


# --- records ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PageRef:
    """Where one devset page lives."""

    source: str
    page_id: str
    folder: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """One extractor on one page: its score, time, and why it gave nothing when it did not."""

    score: PageScore
    ms: float  # wall-clock time of the call
    cpu_ms: float  # this process's CPU time during the call (steadier when the machine is shared)
    refusal: str = ""  # "" | "empty" | "NotAnArticle" | "CallTimeout" | the exception's type
    detail: str = ""  # the exception's message, for the report's examples
    path: str = ""  # newsclean: the extractor path that produced the body
    confidence: float | None = None  # newsclean: how sure that path was


@dataclass(frozen=True, slots=True)
class PageResult:
    """Every extractor on one page."""

    source: str
    page_id: str
    is_article: bool
    outcomes: Mapping[str, Outcome]
    bare_parse_ms: float | None = None  # LexborHTMLParser(the page's bytes), timed in the same run
    promises: Promises | None = None  # newsclean: the library's promises, checked on this page's texts


@dataclass(frozen=True, slots=True)
class Promises:
    """Two of newsclean's promises on one page's real texts (untimed): clean text comes back
    unchanged (the page's hand-made text, fed as it is), and cleaning its own output again
    changes nothing (None when it gave no output). Each is "" when kept, else what broke it."""

    truth_unchanged: str
    output_unchanged: str | None


@dataclass(frozen=True, slots=True)
class ExtractorStats:
    """One extractor over a group of pages: accuracy, refusals by kind, fallback, time."""

    summary: Summary
    refused: int
    not_an_article: int
    errors: int  # raised anything but NotAnArticle
    empty: int
    fallback: int  # newsclean: bodies that came from its trafilatura fallback
    ms_median: float
    ms_mean: float
    ms_total: float
    cpu_ms_total: float


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the per-source tables: a source (or every source) and a subset of its pages."""

    source: str
    subset: str  # "all" | "article" | "other"
    pages: int
    stats: Mapping[str, ExtractorStats]
    bare_ms: tuple[float, ...] = ()  # a bare parse of each page's bytes (empty when not timed on every page)

    @property
    def bare_total(self) -> float | None:
        """Total ms of the bare parses of the row's pages (None when they were not timed)."""
        return sum(self.bare_ms) if self.bare_ms else None


@dataclass(frozen=True, slots=True)
class Move:
    """A page whose newsclean shingle F1 changed between two runs."""

    source: str
    page_id: str
    old: float
    new: float

    @property
    def delta(self) -> float:
        """New minus old."""
        return self.new - self.old


@dataclass(frozen=True, slots=True)
class Moves:
    """The pages that moved most, and how many pages the comparison covered."""

    up: tuple[Move, ...]
    down: tuple[Move, ...]
    compared: int
    changed: int  # pages whose shingle F1 moved by more than 0.001


@dataclass(frozen=True, slots=True)
class Conversion:
    """A pandoc conversion of one page: the text, or why there is none."""

    text: str | None
    failure: str = ""  # "" | "timeout" | "error"


@dataclass(frozen=True, slots=True)
class PandocPage:
    """newsclean on one page's HTML and on its pandoc forms."""

    source: str
    page_id: str
    outcomes: Mapping[str, Outcome]  # form ("html", "gfm", "markdown") → newsclean's outcome
    failures: Mapping[str, str]  # pandoc form → "timeout" | "error", for forms that did not convert


# --- the pure pieces ----------------------------------------------------------------------

def is_article(source: str, truth: Mapping[str, object]) -> bool:
    """The devset README's rule: every page of the news sources, news/blog in CleanEval, page_type article in WCXB."""
    if source in ALL_ARTICLE_SOURCES:
        return True
    if source.startswith("cleaneval"):
        return truth.get("kind") in ("news", "blog")
    if source.startswith("wcxb"):
        return truth.get("page_type") == "article"
    return truth.get("kind") in ("news", "blog", "article")


def refusal_of(result: Extracted) -> str:
    """Why an extractor's result counts as a refusal ("" when it gave text)."""
    if result.error:
        return "empty" if result.error == "None" else result.error  # trafilatura's None is an empty answer
    return "" if result.text.strip() else "empty"


def natural_key(name: str) -> tuple[object, ...]:
    """Sort key that puts page-9 before page-10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def pick_spread(items: Sequence[PageRef], n: int) -> list[PageRef]:
    """n items spread evenly over the sequence (every k-th), the same ones on every run."""
    if n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def extractor_stats(name: str, outcomes: Sequence[Outcome]) -> ExtractorStats:
    """Accuracy (the devset README's averaging), refusals by kind, fallback count and time of one extractor."""
    kinds = Counter(o.refusal for o in outcomes if o.refusal)
    times = [o.ms for o in outcomes]
    return ExtractorStats(
        summary=summarise(o.score for o in outcomes),
        refused=sum(kinds.values()),
        not_an_article=kinds["NotAnArticle"],
        errors=sum(count for kind, count in kinds.items() if kind not in ("NotAnArticle", "empty")),
        empty=kinds["empty"],
        fallback=sum(1 for o in outcomes if name == "newsclean" and o.path == "trafilatura"),
        ms_median=statistics.median(times) if times else 0.0,
        ms_mean=statistics.fmean(times) if times else 0.0,
        ms_total=sum(times),
        cpu_ms_total=sum(o.cpu_ms for o in outcomes),
    )


def make_row(source: str, subset: str, pages: Sequence[PageResult], extractors: Sequence[str]) -> Row:
    """One table row: every extractor's stats over the given pages."""
    stats = {name: extractor_stats(name, [p.outcomes[name] for p in pages if name in p.outcomes])
             for name in extractors}
    bare = tuple(p.bare_parse_ms for p in pages if p.bare_parse_ms is not None)
    return Row(source, subset, len(pages), stats, bare if len(bare) == len(pages) else ())


def summary_rows(results: Sequence[PageResult], extractors: Sequence[str]) -> list[Row]:
    """Per source: all, article and other pages (only the subsets that differ); then every source together."""
    rows: list[Row] = []
    sources = sorted({r.source for r in results}, key=lambda s: (SOURCES.index(s) if s in SOURCES else len(SOURCES), s))
    for source in sources:
        pages = [r for r in results if r.source == source]
        articles, others = [r for r in pages if r.is_article], [r for r in pages if not r.is_article]
        if not others or not articles:
            rows.append(make_row(source, "article" if articles else "other", pages, extractors))
            continue
        rows += [make_row(source, "all", pages, extractors), make_row(source, "article", articles, extractors),
                 make_row(source, "other", others, extractors)]
    for subset, keep in (("article", True), ("other", False)):
        chosen = [r for r in results if r.is_article is keep]
        if chosen:
            rows.append(make_row("all sources", subset, chosen, extractors))
    rows.append(make_row("all sources", "all", results, extractors))
    return rows


def shingle_f1_by_page(csv_text: str) -> dict[tuple[str, str], float]:
    """newsclean's per-page shingle F1 from a per-page CSV this script wrote (empty when it has none)."""
    found: dict[tuple[str, str], float] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        p, r = row.get("newsclean_shingle_p"), row.get("newsclean_shingle_r")
        if p and r and row.get("source") and row.get("page_id"):
            found[(row["source"], row["page_id"])] = f1(float(p), float(r))
    return found


def moved_most(old: Mapping[tuple[str, str], float], new: Mapping[tuple[str, str], float],
               top: int = MOVED_TOP) -> Moves:
    """The pages, in both runs, whose score rose most and fell most."""
    moves = [Move(source, page_id, old[(source, page_id)], value) for (source, page_id), value in new.items()
             if (source, page_id) in old]
    changed = [m for m in moves if abs(m.delta) > 0.001]
    up = sorted((m for m in changed if m.delta > 0), key=lambda m: (-m.delta, m.source, natural_key(m.page_id)))
    down = sorted((m for m in changed if m.delta < 0), key=lambda m: (m.delta, m.source, natural_key(m.page_id)))
    return Moves(tuple(up[:top]), tuple(down[:top]), len(moves), len(changed))


@dataclass(frozen=True, slots=True)
class AccuracyCheck:
    """newsclean's shingle F1 now and in the last committed run, over the pages both have."""

    pages: int
    old: float
    new: float

    @property
    def unchanged(self) -> bool:
        """No lower than the last run's (an improvement is no loss)."""
        return self.new >= self.old - ACCURACY_TOLERANCE


def shingle_pr_by_page(csv_text: str) -> dict[tuple[str, str], tuple[float, float]]:
    """newsclean's per-page shingle precision and recall from a per-page CSV this script wrote."""
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        p, r = row.get("newsclean_shingle_p"), row.get("newsclean_shingle_r")
        if p and r and row.get("source") and row.get("page_id"):
            found[(row["source"], row["page_id"])] = (float(p), float(r))
    return found


def accuracy_check(old: Mapping[tuple[str, str], tuple[float, float]],
                   results: Sequence[PageResult]) -> AccuracyCheck | None:
    """Shingle F1 (from page-averaged precision and recall) of the last run and of this one, on the same pages."""
    both = [(old[(r.source, r.page_id)], r.outcomes["newsclean"].score) for r in results
            if (r.source, r.page_id) in old and "newsclean" in r.outcomes]
    if not both:
        return None
    n = len(both)
    before = f1(sum(p for (p, _), _ in both) / n, sum(r for (_, r), _ in both) / n)
    now = f1(sum(s.shingle_p for _, s in both) / n, sum(s.shingle_r for _, s in both) / n)
    return AccuracyCheck(n, before, now)


def bare_parse_ms(raw: bytes) -> float:
    """A bare lexbor parse of the page's bytes — the floor no extractor of this page can beat."""
    from selectolax.lexbor import LexborHTMLParser

    start = time.perf_counter()
    LexborHTMLParser(raw)
    return (time.perf_counter() - start) * 1000


def replace_section(document: str, section: str) -> str:
    """The document with what lies between the devset markers replaced (appended, marked, when absent)."""
    return replace_marked(document, section, MARK_START, MARK_END, "devset")


# --- running the extractors ---------------------------------------------------------------

class CallTimeout(Exception):
    """An extractor call ran past CALL_TIMEOUT_S."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    """SIGALRM handler: stop the extractor call that ran too long."""
    raise CallTimeout(f"over {CALL_TIMEOUT_S} s")


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise CallTimeout in this (main) thread when the block runs longer than ``seconds``."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_WORKER: dict[str, Callable[[str | bytes], Extracted]] = {}


def init_worker(names: Sequence[str]) -> None:
    """Pool initializer: import the extractors and call each once on a small page, untimed."""
    extractors, _ = load_extractors(list(names))
    _WORKER.update(extractors)
    for name, fn in extractors.items():
        try:
            fn(WARM_UP_PAGE.encode("utf-8") if name == "newsclean" else WARM_UP_PAGE)
        except Exception:  # noqa: BLE001 - a warm-up failure shows up again, and is counted, on real pages
            pass


def decoded_for_peers(raw: bytes) -> str:
    """The page as text for the peers, decoded by newsclean's decoder (as bench/run.py does)."""
    from newsclean._input import decode

    try:
        return decode(raw)[0]
    except Exception:  # noqa: BLE001 - undecodable for newsclean: peers still get something
        return raw.decode("utf-8", "replace")


def timed_outcome(name: str, fn: Callable[[str | bytes], Extracted], markup: str | bytes, truth: str) -> Outcome:
    """Run one extractor on one page, timing only the call; a refusal scores 0."""
    return timed_run(name, fn, markup, truth)[0]


def timed_run(name: str, fn: Callable[[str | bytes], Extracted], markup: str | bytes,
              truth: str) -> tuple[Outcome, str]:
    """:func:`timed_outcome`, and the text the extractor gave ("" when it refused)."""
    detail = ""
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        with deadline(CALL_TIMEOUT_S):
            result = fn(markup)
    except Exception as exc:  # noqa: BLE001 - a crash on a page is a result, not the end of the run
        result, detail = Extracted("", error=type(exc).__name__), str(exc)[:200]
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu_start) * 1000
    refusal = refusal_of(result)
    outcome = Outcome(NO_SCORE if refusal else score(truth, result.text), ms, cpu_ms, refusal, detail,
                      (result.path or "") if name == "newsclean" else "", result.confidence)
    return outcome, "" if refusal else result.text


def comes_back_unchanged(text: str) -> str:
    """"" when ``newsclean.clean(text)`` reads it as clean text and gives it back as it is;
    else what happened instead (the form it was read as, or what it raised)."""
    import newsclean

    try:
        with deadline(CALL_TIMEOUT_S):
            article = newsclean.clean(text)
    except Exception as exc:  # noqa: BLE001 - a raise is a broken promise, reported, not the end of the run
        return f"raised {type(exc).__name__}"
    if article.text.strip() == text.strip():
        return ""
    return f"read as {article.form.value}" if article.form is not newsclean.Form.TEXT else "text changed"


def check_promises(truth: str, output: str) -> Promises:
    """:class:`Promises` on a page's hand-made text and on newsclean's output for it."""
    return Promises(comes_back_unchanged(truth) if truth.strip() else "",
                    comes_back_unchanged(output) if output.strip() else None)


def read_page(ref: PageRef) -> tuple[bytes, dict[str, object]]:
    """The page's bytes (decompressed) and its truth.json."""
    raw = gzip.decompress((ref.folder / "source.html.gz").read_bytes())
    truth = json.loads((ref.folder / "truth.json").read_text(encoding="utf-8"))
    return raw, truth


def measure_page(ref: PageRef, names: Sequence[str]) -> PageResult:
    """Every extractor on one page, one after another; bytes to newsclean, decoded text to peers."""
    raw, truth = read_page(ref)
    text = decoded_for_peers(raw)
    expected = str(truth["text"])
    outcomes: dict[str, Outcome] = {}
    promises = None
    for name in names:
        outcomes[name], output = timed_run(name, _WORKER[name], raw if name == "newsclean" else text, expected)
        if name == "newsclean":
            promises = check_promises(expected, output)
    return PageResult(ref.source, ref.page_id, is_article(ref.source, truth), outcomes, bare_parse_ms(raw), promises)


def list_pages(root: Path, sources: Sequence[str], limit: int | None) -> list[PageRef]:
    """The pages of the chosen sources, in natural order, the first ``limit`` of each."""
    refs: list[PageRef] = []
    for source in sources:
        folders = sorted((d for d in (root / source).iterdir() if (d / "truth.json").is_file()),
                         key=lambda d: natural_key(d.name))
        refs += [PageRef(source, d.name, d) for d in folders[:limit]]
    return refs


def run_pool(work: Callable[[PageRef], T], refs: Sequence[PageRef], names: Sequence[str], jobs: int,
             label: str) -> list[T]:
    """``work`` over every page in a pool of ``jobs`` processes, chunked, with a progress bar on stderr."""
    chunk = max(1, min(8, len(refs) // (jobs * 20) or 1))
    with multiprocessing.Pool(jobs, initializer=init_worker, initargs=(tuple(names),)) as pool:
        results = list(tqdm(pool.imap_unordered(work, refs, chunksize=chunk), total=len(refs), desc=label,
                            unit="page", file=sys.stderr, smoothing=0.05))
    return results


def measure_all(refs: Sequence[PageRef], names: Sequence[str], jobs: int) -> list[PageResult]:
    """Every extractor on every page, in page order."""
    results = run_pool(partial(measure_page, names=tuple(names)), refs, names, jobs, "devset")
    order = {(r.source, r.page_id): i for i, r in enumerate(refs)}
    return sorted(results, key=lambda r: order[(r.source, r.page_id)])


# --- pandoc forms -------------------------------------------------------------------------

def pandoc_version() -> str | None:
    """The installed pandoc's version, or None when there is none."""
    try:
        out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.split("\n", 1)[0].split()[-1]


def cache_path(ref: PageRef, form: str, html: str, version: str) -> Path:
    """Where the conversion of this page's text to ``form`` by this pandoc is cached."""
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
    return PANDOC_CACHE / version / form / ref.source / f"{ref.page_id}-{digest}.md"


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file, so an interrupted run never leaves half a conversion in the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial_path = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial_path.write_text(text, encoding="utf-8")
    partial_path.replace(path)


def convert(ref: PageRef, form: str, html: str, version: str, timeout: float) -> Conversion:
    """``pandoc --sandbox -f html -t form`` of the page's UTF-8 text, cached outside the repo; failures cached too."""
    path = cache_path(ref, form, html, version)
    failed = path.with_suffix(".failed")
    if path.is_file():
        return Conversion(path.read_text(encoding="utf-8"))
    if failed.is_file():
        kind, _, seconds = failed.read_text(encoding="utf-8").partition(" ")
        if kind == "error" or float(seconds or 0) >= timeout:
            return Conversion(None, kind)
    try:
        done = subprocess.run(["pandoc", "--sandbox", "-f", "html", "-t", form], input=html.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        _write_atomically(failed, f"timeout {timeout}")
        return Conversion(None, "timeout")
    if done.returncode != 0:
        _write_atomically(failed, f"error {done.stderr.decode('utf-8', 'replace')[:500]}")
        return Conversion(None, "error")
    text = done.stdout.decode("utf-8", "replace")
    _write_atomically(path, text)
    return Conversion(text)


def pandoc_page(ref: PageRef, version: str, timeout: float) -> PandocPage:
    """newsclean on the page's bytes and on each pandoc form of its text."""
    raw, truth = read_page(ref)
    html, expected = decoded_for_peers(raw), str(truth["text"])
    newsclean = _WORKER["newsclean"]
    outcomes = {"html": timed_outcome("newsclean", newsclean, raw, expected)}
    failures: dict[str, str] = {}
    for form in PANDOC_FORMS:
        conversion = convert(ref, form, html, version, timeout)
        if conversion.text is None:
            failures[form] = conversion.failure
        else:
            outcomes[form] = timed_outcome("newsclean", newsclean, conversion.text, expected)
    return PandocPage(ref.source, ref.page_id, outcomes, failures)


def pandoc_pages(refs: Sequence[PageRef], results: Sequence[PageResult], n: int, jobs: int,
                 version: str) -> list[PandocPage]:
    """newsclean on n article pages (every k-th across sources) as HTML, gfm and pandoc markdown."""
    articles = {(r.source, r.page_id) for r in results if r.is_article}
    chosen = pick_spread([ref for ref in refs if (ref.source, ref.page_id) in articles], n)
    done = run_pool(partial(pandoc_page, version=version, timeout=PANDOC_TIMEOUT_S), chosen, ["newsclean"], jobs,
                    "pandoc")
    order = {(ref.source, ref.page_id): i for i, ref in enumerate(chosen)}
    return sorted(done, key=lambda p: order[(p.source, p.page_id)])


# --- the report ---------------------------------------------------------------------------

def _f3(value: float) -> str:
    """A score as the tables print it."""
    return f"{value:.3f}"


def _pct(part: int, whole: int) -> str:
    """A share of pages as the tables print it."""
    return f"{100 * part / whole:.1f} %" if whole else "—"


def _row_label(row: Row) -> str:
    """The first two cells of a table row: source (bold for every source together) and subset."""
    label = f"**{row.source}**" if row.source == "all sources" else row.source
    return f"{label} | {row.subset}"


def accuracy_table(rows: Sequence[Row], extractors: Sequence[str]) -> list[str]:
    """Shingle F1 (token F1) of every extractor per row; the best shingle F1 of a row in bold."""
    lines = ["| source | subset | pages | " + " | ".join(extractors) + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in extractors) + " |"]
    for row in rows:
        best = max(row.stats[name].summary.shingle_f1 for name in extractors)
        cells = []
        for name in extractors:
            s = row.stats[name].summary
            cell = f"{_f3(s.shingle_f1)} ({_f3(s.token_f1)})"
            cells.append(f"**{cell}**" if s.shingle_f1 == best else cell)
        lines.append(f"| {_row_label(row)} | {row.pages} | " + " | ".join(cells) + " |")
    return lines


def refusal_table(rows: Sequence[Row], extractors: Sequence[str]) -> list[str]:
    """newsclean's refusals by kind and fallback share, and every peer's refusals, per row."""
    peers = [name for name in extractors if name != "newsclean"]
    ours = "newsclean" in extractors
    head = ["NotAnArticle", "other exception", "empty", "refused", "trafilatura fallback"] if ours else []
    lines = ["| source | subset | pages | " + " | ".join([*head, *(f"{p} refused" for p in peers)]) + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in [*head, *peers]) + " |"]
    for row in rows:
        cells = []
        if ours:
            s = row.stats["newsclean"]
            cells += [str(s.not_an_article), str(s.errors), str(s.empty), f"{s.refused} ({_pct(s.refused, row.pages)})",
                      f"{s.fallback} ({_pct(s.fallback, row.pages)})"]
        cells += [f"{row.stats[p].refused} ({_pct(row.stats[p].refused, row.pages)})" for p in peers]
        lines.append(f"| {_row_label(row)} | {row.pages} | " + " | ".join(cells) + " |")
    return lines


def speed_ratio(row: Row, *, cpu: bool = False) -> float:
    """trafilatura's total (wall or CPU) time over newsclean's on the row's pages (both ran on every page)."""
    if "newsclean" not in row.stats or "trafilatura" not in row.stats:
        return float("nan")
    total = (lambda s: s.cpu_ms_total) if cpu else (lambda s: s.ms_total)  # noqa: E731
    ours = total(row.stats["newsclean"])
    return total(row.stats["trafilatura"]) / ours if ours else float("nan")


def bare_ratio(row: Row) -> float:
    """newsclean's total time over a bare parse's on the row's pages (nan when either is missing)."""
    bare = row.bare_total
    if "newsclean" not in row.stats or not bare:
        return float("nan")
    return row.stats["newsclean"].ms_total / bare


def speed_table(rows: Sequence[Row], extractors: Sequence[str]) -> list[str]:
    """Median / mean ms per page of every extractor and of a bare parse per row, trafilatura ÷ newsclean and
    newsclean ÷ the bare parse."""
    ratio = "newsclean" in extractors and "trafilatura" in extractors
    bare = "newsclean" in extractors and any(row.bare_ms for row in rows)
    lines = ["| source | subset | pages | " + " | ".join(extractors) + (" | bare parse" if bare else "")
             + (" | trafilatura ÷ newsclean | (CPU time)" if ratio else "") + (" | newsclean ÷ bare parse" if bare else "")
             + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in extractors) + (" | ---:" if bare else "")
             + (" | ---: | ---:" if ratio else "") + (" | ---:" if bare else "") + " |"]
    for row in rows:
        cells = [f"{row.stats[name].ms_median:.1f} / {row.stats[name].ms_mean:.1f}" for name in extractors]
        if bare:
            cells.append(f"{statistics.median(row.bare_ms):.2f} / {statistics.fmean(row.bare_ms):.2f}" if row.bare_ms
                         else "—")
        if ratio:
            cells += [f"{speed_ratio(row):.2f}×", f"{speed_ratio(row, cpu=True):.2f}×"]
        if bare:
            cells.append(f"{bare_ratio(row):.1f}×" if row.bare_ms else "—")
        lines.append(f"| {_row_label(row)} | {row.pages} | " + " | ".join(cells) + " |")
    return lines


def _source_rows(rows: Sequence[Row]) -> list[Row]:
    """Each source's row over all its pages."""
    return [r for r in rows if r.source != "all sources" and (r.subset == "all" or not any(
        o.source == r.source and o.subset == "all" for o in rows))]


def _versus(rows: Sequence[Row], peer: str, sources: Iterable[str] | None = None) -> tuple[bool, str]:
    """Whether newsclean's shingle F1 is ≥ the peer's on each source (all its pages), and the numbers."""
    chosen = [r for r in _source_rows(rows) if sources is None or r.source in sources]
    parts, ok = [], bool(chosen)
    for r in chosen:
        ours, theirs = r.stats["newsclean"].summary.shingle_f1, r.stats[peer].summary.shingle_f1
        ok &= ours >= theirs
        parts.append(f"{r.source} {ours:.4f} vs {theirs:.4f}" + ("" if ours >= theirs else " ✗"))
    return ok, "; ".join(parts)


def target_lines(rows: Sequence[Row], extractors: Sequence[str], pandoc: PandocReport | None) -> list[str]:
    """The issue-12 targets, each with its result and whether it is met."""
    lines = ["| target | result | met |", "| --- | --- | --- |"]
    if "newsclean" not in extractors:
        return [*lines, "| — | newsclean not run | — |"]
    if "trafilatura" in extractors:
        ok, text = _versus(rows, "trafilatura")
        lines.append(f"| shingle F1 ≥ trafilatura on every source (all its pages) | {text} | {met(ok)} |")
    if "readability-lxml" in extractors:
        ok, text = _versus(rows, "readability-lxml", READABILITY_TARGET_SOURCES)
        lines.append(f"| shingle F1 ≥ readability-lxml on {', '.join(READABILITY_TARGET_SOURCES)} | {text} | {met(ok)} |")
    articles = next((r for r in rows if r.source == "all sources" and r.subset == "article"), None)
    if articles:
        s = articles.stats["newsclean"]
        lines.append(f"| ≤ {TARGET_MAX_REFUSED * 100:.1f} % of article pages refused | {s.refused} of {articles.pages} "
                     f"({100 * s.refused / articles.pages:.2f} %: NotAnArticle {s.not_an_article}, other exception {s.errors}, "
                     f"empty {s.empty}) | {met(s.refused <= TARGET_MAX_REFUSED * articles.pages)} |")
        lines.append(f"| trafilatura fallback on ≤ {TARGET_MAX_FALLBACK * 100:.0f} % of article pages | {s.fallback} of "
                     f"{articles.pages} ({_pct(s.fallback, articles.pages)}) | "
                     f"{met(s.fallback <= TARGET_MAX_FALLBACK * articles.pages)} |")
    every = next(r for r in rows if r.source == "all sources" and r.subset == "all")
    if "trafilatura" in extractors:
        ratio = speed_ratio(every)
        lines.append(f"| newsclean ≥ {TARGET_SPEEDUP:.0f}× faster than trafilatura | {ratio:.2f}× (total wall time, all "
                     f"{every.pages} pages; {speed_ratio(every, cpu=True):.2f}× in CPU time; median "
                     f"{every.stats['newsclean'].ms_median:.1f} vs {every.stats['trafilatura'].ms_median:.1f} ms) | "
                     f"{met(ratio >= TARGET_SPEEDUP)} |")
    if pandoc is not None:
        lines.append(pandoc.target_line())
    return lines


def speed_target_lines(rows: Sequence[Row], extractors: Sequence[str], accuracy: AccuracyCheck | None) -> list[str]:
    """Issue 14's devset line — ≥ 10× trafilatura, ≤ 5× a bare parse, accuracy unchanged — each part with its
    result and whether it is met (n/a with the reason when this run cannot tell)."""
    lines = ["| target | result | met |", "| --- | --- | --- |"]
    if "newsclean" not in extractors:
        return [*lines, "| — | newsclean not run | — |"]
    every = next(r for r in rows if r.source == "all sources" and r.subset == "all")
    ours = every.stats["newsclean"]
    target = f"newsclean ≥ {TARGET_SPEEDUP_14:.0f}× faster than trafilatura (default settings), every page"
    if "trafilatura" in extractors:
        ratio = speed_ratio(every)
        lines.append(f"| {target} | {ratio:.2f}× (total wall time, {every.pages} pages; {speed_ratio(every, cpu=True):.2f}× "
                     f"in CPU time) | {met(ratio >= TARGET_SPEEDUP_14)} |")
    else:
        lines.append(f"| {target} | n/a (trafilatura not run) | n/a |")
    target = f"newsclean ≤ {TARGET_MAX_X_BARE:.0f}× a bare lexbor parse (`LexborHTMLParser(bytes)`) of the same bytes"
    if every.bare_ms:
        ratio = bare_ratio(every)
        lines.append(f"| {target} | {ratio:.1f}× (total time, {every.pages} pages: {ours.ms_total / 1000:.1f} s against "
                     f"{(every.bare_total or 0) / 1000:.2f} s; median {ours.ms_median:.1f} vs "
                     f"{statistics.median(every.bare_ms):.2f} ms) | {met(ratio <= TARGET_MAX_X_BARE)} |")
    else:
        lines.append(f"| {target} | n/a (bare parse not timed on every page) | n/a |")
    target = "accuracy unchanged: newsclean's shingle F1 (every page) no lower than the last committed run's"
    if accuracy is None:
        lines.append(f"| {target} | n/a (no earlier per-page CSV to compare with) | n/a |")
    else:
        lines.append(f"| {target} | {accuracy.new:.4f} now, {accuracy.old:.4f} then ({accuracy.new - accuracy.old:+.4f}, "
                     f"{accuracy.pages} pages in both; tolerance {ACCURACY_TOLERANCE}) | {met(accuracy.unchanged)} |")
    return lines


@dataclass(frozen=True, slots=True)
class FormGap:
    """One page's newsclean shingle F1 on the HTML and on each pandoc form."""

    source: str
    page_id: str
    html: float
    gfm: float
    markdown: float

    @property
    def loss(self) -> float:
        """How far the worse pandoc form fell below the HTML."""
        return self.html - min(self.gfm, self.markdown)


@dataclass(frozen=True, slots=True)
class PandocReport:
    """newsclean's scores on the HTML and pandoc forms of the same article pages."""

    chosen: int
    compared: int
    failures: Mapping[str, Mapping[str, int]]  # form → failure kind → pages
    summaries: Mapping[str, Summary]  # form → newsclean over the compared pages
    refused: Mapping[str, int]  # form → pages newsclean refused
    by_source: Mapping[str, Mapping[str, Summary]]  # source → form → newsclean over its compared pages
    losses: tuple[FormGap, ...]  # the compared pages where a pandoc form lost most against the HTML

    def worst_delta(self) -> float:
        """The largest gap, token or shingle F1, between a pandoc form and the HTML."""
        html = self.summaries["html"]
        return max((max(abs(s.token_f1 - html.token_f1), abs(s.shingle_f1 - html.shingle_f1))
                    for form, s in self.summaries.items() if form != "html"), default=0.0)

    def target_line(self) -> str:
        """The issue-12 pandoc target and whether it is met."""
        delta = self.worst_delta()
        ok = self.compared >= TARGET_PANDOC_PAGES and delta <= TARGET_PANDOC_DELTA
        return (f"| pandoc forms (gfm, markdown) on ≥ {TARGET_PANDOC_PAGES} article pages: F1 within "
                f"{TARGET_PANDOC_DELTA} of the HTML | {self.compared} pages compared; largest gap {delta:.3f} "
                f"(token or shingle F1) | {met(ok)} |")


def pandoc_report(pages: Sequence[PandocPage], chosen: int) -> PandocReport:
    """Summaries of every form over the pages whose both pandoc forms converted."""
    both = [p for p in pages if not p.failures]
    failures = {form: dict(Counter(p.failures[form] for p in pages if form in p.failures)) for form in PANDOC_FORMS}
    forms = ("html", *PANDOC_FORMS)
    summaries = {form: summarise(p.outcomes[form].score for p in both) for form in forms}
    refused = {form: sum(1 for p in both if p.outcomes[form].refusal) for form in forms}
    by_source = {source: {form: summarise(p.outcomes[form].score for p in both if p.source == source) for form in forms}
                 for source in dict.fromkeys(p.source for p in both)}
    gaps = [FormGap(p.source, p.page_id, *(p.outcomes[form].score.shingle_f1 for form in forms)) for p in both]
    losses = tuple(sorted((g for g in gaps if g.loss > 0.001), key=lambda g: -g.loss)[:MOVED_TOP])
    return PandocReport(chosen, len(both), failures, summaries, refused, by_source, losses)


def pandoc_lines(report: PandocReport, version: str) -> list[str]:
    """The pandoc-forms table."""
    html = report.summaries["html"]
    fails = "; ".join(f"{form}: " + (", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none failed")
                      for form, kinds in report.failures.items())
    lines = [f"{report.chosen} article pages, spread evenly over the article pages of every source (every k-th), "
             f"converted with `pandoc --sandbox -f html -t gfm` and `-t markdown` (pandoc {version}, from the page "
             f"decoded to UTF-8, {PANDOC_TIMEOUT_S} s per conversion; cached in ~/.cache/newsclean-bench/pandoc/). "
             f"Conversions that failed — {fails}. Compared on the {report.compared} pages both forms converted.", "",
             "| form | pages | token F1 | shingle F1 | Δ token F1 | Δ shingle F1 | refused |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for form, s in report.summaries.items():
        dt_, ds = s.token_f1 - html.token_f1, s.shingle_f1 - html.shingle_f1
        lines.append(f"| {form} | {s.pages} | {_f3(s.token_f1)} | {_f3(s.shingle_f1)} | "
                     f"{'—' if form == 'html' else f'{dt_:+.3f}'} | {'—' if form == 'html' else f'{ds:+.3f}'} | "
                     f"{report.refused[form]} |")
    lines += ["", "By source, shingle F1 (token F1):", "", "| source | pages | html | gfm | markdown |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for source, forms in report.by_source.items():
        lines.append(f"| {source} | {forms['html'].pages} | "
                     + " | ".join(f"{_f3(s.shingle_f1)} ({_f3(s.token_f1)})" for s in forms.values()) + " |")
    lines += ["", f"Pages where a pandoc form lost most against the HTML (shingle F1; {len(report.losses)} shown):", "",
              "| source | page | html | gfm | markdown |", "| --- | --- | ---: | ---: | ---: |"]
    lines += [f"| {g.source} | {g.page_id} | {_f3(g.html)} | {_f3(g.gfm)} | {_f3(g.markdown)} |" for g in report.losses]
    return lines


def moved_lines(moves: Moves | None, origin: str) -> list[str]:
    """The pages whose newsclean shingle F1 rose and fell most since the previous run."""
    if moves is None:
        return ["First run: no previous per-page CSV to compare with."]
    lines = [f"Against {origin}: {moves.compared} pages in both runs, {moves.changed} moved by more than 0.001."]
    for title, group in (("Up", moves.up), ("Down", moves.down)):
        lines += ["", f"{title} ({len(group)}):", ""]
        if not group:
            lines.append("none")
            continue
        lines += ["| source | page | old | new | Δ |", "| --- | --- | ---: | ---: | ---: |"]
        lines += [f"| {m.source} | {m.page_id} | {_f3(m.old)} | {_f3(m.new)} | {m.delta:+.3f} |" for m in group]
    return lines


PROMISE_EXAMPLES = 8  # broken promises named in the report, the rest counted


def _broken_on(broken: Sequence[tuple[PageResult, str]]) -> str:
    named = ", ".join(f"{r.page_id} ({why})" for r, why in broken[:PROMISE_EXAMPLES])
    more = len(broken) - PROMISE_EXAMPLES
    return (named + (f", and {more} more" if more > 0 else "")) or "none"


def promise_lines(results: Sequence[PageResult]) -> list[str]:
    """The promises table: on how many real texts each of newsclean's promises held, and the
    pages it broke on."""
    checked = [r for r in results if r.promises is not None]
    if not checked:
        return ["Not checked (newsclean was not run)."]
    truths = [(r, r.promises.truth_unchanged) for r in checked if r.promises is not None]
    outputs = [(r, r.promises.output_unchanged) for r in checked
               if r.promises is not None and r.promises.output_unchanged is not None]
    rows = (("a page's hand-made text (`truth.json`, clean text already), given as it is, comes back unchanged",
             truths),
            ("newsclean's own text for the page, cleaned again, comes back unchanged", outputs))
    lines = ["| promise | texts | kept | broken on |", "| --- | ---: | ---: | --- |"]
    for label, pairs in rows:
        broken = [(r, why) for r, why in pairs if why]
        lines.append(f"| {label} | {len(pairs)} | {len(pairs) - len(broken)} | {_broken_on(broken)} |")
    return lines


def refusal_kinds_lines(results: Sequence[PageResult], extractors: Sequence[str]) -> list[str]:
    """Every extractor's refusals by kind, and a few examples of newsclean's unexpected exceptions."""
    lines = []
    for name in extractors:
        kinds = Counter(r.outcomes[name].refusal for r in results if r.outcomes[name].refusal)
        text = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()) or "none"
        lines.append(f"- {name}: {text}.")
    if "newsclean" in extractors:
        crashes = [r for r in results if r.outcomes["newsclean"].refusal not in ("", "empty", "NotAnArticle")]
        if crashes:
            lines += ["", f"newsclean raised something other than NotAnArticle on {len(crashes)} pages; the first ones:", ""]
            for r in crashes[:10]:
                o = r.outcomes["newsclean"]
                detail = " ".join(o.detail.split()).replace("|", "\\|")
                lines.append(f"- {r.source}/{r.page_id}: `{o.refusal}`" + (f": {detail}" if detail else ""))
    return lines


def load_note(load: tuple[float, float], jobs: int) -> str:
    """A warning when other processes shared the cores: wall times are then inflated, CPU times much less so."""
    if max(load) <= (os.cpu_count() or 1) + 0.5 and max(load) <= jobs + 1.5:
        return ""
    return (": other processes shared the cores during the run, so wall times are inflated and noisy; the CPU-time "
            "ratio is the steadier one")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What the report says about how it was made."""

    argv: Sequence[str]
    devset: Path
    seconds: float
    jobs: int
    missing: Mapping[str, str]
    pandoc_version: str | None
    partial: bool
    load: tuple[float, float]  # 1-minute load average when the run started and when it ended


def section(results: Sequence[PageResult], extractors: Sequence[str], info: RunInfo, moves: Moves | None,
            origin: str, pandoc: PandocReport | None, accuracy: AccuracyCheck | None = None) -> str:
    """The devset section of docs/benchmark.md."""
    rows = summary_rows(results, extractors)
    articles = sum(1 for r in results if r.is_article)
    sources = sorted({r.source for r in results}, key=lambda s: SOURCES.index(s) if s in SOURCES else 99)
    command = " ".join(["python bench/devset.py", *map(shlex.quote, info.argv)])
    pandoc_shown = [f"pandoc {info.pandoc_version}"] if info.pandoc_version else []
    lines = [
        "## Devset: real pages with hand-made main text",
        "",
        f"Generated by `{command}` on {dt.date.today().isoformat()} in {info.seconds:.0f} s "
        f"({info.jobs} worker processes){' — a partial run' if info.partial else ''}. Nothing below is edited by hand.",
        "",
        f"- Machine: {machine_line(VERSIONS_SHOWN, *pandoc_shown)}. Load average (1 min) {info.load[0]:.1f} at the start, "
        f"{info.load[1]:.1f} at the end{load_note(info.load, info.jobs)}.",
        f"- Pages: {len(results)} from {info.devset} ({', '.join(sources)}); {articles} article pages (every page of "
        "dragnet, msv-big9 and cleanportaleval; `kind` news or blog in cleaneval-*; `page_type` article in wcxb-dev), "
        f"{len(results) - articles} other pages.",
        "- Every extractor runs on every page in the same run, one after another on each page, in-process; the page is "
        "decompressed and read before the timing and only the extractor call is timed (once per page; imports and a "
        "warm-up call per worker are not). newsclean gets the raw bytes (decoding is part of its work, and of its time); "
        "the peers get the page decoded to text by newsclean's decoder, outside their time (as in bench/run.py). "
        "trafilatura runs with its default settings.",
        "- Scoring as the devset README says: token F1 (bag of lower-cased `\\w+` tokens) per page, averaged; shingle "
        "F1 from the page-averaged shingle precision and recall (4-token shingles). A page an extractor raises on or "
        f"returns nothing for scores 0 and counts as refused; a call over {CALL_TIMEOUT_S} s is stopped and refused.",
        "- Per-page results: [benchmark-devset-pages.csv](benchmark-devset-pages.csv).",
    ]
    if info.missing:
        lines.append("- Left out: " + "; ".join(f"{k}: {v}" for k, v in info.missing.items()) + ".")
    lines += ["", "### Targets (issue 12)", "", *target_lines(rows, extractors, pandoc), "",
              "### Targets (issue 14: speed)", "",
              f"Accuracy is compared with {origin or 'the last committed run'} on the pages both runs have.", "",
              *speed_target_lines(rows, extractors, accuracy), "",
              "### Body accuracy per source", "",
              "Shingle F1 (token F1 in brackets); the best shingle F1 of each row in bold. `all` rows are every page "
              "of the source and are what the per-source targets read.", "",
              *accuracy_table(rows, extractors), "",
              "### Refusals and newsclean's fallback", "",
              "Pages refused (raised or returned nothing) and, for newsclean, by kind; the trafilatura fallback is the "
              "share of pages whose body newsclean took from trafilatura (`Article.extractor == \"trafilatura\"`).", "",
              *refusal_table(rows, extractors), "",
              "By kind, over every page:", "", *refusal_kinds_lines(results, extractors), "",
              "### Promises on real text", "",
              "Two of the library's promises (stated by its property-based tests) checked on every page's real "
              "texts, untimed: clean text is a fixed point.", "",
              *promise_lines(results), "",
              "### Time per page", "",
              "Median / mean ms per page; trafilatura ÷ newsclean and newsclean ÷ bare parse are ratios of total times "
              "on the row's pages. The bare parse is `LexborHTMLParser(bytes)` of the page's raw bytes, timed in the "
              "same worker right after the extractors.",
              "", *speed_table(rows, extractors), "",
              "### Pandoc forms", ""]
    lines += pandoc_lines(pandoc, info.pandoc_version or "?") if pandoc else ["Not run this time (`--pandoc N`)."]
    lines += ["", "### Pages whose newsclean shingle F1 moved most since the last committed run", "",
              *moved_lines(moves, origin)]
    return "\n".join(lines) + "\n"


def pandoc_cells(page: PandocPage | None) -> list[str]:
    """newsclean's score and refusal on each pandoc form of a page: pandoc-timeout / pandoc-error when the form
    did not convert, blank when the page was not chosen."""
    cells: list[str] = []
    for form in PANDOC_FORMS:
        o = page.outcomes.get(form) if page else None
        if o is None:
            failure = page.failures.get(form, "") if page else ""
            cells += ["", "", "", f"pandoc-{failure}" if failure else ""]
        else:
            cells += [f"{o.score.token_f1:.4f}", f"{o.score.shingle_p:.4f}", f"{o.score.shingle_r:.4f}", o.refusal]
    return cells


def pages_csv(results: Sequence[PageResult], extractors: Sequence[str], pandoc: Sequence[PandocPage] = ()) -> str:
    """One row per page: its source, id, whether it is an article, and every extractor's score, time and refusal
    (and newsclean's on the pandoc forms of the pages that had them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["source", "page_id", "is_article"]
    for name in extractors:
        header += [f"{name}_token_f1", f"{name}_shingle_p", f"{name}_shingle_r", f"{name}_ms", f"{name}_cpu_ms",
                   f"{name}_refused"]
        if name == "newsclean":
            header += ["newsclean_path", "newsclean_confidence"]
    if pandoc:
        header += [f"newsclean_{form}_{column}" for form in PANDOC_FORMS
                   for column in ("token_f1", "shingle_p", "shingle_r", "refused")]
    header.append("bare_parse_ms")
    writer.writerow(header)
    by_page = {(p.source, p.page_id): p for p in pandoc}
    for r in results:
        cells: list[object] = [r.source, r.page_id, int(r.is_article)]
        for name in extractors:
            o = r.outcomes[name]
            cells += [f"{o.score.token_f1:.4f}", f"{o.score.shingle_p:.4f}", f"{o.score.shingle_r:.4f}", f"{o.ms:.2f}",
                      f"{o.cpu_ms:.2f}", o.refusal]
            if name == "newsclean":
                cells += [o.path, "" if o.confidence is None else f"{o.confidence:.3f}"]
        if pandoc:
            cells += pandoc_cells(by_page.get((r.source, r.page_id)))
        cells.append("" if r.bare_parse_ms is None else f"{r.bare_parse_ms:.3f}")
        writer.writerow(cells)
    return out.getvalue()


def previous_csv(docs_csv: Path) -> tuple[str | None, str]:
    """The last committed per-page CSV (else the one on disk), and where it came from."""
    relative = docs_csv.relative_to(ROOT).as_posix()
    try:
        shown = subprocess.run(["git", "show", f"HEAD:{relative}"], cwd=ROOT, capture_output=True, text=True,
                               check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        shown = None
    if shown is not None and shown.returncode == 0 and shown.stdout.strip():
        return shown.stdout, f"the committed `{relative}` (HEAD)"
    if docs_csv.is_file():
        return docs_csv.read_text(encoding="utf-8"), f"`{relative}` as it was on disk before this run"
    return None, ""


# --- command line -------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N pages of each source (a partial run)")
    parser.add_argument("--sources", help=f"comma-separated sources (default: all of {', '.join(SOURCES)})")
    parser.add_argument("--extractors", help=f"comma-separated extractors (default: {', '.join(EXTRACTORS)})")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--pandoc", type=int, default=0, metavar="N",
                        help="also run newsclean on the pandoc gfm/markdown forms of N article pages")
    parser.add_argument("--devset", type=Path, default=DEVSET, help=f"the development set (default {DEVSET})")
    return parser.parse_args(argv)


def write_outputs(out: Path, csv_text: str, section_text: str, partial: bool) -> list[Path]:
    """The per-page CSV and the section: into docs/benchmark.md between the markers, or beside the CSV when partial."""
    out.mkdir(parents=True, exist_ok=True)
    (out / PAGES_CSV).write_text(csv_text, encoding="utf-8")
    if partial:
        (out / "benchmark-devset.md").write_text(section_text, encoding="utf-8")
        return [out / PAGES_CSV, out / "benchmark-devset.md"]
    report = out / "benchmark.md"
    document = report.read_text(encoding="utf-8") if report.is_file() else ""
    report.write_text(replace_section(document, section_text), encoding="utf-8")
    return [out / PAGES_CSV, report]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and write its CSV and section (docs/ for a full run, bench/out/ for a partial one)."""
    args = parse_args(argv)
    started, load_at_start = time.perf_counter(), os.getloadavg()[0]
    sources = choose(args.sources, SOURCES, "sources")
    wanted = choose(args.extractors, EXTRACTORS, "extractors")
    ready, missing = load_extractors(wanted)
    extractors = [name for name in wanted if name in ready]
    partial = bool(args.limit) or sources != list(SOURCES) or extractors != list(EXTRACTORS) or args.devset != DEVSET
    out = PARTIAL_OUT if partial else DOCS
    if partial:
        print(f"partial run: writing to {out}/, not docs/", file=sys.stderr)
    else:
        report = DOCS / "benchmark.md"  # a broken devset section fails now, not after the run
        replace_section(report.read_text(encoding="utf-8") if report.is_file() else "", "")
    version = pandoc_version() if args.pandoc else None
    if args.pandoc and (version is None or "newsclean" not in ready):
        raise SystemExit("--pandoc needs pandoc (apt-get install -y pandoc) and newsclean")
    refs = list_pages(args.devset, sources, args.limit)
    print(f"{len(refs)} pages from {args.devset}; extractors: {', '.join(extractors)}; {args.jobs} workers",
          file=sys.stderr)
    results = measure_all(refs, extractors, args.jobs)
    pandoc: PandocReport | None = None
    pages: list[PandocPage] = []
    if args.pandoc:
        pages = pandoc_pages(refs, results, args.pandoc, args.jobs, version or "")
        pandoc = pandoc_report(pages, len(pages))
    previous, origin = previous_csv(DOCS / PAGES_CSV)
    moves, accuracy = None, None
    if previous is not None and "newsclean" in extractors:
        old = shingle_f1_by_page(previous)
        new = {(r.source, r.page_id): r.outcomes["newsclean"].score.shingle_f1 for r in results}
        moves = moved_most(old, new) if old else None
        accuracy = accuracy_check(shingle_pr_by_page(previous), results)
    info = RunInfo(list(sys.argv[1:] if argv is None else argv), args.devset, time.perf_counter() - started, args.jobs,
                   missing, version, partial, (load_at_start, os.getloadavg()[0]))
    text = section(results, extractors, info, moves, origin, pandoc, accuracy)
    written = write_outputs(out, pages_csv(results, extractors, pages), text, partial)
    print(text, file=sys.stderr)
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
