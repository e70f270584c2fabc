"""Small, iterative helpers over a selectolax-lexbor tree, shared by every phase.

Nothing here recurses: page depth must never be able to blow the Python stack.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

__all__ = ["BLOCK_TAGS", "TEXT_BLOCK_TAGS", "collapse", "ancestors", "is_block", "node_text"]


# Elements that end a run of inline text: a paragraph never spans one of these.
BLOCK_TAGS = frozenset(
    "p div section article aside header footer nav main figure figcaption blockquote ul ol li "
    "dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption pre hr form fieldset "
    "details summary address center body html picture video audio".split()
)
# Blocks that hold running text themselves (a phrase inside one is part of a sentence).
TEXT_BLOCK_TAGS = frozenset("p li dt dd h1 h2 h3 h4 h5 h6 blockquote td th figcaption pre".split())


def collapse(text: str) -> str:
    """Runs of whitespace (newlines, tabs, no-break spaces) become one space; ends stripped."""
    return " ".join(text.split())


def is_block(node: LexborNode) -> bool:
    """True for an element that starts and ends a block of text."""
    return node.tag in BLOCK_TAGS


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    """The node's parents, nearest first, up to the document."""
    parent = node.parent
    while parent is not None and parent.is_element_node:
        yield parent
        parent = parent.parent


def node_text(node: LexborNode) -> str:
    """The node's visible text with whitespace collapsed."""
    return collapse(node.text(deep=True, separator="", strip=False))
