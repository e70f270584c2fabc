"""Render an Article as a dict, JSON or markdown. Renderers only read; they decide nothing.

The markdown is CommonMark, escaped where CommonMark would read markup and nowhere else:
``snake_case`` and ``2 * 3`` stay as they are, a paragraph "1. Some text" is written
``1\\. Some text``. The body walk (:mod:`newsclean.body`) uses :func:`inline_markdown` to
give each block its links and emphasis.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from newsclean.model import Article, Block

__all__ = ["EMPHASIS", "STRONG", "InlineSpan", "article_to_dict", "article_to_json", "article_to_markdown",
           "dict_to_markdown", "escape_inline", "inline_markdown", "link_span"]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _block_to_dict(block: Block) -> dict[str, str | int]:
    """Kind and text; the inline markdown too when the block has links or emphasis, and the
    number of an ordered list's item."""
    item: dict[str, str | int] = {"kind": block.kind.value, "text": block.text}
    if block.markdown is not None:
        item["markdown"] = block.markdown
    if block.number is not None:
        item["number"] = block.number
    return item


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
        "origins": dict(article.origins),
        "text": article.text,
        "paragraphs": [_block_to_dict(b) for b in article.paragraphs],
        "form": article.form.value,
        "encoding": article.encoding,
        "extractor": article.extractor,
        "confidence": article.confidence,
        "layers": [{"layer": r.layer.value, "count": r.count, "chars": r.chars} for r in article.layers],
    }


def article_to_json(article: Article, *, indent: int | None = None) -> str:
    """The dict form as JSON, non-ASCII characters kept as they are."""
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=indent)


# --- Escaping -------------------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset(string.punctuation)
# Characters that may be markup inline: runs of "*" and "_" are judged as a whole.
_INLINE_SPECIAL = re.compile(r"\*+|_+|[\\`\[\]<&!]")
_TAG_OR_AUTOLINK_START = frozenset(string.ascii_letters + "/!?")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_BLANK = frozenset(("", " ", "\t"))


def escape_inline(text: str, before: str = "", after: str = "") -> str:
    """``text`` with a backslash before each character CommonMark would read as inline markup
    there, and no other: ``before``/``after`` are the characters written next to it ("" at
    a line's edge), as a ``*`` or ``_`` next to a marker is read differently."""
    pieces: list[str] = []
    last = 0
    for match in _INLINE_SPECIAL.finditer(text):
        start, end = match.span()
        previous = text[start - 1] if start else before[-1:]
        following = text[end] if end < len(text) else after[:1]
        if _is_inline_markup(text, start, end, previous, following, after):
            pieces += (text[last:start], "".join("\\" + ch for ch in match.group()))
            last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _is_inline_markup(text: str, start: int, end: int, previous: str, following: str, after: str) -> bool:
    """Whether the special characters text[start:end] would be read as markup."""
    char = text[start]
    if char == "*":  # a run with blanks on both sides can neither open nor close emphasis
        return not (previous in _BLANK and following in _BLANK)
    if char == "_":  # "_" inside a word (snake_case) never opens or closes emphasis
        return not (previous.isalnum() and following.isalnum())
    if char == "\\":
        return following in _ASCII_PUNCTUATION and following != ""
    if char == "<":  # an HTML tag, comment or autolink starts "<" + a letter, "/", "!" or "?"
        return following in _TAG_OR_AUTOLINK_START and following != ""
    if char == "&":
        return _ENTITY.match(text, start) is not None
    if char == "!":  # "![" starts an image: only a "!" right before a link's "[" needs it
        return end == len(text) and after.startswith("[")
    return True  # "`" opens code; "[" and "]" make links


_NUMBERED_ITEM = re.compile(r"\d{1,9}(?=[.)](?:[ \t]|$))")
_THEMATIC_BREAK = r"(?:-[ \t]*){3,}$|(?:\*[ \t]*){3,}$"  # ("_" at a word's edge is always escaped)
_BLOCK_MARKER = re.compile(r"#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|>|~{3,}|" + _THEMATIC_BREAK)
_WHOLE_LINE_BREAK = re.compile(_THEMATIC_BREAK)


def _escape_block_start(line: str) -> str:
    """A backslash where the line's start would make a heading, quote, list, rule or fence."""
    numbered = _NUMBERED_ITEM.match(line)
    if numbered:
        return line[:numbered.end()] + "\\" + line[numbered.end():]
    return "\\" + line if _BLOCK_MARKER.match(line) else line


def _escape_heading_end(line: str) -> str:
    """A backslash before trailing "#"s that a heading line would drop as its closing sequence."""
    content = line.rstrip(" \t")
    hashes = len(content) - len(content.rstrip("#"))
    if hashes and (hashes == len(content) or content[-hashes - 1] in " \t"):
        return line[:len(content) - hashes] + "\\" + line[len(content) - hashes:]
    return line


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n?|\n)[ \t]*")


def _one_line(text: str) -> str:
    """The text on one line (a block's markdown is one line), blanks at the ends dropped."""
    return _LINE_BREAK.sub(" ", text).strip(" \t")


# --- Inline links and emphasis ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InlineSpan:
    """A link or an emphasis over a run of a block's text: the markers written around it."""

    opener: str
    closer: str

    @property
    def is_emphasis(self) -> bool:
        """True for ``*``/``**`` (judged by CommonMark's flanking rules), False for a link."""
        return self.opener.startswith("*")


EMPHASIS = InlineSpan("*", "*")
STRONG = InlineSpan("**", "**")

_URL_TRIM = "".join(map(chr, range(0x21)))  # what browsers strip from an href's ends
_URL_NOISE = re.compile(r"[\t\n\r]")  # and drop inside it
_SCRIPT_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)
_DESTINATION_SPECIAL = re.compile(r"[\\()<>]|" + _ENTITY.pattern)
_NEEDS_ANGLE_BRACKETS = re.compile(r"[\x00-\x20\x7f]")


def link_span(href: str | None) -> InlineSpan | None:
    """The span of a link to ``href``, or None for a link not worth writing: no href, an empty
    one, a fragment of the page itself ("#…") or a script ("javascript:")."""
    if href is None:
        return None
    href = _URL_NOISE.sub("", href.strip(_URL_TRIM))
    if not href or href.startswith("#") or _SCRIPT_SCHEME.match(href):
        return None
    return InlineSpan("[", f"]({_link_destination(href)})")


def _link_destination(href: str) -> str:
    """The href as a link destination, as it is (not resolved), backslashes where CommonMark
    would read one of its characters as syntax; in <…> when it holds spaces."""
    escaped = _DESTINATION_SPECIAL.sub(lambda m: "\\" + m.group(), href)
    return f"<{escaped}>" if _NEEDS_ANGLE_BRACKETS.search(href) else escaped


_EMPHASIS_ATTEMPTS = 4  # dropping one emphasis can make the next one by it unreadable: tries before giving up on emphasis


class _Marker(NamedTuple):
    """One span's opening or closing marker, placed at a position of the block's text."""

    position: int
    opens: bool
    order: int  # among markers at one position: outer spans open first and close last
    text: str
    span: int  # the span's index


def inline_markdown(text: str, spans: Sequence[tuple[int, int, InlineSpan]]) -> str | None:
    """``text`` as escaped inline markdown with its links and emphasis, or None when no span
    can be written. ``spans`` are (start, end, span) in ``text``, outer before inner,
    nested or apart (never crossing); empty ones and emphasis CommonMark would not read
    as such (``(*"x"*)``, a close right before an open) are left out, their text kept."""
    kept = {index: span for index, span in enumerate(spans) if span[0] < span[1]}
    for attempt in range(_EMPHASIS_ATTEMPTS + 1):
        if not kept:
            return None
        markers = _markers(kept)
        unreadable = _unreadable_emphasis(text, markers)
        if not unreadable:
            return _write_with_markers(text, markers)
        if attempt == _EMPHASIS_ATTEMPTS - 1:  # each pass drops one at least: bound the passes
            unreadable = {index for index, (_, _, span) in kept.items() if span.is_emphasis}
        kept = {index: span for index, span in kept.items() if index not in unreadable}
    return None


def _markers(spans: dict[int, tuple[int, int, InlineSpan]]) -> list[_Marker]:
    """Every span's two markers in writing order: by position, closing before opening."""
    markers = [marker for index, (start, end, span) in spans.items()
               for marker in (_Marker(start, True, index, span.opener, index),
                              _Marker(end, False, -index, span.closer, index))]
    return sorted(markers, key=lambda m: (m.position, m.opens, m.order))


_SPACE, _PUNCTUATION, _OTHER, _UNSURE = range(4)


def _flanking_class(char: str) -> int:
    """How CommonMark's flanking rules see a character next to a ``*`` run ("" is a line edge).
    Symbols count as punctuation in CommonMark 0.31 but not before: unsure, so never relied on."""
    if char in ("", " ", "\t", "\n", "\f", "\r"):
        return _SPACE
    category = unicodedata.category(char)
    if category == "Zs":
        return _SPACE
    if char in _ASCII_PUNCTUATION or category.startswith("P"):
        return _PUNCTUATION
    return _UNSURE if category.startswith("S") or char.isspace() else _OTHER


def _is_readable_run(opens: bool, before: str, after: str) -> bool:
    """Whether a run of only opening (or only closing) ``*`` markers between ``before`` and
    ``after`` can only open (or only close): then CommonMark pairs the markers as written."""
    left, right = _flanking_class(before), _flanking_class(after)
    if _UNSURE in (left, right):
        return False
    left_flanking = right != _SPACE and (right != _PUNCTUATION or left != _OTHER)
    right_flanking = left != _SPACE and (left != _PUNCTUATION or right != _OTHER)
    return left_flanking and not right_flanking if opens else right_flanking and not left_flanking


def _unreadable_emphasis(text: str, markers: list[_Marker]) -> set[int]:
    """The spans whose emphasis markers CommonMark would not read as written."""
    unreadable: set[int] = set()
    first = 0
    while first < len(markers):
        if not markers[first].text.startswith("*"):
            first += 1
            continue
        position, last = markers[first].position, first
        while (last + 1 < len(markers) and markers[last + 1].position == position
               and markers[last + 1].text.startswith("*")):
            last += 1
        run = markers[first:last + 1]
        before = markers[first - 1].text[-1] if first and markers[first - 1].position == position else text[position - 1:position]
        after = (markers[last + 1].text[0] if last + 1 < len(markers) and markers[last + 1].position == position
                 else text[position:position + 1])
        directions = {marker.opens for marker in run}
        if len(directions) > 1 or not _is_readable_run(run[0].opens, before, after):
            unreadable.update(marker.span for marker in run)
        first = last + 1
    return unreadable


def _write_with_markers(text: str, markers: list[_Marker]) -> str:
    """The text escaped piece by piece, each piece knowing the markers beside it."""
    pieces: list[str] = []
    cursor, before = 0, ""
    for marker in markers:
        if marker.position > cursor:
            pieces.append(escape_inline(text[cursor:marker.position], before, marker.text))
            cursor = marker.position
        pieces.append(marker.text)
        before = marker.text
    pieces.append(escape_inline(text[cursor:], before, ""))
    return "".join(pieces)


# --- Markdown -------------------------------------------------------------------------


def article_to_markdown(article: Article) -> str:
    """Title as a heading, an italic byline/date line, then the body blocks."""
    return dict_to_markdown(article_to_dict(article))


_MARKDOWN_PREFIX = {"subhead": "## ", "quote": "> ", "list_item": "- ", "paragraph": ""}
_MAX_LIST_NUMBER = 999_999_999  # CommonMark reads up to nine digits as an item's number (and none below 0)


def dict_to_markdown(article: dict[str, Any]) -> str:
    """The same markdown from ``Article.to_dict()`` output (what batch workers pass around)."""
    lines: list[str] = []
    if article.get("title"):
        lines += [f"# {_escape_heading_end(escape_inline(_one_line(article['title'])))}", ""]
    byline = _byline_line(article.get("authors") or [], article.get("published"))
    if byline:
        lines += [byline, ""]
    for block in article.get("paragraphs", []):
        lines += [_block_line(block), ""]
    return "\n".join(lines).rstrip("\n") + "\n"  # only the blank line: a block ends as written


def _block_line(block: dict[str, Any]) -> str:
    """One block as one markdown line: its kind's prefix ("3. " for an ordered list's item),
    then its inline markdown."""
    kind = block["kind"]
    inline = block.get("markdown") or escape_inline(_one_line(block["text"]))
    content = _escape_heading_end(inline) if kind == "subhead" else _escape_block_start(inline)
    number = block.get("number")
    numbered = isinstance(number, int) and 0 <= number <= _MAX_LIST_NUMBER
    prefix = f"{number}. " if numbered else _MARKDOWN_PREFIX.get(kind, "")
    if _WHOLE_LINE_BREAK.match(prefix + content):  # "- --": the item's own dash makes a rule
        content = "\\" + content
    return prefix + content


def _byline_line(authors: Sequence[str], published: str | None) -> str | None:
    """``*By Ann Lee, Bo Diaz and Cy Fox · February 22, 2017*``; either part alone; None for neither."""
    names = [name for name in (_one_line(author).strip() for author in authors) if name]
    parts = ([f"By {_join_names(names)}"] if names else []) + ([_readable_date(published)] if published else [])
    meta = _one_line(" · ".join(parts)).strip()
    return f"*{escape_inline(meta, '*', '*')}*" if meta else None


def _join_names(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # not strftime's %B, which follows the locale


def _readable_date(iso: str) -> str:
    """An ISO 8601 date or datetime as "February 22, 2017" (the day where it was written, no
    time); a string that is not ISO 8601 as it is."""
    try:
        value = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
