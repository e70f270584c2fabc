"""Body blocks from the article container: paragraphs, subheads, quotes and list items.

The walk reads the layer labels and never decides anything itself: a labelled element is
skipped whole. Inline text accumulates until a block element starts or ends, so text that
sits straight in a ``<div>`` is a paragraph too, and links become their text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import ancestors, collapse, is_block, node_text
from newsclean.layers import Labels, labelled_ancestor
from newsclean.model import Block, BlockKind, Layer
from newsclean.profiles.base import Profile
from newsclean.scoring import label_non_prose, score_body

__all__ = ["SELECTOR_CONFIDENCE", "body_roots", "extract_blocks", "find_body"]

_KIND_OF_TAG: dict[str, BlockKind] = {
    **{f"h{level}": BlockKind.SUBHEAD for level in range(2, 7)},
    "blockquote": BlockKind.QUOTE,
    "li": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
}
# h1 is the page's title (metadata), never a block of the body.
_SKIPPED_TAGS = frozenset({"h1", "img", "picture", "source", "video", "audio", "track", "area", "map", "wbr"})
_LINE_BREAK_TAGS = frozenset({"br"})
_WORD = re.compile(r"\w")


SELECTOR_CONFIDENCE = 0.95  # the site marked its article container and a profile knew the mark


def find_body(tree: LexborHTMLParser, profile: Profile, labels: Labels) -> tuple[list[LexborNode], float]:
    """The article containers and how sure the choice is: the profile's body selectors
    first, else content scoring (:mod:`newsclean.scoring`)."""
    roots, confidence = body_roots(tree, profile, labels), SELECTOR_CONFIDENCE
    if not roots:
        scored = score_body(tree, labels, profile)
        roots, confidence = (list(scored.roots), scored.confidence) if scored else ([], 0.0)
    if not roots:
        return ([tree.body] if tree.body is not None else []), 0.0
    if profile.clean_inside_body:
        label_non_prose(roots, labels)
    return roots, confidence


def body_roots(tree: LexborHTMLParser, profile: Profile, labels: Mapping[int, Layer]) -> list[LexborNode]:
    """Every match of the profile's first body selector that matches outside labelled
    layers and holds text, outermost only; empty when none does."""
    for selector in profile.body:
        found = [node for node in tree.css(selector) if labelled_ancestor(node, labels) is None]
        roots = _outermost(found)
        if roots and any(node_text(root) for root in roots):
            return roots
    return []


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    chosen = {node.mem_id for node in nodes}
    return [node for node in nodes if not any(parent.mem_id in chosen for parent in ancestors(node))]


def extract_blocks(roots: Iterable[LexborNode], labels: Mapping[int, Layer], *,
                   sources: list[int] | None = None) -> tuple[Block, ...]:
    """Walk each root in document order, skipping labelled layers, and cut the text into blocks.
    ``sources``, when given, receives for each block the id of the element it came from."""
    walker = _BlockWalker(labels)
    for root in roots:
        walker.walk(root)
    if sources is not None:
        sources.extend(walker.sources)
    return tuple(walker.blocks)


class _BlockWalker:
    """An iterative depth-first walk that collects inline text and cuts it at block edges."""

    __slots__ = ("labels", "blocks", "sources", "_buffer", "_kinds", "_open", "_root")

    def __init__(self, labels: Mapping[int, Layer]) -> None:
        self.labels = labels
        self.blocks: list[Block] = []
        self.sources: list[int] = []  # per block: the id of the element its text came from
        self._buffer: list[str] = []
        self._kinds: list[BlockKind] = []
        self._open: list[int] = []
        self._root = 0

    def walk(self, root: LexborNode) -> None:
        # Each entry: (node, leaving, pushed_kind). Children go on in reverse to pop in order.
        stack: list[tuple[LexborNode, bool, bool]] = [(root, False, False)]
        self._root = root.mem_id
        while stack:
            node, leaving, pushed_kind = stack.pop()
            if leaving:
                self._flush()
                self._open.pop()
                if pushed_kind:
                    self._kinds.pop()
                continue
            if node.is_text_node:
                self._buffer.append(node.text_content or "")
                continue
            if not node.is_element_node:
                continue
            tag = node.tag
            if node.mem_id in self.labels:
                if is_block(node):
                    self._flush()
                continue
            if tag in _SKIPPED_TAGS:
                continue
            if tag in _LINE_BREAK_TAGS:
                self._buffer.append(" ")
                continue
            block = is_block(node)
            kind = _KIND_OF_TAG.get(tag)
            if block:
                self._flush()
                self._open.append(node.mem_id)
                if kind is not None:
                    self._kinds.append(kind)
                stack.append((node, True, kind is not None))
            stack.extend((child, False, False) for child in reversed(list(node.iter(include_text=True))))
        self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        text = collapse("".join(self._buffer))
        self._buffer.clear()
        if _WORD.search(text):  # "[.]" left by a removed promo link is not a paragraph
            kind = self._kinds[-1] if self._kinds else BlockKind.PARAGRAPH
            self.blocks.append(Block(kind, text))
            self.sources.append(self._open[-1] if self._open else self._root)
