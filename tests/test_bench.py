"""The benchmark command runs (a smoke run on two pages, newsclean only; no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def test_bench_command_runs_on_two_pages(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--pages", "2", "--extractors", "newsclean",
                             "--no-memory", "--out", str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "benchmark.md").read_text(encoding="utf-8")
    assert "## Targets" in report and "newsclean (html)" in report
    rows = (tmp_path / "benchmark-pages.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("page,group,form,extractor,ms")
    assert len(rows) > 2
