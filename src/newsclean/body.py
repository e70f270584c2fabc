"""Body blocks from the article container: paragraphs, subheads, quotes and list items.

The walk reads the layer labels and never decides anything itself: a labelled element is
skipped whole. Inline text accumulates until a block element starts or ends, so text that
sits straight in a ``<div>`` is a paragraph too, and links become their text. The same walk
notes where links and emphasis start and end, so a block also gets its inline markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import BLOCK_TAGS, ancestors, collapse, node_text
from newsclean.layers import Labels, PageScan, labelled_ancestor
from newsclean.model import Block, BlockKind, Layer
from newsclean.profiles.base import Profile
from newsclean.render import EMPHASIS, STRONG, InlineSpan, inline_markdown, link_span
from newsclean.scoring import label_non_prose, score_body

__all__ = ["ITEM_LEVELS", "MAIN_SHARE", "MIN_ITEMS", "MIN_ITEM_CHARS", "SELECTOR_CONFIDENCE", "body_roots",
           "extract_blocks", "find_body", "widen_to_main", "widen_to_repeated_items"]

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
_TYPED_NUMBER = re.compile(r"\d+[.)]")  # an ordered item whose text starts with its number already
_EMPHASIS_OF_TAG: dict[str, InlineSpan] = {"em": EMPHASIS, "i": EMPHASIS, "strong": STRONG, "b": STRONG}
_SPAN_TAGS = frozenset({"a", *_EMPHASIS_OF_TAG})
# What leaving an element means on the walk's stack: leave a block (one that set the kind of
# its blocks, or not), or leave a link or emphasis (0: nothing to do).
_LEAVE_BLOCK, _LEAVE_KIND_BLOCK, _LEAVE_SPAN = range(1, 4)
_Mark = tuple[int, bool, InlineSpan]  # (index in the text buffer, opens, span)


MAIN_SHARE = 0.5  # scored containers holding less of their main landmark's text widen to it
ITEM_LEVELS = 6  # how far above the scored container a run of like siblings is looked for
MIN_ITEMS = 3  # like siblings that make a run (posts of a thread, entries of a blog page)…
MIN_ITEM_CHARS = 100  # …each holding this much body text
_JSON_LD = "script[type*='ld+json']"
SELECTOR_CONFIDENCE = 0.95  # the site marked its article container and a profile knew the mark


def find_body(tree: LexborHTMLParser, profile: Profile, labels: Labels, scan: PageScan | None = None, *,
              cleaned: list[int] | None = None) -> tuple[list[LexborNode], float, bool]:
    """The article containers, how sure the choice is, and whether the site marked them:
    the profile's body selectors first, else content scoring (:mod:`newsclean.scoring`),
    widened on a page with no sign of being a story (:func:`widen_to_main`,
    :func:`widen_to_repeated_items`). ``scan`` keeps what was read off the page for its next
    attempt; ``cleaned``, when given, receives the ids conditional cleaning labelled."""
    roots = body_roots(tree, profile, labels, scan)
    marked, confidence = bool(roots), SELECTOR_CONFIDENCE
    if not roots:
        scored = score_body(tree, labels, profile, scan)
        roots, confidence = (list(scored.roots), scored.confidence) if scored else ([], 0.0)
    if not roots:
        return ([tree.body] if tree.body is not None else []), 0.0, False
    scored = roots
    if not marked and not _has_article_signs(tree, profile, labels, scan):  # a story's body is its one container
        roots = widen_to_repeated_items(widen_to_main(tree, roots, labels, profile.main_landmark, scan), labels)
    if profile.clean_inside_body:
        # cleaning the widened body never takes the container scoring chose, nor what holds it
        kept = set() if roots is scored else {node.mem_id for root in scored for node in (root, *ancestors(root))}
        labelled = label_non_prose(roots, labels, scan, kept=kept)
        if cleaned is not None:
            cleaned.extend(labelled)
    return roots, confidence, marked


def widen_to_main(tree: LexborHTMLParser, roots: list[LexborNode], labels: Labels, landmark_selector: str | None,
                  scan: PageScan | None = None) -> list[LexborNode]:
    """The page's main landmark instead of the scored containers inside it, when they hold under
    :data:`MAIN_SHARE` of the landmark's body text: a service, product, forum or documentation
    page spreads its main content over many sibling sections (one post of a thread, one block
    of a product's description and specs), and scoring picks one of them. Labels still keep the
    boilerplate inside the landmark out.
    Only for a page with no sign of being a story (:func:`find_body` asks): a story's body is
    its one container, and the rest of its ``<main>`` is comments and cards."""
    if landmark_selector is None:
        return roots
    landmarks = scan.css(landmark_selector) if scan is not None else tree.css(landmark_selector)
    landmark = _main_landmark(roots, landmarks)
    if landmark is None:
        return roots
    if _body_chars(roots, labels) >= MAIN_SHARE * _body_chars([landmark], labels):
        return roots
    return [landmark]


def widen_to_repeated_items(roots: list[LexborNode], labels: Labels) -> list[LexborNode]:
    """Every item of a run of like siblings instead of the one the scored container is in (on
    a page with no sign of being a story, as :func:`find_body` asks): a thread's posts, a blog
    page's entries, a manual's sections are siblings with one tag and class, and scoring picks
    the longest. The container (or an ancestor up to :data:`ITEM_LEVELS` levels up) must be one
    of at least :data:`MIN_ITEMS` such siblings outside the layers, as many of which hold at
    least :data:`MIN_ITEM_CHARS` of body text (one page-wide wrapper among empty ones is no run)."""
    if len(roots) != 1:
        return roots
    node = roots[0]
    for _ in range(ITEM_LEVELS + 1):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html"):
            return roots
        style = node.attributes.get("class")
        if style:
            items = [child for child in parent.iter(include_text=False) if child.tag == node.tag
                     and child.attributes.get("class") == style and child.mem_id not in labels]
            if len(items) >= MIN_ITEMS:
                full = sum(1 for item in items if _body_chars([item], labels) >= MIN_ITEM_CHARS)
                return items if full >= MIN_ITEMS else roots
        node = parent
    return roots


def _body_chars(roots: list[LexborNode], labels: Labels) -> int:
    """How much body text these containers give, their layers left out (their blocks' text,
    without the links and emphasis only their markdown needs)."""
    return sum(len(block.text) for block in extract_blocks(roots, labels, markdown=False))


def _main_landmark(roots: list[LexborNode], landmarks: list[LexborNode]) -> LexborNode | None:
    """The one main landmark around the roots (None when there is none, when the roots are or
    hold it, or when landmarks nest there and which one is meant is unclear)."""
    if not roots or not landmarks:
        return None
    ids = {landmark.mem_id for landmark in landmarks}
    around = [parent for parent in ancestors(roots[0]) if parent.mem_id in ids]
    if len(around) != 1 or any(root.mem_id in ids for root in roots):
        return None
    return around[0]


def _has_article_signs(tree: LexborHTMLParser, profile: Profile, labels: Labels, scan: PageScan | None) -> bool:
    """The profile's article signs (an article og:type), an article type in the page's JSON-LD,
    or one or two bylines the label step found (one on each of :data:`MIN_ITEMS` or more
    entries is a blog page's or a thread's). A pandoc form counts as a story: its <head> is
    gone, nothing says it is not one, and a story widened to its ``<main>`` takes in its cards."""
    if scan is not None and scan.converted:
        return True
    if 0 < _bylines(tree, labels) < MIN_ITEMS:
        return True  # (a byline on each of several entries is a blog page's, no sign of one story)
    css = scan.css if scan is not None else tree.css
    if profile.article_signs and css(profile.article_signs):
        return True
    types = profile.article_type_pattern
    return types is not None and any(types.search(script.text(deep=True)) for script in css(_JSON_LD))


def _bylines(tree: LexborHTMLParser, labels: Labels) -> int:
    """How many bylines the label step found, each counted once: a byline element and the
    author links labelled inside it ("By <a rel=author>A</a> and <a rel=author>B</a>") are
    one byline. The tree is walked only when the labels alone could make :data:`MIN_ITEMS`."""
    labelled = sum(1 for layer in labels.values() if layer is Layer.BYLINE)
    if labelled < MIN_ITEMS or tree.body is None:
        return labelled
    keys = {key for key, layer in labels.items() if layer is Layer.BYLINE}
    return sum(1 for node in tree.body.traverse() if node.mem_id in keys and
               not any(ancestor.mem_id in keys for ancestor in ancestors(node)))


def body_roots(tree: LexborHTMLParser, profile: Profile, labels: Mapping[int, Layer],
               scan: PageScan | None = None) -> list[LexborNode]:
    """Every match of the profile's first body selector that matches outside labelled
    layers and holds text, outermost only; empty when none does."""
    for selector in profile.body:
        found = [node for node in (scan.css(selector) if scan is not None else tree.css(selector))
                 if labelled_ancestor(node, labels) is None]
        roots = _outermost(found)
        if roots and any(node_text(root) for root in roots):
            return roots
    return []


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    chosen = {node.mem_id for node in nodes}
    return [node for node in nodes if not any(parent.mem_id in chosen for parent in ancestors(node))]


def extract_blocks(roots: Iterable[LexborNode], labels: Mapping[int, Layer], *,
                   sources: list[int] | None = None, markdown: bool = True,
                   dropped: re.Pattern[str] | None = None) -> tuple[Block, ...]:
    """Walk each root in document order, skipping labelled layers, and cut the text into blocks.
    ``sources``, when given, receives for each block the id of the element it came from;
    ``markdown=False`` leaves out the blocks' markdown (links, emphasis) when only their text
    is asked: the same blocks otherwise. ``dropped``: a block whose whole text it matches is
    no block (a byline's label left without its names, a copyright line: the profile's
    :attr:`~newsclean.profiles.base.Profile.dropped_line_pattern`)."""
    walker = _BlockWalker(labels, markdown=markdown, dropped=dropped)
    for root in roots:
        walker.walk(root)
    if sources is not None:
        sources.extend(walker.sources)
    return tuple(walker.blocks)


class _BlockWalker:
    """An iterative depth-first walk that collects inline text and cuts it at block edges,
    noting where links and emphasis open and close within the text."""

    __slots__ = ("labels", "markdown", "dropped", "blocks", "sources", "_buffer", "_kinds", "_open", "_root",
                 "_spans", "_marks", "_break_at", "_counts", "_number")

    def __init__(self, labels: Mapping[int, Layer], *, markdown: bool = True,
                 dropped: re.Pattern[str] | None = None) -> None:
        self.labels = labels
        self.markdown = markdown  # False: links and emphasis are not noted (the blocks' text is the same)
        self.dropped = dropped  # the whole text of a block that is none (a byline's label alone, a copyright line)
        self.blocks: list[Block] = []
        self.sources: list[int] = []  # per block: the id of the element its text came from
        self._buffer: list[str] = []
        self._kinds: list[BlockKind] = []
        self._open: list[int] = []
        self._root = 0
        self._spans: list[InlineSpan] = []  # links and emphasis open at this point of the walk
        self._marks: list[_Mark] = []  # where spans open and close in the buffer
        self._break_at: int | None = None  # the buffer's length just after the last <br>
        self._counts: dict[int, tuple[int, int]] = {}  # per <ol> id: its last item's number, and +1 or -1
        self._number: int | None = None  # the number of the ordered list's item just entered

    def walk(self, root: LexborNode) -> None:
        # Iterators over the children of the elements entered, each above an int that says what
        # leaving that element means (see _LEAVE_BLOCK; 0: nothing). Memory stays in the depth,
        # whatever the number of children.
        stack: list[Iterator[LexborNode] | int] = [0, iter((root,))]
        push, pop = stack.append, stack.pop
        self._root = root.mem_id
        labels, buffer, opened = self.labels, self._buffer, self._open
        while stack:
            node = next(stack[-1], None)  # type: ignore[call-overload]
            if node is None:
                pop()
                action = pop()
                if not action:
                    continue
                if action == _LEAVE_SPAN:
                    self._close_span()
                    continue
                self._flush()
                opened.pop()
                if action == _LEAVE_KIND_BLOCK:
                    self._kinds.pop()
                continue
            if node.is_text_node:  # type: ignore[union-attr]
                buffer.append(node.text_content or "")  # type: ignore[union-attr]
                continue
            if not node.is_element_node:  # type: ignore[union-attr]
                continue
            tag = node.tag  # type: ignore[union-attr]
            key = node.mem_id  # type: ignore[union-attr]
            if key in labels:
                if tag == "li":  # a labelled item (an ad, say) still takes its number on the page
                    self._item_number(node)  # type: ignore[arg-type]
                if tag in BLOCK_TAGS:
                    if self._marks or (buffer and (len(buffer) > 1 or not buffer[0].isspace())):
                        self._flush()
                    else:  # (all that flushing nothing, or the whitespace between blocks, does)
                        buffer.clear()
                        self._break_at = None
                continue
            if tag in _SKIPPED_TAGS:
                continue
            if tag in _LINE_BREAK_TAGS:
                self._line_break()
                continue
            if tag in BLOCK_TAGS:
                if self._marks or (buffer and (len(buffer) > 1 or not buffer[0].isspace())):
                    self._flush()
                else:
                    buffer.clear()
                    self._break_at = None
                opened.append(key)
                if tag == "li":
                    self._number = self._item_number(node)  # type: ignore[arg-type]
                kind = _KIND_OF_TAG.get(tag)
                if kind is not None:
                    self._kinds.append(kind)
                action = _LEAVE_BLOCK if kind is None else _LEAVE_KIND_BLOCK
            elif tag in _SPAN_TAGS and self.markdown and self._open_span(node, tag):  # type: ignore[arg-type]
                action = _LEAVE_SPAN
            else:
                action = 0
            text = _sole_text(node)  # type: ignore[arg-type]
            if text is None:
                push(action)
                push(node.iter(include_text=True))  # type: ignore[union-attr]
                continue
            buffer.append(text)  # an element holding one text node: entered and left at once
            if action == _LEAVE_SPAN:
                self._close_span()
            elif action:
                self._flush()
                opened.pop()
                if action == _LEAVE_KIND_BLOCK:
                    self._kinds.pop()
        self._flush()

    def _line_break(self) -> None:
        """A ``<br>`` is a space; a second one with only blanks (or pictures) since the first
        ends the paragraph: ``<br><br>`` is how many pages write a blank line."""
        since = self._break_at
        if since is not None and since <= len(self._buffer) and \
                all(not part.strip() for part in self._buffer[since:]):
            self._flush()
            return
        self._buffer.append(" ")
        self._break_at = len(self._buffer)

    def _open_span(self, node: LexborNode, tag: str) -> bool:
        """Note a link (with an href worth keeping) or emphasis opening here; False when it is
        not kept, or is inside one of its own sort (a link in a link, emphasis in emphasis)."""
        span = link_span(node.attributes.get("href")) if tag == "a" else _EMPHASIS_OF_TAG[tag]
        if span is None or any(open_span.opener == span.opener for open_span in self._spans):
            return False
        self._spans.append(span)
        self._marks.append((len(self._buffer), True, span))
        return True

    def _close_span(self) -> None:
        """Note the innermost open link or emphasis closing here."""
        self._marks.append((len(self._buffer), False, self._spans.pop()))

    def _flush(self) -> None:
        self._break_at = None
        if self._buffer:
            self._cut_block()
        if self._marks:  # spans still open go on into the next block
            self._marks = [(0, True, span) for span in self._spans]

    def _cut_block(self) -> None:
        """The buffered text as a block, when it has a word; the buffer emptied either way."""
        raw = "".join(self._buffer)
        if raw.isspace():  # (the whitespace between blocks: no block, and nothing to collapse)
            self._buffer.clear()
            return
        text = collapse(raw)
        if _WORD.search(text) and (self.dropped is None or not self.dropped.fullmatch(text)):
            # ("[.]" left by a removed promo link is not a paragraph, nor a "By" whose name was a button)
            kind = self._kinds[-1] if self._kinds else BlockKind.PARAGRAPH
            number = None
            if self._number is not None and kind is BlockKind.LIST_ITEM:
                # the item's first block shows its number, unless the page typed one ("1. Preheat")
                number = None if _TYPED_NUMBER.match(text) else self._number
                self._number = None
            self.blocks.append(Block(kind, text, self._inline_markdown(raw, text) if self._marks else None, number))
            self.sources.append(self._open[-1] if self._open else self._root)
        self._buffer.clear()

    def _item_number(self, item: LexborNode) -> int | None:
        """The number a browser shows before an ordered list's item (``start``, ``reversed``
        and the item's own ``value`` heeded); None for an item of any other list, or of a
        list numbered with letters or roman numerals (``type="a"``)."""
        parent = item.parent
        if parent is None or parent.tag != "ol" or (parent.attributes.get("type") or "1") != "1":
            return None
        key = parent.mem_id
        counted = self._counts.get(key)
        if counted is None:
            step = -1 if "reversed" in parent.attributes else 1
            start = _integer(parent.attributes.get("start"))
            if start is None:
                start = sum(1 for child in parent.iter() if child.tag == "li") if step < 0 else 1
            number = start
        else:
            number, step = counted[0] + counted[1], counted[1]
        own = _integer(item.attributes.get("value"))
        number = own if own is not None else number
        self._counts[key] = (number, step)
        return number

    def _inline_markdown(self, raw: str, text: str) -> str | None:
        """The buffered block's inline markdown; spans still open close at its end."""
        marks = self._marks + [(len(self._buffer), False, span) for span in reversed(self._spans)]
        spans = _spans_in_text(self._buffer, marks, text)
        return inline_markdown(text, spans) if spans else None


def _sole_text(node: LexborNode) -> str | None:
    """The text of the element's one child when that child is a text node (most paragraphs,
    links and emphasis hold just that), else None."""
    child = node.first_child
    if child is None or child.next is not None or not child.is_text_node:
        return None
    return child.text_content or ""


def _spans_in_text(parts: list[str], marks: list[_Mark], text: str) -> list[tuple[int, int, InlineSpan]]:
    """Each span's (start, end) in ``text``, the collapsed join of ``parts``: outer before
    inner, empty ones left out. A span edge in a run of whitespace goes to the side that
    keeps the space outside the span ("a <em> b</em>" is "a *b*", never "a * b*")."""
    boundaries, space_follows = _collapsed_boundaries(parts), _space_follows(parts)
    found: list[list[int]] = []
    spans: list[InlineSpan] = []
    open_spans: list[int] = []
    for part_index, opens, span in marks:
        length, ends_in_word = boundaries[part_index]
        if opens:
            in_gap = not ends_in_word or space_follows[part_index]
            position = min(length, len(text)) if in_gap else max(length - 1, 0)
            open_spans.append(len(found))
            found.append([position, position])
            spans.append(span)
        else:
            found[open_spans.pop()][1] = max(length - 1, 0)
    return [(start, end, span) for (start, end), span in zip(found, spans) if start < end]


def _collapsed_boundaries(parts: list[str]) -> list[tuple[int, bool]]:
    """For each i, of the collapsed ``parts[:i]``: its length plus one for the space that would
    follow it (0 when it is empty), and whether the raw parts end inside a word."""
    boundaries = [(0, False)]
    chars = words = 0
    ends_in_word = False
    for part in parts:
        split = part.split()
        if split:
            words += len(split) - (ends_in_word and not part[0].isspace())  # a word cut by a comment
            chars += sum(map(len, split))
            ends_in_word = not part[-1].isspace()
        elif part:
            ends_in_word = False
        boundaries.append((chars + words, ends_in_word))
    return boundaries


def _space_follows(parts: list[str]) -> list[bool]:
    """For each i, whether the text from ``parts[i]`` on starts with whitespace or is empty."""
    follows = [True] * (len(parts) + 1)
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        follows[index] = part[0].isspace() if part else follows[index + 1]
    return follows


def _integer(value: str | None) -> int | None:
    """An attribute's whole number ("3", " -2 "), or None."""
    try:
        return int(value.strip()) if value else None
    except ValueError:
        return None
