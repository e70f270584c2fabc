"""Find the article container on a page no body selector recognises: content scoring.

The rule Readability and Boilerpipe share: paragraphs of real prose (long, with commas, few
links) vote for the containers around them; the best-voted container, with the siblings
that look like part of it, is the body. Labelled layers never vote.

What does not depend on the labels — each voter's vote and the containers it votes for, the
texts and link densities measured — is kept in the page's :class:`~newsclean.layers.PageScan`,
so a relaxed attempt scores the page again without reading it again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import ancestors, is_block, node_text
from newsclean.layers import TEXT_HOLDER_MIN_CHARS, TEXT_HOLDER_TAGS, Labels, PageScan
from newsclean.model import Layer
from newsclean.profiles.base import Profile

__all__ = ["ScoredBody", "label_non_prose", "score_body"]

_VOTERS = "p, pre, td, blockquote, div, section, article, li, dd"
_MIN_VOTE_CHARS = TEXT_HOLDER_MIN_CHARS
_ANCESTOR_LEVELS = 3
_TAG_BASE = {"div": 5, "article": 8, "section": 3, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
             "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "address": -3,
             "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
_CLASS_WEIGHT = 25
_TOP_CANDIDATES = 8
_SIBLING_SHARE = 0.2
_SIBLING_MIN_SCORE = 10.0
_RIVAL_SHARE = 0.75
_CONDITIONAL = "div, section, ul, ol, table, aside, p"
_LINK_LINE_MAX_CHARS = 200
_LINK_LINE_DENSITY = 0.75
_GALLERY_MIN_IMAGES = 2  # Readability's rule: a block of more pictures than paragraphs
_DIV_PARAGRAPH_CHARS = 80  # own text of a div that counts as a paragraph against a gallery's pictures
_PROSE_COMMAS = 10  # Readability's rule: a block whose paragraphs hold this many commas is prose, whatever its pictures
_MAX_CLEANED_SHARE = 0.5  # conditional cleaning never takes a block holding over half the body's text
_LIST_LINK_DENSITY = 0.5
_LINK_LIST_MAX_CHARS = 1500
# Form fields a reader types into or picks from (not hidden ones, nor buttons and boxes to tick,
# which polls and galleries use too), and the boxes conditional cleaning asks about them.
_FORM_FIELDS = "input:not([type='hidden']):not([type='checkbox']):not([type='radio']):not([type='submit'])" \
               ":not([type='button']):not([type='image']), select, textarea"
_FORM_BOXES = frozenset({"div", "section", "aside"})
_SHAPE_LEVELS = 4  # how many elements of two siblings' only-child chains are compared
_MIN_RIVALS = 2  # with the top candidate, three strong candidates under one ancestor


@dataclass(frozen=True, slots=True)
class ScoredBody:
    """The chosen containers in document order, and how sure the choice is (0–1)."""

    roots: tuple[LexborNode, ...]
    confidence: float


_PARAGRAPH_CONTAINERS = TEXT_HOLDER_TAGS  # vote only with text of their own
_PARAGRAPH_VOTERS = ", ".join(tag for tag in _VOTERS.split(", ") if tag not in _PARAGRAPH_CONTAINERS)  # the others


class _Measures:
    """What scoring reads off a page that no label changes, kept for the page's next attempt:
    each voter's vote, the containers the voters in each parent vote for, containers' base
    scores, and element texts and link densities."""

    __slots__ = ("tree", "votes", "above", "bases", "texts", "densities", "link_chars")

    def __init__(self, tree: LexborHTMLParser, scan: PageScan | None) -> None:
        self.tree = tree
        self.votes: dict[int, int] = {}  # voter id → its vote; 0 when its text is too short to vote
        self.above: dict[int, list[tuple[LexborNode, int]]] = {}  # voter's parent id → the containers its voters vote for
        self.bases: dict[tuple[object, object], dict[int, float]] = {}  # (score patterns) → id → base score
        self.texts: dict[int, str] = scan.texts if scan is not None else {}
        self.densities: dict[int, float] = scan.densities if scan is not None else {}
        self.link_chars: dict[int, int] = {}  # link id → its text's length

    def text(self, node: LexborNode) -> str:
        key = node.mem_id
        text = self.texts.get(key)
        if text is None:
            text = self.texts[key] = node_text(node)
        return text

    def density(self, node: LexborNode) -> float:
        key = node.mem_id
        density = self.densities.get(key)
        if density is None:
            density = self.densities[key] = _link_density(node, self.link_chars)
        return density


def _measures(tree: LexborHTMLParser, scan: PageScan | None) -> _Measures:
    if scan is None:
        return _Measures(tree, None)
    if not isinstance(scan.scoring, _Measures):
        scan.scoring = _Measures(tree, scan)
    return scan.scoring


def score_body(tree: LexborHTMLParser, labels: Labels, profile: Profile, scan: PageScan | None = None) -> ScoredBody | None:
    """The best-scored container and its sibling parts, or None when no prose was found.
    ``scan`` keeps what scoring read off the page for its next attempt."""
    positive, negative = profile.score_patterns
    measures = _measures(tree, scan)
    votes, above = measures.votes, measures.above
    bases = measures.bases.setdefault((positive, negative), {})
    holders = labels.text_holders
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    inside: dict[int, bool] = {}  # element id → it or an ancestor is labelled (voters share one walk up)
    # Containers vote only when they hold text of their own: with none on the page, only paragraphs are asked for.
    for node in measures.tree.css(_VOTERS if holders else _PARAGRAPH_VOTERS):
        key = node.mem_id
        container = bool(holders) and node.tag in _PARAGRAPH_CONTAINERS
        if container and key not in holders:
            continue  # a container votes only when it is used as a paragraph, with text of its own
        line = _voted_for(node, above)
        if not line or key in labels:
            continue  # (a vote for nothing but body or html is not counted, whatever it is)
        parent, parent_key = line[0]  # the voter's parent: siblings share its answer
        within = inside.get(parent_key)
        if within is None:
            within = _inside_labels(parent, labels, inside)
        if within:
            continue
        vote = votes.get(key)
        if vote is None:
            vote = votes[key] = _vote(node, container)
        if not vote:
            continue
        for level, (ancestor, ancestor_key) in enumerate(line):
            if ancestor_key not in scores:
                nodes[ancestor_key] = ancestor
                base = bases.get(ancestor_key)
                if base is None:
                    base = bases[ancestor_key] = _base_score(ancestor, positive, negative)
                scores[ancestor_key] = base
            scores[ancestor_key] += vote if level == 0 else vote / (2 if level == 1 else level * 3)
    if not scores:
        return None
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:_TOP_CANDIDATES]
    final = {key: scores[key] * (1 - measures.density(nodes[key])) for key in ranked}
    top_key = max(final, key=final.__getitem__)
    top = _sole_child_parent(_higher_scoring_parent(_common_ancestor_of_rivals(nodes[top_key], final, nodes), scores))
    top_score = final.get(top.mem_id, final[top_key])
    roots = _with_siblings(top, top_score, scores, labels, measures)
    if top.mem_id != top_key:
        roots = _with_parts_like(nodes[top_key], roots, scores, nodes, max(_SIBLING_MIN_SCORE, top_score * _SIBLING_SHARE))
    return ScoredBody(tuple(roots), _confidence(roots, top_score, sorted(final.values(), reverse=True), measures))


def _vote(node: LexborNode, container: bool) -> int:
    """A voter's vote: its commas and length; 0 when its text (a container's own text, or
    all of it, whitespace collapsed) is too short to vote."""
    if container:
        text = _own_text(node)
        chars = len(text)
    else:  # node_text's length (commas are the same in the raw text)
        text = node.text(deep=True, separator="", strip=False)
        chars = len(" ".join(text.split()))
    if chars < _MIN_VOTE_CHARS:
        return 0
    return 1 + _commas(text) + min(chars // 100, 3)


_NOWHERE: list[tuple[LexborNode, int]] = []  # (shared, never written)


def _voted_for(node: LexborNode, above: dict[int, list[tuple[LexborNode, int]]]) -> list[tuple[LexborNode, int]]:
    """The containers a voter's vote goes to, nearest first: up to three levels, never body or
    html. ``above`` keeps each parent's answer for the voter's siblings."""
    parent = node.parent
    if parent is None or not parent.is_element_node or parent.tag in ("body", "html"):
        return _NOWHERE
    key = parent.mem_id
    line = above.get(key)
    if line is None:
        line = above[key] = [(parent, key)]
        for ancestor in ancestors(parent):
            if len(line) >= _ANCESTOR_LEVELS or ancestor.tag in ("body", "html"):
                break
            line.append((ancestor, ancestor.mem_id))
    return line


def label_non_prose(roots: list[LexborNode], labels: MutableMapping[int, Layer],
                    scan: PageScan | None = None, *, kept: Collection[int] = ()) -> list[int]:
    """Inside the chosen body, label blocks that are not prose (Readability's conditional
    cleaning): image galleries, link lists, and paragraphs that are one link to elsewhere.
    The elements in ``kept`` (the scored container and its ancestors, when the body was
    widened around it) are never labelled. Returns the ids it labelled."""
    measures = _measures(roots[0].parser, scan) if roots else None
    prose_divs: dict[int, int] = {}  # div id → its own text's commas, -1 when no paragraph; judged once
    inside: dict[int, bool] = {}  # element id → it or an ancestor is labelled (kept as the walk goes)
    cleaned: list[int] = []
    for root in roots:
        most_of_root = _MAX_CLEANED_SHARE * len(root.text(deep=True))
        images = _images_inside(root)
        controls = _controls_inside(root)
        linked = _holding_links(root)
        for node in root.css(_CONDITIONAL):
            key = node.mem_id
            paragraph = node.tag == "p"
            if (paragraph and key not in linked) or key in labels:
                continue  # a paragraph without a link is no link line; a labelled block is cleaned already
            if key == root.mem_id or key in kept or _inside_labels(node, labels, inside):
                continue  # the chosen container is never itself a layer
            if paragraph:
                chars = len(node.text(deep=True).strip())
                if 0 < chars <= _LINK_LINE_MAX_CHARS and _link_density(node) >= _LINK_LINE_DENSITY:
                    labels[key] = Layer.RECIRCULATION
                    inside[key] = True
                    cleaned.append(key)
                continue
            layer = _non_prose_layer(node, prose_divs, images.get(key, 0), key in linked, measures,  # type: ignore[arg-type]
                                     controls.get(key, 0))
            if layer is not None and len(node.text(deep=True)) <= most_of_root:
                labels[key] = layer  # a block holding most of the body is the story, whatever its pictures
                inside[key] = True
                cleaned.append(key)
    return cleaned


def _inside_labels(node: LexborNode, labels: Mapping[int, Layer], known: dict[int, bool]) -> bool:
    """True when the node or an ancestor is labelled. ``known`` keeps the answer for every
    element walked through, so nodes in one container share one walk up; conditional cleaning
    labels elements in document order, before any of their descendants is asked about, and
    notes each label there."""
    path: list[int] = []
    answer = False
    current: LexborNode | None = node
    while current is not None and current.is_element_node:
        key = current.mem_id
        if key in known:
            answer = known[key]
            break
        if key in labels:
            answer = True
            break
        path.append(key)
        current = current.parent
    for key in path:
        known[key] = answer
    return answer


def _images_inside(root: LexborNode) -> dict[int, int]:
    """Element id → how many ``img`` elements it holds, for every element inside ``root``
    (one query and a walk up from each picture, not a query per element)."""
    images = root.css("img")
    if len(images) < _GALLERY_MIN_IMAGES:
        return {}  # no element inside holds enough pictures to be a gallery
    return _counts_inside(root, images)


def _controls_inside(root: LexborNode) -> dict[int, int]:
    """Element id → how many form fields (a text box, a menu, a text area) it holds, for the
    elements inside ``root`` that hold one. A field in a ``<form>`` counts too: the form goes
    as markup no reader reads, but the box's "Sign up for our newsletter" beside it would stay."""
    return _counts_inside(root, root.css(_FORM_FIELDS))


def _counts_inside(root: LexborNode, found: list[LexborNode]) -> dict[int, int]:
    """Element id → how many of ``found`` it holds, for the elements inside ``root`` (a walk
    up from each one found, not a query per element)."""
    counts: dict[int, int] = {}
    top = root.mem_id
    for node in found:
        parent = node.parent
        while parent is not None and parent.mem_id != top:
            key = parent.mem_id
            counts[key] = counts.get(key, 0) + 1
            parent = parent.parent
    return counts


def _holding_links(root: LexborNode) -> set[int]:
    """The ids of the elements inside ``root`` that hold an ``a`` element (one query and a walk
    up from each link, stopping at an element already noted: its ancestors are noted too)."""
    holding: set[int] = set()
    top = root.mem_id
    for link in root.css("a"):
        parent = link.parent
        while parent is not None and (key := parent.mem_id) != top and key not in holding:
            holding.add(key)
            parent = parent.parent
    return holding


def _non_prose_layer(node: LexborNode, prose_divs: dict[int, int], images: int, linked: bool,
                     measures: _Measures, controls: int) -> Layer | None:
    """Gallery for a block of more pictures than paragraphs, unless its paragraphs hold
    :data:`_PROSE_COMMAS` commas (a recipe's method, a product's review, a story column beside
    its photos: prose, as Readability reads it); promo for a box of form fields, more than a
    third of its paragraphs (a sign-up box); recirculation for a short list of links.
    ``linked``: the block holds a link (without one, its density is 1 when it has no text, else 0)."""
    if images >= _GALLERY_MIN_IMAGES:
        paragraphs, commas = _paragraphs(node, prose_divs)
        if paragraphs < images and commas < _PROSE_COMMAS:
            return Layer.GALLERY
    if controls and node.tag in _FORM_BOXES and len(measures.text(node)) < _LINK_LIST_MAX_CHARS:
        paragraphs, _ = _paragraphs(node, prose_divs)
        if controls > paragraphs // 3:  # Readability's rule: more fields than a third of its paragraphs
            return Layer.PROMO  # a sign-up box in the story ("Be the first to know!", a phone number field)
    if node.tag in ("ul", "ol", "div", "section") and len(text := measures.text(node)) < _LINK_LIST_MAX_CHARS \
            and (measures.density(node) > _LIST_LINK_DENSITY if linked else not text):
        return Layer.RECIRCULATION
    return None


def _commas(text: str) -> int:
    """Commas in a text, as a voter's are counted (Latin, full-width and ideographic)."""
    return text.count(",") + text.count("，") + text.count("、")


def _paragraphs(node: LexborNode, prose_divs: dict[int, int]) -> tuple[int, int]:
    """``<p>`` elements, and divs used as paragraphs (CNN's "zn-body__paragraph"): a div with
    a sentence's worth of text straight inside it, longer than a caption usually is; and the
    commas in their text and in list items of text alone (a recipe's ingredients and method).
    A card's title and list items with a link or a picture are not counted: a book list or a
    row of product cards is no prose. Nested galleries ask about the same divs: ``prose_divs``
    keeps each answer (the commas of its own text; -1 when it is no paragraph)."""
    divs = commas = 0
    for div in node.css("div"):
        own = prose_divs.get(div.mem_id)
        if own is None:
            text = _own_text(div)
            own = prose_divs[div.mem_id] = _commas(text) if len(text) >= _DIV_PARAGRAPH_CHARS else -1
        if own >= 0:
            divs += 1
            commas += own
    paragraphs = node.css("p")
    commas += sum(_commas(paragraph.text(deep=True)) for paragraph in paragraphs)
    commas += sum(_commas(item.text(deep=True)) for item in node.css("li") if item.css_first("a, img") is None)
    return len(paragraphs) + divs, commas


def _higher_scoring_parent(top: LexborNode, scores: Mapping[int, float]) -> LexborNode:
    """Walk up while ancestors keep a third of the score; one that outscores the container
    holds more of the story (an intro before a "read more" box) and becomes the body."""
    last = scores.get(top.mem_id, 0.0)
    threshold = last / 3
    for ancestor in ancestors(top):
        if ancestor.tag in ("body", "html"):
            break
        score = scores.get(ancestor.mem_id)
        if score is None:
            continue
        if score < threshold:
            break
        if score > last:
            return ancestor
        last = score
    return top


def _sole_child_parent(top: LexborNode) -> LexborNode:
    """Climb while the container is its parent's only element: its siblings are the parent's."""
    parent = top.parent
    while parent is not None and parent.tag not in ("body", "html") and _only_element_child(parent) is not None:
        top, parent = parent, parent.parent
    return top


def _only_element_child(node: LexborNode) -> LexborNode | None:
    """The node's element child when it has exactly one, else None (two are enough to tell:
    a body has thousands)."""
    children = list(islice(node.iter(include_text=False), 2))
    return children[0] if len(children) == 1 else None


def _common_ancestor_of_rivals(top: LexborNode, final: Mapping[int, float], nodes: Mapping[int, LexborNode]) -> LexborNode:
    """When other strong candidates sit beside the top one under a shared ancestor (a story
    split into sections), the body is that ancestor (Readability's rule)."""
    best = final[top.mem_id]
    rivals = [nodes[k] for k, v in final.items() if k != top.mem_id and v >= _RIVAL_SHARE * best]
    if len(rivals) < _MIN_RIVALS:
        return top
    rival_lines = [{a.mem_id for a in ancestors(r)} | {r.mem_id} for r in rivals]
    for ancestor in ancestors(top):
        if ancestor.tag in ("body", "html"):
            break
        if sum(1 for line in rival_lines if ancestor.mem_id in line) >= _MIN_RIVALS:
            return ancestor
    return top


def _own_text(node: LexborNode) -> str:
    return " ".join((c.text_content or "").strip() for c in node.iter(include_text=True) if c.is_text_node).strip()


def _base_score(node: LexborNode, positive, negative) -> float:  # noqa: ANN001 - compiled regexes
    attrs = node.attributes
    return float(_TAG_BASE.get(node.tag, 0)) + \
        _class_weight(f"{attrs.get('class') or ''} {attrs.get('id') or ''}", positive, negative)


@lru_cache(maxsize=8192)
def _class_weight(names: str, positive, negative) -> int:  # noqa: ANN001 - compiled regexes
    """What the class/id words add to a container's score (class strings repeat: asked once)."""
    weight = 0
    if names.strip():
        if negative is not None and negative.search(names):
            weight -= _CLASS_WEIGHT
        if positive is not None and positive.search(names):
            weight += _CLASS_WEIGHT
    return weight


def _link_density(node: LexborNode, link_chars: dict[int, int] | None = None) -> float:
    """Share of the node's text inside links (raw lengths: a ratio, so whitespace washes out).
    ``link_chars`` keeps each link's length for the containers around it."""
    text = len(node.text(deep=True).strip())
    if not text:
        return 1.0
    if link_chars is None:
        linked = sum(len(a.text(deep=True).strip()) for a in node.css("a"))
    else:
        linked = 0
        for link in node.css("a"):
            key = link.mem_id
            chars = link_chars.get(key)
            if chars is None:
                chars = link_chars[key] = len(link.text(deep=True).strip())
            linked += chars
    return min(linked / text, 1.0)


def _with_siblings(top: LexborNode, top_score: float, scores: Mapping[int, float],
                   labels: Labels, measures: _Measures) -> list[LexborNode]:
    """The top candidate and the siblings that carry on its content (Readability's rule)."""
    parent = top.parent
    if parent is None or parent.tag in ("html",):
        return [top]
    threshold = max(_SIBLING_MIN_SCORE, top_score * _SIBLING_SHARE)
    top_class = top.attributes.get("class")
    top_shape = None if top_class else _shape(_only_child_chain(top))
    roots = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == top.mem_id:
            roots.append(sibling)
        elif sibling.mem_id in labels:
            continue
        elif _is_part_like(sibling, top_shape, scores, threshold):
            roots.append(sibling)
        elif scores.get(sibling.mem_id, 0.0) + (top_score * _SIBLING_SHARE if top_class and
                                                 sibling.attributes.get("class") == top_class else 0) >= threshold:
            roots.append(sibling)
        elif sibling.tag == "p" or _div_used_as_paragraph(sibling, labels):
            text = measures.text(sibling)
            density = measures.density(sibling)
            if (len(text) > 80 and density < 0.25) or (0 < len(text) <= 80 and density == 0 and text.endswith(".")):
                roots.append(sibling)
    return roots


def _only_child_chain(node: LexborNode) -> list[LexborNode]:
    """The node and, while an element has one element child, that child (at most
    :data:`_SHAPE_LEVELS` of them in all)."""
    chain = [node]
    while len(chain) < _SHAPE_LEVELS and (child := _only_element_child(chain[-1])) is not None:
        chain.append(child)
    return chain


def _shape(chain: list[LexborNode]) -> tuple[tuple[str, str], ...] | None:
    """The tags and classes down an only-child chain, to its last class; None when no class is
    below its head: classless sections that each wrap one component of a story (a paragraph
    list, unlike a table or a call to action) have one shape."""
    named = [(node.tag, node.attributes.get("class") or "") for node in chain]
    last = max((depth for depth, (_, style) in enumerate(named) if style), default=0)
    return tuple(named[:last + 1]) if last else None


def _is_part_like(sibling: LexborNode, shape: tuple[tuple[str, str], ...] | None, scores: Mapping[int, float],
                  threshold: float) -> bool:
    """A sibling of the top candidate's ``shape`` whose paragraphs give one of its wrappers a
    sibling's score: the next part of a story cut into sections. Layout columns of one shape
    (a blog's sidebars) hold lists and modules, whose text scores little that close."""
    if shape is None:
        return False
    chain = _only_child_chain(sibling)
    return _shape(chain) == shape and max(scores.get(node.mem_id, 0.0) for node in chain) >= threshold


def _with_parts_like(best: LexborNode, roots: list[LexborNode], scores: Mapping[int, float],
                     nodes: Mapping[int, LexborNode], threshold: float) -> list[LexborNode]:
    """Add the siblings of the chosen body that hold a part of the story like its best one:
    a scored block with the same class as the best-scored block (a site that cuts its story
    into "article-text" blocks and wraps the lead in other boxes than the rest)."""
    style = best.attributes.get("class")
    parent = roots[0].parent if roots else None
    if not style or parent is None:
        return roots
    chosen = {root.mem_id for root in roots}
    wanted: set[int] = set()
    for key, node in nodes.items():
        if scores[key] < threshold or node.attributes.get("class") != style:
            continue
        child = node
        for ancestor in ancestors(node):
            if ancestor.mem_id == parent.mem_id:
                if child.mem_id not in chosen:
                    wanted.add(child.mem_id)
                break
            child = ancestor
    if not wanted:
        return roots
    return [child for child in parent.iter(include_text=False) if child.mem_id in chosen or child.mem_id in wanted]


def _div_used_as_paragraph(node: LexborNode, labels: Labels) -> bool:
    """A div with prose of its own and no block inside: a paragraph in all but name (a lead
    or standfirst), which Readability turns into a ``p`` before choosing siblings."""
    return node.tag == "div" and node.mem_id in labels.text_holders and \
        not any(is_block(child) for child in node.iter(include_text=False))


def _confidence(roots: list[LexborNode], top_score: float, finals: list[float], measures: _Measures) -> float:
    """Prose length, the score itself and its lead over the runner-up, as one number in 0–1."""
    chars = sum(_chars_up_to(r, _FULL_LENGTH_CHARS, measures) for r in roots)
    length = min(chars / _FULL_LENGTH_CHARS, 1.0)
    strength = min(top_score / 40, 1.0)
    margin = 1.0 if len(finals) < 2 or finals[0] <= 0 else min(1.0, 0.5 + (finals[0] - max(finals[1], 0)) / finals[0])
    return round(max(0.0, min(1.0, 0.45 * length + 0.35 * strength + 0.2 * margin)), 3)


_FULL_LENGTH_CHARS = 1500  # a body this long is long enough for full confidence


def _chars_up_to(node: LexborNode, enough: int, measures: _Measures) -> int:
    """The length of the node's text (whitespace collapsed), or a number at least ``enough``
    when it is that long: a long body's text is not collapsed whole just to be measured (its
    collapsed start is never longer than all of it)."""
    text = measures.texts.get(node.mem_id)
    if text is not None:
        return len(text)
    raw = node.text(deep=True, separator="", strip=False)
    start = len(" ".join(raw[:2 * enough].split()))
    if start >= enough or len(raw) <= 2 * enough:
        return start
    return len(measures.text(node))
