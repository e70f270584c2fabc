"""Dates: machine-readable values (JSON-LD, meta, ``<time datetime>``) read exactly, visible
datelines read by dateutil, and — for a page that declares none — htmldate's search of the
page (its URL, its markup, its text in many languages and formats), the library trafilatura
uses for the same job.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as dateparser

__all__ = ["first_date", "in_local_time", "local_day_from_url", "page_date", "parse_date"]

class _SpanishMonths(dateparser.parserinfo):
    """dateutil's parser, also reading Spanish month names and "de"."""

    MONTHS = [(en[0], en[1], es) for en, es in zip(dateparser.parserinfo.MONTHS, (
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre"))]
    JUMP = [*dateparser.parserinfo.JUMP, "de", "el", "Published", "Updated", "Publicado", "Actualizado"]


_DATE_INFO = _SpanishMonths()
# North American zone names dateutil does not know by itself (seconds east of UTC).
_TZ_NAMES = {"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
             "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600}
_COMPACT_DATE = re.compile(r"^\d{8}(?:\d{6})?$")
# Machine-readable dates (JSON-LD, meta, <time datetime>): the standard library reads them
# ten times faster than dateutil's fuzzy parser, which is kept for visible datelines.
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$")


def parse_date(text: str | None) -> dt.date | dt.datetime | None:
    """A date, or a datetime when the text gives a time (timezone-aware when it gives one)."""
    if not text or not text.strip():
        return None
    text = text.strip().replace("Sept.", "Sep.")
    if _ISO_DATE.match(text):
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            pass  # out of range ("2017-02-30"): dateutil says so below
        else:
            return value if len(text) > 10 else value.date()
    try:
        if _COMPACT_DATE.match(text):
            value = dt.datetime.strptime(text, "%Y%m%d%H%M%S" if len(text) == 14 else "%Y%m%d")
            return value if len(text) == 14 else value.date()
        with warnings.catch_warnings():  # an unknown zone name gives a naive datetime, not a warning
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            parsed = dateparser.parse(text, parserinfo=_DATE_INFO, fuzzy=True, tzinfos=_TZ_NAMES)
    except (ValueError, OverflowError):
        return None
    has_time = bool(re.search(r"\d:\d\d|T\d\d", text))
    return parsed if has_time else parsed.date()


def first_date(*candidates: str | dt.date | None) -> dt.date | dt.datetime | None:
    """The first candidate that parses, preferring ones that carry a time zone."""
    parsed = [value if isinstance(value, dt.date) else parse_date(value) for value in candidates if value]
    parsed = [value for value in parsed if value is not None]
    aware = [v for v in parsed if isinstance(v, dt.datetime) and v.tzinfo is not None]
    chosen = (aware or parsed or [None])[0]
    if isinstance(chosen, dt.datetime) and chosen.utcoffset() == dt.timedelta(0):
        return in_local_time(chosen, parsed)
    return chosen


_QUARTER_HOUR = dt.timedelta(minutes=15)


def in_local_time(utc: dt.datetime, parsed: list[dt.date | dt.datetime | None]) -> dt.datetime:
    """A UTC time in the page's own zone when the page also gives the same moment as local
    time without a zone ("2023-11-09T01:09:55Z" and "2023-11-08 18:09:55"): the day readers
    saw is the local one."""
    for value in parsed:
        if isinstance(value, dt.datetime) and value.tzinfo is not None and value.utcoffset() and value == utc:
            return utc.astimezone(value.tzinfo)  # the same moment, written in the page's zone
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            # a shown clock has no seconds: the zone is the whole quarter hour nearest the gap
            gap = value - utc.replace(tzinfo=None)
            offset = _QUARTER_HOUR * round(gap / _QUARTER_HOUR)
            if offset and abs(offset) <= dt.timedelta(hours=14) and abs(gap - offset) <= dt.timedelta(minutes=2):
                return utc.astimezone(dt.timezone(offset))
    return utc


# A date folder in an article's address ("/2023/11/02/", "/2020-02-17/"): the CMS wrote the
# day it filed the story, in its own zone.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/._-]|$)")
# A newsroom is at most this far from UTC (Alaska to Japan): a UTC time further from midnight
# than this cannot fall on the address's day; that address was made for a draft the day before.
_NEWSROOM_OFFSET = dt.timedelta(hours=9)


def local_day_from_url(value: dt.date | dt.datetime, page_url: str | None) -> dt.date | dt.datetime:
    """A UTC time ("2023-11-01T23:01Z") that falls on the day before or after the day in the
    page's address ("/2023/11/02/") was published on the address's day where the newsroom is:
    that day is returned, without a time, since the newsroom's zone is not known. Other values
    come back as they are."""
    if not isinstance(value, dt.datetime) or value.utcoffset() != dt.timedelta(0) or not page_url:
        return value
    match = _URL_DAY.search(page_url)
    if match is None:
        return value
    try:
        day = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return value
    utc = value.replace(tzinfo=None)
    start = dt.datetime.combine(day, dt.time())
    if day != utc.date() and start - _NEWSROOM_OFFSET <= utc < start + dt.timedelta(days=1) + _NEWSROOM_OFFSET:
        return day
    return value


def page_date(html: str, url: str | None) -> dt.date | None:
    """The day the page was first published by htmldate's search (original date; its URL, its
    markup's date attributes and headers), or None. Used only when the page declares no date
    and shows no dateline newsclean reads: it parses the page again."""
    try:
        from htmldate import find_date
        from htmldate.utils import load_html
    except ImportError:  # htmldate comes with trafilatura; without it there is no search
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = load_html(html)  # parsed once for both searches
            if tree is None:
                return None
            # The quick search (URL, date attributes, headers) first: the extensive one (every
            # text node, every date-like string, "24.04.2024", "2024年04月24日") costs 20 ms a
            # devset page and runs only when the quick one finds nothing.
            found = find_date(tree, url=url, original_date=True, extensive_search=False) or \
                find_date(tree, url=url, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - a third-party parser on hostile markup: no date, not a crash
        return None
    try:
        day = dt.date.fromisoformat(found) if found else None
    except ValueError:
        return None
    # 1 January is what htmldate gives for a bare year (a copyright line, "© 2023"): no day.
    return None if day is not None and (day.month, day.day) == (1, 1) else day
