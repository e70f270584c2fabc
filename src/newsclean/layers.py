"""Label the page's layers: which elements are masthead, ad, share tools, photo, byline, ….

Detection only writes labels (element id → :class:`~newsclean.model.Layer`); the body and
metadata steps read them and never re-decide. Rules come from the site profile, in order,
and the first label an element gets stays.

What a page says does not depend on which strict steps an attempt switches off, so it is
read once per page into a :class:`PageScan` (each selector's matches, the class-name
vocabulary's answer per element, the walk over the text) and every attempt builds its labels
from it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import BLOCK_TAGS, TEXT_BLOCK_TAGS, ancestors, collapse, is_block, node_text
from newsclean.model import Layer, LayerReport
from newsclean.profiles.base import Profile, _trie
from newsclean.verdict import MIN_CARD_BYLINES, is_byline

__all__ = ["TEXT_HOLDER_MIN_CHARS", "TEXT_HOLDER_TAGS", "Labels", "PageScan", "drop_code", "label_layers", "layer_report",
           "labelled_ancestor", "without_taxonomy"]


class Labels(dict[int, Layer]):
    """Element id (lexbor ``mem_id``) → its Layer, filled by the label and body steps and then
    only read: :meth:`in_order` and :meth:`enclosing` keep their answers, so they are asked
    only once labelling is done. ``dropped_code`` counts the scripts and styles taken out of
    the tree (chrome too); ``text_holders`` are the containers (:data:`TEXT_HOLDER_TAGS`: the
    ones content scoring asks about) with a run of text of their own (at least
    :data:`TEXT_HOLDER_MIN_CHARS`), found on the label step's walk over the text, and
    ``prose_chars`` the characters of all such runs, in any element. ``byline_starts`` counts (up to three) the
    runs of text a story card's "By …" line could start with: fewer than three, and the page
    is no section front (:mod:`newsclean.verdict`) whatever its blocks. ``author_labels``: the
    elements whose text starts with an author's label ("Author", "Contributors:"), in order."""

    __slots__ = ("_tree", "_in_order", "_by_layer", "_enclosing", "dropped_code", "text_holders", "prose_chars",
                 "byline_starts", "author_labels")

    def __init__(self, tree: LexborHTMLParser) -> None:
        super().__init__()
        self._tree = tree
        self._in_order: list[LexborNode] | None = None
        self._by_layer: dict[Layer, list[LexborNode]] | None = None
        self._enclosing: dict[int, tuple[Layer, ...]] = {}
        self.dropped_code = 0
        self.text_holders: set[int] = set()
        self.prose_chars = 0  # characters in those runs: how much prose the page holds in all
        self.byline_starts = _BYLINE_STARTS_ENOUGH  # unknown: as many as matter
        self.author_labels: list[LexborNode] = []  # elements that start with an author label ("Author", "Contributors:")

    def copy_without(self, keys: set[int]) -> Labels:
        """A new Labels with the same labels and page facts, less the labels of ``keys``."""
        other = Labels(self._tree)
        other.update((key, layer) for key, layer in self.items() if key not in keys)
        other.dropped_code, other.text_holders = self.dropped_code, self.text_holders
        other.prose_chars, other.byline_starts = self.prose_chars, self.byline_starts
        other.author_labels = self.author_labels
        return other

    def in_order(self) -> list[LexborNode]:
        """The labelled elements in document order (one walk of the tree, on first use)."""
        if self._in_order is None:
            root = self._tree.root
            self._in_order = [n for n in root.traverse() if n.mem_id in self] if root is not None else []
        return self._in_order

    def of_layer(self, layer: Layer) -> list[LexborNode]:
        """The elements labelled ``layer`` in document order (:meth:`in_order` sorted by layer once)."""
        if self._by_layer is None:
            by_layer: dict[Layer, list[LexborNode]] = {}
            for node in self.in_order():
                by_layer.setdefault(self[node.mem_id], []).append(node)
            self._by_layer = by_layer
        return self._by_layer.get(layer, [])

    def forget_order(self) -> None:
        """Drop what :meth:`in_order`, :meth:`of_layer` and :meth:`enclosing` kept, after a label is taken off."""
        self._in_order = None
        self._by_layer = None
        self._enclosing.clear()

    def enclosing(self, node: LexborNode) -> tuple[Layer, ...]:
        """The labels of the node's labelled ancestors, nearest first (its own not included).
        The answer is kept for every element walked through, so each element is walked once."""
        memo = self._enclosing
        key = node.mem_id
        answer = memo.get(key)
        if answer is not None:
            return answer
        parent = node.parent
        if parent is not None and parent.is_element_node:  # most often answered already: a sibling was asked
            parent_key = parent.mem_id
            known = memo.get(parent_key)
            if known is not None:
                answer = memo[key] = (self[parent_key], *known) if parent_key in self else known
                return answer
        path = [key]  # the node, then its ancestors up to the first with a known answer
        answer = ()  # the answer for the element above path[-1]... made the answer for path[-1] below
        while parent is not None and parent.is_element_node:
            parent_key = parent.mem_id
            known = memo.get(parent_key)
            if known is not None:
                answer = (self[parent_key], *known) if parent_key in self else known
                break
            path.append(parent_key)
            parent = parent.parent
        for index in range(len(path) - 1, -1, -1):  # from the top down: each answer from its parent's
            element = path[index]
            memo[element] = answer
            if index and element in self:
                answer = (self[element], *answer)
        return memo[key]


TEXT_HOLDER_MIN_CHARS = 25  # a run of text this long straight inside an element is prose, not a label
TEXT_HOLDER_TAGS = frozenset(("div", "section", "article", "li", "dd"))  # containers that may be used as paragraphs
_PREFIX_PHRASE_MAX_CHARS = 300  # a prefix phrase never starts a long paragraph of the story
_LIST_HEADING_MAX_CHARS = 80
_LISTS_WITH_HEADINGS = (Layer.RECIRCULATION,)
_CONTAINER_TAGS = frozenset("div section article aside ul ol li figure table blockquote header footer nav".split())
_SENTENCE_END = tuple(".!?…:;”\"")
_BYLINE_STARTS_ENOUGH = MIN_CARD_BYLINES  # verdict's least number of story-card bylines: counting stops there
_AUTHOR_LABEL_MAX_CHARS = 20  # "Contributors:", "Verfasst von"
_CREDIT_LINE_MAX_CHARS = 100  # a photo's credit line: a few names, a slash, an agency
_SEEN_MAX_CHARS = 100  # runs of text up to this long are matched once per page, however often they repeat

# Text that is nothing but tags is markup shown as text, never prose: a pandoc conversion
# writes a page's <noscript> tracking pixels as escaped "<div …><img …></div>" paragraphs,
# and a tag whose attribute name pandoc kept broken ('<img src=… data-<="" />') as text.
_ONLY_TAGS = re.compile(r"(?:<[!/]?[A-Za-z][^>]*>\s*)+$")
_CODE_TAGS = frozenset("pre code kbd samp textarea xmp plaintext".split())  # code samples stay
# Blocks of program code; an inline <code> alone may be an old page's type face ("<p><code
# class=date>March 6, 2001</code></p>").
_CODE_BLOCK_TAGS = frozenset("pre xmp plaintext textarea".split())
_CODE_SELECTOR = ", ".join(sorted(_CODE_BLOCK_TAGS))
_DIGIT = re.compile(r"\d")

# Scripts and styles, but JSON-LD (metadata reads it): never text, and often most of a page's
# characters, which every later text measure would pay for.
_CODE = "script:not([type*='ld+json']), style"


# Class strings → the vocabulary's layer (before the page-share bound), per vocabulary: a pure
# function of the string, kept across pages and started afresh past _DECIDED_MAX strings.
_DECIDED: dict[tuple, dict[str, Layer | None]] = {}
_DECIDED_MAX = 50_000


class PageScan:
    """What one page says to the label and body steps, read once whichever steps an attempt
    switches off: scripts and styles are taken out when it is made (``dropped_code`` of them),
    then on first use it keeps each selector's matches, the frame of the main article, the
    class-name vocabulary's answer for each element, the walk over the text, and the element
    text, link density and vote that content scoring reads. Pass the same scan to every
    attempt on one tree; a tree changed in between needs a new one."""

    __slots__ = ("tree", "converted", "dropped_code", "_css", "_frame", "_page_chars", "_names", "_text",
                 "texts", "densities", "scoring")

    def __init__(self, tree: LexborHTMLParser, *, converted: bool = False) -> None:
        self.tree = tree
        self.converted = converted  # the page came as pandoc markdown: its <head> is gone
        self.dropped_code = drop_code(tree)
        self._css: dict[str, list[LexborNode]] = {}
        self._frame: set[int] | None = None
        self._page_chars: int | None = None
        # vocabulary → (element id → its layer, class string → its layer)
        self._names: dict[tuple, tuple[dict[int, Layer | None], dict[str, Layer | None]]] = {}
        self._text: dict[tuple, _TextFacts] = {}
        self.texts: dict[int, str] = {}  # element id → node_text, for the elements scoring measures
        self.densities: dict[int, float] = {}  # element id → link density
        self.scoring: object = None  # what content scoring keeps (newsclean.scoring)

    def css(self, selector: str) -> list[LexborNode]:
        """``tree.css(selector)``, asked once per page."""
        found = self._css.get(selector)
        if found is None:
            found = self._css[selector] = self.tree.css(selector)
        return found

    def node_text(self, node: LexborNode) -> str:
        """:func:`~newsclean._dom.node_text`, kept per element."""
        key = node.mem_id
        text = self.texts.get(key)
        if text is None:
            text = self.texts[key] = node_text(node)
        return text

    def frame(self) -> set[int]:
        """The ancestors of the page's main article (see :func:`_frame_of_main_article`)."""
        if self._frame is None:
            self._frame = _frame_of_main_article(self)
        return self._frame

    def page_chars(self) -> int:
        """``len(tree.body.text())``, counted on the walk over the text when it was made."""
        if self._page_chars is None:
            body = self.tree.body
            self._page_chars = len(body.text(deep=True)) if body is not None else 0
        return self._page_chars

    def names_answers(self, profile: Profile) -> tuple[dict[int, Layer | None], dict[str, Layer | None]]:
        """The class-name vocabulary's answers on this page, per element; and per class string,
        shared by every page (a site's pages, a framework's names: the same strings come back)."""
        key = (profile.class_names, profile.names_kept, profile.names_ignored, profile.names_unbounded)
        answers = self._names.get(key)
        if answers is None:
            decided = _DECIDED.get(key)
            if decided is None or len(decided) > _DECIDED_MAX:
                decided = _DECIDED[key] = {}
            answers = self._names[key] = ({}, decided)
        return answers

    def text_facts(self, profile: Profile) -> _TextFacts:
        """The walk over the page's text, for the profile's phrases and byline prefixes."""
        key = (profile.phrases, profile.date_formats, profile.worded_date_formats, profile.byline_prefixes,
               profile.author_labels)
        facts = self._text.get(key)
        if facts is None:
            facts = self._text[key] = _read_text(self.tree, profile)
            self._page_chars = facts.chars
        return facts


def label_layers(tree: LexborHTMLParser, profile: Profile, scan: PageScan | None = None) -> Labels:
    """Drop code from the tree, then run the profile's selector rules, its class-name
    vocabulary and its phrase rules over the whole tree. ``scan`` keeps what was read off
    this tree for the next attempt (a new one, which takes the code out, when not given)."""
    if scan is None:
        scan = PageScan(tree)
    labels = Labels(tree)
    labels.dropped_code = scan.dropped_code
    facts = scan.text_facts(profile)  # read first (it counts the page's text); its labels go on after the names'
    lists: list[LexborNode] = []
    setdefault = labels.setdefault
    for rule in profile.layers:
        layer = rule.layer
        for node in scan.css(rule.css):
            if layer in _WORDS_OF_A_SENTENCE and _in_running_text(node):
                continue
            if setdefault(node.mem_id, layer) in _LISTS_WITH_HEADINGS:
                lists.append(node)
    _label_by_class_names(scan, profile, labels)
    for key, layer in facts.labels.items():
        setdefault(key, layer)
    _label_titled_boxes(facts.titles, labels)
    labels.text_holders, labels.prose_chars, labels.byline_starts = facts.holders, facts.prose_chars, facts.byline_starts
    labels.author_labels = facts.author_labels
    _label_list_headings(lists, labels)
    _label_byline_lines(scan, profile, labels)
    _label_headline(scan, profile, labels)
    return labels


_BYLINE_HEADINGS = "h2, h3, h4, h5, h6"
_BYLINE_PARAGRAPHS = "p[class*='byline' i]"
_MAX_BYLINE_PARAGRAPH_CHARS = 120
# An element the page names an author's that reads "By …" and no more, on one line ("<div
# class="ArticleMeta__Author"><span>By <span>Sophie Lewis</span></span></div>"; not an author
# box whose blocks add a job title or a list of topics, nor a "By" whose names are elsewhere).
_AUTHOR_ELEMENTS = "div[class*='author' i], span[class*='author' i], p[class*='author' i]"
_MAX_AUTHOR_ELEMENT_CHARS = 80
_MAX_BYLINE_HEADING_CHARS = 80
_EMPHASIS_MARKS = "*_ \xa0"  # markdown emphasis left unrendered ("**By Audience\xa0**": the space ends no run)
# One byline, maybe repeated (a hidden copy for another layout). Two different ones were, on
# the devset and metaset, facet headings ("By Functionality", "By Audience"; "By Company Size").
_MAX_BYLINE_TEXTS = 1
# Of the byline prefixes, those that say "by" ("By", "Written by", "Von", "Publié par"): a
# heading may well start with "More from", "Author" or "Text" and be no byline.
# "Posts by Topic", "More by Jane Doe", "Articles by …" head lists of other posts.
_BY_WORD = re.compile(r"(?:^|\s)(?<!posts )(?<!more )(?<!articles )(?<!stories )(?:by|von|par|por|door|da)$", re.I)


def _label_byline_lines(scan: PageScan, profile: Profile, labels: Labels) -> None:
    """A heading (or a paragraph classed as a byline) that is only a "By …" line is the
    byline, not a subhead: sites set bylines in h3s ("BY NICK TIMIRAOS"), and pandoc's gfm
    drops the class that said so. A page with more than :data:`_MAX_BYLINE_TEXTS` different
    ones is a list of stories, whose bylines the section-front verdict counts, or a menu's
    "By Industry", "By Role": they stay."""
    prefixes = _by_prefixes(tuple(profile.byline_prefixes))
    if not prefixes:
        return
    # Also a paragraph the page names a byline that reads "By …" (WordPress VIP's "wp-byline": "By
    # Julia Beizer, Published: March 8 at 3:23 pm"). The class alone is not enough: "byline"
    # paragraphs also hold job titles, which would then be read as names.
    for selector, max_chars in ((_BYLINE_HEADINGS, _MAX_BYLINE_HEADING_CHARS),
                                (_BYLINE_PARAGRAPHS, _MAX_BYLINE_PARAGRAPH_CHARS),
                                (_AUTHOR_ELEMENTS, _MAX_AUTHOR_ELEMENT_CHARS)):
        found = [(node.mem_id, text) for node in scan.css(selector)
                 if len(text := scan.node_text(node).strip(_EMPHASIS_MARKS)) <= max_chars
                 and is_byline(text, prefixes)
                 and (selector != _AUTHOR_ELEMENTS or _one_line_of_names(node, text, prefixes))]
        if len({text for _, text in found}) <= _MAX_BYLINE_TEXTS:  # else story cards (ITPro's related cards)
            for key, _ in found:
                labels.setdefault(key, Layer.BYLINE)


def _one_line_of_names(node: LexborNode, text: str, prefixes: tuple[str, ...]) -> bool:
    """The element holds one line, no block or line break inside it, and names after its "By"."""
    lowered = text.casefold()
    prefix = max((p for p in prefixes if lowered.startswith(p.casefold())), key=len, default="")
    return any(char.isalnum() for char in text[len(prefix):]) and \
        not any(is_block(inner) or inner.tag == "br" for inner in node.traverse(include_text=False)
                if inner.mem_id != node.mem_id)


@lru_cache(maxsize=16)
def _by_prefixes(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(prefix for prefix in prefixes if _BY_WORD.search(prefix))


_MAX_NAMED_SHARE = 0.5  # a class name never labels an element holding over half the page's text
# Only containers are labelled by name (never html, body, main, article, links or headings).
_NAMED_CONTAINERS = frozenset("div section aside ul ol li span table header footer nav form dl figure".split())
# Inside program code, class names are a highlighter's token kinds ("hljs-comment", "token
# tag"): they say what the code means, not what the element is.
_INSIDE_CODE = "pre [class], pre [id], code [class], code [id]"


def _label_by_class_names(scan: PageScan, profile: Profile, labels: Labels) -> None:
    """The profile's class/id vocabulary: "share-bar", "related-posts", "comments", …
    Each element is asked once per page (and only when no earlier rule labelled it)."""
    vocabulary = profile.class_name_vocabulary
    if vocabulary is None:
        return
    answers, decided = scan.names_answers(profile)  # class strings repeat: each is decided once
    frame = scan.frame()
    code = {node.mem_id for node in scan.css(_INSIDE_CODE)}
    for node in scan.tree.css("[class], [id]"):  # (asked again per attempt: a long page has many)
        key = node.mem_id
        if key in labels or key in frame or key in code or node.tag not in _NAMED_CONTAINERS:
            continue
        if key in answers:
            layer = answers[key]
        else:
            layer = answers[key] = _named_layer(node, scan, profile, decided)
        if layer is not None and not (layer in _WORDS_OF_A_SENTENCE and _in_running_text(node)):
            labels[key] = layer


# A place or a date set inside a paragraph of prose ("<p><span class='dateline'>BOSTON — </span>A
# charter bus …", "crashed on <time>Saturday</time> night") is the sentence's first or middle
# words, not a dateline apart: taking it out tears the sentence.
_WORDS_OF_A_SENTENCE = frozenset({Layer.DATELINE, Layer.BYLINE})
_RUNNING_TEXT_BLOCKS = frozenset({"p"})
_RUNNING_TEXT_MIN_CHARS = 60  # the paragraph's text beside the element: a sentence, not "| Updated 5:01"


def _in_running_text(node: LexborNode) -> bool:
    """True when an inline element sits in a paragraph whose other text is a sentence or more."""
    if node.tag in BLOCK_TAGS:
        return False
    block = node.parent
    while block is not None and block.is_element_node and block.tag not in BLOCK_TAGS:
        block = block.parent
    if block is None or block.tag not in _RUNNING_TEXT_BLOCKS:
        return False
    whole = block.text(deep=True).strip()
    return len(whole) - len(node.text(deep=True).strip()) >= _RUNNING_TEXT_MIN_CHARS and whole.endswith(_SENTENCE_END)


def _named_layer(node: LexborNode, scan: PageScan, profile: Profile, decided: dict[str, Layer | None]) -> Layer | None:
    """The vocabulary's layer for the element's names, when it does not hold most of the page."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if names in decided:
        layer = decided[names]
    else:
        words = _without_generated_ids(without_taxonomy(names, profile.names_ignored_patterns))
        layer = decided[names] = _layer_by_name(words, profile.class_name_prefilter, profile.class_name_vocabulary,
                                                profile.names_kept_pattern)
    if layer is None:
        return None
    # A "nav drawer" that holds most of the page is the page's frame, not a menu; but a
    # comment thread may well hold most of a short post's page, and is never the post.
    unbounded = profile.names_unbounded_pattern
    if len(node.text(deep=True)) <= _MAX_NAMED_SHARE * scan.page_chars() or \
            (unbounded is not None and unbounded.search(names) is not None):
        return layer
    return None


# A UUID a page builder writes into ids and classes ("w-node-_3e140bde-687c-77a1-ad29-…",
# "block-a3176285-d6c8-4ea8-ad6d-…"): a chunk such as "ad29" is no ad slot's name.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _without_generated_ids(names: str) -> str:
    """Lower-cased class and id names less the UUIDs in them, which are no words."""
    return _UUID.sub(" ", names) if "-" in names else names


def without_taxonomy(names: str, ignored: tuple[re.Pattern[str], re.Pattern[str]] | None) -> str:
    """A post container's names less its taxonomy ("category-social_media" is no share bar)."""
    if ignored is None or ignored[0].search(names) is None:
        return names
    return ignored[1].sub(" ", names)


# A box named for the date it shows is never the article, whatever other word its names hold
# ("article-dateline", "story-body__date"): the "content" words do not keep it.
_NAMED_FOR_WHAT_THEY_HOLD = frozenset({Layer.DATELINE})
_MAIN_ARTICLE = "article, main, [itemprop='articleBody']"
_MAIN_ARTICLE_MIN_CHARS = 1000


def _frame_of_main_article(scan: PageScan) -> set[int]:
    """The ancestors of the page's longest ``<article>``/``<main>``/articleBody element, when
    it holds a story's worth of text: whatever their class names say ("modal", "sidebar"),
    they frame the article (a story opened in a modal, a "with-sidebar" layout)."""
    longest, longest_chars = None, _MAIN_ARTICLE_MIN_CHARS - 1
    for node in scan.css(_MAIN_ARTICLE):
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


def _label_headline(scan: PageScan, profile: Profile, labels: Labels) -> None:
    """The article's headline: the first match of the profile's headline selectors that no
    other layer holds (the sticky header repeats it)."""
    for selector in profile.headline:
        for node in scan.css(selector):
            if labelled_ancestor(node, labels) is None and scan.node_text(node) and not _is_a_cards_title(node):
                labels[node.mem_id] = Layer.HEADLINE
                return


def _is_a_cards_title(node: LexborNode) -> bool:
    """A title set as a minor heading (``h4``–``h6``, or a box holding one): a card's in a list
    of stories ("<div class='post-title'><h6>…"), not the headline of the page's own story."""
    heading = node if node.tag in _HEADINGS else node.css_first("h1, h2, h3, h4, h5, h6")
    return heading is not None and heading.tag in _MINOR_HEADINGS


_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_MINOR_HEADINGS = frozenset("h4 h5 h6".split())


@dataclass(frozen=True, slots=True)
class _TextFacts:
    """What the walk over a page's text found: labels for phrases and markup shown as text (in
    document order), the elements with a run of prose of their own and its characters, how
    many runs (up to three) could start a "By …" line, the characters of all the text, and
    the elements a run of text labels as the author's ("Author", "Contributors:")."""

    labels: dict[int, Layer]  # element id → its first label (a dict: no tuple per label for the collector to walk)
    holders: set[int]
    prose_chars: int
    byline_starts: int
    chars: int
    author_labels: list[LexborNode]  # the elements whose text starts with a run that is an author label alone
    titles: list[LexborNode]  # headings whose text is a phrase that titles a box ("About the author")


@dataclass(frozen=True, slots=True)
class _PhraseMatchers:
    """The profile's phrase rules as three regexes, tried so that most text is turned away by
    the first: a prefilter for the first words of all phrases, the rules themselves (group
    ``p<i>`` names the one that matched, tried in order), and the dateline, tried only on text
    with a digit when every date format needs one."""

    prefilter: re.Pattern[str] | None
    rules: re.Pattern[str] | None
    dateline: re.Pattern[str] | None
    dateline_needs_digit: bool
    whole: tuple[bool, ...] = ()  # rule i matches a whole text only (no prefix rule): it may title a box


@lru_cache(maxsize=64)
def _phrase_matchers(phrases: tuple, dateline: re.Pattern[str] | None) -> _PhraseMatchers:  # type: ignore[type-arg]
    patterns = [rule.pattern() for rule in phrases]
    if not patterns:
        return _PhraseMatchers(None, None, dateline, dateline is not None and _needs_digit(dateline.pattern))
    # Each rule reads "^\W*(?:phrase|…)": a text it matches starts, after non-word characters,
    # with a phrase's first word (spaces in a phrase match any whitespace run).
    first_words = sorted({phrase.split(" ", 1)[0] for rule in phrases if not rule.regex for phrase in rule.phrases})
    regexes = "".join(f"|{rule.alternatives()}" for rule in phrases if rule.regex)
    prefilter = re.compile(rf"^\W*(?:{_trie(first_words)}{regexes})", re.I)
    rules = re.compile("|".join(f"(?P<p{i}>{pattern.pattern})" for i, pattern in enumerate(patterns)), re.I)
    return _PhraseMatchers(prefilter, rules, dateline, dateline is not None and _needs_digit(dateline.pattern),
                           tuple(not rule.prefix for rule in phrases))


@lru_cache(maxsize=64)
def _byline_start_patterns(prefixes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None, int] | None:
    """(a run of text that starts with a byline prefix, one that is the start of a prefix cut
    short, the longest such start): the first run of a block that verdict's "By …" rule reads
    is one of them. Tries, with any whitespace run where a prefix has a space."""
    if not prefixes:
        return None
    whole = re.compile(rf"(?:{_spaced_trie(set(prefixes))})(?:\b|\Z)", re.I)
    starts = {p[:k].rstrip() for p in prefixes for k in range(1, len(p))} - {""}
    partial = re.compile(rf"(?:{_spaced_trie(starts)})\Z", re.I) if starts else None
    return whole, partial, max((len(s) for s in starts), default=0)


def _spaced_trie(words: set[str]) -> str:
    """:func:`~newsclean.profiles.base._trie` of ``words``, a space in them matching any whitespace run."""
    return _trie(sorted(words)).replace("\\ ", r"\s+")


def _read_text(tree: LexborHTMLParser, profile: Profile) -> _TextFacts:
    """One walk over the page's text: label the widest element whose whole text is a
    boilerplate phrase, and note the elements that hold a run of text of their own."""
    found: dict[int, Layer] = {}
    holders: set[int] = set()
    prose = byline_starts = all_chars = 0
    if tree.body is None:
        return _TextFacts(found, holders, prose, byline_starts, all_chars, [], [])
    matchers = _phrase_matchers(profile.phrases, profile.dateline_pattern)
    prefilter, rules, dateline, needs_digit = (matchers.prefilter, matchers.rules, matchers.dateline,
                                               matchers.dateline_needs_digit)
    rules_whole = matchers.whole
    patterns = profile.phrase_patterns  # rule i is patterns[i]; the dateline is the last
    dateline_index = len(patterns) - 1
    credit = profile.credit_line_pattern  # a photo credit standing alone: one index past the rules
    if credit is not None:
        patterns = (*patterns, (Layer.CAPTION, credit))
    credit_index = len(patterns) - 1
    starts = _byline_start_patterns(tuple(profile.byline_prefixes))  # None: no prefixes, no story cards
    author_label = profile.author_label_pattern
    author_labels: list[LexborNode] = []
    titles: list[LexborNode] = []  # headings a phrase labelled ("About the author", "Related posts")
    too_long: set[int] = set()  # ancestors whose text is over the phrase bound: each read once
    seen: dict[str, tuple[int | None, bool]] = {}  # short runs repeat ("Advertisement"): (phrase, byline start)
    collapsed: dict[str, tuple[str, bool]] = {}  # short runs that are a phrase → (collapsed, short and matching)
    all_chars = len(tree.body.text(deep=True))  # (the text nodes' lengths: the walk below skips blank ones)
    has_code = tree.body.css_first(_CODE_SELECTOR) is not None  # (most pages have none: no walk up per phrase)
    for text_node in tree.body.traverse(include_text=True, skip_empty=True):
        if not text_node.is_text_node:
            continue
        own = (text_node.text_content or "").strip()  # phrase patterns allow any whitespace run
        if not own:
            continue
        if own[0] == "<" and _ONLY_TAGS.match(own) and text_node.parent.tag not in _CODE_TAGS:
            found.setdefault(text_node.parent.mem_id, Layer.CHROME)  # markup shown as text
            continue
        chars = len(own)
        if chars >= TEXT_HOLDER_MIN_CHARS:
            parent = text_node.parent
            if parent.tag in TEXT_HOLDER_TAGS:
                holders.add(parent.mem_id)
            prose += chars
        if chars > _SEEN_MAX_CHARS or own not in seen:
            starts_byline = byline_starts < _BYLINE_STARTS_ENOUGH and starts is not None and \
                (starts[0].match(own) is not None or
                 (chars <= starts[2] and starts[1] is not None and starts[1].match(own) is not None))
            index = None
            if chars <= _PREFIX_PHRASE_MAX_CHARS * 2:
                if prefilter is not None and prefilter.match(own) is not None:
                    match = rules.match(own)  # type: ignore[union-attr]
                    if match is not None:
                        index = int(match.lastgroup[1:])  # type: ignore[index]
                if index is None and dateline is not None and \
                        (not needs_digit or _DIGIT.search(own) is not None) and dateline.match(own) is not None:
                    index = dateline_index
            if index is None and credit is not None and chars <= _CREDIT_LINE_MAX_CHARS and credit.match(own):
                index = credit_index
            if chars <= _SEEN_MAX_CHARS:
                seen[own] = (index, starts_byline)
        else:
            index, starts_byline = seen[own]
        if starts_byline and byline_starts < _BYLINE_STARTS_ENOUGH:
            byline_starts += 1
        if chars <= _AUTHOR_LABEL_MAX_CHARS and author_label is not None and text_node.prev is None \
                and author_label.fullmatch(own) is not None:
            author_labels.append(text_node.parent)
        if index is not None and not (has_code and _in_code(text_node)):
            layer, pattern = patterns[index]
            if text_node.prev is None and text_node.next is None:  # the run is all its parent holds
                alone = collapsed.get(own)
                if alone is None:
                    text = collapse(own)
                    alone = (text, len(text) <= _PREFIX_PHRASE_MAX_CHARS and pattern.match(text) is not None)
                    if chars <= _SEEN_MAX_CHARS:
                        collapsed[own] = alone
                parent = text_node.parent
                if alone[1] and parent.tag in BLOCK_TAGS and parent.mem_id not in too_long:
                    target = parent  # (what _widest_match finds: a block whose text is the phrase)
                else:
                    target = _widest_match(text_node, pattern, too_long, alone[0])
            else:
                target = _widest_match(text_node, pattern, too_long)
            if target is not None:
                found.setdefault(target.mem_id, layer)
                if target.tag in _BOX_TITLE_TAGS and layer in _BOXES_TITLED and index < len(rules_whole) and \
                        rules_whole[index]:
                    titles.append(target)  # (a whole phrase: "Read more about …" starts a sentence as well)
    return _TextFacts(found, holders, prose, byline_starts, all_chars, author_labels, titles)


def _in_code(node: LexborNode) -> bool:
    """True inside a block of code: '"email": null' in a JSON listing is code, not a share button."""
    return any(parent.tag in _CODE_BLOCK_TAGS for parent in ancestors(node))


def _needs_digit(pattern: str) -> bool:
    """True when every string the regex matches holds a decimal digit, read off its parse (a
    digit, or a repeat of one at least once, on every branch); False when unsure."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _sequence_needs_digit(_parser.parse(pattern, re.I), _parser)
    except Exception:  # noqa: BLE001 - an unexpected parse only means the dateline is tried on all text
        return False


def _sequence_needs_digit(items, parser) -> bool:  # noqa: ANN001 - re._parser's own types
    constants = parser  # the opcodes are in re._constants, re-exported by re._parser
    for op, value in items:
        if op is constants.LITERAL and chr(value).isdecimal():
            return True
        if op is constants.IN and value and all(
                (kind is constants.CATEGORY and arg is constants.CATEGORY_DIGIT) or
                (kind is constants.LITERAL and chr(arg).isdecimal()) for kind, arg in value):
            return True
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)) and \
                value[0] >= 1 and _sequence_needs_digit(value[2], parser):
            return True
        if op is constants.SUBPATTERN and _sequence_needs_digit(value[3], parser):
            return True
        if op is getattr(constants, "ATOMIC_GROUP", None) and _sequence_needs_digit(value, parser):
            return True
        if op is constants.BRANCH and value[1] and all(_sequence_needs_digit(branch, parser) for branch in value[1]):
            return True
    return False


def _widest_match(text_node: LexborNode, pattern: re.Pattern[str], too_long: set[int],
                  alone: str | None = None) -> LexborNode | None:
    """The highest ancestor, up to the nearest block, whose whole text matches the phrase.
    ``too_long`` keeps the ancestors found to hold over :data:`_PREFIX_PHRASE_MAX_CHARS`, so a
    long one is read once however many phrases it holds. ``alone``, when given, is the text
    node's text collapsed, which is its parent's text (the parent holds nothing else)."""
    found: LexborNode | None = None
    for element in ancestors(text_node):
        key = element.mem_id
        if key in too_long:
            break
        if alone is not None:
            text, alone = alone, None
        else:
            text = node_text(element)
        if len(text) > _PREFIX_PHRASE_MAX_CHARS:
            too_long.add(key)
            break
        if not pattern.match(text):
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


# A box a phrase heading titles: "<div class='post-author'><h3>About the author</h3>…", "<div><h3>Related
# posts</h3><ul>…": the box goes with its title, when it is a small one (not the story's column).
_BOX_TITLE_TAGS = frozenset("h2 h3 h4 h5 h6".split())
_BOXES_TITLED = frozenset({Layer.PROMO, Layer.RECIRCULATION})
_BOX_TAGS = frozenset("div section aside".split())
_BOX_MAX_CHARS = 1500


def _label_titled_boxes(titles: list[LexborNode], labels: Labels) -> None:
    """Label the box a phrase heading is the first thing in, with the heading's layer."""
    for title in titles:
        box = title.parent
        if box is None or box.tag not in _BOX_TAGS or box.mem_id in labels or \
                not _first_in_parent(title) or len(box.text(deep=True)) > _BOX_MAX_CHARS:
            continue
        labels[box.mem_id] = labels[title.mem_id]


def _first_in_parent(node: LexborNode) -> bool:
    """True when nothing but blanks and comments comes before the node in its parent."""
    sibling = node.prev
    while sibling is not None:
        if sibling.is_element_node or (sibling.is_text_node and (sibling.text_content or "").strip()):
            return False
        sibling = sibling.prev
    return True


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
    enclosing = labels.enclosing
    for node in labels.in_order():
        if enclosing(node):
            continue
        layer = labels[node.mem_id]
        entry = counts[layer]
        entry[0] += 1
        entry[1] += 0 if layer is Layer.CHROME else len(node_text(node))
    return tuple(LayerReport(layer, count, chars) for layer, (count, chars) in counts.items())
