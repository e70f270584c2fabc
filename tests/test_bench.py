"""The benchmark command: a smoke run, and the rule that only a complete run writes the
committed report (docs/benchmark.*) — a partial one goes to bench/out/ and says so — while
the devset block another script keeps in docs/benchmark.md survives every rewrite."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "run.py"
COMMITTED = [ROOT / "docs" / name for name in ("benchmark.md", "benchmark.png", "benchmark-pages.csv")]
DEVSET = "<!-- devset:start -->\n## Devset\n\n| page | F1 |\n| --- | ---: |\n| dev-1 | 0.912 |\n<!-- devset:end -->"


def _load_bench_run() -> ModuleType:
    """bench/run.py as a module (it puts bench/ on sys.path, so its corpus and peers modules load too)."""
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


bench_run = _load_bench_run()


def _fingerprints(paths: list[Path]) -> dict[Path, tuple[str, int] | None]:
    """Content hash and mtime of each file (None when absent): what "not touched" means."""
    return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) if p.is_file() else None for p in paths}


def _not_installed(name: str) -> Callable[[], Callable[[str | bytes], object]]:
    """An extractor factory that fails as a peer that is not installed does."""
    def factory() -> Callable[[str | bytes], object]:
        raise ImportError(f"No module named '{name}'", name=name)
    return factory


def _echo_peer() -> Callable[[str | bytes], object]:
    """A peer that always loads: it returns the page's visible text."""
    from selectolax.lexbor import LexborHTMLParser

    def run(markup: str | bytes) -> object:
        body = LexborHTMLParser(markup).body
        return bench_run.Extracted(body.text(separator=" ") if body is not None else "")
    return run


def _one_page_corpus(folder: Path) -> Path:
    """A corpus of one page (guardian-1, with a fixture behind it) laid out as ../shared/corpus is."""
    page = folder / "readability-guardian-1"
    page.mkdir(parents=True)
    shutil.copy(FIXTURES / "guardian-1" / "source.html", page / "source.html")
    shutil.copy(FIXTURES / "guardian-1" / "source.html", page / "expected.html")
    (page / "expected-metadata.json").write_text(json.dumps({"title": "x"}), encoding="utf-8")
    return folder


def _row(report: str, starts: str, section: str = "## Targets") -> str:
    """The one table row of ``section`` that starts with ``starts``."""
    lines = report.split(f"\n{section}\n", 1)[1].split("\n## ", 1)[0].splitlines()
    rows = [line for line in lines if line.startswith(f"| {starts}")]
    assert len(rows) == 1, (starts, rows)
    return rows[0]


def test_bench_command_runs_on_two_pages(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--pages", "2", "--extractors", "newsclean",
                             "--no-memory", "--out", str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "benchmark.md").read_text(encoding="utf-8")
    assert "## Targets" in report and "newsclean (html)" in report
    assert report.splitlines()[0].startswith("PARTIAL RUN: ")  # an explicit --out is obeyed, the banner stays
    rows = (tmp_path / "benchmark-pages.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("page,group,form,extractor,ms")
    assert len(rows) > 2


def test_only_a_complete_run_goes_to_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    every_extractor = list(bench_run.peers.EXTRACTORS)
    monkeypatch.setattr(bench_run.corpus, "CORPUS", _one_page_corpus(tmp_path / "corpus"))
    complete = bench_run.scope_of(every_extractor, None)
    assert not complete.partial
    assert bench_run.output_dir(None, complete) == bench_run.COMMITTED_OUT == ROOT / "docs"

    without_goose = bench_run.scope_of([n for n in every_extractor if n != "goose3"], None)
    assert without_goose.banner() == "PARTIAL RUN: peers missing: goose3; not the committed benchmark"
    assert bench_run.output_dir(None, without_goose) == bench_run.PARTIAL_OUT == ROOT / "bench" / "out"
    assert bench_run.output_dir(tmp_path / "mine", without_goose) == tmp_path / "mine"  # --out DIR is obeyed
    assert bench_run.scope_of(every_extractor, 2).partial  # --pages N
    no_memory = bench_run.scope_of(every_extractor, None, memory_skipped=True)  # --no-memory
    assert no_memory.partial and "memory not measured" in no_memory.banner()

    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(bench_run.corpus, "CORPUS", tmp_path / "empty")
    no_corpus = bench_run.scope_of(every_extractor, None)
    assert no_corpus.banner() == "PARTIAL RUN: corpus missing; not the committed benchmark"
    assert bench_run.output_dir(None, no_corpus) == bench_run.PARTIAL_OUT


def test_a_peer_that_fails_to_import_is_left_out_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Callable[[str | bytes], object]:
        raise AttributeError("module 'lxml' has no attribute 'clean'")  # a broken install, not an ImportError

    monkeypatch.setattr(bench_run.peers, "EXTRACTORS", {"echo": _echo_peer, "broken": broken,
                                                        "absent": _not_installed("absent")})
    ready, missing = bench_run.load_each_extractor(None)
    assert list(ready) == ["echo"]
    assert missing["broken"].startswith("failed to load (AttributeError")
    assert missing["absent"].startswith("not installed (absent)")
    assert bench_run.scope_of(list(ready), None).not_run == ("broken", "absent")


def test_a_partial_run_leaves_docs_alone_and_says_n_a(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty-corpus").mkdir()
    monkeypatch.setattr(bench_run.corpus, "CORPUS", tmp_path / "empty-corpus")
    monkeypatch.setattr(bench_run.peers, "EXTRACTORS", {"newsclean": bench_run.peers.EXTRACTORS["newsclean"],
                                                        "trafilatura": _not_installed("trafilatura")})
    monkeypatch.setattr(bench_run, "PARTIAL_OUT", tmp_path / "bench-out")
    stand_in = tmp_path / "docs"  # where a complete run would write: a copy, so a regression spares the real docs
    stand_in.mkdir()
    for path in COMMITTED:
        shutil.copy2(path, stand_in / path.name)
    monkeypatch.setattr(bench_run, "COMMITTED_OUT", stand_in)
    watched = [*COMMITTED, *(stand_in / path.name for path in COMMITTED)]
    before = _fingerprints(watched)

    assert bench_run.main(["--no-memory"]) == 0

    assert _fingerprints(watched) == before
    banner = ("PARTIAL RUN: corpus missing, peers missing: trafilatura, memory not measured; "
              "not the committed benchmark")
    assert banner in capsys.readouterr().err
    report = (tmp_path / "bench-out" / "benchmark.md").read_text(encoding="utf-8")
    assert report.splitlines()[0] == banner
    for target in ("all corpus pages: F1 above every peer", "speed ≥ 10× trafilatura", "non-NYT pages: speed"):
        row = _row(report, target)
        assert row.endswith("| n/a (peer not run) |") and "met" not in row, row
    assert "nan" not in report.lower()
    assert _row(report, "newsclean (html)", "## Speed").split("|")[6].strip() == "n/a (peer not run)"  # × trafilatura
    assert (tmp_path / "bench-out" / "benchmark-pages.csv").is_file()
    assert (tmp_path / "bench-out" / "benchmark.png").is_file() == (importlib.util.find_spec("matplotlib") is not None)


def test_a_complete_run_rewrites_the_report_and_keeps_the_devset_block(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "benchmark.md").write_text(f"# Old report\n\nold numbers\n\n{DEVSET}\n\n## Old tail\n", encoding="utf-8")
    monkeypatch.setattr(bench_run.corpus, "CORPUS", _one_page_corpus(tmp_path / "corpus"))
    monkeypatch.setattr(bench_run.peers, "EXTRACTORS", {"newsclean": bench_run.peers.EXTRACTORS["newsclean"],
                                                        "echo": _echo_peer})
    monkeypatch.setattr(bench_run, "COMMITTED_OUT", docs)
    monkeypatch.setattr(bench_run, "PARTIAL_OUT", tmp_path / "bench-out")
    # Memory is part of a complete run; measured for real it takes a process per extractor.
    monkeypatch.setattr(bench_run, "peak_memory_mb", lambda names, limit: {name: 50.0 for name in names})

    assert bench_run.main([]) == 0

    report = (docs / "benchmark.md").read_text(encoding="utf-8")
    assert not (tmp_path / "bench-out").exists()
    assert report.startswith("# Benchmark: newsclean and its peers\n")
    assert "old numbers" not in report and "## Old tail" not in report
    assert report.endswith(f"\n\n{DEVSET}\n") and report.count("<!-- devset:start -->") == 1
    assert _row(report, "all corpus pages: F1 above every peer").endswith("met** |")


def test_the_devset_block_is_kept_exactly_and_moved_to_the_end(tmp_path: Path) -> None:
    previous = tmp_path / "benchmark.md"
    block = DEVSET.replace("0.912", "0.912  \t")  # trailing blanks are kept too
    previous.write_text(f"# Old\n\n{block}\nafter the block\n", encoding="utf-8")
    assert bench_run.with_devset_kept("# New\n", previous) == f"# New\n\n{block}\n"
    previous.write_text("# Old, no devset yet\n", encoding="utf-8")
    assert bench_run.with_devset_kept("# New\n", previous) == "# New\n"
    assert bench_run.with_devset_kept("# New\n", tmp_path / "absent.md") == "# New\n"
