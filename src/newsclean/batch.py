"""Many pages: find them (files, folders, globs, standard input, WARC archives), clean each
in its own try, and stream one result row per page — never collecting them.

A result row is a plain dict, the same for the command line, a process pool and Dask:
``source`` (path, or ``path#n`` for the n-th WARC record), ``url``, ``warc_record_id`` and
``warc_date`` (WARC input), and either ``article`` (``Article.to_dict()``) or ``error``
(``type`` and ``message``).
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import newsclean
from newsclean.errors import NewscleanError

__all__ = ["BatchCounts", "PageInput", "clean_page", "clean_pages", "expand_inputs", "iter_pages", "pages_in"]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_IN_FLIGHT_PER_JOB = 8
_TASKS_PER_CHILD = 2000  # a fresh worker now and then: no slow growth over a long batch


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to clean and where it came from."""

    source: str
    markup: bytes
    url: str | None = None
    warc_record_id: str | None = None
    warc_date: str | None = None


@dataclass(slots=True)
class BatchCounts:
    """What a batch saw: pages cleaned, articles, not-articles, errors, WARC records skipped."""

    pages: int = 0
    articles: int = 0
    not_articles: int = 0
    errors: int = 0
    skipped_records: int = 0
    skipped_by_type: dict[str, int] = field(default_factory=dict)

    def add(self, row: dict[str, Any]) -> None:
        self.pages += 1
        if "article" in row:
            self.articles += 1
        elif row["error"]["type"] == "NotAnArticle":
            self.not_articles += 1
        else:
            self.errors += 1

    @property
    def failed(self) -> int:
        return self.not_articles + self.errors


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Paths for the inputs: files as they are, folders walked (page and WARC files, sorted),
    globs expanded; ``-`` stays ``-`` (standard input). A missing path raises FileNotFoundError."""
    for item in inputs:
        if item == "-":
            yield item
        elif os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(PAGE_SUFFIXES + WARC_SUFFIXES):
                        yield os.path.join(root, name)
        elif os.path.exists(item):
            yield item
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(item)
            yield from (m for m in matches if os.path.isfile(m))


def pages_in(path: str, counts: BatchCounts | None = None, *, stdin: BinaryIO | None = None) -> Iterator[PageInput]:
    """The pages of one input: a file's bytes, standard input, or a WARC's HTML responses."""
    if path == "-":
        yield PageInput("-", (stdin or sys.stdin.buffer).read())
    elif is_warc(path):
        yield from _warc_pages(path, counts)
    else:
        yield PageInput(path, Path(path).read_bytes())


def iter_pages(inputs: Iterable[str], counts: BatchCounts | None = None) -> Iterator[PageInput]:
    """Every page of every input, lazily, in order."""
    for path in expand_inputs(inputs):
        yield from pages_in(path, counts)


def _warc_pages(path: str, counts: BatchCounts | None) -> Iterator[PageInput]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as raw:  # warcio reads .warc and .warc.gz (per-record gzip) alike
        for number, record in enumerate(ArchiveIterator(raw)):
            kind = record.rec_type
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if kind != "response" or not content_type.lower().startswith(_HTML_TYPES):
                if counts is not None:
                    label = kind if kind != "response" else (content_type.split(";")[0].strip() or "no content type")
                    counts.skipped_records += 1
                    counts.skipped_by_type[label] = counts.skipped_by_type.get(label, 0) + 1
                continue
            headers = record.rec_headers
            yield PageInput(f"{path}#{number}", record.content_stream().read(),
                            url=headers.get_header("WARC-Target-URI"),
                            warc_record_id=headers.get_header("WARC-Record-ID"),
                            warc_date=headers.get_header("WARC-Date"))


def clean_page(page: PageInput, *, url: str | None = None, form: str | None = None) -> dict[str, Any]:
    """Clean one page into a result row; any failure becomes the row's ``error``."""
    row: dict[str, Any] = {"source": page.source, "url": page.url or url}
    if page.warc_record_id:
        row["warc_record_id"] = page.warc_record_id
        row["warc_date"] = page.warc_date
    try:
        row["article"] = newsclean.clean(page.markup, url=page.url or url, form=form).to_dict()
    except NewscleanError as exc:
        row["error"] = {"type": type(exc).__name__, "message": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one page must never take the batch down
        row["error"] = {"type": f"InternalError.{type(exc).__name__}", "message": str(exc)}
    return row


def _clean_for_pool(args: tuple[PageInput, str | None, str | None]) -> dict[str, Any]:
    page, url, form = args
    return clean_page(page, url=url, form=form)


def clean_pages(pages: Iterable[PageInput], *, jobs: int = 1, url: str | None = None,
                form: str | None = None) -> Iterator[dict[str, Any]]:
    """Result rows in input order, streamed: with ``jobs`` > 1, from a pool of processes with
    at most ``jobs × 8`` pages in flight, so memory stays flat however many pages go through
    (``Pool.imap`` would read the whole input ahead)."""
    if jobs <= 1:
        for page in pages:
            yield clean_page(page, url=url, form=form)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a parent holding big state
    window = jobs * _IN_FLIGHT_PER_JOB
    with context.Pool(processes=jobs, maxtasksperchild=_TASKS_PER_CHILD) as pool:
        in_flight: deque[Any] = deque()
        for page in pages:
            in_flight.append(pool.apply_async(_clean_for_pool, ((page, url, form),)))
            if len(in_flight) >= window:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()
