"""Decide whether what the body step found is an article, and say what was seen when not.

A section front or home page is a list of story cards: headline, summary, "By …" line. Its
"body" is many short cards; an article's byline was labelled and left the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsclean.errors import NotAnArticle
from newsclean.model import Block, BlockKind
from newsclean.profiles.base import Profile

__all__ = ["MIN_CARD_BYLINES", "ensure_article", "ensure_not_a_section_front", "is_byline", "may_be_section_front"]

_MAX_CARD_BYLINE_CHARS = 120
MIN_CARD_BYLINES = 3  # one stray "By …" line can be a quoted credit; three are story cards
_MIN_CARD_SHARE = 0.10  # …when they are a tenth of all blocks: a card is 3–4 blocks
_LONG_PARAGRAPH_WORDS = 40  # a card's summary is a sentence or two; a story's paragraphs run longer
_ARTICLE_LONG_PARAGRAPHS = 3  # this many long paragraphs are an article, however many bylines
# A card is a headline, a byline and a summary of a paragraph or two: this many paragraphs of
# prose in a row, no heading, list or byline between, are a story's own text (a local news
# story of short paragraphs, its related stories' cards below it).
_ARTICLE_PROSE_RUN = 5
_PROSE_WORDS = 10  # a sentence; a shorter line ("Read the Full Article") neither counts nor breaks a run


def ensure_article(blocks: Sequence[Block], profile: Profile, *, form: str, labelled: int,
                   cards_judged: bool = False) -> None:
    """Raise NotAnArticle for an empty body or a page of story cards (``cards_judged``: these
    blocks were already found to be no section front)."""
    if not blocks:
        raise NotAnArticle(f"no body text: all text of this {form} page was in the {labelled} "
                           f"boilerplate elements found (profile {profile.name})")
    if not cards_judged:
        ensure_not_a_section_front(blocks, profile)


def ensure_not_a_section_front(blocks: Sequence[Block], profile: Profile) -> None:
    """Raise NotAnArticle when the blocks are story cards ("By …" lines among short blocks)
    and hold no article's worth of prose: three long paragraphs, or five of prose in a row (a
    live blog, or a story with bylined related cards, has several "By …" lines too)."""
    card_bylines = _card_bylines(blocks, profile)
    if card_bylines >= MIN_CARD_BYLINES and card_bylines >= _MIN_CARD_SHARE * len(blocks) and \
            _long_paragraphs(blocks) < _ARTICLE_LONG_PARAGRAPHS and \
            _longest_prose_run(blocks, profile) < _ARTICLE_PROSE_RUN:
        raise NotAnArticle(f"section front or index page: {card_bylines} story-card bylines "
                           f"among {len(blocks)} blocks (profile {profile.name})")


def may_be_section_front(byline_starts: int) -> bool:
    """False when the page holds too few runs of text that could start a "By …" line
    (``Labels.byline_starts``, counted on the label step's walk over the text) for story
    cards: then no blocks of it are a section front, and they need not be cut to tell."""
    return byline_starts >= MIN_CARD_BYLINES


def _card_bylines(blocks: Sequence[Block], profile: Profile) -> int:
    pattern = _byline_pattern(tuple(profile.byline_prefixes))
    if pattern is None:
        return 0
    return sum(1 for at, block in enumerate(blocks)
               if len(block.text) <= _MAX_CARD_BYLINE_CHARS and _names_after(pattern, block.text)
               and (_names_someone(pattern, block.text) or _heading_follows(blocks, at)))


def _names_someone(prefix: re.Pattern[str], text: str) -> bool:
    """The "By …" line goes on past its prefix: "By Jane Doe", not a bare "By" or "by:"."""
    found = prefix.match(text)
    return found is not None and any(char.isalnum() for char in text[found.end():])


def _heading_follows(blocks: Sequence[Block], at: int) -> bool:
    """A bare "By" is a card's name slot left empty when the next card's headline follows it
    (a section front whose names load later); before the story's own date line ("by:",
    "Posted: Nov 8, 2023") it is the story's empty byline, shown twice by some templates."""
    return at + 1 < len(blocks) and blocks[at + 1].kind is BlockKind.SUBHEAD


def is_byline(text: str, prefixes: tuple[str, ...]) -> bool:
    """The text is a "By …" line: one of the byline ``prefixes``, then a name."""
    pattern = _byline_pattern(prefixes)
    return pattern is not None and _names_after(pattern, text)


@lru_cache(maxsize=16)
def _byline_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"^(?:{alternatives})\b[\s:]*", re.I) if alternatives else None


def _names_after(prefix: re.Pattern[str], text: str) -> bool:
    """True when ``text`` starts with a byline prefix and what follows it is a name: not a
    lower-case word, unless that word is all the byline says before its date or separator (a
    blog's login, "By admin on March 3, 2012"). "By Jane Doe", "By | Metric Media", not "By the
    way, …", "By contrast, …" or Italian prose's "Di solito"."""
    found = prefix.match(text)
    if found is None:
        return False
    rest = text[found.end():]
    return not rest[:1].islower() or _LOGIN.match(rest) is not None


# A lower-case login and nothing more before the byline's end, separator, date or "on <date>".
_LOGIN = re.compile(r"[a-z0-9_.]+(?:$|\s*[|·•–—-]|\s+(?:on|at)\s|\s+\d)")


def _longest_prose_run(blocks: Sequence[Block], profile: Profile) -> int:
    """The most paragraphs of :data:`_PROSE_WORDS` words or more that follow one another with no
    heading, list, quote or "By …" line between (shorter paragraphs are passed over)."""
    pattern = _byline_pattern(tuple(profile.byline_prefixes))
    longest = run = 0
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and len(block.text.split()) < _PROSE_WORDS:
            continue
        if block.kind is BlockKind.PARAGRAPH and (pattern is None or not _names_after(pattern, block.text)):
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return longest


def _long_paragraphs(blocks: Sequence[Block]) -> int:
    """Paragraphs of many words (words, not characters: a data URI is long and no prose)."""
    return sum(1 for block in blocks if len(block.text.split()) >= _LONG_PARAGRAPH_WORDS)
