"""How long the inspector's report of a large page (fixtures/nytimes-4) takes to open in headless Chromium.

    python bench/inspector.py      # writes docs/benchmark-inspector.md

docs/benchmark-inspector.md is the one place these numbers are written (bench/run.py copies it
into docs/benchmark.md as it is); docs/inspector.md links to it and repeats none of them.

The time is Chromium's whole run on the report file (start, parse, layout, DOM dump), the
fastest of three; the report itself is made by newsclean.inspect first (timed apart).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "nytimes-4" / "source.html"  # its size is measured and written in the report
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]


def _home_in(folder: Path) -> dict[str, str]:
    """The environment with home and XDG folders inside ``folder``: Chromium writes crash
    settings and dconf files there even with --user-data-dir, never under the user's home."""
    env = dict(os.environ)
    for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")):
        env[name] = str(folder / sub)
    return env


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("no chromium here: apt-get install chromium", file=sys.stderr)
        return 1
    markup = PAGE.read_bytes()
    start = time.perf_counter()
    report = newsclean.inspect(markup)
    make_s = time.perf_counter() - start
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(report, encoding="utf-8")
        blank = Path(tmp) / "blank.html"
        blank.write_text("<!doctype html><title>x</title><p>x</p>", encoding="utf-8")
        for target, label in ((blank, "blank"), (path, "report")):
            best = float("inf")
            for i in range(3):
                start = time.perf_counter()
                subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp}/p{label}{i}", "--dump-dom", target.as_uri()],
                               capture_output=True, check=True, timeout=60, env=_home_in(Path(tmp)))
                best = min(best, time.perf_counter() - start)
            runs.append((label, best))
    lines = ["## Inspector: opening a report", "",
             f"Made by `python bench/inspector.py` on {dt.date.today().isoformat()} ({platform.machine()}, "
             f"{subprocess.run([chromium, '--version'], capture_output=True, text=True).stdout.strip()}); "
             "numbers as printed.", "",
             f"Page: fixtures/nytimes-4 ({len(markup) / 1e6:.2f} MB); report {len(report.encode()) / 1e6:.2f} MB, "
             f"made in {make_s * 1000:.0f} ms.", "",
             "| Chromium headless, --dump-dom | seconds (fastest of 3) |", "| --- | ---: |"]
    lines += [f"| {label} page | {seconds:.2f} |" for label, seconds in runs]
    report_s = dict(runs)["report"]
    lines += ["", f"Target: the report of a 1 MB page opens in under 2 s — {report_s:.2f} s, "
              + ("met." if report_s < 2 else "not met."), ""]
    (ROOT / "docs" / "benchmark-inspector.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
