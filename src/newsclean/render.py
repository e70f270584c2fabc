"""Render an Article as a dict, JSON or markdown. Renderers only read; they decide nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from newsclean.model import Article

__all__ = ["article_to_dict", "article_to_json", "article_to_markdown", "dict_to_markdown"]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_to_dict(article: Article) -> dict[str, Any]:
    """Plain lists, dicts and strings; dates as ISO 8601."""
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": _iso(article.published),
        "modified": _iso(article.modified),
        "section": article.section,
        "url": article.url,
        "short_url": article.short_url,
        "language": article.language,
        "description": article.description,
        "site_name": article.site_name,
        "images": [{"url": i.url, "caption": i.caption, "credit": i.credit} for i in article.images],
        "alternates": dict(article.alternates),
        "tags": list(article.tags),
        "text": article.text,
        "paragraphs": [{"kind": b.kind.value, "text": b.text} for b in article.paragraphs],
        "form": article.form.value,
        "encoding": article.encoding,
        "extractor": article.extractor,
        "confidence": article.confidence,
        "layers": [{"layer": r.layer.value, "count": r.count, "chars": r.chars} for r in article.layers],
    }


def article_to_json(article: Article, *, indent: int | None = None) -> str:
    """The dict form as JSON, non-ASCII characters kept as they are."""
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=indent)


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]#<>"})


def _escape(text: str) -> str:
    escaped = text.translate(_MARKDOWN_SPECIAL)
    # A line starting like a list item or numbered item would turn into one.
    if escaped[:1] in "-+" or escaped.split(" ", 1)[0].rstrip(".").isdigit() and ". " in escaped[:12]:
        escaped = "\\" + escaped
    return escaped


def article_to_markdown(article: Article) -> str:
    """Title as a heading, an italic byline/date line, then the body blocks."""
    return dict_to_markdown(article_to_dict(article))


_MARKDOWN_PREFIX = {"subhead": "## ", "quote": "> ", "list_item": "- ", "paragraph": ""}


def dict_to_markdown(article: dict[str, Any]) -> str:
    """The same markdown from ``Article.to_dict()`` output (what batch workers pass around)."""
    lines: list[str] = []
    if article.get("title"):
        lines += [f"# {_escape(article['title'])}", ""]
    byline = ", ".join(article.get("authors") or [])
    meta = " · ".join(part for part in (f"By {byline}" if byline else "", article.get("published") or "") if part)
    if meta:
        lines += [f"*{_escape(meta)}*", ""]
    for block in article.get("paragraphs", []):
        lines += [_MARKDOWN_PREFIX.get(block["kind"], "") + _escape(block["text"]), ""]
    return "\n".join(lines).rstrip() + "\n"
