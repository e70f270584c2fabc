"""newsclean, trafilatura and newspaper4k on the metaset: 1,375 real pages with the title, authors and
publication date other projects' tests assert (issue 13).

    python bench/metaset.py                                   # every page, 3 extractors; writes
                                                              # docs/benchmark-metaset-pages.csv and the metaset
                                                              # section of docs/benchmark.md
    python bench/metaset.py --extractors newsclean --failures authors
                                                              # newsclean alone (about a minute), then its author
                                                              # misses: page, expected, got, kind
    python bench/metaset.py --sources wcxb-dev --limit 50     # a partial run
    python bench/metaset.py --pages wcxb-dev/0001,metascraper/acast --failures title
    python bench/metaset.py --extractors newsclean --pandoc   # newsclean, and newsclean again on the pandoc gfm and
                                                              # markdown forms of every scored page (issue 13)

Reads /work/shared/metaset (see its README). Every extractor runs on every page in the same run, in a
pool of worker processes: newsclean gets the page bytes and the `url` of expected.json
(`newsclean.clean(data, url=url)`, the public call, scored as it is); trafilatura gets the page
decoded to text (newsclean's decoder, as bench/devset.py feeds peers) through
`trafilatura.extract_metadata(text, default_url=url)`, its metadata function (the one its own metadata
tests call; `bare_extraction(with_metadata=True)` drops the metadata of any page whose body it finds
too short); newspaper4k gets the same text through `Article(url, fetch_images=False)`,
`download(input_html=text)`, `parse()`, offline: the workers block sockets, so a network call would
raise and count. A call over 120 s is stopped and counts as a raise.

A partial run (--limit, --sources, --pages, --extractors, another --metaset, or a peer that is not
installed) never writes to docs/: its CSV and section go to bench/out/.

--pandoc (issue 13: metadata from a page's pandoc markdown as good as from its HTML) also converts every scored
(not dubious) page with `pandoc --sandbox -f html -t gfm` and `-t markdown`, from the page decoded to UTF-8 by
newsclean's decoder, in the workers, through bench/devset.py's `convert` (its per-conversion timeout, its cache
under ~/.cache/newsclean-bench/pandoc/; a first run converts about 2,600 files: 12 minutes for the whole run on 2
shared cores), and scores `newsclean.clean(markdown_bytes, url=url)` with the same rules (NotAnArticle's `.page`
metadata included). Failed conversions are counted and named, not scored. The section gets a "Pandoc forms" table (newsclean on the
HTML, gfm and markdown of the pages where both conversions succeeded, with the gaps) and a target line, and the
per-page CSV the columns newsclean_gfm, newsclean_gfm_match, newsclean_gfm_first_author, newsclean_gfm_error (a
newsclean raise, or pandoc-timeout / pandoc-error when the page did not convert) and the same for markdown, empty
on dubious pages. Without --pandoc, or when pandoc is not installed (the run says so and goes on), the section
and the CSV are exactly as they are without it: no pandoc columns at all.

Matching rules (the report repeats them; `RULES` below is that text):

- Normalisation, every field: Unicode NFKC; typographic quotes to ' and " (‘ ’ ‚ ‛ ` ´ → ', “ ” „ ‟ → ");
  dashes (‐ ‑ ‒ – — ― − ﹘ ﹣ －) to "-"; whitespace collapsed to one space and stripped; case-folded.
- Title: a match when the normalised titles are equal; or when one title, with one or more leading
  segments or one or more trailing segments cut off, equals the other; or when both titles, so cut, leave
  the same text and that text is longer than every segment cut off. Segments are cut at the separators
  ` | `, ` - ` (so also ` – ` and ` — `), ` -- `, ` :: `, ` · `, ` • `, ` » `, ` // `. So "Title | Site"
  matches "Title", "Title - Site.com" and "Title | Section | Site"; "Site: Title" (a colon) does not match
  "Title"; "Breaking - One story" does not match "Breaking - Another".
- Authors: each expected string and each extracted name loses what is in parentheses and is split on `,`,
  `;`, `&` and the word `and`; each piece loses a leading "by" (with an optional ":"), then a leading
  honorific (Dr, Prof, Professor, Mr, Mrs, Ms, Mx, with or without a dot), its surrounding punctuation and
  blanks, and is normalised; empty pieces go; a piece after the first that is a credential (PhD, Ph.D., M.D., Jr., Sr.,
  Esq., II-IV, or one word of 2-6 upper-case letters with optional dots/digits/®, such as MD, RD, FAND,
  CFP, DVM) goes too. Strict match: the two sets of names are equal. Soft match ("authors, first"): the
  first expected name is among the extracted names.
- Published: the expected value's calendar day (`YYYY-MM-DD`, or the date part of an ISO-8601 value as
  written) against the extracted value's calendar day as the extractor gives it (a datetime's own local
  date, not converted). Equal days match; for expected values ending in `Z` (UTC conversions) a day
  either side matches too; an expected month (`YYYY-MM`) matches any day of that month.
- Expected `null` (title, published) or `[]` (authors): the source asserts nothing is found; it matches
  only an empty result. An absent key is no assertion: the page does not count for that field.
- A page where an extractor raises (newsclean: NotAnArticle or any other exception) is a miss for that
  extractor on every field the page asserts, `null`/`[]` included.
- Pages whose notes say `dubious:` are left out of every score (they stay in the per-page CSV); the
  raise counts are over every page.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import logging
import multiprocessing
import os
import re
import shlex
import socket
import statistics
import sys
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import choose, machine_line, met, replace_marked  # noqa: E402
from corpus import ROOT  # noqa: E402
from devset import (CALL_TIMEOUT_S, PANDOC_FORMS, PANDOC_TIMEOUT_S, convert, decoded_for_peers, deadline,  # noqa: E402
                    natural_key, pandoc_version)

VERSIONS_SHOWN = ("newsclean", "trafilatura", "htmldate", "newspaper4k", "selectolax", "lxml")  # the packages whose versions the machine line gives

METASET = ROOT.parent / "shared" / "metaset"
SOURCES = ("htmldate", "goose3", "newspaper4k", "trafilatura-cache", "metascraper", "postlight-parser",
           "mediacloud-metadata-lib", "wcxb-dev")
EXTRACTORS = ("newsclean", "trafilatura", "newspaper4k")
FIELDS = ("title", "authors", "published")
COLUMNS = ("title", "authors", "authors (first)", "published")  # what the tables score: authors twice
TIERS = ("annotated", "test-asserted", "snapshot", "snapshot-unasserted")
DOCS = ROOT / "docs"
PAGES_CSV = "benchmark-metaset-pages.csv"
PARTIAL_OUT = ROOT / "bench" / "out"
MARK_START, MARK_END = "<!-- metaset:start -->", "<!-- metaset:end -->"
NO_URL = "https://example.invalid/article.html"  # newspaper4k needs some URL; pages whose source gives none

TARGET_AUTHORS = 0.80
TARGET_PUBLISHED = 0.95
TARGET_PANDOC_GAP = 0.05  # issue 13: newsclean on each pandoc form within this of its score on the HTML, every field
EXAMPLES = 3
RAISE_MESSAGES = 4  # the most common messages shown per extractor

RULES = [
    "- Normalisation, every field: Unicode NFKC; typographic quotes to `'` and `\"` (‘ ’ ‚ ‛ \\` ´ → `'`, "
    "“ ” „ ‟ → `\"`); dashes (‐ ‑ ‒ – — ― − ﹘ ﹣ －) to `-`; whitespace collapsed to one space and stripped; "
    "case-folded.",
    "- Title: a match when the normalised titles are equal; or when one title, with one or more leading segments or "
    "one or more trailing segments cut off, equals the other; or when both titles, so cut, leave the same text and "
    "that text is longer than every segment cut off. Segments are cut at the separators ` | `, ` - ` (so also "
    "` – `, ` — `), ` -- `, ` :: `, ` · `, ` • `, ` » `, ` // `. \"Title \\| Site\" matches \"Title\", \"Title - "
    "Site.com\" and \"Title \\| Section \\| Site\"; \"Site: Title\" (a colon) does not match \"Title\"; \"Breaking - "
    "One story\" does not match \"Breaking - Another\".",
    "- Authors: each expected string and each extracted name loses what is in parentheses and is split on `,`, `;`, "
    "`&` and the word `and`; each piece loses a leading \"by\" (optionally with `:`), then a leading honorific (Dr, "
    "Prof, Professor, Mr, Mrs, Ms, Mx, with or without a dot), its surrounding punctuation and blanks, and is "
    "normalised; empty pieces go, and so does a piece after the first that is a credential (PhD, Ph.D., M.D., Jr., Sr., Esq., "
    "II–IV, or one word of 2–6 upper-case letters with optional dots, digits or ®: MD, RD, FAND, CFP, DVM). "
    "**authors**: the two sets of names are equal. **authors (first)**, softer: the first expected name is among "
    "the extracted names.",
    "- Published: the expected value's calendar day (`YYYY-MM-DD`, or the date part of an ISO-8601 value as "
    "written) against the extracted value's calendar day as the extractor gives it (a datetime's own local date, "
    "not converted). Equal days match; for expected values ending in `Z` (UTC conversions by metascraper and "
    "postlight) a day either side matches too; an expected month (`YYYY-MM`, 2 WCXB pages) matches any day of it.",
    "- Expected `null` (title, published) or `[]` (authors): the source asserts nothing is found; it matches only "
    "an empty result. An absent key is no assertion: the page does not count for that field.",
    "- A page an extractor raises on is a miss for it on every field the page asserts, `null`/`[]` included, "
    "except where newsclean's `NotAnArticle` carries the page's metadata (`NotAnArticle.page`): those fields are "
    "scored, and the page still counts as raised.",
    "- Scores are pooled: matched pages ÷ pages asserting the field, per source and over every source. Pages whose "
    "notes say `dubious:` are left out of every score (they stay in the CSV); the raise counts cover every page.",
]


# --- matching rules -----------------------------------------------------------------------

_QUOTES = str.maketrans({**{c: "'" for c in "‘’‚‛`´"}, **{c: '"' for c in "“”„‟"},
                         **{c: "-" for c in "‐‑‒–—―−﹘﹣－"}})
_SPACE = re.compile(r"\s+")
TITLE_SEPARATORS = (" | ", " - ", " -- ", " :: ", " · ", " • ", " » ", " // ")


def normalise(text: str | None) -> str:
    """NFKC, quotes and dashes unified, whitespace collapsed and stripped, case-folded ("" for None)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def title_cuts(title: str | None) -> dict[str, int]:
    """What is left of the normalised title when leading or trailing segments are cut off at a separator (see
    RULES), each with the length of the longest segment cut off to leave it."""
    text = normalise(title)
    cuts: dict[str, int] = {}
    for sep in TITLE_SEPARATORS:
        start = text.find(sep)
        while start > 0:
            end = start + len(sep)
            head, tail = text[:start].strip(), text[end:].strip()
            for kept, cut in ((head, tail), (tail, head)):
                if kept and kept != text:
                    longest = max(len(part.strip()) for part in _split_title(cut))
                    cuts[kept] = min(cuts.get(kept, longest), longest)
            start = text.find(sep, end)
    return cuts


def _split_title(text: str) -> list[str]:
    """A title's segments, cut at every separator."""
    parts = [text]
    for sep in TITLE_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(sep)]
    return parts


def title_matches(expected: str | None, got: str | None) -> bool:
    """The title rule; an expected None matches only an empty title."""
    want, have = normalise(expected), normalise(got)
    if not want:
        return not have
    if not have:
        return False
    if want == have:
        return True
    want_cuts, have_cuts = title_cuts(want), title_cuts(have)
    if have in want_cuts or want in have_cuts:  # one side with its site name(s) cut off is the other side
        return True
    return any(len(kept) > max(cut, have_cuts[kept]) for kept, cut in want_cuts.items() if kept in have_cuts)


_AUTHOR_SPLIT = re.compile(r"[,;&]|\band\b", re.IGNORECASE)
_BY = re.compile(r"^by\b\s*:?\s*", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+(?=\S)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_EDGES = " \t\n.,:;|·•-_*/\\()[]{}\"'"
_CREDENTIAL_WORDS = frozenset({"phd", "ph.d", "ph. d", "md", "m.d", "jr", "sr", "esq", "ii", "iii", "iv"})
_CREDENTIAL = re.compile(r"^(?=(?:[^A-Za-z]*[A-Z]){2,6}[^A-Za-z]*$)[A-Z0-9.®™]+$")


def is_credential(piece: str) -> bool:
    """A name piece that is a title or credential (not a person): PhD, M.D., Jr., MD, RD, FAND, CEPF®…"""
    piece = unicodedata.normalize("NFKC", piece).strip(_EDGES)
    return piece.casefold().rstrip(".") in _CREDENTIAL_WORDS or bool(_CREDENTIAL.match(piece))


def author_names(values: Iterable[str] | None) -> list[str]:
    """The names in these author strings, split, cleaned and normalised (see RULES), in order, without repeats."""
    names: list[str] = []
    for value in values or ():
        text = _PARENTHESES.sub(" ", unicodedata.normalize("NFKC", value or ""))
        for i, raw in enumerate(_AUTHOR_SPLIT.split(text)):
            piece = _HONORIFIC.sub("", _BY.sub("", raw.strip(_EDGES)).strip(_EDGES)).strip(_EDGES)
            if not piece or ((names or i) and is_credential(piece)):
                continue
            name = normalise(piece)
            if name and name not in names:
                names.append(name)
    return names


def authors_match(expected: Sequence[str] | None, got: Sequence[str] | None) -> bool:
    """Strict: the same set of names; an expected [] matches only no names."""
    return set(author_names(expected)) == set(author_names(got))


def first_author_found(expected: Sequence[str] | None, got: Sequence[str] | None) -> bool:
    """Soft: the first expected name is among the extracted names; an expected [] matches only no names."""
    wanted, found = author_names(expected), author_names(got)
    if not wanted:
        return not found
    return wanted[0] in found


_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def expected_day(value: str) -> tuple[dt.date, int, bool]:
    """The expected day, the tolerance in days (1 for `...Z` values) and whether only the month is given."""
    m = _DAY.match(value.strip())
    if not m:
        raise ValueError(f"not an ISO date: {value!r}")
    year, month, day = int(m[1]), int(m[2]), int(m[3] or 1)
    return dt.date(year, month, day), (1 if value.strip().endswith("Z") else 0), m[3] is None


def extracted_day(value: str | dt.date | None) -> dt.date | None:
    """The calendar day of an extracted date (ISO string, date or datetime), as the extractor gives it."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DAY.match(str(value).strip())
    if not m or m[3] is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def published_matches(expected: str | None, got: str | dt.date | None) -> bool:
    """Same day (±1 for `...Z` expected values; any day of an expected month); None matches only no date."""
    day = extracted_day(got)
    if expected is None:
        return day is None
    if day is None:
        return False
    want, tolerance, month_only = expected_day(expected)
    if month_only:
        return (day.year, day.month) == (want.year, want.month)
    return abs((day - want).days) <= tolerance


# --- records ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PageRef:
    """Where one metaset page lives."""

    source: str
    page_id: str
    folder: Path


@dataclass(frozen=True, slots=True)
class Meta:
    """One extractor's metadata for one page, or why it has none."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO-8601 as the extractor gave it (date or datetime)
    error: str = ""  # the exception's type when the call raised
    detail: str = ""  # the exception's message
    ms: float = 0.0  # wall-clock time of the call
    cpu_ms: float = 0.0  # this process's CPU time during the call (steadier when the machine is shared)
    network: int = 0  # connections or name lookups the call tried (all blocked)
    # newsclean's NotAnArticle carries the refused page's metadata: the call raised (``error``),
    # and the fields are still scored from what the exception carried
    metadata_on_raise: bool = False


@dataclass(frozen=True, slots=True)
class PageResult:
    """Every extractor on one page, with what the page's source asserts."""

    source: str
    page_id: str
    tier: str
    dubious: bool
    expected: Mapping[str, object]  # only the asserted fields of FIELDS
    got: Mapping[str, Meta]
    # --pandoc, scored pages only: newsclean on each pandoc form that converted (form → Meta), and the forms that
    # did not (form → "timeout" | "error"); both empty when the forms were not run
    pandoc: Mapping[str, Meta] = field(default_factory=dict)
    pandoc_failed: Mapping[str, str] = field(default_factory=dict)


def matches(column: str, expected: object, meta: Meta) -> bool:
    """Whether the extractor's value matches the expected one for a table column (a raise never
    matches, unless the exception carried the page's metadata)."""
    if meta.error and not meta.metadata_on_raise:
        return False
    if column == "title":
        return title_matches(expected, meta.title)  # type: ignore[arg-type]
    if column == "authors":
        return authors_match(expected, meta.authors)  # type: ignore[arg-type]
    if column == "authors (first)":
        return first_author_found(expected, meta.authors)  # type: ignore[arg-type]
    if column == "published":
        return published_matches(expected, meta.published)  # type: ignore[arg-type]
    raise ValueError(f"unknown column {column!r}")


def field_of(column: str) -> str:
    """The expected.json key a column reads."""
    return "authors" if column.startswith("authors") else column


def miss_kind(column: str, expected: object, meta: Meta) -> str:
    """What kind of miss this is ("" for a match): the families the report counts."""
    if matches(column, expected, meta):
        return ""
    if meta.error:
        return f"raised {meta.error}" + (", metadata read from it" if meta.metadata_on_raise else "")
    if column == "title":
        want, got = normalise(expected), normalise(meta.title)  # type: ignore[arg-type]
        if not want:
            return "found, source asserts none"
        if not got:
            return "none found"
        if want in got:
            return "longer (holds the expected title)"
        if got in want:
            return "shorter (inside the expected title)"
        return "different"
    if column.startswith("authors"):
        want, got_ = set(author_names(expected)), set(author_names(meta.authors))  # type: ignore[arg-type]
        if not want:
            return "found, source asserts none"
        if not got_:
            return "none found"
        if got_ < want:
            return "some names missing"
        if got_ > want:
            return "extra names"
        return "overlap" if got_ & want else "different names"
    want_value = str(expected) if expected is not None else None
    day = extracted_day(meta.published)
    if want_value is None:
        return "found, source asserts none"
    if day is None:
        return "none found"
    delta = abs((day - expected_day(want_value)[0]).days)
    if delta <= 1:
        return "off by 1 day"
    if delta <= 7:
        return "off by 2-7 days"
    if delta <= 366:
        return "off by 8 days to a year"
    return "off by more than a year"


# --- the extractors -----------------------------------------------------------------------

def _iso(value: object) -> str | None:
    """A date/datetime (or a string) as ISO-8601 text."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _newsclean() -> Callable[[bytes, str, str | None], Meta]:
    import newsclean

    def run(raw: bytes, text: str, url: str | None) -> Meta:
        try:
            article = newsclean.clean(raw, url=url)
        except newsclean.NotAnArticle as exc:
            if exc.page is None:
                raise
            page = exc.page
            return Meta(page.title, tuple(page.authors), _iso(page.published), type(exc).__name__,
                        " ".join(str(exc).split())[:200], metadata_on_raise=True)
        return Meta(article.title, tuple(article.authors), _iso(article.published))

    return run


def _trafilatura() -> Callable[[bytes, str, str | None], Meta]:
    from trafilatura import extract_metadata

    def run(raw: bytes, text: str, url: str | None) -> Meta:
        doc = extract_metadata(text, default_url=url)
        if doc is None:
            return Meta()
        names = tuple(n.strip() for n in (doc.author or "").split(";") if n.strip())
        return Meta(doc.title, names, _iso(doc.date))

    return run


def _newspaper() -> Callable[[bytes, str, str | None], Meta]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": only its NLP features need it
        import newspaper

    def run(raw: bytes, text: str, url: str | None) -> Meta:
        article = newspaper.Article(url or NO_URL, fetch_images=False)
        article.download(input_html=text)  # parse what we give it: no download
        article.parse()
        return Meta(article.title or None, tuple(article.authors or ()), _iso(article.publish_date))

    return run


FACTORIES: dict[str, Callable[[], Callable[[bytes, str, str | None], Meta]]] = {
    "newsclean": _newsclean, "trafilatura": _trafilatura, "newspaper4k": _newspaper}
PACKAGES = {"newsclean": "newsclean", "trafilatura": "trafilatura", "newspaper4k": "newspaper4k"}


def load_extractors(names: Sequence[str]) -> tuple[dict[str, Callable[[bytes, str, str | None], Meta]], dict[str, str]]:
    """The extractors that import, and for the others why they were left out."""
    ready, missing = {}, {}
    for name in names:
        try:
            ready[name] = FACTORIES[name]()
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name}); pip install -e '.[bench]'"
    return ready, missing


class NetworkBlocked(OSError):
    """An extractor tried to reach the network; the benchmark runs offline."""


_NETWORK_TRIES: list[str] = []  # what this process tried to reach (blocked), in order


def block_network() -> None:
    """Make every socket connection and name lookup in this process raise NetworkBlocked (and note the try)."""
    def refuse(*args: object, **kwargs: object) -> None:
        target = str(args[1] if len(args) > 1 and isinstance(args[0], socket.socket) else args[:1])[:80]
        _NETWORK_TRIES.append(target)
        raise NetworkBlocked(f"network access blocked in the benchmark: {target}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


_WORKER: dict[str, Callable[[bytes, str, str | None], Meta]] = {}


def init_worker(names: Sequence[str]) -> None:
    """Pool initializer: no network, quiet peers, the extractors imported."""
    block_network()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)  # trafilatura and htmldate log every page they dislike
    ready, _ = load_extractors(names)
    _WORKER.clear()
    _WORKER.update(ready)


def run_one(fn: Callable[[bytes, str, str | None], Meta], raw: bytes, text: str, url: str | None) -> Meta:
    """One extractor on one page, timed; an exception (or a call over the time limit) is recorded, not raised."""
    tries, start, cpu_start = len(_NETWORK_TRIES), time.perf_counter(), time.process_time()
    try:
        with deadline(CALL_TIMEOUT_S):
            meta = fn(raw, text, url)
    except Exception as exc:  # noqa: BLE001 - a crash on a page is a result, not the end of the run
        meta = Meta(error=type(exc).__name__, detail=" ".join(str(exc).split())[:200])
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu_start) * 1000
    return Meta(meta.title, meta.authors, meta.published, meta.error, meta.detail, ms, cpu_ms,
                len(_NETWORK_TRIES) - tries, meta.metadata_on_raise)


def read_expected(folder: Path) -> dict[str, object]:
    """A page's expected.json."""
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def read_page(folder: Path) -> bytes:
    """The page's bytes: source.html.gz decompressed. A wcxb-dev entry is a relative symlink to the devset's
    copy; where the symlink arrived as a small file holding its target path instead, that path is followed."""
    data = (folder / "source.html.gz").read_bytes()
    if not data.startswith(b"\x1f\x8b") and len(data) < 1024:
        target = data.decode("utf-8", "replace").strip()
        if target and "\n" not in target and not os.path.isabs(target):
            data = (folder / target).read_bytes()
    return gzip.decompress(data)


def tier_of(notes: str) -> str:
    """The trust tier: the bracketed first word of notes."""
    return notes[1:notes.index("]")] if notes.startswith("[") and "]" in notes else ""


def measure_page(ref: PageRef, names: Sequence[str], pandoc: str | None = None) -> PageResult:
    """Every extractor on one page: bytes and url to newsclean, decoded text and url to the peers; with a pandoc
    version, newsclean also on the page's pandoc forms (scored pages only)."""
    exp = read_expected(ref.folder)
    raw = read_page(ref.folder)
    text = decoded_for_peers(raw)
    url = exp.get("url") if isinstance(exp.get("url"), str) else None
    got = {name: run_one(_WORKER[name], raw, text, url) for name in names}
    notes = str(exp.get("notes", ""))
    dubious = "dubious:" in notes
    forms, failed = ({}, {}) if not pandoc or dubious or "newsclean" not in names else pandoc_forms(ref, text, url,
                                                                                                    pandoc)
    return PageResult(ref.source, ref.page_id, tier_of(notes), dubious, {k: exp[k] for k in FIELDS if k in exp}, got,
                      forms, failed)


def pandoc_forms(ref: PageRef, text: str, url: str | None, version: str) -> tuple[dict[str, Meta], dict[str, str]]:
    """newsclean (``newsclean.clean(markdown_bytes, url=url)``) on each pandoc form of the page's decoded text,
    converted by bench/devset.py's ``convert`` (``pandoc --sandbox``, timeout, cache); the forms that did not convert
    with why ("timeout" | "error")."""
    forms: dict[str, Meta] = {}
    failed: dict[str, str] = {}
    for form in PANDOC_FORMS:
        conversion = convert(ref, form, text, version, PANDOC_TIMEOUT_S)  # type: ignore[arg-type] - source, page_id
        if conversion.text is None:
            failed[form] = conversion.failure or "error"
        else:
            forms[form] = run_one(_WORKER["newsclean"], conversion.text.encode("utf-8"), conversion.text, url)
    return forms, failed


def list_pages(root: Path, sources: Sequence[str], limit: int | None, pages: Sequence[str] = ()) -> list[PageRef]:
    """The pages of the chosen sources in natural order (the first ``limit`` of each), or exactly ``pages``."""
    if pages:
        refs = []
        for item in pages:
            source, _, page_id = item.partition("/")
            folder = root / source / page_id
            if not (folder / "expected.json").is_file():
                raise SystemExit(f"no such metaset page: {item} (want SOURCE/ID, e.g. wcxb-dev/0001)")
            refs.append(PageRef(source, page_id, folder))
        return refs
    refs = []
    for source in sources:
        folders = sorted((d for d in (root / source).iterdir() if (d / "expected.json").is_file()),
                         key=lambda d: natural_key(d.name))
        refs += [PageRef(source, d.name, d) for d in folders[:limit]]
    return refs


def measure_all(refs: Sequence[PageRef], names: Sequence[str], jobs: int,
                pandoc: str | None = None) -> list[PageResult]:
    """Every extractor on every page, in a pool of ``jobs`` processes (in this process when jobs is 1), in page order;
    with a pandoc version, newsclean on the pandoc forms of the scored pages too."""
    from tqdm import tqdm

    work = partial(measure_page, names=tuple(names), pandoc=pandoc)
    bar = partial(tqdm, total=len(refs), desc="metaset", unit="page", file=sys.stderr, smoothing=0.05)
    if jobs <= 1:
        init_worker(names)
        results = [work(ref) for ref in bar(refs)]
    else:
        chunk = max(1, min(8, len(refs) // (jobs * 20) or 1))
        with multiprocessing.Pool(jobs, initializer=init_worker, initargs=(tuple(names),)) as pool:
            results = list(bar(pool.imap_unordered(work, refs, chunksize=chunk)))
    order = {(r.source, r.page_id): i for i, r in enumerate(refs)}
    return sorted(results, key=lambda r: order[(r.source, r.page_id)])


# --- scores -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Cell:
    """One extractor on one field over a group of pages."""

    matched: int
    pages: int

    @property
    def share(self) -> float:
        return self.matched / self.pages if self.pages else float("nan")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a score table: a group of pages (a source, a tier, or every source) and one column."""

    group: str
    column: str
    pages: int
    empty: int  # of them, pages whose source asserts nothing is found (null / [])
    cells: Mapping[str, Cell]


def scored(results: Iterable[PageResult]) -> list[PageResult]:
    """The pages that count for the scores: not dubious."""
    return [r for r in results if not r.dubious]


def make_row(group: str, column: str, results: Sequence[PageResult], extractors: Sequence[str]) -> Row:
    """One column over the given (scored) pages that assert its field."""
    key = field_of(column)
    asserted = [r for r in results if key in r.expected]
    empty = sum(1 for r in asserted if r.expected[key] in (None, []))
    cells = {name: Cell(sum(matches(column, r.expected[key], r.got[name]) for r in asserted), len(asserted))
             for name in extractors}
    return Row(group, column, len(asserted), empty, cells)


def source_order(source: str) -> tuple[int, str]:
    """Sources in the README's order, unknown ones after."""
    return (SOURCES.index(source) if source in SOURCES else len(SOURCES), source)


def score_rows(results: Sequence[PageResult], extractors: Sequence[str]) -> list[Row]:
    """Per source, each column with asserted pages; then every source together (all columns)."""
    counted = scored(results)
    rows = []
    for source in sorted({r.source for r in counted}, key=source_order):
        pages = [r for r in counted if r.source == source]
        rows += [row for column in COLUMNS if (row := make_row(source, column, pages, extractors)).pages]
    rows += [make_row("all sources", column, counted, extractors) for column in COLUMNS]
    return rows


def tier_rows(results: Sequence[PageResult], extractors: Sequence[str]) -> list[Row]:
    """Every source together, per trust tier."""
    counted = scored(results)
    tiers = sorted({r.tier for r in counted}, key=lambda t: (TIERS.index(t) if t in TIERS else len(TIERS), t))
    return [row for tier in tiers for column in COLUMNS
            if (row := make_row(tier, column, [r for r in counted if r.tier == tier], extractors)).pages]


def overall(rows: Sequence[Row], column: str) -> Row:
    """The every-source row of a column."""
    return next(r for r in rows if r.group == "all sources" and r.column == column)


def raises(results: Sequence[PageResult], name: str) -> Counter[str]:
    """Pages the extractor raised on, by exception type (every page, dubious included)."""
    return Counter(r.got[name].error for r in results if name in r.got and r.got[name].error)


# --- the report ---------------------------------------------------------------------------

def _share(cell: Cell) -> str:
    return f"{cell.share:.3f} ({cell.matched}/{cell.pages})" if cell.pages else "—"


def score_table(rows: Sequence[Row], extractors: Sequence[str], first: str = "source") -> list[str]:
    """Share of matches (matched/pages) of every extractor per row; the best share of a row in bold."""
    lines = [f"| {first} | field | pages | of them null/[] | " + " | ".join(extractors) + " |",
             "| --- | --- | ---: | ---: | " + " | ".join("---:" for _ in extractors) + " |"]
    for row in rows:
        best = max(row.cells[name].matched for name in extractors)
        cells = [f"**{_share(row.cells[name])}**" if row.cells[name].matched == best and best else _share(row.cells[name])
                 for name in extractors]
        group = f"**{row.group}**" if row.group == "all sources" else row.group
        lines.append(f"| {group} | {row.column} | {row.pages} | {row.empty} | " + " | ".join(cells) + " |")
    return lines


def target_lines(results: Sequence[PageResult], rows: Sequence[Row], extractors: Sequence[str]) -> list[str]:
    """The issue-13 targets, each with its result and whether it is met."""
    lines = ["| target | result | met |", "| --- | --- | --- |"]
    if "newsclean" not in extractors:
        return [*lines, "| — | newsclean not run | — |"]
    authors, published, title = (overall(rows, c) for c in ("authors", "published", "title"))
    for row, target in ((authors, TARGET_AUTHORS), (published, TARGET_PUBLISHED)):
        cell = row.cells["newsclean"]
        lines.append(f"| newsclean {row.column} ≥ {target:.2f} (every source, dubious left out) | {_share(cell)} | "
                     f"{met(bool(cell.pages) and cell.share >= target)} |")
    if "trafilatura" in extractors:
        ours, theirs = title.cells["newsclean"], title.cells["trafilatura"]
        lines.append(f"| newsclean title ≥ trafilatura's | {_share(ours)} vs {_share(theirs)} | "
                     f"{met(ours.matched >= theirs.matched)} |")
    raised = raises(results, "newsclean")
    text = ", ".join(f"{kind} {n}" for kind, n in raised.most_common()) or "none"
    carried = sum(1 for r in results if r.got["newsclean"].metadata_on_raise)
    lines.append(f"| no page raises (newsclean, all {len(results)} pages) | {sum(raised.values())} pages: {text}"
                 f"{f' (on {carried} of them the exception carried the metadata, which is scored above)' if carried else ''} | "
                 f"{met(not raised)} |")
    return lines


def _first_words(text: str, limit: int = 100) -> str:
    """An exception message on one line, cut at ``limit`` characters, safe in a table or list item."""
    text = " ".join(text.split()).replace("|", "\\|").replace("`", "'")
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def raise_table(results: Sequence[PageResult], extractors: Sequence[str]) -> list[str]:
    """Pages each extractor raised on, per source (every page, dubious included)."""
    lines = ["| source | pages | " + " | ".join(extractors) + " |",
             "| --- | ---: | " + " | ".join("---:" for _ in extractors) + " |"]
    groups = [(s, [r for r in results if r.source == s]) for s in sorted({r.source for r in results}, key=source_order)]
    for group, pages in [*groups, ("**all sources**", list(results))]:
        cells = [str(sum(1 for r in pages if r.got[name].error)) for name in extractors]
        lines.append(f"| {group} | {len(pages)} | " + " | ".join(cells) + " |")
    lines += ["", "By kind:", ""]
    for name in extractors:
        kinds = raises(results, name)
        lines.append(f"- {name}: " + (", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none") + ".")
        messages = Counter((r.got[name].error, _first_words(r.got[name].detail)) for r in results if r.got[name].error)
        lines += [f"  - {count}× `{kind}`: {text}" for (kind, text), count in messages.most_common(RAISE_MESSAGES)]
    if "newsclean" in extractors:
        refused = [r for r in results if r.got["newsclean"].error]
        if refused:
            lines += ["", "The pages newsclean raised on:", ""]
            lines += [f"- {r.source}/{r.page_id}{' (dubious)' if r.dubious else ''}: `{r.got['newsclean'].error}`: "
                      f"{_first_words(r.got['newsclean'].detail, 160)}" for r in refused]
    tries = {name: sum(r.got[name].network for r in results) for name in extractors}
    lines += ["", "Network: " + ", ".join(f"{name} {n}" for name, n in tries.items())
              + " connection or lookup attempts (every one blocked)."]
    return lines


def miss_families(results: Sequence[PageResult], name: str = "newsclean") -> dict[str, Counter[str]]:
    """Per column, the extractor's misses by kind (scored pages)."""
    families: dict[str, Counter[str]] = {}
    for column in COLUMNS:
        key = field_of(column)
        families[column] = Counter(kind for r in scored(results) if key in r.expected
                                   if (kind := miss_kind(column, r.expected[key], r.got[name])))
    return families


def family_lines(results: Sequence[PageResult], name: str = "newsclean") -> list[str]:
    """The extractor's misses per field by kind, with a few example pages of each."""
    lines = ["| field | kind | pages | examples |", "| --- | --- | ---: | --- |"]
    for column in ("title", "authors", "published"):
        key = field_of(column)
        by_kind: dict[str, list[str]] = {}
        for r in scored(results):
            if key in r.expected and (kind := miss_kind(column, r.expected[key], r.got[name])):
                by_kind.setdefault(kind, []).append(f"{r.source}/{r.page_id}")
        for kind, pages in sorted(by_kind.items(), key=lambda item: -len(item[1])):
            lines.append(f"| {column} | {kind} | {len(pages)} | {', '.join(pages[:EXAMPLES])} |")
    return lines


def time_lines(results: Sequence[PageResult], extractors: Sequence[str]) -> list[str]:
    """Median and mean wall ms per call of each extractor, and the total wall and CPU seconds (in the workers)."""
    lines = ["| extractor | median ms | mean ms | total s | total CPU s |", "| --- | ---: | ---: | ---: | ---: |"]
    for name in extractors:
        times = [r.got[name].ms for r in results]
        if times:
            lines.append(f"| {name} | {statistics.median(times):.1f} | {statistics.fmean(times):.1f} | "
                         f"{sum(times) / 1000:.0f} | {sum(r.got[name].cpu_ms for r in results) / 1000:.0f} |")
    return lines


def load_note(load: tuple[float, float], jobs: int) -> str:
    """A warning when other processes shared the cores: wall times are then inflated, CPU times much less so."""
    if max(load) <= (os.cpu_count() or 1) + 0.5 and max(load) <= jobs + 1.5:
        return ""
    return ": other processes shared the cores during the run, so wall times are inflated and noisy (CPU times less so)"


# --- pandoc forms (--pandoc) ----------------------------------------------------------------

PANDOC_COLUMNS = ("html", *PANDOC_FORMS)  # the pandoc table's columns: newsclean on each form of the page


def pandoc_tried(results: Sequence[PageResult]) -> list[PageResult]:
    """The scored pages whose pandoc forms were tried (converted or not)."""
    return [r for r in scored(results) if r.pandoc or r.pandoc_failed]


def pandoc_compared(results: Sequence[PageResult]) -> list[PageResult]:
    """newsclean's results on the HTML and on each pandoc form, as pages whose extractors are the forms, over the
    scored pages where every form converted."""
    return [PageResult(r.source, r.page_id, r.tier, r.dubious, r.expected,
                       {"html": r.got["newsclean"], **{form: r.pandoc[form] for form in PANDOC_FORMS}})
            for r in pandoc_tried(results) if all(form in r.pandoc for form in PANDOC_FORMS) and "newsclean" in r.got]


def pandoc_rows(results: Sequence[PageResult]) -> list[Row]:
    """Each column over the compared pages, with newsclean on the HTML and on each pandoc form as the cells."""
    compared = pandoc_compared(results)
    return [make_row("pandoc", column, compared, PANDOC_COLUMNS) for column in COLUMNS]


def pandoc_failures(results: Sequence[PageResult]) -> list[tuple[str, str, str]]:
    """The failed conversions: (source/id, form, "timeout" | "error"), scored pages, in page order."""
    return [(f"{r.source}/{r.page_id}", form, r.pandoc_failed[form]) for r in pandoc_tried(results)
            for form in PANDOC_FORMS if form in r.pandoc_failed]


def pandoc_gap(rows: Sequence[Row]) -> tuple[float, str, str]:
    """The largest gap, either way, between newsclean on a pandoc form and on the HTML: (gap, column, form), the first
    in table order on a tie."""
    gaps = [(abs(row.cells[form].share - row.cells["html"].share), row.column, form)
            for row in rows if row.pages for form in PANDOC_FORMS]
    return max(gaps, key=lambda gap: gap[0], default=(float("nan"), "", ""))


def pandoc_target_line(results: Sequence[PageResult]) -> str:
    """The issue-13 pandoc target (each form within TARGET_PANDOC_GAP of the HTML on every field) and whether it is
    met."""
    rows = pandoc_rows(results)
    pages, failed = len(pandoc_compared(results)), len(pandoc_failures(results))
    gap, column, form = pandoc_gap(rows)
    result = (f"{pages} pages compared ({failed} failed conversions left out); largest gap {gap:.3f} ({column}, {form})"
              if pages else f"no page compared ({failed} failed conversions)")
    return (f"| both pandoc forms (gfm, markdown) within {TARGET_PANDOC_GAP:.2f} of the HTML form on every field "
            f"(newsclean) | {result} | {met(bool(pages) and gap <= TARGET_PANDOC_GAP)} |")


def _lost_gained(results: Sequence[PageResult], column: str, form: str) -> tuple[int, int]:
    """Compared pages the form misses where the HTML matches, and the other way round."""
    key = field_of(column)
    pairs = [(matches(column, r.expected[key], r.got["html"]), matches(column, r.expected[key], r.got[form]))
             for r in results if key in r.expected]
    return sum(1 for h, f in pairs if h and not f), sum(1 for h, f in pairs if f and not h)


def pandoc_lines(results: Sequence[PageResult], version: str) -> list[str]:
    """The pandoc-forms subsection: how the forms were made, the failed conversions, the table per field."""
    tried, compared = pandoc_tried(results), pandoc_compared(results)
    failures = pandoc_failures(results)
    kinds = "; ".join(f"{form}: " + (", ".join(f"{n} {kind}" for kind, n in sorted(Counter(
        k for _, f, k in failures if f == form).items())) or "none") for form in PANDOC_FORMS)
    lines = [f"newsclean on the pandoc forms of the {len(tried)} scored pages: `pandoc --sandbox -f html -t gfm` and "
             f"`-t markdown` (pandoc {version}) of the page decoded to UTF-8 by newsclean's decoder, "
             f"{PANDOC_TIMEOUT_S} s per conversion, cached in ~/.cache/newsclean-bench/pandoc/; then "
             "`newsclean.clean(markdown_bytes, url=url)` with the HTML run's url, scored by the same rules "
             "(`NotAnArticle.page` metadata included). Compared on the "
             f"{len(compared)} pages where both forms converted; failed conversions ({len(failures)}: {kinds}) are "
             "left out.", ""]
    if failures:
        lines += ["Failed conversions: " + ", ".join(f"{page} ({form}, {kind})" for page, form, kind in failures)
                  + ".", ""]
    lines += ["| field | pages | of them null/[] | html | gfm | Δ gfm (lost, gained) | markdown | "
              "Δ markdown (lost, gained) |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = pandoc_rows(results)
    for row in rows:
        html = row.cells["html"]
        cells = [_share(html)]
        for form in PANDOC_FORMS:
            lost, gained = _lost_gained(compared, row.column, form)
            delta = f"{row.cells[form].share - html.share:+.3f} ({lost}, {gained})" if row.pages else "—"
            cells += [_share(row.cells[form]), delta]
        lines.append(f"| {row.column} | {row.pages} | {row.empty} | " + " | ".join(cells) + " |")
    raised = [sum(1 for r in compared if r.got[form].error) for form in PANDOC_COLUMNS]
    lines += ["", "newsclean raised on " + ", ".join(f"{n} ({form})" for n, form in zip(raised, PANDOC_COLUMNS))
              + " of these pages (NotAnArticle's metadata is scored, as above)."]
    published = next(row for row in rows if row.column == "published")
    if published.pages and any(published.cells["html"].share - published.cells[form].share > TARGET_PANDOC_GAP
                               for form in PANDOC_FORMS):
        lines += ["", "Most publication dates live in the page's `<head>` (meta tags, JSON-LD), which pandoc drops: "
                  "from its markdown only a date shown in the body can be read."]
    return lines


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What the report says about how it was made."""

    argv: Sequence[str]
    metaset: Path
    seconds: float
    jobs: int
    missing: Mapping[str, str] = field(default_factory=dict)
    partial: bool = False
    load: tuple[float, float] = (0.0, 0.0)
    pandoc_version: str | None = None  # --pandoc ran with this pandoc (None: not run, the section has no pandoc part)


REFUSED_METADATA_NOTE = (
    "Metadata of a refused page: `clean()` raises `NotAnArticle`, and the exception's `page` is an `Article` "
    "with no paragraphs but the page's title, authors, dates, links and layer report. The fields above are "
    "scored from it, and the page still counts as raised.")


def section(results: Sequence[PageResult], extractors: Sequence[str], info: RunInfo) -> str:
    """The metaset section of docs/benchmark.md."""
    rows = score_rows(results, extractors)
    dubious = sum(1 for r in results if r.dubious)
    sources = sorted({r.source for r in results}, key=source_order)
    command = " ".join(["python bench/metaset.py", *map(shlex.quote, info.argv)])
    pandoc_shown = [f"pandoc {info.pandoc_version}"] if info.pandoc_version else []
    lines = [
        "## Metaset: titles, authors and publication dates of real pages",
        "",
        f"Generated by `{command}` on {dt.date.today().isoformat()} in {info.seconds:.0f} s "
        f"({info.jobs} worker processes){' — a partial run' if info.partial else ''}. Nothing below is edited by hand.",
        "",
        f"- Machine: {machine_line(VERSIONS_SHOWN, *pandoc_shown)}. Load average (1 min) {info.load[0]:.1f} at the "
        f"start, {info.load[1]:.1f} at "
        f"the end{load_note(info.load, info.jobs)}.",
        f"- Pages: {len(results)} from {info.metaset} ({', '.join(sources)}): the title, authors and publication date "
        f"other projects' tests assert (see its README). {dubious} pages flagged `dubious:` are left out of every "
        f"score; {len(results) - dubious} are scored.",
        "- Every extractor runs on every page in the same run, in the worker processes. newsclean: "
        "`newsclean.clean(page_bytes, url=url)` with the `url` of expected.json, the public call, scored as it is. "
        "trafilatura: `trafilatura.extract_metadata(text, default_url=url)`, its metadata function (the one its "
        "own metadata tests call; `bare_extraction(with_metadata=True)` drops the metadata of any page whose body it "
        "finds too short), authors split on its `; `. newspaper4k: `Article(url, fetch_images=False)`, "
        "`download(input_html=text)`, `parse()`. The peers get the page decoded to text by newsclean's decoder. "
        "The workers block sockets, so no extractor reaches the network (a try would raise and count). A call over "
        f"{CALL_TIMEOUT_S} s is stopped and counts as a raise.",
        "- Per-page results: [benchmark-metaset-pages.csv](benchmark-metaset-pages.csv), one row per page and "
        "asserted field (dubious pages included and flagged).",
    ]
    if info.pandoc_version:
        lines.append(
            "- Pandoc forms (`--pandoc`, issue 13): after its HTML, newsclean also gets each scored page as converted "
            f"by `pandoc --sandbox -f html -t gfm` and `-t markdown` (pandoc {info.pandoc_version}, from the page "
            "decoded to UTF-8, in the same workers): `newsclean.clean(markdown_bytes, url=url)`, same url and rules. "
            "The CSV's `newsclean_gfm*` and `newsclean_markdown*` columns hold those results (`pandoc-timeout` / "
            "`pandoc-error` in `_error` where the page did not convert).")
    if info.missing:
        lines.append("- Left out: " + "; ".join(f"{k}: {v}" for k, v in info.missing.items()) + ".")
    lines += ["", "### Matching rules", "", *RULES, "",
              "### Targets (issue 13)", "", *target_lines(results, rows, extractors),
              *([pandoc_target_line(results)] if info.pandoc_version and "newsclean" in extractors else []), "",
              "### Per source and field", "",
              "Share of the pages asserting the field where the extractor's value matches (matched/pages); the best of "
              "a row in bold. `of them null/[]`: pages whose source asserts nothing is found.", "",
              *score_table(rows, extractors), "",
              "### Per trust tier, every source", "", *score_table(tier_rows(results, extractors), extractors, "tier"),
              *(["", "### Pandoc forms", "", *pandoc_lines(results, info.pandoc_version)]
                if info.pandoc_version and "newsclean" in extractors else []),
              "", "### Raises", "",
              "Pages each extractor raised on (newsclean: `NotAnArticle` or any other exception), every page, dubious "
              "included.", "", *raise_table(results, extractors), "", REFUSED_METADATA_NOTE]
    if "newsclean" in extractors:
        lines += ["", "### newsclean's misses by kind", "",
                  "Scored pages only; `python bench/metaset.py --extractors newsclean --failures FIELD` lists them all.",
                  "", *family_lines(results)]
    lines += ["", "### Time per call", "", "Each extractor call in the workers, wall time and the worker's CPU time "
              "(the page read and decoded outside it).", "", *time_lines(results, extractors)]
    return "\n".join(lines) + "\n"


def _authors_cell(values: Sequence[str] | None) -> str:
    return "; ".join(values) if values else ""


def _value(column: str, meta: Meta) -> str:
    """An extractor's value for a field, as the CSV writes it."""
    if column == "title":
        return meta.title or ""
    if column == "authors":
        return _authors_cell(meta.authors)
    return meta.published or ""


def _expected_cell(value: object) -> str:
    """An expected value, as the CSV writes it: null for None, [] for an empty list."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return _authors_cell(value) if value else "[]"
    return str(value)


def _meta_cells(key: str, expected: object, meta: Meta) -> list[object]:
    """An extractor's value, match, first-author match (authors only) and raise on one field, as the CSV has them."""
    first = int(matches("authors (first)", expected, meta)) if key == "authors" else ""
    return [_value(key, meta), int(matches(key, expected, meta)), first, meta.error]


def pandoc_csv_cells(r: PageResult, key: str) -> list[object]:
    """newsclean on each pandoc form for one field: as for an extractor; only `pandoc-timeout` / `pandoc-error` in the
    error cell when the form did not convert; empty when the forms were not run (dubious pages)."""
    cells: list[object] = []
    for form in PANDOC_FORMS:
        if form in r.pandoc:
            cells += _meta_cells(key, r.expected[key], r.pandoc[form])
        else:
            failure = r.pandoc_failed.get(form, "")
            cells += ["", "", "", f"pandoc-{failure}" if failure else ""]
    return cells


def pages_csv(results: Sequence[PageResult], extractors: Sequence[str], pandoc: bool = False) -> str:
    """One row per page and asserted field: the expected value, every extractor's value, match flags and raise (and,
    with ``pandoc``, newsclean's on each pandoc form; without it there are no pandoc columns)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["source", "id", "tier", "dubious", "field", "expected"]
    for name in extractors:
        header += [name, f"{name}_match", f"{name}_first_author", f"{name}_error"]
    if pandoc:
        header += [f"newsclean_{form}{suffix}" for form in PANDOC_FORMS
                   for suffix in ("", "_match", "_first_author", "_error")]
    writer.writerow(header)
    for r in results:
        for key in FIELDS:
            if key not in r.expected:
                continue
            cells: list[object] = [r.source, r.page_id, r.tier, int(r.dubious), key, _expected_cell(r.expected[key])]
            for name in extractors:
                cells += _meta_cells(key, r.expected[key], r.got[name])
            if pandoc:
                cells += pandoc_csv_cells(r, key)
            writer.writerow(cells)
    return out.getvalue()


def failure_lines(results: Sequence[PageResult], column: str, name: str = "newsclean") -> list[str]:
    """The extractor's misses on a column (scored pages): page, tier, kind, expected and got."""
    key = field_of(column)
    lines = []
    for r in scored(results):
        if key not in r.expected:
            continue
        meta = r.got[name]
        kind = miss_kind(column, r.expected[key], meta)
        if kind:
            got = f"{meta.error}: {meta.detail}" if meta.error and not meta.metadata_on_raise \
                else (_value(key, meta) or "∅")
            lines.append(f"{r.source}/{r.page_id}\t[{r.tier}]\t{kind}\n    expected: {_expected_cell(r.expected[key])}"
                         f"\n    got:      {got}")
    asserted = sum(1 for r in scored(results) if key in r.expected)
    dubious = sum(1 for r in results if r.dubious and key in r.expected)
    return [*lines, f"{name} {column}: {len(lines)} misses of {asserted} scored pages "
                    f"({dubious} dubious pages left out)"]


def replace_section(document: str, text: str) -> str:
    """The document with what lies between the metaset markers replaced (appended, marked, when absent)."""
    return replace_marked(document, text, MARK_START, MARK_END, "metaset")


def write_outputs(out: Path, csv_text: str, section_text: str, partial: bool) -> list[Path]:
    """The per-page CSV and the section: into docs/benchmark.md between the markers, or beside the CSV when partial."""
    out.mkdir(parents=True, exist_ok=True)
    (out / PAGES_CSV).write_text(csv_text, encoding="utf-8")
    if partial:
        (out / "benchmark-metaset.md").write_text(section_text, encoding="utf-8")
        return [out / PAGES_CSV, out / "benchmark-metaset.md"]
    report = out / "benchmark.md"
    document = report.read_text(encoding="utf-8") if report.is_file() else ""
    report.write_text(replace_section(document, section_text), encoding="utf-8")
    return [out / PAGES_CSV, report]


# --- command line -------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N pages of each source (a partial run)")
    parser.add_argument("--sources", help=f"comma-separated sources (default: all of {', '.join(SOURCES)})")
    parser.add_argument("--pages", help="comma-separated SOURCE/ID pages, e.g. wcxb-dev/0001 (a partial run)")
    parser.add_argument("--extractors", help=f"comma-separated extractors (default: {', '.join(EXTRACTORS)})")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--failures", choices=COLUMNS, metavar="FIELD",
                        help="after the run, print newsclean's misses on FIELD (title, authors, 'authors (first)', "
                             "published) to stdout")
    parser.add_argument("--pandoc", action="store_true",
                        help="also run newsclean on the pandoc gfm and markdown forms of every scored page (needs "
                             "pandoc; a first run converts about 2,600 files, later runs read them from the cache)")
    parser.add_argument("--quiet", action="store_true", help="do not print the section to stderr")
    parser.add_argument("--metaset", type=Path, default=METASET, help=f"the metaset (default {METASET})")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, write its CSV and section (docs/ for a full run, bench/out/ for a partial one)."""
    args = parse_args(argv)
    started, load_at_start = time.perf_counter(), os.getloadavg()[0]
    sources = choose(args.sources, SOURCES, "sources")
    wanted = choose(args.extractors, EXTRACTORS, "extractors")
    if args.failures and "newsclean" not in wanted:
        raise SystemExit("--failures lists newsclean's misses: run newsclean too")
    if args.pandoc and "newsclean" not in wanted:
        raise SystemExit("--pandoc measures newsclean on the pandoc forms: run newsclean too")
    ready, missing = load_extractors(wanted)
    extractors = [name for name in wanted if name in ready]
    if not extractors:
        raise SystemExit("no extractor to run: " + "; ".join(f"{k}: {v}" for k, v in missing.items()))
    pages = [p.strip() for p in (args.pages or "").split(",") if p.strip()]
    partial_run = (bool(args.limit) or bool(pages) or sources != list(SOURCES) or extractors != list(EXTRACTORS)
                   or args.metaset != METASET)
    out = PARTIAL_OUT if partial_run else DOCS
    if partial_run:
        print(f"partial run: writing to {out}/, not docs/", file=sys.stderr)
    else:
        report = DOCS / "benchmark.md"  # a broken metaset section fails now, not after the run
        replace_section(report.read_text(encoding="utf-8") if report.is_file() else "", "")
    version = None
    if args.pandoc and "newsclean" in extractors:
        version = pandoc_version()
        if version is None:
            missing["pandoc forms"] = "pandoc is not installed (apt-get install -y pandoc)"
            print("--pandoc: pandoc is not installed (apt-get install -y pandoc); going on without the pandoc forms",
                  file=sys.stderr)
    refs = list_pages(args.metaset, sources, args.limit, pages)
    print(f"{len(refs)} pages from {args.metaset}; extractors: {', '.join(extractors)}; {args.jobs} workers"
          + (f"; newsclean also on the pandoc {version} gfm and markdown forms of the scored pages" if version else ""),
          file=sys.stderr)
    results = measure_all(refs, extractors, args.jobs, version)
    info = RunInfo(list(sys.argv[1:] if argv is None else argv), args.metaset, time.perf_counter() - started,
                   args.jobs, missing, partial_run, (load_at_start, os.getloadavg()[0]), version)
    text = section(results, extractors, info)
    written = write_outputs(out, pages_csv(results, extractors, version is not None), text, partial_run)
    if not args.quiet:
        print(text, file=sys.stderr)
    if args.failures:
        print("\n".join(failure_lines(results, args.failures)))
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
