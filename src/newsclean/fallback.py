"""The fallback for pages nothing recognises: trafilatura supplies the body.

The one module that imports trafilatura, and only when a page needs it: newsclean's own
paths stay free of lxml. newsclean still supplies the metadata and the layer report.
When trafilatura cannot be imported, newsclean says so once (:class:`FallbackUnavailable`)
rather than quietly giving other results than an install where it works.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from newsclean._dom import collapse
from newsclean.errors import FallbackUnavailable
from newsclean.model import Block, BlockKind

__all__ = ["FALLBACK_BELOW", "fallback_blocks", "load_trafilatura"]

FALLBACK_BELOW = 0.35  # generic confidence under this hands the body to trafilatura
_MIN_PROSE_CHARS = 80  # trafilatura's answer counts only if it holds one real paragraph
_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
_loaded: dict[str, ModuleType | None] = {}  # "trafilatura" → the module, or None once it failed


def load_trafilatura() -> ModuleType | None:
    """trafilatura, imported on first use; None (and one FallbackUnavailable warning per
    process) when it cannot be imported, whatever the reason."""
    if "trafilatura" not in _loaded:
        try:
            import trafilatura
        except Exception as exc:  # noqa: BLE001 - a broken install raises more than ImportError
            _loaded["trafilatura"] = None
            warnings.warn(f"newsclean's fallback extractor is off: importing trafilatura failed "
                          f"({type(exc).__name__}: {exc}). Pages newsclean is unsure of keep its own body. "
                          "Reinstall newsclean (pip install --force-reinstall newsclean) or install "
                          "lxml_html_clean.", FallbackUnavailable, stacklevel=3)
        else:
            _loaded["trafilatura"] = trafilatura
    return _loaded["trafilatura"]


def fallback_blocks(html: str, *, wrapped: bool = False, precision: bool | None = None) -> tuple[Block, ...]:
    """trafilatura's paragraphs for the page, or () when it finds none or cannot be loaded.
    On HTML it runs with its default settings, as its users run it (precision mode loses the
    lists, tables and sections of many pages), on the page less its ``<noscript>`` elements:
    it keeps their text, and a "please enable JavaScript" notice is no article. Its body
    comes as elements, so headings, quotes and list items keep their kind. ``wrapped``: the
    markup was rendered from pandoc markdown (lines wrapped at 72 columns, so a line break in
    an element's text is no new block), where pandoc has flattened forms, selects and menus
    into plain text: there trafilatura runs in precision mode (``precision`` None), which
    leaves that text out."""
    trafilatura = load_trafilatura()
    if trafilatura is None:
        return ()
    precise = wrapped if precision is None else precision
    document = trafilatura.bare_extraction(_NOSCRIPT.sub("", html), include_comments=False, favor_precision=precise)
    body = getattr(document, "body", None)
    if body is None:
        return ()
    to_text = trafilatura.xml.xmltotxt
    blocks = tuple(block for element in body for block in _blocks_of(element, wrapped, to_text) if block.text)
    return blocks if any(len(b.text) >= _MIN_PROSE_CHARS for b in blocks) else ()


# trafilatura's body elements (its XML vocabulary) → the kind of block they are
_KIND_OF_ELEMENT = {"head": BlockKind.SUBHEAD, "quote": BlockKind.QUOTE, "list": BlockKind.LIST_ITEM}
_ITEM_MARK = "- "  # how trafilatura's text starts a list item's line


def _blocks_of(element: Any, wrapped: bool, to_text: Callable[[Any, bool], str]) -> Iterator[Block]:
    """The blocks of one element of trafilatura's body, from its own text of the element
    (``to_text``, so the words are spaced as its users get them): a block per line (a list
    item, a table row, a line of a paragraph, as trafilatura breaks them), or, when the
    markup's lines are ``wrapped``, a paragraph's lines make one block and an item's go on
    until the next item."""
    tag = element.tag
    kind = _KIND_OF_ELEMENT.get(tag, BlockKind.PARAGRAPH)
    lines = [line.strip() for line in to_text(element, False).splitlines()]
    if wrapped and tag == "list":
        lines = _items_of(lines)
    elif wrapped and tag != "table":
        lines = [" ".join(lines)]
    numbered = tag == "list" and element.get("rend") == "ol"  # trafilatura's mark of an <ol>
    for count, line in enumerate(lines, start=1):
        if tag == "list":
            line = line.removeprefix(_ITEM_MARK)
        elif tag == "table":
            line = line.strip("| ")
        yield Block(kind, collapse(line), number=count if numbered else None)


def _items_of(lines: list[str]) -> list[str]:
    """A list's wrapped lines, each continuation joined to the item it continues."""
    items: list[str] = []
    for line in lines:
        if items and not line.startswith(_ITEM_MARK):
            items[-1] += " " + line
        else:
            items.append(line)
    return items
