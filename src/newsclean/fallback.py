"""The fallback for pages nothing recognises: trafilatura supplies the body.

The one module that imports trafilatura, and only when a page needs it: newsclean's own
paths stay free of lxml. newsclean still supplies the metadata and the layer report.
When trafilatura cannot be imported, newsclean says so once (:class:`FallbackUnavailable`)
rather than quietly giving other results than an install where it works.
"""

from __future__ import annotations

import re
import warnings
from types import ModuleType

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


def fallback_blocks(html: str) -> tuple[Block, ...]:
    """trafilatura's paragraphs for the page, or () when it finds none or cannot be loaded.
    It runs with its default settings, as its users run it (precision mode loses the lists,
    tables and sections of many pages), on the page less its ``<noscript>`` elements: it
    keeps their text, and a "please enable JavaScript" notice is no article."""
    trafilatura = load_trafilatura()
    if trafilatura is None:
        return ()
    text = trafilatura.extract(_NOSCRIPT.sub("", html), include_comments=False)
    if not text:
        return ()
    blocks = tuple(Block(BlockKind.PARAGRAPH, line.strip()) for line in text.splitlines() if line.strip())
    return blocks if any(len(b.text) >= _MIN_PROSE_CHARS for b in blocks) else ()
