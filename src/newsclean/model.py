"""The results newsclean returns: frozen, slotted dataclasses and the enums they use.

Everything here is data; renderers in :mod:`newsclean.render` only read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Article", "Block", "BlockKind", "Form", "FrozenMap", "Image", "Layer", "LayerReport"]


class Form(StrEnum):
    """The input form newsclean detected (or was told) the markup is in."""

    HTML = "html"
    PANDOC = "pandoc"  # pandoc markdown, gfm with raw HTML blocks or pandoc's own dialect
    TEXT = "text"  # already clean text: paragraphs separated by blank lines


class BlockKind(StrEnum):
    """What a body block is."""

    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


class Layer(StrEnum):
    """A kind of page layer that is not article body.

    Every labelled layer leaves the body; those marked in :data:`METADATA_LAYERS` are
    read for metadata (byline → authors, photo → images, …) before they go.
    """

    MASTHEAD = "masthead"
    SKIP_LINK = "skip_link"
    SECTION_LABEL = "section_label"
    STICKY_HEADER = "sticky_header"
    HEADLINE = "headline"
    AD = "ad"
    SHARE = "share"
    PHOTO = "photo"
    CAPTION = "caption"  # a caption standing apart from its photo (photo essays)
    GALLERY = "gallery"  # slideshows and carousels: many pictures, each a caption
    MEDIA_PLAYER = "media_player"  # video and audio player controls
    BYLINE = "byline"
    DATELINE = "dateline"
    TRANSLATION = "translation"
    PROMO = "promo"
    PAYWALL = "paywall"
    RECIRCULATION = "recirculation"
    GRAPHIC = "graphic"
    PRINT_NOTICE = "print_notice"
    HIDDEN = "hidden"
    NAVIGATION = "navigation"
    SITE_INDEX = "site_index"
    FOOTER = "footer"
    CHROME = "chrome"  # scripts, styles, forms, iframes: never text


@dataclass(frozen=True, slots=True)
class Block:
    """One body block: a paragraph, subhead, quote or list item, as plain text.

    ``markdown`` is the same text as one line of inline markdown, escaped, with the block's
    links and emphasis; None when the block has none (its markdown is then its escaped text).
    ``number`` is a list item's number in an ordered list (``<ol>``), as the page shows it
    before the item; the markdown rendering writes it ("3. Preheat the oven") where other
    items get "- ". ``Article.text`` writes no list marks, numbers or bullets. None for
    every other block.
    """

    kind: BlockKind
    text: str
    markdown: str | None = None
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """A photo of the article, with its caption and credit as separate fields."""

    url: str | None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class LayerReport:
    """How often one layer kind was found and how many characters of text it took out."""

    layer: Layer
    count: int
    chars: int


class FrozenMap(Mapping[str, str]):
    """A read-only str → str mapping that hashes, pickles and deep-copies (a
    ``MappingProxyType`` does none of these, so an Article holding one could not cross a
    process pool). Equal to any mapping with the same items."""

    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items: dict[str, str] = dict(items or {})
        self._hash: int | None = None

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._items == dict(other.items())

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return (FrozenMap, (self._items,))

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: body blocks, metadata, and the report of the layers removed.

    ``extractor`` names the path that found the body ("nyt" or another site profile,
    "generic" content scoring, "trafilatura" as the fallback, "text" for clean text) and
    ``confidence`` (0–1) how sure that path was.

    ``authors``, ``images``, ``tags`` and ``layers`` are tuples and ``alternates`` a
    read-only mapping, so an Article can be shared freely; ``to_dict`` gives plain lists.
    """

    paragraphs: tuple[Block, ...]
    form: Form
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | dt.datetime | None = None
    modified: dt.date | dt.datetime | None = None
    section: str | None = None
    url: str | None = None
    short_url: str | None = None
    language: str | None = None
    description: str | None = None
    site_name: str | None = None
    images: tuple[Image, ...] = ()
    alternates: Mapping[str, str] = field(default_factory=FrozenMap)
    tags: tuple[str, ...] = ()
    # Where the title, authors and dates came from ("h1", "byline", "json-ld", "meta", "htmldate"…).
    origins: Mapping[str, str] = field(default_factory=FrozenMap)
    layers: tuple[LayerReport, ...] = ()
    encoding: str | None = None
    extractor: str = "generic"
    confidence: float = 1.0

    def __post_init__(self) -> None:
        for name in ("alternates", "origins"):  # a plain dict would make the Article unhashable
            if not isinstance(getattr(self, name), FrozenMap):
                object.__setattr__(self, name, FrozenMap(getattr(self, name)))

    @property
    def text(self) -> str:
        """The body as plain text: the blocks joined by blank lines."""
        return "\n\n".join(block.text for block in self.paragraphs)

    def layer(self, kind: Layer) -> LayerReport | None:
        """The report for one layer kind, or None when that layer was not found."""
        return next((report for report in self.layers if report.layer is kind), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO 8601 strings)."""
        from newsclean.render import article_to_dict

        return article_to_dict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as a JSON document."""
        from newsclean.render import article_to_json

        return article_to_json(self, indent=indent)

    def to_markdown(self) -> str:
        """The article as markdown: title, byline line, then the body blocks."""
        from newsclean.render import article_to_markdown

        return article_to_markdown(self)
