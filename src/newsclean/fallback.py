"""The fallback for pages nothing recognises: trafilatura supplies the body.

The one module that imports trafilatura, and only when a page needs it: newsclean's own
paths stay free of lxml. newsclean still supplies the metadata and the layer report.
"""

from __future__ import annotations

from newsclean.model import Block, BlockKind

__all__ = ["FALLBACK_BELOW", "fallback_blocks"]

FALLBACK_BELOW = 0.35  # generic confidence under this hands the body to trafilatura
_MIN_PROSE_CHARS = 80  # trafilatura's answer counts only if it holds one real paragraph


def fallback_blocks(html: str) -> tuple[Block, ...]:
    """trafilatura's paragraphs for the page, or () when it finds none or is not installed."""
    try:
        import trafilatura
    except ImportError:
        return ()
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        return ()
    blocks = tuple(Block(BlockKind.PARAGRAPH, line.strip()) for line in text.splitlines() if line.strip())
    return blocks if any(len(b.text) >= _MIN_PROSE_CHARS for b in blocks) else ()
