"""The speed benchmark's pieces on tiny inputs (no devset, no timing asserted): the phases reproduce
clean(), the report and its targets, the marker-bounded section, where a partial run writes, and that
bench/run.py and bench/devset.py keep and report what issue 14 asks of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import devset  # noqa: E402
import speed  # noqa: E402
from metrics import PageScore  # noqa: E402

import newsclean  # noqa: E402


def _load_bench_run() -> ModuleType:
    """bench/run.py as a module (tests/test_bench.py loads it the same way)."""
    if "bench_run" in sys.modules:
        return sys.modules["bench_run"]
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _phases(**ms: float) -> dict[str, float]:
    phases = dict.fromkeys((*speed.PHASES, speed.RENDER), 0.0)
    phases.update({name.replace("_", " "): value for name, value in ms.items()})
    return phases


def _timing(page: str, form: str = "html", *, dataset: str = "corpus", size: int = 100_000, clean_ms: float = 10.0,
            traf_ms: float = 40.0, bare_ms: float = 1.0, same: bool = True, second_opinion: float = 0.0) -> speed.PageTiming:
    phases = _phases(decode=1.0, parse=2.0, labels=3.0, body=2.0, metadata=1.5, second_opinion=second_opinion, render=0.5)
    peers = {"trafilatura": traf_ms, speed.BARE: bare_ms} if form == "html" else {}
    return speed.PageTiming(dataset, page, form, size, phases, clean_ms, same, "", peers)


def _results(*, large_mb: float = 50, jobs: tuple[float, float] = (20.0, 10.5), pages: int = 1000) -> speed.Results:
    corpus = [_timing("a"), _timing("a", "pandoc-gfm", clean_ms=15.0), _timing("a", "pandoc-markdown", clean_ms=30.0),
              _timing("b", clean_ms=20.0), _timing("b", "pandoc-gfm", clean_ms=30.0),
              _timing("b", "pandoc-markdown", clean_ms=30.0)]
    devset_pages = [_timing(f"dragnet/{i}", dataset="devset", size=10_000 * (i + 1), clean_ms=5.0 + i,
                            second_opinion=3.0 if i == 0 else 0.0, same=i != 1) for i in range(4)]
    large = [speed.LargePage(int(mb * speed.MB), 1000, mb * 0.15, 1, _phases(parse=mb * 20, body=mb * 100), mb * 0.005,
                             50.0, 50.0 + mb * 4) for mb in (1, large_mb)]
    runs = [speed.JobsRun(1, jobs[0], pages), speed.JobsRun(2, jobs[1], pages)]
    run = speed.DevsetRun(3983, 60_000.0, 720_000.0, 10_000.0)
    return speed.Results(corpus, devset_pages, large, runs, pages, 30.0, 2, run, ["trafilatura"])


def _info(partial: bool = False) -> speed.RunInfo:
    return speed.RunInfo(["--quick"] if partial else [], 12.0, partial, "the corpus", 3983, (0.5, 0.7))


def _row(text: str, starts: str) -> str:
    rows = [line for line in text.splitlines() if line.startswith(f"| {starts}")]
    assert len(rows) == 1, (starts, rows)
    return rows[0]


@pytest.mark.parametrize("case", ["nytimes-1", "guardian-1", "seed-003", "seed-000"])
def test_the_phases_give_the_article_clean_gives(case: str) -> None:
    folder = FIXTURES / case
    source = next(folder / name for name in ("source.html", "source.pandoc-gfm.md", "source.txt")
                  if (folder / name).is_file())
    raw = source.read_bytes()
    before = {(module, name): getattr(importlib.import_module(module), name) for module, name, _ in speed.STEPS}
    run = speed.phased_clean(raw)
    assert run.error == "" and run.article == newsclean.clean(raw)
    assert set(run.ms) == {*speed.PHASES, speed.RENDER} and all(v >= 0 for v in run.ms.values())
    assert run.ms["parse" if case != "seed-000" else "body"] > 0 and run.form == run.article.form.value
    assert {(m, n): getattr(importlib.import_module(m), n) for m, n, _ in speed.STEPS} == before  # swapped back


def test_every_step_the_phases_time_is_where_clean_looks_it_up() -> None:
    assert speed.missing_steps() == []
    assert {phase for _, _, phase in speed.STEPS} | {"assemble"} <= set(speed.PHASES)
    assert set(speed.PHASE_NOTES) == {*speed.PHASES, speed.RENDER}


def test_a_page_that_is_no_article_is_an_error_in_both() -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    run = speed.phased_clean(page)
    ms, article, error = speed.clean_outcome(page)
    assert (run.article, run.error, article, error) == (None, "NotAnArticle", None, "NotAnArticle")


def test_the_generic_page_is_a_paragraph_and_an_ad_repeated_to_the_size() -> None:
    page = speed.generic_page(50_000)
    assert 50_000 <= len(page) < 50_000 + 200
    assert page.startswith(b"<html><body><article>") and page.count(b'<div class="ad">Advertisement</div>') > 400
    article = newsclean.clean(page)
    assert article.paragraphs[0].text == "Sentence number 0 with several ordinary words in it."
    assert "Advertisement" not in article.text


def test_the_targets_say_met_and_not_met() -> None:
    text = speed.section(_results(), _info())
    devset_row = _row(text, "devset, every page")
    assert "12.00× trafilatura, 6.0× a bare parse" in devset_row and devset_row.endswith("**not met** |")
    pandoc = _row(text, "pandoc forms")
    assert "pandoc-gfm: median 1.50×, total 1.50×" in pandoc and "pandoc-markdown: median 2.25×" in pandoc
    assert pandoc.endswith("**not met** |")
    assert _row(text, "a 50 MB generic page").endswith("**met** |")
    assert "7.50 s (50.0 MB, 150 ms/MB)" in _row(text, "a 50 MB generic page")
    memory = _row(text, "… and its peak memory")
    assert "4.2×" in memory and memory.endswith("**met** |")
    jobs = _row(text, "`newsclean` on a 1,000-page WARC")
    assert "1.90×" in jobs and jobs.endswith("**met** |")
    assert "same `Article` as `clean()` on 9 of 10 pages (differs: dragnet/1" in text
    assert "The second opinion (trafilatura) ran on 1 of 4 devset pages" in text
    assert "nan" not in text.lower()


def test_targets_a_run_could_not_measure_are_n_a() -> None:
    results = speed.Results([], [], [speed.LargePage(speed.MB, 10, 0.1, 3, _phases(), 0.01, 50, 60)], [], 60, 1.0, 1,
                            None, ["trafilatura"])
    info = speed.RunInfo(["--quick"], 1.0, True, "the corpus", 0, (0.5, 0.5), {},
                         ["large pages: the 50 MB page's process failed: MemoryError"])
    text = speed.section(results, info)
    assert "- Failed, so left out: large pages: the 50 MB page's process failed: MemoryError" in text
    for target in ("devset, every page", "pandoc forms", "a 50 MB generic page", "… and its peak memory",
                   "`newsclean` on a 60-page WARC"):
        assert _row(text, target).endswith("| n/a |"), target
    slow = speed.section(_results(jobs=(20.0, 15.0), pages=60), _info(partial=True))
    assert _row(slow, "`newsclean` on a 60-page WARC").endswith("**not met** |")
    no_bare = speed.section(dataclasses_replace(_results(), devset_run=speed.DevsetRun(10, 10.0, 200.0, None)), _info())
    assert "bare parse not in its CSV" in _row(no_bare, "devset, every page")


def test_the_large_pages_show_the_memory_a_bare_parse_takes_beside_newsclean_s() -> None:
    import dataclasses

    results = _results()
    big = dataclasses.replace(results.large[-1], bare_over_baseline_mb=100.0)  # 50 MB page: 100 MB → 2.1×
    text = speed.section(dataclasses.replace(results, large=[results.large[0], big]), _info())
    assert "a bare lexbor parse of the page alone, in its own process: 2.1×" in _row(text, "… and its peak memory")
    assert _row(text, "50.0 MB |").endswith("| 100 | 2.1 |")
    assert _row(text, "1.0 MB |").endswith("| — | — |")  # not measured: no number made up
    assert "bare parse: peak RSS − baseline MB" in _row(text, "page | paragraphs")


def test_the_bare_parse_memory_is_measured_on_the_page_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(speed.generic_page(200_000))
    measured = speed.large_parse_child(str(page))["bare_over_baseline_mb"]
    assert 0 <= measured < 200  # the page is read and parsed: its tree and bytes, a few MB at most


def dataclasses_replace(results: speed.Results, **changes: object) -> speed.Results:
    import dataclasses

    return dataclasses.replace(results, **changes)


def test_the_phase_table_has_every_phase_and_the_large_page() -> None:
    text = speed.section(_results(), _info())
    for phase in (*speed.PHASES, speed.RENDER):
        assert f"| {phase} |" in text
    head = _row(text, "phase |")
    assert "devset ms/page | share | devset ms/MB | corpus html ms/page" in head and "50 MB page s" in head
    assert _row(text, "parse |").split("|")[-3].strip() == "1.00"  # the 50 MB page: 1,000 ms = 1.00 s


def test_the_section_replaces_only_what_lies_between_its_markers() -> None:
    document = f"# Benchmark\n\n{devset.MARK_START}\nthe devset\n{devset.MARK_END}\n"
    first = speed.replace_section(document, "## Speed\n\nold numbers\n")
    assert first.startswith(document.rstrip()) and first.endswith(f"{speed.MARK_END}\n")
    second = speed.replace_section(first + "\nAfter.\n", "## Speed\n\nnew numbers")
    assert "old numbers" not in second and "new numbers" in second and "the devset" in second
    assert second.endswith("\nAfter.\n") and speed.replace_section(second, "## Speed\n\nnew numbers") == second
    with pytest.raises(ValueError):
        speed.replace_section(f"x {speed.MARK_END} {speed.MARK_START}", "y")


def test_a_partial_run_writes_beside_its_plot_and_a_full_one_into_the_report(tmp_path: Path) -> None:
    results = _results()
    written = speed.write_outputs(tmp_path / "out", speed.section(results, _info(True)), results, partial=True)
    partial = (tmp_path / "out" / speed.PARTIAL_MD).read_text(encoding="utf-8")
    assert partial.startswith("PARTIAL RUN") and "a partial run" in partial and speed.MARK_START not in partial
    has_matplotlib = importlib.util.find_spec("matplotlib") is not None
    assert ((tmp_path / "out" / speed.PLOT) in written) == has_matplotlib
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "benchmark.md").write_text(f"# Benchmark\n\nthe rest\n\n{devset.MARK_START}\nx\n{devset.MARK_END}\n",
                                       encoding="utf-8")
    speed.write_outputs(docs, speed.section(results, _info()), results, partial=False)
    report = (docs / "benchmark.md").read_text(encoding="utf-8")
    assert report.startswith("# Benchmark\n\nthe rest\n") and f"{devset.MARK_START}\nx\n{devset.MARK_END}" in report
    assert report.count(speed.MARK_START) == 1 and f"![newsclean, trafilatura and a bare parse" in report


def test_the_devset_run_is_read_from_its_csv(tmp_path: Path) -> None:
    path = tmp_path / "pages.csv"
    path.write_text("source,page_id,newsclean_ms,trafilatura_ms,bare_parse_ms\ns,1,10,100,2\ns,2,30,300,2\n",
                    encoding="utf-8")
    run = speed.devset_run(path)
    assert run is not None and (run.pages, run.x_trafilatura, run.x_bare) == (2, 10.0, 10.0)
    path.write_text("source,page_id,newsclean_ms,trafilatura_ms\ns,1,10,100\n", encoding="utf-8")
    assert speed.devset_run(path).x_bare is None  # type: ignore[union-attr]
    assert speed.devset_run(tmp_path / "absent.csv") is None


def test_bench_run_keeps_the_speed_block_and_reports_the_pandoc_forms(tmp_path: Path) -> None:
    bench_run = _load_bench_run()
    block = f"{speed.MARK_START}\n## Speed\n\n| phase | ms |\n{speed.MARK_END}"
    other = f"{bench_run.DEVSET_START}\n## Devset\n{bench_run.DEVSET_END}"
    previous = tmp_path / "benchmark.md"
    previous.write_text(f"# Old\n\n{other}\n\n{block}\nafter\n", encoding="utf-8")
    kept = bench_run.with_devset_kept("# New\n", previous)
    assert kept.startswith("# New\n") and other in kept and block in kept and kept.count(speed.MARK_START) == 1
    assert "# Old" not in kept and "after" not in kept

    page = bench_run.corpus.Page("p", "generic", {}, "text")
    runs = [bench_run.Run(page, form, "newsclean", ms, bench_run.Extracted("x"), None, None)
            for form, ms in (("html", 10.0), ("pandoc-gfm", 15.0), ("pandoc-markdown", 25.0))]
    ratios = bench_run._form_ratios(runs)
    assert [(r.form, r.median_ratio, r.met) for r in ratios] == [("pandoc-gfm", 1.5, True),
                                                                 ("pandoc-markdown", 2.5, False)]
    assert bench_run._pandoc_target(ratios, {"newsclean"}).endswith("**not met** |")
    assert bench_run._pandoc_target([], {"newsclean"}).endswith("n/a (no page with a pandoc form) |")


def _result(page_id: str, ours_ms: float, bare: float | None, p: float = 0.9) -> devset.PageResult:
    score = PageScore(p, p, p, p, p, False)
    return devset.PageResult("dragnet", page_id, True, {"newsclean": devset.Outcome(score, ours_ms, ours_ms),
                                                        "trafilatura": devset.Outcome(score, ours_ms * 12, ours_ms * 12)},
                             bare)


def test_bench_devset_times_a_bare_parse_and_checks_accuracy() -> None:
    results = [_result("1", 10.0, 2.0), _result("2", 30.0, 6.0)]
    rows = devset.summary_rows(results, ["newsclean", "trafilatura"])
    every = rows[-1]
    assert every.bare_total == 8.0 and devset.bare_ratio(every) == 5.0
    check = devset.accuracy_check({("dragnet", "1"): (0.9, 0.9), ("dragnet", "2"): (0.95, 0.95)}, results)
    assert check is not None and check.pages == 2 and not check.unchanged
    lines = devset.speed_target_lines(rows, ["newsclean", "trafilatura"], check)
    assert lines[2].startswith("| newsclean ≥ 10× faster") and lines[2].endswith("**met** |")
    assert "5.0×" in lines[3] and lines[3].endswith("**met** |")
    assert lines[4].endswith("**not met** |")
    csv_text = devset.pages_csv(results, ["newsclean", "trafilatura"])
    assert csv_text.splitlines()[0].endswith(",bare_parse_ms") and csv_text.splitlines()[1].endswith(",2.000")
    assert devset.shingle_pr_by_page(csv_text)[("dragnet", "2")] == (0.9, 0.9)
    untimed = devset.summary_rows([_result("1", 10.0, None)], ["newsclean", "trafilatura"])
    assert devset.speed_target_lines(untimed, ["newsclean", "trafilatura"], None)[3].endswith("| n/a |")
    assert "bare parse" not in devset.speed_table(untimed, ["newsclean", "trafilatura"])[0]
