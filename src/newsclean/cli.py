"""The ``newsclean`` command: clean pages, folders, globs, standard input and WARC archives.

    newsclean PAGE...  [--format text|markdown|json|jsonl] [--out FILE|DIR] [--jobs N]
    newsclean inspect PAGE -o report.html

A page that fails is reported on standard error and the batch goes on; the exit status is
0 when every page gave an article, 1 when some did not, 2 when the command could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsclean.batch import BatchCounts, PageInput, clean_pages, expand_inputs, is_warc, pages_in
from newsclean.model import Form

__all__ = ["main"]

FORMATS = ("text", "markdown", "json", "jsonl")
_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean news pages into article text and metadata.",
        epilog="Also: newsclean inspect PAGE -o report.html (a report of every layer removed).")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="files, folders, globs, .warc/.warc.gz archives, or - for standard input")
    parser.add_argument("--format", choices=FORMATS,
                        help="output format (default: text for one page on a terminal, else jsonl)")
    parser.add_argument("--out", "-o", help="write to this file, or one file per page into this folder "
                                              "(an existing folder, or a name ending in /)")
    parser.add_argument("--url", help="the page's URL (single page; WARC records carry their own)")
    parser.add_argument("--form", choices=[f.value for f in Form], help="force the input form")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="clean in N processes (default 1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["inspect"]:
        from newsclean.inspect import inspect_main

        return inspect_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        paths = list(expand_inputs(args.pages))
    except FileNotFoundError as exc:
        print(f"newsclean: no such file, folder or match: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("newsclean: --jobs must be at least 1", file=sys.stderr)
        return 2
    single = len(paths) == 1 and not is_warc(paths[0])
    fmt = args.format or ("text" if single and sys.stdout.isatty() and not args.out else "jsonl")
    counts = BatchCounts()
    started = time.perf_counter()
    try:
        with _Output(args.out, fmt, single) as output:
            rows = clean_pages(_pages(paths, counts), jobs=args.jobs, url=args.url if single else None,
                               form=args.form)
            for row in _progress(rows, quiet=args.quiet or single):
                counts.add(row)
                if "error" in row:
                    error = row["error"]
                    print(f"newsclean: {row['source']}: {error['type']}: {error['message']}", file=sys.stderr)
                output.write(row)
    except OSError as exc:
        print(f"newsclean: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not (args.quiet or single):
        print(_summary(counts, time.perf_counter() - started), file=sys.stderr)
    return 1 if counts.failed else 0


def _pages(paths: list[str], counts: BatchCounts) -> Iterator[PageInput]:
    for path in paths:
        yield from pages_in(path, counts)


def _progress(rows: Iterator[dict[str, Any]], *, quiet: bool) -> Iterator[dict[str, Any]]:
    """A progress bar on a terminal; nothing extra when standard error is piped."""
    if quiet or not sys.stderr.isatty():
        yield from rows
        return
    from tqdm import tqdm

    yield from tqdm(rows, unit="page", file=sys.stderr, dynamic_ncols=True)


def _summary(counts: BatchCounts, seconds: float) -> str:
    rate = counts.pages / seconds if seconds > 0 else 0.0
    skipped = ""
    if counts.skipped_records:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.skipped_by_type.items()))
        skipped = f", {counts.skipped_records} WARC records skipped ({kinds})"
    return (f"newsclean: {counts.pages} pages, {counts.articles} articles, {counts.not_articles} not articles, "
            f"{counts.errors} errors{skipped}; {rate:.1f} pages/s")


class _Output:
    """Where rows go: standard output, one file, or one file per page in a folder."""

    def __init__(self, out: str | None, fmt: str, single: bool) -> None:
        self.fmt, self.single = fmt, single
        self.folder = Path(out) if out and (out.endswith(os.sep) or os.path.isdir(out)) else None
        self.path = Path(out) if out and self.folder is None else None
        self.stream: TextIO = sys.stdout
        self.count = 0
        self.names: set[str] = set()

    def __enter__(self) -> _Output:
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        elif self.path is not None:
            self.stream = self.path.open("w", encoding="utf-8")
        if self.fmt == "json" and not self.single and self.folder is None:
            self.stream.write("[\n")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fmt == "json" and not self.single and self.folder is None:
            self.stream.write("\n]\n")
        if self.stream is not sys.stdout:
            self.stream.close()
        else:
            self.stream.flush()

    def write(self, row: dict[str, Any]) -> None:
        text = self._render(row)
        if text is None:
            return
        if self.folder is not None:
            (self.folder / self._file_name(row["source"])).write_text(text, encoding="utf-8")
            return
        if self.fmt == "json" and not self.single and self.count:
            self.stream.write(",\n")
        elif self.fmt in ("text", "markdown") and not self.single and self.count:
            self.stream.write("\n")
        self.stream.write(text)
        self.count += 1

    def _render(self, row: dict[str, Any]) -> str | None:
        if self.fmt == "jsonl":
            return json.dumps(row, ensure_ascii=False) + "\n"
        if self.fmt == "json":
            return json.dumps(row, ensure_ascii=False, indent=2) + ("\n" if self.single else "")
        article = row.get("article")
        if article is None:
            return None  # reported on standard error; text has no place for it
        body = _markdown(article) if self.fmt == "markdown" else article["text"] + "\n"
        return body if self.single or self.folder is not None else f"==> {row['source']} <==\n{body}"

    def _file_name(self, source: str) -> str:
        base = Path(source.replace("#", "-")).name or "stdin"
        stem = base[:-len(".warc.gz")] if base.endswith(".warc.gz") else Path(base).stem
        name, n = f"{stem}{_SUFFIX[self.fmt]}", 1
        while name in self.names:
            n += 1
            name = f"{stem}-{n}{_SUFFIX[self.fmt]}"
        self.names.add(name)
        return name


def _markdown(article: dict[str, Any]) -> str:
    from newsclean.render import dict_to_markdown

    return dict_to_markdown(article)


if __name__ == "__main__":
    sys.exit(main())
