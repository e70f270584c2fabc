"""Batch throughput and memory of the ``newsclean`` command. Writes docs/benchmark-batch.md.

    python bench/batch.py

- pages/s with --jobs 1 and --jobs 2 over the HTML of every corpus page (../shared/corpus,
  else the fixtures);
- peak memory of the command over WARC files of 1,000 and 5,000 pages (the corpus pages
  repeated): if memory does not grow with the number of pages, the two peaks match.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
COMMAND = [sys.executable, "-m", "newsclean"]
_MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _pages() -> tuple[list[Path], str]:
    if CORPUS.is_dir():
        return sorted(CORPUS.glob("*/source.html")), f"{CORPUS} (HTML of every page)"
    return sorted((ROOT / "fixtures").glob("*/source.html")), "the fixtures (../shared/corpus is not here)"


def _throughput(pages: list[Path], jobs: int) -> float:
    start = time.perf_counter()
    result = subprocess.run([*COMMAND, *map(str, pages), "--jobs", str(jobs), "--quiet"],
                            capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    assert len(result.stdout.splitlines()) == len(pages), result.stderr[-500:]
    return len(pages) / seconds


def _warc(path: Path, pages: list[Path], count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = [p.read_bytes() for p in pages]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(count):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.test/{i}", "response",
                                                          payload=io.BytesIO(bodies[i % len(bodies)]),
                                                          http_headers=http))


def _peak_mb(args: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> int:
    pages, source = _pages()
    rates = {jobs: _throughput(pages, jobs) for jobs in (1, 2)}
    memory = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1000, 5000):
            warc = Path(tmp) / f"pages-{count}.warc.gz"
            _warc(warc, pages, count)
            memory[count] = _peak_mb([*COMMAND, str(warc), "--quiet", "--out", str(Path(tmp) / "out.jsonl")])
    lines = ["## Batch: the newsclean command", "",
             f"Made by `python bench/batch.py` on {dt.date.today().isoformat()} ({platform.processor() or platform.machine()}, "
             f"Python {platform.python_version()}); numbers as printed. Pages: {source}.", "",
             "| run | pages | pages/s | peak RSS MB | seconds |", "| --- | ---: | ---: | ---: | ---: |"]
    for jobs, rate in rates.items():
        lines.append(f"| `newsclean PAGES --jobs {jobs}` | {len(pages)} | {rate:.1f} | — | {len(pages) / rate:.1f} |")
    for count, (mb, seconds) in memory.items():
        lines.append(f"| `newsclean pages-{count}.warc.gz` (--jobs 1) | {count} | {count / seconds:.1f} | {mb:.0f} | "
                     f"{seconds:.1f} |")
    growth = memory[5000][0] - memory[1000][0]
    lines += ["", f"Memory over 5,000 pages against 1,000: {growth:+.0f} MB — "
              + ("flat: results are streamed, never collected." if abs(growth) < 30 else "it grows: investigate.")
              + " (--jobs 2 runs through the process start-up of its two workers, so small page counts favour --jobs 1.)", ""]
    (ROOT / "docs" / "benchmark-batch.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(json.dumps({"rates": rates, "memory": memory}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
