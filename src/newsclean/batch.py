"""Many pages: find them (files, folders, globs, standard input, WARC archives), clean each
in its own try, and stream one result row per page — never collecting them.

A result row is a plain dict, the same for the command line, a process pool and Dask:
``source`` (path, or ``path#n`` for the n-th WARC record), ``url``, ``warc_record_id`` and
``warc_date`` (WARC input), and either ``article`` (``Article.to_dict()``) or ``error``
(``type`` and ``message``). A page that cannot be read (too large, a damaged gzip, no
permission) is an error row like a page that cannot be cleaned. :func:`render_pages` passes each
row through a function where the page was cleaned (in the worker process), so that only what it
returns (the command's output text) travels back.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import re
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import newsclean
from newsclean._api import DEFAULT_MAX_BYTES
from newsclean._input import read_limited, read_file
from newsclean.errors import NewscleanError

__all__ = ["BatchCounts", "FoundInput", "PageInput", "clean_page", "clean_pages", "expand_inputs", "find_inputs",
           "is_page_like", "iter_pages", "pages_in", "render_pages"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
GZIP_HTML_SUFFIXES = tuple(f"{suffix}.gz" for suffix in HTML_SUFFIXES)
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
PAGE_SUFFIXES = HTML_SUFFIXES + GZIP_HTML_SUFFIXES + TEXT_SUFFIXES
WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# With jobs > 1, pages go to the workers a few at a time (a quarter of the round trips: the parent,
# which shares the cores, spends less) and come back in input order. The window of pages sent and
# not yet yielded is wide enough that the other workers go on past a page that takes seconds at the
# head of the order (a slow page, or the first page that makes a worker build dateparser's caches,
# about 2 s): on a 1,000-page WARC with 8 pages a process, 2 workers stood idle 12 % of the time;
# with 64, 1 % (only the round trips). It is bounded in pages and in markup bytes, so memory stays
# flat and the input is never read far ahead.
_IN_FLIGHT_PER_JOB = 64
_IN_FLIGHT_BYTES_PER_JOB = 64 << 20
_PAGES_PER_TASK = 4
_TASK_BYTES = 1 << 20  # a task closes at this much markup: a large page goes alone
_PAGES_PER_CHILD = 2000  # a fresh worker now and then: no slow growth over a long batch
_SNIFF_BYTES = 8192
# What a page converted to markdown or text keeps: lines that open with a raw HTML block tag or
# a pandoc fenced div. A README that shows one in a code span, or centres a logo, has fewer.
_CONVERTED_PAGE_LINE = re.compile(rb"^ {0,3}(?:<(?:div|figure|figcaption|section|article|aside|header|nav|main)\b|:::)",
                                  re.I | re.M)
_CONVERTED_PAGE_LINES = 3
_GLOB_MAGIC = re.compile(r"[*?[]")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to clean and where it came from; ``error`` (type, message) when it could not be read."""

    source: str
    markup: bytes
    url: str | None = None
    warc_record_id: str | None = None
    warc_date: str | None = None
    error: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class FoundInput:
    """An input path and the folder argument (or glob's fixed folder) it was found in; None when named directly."""

    path: str
    base: str | None = None


@dataclass(slots=True)
class BatchCounts:
    """What a batch saw: pages cleaned, articles, not-articles, errors, WARC records and files skipped."""

    pages: int = 0
    articles: int = 0
    not_articles: int = 0
    errors: int = 0
    skipped_records: int = 0
    skipped_by_type: dict[str, int] = field(default_factory=dict)
    skipped_files: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.count(row["error"]["type"] if "error" in row else None)

    def count(self, error_type: str | None) -> None:
        """One page more: an article when ``error_type`` is None."""
        self.pages += 1
        if error_type is None:
            self.articles += 1
        elif error_type == "NotAnArticle":
            self.not_articles += 1
        else:
            self.errors += 1

    @property
    def failed(self) -> int:
        return self.not_articles + self.errors


def is_warc(path: str | Path) -> bool:
    """Whether a path names a WARC archive (read record by record, not as one page)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def is_page_like(path: str) -> bool:
    """Whether a file found in a walked folder is read: HTML (plain or gzip) and WARC files always;
    markdown and text only when their start looks like a converted page, so a README is not cleaned."""
    name = path.lower()
    if name.endswith(HTML_SUFFIXES + GZIP_HTML_SUFFIXES) or is_warc(name):
        return True
    if not name.endswith(TEXT_SUFFIXES):
        return False
    head = _head(path)
    return head is None or _looks_converted(head)


def _looks_converted(head: bytes) -> bool:
    """Whether a file's start has several lines opening with raw HTML block tags or ``:::`` fences."""
    lines = _CONVERTED_PAGE_LINE.finditer(head)
    return sum(1 for _ in zip(range(_CONVERTED_PAGE_LINES), lines)) == _CONVERTED_PAGE_LINES


def _head(path: str) -> bytes | None:
    """The first few KB of a file; None when it cannot be read, so that reading it reports why."""
    try:
        with open(path, "rb") as raw:
            return raw.read(_SNIFF_BYTES)
    except OSError:
        return None


def find_inputs(inputs: Iterable[str], counts: BatchCounts | None = None) -> Iterator[FoundInput]:
    """The inputs' files with the folder each was found in: files as they are, folders walked
    (page-like and WARC files, sorted; the others counted in ``counts.skipped_files``), globs
    expanded; ``-`` stays ``-`` (standard input). A missing path raises FileNotFoundError."""
    for item in inputs:
        if item == "-":
            yield FoundInput(item)
        elif os.path.isdir(item):
            yield from _walk(item, counts)
        elif os.path.exists(item):
            yield FoundInput(item)
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(item)
            base = _glob_base(item)
            yield from (FoundInput(m, base) for m in matches if os.path.isfile(m))


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """The paths of :func:`find_inputs` alone (what a Dask bag or a plain loop needs)."""
    for found in find_inputs(inputs):
        yield found.path


def _walk(folder: str, counts: BatchCounts | None) -> Iterator[FoundInput]:
    """A folder's page-like files in sorted order; the files passed over are counted."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if is_page_like(path):
                yield FoundInput(path, folder)
            elif counts is not None:
                counts.skipped_files += 1


def _glob_base(pattern: str) -> str:
    """The folder a glob's matches are found in: its leading parts before the first wildcard."""
    fixed: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if _GLOB_MAGIC.search(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else os.curdir


def pages_in(path: str, counts: BatchCounts | None = None, *, stdin: BinaryIO | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PageInput]:
    """The pages of one input: a file's bytes (gunzipped when gzip), standard input, or a WARC's
    HTML responses — each at most ``max_bytes``; one that cannot be read is an error page."""
    if path == "-":
        stream = stdin or sys.stdin.buffer
        yield _read_page("-", lambda: read_limited(stream, max_bytes, "standard input"))
    elif is_warc(path):
        yield from _warc_pages(path, counts, max_bytes)
    else:
        yield _read_page(path, lambda: read_file(path, max_bytes=max_bytes))


def iter_pages(inputs: Iterable[str], counts: BatchCounts | None = None, *,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PageInput]:
    """Every page of every input, lazily, in order."""
    for path in expand_inputs(inputs):
        yield from pages_in(path, counts, max_bytes=max_bytes)


def _read_page(source: str, read: Callable[[], bytes], **fields: str | None) -> PageInput:
    """A page read by ``read``, or an error page saying why it could not be read."""
    try:
        return PageInput(source, read(), **fields)
    except (NewscleanError, OSError) as exc:
        return _unreadable(source, exc, **fields)


def _unreadable(source: str, exc: BaseException, **fields: str | None) -> PageInput:
    """An error page: the exception's type and message, with no markup."""
    message = (exc.strerror if isinstance(exc, OSError) and exc.strerror else None) or str(exc)
    return PageInput(source, b"", error=(type(exc).__name__, message), **fields)


def _warc_pages(path: str, counts: BatchCounts | None, max_bytes: int) -> Iterator[PageInput]:
    """The HTML responses of a WARC file; a file that cannot be opened or read on is one error page."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with open(path, "rb") as raw:  # warcio reads .warc and .warc.gz (per-record gzip) alike
            for record in ArchiveIterator(raw):
                page = _warc_page(path, number, record, counts, max_bytes)
                if page is not None:
                    yield page
                number += 1
    except (OSError, EOFError, zlib.error, ArchiveLoadFailed) as exc:
        yield _unreadable(f"{path}#{number}", exc)


def _warc_page(path: str, number: int, record: Any, counts: BatchCounts | None, max_bytes: int) -> PageInput | None:
    """One WARC record as a page when it is an HTML response (read up to ``max_bytes``); else counted as skipped."""
    kind = record.rec_type
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if kind != "response" or not content_type.lower().startswith(_HTML_TYPES):
        if counts is not None:
            label = kind if kind != "response" else (content_type.split(";")[0].strip() or "no content type")
            counts.skipped_records += 1
            counts.skipped_by_type[label] = counts.skipped_by_type.get(label, 0) + 1
        return None
    source = f"{path}#{number}"
    headers = record.rec_headers
    fields = {"url": headers.get_header("WARC-Target-URI"), "warc_record_id": headers.get_header("WARC-Record-ID"),
              "warc_date": headers.get_header("WARC-Date")}
    return _read_page(source, lambda: read_limited(record.content_stream(), max_bytes, source), **fields)


def clean_page(page: PageInput, *, url: str | None = None, form: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Clean one page into a result row; any failure (reading it or cleaning it) becomes the row's ``error``."""
    row: dict[str, Any] = {"source": page.source, "url": page.url or url}
    if page.warc_record_id:
        row["warc_record_id"] = page.warc_record_id
        row["warc_date"] = page.warc_date
    if page.error is not None:
        row["error"] = {"type": page.error[0], "message": page.error[1]}
        return row
    try:
        row["article"] = newsclean.clean(page.markup, url=page.url or url, form=form, max_bytes=max_bytes).to_dict()
    except NewscleanError as exc:
        row["error"] = {"type": type(exc).__name__, "message": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one page must never take the batch down
        row["error"] = {"type": f"InternalError.{type(exc).__name__}", "message": str(exc)}
    return row


def _same(row: dict[str, Any]) -> dict[str, Any]:
    return row


def _clean_and_render(page: PageInput, render: Callable[[dict[str, Any]], R], url: str | None, form: str | None,
                      max_bytes: int) -> R:
    """One page's row through ``render``; a row it fails on is rendered as an error row instead."""
    row = clean_page(page, url=url, form=form, max_bytes=max_bytes)
    try:
        return render(row)
    except Exception as exc:  # noqa: BLE001 - one page must never take the batch down
        row = {key: row[key] for key in ("source", "url", "warc_record_id", "warc_date") if key in row}
        row["error"] = {"type": f"InternalError.{type(exc).__name__}", "message": str(exc)}
        return render(row)


def _clean_task(pages: tuple[PageInput, ...], render: Callable[[dict[str, Any]], R], url: str | None,
                form: str | None, max_bytes: int) -> list[R]:
    """A worker's task: a few pages, each cleaned (and rendered) in its own try."""
    return [_clean_and_render(page, render, url, form, max_bytes) for page in pages]


def _tasks(pages: Iterable[PageInput]) -> Iterator[tuple[tuple[PageInput, ...], int]]:
    """The pages in consecutive groups of at most ``_PAGES_PER_TASK`` pages and about ``_TASK_BYTES``
    of markup, each with its markup size; read one group ahead, no more."""
    group: list[PageInput] = []
    size = 0
    for page in pages:
        group.append(page)
        size += len(page.markup)
        if len(group) >= _PAGES_PER_TASK or size >= _TASK_BYTES:
            yield tuple(group), size
            group, size = [], 0
    if group:
        yield tuple(group), size


def clean_pages(pages: Iterable[PageInput], *, jobs: int = 1, url: str | None = None,
                form: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[dict[str, Any]]:
    """Result rows in input order, streamed, from ``jobs`` processes (see :func:`render_pages`)."""
    return render_pages(pages, _same, jobs=jobs, url=url, form=form, max_bytes=max_bytes)


def render_pages(pages: Iterable[PageInput], render: Callable[[dict[str, Any]], R], *, jobs: int = 1,
                 url: str | None = None, form: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[R]:
    """Each page's result row passed through ``render`` where the page was cleaned, in input order, streamed.

    With ``jobs`` > 1 the pages go to a pool of processes a few at a time and ``render`` runs in the
    workers (so it must pickle: a module-level function, or a ``functools.partial`` of one); only
    what it returns comes back. At most ``jobs × 64`` pages and ``jobs × 64 MiB`` of markup are
    sent and not yet yielded (a single larger page goes alone): memory stays flat however many
    pages go through, and the input is never read far ahead (``Pool.imap`` would read all of it).
    A row ``render`` raises on is rendered as an ``InternalError`` row instead."""
    if jobs <= 1:
        for page in pages:
            yield _clean_and_render(page, render, url, form, max_bytes)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a parent holding big state
    max_pages, max_bytes_in_flight = jobs * _IN_FLIGHT_PER_JOB, jobs * _IN_FLIGHT_BYTES_PER_JOB
    with context.Pool(processes=jobs, maxtasksperchild=max(1, _PAGES_PER_CHILD // _PAGES_PER_TASK)) as pool:
        in_flight: deque[tuple[Any, int, int]] = deque()  # (the task's AsyncResult, its pages, its bytes)
        pages_out = bytes_out = 0
        for task, size in _tasks(pages):
            while in_flight and (pages_out + len(task) > max_pages or bytes_out + size > max_bytes_in_flight):
                done, count, done_size = in_flight.popleft()
                pages_out, bytes_out = pages_out - count, bytes_out - done_size
                yield from done.get()
            in_flight.append((pool.apply_async(_clean_task, (task, render, url, form, max_bytes)), len(task), size))
            pages_out, bytes_out = pages_out + len(task), bytes_out + size
        while in_flight:
            yield from in_flight.popleft()[0].get()
