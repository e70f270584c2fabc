"""The shape of a site profile: site knowledge as data, read by the layer and extract steps.

A profile holds no logic. Adding a site means writing one :class:`Profile` value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from newsclean.model import Layer

__all__ = ["LayerRule", "PhraseRule", "Profile"]


_NAME_BOUNDARY = r"(?:^|[\s_-])"  # how class-name patterns say "at the start of a name part"
_PLAIN_WORDS = re.compile(r"[a-z0-9_-]+(?:\|[a-z0-9_-]+)*")  # "share|social|…": words, no regex


MAX_COPYRIGHT_LINE_CHARS = 250  # a notice, not a paragraph that opens with a photo's credit


def _trie(words: list[str]) -> str:
    """A regex for any of ``words`` that tests each character once ("s(?:hare|ocial)"), not
    once per word as a flat alternation does."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    # Emit bottom-up without recursion: a node's regex needs its children's first.
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(child for char, child in node.items() if char)
    emitted: dict[int, str] = {}
    for node in reversed(order):
        alternatives = [re.escape(char) + emitted[id(child)] for char, child in sorted(node.items()) if char]
        body = "" if not alternatives else alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        emitted[id(node)] = f"(?:{body})?" if "" in node and body else body
    return emitted[id(root)]


def _one_pattern(formats: tuple[str, ...]) -> re.Pattern[str] | None:
    """Regexes as one, tried in their order (case-insensitive); None for none."""
    return re.compile("|".join(f"(?:{f})" for f in formats), re.I) if formats else None


@dataclass(frozen=True, slots=True)
class LayerRule:
    """Elements matching ``css`` belong to ``layer``; ``why`` says what marks them (for docs)."""

    layer: Layer
    css: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """A block whose whole text is one of ``phrases`` (or starts with one, when ``prefix``).
    With ``regex``, each phrase is a regular expression ("\\d+ min read": a line with a
    number in it), which the rule tries on every short text."""

    layer: Layer
    phrases: tuple[str, ...]
    prefix: bool = False
    why: str = ""
    regex: bool = False

    def pattern(self) -> re.Pattern[str]:
        """One case-insensitive regex for all the phrases, anchored at both ends unless a prefix."""
        tail = "" if self.prefix else r"\W*$"
        return re.compile(rf"^\W*(?:{self.alternatives()}){tail}", re.I)

    def alternatives(self) -> str:
        """The phrases as one regex alternation."""
        return "|".join(f"(?:{p})" for p in self.phrases) if self.regex else _alternatives(self.phrases)


def _alternatives(phrases: tuple[str, ...]) -> str:
    """The phrases as one regex alternation, longest first, any run of spaces between words."""
    return "|".join(re.escape(p).replace("\\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Profile:
    """Everything newsclean knows about one site (or the generic rules for any site).

    ``layers`` run in order and the first label a node gets stays. ``body`` lists
    selectors for the article container in priority order: the first that matches gives
    the body roots.
    """

    name: str
    hosts: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    layers: tuple[LayerRule, ...] = ()
    # Class/id vocabulary: an element whose "class id" matches a layer's regex gets that
    # layer, unless it also matches ``names_kept`` (article, content, …) — Readability's rule.
    class_names: tuple[tuple[Layer, str], ...] = ()
    names_kept: str | None = None
    # Class names that say what a post is about, not what the element is: (names of a post's
    # container, taxonomy names left out of them before the vocabulary reads the names).
    names_ignored: tuple[str, str] | None = None
    # Names whose layer holds however much of the page it holds (a comment thread): the
    # vocabulary's "never over half the page's text" bound does not apply to them.
    names_unbounded: str | None = None
    # Content scoring (when no body selector matches): class/id words that raise or lower
    # a container's score.
    score_positive: str | None = None
    score_negative: str | None = None
    # What says a page is a story (an article og:type selector; a regex of article types in its
    # JSON-LD), and the main-content landmark a page that is not one widens its body to.
    article_signs: str | None = None
    article_types: str | None = None
    main_landmark: str | None = None
    prefer_visible_title: bool = False  # the page's headline before og:title / JSON-LD
    clean_inside_body: bool = False  # label galleries, link lists and link lines inside the body
    phrases: tuple[PhraseRule, ...] = ()
    headline: tuple[str, ...] = ()
    byline_names: tuple[str, ...] = ()
    byline_name_attrs: tuple[str, ...] = ()  # attributes that spell a byline name in its proper case
    byline_prefixes: tuple[str, ...] = ("By",)
    byline_separators: tuple[str, ...] = (",", " and ", "&")
    byline_roles: tuple[str, ...] = ()  # job titles that end a name ("Senior Politics Editor")
    byline_noise: tuple[str, ...] = ()  # words between or after names (social links, "Updated")
    byline_suffixes: tuple[str, ...] = ()  # words after a name ("기자": reporter)
    byline_stops: tuple[str, ...] = ()  # where a byline's names end ("Photo by", "Contact")
    # Head nouns of an organisation credited as the author ("Center for Drug Evaluation and
    # Research"): a byline that names one is one name, its "and" no separator.
    organisation_nouns: tuple[str, ...] = ()
    # A byline's label left alone once the names after it are gone (they sat in a button or
    # a link the layers took out: "<span>By </span><button>Genevieve Carlton</button>"): a
    # block that is only one of these is no paragraph of the story ("By", "Edited by").
    orphan_labels: tuple[str, ...] = ()
    # Regexes of a copyright notice standing as a block of its own in the text column ("© 1999
    # Seattle Post-Intelligencer. All rights reserved."): the site's footer line, no paragraph.
    copyright_lines: tuple[str, ...] = ()
    # A label that stands alone in its element, the names in the block or the words after it
    # ("<h3>Author</h3><p>Lisa D. Ellis</p>", "<b>Contributors:</b> Janet Loughrey").
    author_labels: tuple[str, ...] = ()
    section: tuple[str, ...] = ()  # selectors of the visible section label, in priority order
    site_name: str | None = None
    caption: tuple[str, ...] = ()
    credit: tuple[str, ...] = ()
    caption_prefixes: tuple[str, ...] = ()  # screen-reader labels such as "Image" before a caption
    credit_prefixes: tuple[str, ...] = ("Credit",)
    # Photo agencies a credit line standing alone ends with ("Stanley Chou/Getty Images"), and
    # those of them that sell only pictures, whose name alone is a credit ("Getty Images").
    credit_agencies: tuple[str, ...] = ()
    picture_agencies: tuple[str, ...] = ()
    translation_links: tuple[tuple[str, str], ...] = ()  # (link phrase, language code)
    short_url: str | None = None  # regex of the site's short links
    # (selector of a share button's link, the query parameter that holds the shared address):
    # a page with no canonical link (a pandoc form has no <head>) still names its own address
    share_links: tuple[tuple[str, str], ...] = ()
    date_formats: tuple[str, ...] = field(default=())  # regexes of visible datelines
    # Regexes of visible datelines that always hold one of some words (Japanese "配信", "更新"),
    # with the words: searched for only in a text that holds one, so a format that may start
    # with a few other words costs no scan of every text. Tried after :attr:`date_formats`.
    worded_date_formats: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    @cached_property
    def article_type_pattern(self) -> re.Pattern[str] | None:
        """:attr:`article_types` compiled once per profile."""
        return re.compile(self.article_types) if self.article_types else None

    @cached_property
    def author_label_pattern(self) -> re.Pattern[str] | None:
        """:attr:`author_labels` as one regex: a label, maybe a colon after it, at the start of a text."""
        if not self.author_labels:
            return None
        words = "|".join(re.escape(label) for label in sorted(self.author_labels, key=len, reverse=True))
        return re.compile(rf"\s*(?:{words})\s*:?\s*", re.I)

    @cached_property
    def orphan_label_pattern(self) -> re.Pattern[str] | None:
        """:attr:`orphan_labels` as one regex for a whole block's text (a colon after it allowed)."""
        if not self.orphan_labels:
            return None
        return re.compile(rf"(?:{_alternatives(self.orphan_labels)})\s*:?", re.I)

    @cached_property
    def dropped_line_pattern(self) -> re.Pattern[str] | None:
        """One regex for a whole block that is no paragraph: an :attr:`orphan_labels` label
        alone, or a :attr:`copyright_lines` notice of at most :data:`MAX_COPYRIGHT_LINE_CHARS`."""
        parts = [self.orphan_label_pattern.pattern] if self.orphan_label_pattern is not None else []
        if self.copyright_lines:
            parts.append(rf"\W*(?:{'|'.join(self.copyright_lines)}).{{0,{MAX_COPYRIGHT_LINE_CHARS}}}")
        return re.compile("|".join(f"(?:{part})" for part in parts), re.I | re.S) if parts else None

    @cached_property
    def organisation_pattern(self) -> re.Pattern[str] | None:
        """An organisation's whole name (:attr:`organisation_nouns`): up to two capitalised
        words, a head noun, "for", "of" or "on" (and "the"), then capitalised words and the
        small words between them."""
        if not self.organisation_nouns:
            return None
        word = r"[A-ZÀ-Þ][\w'’.-]*"
        return re.compile(rf"(?:The\s+)?(?:{word}\s+){{0,2}}(?:{_alternatives(self.organisation_nouns)})\s+"
                          rf"(?:for|of|on)\s+(?:the\s+)?{word}(?:\s+(?:and|&|of|for|on|the|{word})){{0,6}}")

    @cached_property
    def phrase_patterns(self) -> tuple[tuple[Layer, re.Pattern[str]], ...]:
        """The phrase rules compiled once per profile; a visible dateline counts as one too."""
        compiled = tuple((rule.layer, rule.pattern()) for rule in self.phrases)
        dateline = self.dateline_pattern
        return compiled + ((Layer.DATELINE, dateline),) if dateline is not None else compiled

    @cached_property
    def credit_line_pattern(self) -> re.Pattern[str] | None:
        """A photo's credit line standing alone: names, a slash, an agency ("Mandel Ngan /
        AFP/Getty Images", "Bruce Dale/Getty Images"), or the agency alone when it sells only
        pictures ("Getty Images")."""
        if not self.credit_agencies:
            return None
        agencies = _alternatives(self.credit_agencies)
        names = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"  # a photographer's name: capitalised words only
        alone = rf"|^\W*(?:{_alternatives(self.picture_agencies)})\W*$" if self.picture_agencies else ""
        return re.compile(rf"^\W*(?:{names}\s*/\s*)+(?:{agencies})(?:\s*(?:/|via)\s*(?:{agencies}))*\W*${alone}", re.I)

    @cached_property
    def any_phrase(self) -> re.Pattern[str] | None:
        """All phrase patterns as one regex, tried in order; group ``p<i>`` names the one that
        matched (one match per text node instead of one per rule)."""
        patterns = self.phrase_patterns
        if not patterns:
            return None
        return re.compile("|".join(f"(?P<p{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(patterns)), re.I)

    @cached_property
    def class_name_vocabulary(self) -> re.Pattern[str] | None:
        """The class/id vocabulary as one regex whose group names are the layers; it is matched
        against lower-cased names (three times faster than an IGNORECASE search)."""
        if not self.class_names:
            return None
        return re.compile("|".join(f"(?P<{layer.value}>{pattern.lower()})" for layer, pattern in self.class_names))

    @cached_property
    def class_name_prefilter(self) -> re.Pattern[str] | None:
        """A regex with the same match starts as :attr:`class_name_vocabulary`, three times
        faster: the shared name-boundary prefix is factored out and plain word lists become a
        trie. It finds where the vocabulary matches; the vocabulary, asked there, says which layer."""
        if not self.class_names:
            return None
        bounded, words, others = [], [], []
        for _, pattern in self.class_names:
            pattern = pattern.lower()
            if pattern.startswith(_NAME_BOUNDARY):
                bounded.append(pattern[len(_NAME_BOUNDARY):])
            elif _PLAIN_WORDS.fullmatch(pattern):
                words.extend(pattern.split("|"))
            else:
                others.append(pattern)
        parts = [_NAME_BOUNDARY + "(?:" + "|".join(bounded) + ")"] if bounded else []
        return re.compile("|".join([*parts, *([_trie(words)] if words else []), *others]))

    @cached_property
    def names_ignored_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """(a post's container, its taxonomy names) compiled; matched against lower-cased names."""
        if self.names_ignored is None:
            return None
        owner, taxonomy = self.names_ignored
        return re.compile(owner), re.compile(taxonomy)  # written in lower case: lower() would make \S \s

    @cached_property
    def names_unbounded_pattern(self) -> re.Pattern[str] | None:
        """Names labelled whatever share of the page they hold; written in lower case."""
        return re.compile(self.names_unbounded) if self.names_unbounded else None

    @cached_property
    def names_kept_pattern(self) -> re.Pattern[str] | None:
        """Names that keep an element whatever else they say; matched against lower case."""
        return re.compile(self.names_kept.lower()) if self.names_kept else None

    @cached_property
    def score_patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """(positive, negative) class/id regexes for content scoring."""
        return tuple(re.compile(p, re.I) if p else None for p in (self.score_positive, self.score_negative))  # type: ignore[return-value]

    @cached_property
    def short_url_pattern(self) -> re.Pattern[str] | None:
        """The short-link regex compiled once."""
        return re.compile(self.short_url) if self.short_url else None

    @cached_property
    def date_in_text(self) -> re.Pattern[str] | None:
        """A visible date anywhere in a text ("April 5, 2018 | 6:00 PM", "Thu 3 Jan 2019"), in
        any of the profile's formats."""
        return _one_pattern((*self.date_formats, *(f for f, _ in self.worded_date_formats)))

    @cached_property
    def _date_in_unworded_text(self) -> re.Pattern[str] | None:
        return _one_pattern(self.date_formats)

    @cached_property
    def _date_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(word for _, words in self.worded_date_formats for word in words))

    def search_date(self, text: str) -> re.Match[str] | None:
        """``date_in_text.search(text)``; the worded formats are tried only when the text holds
        one of their words (no match of theirs is lost: each holds one)."""
        if any(word in text for word in self._date_words):
            pattern = self.date_in_text
        else:
            pattern = self._date_in_unworded_text
        return pattern.search(text) if pattern is not None else None

    @cached_property
    def dateline_pattern(self) -> re.Pattern[str] | None:
        """One regex for a whole visible date line in any of the profile's formats."""
        date = self.date_in_text
        return re.compile(rf"^\W*(?:{date.pattern})\W*$", re.I) if date is not None else None
