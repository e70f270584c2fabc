"""The ``newsclean`` command: clean pages, folders, globs, standard input and WARC archives.

    newsclean PAGE...  [--format text|markdown|json|jsonl] [--out FILE|DIR] [--jobs N] [--max-bytes N]
    newsclean inspect PAGE -o report.html

A page that fails is reported on standard error and the batch goes on; the exit status is
0 when every page gave an article, 1 when some did not, 2 when the command could not run.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, TextIO

import newsclean
from newsclean.batch import BatchCounts, FoundInput, PageInput, find_inputs, is_warc, pages_in, render_pages
from newsclean.model import Form

__all__ = ["main"]

FORMATS = ("text", "markdown", "json", "jsonl")
_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}
_BYTE_COUNT = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.I)
_BYTE_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean news pages into article text and metadata.",
        epilog="Also: newsclean inspect PAGE -o report.html (a report of every layer removed).")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="files (.html, .html.gz, .md…), folders, globs, .warc/.warc.gz archives, "
                             "or - for standard input")
    parser.add_argument("--format", choices=FORMATS,
                        help="output format (default: text for one page on a terminal, else jsonl)")
    parser.add_argument("--out", "-o", help="write to this file, or one file per page into this folder "
                                              "(an existing folder, or a name ending in /), "
                                              "at each input's relative path")
    parser.add_argument("--url", help="the page's URL (single page; WARC records carry their own)")
    parser.add_argument("--form", choices=[f.value for f in Form], help="force the input form")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="clean in N processes (default 1)")
    parser.add_argument("--max-bytes", type=_byte_count, default=newsclean.DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse a page (file, unpacked gzip, WARC record, standard input) over N bytes; "
                             f"K, M or G suffix allowed (default {newsclean.DEFAULT_MAX_BYTES:,})")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--version", action="version", version=f"newsclean {newsclean.__version__}")
    return parser


def _byte_count(text: str) -> int:
    """A positive number of bytes, from ``65536``, ``64K``, ``64M``, ``1GiB``…"""
    match = _BYTE_COUNT.fullmatch(text.strip())
    if not match or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of bytes: {text!r} (e.g. 1000000, 64K, 64M, 1G)")
    return int(match.group(1)) * _BYTE_UNITS[match.group(2).lower()]


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["inspect"]:
        from newsclean.inspect import inspect_main

        return inspect_main(argv[1:])
    args = build_parser().parse_args(argv)
    counts = BatchCounts()
    try:
        found = list(find_inputs(args.pages, counts))
    except FileNotFoundError as exc:
        print(f"newsclean: no such file, folder or match: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("newsclean: --jobs must be at least 1", file=sys.stderr)
        return 2
    paths = [item.path for item in found]
    single = len(paths) == 1 and not is_warc(paths[0])
    fmt = args.format or ("text" if single and sys.stdout.isatty() and not args.out else "jsonl")
    started = time.perf_counter()
    try:
        with _Output(args.out, fmt, single, found) as output:
            # Each row is rendered where its page was cleaned (in a worker with --jobs N): only the text comes back.
            render = functools.partial(_rendered, fmt, single, output.folder is not None)
            done = render_pages(_pages(paths, counts, args.max_bytes), render, jobs=args.jobs,
                                url=args.url if single else None, form=args.form, max_bytes=args.max_bytes)
            for page in _progress(done, quiet=args.quiet or single):
                counts.count(page.error[0] if page.error else None)
                if page.error:
                    print(f"newsclean: {page.source}: {page.error[0]}: {page.error[1]}", file=sys.stderr)
                output.write(page)
    except OSError as exc:
        print(f"newsclean: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not (args.quiet or single):
        print(_summary(counts, time.perf_counter() - started), file=sys.stderr)
    return 1 if counts.failed else 0


def _pages(paths: list[str], counts: BatchCounts, max_bytes: int) -> Iterator[PageInput]:
    for path in paths:
        yield from pages_in(path, counts, max_bytes=max_bytes)


class _Rendered(NamedTuple):
    """A page's row as the command needs it: its source, its error (type, message) and the text to write (None: none)."""

    source: str
    error: tuple[str, str] | None
    text: str | None


def _rendered(fmt: str, single: bool, to_folder: bool, row: dict[str, Any]) -> _Rendered:
    error = row.get("error")
    return _Rendered(row["source"], (error["type"], error["message"]) if error else None,
                     _render(fmt, single, to_folder, row))


def _render(fmt: str, single: bool, to_folder: bool, row: dict[str, Any]) -> str | None:
    """A row in the output format: a JSON line, indented JSON, or the article's text or markdown
    (with a ``==> source <==`` line between pages in one stream); None for a failed page in text."""
    if fmt == "jsonl":
        return json.dumps(row, ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps(row, ensure_ascii=False, indent=2) + ("\n" if single else "")
    article = row.get("article")
    if article is None:
        return None  # reported on standard error; text has no place for it
    body = _markdown(article) if fmt == "markdown" else article["text"] + "\n"
    return body if single or to_folder else f"==> {row['source']} <==\n{body}"


def _progress(rows: Iterator[_Rendered], *, quiet: bool) -> Iterator[_Rendered]:
    """A progress bar on a terminal; nothing extra when standard error is piped."""
    if quiet or not sys.stderr.isatty():
        yield from rows
        return
    from tqdm import tqdm

    yield from tqdm(rows, unit="page", file=sys.stderr, dynamic_ncols=True)


def _summary(counts: BatchCounts, seconds: float) -> str:
    """The closing line: pages, articles, non-articles, errors, and what was skipped."""
    rate = counts.pages / seconds if seconds > 0 else 0.0
    parts = [_counted(counts.pages, "page"), _counted(counts.articles, "article"),
             _counted(counts.not_articles, "non-article"), _counted(counts.errors, "error")]
    if counts.skipped_records:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.skipped_by_type.items()))
        parts.append(f"{_counted(counts.skipped_records, 'WARC record')} skipped ({kinds})")
    if counts.skipped_files:
        parts.append(f"{_counted(counts.skipped_files, 'file')} skipped as not page-like")
    return f"newsclean: {', '.join(parts)}; {rate:.1f} pages/s"


def _counted(n: int, noun: str) -> str:
    """``1 page``, ``0 pages``, ``2 pages``: the count with the noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _output_path(item: FoundInput) -> PurePosixPath:
    """Where an input's output goes inside ``--out DIR``, without a suffix: its path relative to
    the current folder when it is under it, else relative to the folder it was found in, else
    its name — never with ``..`` or a root, so nothing is written outside DIR."""
    if item.path == "-":
        return PurePosixPath("stdin")
    absolute = Path(os.path.abspath(item.path))
    anchors = [Path.cwd()] + ([Path(os.path.abspath(item.base))] if item.base is not None else [])
    relative = next((absolute.relative_to(a) for a in anchors if absolute.is_relative_to(a) and absolute != a),
                    Path(absolute.name))
    return PurePosixPath(*relative.parts[:-1], _without_suffix(relative.name))


def _without_suffix(name: str) -> str:
    """``source.html`` → ``source``, ``page.html.gz`` → ``page``, ``crawl.warc.gz`` → ``crawl``."""
    lower = name.lower()
    for suffix in (".warc.gz", ".warc"):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    if lower.endswith(".gz") and len(name) > len(".gz"):
        name = name[:-len(".gz")]
    return Path(name).stem


class _OutputNames:
    """The paths handed out in ``--out DIR``: one taken already (two inputs that map to the same
    path, or a file where a folder is needed) gets a number, ``source-2.txt``."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = set()

    def claim(self, wanted: PurePosixPath) -> PurePosixPath:
        """``wanted``, or with the first part that is taken numbered; remembered from now on."""
        parts = list(wanted.parts)
        for depth in range(1, len(parts) + 1):
            is_file, original, n = depth == len(parts), parts[depth - 1], 1
            while self._taken(parts[:depth], is_file=is_file):
                n += 1
                parts[depth - 1] = _numbered(original, n, is_file=is_file)
        claimed = PurePosixPath(*parts)
        self.files.add(_key(claimed.parts))
        self.folders.update(_key(claimed.parts[:depth]) for depth in range(1, len(claimed.parts)))
        return claimed

    def _taken(self, parts: list[str], *, is_file: bool) -> bool:
        """Whether the path is a page's file already, or (for a file) a folder already."""
        key = _key(parts)
        return key in self.files or (is_file and key in self.folders)


def _key(parts: tuple[str, ...] | list[str]) -> str:
    """A path as the file system may compare it (case-insensitively, on macOS and Windows)."""
    return "/".join(parts).casefold()


def _numbered(name: str, n: int, *, is_file: bool) -> str:
    """``source.txt`` → ``source-2.txt`` for a file, ``crawl`` → ``crawl-2`` for a folder."""
    if not is_file:
        return f"{name}-{n}"
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{n}{dot}{suffix}" if stem else f"{name}-{n}"


class _Output:
    """Where rows go: standard output, one file, or one file per page in a folder."""

    def __init__(self, out: str | None, fmt: str, single: bool, found: list[FoundInput]) -> None:
        self.fmt, self.single = fmt, single
        self.folder = Path(out) if out and (out.endswith(os.sep) or os.path.isdir(out)) else None
        self.path = Path(out) if out and self.folder is None else None
        self.stream: TextIO = sys.stdout
        self.count = 0
        self.inputs = {item.path: item for item in found}
        self.names = _OutputNames()

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

    def write(self, page: _Rendered) -> None:
        text = page.text
        if text is None:
            return
        if self.folder is not None:
            target = self.folder / self._file_path(page.source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            return
        if self.fmt == "json" and not self.single and self.count:
            self.stream.write(",\n")
        elif self.fmt in ("text", "markdown") and not self.single and self.count:
            self.stream.write("\n")
        self.stream.write(text)
        self.count += 1

    def _file_path(self, source: str) -> PurePosixPath:
        """The output file for a row, inside the folder: the input's relative path (a WARC
        record's is the WARC's path, then its record number), a number added if taken."""
        suffix = _SUFFIX[self.fmt]
        if source in self.inputs:
            base = _output_path(self.inputs[source])
            wanted = base.with_name(base.name + suffix)
        else:
            warc, _, number = source.rpartition("#")
            wanted = _output_path(self.inputs[warc]) / f"{number}{suffix}"
        claimed = self.names.claim(wanted)
        if claimed != wanted:
            print(f"newsclean: {source}: {wanted} is already written for another page; wrote {claimed}",
                  file=sys.stderr)
        return claimed


def _markdown(article: dict[str, Any]) -> str:
    from newsclean.render import dict_to_markdown

    return dict_to_markdown(article)


if __name__ == "__main__":
    sys.exit(main())
