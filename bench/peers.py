"""The extractors the benchmark compares, behind one call shape.

Each takes the page's markup as text and returns what it extracted. Peers are imported
lazily, so a missing one is reported and skipped, never a crash (`pip install -e .[bench]`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from corpus import split_names


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None = None
    authors: list[str] | None = None
    date: str | None = None  # YYYY-MM-DD
    error: str | None = None
    path: str | None = None  # newsclean: the extractor path that produced the body
    confidence: float | None = None  # newsclean: how sure that path was (0–1)


def _day(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    from dateutil import parser

    try:
        return parser.parse(str(value), fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _newsclean() -> Callable[[str | bytes], Extracted]:
    import newsclean

    def run(markup: str | bytes) -> Extracted:
        try:
            article = newsclean.clean(markup)
        except newsclean.NotAnArticle as exc:  # no body, but the page's metadata rides on the exception
            page = exc.page
            if page is None:
                return Extracted("", error=type(exc).__name__)
            return Extracted("", page.title, list(page.authors) or None, _day(page.published),
                             error=type(exc).__name__)
        except newsclean.NewscleanError as exc:
            return Extracted("", error=type(exc).__name__)
        return Extracted(article.text, article.title, list(article.authors) or None, _day(article.published),
                         path=article.extractor, confidence=article.confidence)

    return run


def _trafilatura(**options: object) -> Callable[[str | bytes], Extracted]:
    import trafilatura

    def run(markup: str | bytes) -> Extracted:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, **options)
        if doc is None:
            return Extracted("", error="None")
        return Extracted(doc.text or "", doc.title, split_names((doc.author or "").replace(";", ",")), _day(doc.date))

    return run


def _readability() -> Callable[[str | bytes], Extracted]:
    from readability import Document
    from selectolax.lexbor import LexborHTMLParser

    def run(markup: str | bytes) -> Extracted:
        doc = Document(markup)
        body = LexborHTMLParser(doc.summary()).body
        return Extracted(body.text(separator=" ") if body is not None else "", doc.short_title() or None)

    return run


def _resiliparse() -> Callable[[str | bytes], Extracted]:
    from resiliparse.extract.html2text import extract_plain_text

    def run(markup: str | bytes) -> Extracted:
        text = markup.decode("utf-8", "replace") if isinstance(markup, bytes) else markup
        return Extracted(extract_plain_text(text, main_content=True))

    return run


def _justext() -> Callable[[str | bytes], Extracted]:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(markup: str | bytes) -> Extracted:
        data = markup.encode("utf-8") if isinstance(markup, str) else markup
        paragraphs = justext.justext(data, stoplist)
        return Extracted("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


def _goose() -> Callable[[str | bytes], Extracted]:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "http_timeout": 0.01})

    def run(markup: str | bytes) -> Extracted:
        text = markup.decode("utf-8", "replace") if isinstance(markup, bytes) else markup
        article = goose.extract(raw_html=text)
        return Extracted(article.cleaned_text or "", article.title or None, article.authors or None,
                         _day(article.publish_date))

    return run


def _newspaper() -> Callable[[str | bytes], Extracted]:
    import newspaper

    def run(markup: str | bytes) -> Extracted:
        text = markup.decode("utf-8", "replace") if isinstance(markup, bytes) else markup
        # input_html: parse what we give it; no download, no image fetching (no network here).
        article = newspaper.Article("https://example.invalid/article.html", fetch_images=False)
        article.download(input_html=text)
        article.parse()
        return Extracted(article.text or "", article.title or None, list(article.authors) or None,
                         _day(article.publish_date))

    return run


# name → factory; factories import their library, so a missing peer fails here, not mid-run.
EXTRACTORS: dict[str, Callable[[], Callable[[str | bytes], Extracted]]] = {
    "newsclean": _newsclean,
    "trafilatura": _trafilatura,
    "trafilatura (favor_recall)": lambda: _trafilatura(favor_recall=True),
    "readability-lxml": _readability,
    "resiliparse": _resiliparse,
    "jusText": _justext,
    "goose3": _goose,
    "newspaper4k": _newspaper,
}


def load_extractors(names: list[str] | None = None) -> tuple[dict[str, Callable[[str | bytes], Extracted]], dict[str, str]]:
    """The extractors that import, and for the others why they were left out."""
    ready, missing = {}, {}
    for name, factory in EXTRACTORS.items():
        if names and name not in names:
            continue
        try:
            ready[name] = factory()
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name}); pip install -e '.[bench]'"
    return ready, missing
