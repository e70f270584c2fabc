"""What every benchmark's report needs: the target verdict, the machine line, the marked
section of docs/benchmark.md it owns, and a checked comma-separated choice on its command line."""

from __future__ import annotations

import importlib.metadata
import os
import platform
from collections.abc import Iterable, Sequence
from pathlib import Path


def met(ok: bool) -> str:
    """The targets table's verdict."""
    return "**met**" if ok else "**not met**"


def machine_line(packages: Iterable[str], *extra: str) -> str:
    """CPU, cores, Python and the versions of ``packages`` that are installed (then ``extra``)."""
    cpu = platform.processor() or platform.machine() or "unknown CPU"
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), cpu)
    except OSError:
        pass
    versions = []
    for package in packages:
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    versions += extra
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} ({platform.system()}); " + ", ".join(versions)


def replace_marked(document: str, text: str, start_mark: str, end_mark: str, name: str) -> str:
    """The document with what lies between the two marks replaced by ``text`` (appended, marked,
    when the marks are absent); a ValueError naming the ``name`` section when they are broken."""
    start, end = document.find(start_mark), document.find(end_mark)
    if start == -1 and end == -1:
        return f"{document.rstrip()}\n\n{start_mark}\n{text.strip()}\n{end_mark}\n"
    if start == -1 or end == -1 or end < start:
        raise ValueError(f"docs/benchmark.md has a broken {name} section: need {start_mark} before {end_mark}")
    return f"{document[:start + len(start_mark)]}\n{text.strip()}\n{document[end:]}"


def choose(value: str | None, known: Sequence[str], what: str) -> list[str]:
    """A comma-separated choice, checked against what is known, in the known order (all when empty)."""
    if not value:
        return list(known)
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return [k for k in known if k in chosen]
