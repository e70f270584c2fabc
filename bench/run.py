"""newsclean against its peers: body accuracy, metadata and speed on the same pages, in one run.

    pip install -e '.[bench]'
    python bench/run.py                 # every page; writes docs/benchmark.{md,png} and docs/benchmark-pages.csv
    python bench/run.py --pages 2 --out /tmp/b --extractors newsclean   # a quick smoke run

Reads ../shared/corpus when it is there (and says so in the report), else the fixtures.
Only a complete run (the corpus, every peer, every page) writes docs/ by default: a partial
one writes bench/out/ instead, says so on stderr and in the report's first line (an explicit
--out DIR is always obeyed). The devset and metaset sections bench/devset.py and bench/metaset.py keep
in docs/benchmark.md, between <!-- devset:start --> and <!-- devset:end --> and between
<!-- metaset:start --> and <!-- metaset:end -->, are carried over as they are, and so is bench/speed.py's
between <!-- speed:start --> and <!-- speed:end -->.
Imports and one warm-up call per extractor are outside the timing; each page is timed five
times and the fastest run kept, for every extractor alike, all extractors one after another on
the same page (a slow spell of the machine then weighs on all of them).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.metadata
import math
import multiprocessing
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import peers  # noqa: E402
from corpus import FORMS, ROOT, Page, load_pages  # noqa: E402
from metaset import title_matches  # noqa: E402
from metrics import PageScore, Summary, score, summarise  # noqa: E402
from peers import Extracted, load_extractors  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsclean._input import decode  # noqa: E402

TIMED_REPEATS = 5
TARGET_NYT_F1 = 0.99
TARGET_SPEEDUP_VS_TRAFILATURA = 10.0
TARGET_MAX_X_BARE_PARSE = 3.0
TARGET_MAX_PANDOC_X_HTML = 2.0  # each pandoc form's time against the HTML form's, same pages (median and total)
PANDOC_FORMS = tuple(form for form in FORMS if form != "html")
COMMITTED_OUT = ROOT / "docs"  # a complete run's report, committed
PARTIAL_OUT = ROOT / "bench" / "out"  # a partial run's report, ignored by git
DEVSET_START, DEVSET_END = "<!-- devset:start -->", "<!-- devset:end -->"  # bench/devset.py's block
METASET_START, METASET_END = "<!-- metaset:start -->", "<!-- metaset:end -->"  # bench/metaset.py's block
SPEED_START, SPEED_END = "<!-- speed:start -->", "<!-- speed:end -->"  # bench/speed.py's block
PEER_NOT_RUN = "n/a (peer not run)"


@dataclass(frozen=True)
class Scope:
    """What a run covers, against the committed benchmark (the whole corpus, every extractor, every page)."""

    corpus_missing: bool
    not_run: tuple[str, ...]  # extractors left out: not installed, failed to load, or not asked for
    page_limit: int | None = None
    memory_skipped: bool = False  # --no-memory: the committed report has a memory table

    @property
    def partial(self) -> bool:
        return self.corpus_missing or bool(self.not_run) or self.page_limit is not None or self.memory_skipped

    def gaps(self) -> str:
        """What is missing, in words: "corpus missing, peers missing: goose3, jusText"."""
        peers_out = [name for name in self.not_run if name != "newsclean"]
        parts = ["corpus missing"] if self.corpus_missing else []
        parts += [f"peers missing: {', '.join(peers_out)}"] if peers_out else []
        parts += ["newsclean not run"] if "newsclean" in self.not_run else []
        parts += [f"only the first {self.page_limit} pages"] if self.page_limit is not None else []
        parts += ["memory not measured"] if self.memory_skipped else []
        return ", ".join(parts)

    def banner(self) -> str:
        """The partial report's first line, so nobody takes it for the committed benchmark."""
        return f"PARTIAL RUN: {self.gaps()}; not the committed benchmark"


def scope_of(loaded: list[str], page_limit: int | None, *, memory_skipped: bool = False) -> Scope:
    """The scope of a run with these extractors loaded, over the corpus as it is on disk now."""
    not_run = tuple(name for name in peers.EXTRACTORS if name not in loaded)
    return Scope(not corpus.corpus_folders(), not_run, page_limit or None, memory_skipped)


def output_dir(requested: Path | None, scope: Scope) -> Path:
    """Where the report goes: an explicit --out; else docs/ for a complete run, bench/out/ for a partial one."""
    if requested is not None:
        return requested
    return PARTIAL_OUT if scope.partial else COMMITTED_OUT


def warn_if_partial(scope: Scope, out: Path) -> None:
    """Say loudly on stderr that this run is not the committed benchmark, and where it writes."""
    if scope.partial:
        print(f"!!! {scope.banner()}.\n!!! The report goes to {out}/"
              + (", not docs/ (pass --out DIR to choose)." if out == PARTIAL_OUT else "."),
              file=sys.stderr, flush=True)


def load_each_extractor(names: list[str] | None) -> tuple[dict[str, Callable[[str | bytes], Extracted]], dict[str, str]]:
    """The extractors that load, one at a time: a peer that fails to import in any way is left out, not a crash."""
    ready: dict[str, Callable[[str | bytes], Extracted]] = {}
    missing: dict[str, str] = {}
    for name in peers.EXTRACTORS:
        if names and name not in names:
            continue
        try:
            loaded, why = load_extractors([name])
        except Exception as exc:  # noqa: BLE001 - a broken peer install is a gap in the run, reported
            loaded, why = {}, {name: f"failed to load ({type(exc).__name__}: {exc})"[:160]}
        ready.update(loaded)
        missing.update(why)
    return ready, missing


def devset_section(markdown: str, start_mark: str = DEVSET_START, end_mark: str = DEVSET_END) -> str | None:
    """bench/devset.py's block (or another script's, by its markers), markers included, exactly as it is (to the
    end when its end marker is lost)."""
    start = markdown.find(start_mark)
    if start < 0:
        return None
    end = markdown.find(end_mark, start)
    return markdown[start:] if end < 0 else markdown[start:end + len(end_mark)]


def with_devset_kept(report: str, previous: Path) -> str:
    """The new report, ending with the devset, metaset and speed blocks of the file it replaces: those blocks are
    bench/devset.py's, bench/metaset.py's and bench/speed.py's."""
    text = previous.read_text(encoding="utf-8") if previous.is_file() else ""
    for start_mark, end_mark in ((DEVSET_START, DEVSET_END), (METASET_START, METASET_END), (SPEED_START, SPEED_END)):
        block = devset_section(text, start_mark, end_mark)
        if block is not None and start_mark not in report:  # not already carried inside a block cut off short
            report = f"{report.rstrip()}\n\n{block}" + ("" if block.endswith("\n") else "\n")
    return report


@dataclass
class Run:
    """One extractor on one form of one page."""

    page: Page
    form: str
    extractor: str
    ms: float
    result: Extracted
    vs_expected: PageScore | None
    vs_readability: PageScore | None


def _input_for(page: Page, form: str, extractor: str) -> str | bytes | None:
    """newsclean gets the raw input (bytes for HTML: decoding is its job); peers get text."""
    if page.group == "seed":  # peers face the seed as it is, newsclean too
        raw = next(iter(page.inputs.values()))
        return raw.decode("utf-8")
    raw = page.inputs.get(form)
    if raw is None:
        return None
    if form == "html":
        return raw if extractor == "newsclean" else decode(raw)[0]
    return raw.decode("utf-8")


def _forms(extractor: str, page: Page) -> list[str]:
    if page.group == "seed":
        return ["as-is"]  # the seed's one input, as it is
    return [f for f in FORMS if f in page.inputs] if extractor == "newsclean" else ["html"]


def _timed(fn: Callable[[str | bytes], Extracted], markup: str | bytes) -> tuple[float, Extracted]:
    best, result = float("inf"), Extracted("", error="not run")
    for _ in range(TIMED_REPEATS):
        start = time.perf_counter()
        try:
            result = fn(markup)
        except Exception as exc:  # a peer failing on a page is a result, not a crash
            result = Extracted("", error=f"{type(exc).__name__}: {exc}"[:120])
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


def run_all(pages: list[Page], extractors: dict[str, Callable[[str | bytes], Extracted]]) -> list[Run]:
    """Every extractor on every page. Pages are the outer loop: each page is timed for all
    extractors back to back, so a slow spell of the machine weighs on all of them alike and
    the speed ratios stay fair."""
    first = next(p for p in pages if "html" in p.inputs and p.group != "seed")
    for name, fn in extractors.items():
        fn(_input_for(first, "html", name))  # warm-up, untimed
    runs: list[Run] = []
    for done, page in enumerate(pages, 1):
        for name, fn in extractors.items():
            for form in _forms(name, page):
                markup = _input_for(page, form, name)
                if markup is None:
                    continue
                ms, result = _timed(fn, markup)
                runs.append(Run(page, form, name, ms, result,
                                score(page.expected_text, result.text) if page.expected_text is not None else None,
                                score(page.readability_text, result.text) if page.readability_text else None))
        if done % 10 == 0 or done == len(pages):
            print(f"  {done}/{len(pages)} pages", file=sys.stderr, flush=True)
    return runs


def bare_parse_ms(pages: list[Page]) -> dict[str, float]:
    """One LexborHTMLParser(html) per page: the floor no extractor can beat."""
    times = {}
    for page in pages:
        if page.group == "seed" or "html" not in page.inputs:
            continue
        html = decode(page.inputs["html"])[0]
        LexborHTMLParser(html)
        best = float("inf")
        for _ in range(TIMED_REPEATS):
            start = time.perf_counter()
            LexborHTMLParser(html)
            best = min(best, time.perf_counter() - start)
        times[page.name] = best * 1000
    return times


def _peak_rss_child(names: list[str], limit: int | None, queue: multiprocessing.Queue) -> None:
    pages, _ = load_pages(limit)
    extractors, _ = load_extractors(names) if names else ({}, {})
    for name, fn in extractors.items():
        for page in pages:
            for form in _forms(name, page):
                markup = _input_for(page, form, name)
                if markup is not None:
                    try:
                        fn(markup)
                    except Exception:  # noqa: BLE001 - measured, not judged
                        pass
    queue.put(_high_water_mb())


def _high_water_mb() -> float:
    """This process's peak RSS. /proc's VmHWM starts afresh at exec; ru_maxrss would carry
    the parent's peak over into a spawned child."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_memory_mb(names: list[str], limit: int | None) -> dict[str, float]:
    """Peak RSS of a fresh process that runs one extractor over every page ("" = pages only)."""
    context = multiprocessing.get_context("spawn")
    peaks = {}
    for name in ["", *names]:
        queue = context.Queue()
        child = context.Process(target=_peak_rss_child, args=([name] if name else [], limit, queue))
        child.start()
        peaks[name] = queue.get()
        child.join()
    return peaks


# --- report -------------------------------------------------------------------------------

def _label(run: Run) -> str:
    return run.extractor if run.extractor != "newsclean" else f"newsclean ({run.form})"


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def _summary_table(title: str, note: str, groups: dict[str, list[PageScore]]) -> list[str]:
    lines = [f"### {title}", "", note, "",
             "| extractor | pages | token P | token R | token F1 | shingle P | shingle R | shingle F1 | exact |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = [(label, summarise(scores)) for label, scores in groups.items() if scores]
    for label, s in sorted(rows, key=lambda row: -row[1].token_f1):
        lines.append(f"| {label} | {s.pages} | {_fmt(s.token_p)} | {_fmt(s.token_r)} | {_fmt(s.token_f1)} | "
                     f"{_fmt(s.shingle_p)} | {_fmt(s.shingle_r)} | {_fmt(s.shingle_f1)} | {s.accuracy:.2f} |")
    return [*lines, ""]


def _group(runs: list[Run], pick: Callable[[Run], PageScore | None], keep: Callable[[Run], bool]) -> dict[str, list[PageScore]]:
    groups: dict[str, list[PageScore]] = {}
    for run in runs:
        value = pick(run)
        if keep(run) and value is not None:
            groups.setdefault(_label(run), []).append(value)
    return groups


def _meta_ok(run: Run) -> dict[str, bool | None]:
    page, got = run.page, run.result
    norm = lambda s: " ".join((s or "").split()).lower()  # noqa: E731
    return {
        # the metaset's title rule: quotes and dashes unified, a site or section part after " - "/" | " aside
        "title": None if not page.expected_title else title_matches(page.expected_title, got.title),
        "authors": None if not page.expected_authors else
        [norm(a) for a in (got.authors or [])] == [norm(a) for a in page.expected_authors],
        "date": None if not page.expected_date else got.date == page.expected_date,
    }


def _metadata_table(runs: list[Run]) -> list[str]:
    lines = ["| extractor | title | authors | date |", "| --- | ---: | ---: | ---: |"]
    by_label: dict[str, dict[str, list[bool]]] = {}
    for run in runs:
        if run.page.expected_text is None:
            continue
        for field, ok in _meta_ok(run).items():
            if ok is not None:
                by_label.setdefault(_label(run), {}).setdefault(field, []).append(ok)
    for label, fields in by_label.items():
        cells = []
        for field in ("title", "authors", "date"):
            values = fields.get(field, [])
            cells.append(f"{sum(values) / len(values):.2f} ({sum(values)}/{len(values)})" if values else "—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return [*lines, ""]


@dataclass(frozen=True)
class Speed:
    median: float
    p95: float
    pages_per_s: float
    total_ms: float


def _speed(ms: list[float]) -> Speed:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return Speed(statistics.median(ordered), p95, 1000 * len(ms) / sum(ms), sum(ms))


def _times(ratio: float, why_not: str = PEER_NOT_RUN) -> str:
    """A speed ratio as "5.48×", or why there is none (never "nan×")."""
    return f"{ratio:.2f}×" if math.isfinite(ratio) else why_not


def _speed_table(runs: list[Run], bare: dict[str, float]) -> tuple[list[str], dict[str, Speed], dict[str, float]]:
    html_pages = set(bare)
    per_label: dict[str, list[Run]] = {}
    for run in runs:
        if run.page.name in html_pages:
            per_label.setdefault(_label(run), []).append(run)
    traf = {r.page.name: r.ms for r in per_label.get("trafilatura", [])}
    lines = ["| extractor | pages | median ms/page | p95 ms/page | pages/s | × faster than trafilatura | × a bare parse |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    speeds, ratios = {}, {}
    bare_speed = _speed(list(bare.values()))
    for label, rs in sorted(per_label.items(), key=lambda kv: _speed([r.ms for r in kv[1]]).median):
        s = _speed([r.ms for r in rs])
        speeds[label] = s
        same = [r for r in rs if r.page.name in traf]
        vs_traf = sum(traf[r.page.name] for r in same) / sum(r.ms for r in same) if same else float("nan")
        x_bare = sum(r.ms for r in rs) / sum(bare[r.page.name] for r in rs)
        ratios[label] = x_bare
        lines.append(f"| {label} | {len(rs)} | {s.median:.1f} | {s.p95:.1f} | {s.pages_per_s:.1f} | "
                     f"{_times(vs_traf)} | {x_bare:.1f} |")
    lines.append(f"| bare `LexborHTMLParser(html)` | {len(bare)} | {bare_speed.median:.2f} | {bare_speed.p95:.2f} | "
                 f"{bare_speed.pages_per_s:.0f} | — | 1.0 |")
    return [*lines, ""], speeds, ratios


@dataclass(frozen=True)
class FormRatio:
    """newsclean's time on a pandoc form of a page against its time on the same page's HTML."""

    form: str
    pages: int
    median_ms: float
    median_ratio: float  # the median over pages of (form ms ÷ HTML ms)
    total_ratio: float  # total form ms ÷ total HTML ms

    @property
    def met(self) -> bool:
        return self.median_ratio <= TARGET_MAX_PANDOC_X_HTML and self.total_ratio <= TARGET_MAX_PANDOC_X_HTML


def _form_ratios(runs: list[Run]) -> list[FormRatio]:
    """Each pandoc form against the HTML, over the pages newsclean ran in both (the seeds left out)."""
    ours = [r for r in runs if r.extractor == "newsclean" and r.page.group != "seed"]
    html = {r.page.name: r.ms for r in ours if r.form == "html"}
    ratios = []
    for form in PANDOC_FORMS:
        pairs = [(r.ms, html[r.page.name]) for r in ours if r.form == form and r.page.name in html]
        if pairs:
            ratios.append(FormRatio(form, len(pairs), statistics.median(ms for ms, _ in pairs),
                                    statistics.median(ms / base for ms, base in pairs),
                                    sum(ms for ms, _ in pairs) / sum(base for _, base in pairs)))
    return ratios


def _form_lines(ratios: list[FormRatio]) -> list[str]:
    """The pandoc forms' time against the HTML's, a table under the speed table."""
    if not ratios:
        return []
    lines = ["newsclean on the pandoc forms of the same pages, against its time on their HTML:", "",
             "| form | pages | median ms/page | median of (form ÷ HTML) per page | total form ÷ total HTML |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| newsclean ({r.form}) | {r.pages} | {r.median_ms:.1f} | {r.median_ratio:.2f}× | {r.total_ratio:.2f}× |"
              for r in ratios]
    return [*lines, ""]


def _pandoc_target(ratios: list[FormRatio], ran: set[str]) -> str:
    """Issue 14: each pandoc form at most twice the HTML form's time, by the median page and in total."""
    target = f"pandoc forms: each ≤ {TARGET_MAX_PANDOC_X_HTML:.0f}× the HTML form's time on the same page (median and total)"
    if not ratios:
        why = "n/a (newsclean not run)" if "newsclean" not in ran else "n/a (no page with a pandoc form)"
        return _target(target, why, why)
    result = "; ".join(f"{r.form}: median {r.median_ratio:.2f}×, total {r.total_ratio:.2f}× ({r.pages} pages)"
                       for r in ratios)
    return _target(target, result, _met(all(r.met for r in ratios)))


def _machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for package in ("newsclean", "selectolax", "markdown-it-py", "trafilatura", "readability-lxml", "resiliparse",
                    "justext", "goose3", "newspaper4k", "lxml"):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} ({platform.system()}); "
            + ", ".join(versions))


def _plot(path: Path, points: dict[str, tuple[float, float]], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5), dpi=120)
    for label, (ms, f1) in points.items():
        colour = "tab:red" if label.startswith("newsclean") else "tab:blue"
        ax.scatter([ms], [f1], color=colour, s=40)
        ax.annotate(label, (ms, f1), textcoords="offset points", xytext=(5, 4), fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("median ms per page (log scale)")
    ax.set_ylabel("token F1, all article pages")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _worst(runs: list[Run], label: str, keep: Callable[[Run], bool], n: int = 5) -> str:
    scored = sorted((r for r in runs if _label(r) == label and keep(r) and r.vs_expected), key=lambda r: r.vs_expected.token_f1)
    return ", ".join(f"{r.page.name} {r.vs_expected.token_f1:.2f}" + (f" ({r.result.error})" if r.result.error else "")
                     for r in scored[:n])


def _ratio_on(runs: list[Run], slow: str, fast: str, keep: Callable[[Run], bool]) -> float:
    """Total time of ``slow`` over total time of ``fast`` on the pages both ran."""
    times: dict[str, dict[str, float]] = {}
    for run in runs:
        if keep(run) and _label(run) in (slow, fast):
            times.setdefault(run.page.name, {})[_label(run)] = run.ms
    both = [t for t in times.values() if slow in t and fast in t]
    return sum(t[slow] for t in both) / sum(t[fast] for t in both) if both else float("nan")


def _paths(runs: list[Run]) -> dict[str, int]:
    """Which newsclean path produced the body, over the HTML of every corpus page."""
    counts: dict[str, int] = {}
    for run in runs:
        if _label(run) == "newsclean (html)":
            key = run.result.path or run.result.error or "?"
            counts[key] = counts.get(key, 0) + 1
    return counts


def _slowest(runs: list[Run], bare: dict[str, float], n: int = 5) -> str:
    ours = sorted((r for r in runs if _label(r) == "newsclean (html)" and r.page.name in bare),
                  key=lambda r: -r.ms / bare[r.page.name])
    return ", ".join(f"{r.page.name} {r.ms:.0f} ms = {r.ms / bare[r.page.name]:.0f}×" for r in ours[:n])


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _target(target: str, result: str, verdict: str) -> str:
    return f"| {target} | {result} | {verdict} |"


def _nyt_target(nyt_forms: dict[str, Summary], ran: set[str]) -> str:
    target = f"NYT pages, every form: token F1 ≥ {TARGET_NYT_F1}"
    if not nyt_forms:
        why = "n/a (newsclean not run)" if "newsclean" not in ran else "n/a (no NYT page)"
        return _target(target, why, why)
    worst = min(s.token_f1 for s in nyt_forms.values())
    forms = ", ".join(f"{k} {v.token_f1:.3f}" for k, v in nyt_forms.items())
    return _target(target, f"lowest form: {worst:.3f} ({forms})", _met(worst >= TARGET_NYT_F1))


def _above_peers_target(all_summary: dict[str, Summary], scope: Scope) -> str:
    """F1 above every peer: judged only when every peer ran, never against a peer that did not."""
    target = "all corpus pages: F1 above every peer"
    ours = all_summary.get("newsclean (html)")
    if ours is None:
        return _target(target, "n/a (newsclean not run)", "n/a (newsclean not run)")
    theirs = [s for label, s in all_summary.items() if not label.startswith("newsclean")]
    result = f"newsclean (html) token F1 {ours.token_f1:.3f} / shingle F1 {ours.shingle_f1:.3f}; " + (
        f"best peer {max(s.token_f1 for s in theirs):.3f} / {max(s.shingle_f1 for s in theirs):.3f}" if theirs
        else "no peer ran")
    peers_out = [name for name in scope.not_run if name != "newsclean"]
    if peers_out or not theirs:
        return _target(target, result + (f" (not run: {', '.join(peers_out)})" if peers_out else ""), PEER_NOT_RUN)
    above = ours.token_f1 > max(s.token_f1 for s in theirs) and ours.shingle_f1 > max(s.shingle_f1 for s in theirs)
    return _target(target, result, _met(above))


def _speed_target(target: str, ratio: float, goal: float, ran: set[str], why_none: str, note: str = "") -> str:
    """A speed-against-trafilatura target: n/a when trafilatura or newsclean did not run, or no such page was timed."""
    if "trafilatura" not in ran:
        return _target(target, PEER_NOT_RUN, PEER_NOT_RUN)
    if "newsclean" not in ran or not math.isfinite(ratio):
        why = "n/a (newsclean not run)" if "newsclean" not in ran else why_none
        return _target(target, why, why)
    return _target(target, f"{ratio:.2f}×{note}", _met(ratio >= goal))


def _target_lines(runs: list[Run], all_summary: dict[str, Summary], nyt_forms: dict[str, Summary],
                  speeds: dict[str, Speed], x_bare: dict[str, float], scope: Scope) -> list[str]:
    """The targets table: met, not met, or n/a with the reason (a peer or newsclean not run, no such page)."""
    ran = {run.extractor for run in runs}
    traf_speed, our_speed = speeds.get("trafilatura"), speeds.get("newsclean (html)")
    speedup = traf_speed.total_ms / our_speed.total_ms if traf_speed and our_speed else float("nan")
    generic_speedup = _ratio_on(runs, "trafilatura", "newsclean (html)", lambda r: r.page.group == "generic")
    lines = ["| target | result | met |", "| --- | --- | --- |", _nyt_target(nyt_forms, ran),
             _above_peers_target(all_summary, scope)]
    lines.append(_speed_target(f"speed ≥ {TARGET_SPEEDUP_VS_TRAFILATURA:.0f}× trafilatura", speedup,
                               TARGET_SPEEDUP_VS_TRAFILATURA, ran, "n/a (no HTML page timed)",
                               " (total time, same HTML pages)"))
    lines.append(_speed_target("non-NYT pages: speed ≥ 5× trafilatura", generic_speedup, 5, ran,
                               "n/a (no non-NYT page)"))
    paths = _paths(runs)
    if paths:
        share = paths.get("trafilatura", 0) / sum(paths.values())
        counts = ", ".join(f"{k} {v}" for k, v in sorted(paths.items()))
        lines.append(_target("fallback (trafilatura) on < 10 % of pages", f"{share:.1%} ({counts})", _met(share < 0.10)))
    else:
        lines.append(_target("fallback (trafilatura) on < 10 % of pages", "n/a (newsclean not run)", "n/a (newsclean not run)"))
    ours_bare = x_bare.get("newsclean (html)", float("nan"))
    bare_target = f"speed ≤ {TARGET_MAX_X_BARE_PARSE:.0f}× a bare parse"
    lines.append(_target(bare_target, f"{ours_bare:.1f}×", _met(ours_bare <= TARGET_MAX_X_BARE_PARSE))
                 if math.isfinite(ours_bare) else _target(bare_target, "n/a (newsclean not run)", "n/a (newsclean not run)"))
    lines.append(_pandoc_target(_form_ratios(runs), ran))
    return lines


def write_report(out: Path, runs: list[Run], bare: dict[str, float], memory: dict[str, float] | None,
                 source: str, missing: dict[str, str], started: float, argv: list[str], scope: Scope) -> None:
    """benchmark.md (kept devset block at its end), benchmark-pages.csv and benchmark.png in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    article = lambda r: r.page.expected_text is not None and r.page.group != "seed"  # noqa: E731
    nyt = lambda r: r.page.group == "nyt" and r.page.expected_text is not None  # noqa: E731
    generic = lambda r: r.page.group == "generic"  # noqa: E731
    html_only = lambda r: r.form == "html"  # noqa: E731
    all_groups = _group(runs, lambda r: r.vs_expected, lambda r: article(r) and html_only(r))
    speed_lines, speeds, x_bare = _speed_table([r for r in runs if r.form == "html"], bare)
    all_summary = {label: summarise(scores) for label, scores in all_groups.items()}
    nyt_forms = {label: summarise(s) for label, s in _group(runs, lambda r: r.vs_expected, nyt).items()
                 if label.startswith("newsclean")}

    lines = [scope.banner(), ""] if scope.partial else []
    lines += [
        "# Benchmark: newsclean and its peers",
        "",
        f"Generated by `python bench/run.py {' '.join(argv)}`".rstrip() + f" on {dt.date.today().isoformat()} "
        f"in {time.perf_counter() - started:.0f} s. The numbers below are what that run printed; nothing is edited by hand.",
        "",
        f"- Machine: {_machine()}.",
        f"- Pages: {source}.",
        "- Every extractor reads the same pages in the same process; imports and one warm-up call are not timed; "
        f"each page is timed {TIMED_REPEATS} times and the fastest run kept, all extractors one after another on the same page. Peers get the HTML (decoded to text); "
        "newsclean gets the raw bytes (decoding is part of its work) and, as well, both pandoc forms of each page.",
        "- Reference text: NYT pages and seeds are scored against the project's own expected paragraphs "
        "(`fixtures/*/expected.json`, written by reading each page); every other page against Readability's "
        "`expected.html`, which keeps some captions and boilerplate, so no extractor can reach 1.0 there. "
        "`readability-nytimes-5` is a section front, not an article: it has no reference text (newsclean raises "
        "NotAnArticle on it) and is left out of the accuracy tables.",
        "- Token metrics: bag of lower-cased `\\w+` tokens, P/R/F1 per page, then averaged. Shingle metrics "
        "(article-extraction-benchmark): 4-token shingles, per page TP/FP/FN normalised to sum 1, precision and "
        "recall averaged over pages, F1 from those averages; exact = share of pages whose token sequence matches "
        "the reference exactly.",
    ]
    if missing:
        lines.append("- Left out: " + "; ".join(f"{k}: {v}" for k, v in missing.items()) + ".")
    lines += ["", "## Targets", ""]
    lines += _target_lines(runs, all_summary, nyt_forms, speeds, x_bare, scope)
    lines += ["", f"Lowest newsclean (html) pages against their reference: {_worst(runs, 'newsclean (html)', article)}.",
              "", f"Slowest newsclean (html) pages against a bare parse: {_slowest(runs, bare)}.", ""]
    lines += ["## Body accuracy", ""]
    lines += _summary_table("All article pages (HTML)", "Every corpus page that is an article; reference as above.", all_groups)
    lines += _summary_table("NYT pages, against the project's expected paragraphs",
                            "newsclean on each of the three forms; peers on the HTML.",
                            _group(runs, lambda r: r.vs_expected, nyt))
    lines += _summary_table("NYT pages, against Readability's expected.html (for information only)",
                            "expected.html keeps photo captions, credits and some boilerplate: a perfect body scores below 1 here.",
                            _group(runs, lambda r: r.vs_readability, lambda r: nyt(r) and r.vs_readability is not None))
    lines += _summary_table("Other news sites (generic rules), against Readability's expected.html",
                            "Sites without a newsclean profile.", _group(runs, lambda r: r.vs_expected, generic))
    lines += _summary_table("Seeds, each extractor on the seed as it is",
                            "seed-003 is pandoc gfm markdown (what users face today); seed-000 is clean text.",
                            _group(runs, lambda r: r.vs_expected, lambda r: r.page.group == "seed"))
    lines += ["## Metadata exact-match rate", "",
              "Against `expected-metadata.json` (title, compared by the metaset benchmark's rule: case, quotes and "
              "dashes unified, a site or section part after ` - ` or ` | ` on either side set aside; byline split into names — the names end at its first line break "
              "and first digit, as Readability's bylines carry dates and comment counts — publishedTime's date) and, for NYT "
              "pages and seeds, the fixtures. Only pages where the reference has the field count; — : the extractor "
              "gives no such field.", ""]
    lines += _metadata_table(runs)
    lines += ["## Speed", "", "On the HTML of every corpus page (pandoc forms: newsclean only, below).", ""]
    lines += speed_lines
    lines += _form_lines(_form_ratios(runs))
    if memory:
        base = memory.get("", 0.0)
        lines += ["## Peak memory", "",
                  f"Peak RSS of a fresh process that loads the pages ({base:.0f} MB alone) and runs one extractor over all of them.", "",
                  "| extractor | peak RSS MB | over the pages alone |", "| --- | ---: | ---: |"]
        for name, mb in memory.items():
            if name:
                lines.append(f"| {name} | {mb:.0f} | {mb - base:+.0f} |")
        lines.append("")
    lines += [f"This process's own peak RSS: {_high_water_mb():.0f} MB. "
              "Per-page results: [benchmark-pages.csv](benchmark-pages.csv). Plot: ![F1 against ms/page](benchmark.png)", ""]
    for part in ("benchmark-batch.md", "benchmark-inspector.md"):  # made by bench/batch.py, bench/inspector.py
        if (ROOT / "docs" / part).is_file():
            lines += ["", (ROOT / "docs" / part).read_text(encoding="utf-8")]
    (out / "benchmark.md").write_text(with_devset_kept("\n".join(lines), out / "benchmark.md"), encoding="utf-8")

    with (out / "benchmark-pages.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["page", "group", "form", "extractor", "ms", "token_f1", "shingle_f1", "exact",
                         "readability_token_f1", "title_ok", "authors_ok", "date_ok", "error"])
        for r in runs:
            ok = _meta_ok(r)
            writer.writerow([r.page.name, r.page.group, r.form, r.extractor, f"{r.ms:.2f}",
                             f"{r.vs_expected.token_f1:.4f}" if r.vs_expected else "",
                             f"{r.vs_expected.shingle_f1:.4f}" if r.vs_expected else "",
                             r.vs_expected.exact if r.vs_expected else "",
                             f"{r.vs_readability.token_f1:.4f}" if r.vs_readability else "",
                             ok["title"], ok["authors"], ok["date"], r.result.error or ""])
    points = {label: (speeds[label].median, s.token_f1) for label, s in all_summary.items() if label in speeds}
    try:
        title = "newsclean and its peers: accuracy against time"
        _plot(out / "benchmark.png", points, f"PARTIAL RUN — {title}" if scope.partial else title)
    except ImportError:
        print("matplotlib is not installed: no plot (pip install -e '.[bench]')", file=sys.stderr)
    print("\n".join(lines[lines.index("## Targets"):lines.index("## Body accuracy")]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, help="only the first N pages (a smoke run)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where the report goes (default: docs/ for a complete run, bench/out/ for a partial one)")
    parser.add_argument("--extractors", nargs="*", help="only these extractors (default: every one installed)")
    parser.add_argument("--no-memory", action="store_true", help="skip the per-extractor memory runs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages, source = load_pages(args.pages)
    extractors, missing = load_each_extractor(args.extractors)
    scope = scope_of(list(extractors), args.pages, memory_skipped=args.no_memory)
    out = output_dir(args.out, scope)
    print(f"{len(pages)} pages from {source}; extractors: {', '.join(extractors)}", file=sys.stderr)
    warn_if_partial(scope, out)
    bare = bare_parse_ms(pages)
    runs = run_all(pages, extractors)
    memory = None if args.no_memory else peak_memory_mb(list(extractors), args.pages)
    write_report(out, runs, bare, memory, source, missing, started, sys.argv[1:] if argv is None else argv, scope)
    warn_if_partial(scope, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
