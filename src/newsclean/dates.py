"""Dates: machine-readable values (JSON-LD, meta, ``<time datetime>``) read exactly, visible
datelines read by dateutil, and — for a page that declares none — htmldate's search of the
page (its URL, its markup, its text in many languages and formats), the library trafilatura
uses for the same job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from functools import lru_cache
from types import ModuleType
from typing import Any

from dateutil import parser as dateparser

from newsclean._dom import collapse

__all__ = ["ascii_digits", "first_date", "first_date_and_text", "in_local_time", "local_day_from_url", "names_a_month",
           "numeric_date_in", "page_date", "parse_date", "parse_shown_date", "states_a_year", "url_day",
           "written_for_people", "year_first"]

class _SpanishMonths(dateparser.parserinfo):
    """dateutil's parser, also reading Spanish month names and "de"."""

    MONTHS = [(*en, es) for en, es in zip(dateparser.parserinfo.MONTHS, (
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre"))]
    JUMP = [*dateparser.parserinfo.JUMP, "de", "el", "Published", "Updated", "Publicado", "Actualizado"]


_DATE_INFO = _SpanishMonths()
# North American zone names dateutil does not know by itself (seconds east of UTC).
_TZ_NAMES = {"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
             "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600}
_COMPACT_DATE = re.compile(r"^\d{8}(?:\d{6})?$")
# A date written with dots, day first ("07.11.2023 08:03"): dateutil reads the month first.
_DOTTED_DATE = re.compile(r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?!\d)")
# Machine-readable dates (JSON-LD, meta, <time datetime>): the standard library reads them
# ten times faster than dateutil's fuzzy parser, which is kept for visible datelines.
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$")


def parse_date(text: str | None) -> dt.date | dt.datetime | None:
    """A date, or a datetime when the text gives a time (timezone-aware when it gives one);
    None for a year after next, a template's placeholder ("November 20, 9999")."""
    value = _parse_date(text)
    return value if value is None or value.year <= dt.date.today().year + 1 else None


def _parse_date(text: str | None) -> dt.date | dt.datetime | None:
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
        parsed = _fuzzy(text, _NO_YEAR, dayfirst=bool(_DOTTED_DATE.match(text)))
        # dateutil fills what the text lacks from its default: a text without a day, a month or
        # a year ("13 Min Read", "September 2025", "Mar 5") is no date, not one made up
        if parsed is None or parsed.year == _NO_YEAR.year:
            return None
        if _NO_YEAR.month == parsed.month or _NO_YEAR.day == parsed.day:  # given, or filled in?
            check = _fuzzy(text, _OTHER_DEFAULT, dayfirst=bool(_DOTTED_DATE.match(text)))
            if check is None or (check.month, check.day) != (parsed.month, parsed.day):
                return None
    except (ValueError, OverflowError):
        return None
    has_time = bool(re.search(r"\d:\d\d|T\d\d", text))
    return parsed if has_time else parsed.date()


_SHOWN_MAX_CHARS = 60
_NUMERIC_DATE = re.compile(r"(?<![\d.:/-])(\d{1,2})([./-])\s?(\d{1,2})\2\s?((?:19|20)\d\d)(?![\d.:/-]\d)")
_YEAR_FIRST_DATE = re.compile(r"(?<![\w.:/-])(?P<year>(?:19|20)\d\d)"
                              r"(?:(?P<sep>[./])\s?(?P<month>\d{1,2})(?P=sep)\s?(?P<day>\d{1,2})(?![\d.:/-]?\d)"
                              r"|年\s?(?P<cjk_month>\d{1,2})\s?月\s?(?P<cjk_day>\d{1,2})\s?日)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def parse_shown_date(text: str, language: str | None) -> dt.date | dt.datetime | None:
    """A date a page in another language than English shows, in that language and its
    locale's day order ("Publié le 29 juin 2019", "31 stycznia 2020 | 10:00", "06/10/2020" in
    Spanish), read by dateparser (the reader htmldate uses). Only a short text that states its year (19xx, 20xx), and
    only a day, month and year it gives: no relative "today at 5:46", no made-up day. Leading
    words dateparser does not know ("Publié le") are dropped, a few at most."""
    text = collapse(text)
    if len(text) > _SHOWN_MAX_CHARS or not _YEAR.search(text):
        return None
    code = (language or "").split("-")[0].lower()
    if not code:
        return _numeric_day(text)
    return _multilingual(text, code) if code != "en" else None


def ascii_digits(text: str) -> str:
    """The text with every decimal digit of another script written as an ASCII one ("١ / ١٢ /
    ٢٠٢٠" → "1 / 12 / 2020", Arabic-Indic; "۱۴۰۲", Persian; "२०२०", Devanagari): the date
    readers, dateparser's among them, read ASCII digits only."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group())), text)


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit of any script but ASCII (no lookahead: one class test a character)


def numeric_date_in(text: str) -> tuple[dt.date, int] | None:
    """The first date in a line of any language that numbers can be read only one way, and
    where it ends: day first with dots ("22:57 GMT 28.04.2020(updated …", "© dpa-AFX | 07.11.2023
    08:03": no locale writes the month first with dots), or year first ("2019-12-02",
    "2020/10/26"). None in a text longer than a date line, or with no such date."""
    if len(text) > _NUMERIC_LINE_MAX_CHARS:
        return None
    for found in _UNAMBIGUOUS_DATE.finditer(text):
        day, month, year = (found.group("day", "month", "year") if found.group("day") else
                            found.group("iday", "imonth", "iyear"))
        try:
            return dt.date(int(year), int(month), int(day)), found.end()
        except ValueError:
            continue
    return None


_NUMERIC_LINE_MAX_CHARS = 120
# Not inside a longer number, a version ("v1.2.2020.3") or a slug ("/2019-12-02-health-…").
_UNAMBIGUOUS_DATE = re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>(?:19|20)\d\d)"
                               r"(?!\w|[./-]\w)"
                               r"|(?<![\w./-])(?P<iyear>(?:19|20)\d\d)(?P<sep>[-/.])(?P<imonth>\d{1,2})(?P=sep)"
                               r"(?P<iday>\d{1,2})(?!\w|[./-]\w)")


def states_a_year(text: str) -> bool:
    """True for a text that holds a year (19xx, 20xx) standing alone, not inside a longer number."""
    return bool(_YEAR.search(text))


def names_a_month(text: str) -> bool:
    """True for a text :func:`parse_shown_date` may read that has words beside a year
    ("21.dez.2018", "29 juin 2019"): its month may be named, and only its language can tell."""
    text = collapse(text)
    return len(text) <= _SHOWN_MAX_CHARS and bool(_YEAR.search(text)) and bool(_WORD.search(text))


_WORD = re.compile(r"[^\W\d_]")  # a letter of any script: "dez", "年"


def _numeric_day(text: str) -> dt.date | None:
    """The day of a numeric date a page of no stated language shows, when only one reading
    holds: day first with dots ("Nachricht vom 06.11.2023": no locale writes the month first
    with dots), or with slashes or dashes a number over 12 on one side ("26/01/2022"); year
    first, which every locale follows with the month ("2019/04/04", "2020年07月03日")."""
    found = _NUMERIC_DATE.search(text)
    if found is None:
        year_first = _YEAR_FIRST_DATE.search(text)
        if year_first is None:
            return None
        parts = year_first.groupdict()
        try:
            return dt.date(int(parts["year"]), int(parts["month"] or parts["cjk_month"]),
                           int(parts["day"] or parts["cjk_day"]))
        except ValueError:
            return None
    first, second, year = (int(part) for part in found.group(1, 3, 4))
    if found.group(2) != "." and (first <= 12) == (second <= 12):
        return None  # "08/11/2023": 8 November or August 11
    day, month = (second, first) if found.group(2) != "." and first <= 12 else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _multilingual(text: str, language: str) -> dt.date | dt.datetime | None:
    try:
        import dateparser as multilingual
    except ImportError:  # dateparser comes with htmldate; without it only dateutil reads dates
        return None
    years = _YEAR.findall(text)
    # (an hour with no minutes is read as one, so that it is not taken for the day, but the
    # value keeps a time only where the page gives minutes: "à 8h" gives the day alone)
    shown = text.split(" ")
    words = _HOUR_H_MINUTES.sub(lambda hour: f"{hour[1]}:{hour[2] or '00'}", text).split(" ")
    for start in range(min(len(words), _MAX_LEADING_WORDS + 1)):
        part = " ".join(words[start:])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = multilingual.parse(part, languages=[language], settings=_MULTILINGUAL_SETTINGS)
        except Exception:  # noqa: BLE001 - a language dateparser does not know, a parser error: no date
            return None
        if found is not None:
            if str(found.year) not in years:
                return None
            return found if _STATES_MINUTES.search(" ".join(shown[start:])) else found.date()
    return None


_MAX_LEADING_WORDS = 3
_STATES_MINUTES = re.compile(r"\d\s*[:h]\s*\d\d")
# "às 12h55", "à 10h30", "às 10h": the hour written with an h, as Portuguese and French pages
# write it; dateparser's Portuguese reads only "12:55" and then gives up the whole date, or
# takes a bare "10h" for the day ("22 de novembro de 2020 às 10h" read as 10 November).
_HOUR_H_MINUTES = re.compile(r"(?<![\w:])([01]?\d|2[0-3])h([0-5]\d)?(?![\w:])")
_MULTILINGUAL_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_LOCALE_DATE_ORDER": True}


# Two defaults that share no field (year 1 is in no page): a field the text gives is the same
# under both.
_NO_YEAR = dt.datetime(1, 1, 1)
_OTHER_DEFAULT = dt.datetime(4, 2, 2)


def _fuzzy(text: str, default: dt.datetime, *, dayfirst: bool = False) -> dt.datetime | None:
    with warnings.catch_warnings():  # an unknown zone name gives a naive datetime, not a warning
        warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
        try:
            return dateparser.parse(text, parserinfo=_DATE_INFO, fuzzy=True, tzinfos=_TZ_NAMES, default=default,
                                    dayfirst=dayfirst)
        except (ValueError, OverflowError):
            return None


def is_only_a_date(text: str) -> bool:
    """The whole text is a date ("Friday, December 23, 2016", "23.12.2016"): a blog's date
    header, not a headline."""
    if not re.search(r"\d", text) or len(text) > _SHOWN_MAX_CHARS:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
        try:
            dateparser.parse(text.strip(), parserinfo=_DATE_INFO)
        except (ValueError, OverflowError):
            return False
    return True


def first_date(*candidates: str | dt.date | None) -> dt.date | dt.datetime | None:
    """The first candidate that parses, preferring ones that carry a time zone."""
    return first_date_and_text(*candidates)[0]


def first_date_and_text(*candidates: str | dt.date | None) -> tuple[dt.date | dt.datetime | None, str | None]:
    """:func:`first_date`, with the text it was read from (None for a date given as one)."""
    pairs = [(value, value if isinstance(value, dt.date) else parse_date(value)) for value in candidates if value]
    parsed = [(text, value) for text, value in pairs if value is not None]
    aware = [(t, v) for t, v in parsed if isinstance(v, dt.datetime) and v.tzinfo is not None]
    text, chosen = (aware or parsed or [(None, None)])[0]
    if isinstance(chosen, dt.datetime) and chosen.utcoffset() == dt.timedelta(0):
        chosen = in_local_time(chosen, [v for _, v in parsed])
    return chosen, text if isinstance(text, str) else None


# A date a program wrote: year first ("2025-06-24", "20200414T00:38:07Z", "2019/1/22"), or with
# a time of day ("Wed, 28 Oct 2020 22:22:49 GMT").
_YEAR_FIRST = re.compile(r"^\s*\d{4}(?:\d{4}|[-/.]\d)")
_TIME_OF_DAY = re.compile(r"\d:\d\d")


def year_first(text: str) -> bool:
    """True for a date written year first, as programs write them ("2024-12-20", "2019/1/22")."""
    return _YEAR_FIRST.match(text) is not None


def written_for_people(text: str) -> bool:
    """A declared date written as pages show dates, a day and no time, not year first ("Jun 24,
    2025", "01/07/16"): a template printed it, not the CMS's date field."""
    return not year_first(text) and not _TIME_OF_DAY.search(text)


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


def url_day(page_url: str | None) -> dt.date | None:
    """The day in the page's address ("/2023/11/02/", "/2020-02-17/"), or None."""
    match = _URL_DAY.search(page_url) if page_url else None
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def local_day_from_url(value: dt.date | dt.datetime, page_url: str | None) -> dt.date | dt.datetime:
    """A UTC time ("2023-11-01T23:01Z") that falls on the day before or after the day in the
    page's address ("/2023/11/02/") was published on the address's day where the newsroom is:
    that day is returned, without a time, since the newsroom's zone is not known. Other values
    come back as they are."""
    if not isinstance(value, dt.datetime) or value.utcoffset() != dt.timedelta(0):
        return value
    day = url_day(page_url)
    if day is None:
        return value
    utc = value.replace(tzinfo=None)
    start = dt.datetime.combine(day, dt.time())
    if day != utc.date() and start - _NEWSROOM_OFFSET <= utc < start + dt.timedelta(days=1) + _NEWSROOM_OFFSET:
        return day
    return value


def page_date(html: str, url: str | None, *, scan_text: bool = True,
              languages: Callable[[], Sequence[str]] | None = None) -> dt.date | None:
    """The day the page was first published by htmldate's search (original date; its URL, its
    markup's date attributes and headers; with ``scan_text``, then the dates in its text), or
    None. Used only when the page declares no date and shows no dateline newsclean reads: it
    parses the page again. ``languages`` gives the languages the page's text may be in (declared,
    guessed), asked only when htmldate hands a text to dateparser (:func:`_read_in_page_language`)."""
    try:
        from htmldate import find_date
        from htmldate import extractors as htmldate_extractors
    except ImportError:  # htmldate comes with trafilatura; without it there is no search
        return None
    _read_in_page_language(htmldate_extractors)
    asked = _page_language.set(languages)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # One extensive search, given the markup: it tries the quick steps (URL, date
            # attributes, headers) first itself. A tree parsed here would be deep-copied by
            # htmldate before each search, and a quick search first, then the extensive one when
            # it finds nothing, did that twice: 8.6 ms a metaset page that reaches this, 6.9 now.
            found = find_date(html, url=url, original_date=True, extensive_search=scan_text)
    except Exception:  # noqa: BLE001 - a third-party parser on hostile markup: no date, not a crash
        return None
    finally:
        _page_language.reset(asked)
    try:
        day = dt.date.fromisoformat(found) if found else None
    except ValueError:
        return None
    # 1 January is what htmldate gives for a bare year (a copyright line, "© 2023"): no day.
    return None if day is not None and (day.month, day.day) == (1, 1) else day


# htmldate hands a text its own patterns cannot read ("2019年04月04日-", "2/24/2026") to
# dateparser in every locale dateparser knows: about 200 locales tried in turn, 18 ms for each
# text that holds no date ("on Tuesday July 24, @12:06PM (", a journal's "2019;22(1):26-35.")
# and a tenth of clean()'s time on the devset. Read in the page's own language instead, a text
# takes a millisecond, and a day-first or month-first number is read as that language writes it.
# The language the page declares and the one its prose is guessed to be in are both tried: a
# template may declare "en" over another language's text.
_page_language: ContextVar[Callable[[], Sequence[str]] | None] = ContextVar("newsclean_page_language", default=None)
# htmldate's own settings for its dateparser (htmldate.extractors.get_external_parser, 1.11).
_HTMLDATE_DATEPARSER_SETTINGS = {"NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"],
                                 "PREFER_DATES_FROM": "past", "PREFER_LOCALE_DATE_ORDER": True,
                                 "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}


def _read_in_page_language(module: ModuleType) -> None:
    """Have htmldate's dateparser step (``htmldate.extractors._external_date``) read in the
    language of the page :func:`page_date` is searching, and in every locale as before for a
    page whose language is unknown, or outside :func:`page_date` (htmldate used directly is
    unchanged, but for a text a newsclean search read first: htmldate caches each text's
    reading). Installed once; a htmldate without that step is left as it is."""
    original = getattr(module, "_external_date", None)
    if not callable(original) or getattr(original, "newsclean_reads_in_page_language", False):
        return

    def external_date(string: str) -> dt.datetime | None:
        languages = _page_language.get()
        parser = _dateparser_in(tuple(languages())) if languages is not None else None
        if parser is None:
            return original(string)
        try:
            return parser.get_date_data(string)["date_obj"]
        except (OverflowError, ValueError):
            return None

    external_date.newsclean_reads_in_page_language = True  # type: ignore[attr-defined]
    module._external_date = external_date  # noqa: SLF001 - the one step htmldate offers no setting for


@lru_cache(maxsize=64)
def _dateparser_in(languages: tuple[str, ...]) -> Any:
    """dateparser's reader for the page's languages ("pt" of "pt-BR"), set up as htmldate sets
    up its own; None when dateparser knows none of them."""
    try:
        from dateparser import DateDataParser
        from dateparser.data.languages_info import language_order
    except ImportError:
        return None
    codes = [code for code in dict.fromkeys(tag.replace("_", "-").split("-")[0].lower() for tag in languages)
             if code in language_order]
    return DateDataParser(languages=codes, settings=_HTMLDATE_DATEPARSER_SETTINGS) if codes else None
