"""Label the page's layers: which elements are masthead, ad, share tools, photo, byline, ….

Detection only writes labels (element id → :class:`~newsclean.model.Layer`); the body and
metadata steps read them and never re-decide. Rules come from the site profile, in order,
and the first label an element gets stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import TEXT_BLOCK_TAGS, ancestors, is_block, node_text
from newsclean.model import Layer, LayerReport
from newsclean.profiles.base import Profile

__all__ = ["TEXT_HOLDER_MIN_CHARS", "Labels", "drop_code", "label_layers", "layer_report", "labelled_ancestor"]


class Labels(dict[int, Layer]):
    """Element id (lexbor ``mem_id``) → its Layer, filled by the label and body steps and then
    only read: :meth:`in_order` and :meth:`enclosing` keep their answers, so they are asked
    only once labelling is done. ``dropped_code`` counts the scripts and styles taken out of
    the tree (chrome too); ``text_holders`` are the elements with a run of text of their own
    (at least :data:`TEXT_HOLDER_MIN_CHARS`), found on the label step's walk over the text, and
    ``prose_chars`` the characters of those runs."""

    __slots__ = ("_tree", "_in_order", "_enclosing", "dropped_code", "text_holders", "prose_chars")

    def __init__(self, tree: LexborHTMLParser) -> None:
        super().__init__()
        self._tree = tree
        self._in_order: list[LexborNode] | None = None
        self._enclosing: dict[int, tuple[Layer, ...]] = {}
        self.dropped_code = 0
        self.text_holders: set[int] = set()
        self.prose_chars = 0  # characters in those runs: how much prose the page holds in all

    def in_order(self) -> list[LexborNode]:
        """The labelled elements in document order (one walk of the tree, on first use)."""
        if self._in_order is None:
            root = self._tree.root
            self._in_order = [n for n in root.traverse() if n.mem_id in self] if root is not None else []
        return self._in_order

    def forget_order(self) -> None:
        """Drop what :meth:`in_order` and :meth:`enclosing` kept, after a label is taken off."""
        self._in_order = None
        self._enclosing.clear()

    def enclosing(self, node: LexborNode) -> tuple[Layer, ...]:
        """The labels of the node's labelled ancestors, nearest first (its own not included).
        Each labelled element's answer is kept, so a walk up stops at the first labelled one."""
        memo = self._enclosing
        if node.mem_id in memo:
            return memo[node.mem_id]
        pending = [node]  # the node, then each next labelled ancestor whose answer is unknown
        answer: tuple[Layer, ...] = ()  # the answer for pending[-1]
        while True:
            parent = pending[-1].parent
            while parent is not None and parent.is_element_node and parent.mem_id not in self:
                parent = parent.parent
            if parent is None or not parent.is_element_node:
                break
            if parent.mem_id in memo:
                answer = (self[parent.mem_id], *memo[parent.mem_id])
                break
            pending.append(parent)
        for index in range(len(pending) - 1, -1, -1):
            memo[pending[index].mem_id] = answer
            answer = (self[pending[index].mem_id], *answer) if index else answer
        return memo[node.mem_id]


TEXT_HOLDER_MIN_CHARS = 25  # a run of text this long straight inside an element is prose, not a label
_PREFIX_PHRASE_MAX_CHARS = 300  # a prefix phrase never starts a long paragraph of the story
_LIST_HEADING_MAX_CHARS = 80
_LISTS_WITH_HEADINGS = (Layer.RECIRCULATION,)
_CONTAINER_TAGS = frozenset("div section article aside ul ol li figure table blockquote header footer nav".split())
_SENTENCE_END = tuple(".!?…:;”\"")

# Text that is nothing but tags is markup shown as text, never prose: a pandoc conversion
# writes a page's <noscript> tracking pixels as escaped "<div …><img …></div>" paragraphs.
_ONLY_TAGS = re.compile(r"(?:<[!/]?[A-Za-z][^<>]*>\s*)+$")
_CODE_TAGS = frozenset("pre code kbd samp textarea xmp plaintext".split())  # code samples stay

# Scripts and styles, but JSON-LD (metadata reads it): never text, and often most of a page's
# characters, which every later text measure would pay for.
_CODE = "script:not([type*='ld+json']), style"


def label_layers(tree: LexborHTMLParser, profile: Profile) -> Labels:
    """Drop code from the tree, then run the profile's selector rules, its class-name
    vocabulary and its phrase rules over the whole tree."""
    labels = Labels(tree)
    labels.dropped_code = drop_code(tree)
    lists: list[LexborNode] = []
    for rule in profile.layers:
        for node in tree.css(rule.css):
            if labels.setdefault(node.mem_id, rule.layer) in _LISTS_WITH_HEADINGS:
                lists.append(node)
    _label_by_class_names(tree, profile, labels)
    _read_text(tree, profile, labels)
    _label_list_headings(lists, labels)
    _label_headline(tree, profile, labels)
    return labels


_MAX_NAMED_SHARE = 0.5  # a class name never labels an element holding over half the page's text
# Only containers are labelled by name (never html, body, main, article, links or headings).
_NAMED_CONTAINERS = frozenset("div section aside ul ol li span table header footer nav form dl figure".split())


def _label_by_class_names(tree: LexborHTMLParser, profile: Profile, labels: Labels) -> None:
    """The profile's class/id vocabulary: "share-bar", "related-posts", "comments", …"""
    vocabulary = profile.class_name_vocabulary
    if vocabulary is None:
        return
    kept, prefilter, ignored = profile.names_kept_pattern, profile.class_name_prefilter, profile.names_ignored_patterns
    unbounded = profile.names_unbounded_pattern
    page_chars: int | None = None  # measured once, only when a name first matches
    decided: dict[str, Layer | None] = {}  # class strings repeat: decide each once per page
    frame = _frame_of_main_article(tree)
    for node in tree.css("[class], [id]"):
        if node.tag not in _NAMED_CONTAINERS or node.mem_id in labels or node.mem_id in frame:
            continue
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if names not in decided:
            decided[names] = _layer_by_name(_without_taxonomy(names, ignored), prefilter, vocabulary, kept)
        layer = decided[names]
        if layer is None:
            continue
        if page_chars is None:
            page_chars = len(tree.body.text(deep=True)) if tree.body is not None else 0
        # A "nav drawer" that holds most of the page is the page's frame, not a menu; but a
        # comment thread may well hold most of a short post's page, and is never the post.
        if len(node.text(deep=True)) <= _MAX_NAMED_SHARE * page_chars or \
                (unbounded is not None and unbounded.search(names) is not None):
            labels[node.mem_id] = layer


def _without_taxonomy(names: str, ignored: tuple[re.Pattern[str], re.Pattern[str]] | None) -> str:
    """A post container's names less its taxonomy ("category-social_media" is no share bar)."""
    if ignored is None or ignored[0].search(names) is None:
        return names
    return ignored[1].sub(" ", names)


# A box named for the date it shows is never the article, whatever other word its names hold
# ("article-dateline", "story-body__date"): the "content" words do not keep it.
_NAMED_FOR_WHAT_THEY_HOLD = frozenset({Layer.DATELINE})
_MAIN_ARTICLE = "article, main, [itemprop='articleBody']"
_MAIN_ARTICLE_MIN_CHARS = 1000


def _frame_of_main_article(tree: LexborHTMLParser) -> set[int]:
    """The ancestors of the page's longest ``<article>``/``<main>``/articleBody element, when
    it holds a story's worth of text: whatever their class names say ("modal", "sidebar"),
    they frame the article (a story opened in a modal, a "with-sidebar" layout)."""
    longest, longest_chars = None, _MAIN_ARTICLE_MIN_CHARS - 1
    for node in tree.css(_MAIN_ARTICLE):
        chars = len(node.text(deep=True))
        if chars > longest_chars:
            longest, longest_chars = node, chars
    return {parent.mem_id for parent in ancestors(longest)} if longest is not None else set()


def _layer_by_name(names: str, prefilter: re.Pattern[str], vocabulary: re.Pattern[str],
                   kept: re.Pattern[str] | None) -> Layer | None:
    """The vocabulary's layer for these names, unless another word of them says "content"
    ("article-comments" stays; "relarticle", where "article" is part of the match, goes)."""
    first = prefilter.search(names)  # where the leftmost match starts, found fast
    if first is None:
        return None
    match = vocabulary.search(names, first.start())  # …and which layer's words match there
    if match is None:
        return None
    layer = Layer(match.lastgroup)
    if layer not in _NAMED_FOR_WHAT_THEY_HOLD and kept is not None and \
            any(k.end() <= match.start() or k.start() >= match.end() for k in kept.finditer(names)):
        return None
    return layer


def _label_headline(tree: LexborHTMLParser, profile: Profile, labels: Labels) -> None:
    """The article's headline: the first match of the profile's headline selectors that no
    other layer holds (the sticky header repeats it)."""
    for selector in profile.headline:
        for node in tree.css(selector):
            if labelled_ancestor(node, labels) is None and node_text(node):
                labels[node.mem_id] = Layer.HEADLINE
                return


def _read_text(tree: LexborHTMLParser, profile: Profile, labels: Labels) -> None:
    """One walk over the page's text: label the widest element whose whole text is a
    boilerplate phrase, and note the elements that hold a run of text of their own."""
    if tree.body is None:
        return
    any_phrase, patterns = profile.any_phrase, profile.phrase_patterns
    holders = labels.text_holders
    for text_node in tree.body.traverse(include_text=True):
        if not text_node.is_text_node or text_node.is_empty_text_node:
            continue  # (lexbor says "only whitespace" without making a string of it)
        own = (text_node.text_content or "").strip()  # phrase patterns allow any whitespace run
        if own.startswith("<") and _ONLY_TAGS.match(own) and text_node.parent.tag not in _CODE_TAGS:
            labels.setdefault(text_node.parent.mem_id, Layer.CHROME)  # markup shown as text
            continue
        if len(own) >= TEXT_HOLDER_MIN_CHARS:
            holders.add(text_node.parent.mem_id)
            labels.prose_chars += len(own)
        if not own or any_phrase is None or len(own) > _PREFIX_PHRASE_MAX_CHARS * 2:
            continue
        found = any_phrase.match(own)
        if found is not None:
            layer, pattern = patterns[int(found.lastgroup[1:])]
            target = _widest_match(text_node, pattern)
            if target is not None:
                labels.setdefault(target.mem_id, layer)


def _widest_match(text_node: LexborNode, pattern: re.Pattern[str]) -> LexborNode | None:
    """The highest ancestor, up to the nearest block, whose whole text matches the phrase."""
    found: LexborNode | None = None
    for element in ancestors(text_node):
        text = node_text(element)
        if len(text) > _PREFIX_PHRASE_MAX_CHARS or not pattern.match(text):
            break
        found = element
        if is_block(element):
            break
    if found is None:
        return None
    if not is_block(found):
        block = next((a for a in ancestors(found) if is_block(a)), None)
        if block is not None and block.tag in TEXT_BLOCK_TAGS:
            return None  # a phrase inside a sentence is part of the story
    return found


def _label_list_headings(lists: list[LexborNode], labels: Labels) -> None:
    """A short title just before a related-links list ("More about the federal debt") belongs
    to that list."""
    for node in lists:
        heading = _previous_element(node)
        if heading is None or heading.mem_id in labels or not _is_leaf_text(heading):
            continue
        text = node_text(heading)
        if text and len(text) <= _LIST_HEADING_MAX_CHARS and not text.endswith(_SENTENCE_END):
            labels[heading.mem_id] = labels[node.mem_id]


def _is_leaf_text(node: LexborNode) -> bool:
    """Text, inline elements and at most a paragraph inside: a title, not a column of the story."""
    return not any(child.tag in _CONTAINER_TAGS or child.tag == "a"
                   for child in node.traverse(include_text=False) if child.mem_id != node.mem_id)


def _previous_element(node: LexborNode) -> LexborNode | None:
    sibling = node.prev
    while sibling is not None and not sibling.is_element_node:
        if sibling.is_text_node and (sibling.text_content or "").strip():
            return None  # running text sits between them
        sibling = sibling.prev
    return sibling


def drop_code(tree: LexborHTMLParser) -> int:
    """Remove scripts and styles (JSON-LD stays) from the tree; how many went."""
    code = tree.css(_CODE)
    for node in code:
        node.decompose()
    return len(code)


def labelled_ancestor(node: LexborNode, labels: Mapping[int, Layer]) -> Layer | None:
    """The label of the node itself or of its nearest labelled ancestor, if any."""
    if node.mem_id in labels:
        return labels[node.mem_id]
    for parent in ancestors(node):
        layer = labels.get(parent.mem_id)
        if layer is not None:
            return layer
    return None


def layer_report(labels: Labels) -> tuple[LayerReport, ...]:
    """Per layer kind: how many outermost elements carry it and how many characters they hold.

    An element inside another labelled element is counted with its outer one only, so the
    characters add up to what left the page.
    """
    counts: dict[Layer, list[int]] = defaultdict(lambda: [0, 0])
    if labels.dropped_code:
        counts[Layer.CHROME][0] = labels.dropped_code
    for node in labels.in_order():
        if labels.enclosing(node):
            continue
        entry = counts[labels[node.mem_id]]
        entry[0] += 1
        entry[1] += 0 if labels[node.mem_id] is Layer.CHROME else len(node_text(node))
    return tuple(LayerReport(layer, count, chars) for layer, (count, chars) in counts.items())
