"""Relax and retry, then judge: the body comes from a chain of attempts and a stated rule.

A strict step that misfires (a class name such as "share" on the story's own container, a
landmark that wraps the whole page) can take the article with it. So:

1. The strict attempt runs every rule. It stands alone when it is sure: the site marked
   its body (a profile's selector matched), or the body holds at least
   :data:`SURE_PROSE_SHARE` of the page's prose and :data:`KEPT_SHARE` of its own
   containers' text (labels inside it did not take most of it) and was found with
   confidence at least :data:`~newsclean.fallback.FALLBACK_BELOW`. Most pages end here, at
   no extra cost.
2. Otherwise newsclean is unsure. It switches strict steps off one at a time over the same
   parsed tree — cleaning inside the body; then also the label over the most text; then
   the whole class-name vocabulary; then the landmark rules — keeping every attempt, and
   asks trafilatura for a second opinion.
3. The rule (:func:`judge`): the strictest attempt whose words agree with the second
   opinion (token F1 at least :data:`AGREEMENT`) wins. When none agrees, the second opinion
   wins if it is over :data:`UNSURE_RESCUE_RATIO` times longer than our strict body when
   that was found with low confidence, or over :data:`RESCUE_RATIO` times longer when it was
   not (ours lost most of the article). Both are compared without the page's headline:
   trafilatura keeps the ``h1`` in its body, ours is the title and never in it.
   Else the strict attempt stands, or, when it is empty, the attempt with only cleaning
   switched off (the others need the second opinion's word: a page of menus and footers
   must not become an article). Agreement between two independent extractors beats either
   alone (Bevendorff et al., SIGIR 2023).

The attempts share one :class:`~newsclean.layers.PageScan` of the page, so a relaxed attempt
only rebuilds labels from what was read once; the attempt with only cleaning off is the
strict one less the labels cleaning added, with the same body containers; and an attempt
whose labels equal an earlier relaxed one's has its body too. The second opinion is asked
only on pages of at most :data:`SECOND_OPINION_MAX_CHARS` characters of text: trafilatura
takes seconds per megabyte.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import collapse
from newsclean.body import extract_blocks, find_body
from newsclean.fallback import FALLBACK_BELOW, fallback_blocks
from newsclean.layers import Labels, PageScan, label_layers
from newsclean.model import Block, Layer
from newsclean.profiles.base import Profile

__all__ = ["AGREEMENT", "KEPT_SHARE", "RESCUE_RATIO", "SECOND_OPINION_MAX_CHARS", "SURE_PROSE_SHARE",
           "UNSURE_RESCUE_RATIO", "Attempt", "Relaxation", "Verdict", "agreement", "find_article", "judge"]

SURE_PROSE_SHARE = 0.2  # a body with a fifth of the page's prose is no lost article
KEPT_SHARE = 0.2  # a body that keeps less of its containers' text lost sections to labels inside it
AGREEMENT = 0.8  # token F1 at which two extractions are the same text
RESCUE_RATIO = 5.0  # a second opinion this many times longer than our body found what we lost
UNSURE_RESCUE_RATIO = 3.0  # …or this many times, when our body was found with low confidence
# Text (the body's characters) over which no second opinion is asked: ten long reads' worth,
# where trafilatura would take many times newsclean's whole pass (the devset's longest page
# that asks holds 605,000).
SECOND_OPINION_MAX_CHARS = 1_000_000
_TOKEN = re.compile(r"\w+")


class Relaxation(StrEnum):
    """A strict step that can be switched off when it may have taken the article."""

    CLEANING = "cleaning"  # conditional cleaning inside the chosen body (galleries, link lists)
    LIFT = "lift"  # the label over the most text lifted: the one a misfiring rule put on the story
    CLASS_NAMES = "class_names"  # the class/id vocabulary ("share", "gallery", "sidebar", …)
    LANDMARKS = "landmarks"  # the profile's selector rules, but chrome and hidden elements


# Each attempt switches off one more step than the one before, the narrowest first.
RELAXATIONS: tuple[frozenset[Relaxation], ...] = (
    frozenset({Relaxation.CLEANING}),
    frozenset({Relaxation.CLEANING, Relaxation.LIFT}),
    frozenset({Relaxation.CLEANING, Relaxation.CLASS_NAMES}),
    frozenset({Relaxation.CLEANING, Relaxation.CLASS_NAMES, Relaxation.LANDMARKS}),
)
_KEPT_WHEN_RELAXED = frozenset({Layer.CHROME, Layer.HIDDEN})  # never lifted, never switched off
_SAFE_ALONE = frozenset({Relaxation.CLEANING})  # an attempt that needs no second opinion to be trusted


@dataclass(slots=True)
class Attempt:
    """One pass of labelling and body finding, with the steps it had switched off."""

    relaxed: frozenset[Relaxation]
    labels: Labels
    roots: list[LexborNode]
    confidence: float
    blocks: tuple[Block, ...]
    sources: list[int]  # per block, the id of the element it came from
    marked: bool = False  # the site marked the body and a profile's selector found it
    cleaned: tuple[int, ...] = ()  # the ids conditional cleaning labelled

    @property
    def chars(self) -> int:
        return sum(len(block.text) for block in self.blocks)


@dataclass(slots=True)
class Verdict:
    """The attempt the body comes from, the body (its blocks, or the second opinion's), the
    path that gave it, and every attempt made."""

    attempt: Attempt
    blocks: tuple[Block, ...]
    extractor: str
    attempts: list[Attempt]


def find_article(tree: LexborHTMLParser, profile: Profile, *, converted: bool = False) -> Verdict:
    """Run the strict attempt; when it is unsure, ask the second opinion, then relax only as
    far as it takes to agree with it (without one, only cleaning may be switched off)."""
    scan = PageScan(tree, converted=converted)
    strict = run_attempt(tree, profile, frozenset(), scan)
    if _is_sure(strict):
        return Verdict(strict, strict.blocks, profile.name, [strict])
    asked = scan.page_chars() <= SECOND_OPINION_MAX_CHARS
    headline = _headline(scan, profile, strict.labels)
    opinion = _without_headline(fallback_blocks(tree.html or "", wrapped=converted) if asked else (), headline)
    relaxations = RELAXATIONS if opinion else tuple(r for r in RELAXATIONS if r <= _SAFE_ALONE)
    verdict = judge(_chain(tree, profile, strict, relaxations, scan), opinion, profile.name)
    if converted and asked and not opinion and not verdict.blocks:
        # precision mode found nothing on a pandoc form, and nor did we: before the page is
        # refused, trafilatura's default mode, which keeps more (metaset mc-1493663910's gfm form)
        rescue = _without_headline(fallback_blocks(tree.html or "", wrapped=True, precision=False), headline)
        if rescue:
            return Verdict(verdict.attempt, rescue, "trafilatura", verdict.attempts)
    return verdict


def _headline(scan: PageScan, profile: Profile, labels: Labels) -> str | None:
    """The text of the element the label step took as the page's headline, if any."""
    for selector in profile.headline:
        for node in scan.css(selector):
            if labels.get(node.mem_id) is Layer.HEADLINE:
                return collapse(node.text(deep=True))
    return None


def _without_headline(opinion: tuple[Block, ...], headline: str | None) -> tuple[Block, ...]:
    """trafilatura's body less the page's headline: ours never holds it (it is the title),
    so with it the two bodies are compared unfairly and a rescued body repeats the title."""
    if not headline or not opinion:
        return opinion
    first = opinion[0]
    if first.text.startswith(headline + " "):  # trafilatura glued the headline to the first paragraph
        opinion = (dataclasses.replace(first, text=first.text[len(headline) + 1:]), *opinion[1:])
    return tuple(block for block in opinion if block.text != headline)


def _chain(tree: LexborHTMLParser, profile: Profile, strict: Attempt,
           relaxations: Sequence[frozenset[Relaxation]], scan: PageScan | None = None) -> Iterator[Attempt]:
    """The strict attempt, then each relaxed one, made only when the judge asks for it."""
    yield strict
    made: list[Attempt] = []
    for relaxed in relaxations:
        attempt = _relaxed_attempt(tree, profile, relaxed, strict, made, scan)
        attempt.labels.dropped_code = strict.labels.dropped_code  # the strict pass took the scripts out
        made.append(attempt)
        yield attempt


def _relaxed_attempt(tree: LexborHTMLParser, profile: Profile, relaxed: frozenset[Relaxation], strict: Attempt,
                     made: Sequence[Attempt], scan: PageScan | None) -> Attempt:
    """:func:`run_attempt` with cleaning off, without redoing what is known. Cleaning comes last
    in an attempt, so with only cleaning off the labels are the strict attempt's less the ones
    cleaning added, and the body containers are the same; and labels equal to an earlier
    relaxed attempt's (cleaning off in both) give the same body."""
    if relaxed == _SAFE_ALONE and not strict.relaxed:
        labels = strict.labels.copy_without(set(strict.cleaned))
        if not strict.cleaned:
            return Attempt(relaxed, labels, strict.roots, strict.confidence, strict.blocks, strict.sources,
                           strict.marked)
        sources: list[int] = []
        blocks = extract_blocks(strict.roots, labels, sources=sources, dropped=profile.dropped_line_pattern)
        return Attempt(relaxed, labels, strict.roots, strict.confidence, blocks, sources, strict.marked)
    variant = relaxed_profile(profile, relaxed)
    labels = label_layers(tree, variant, scan)
    if Relaxation.LIFT in relaxed:
        _lift_widest_label(labels)
    for earlier in made:
        if earlier.labels == labels:
            return Attempt(relaxed, labels, earlier.roots, earlier.confidence, earlier.blocks, earlier.sources,
                           earlier.marked)
    return _finish_attempt(tree, variant, relaxed, labels, scan)


def run_attempt(tree: LexborHTMLParser, profile: Profile, relaxed: frozenset[Relaxation],
                scan: PageScan | None = None) -> Attempt:
    """Label the layers and find the body with the given steps switched off. ``scan`` keeps
    what was read off the page for the next attempt on it."""
    variant = relaxed_profile(profile, relaxed)
    labels = label_layers(tree, variant, scan)
    if Relaxation.LIFT in relaxed:
        _lift_widest_label(labels)
    return _finish_attempt(tree, variant, relaxed, labels, scan)


def _finish_attempt(tree: LexborHTMLParser, variant: Profile, relaxed: frozenset[Relaxation], labels: Labels,
                    scan: PageScan | None) -> Attempt:
    """Find the body with the attempt's labels and cut it into blocks."""
    cleaned: list[int] = []
    roots, confidence, marked = find_body(tree, variant, labels, scan, cleaned=cleaned)
    sources: list[int] = []
    blocks = extract_blocks(roots, labels, sources=sources, dropped=variant.dropped_line_pattern)
    return Attempt(relaxed, labels, roots, confidence, blocks, sources, marked, tuple(cleaned))


def _lift_widest_label(labels: Labels) -> None:
    """Take the label off the outermost labelled element that holds the most text (labels
    inside it stay): when a rule misfires on the story's own container, that is the one."""
    widest, widest_chars = None, 0
    for node in labels.in_order():
        if labels[node.mem_id] in _KEPT_WHEN_RELAXED or labels.enclosing(node):
            continue
        chars = len(node.text(deep=True))
        if chars > widest_chars:
            widest, widest_chars = node, chars
    labels.forget_order()
    if widest is not None:
        del labels[widest.mem_id]


@lru_cache(maxsize=32)
def relaxed_profile(profile: Profile, relaxed: frozenset[Relaxation]) -> Profile:
    """The profile with the relaxed steps' tables emptied: switching a step off is data."""
    if not relaxed:
        return profile
    changes: dict[str, object] = {}
    if Relaxation.CLEANING in relaxed:
        changes["clean_inside_body"] = False
    if Relaxation.CLASS_NAMES in relaxed:
        changes["class_names"] = ()
    if Relaxation.LANDMARKS in relaxed:
        changes["layers"] = tuple(rule for rule in profile.layers if rule.layer in _KEPT_WHEN_RELAXED)
    return dataclasses.replace(profile, **changes)


def _is_sure(attempt: Attempt) -> bool:
    """A body the site marked (a profile's selector), or one with a fair share of the page's
    prose and of its containers' text, found with fair confidence."""
    if not attempt.blocks:
        return False
    if attempt.marked:
        return True
    prose = attempt.labels.prose_chars
    if attempt.chars < KEPT_SHARE * sum(len(root.text(deep=True).strip()) for root in attempt.roots):
        return False
    return attempt.confidence >= FALLBACK_BELOW and (prose == 0 or attempt.chars >= SURE_PROSE_SHARE * prose)


def judge(attempts: Iterable[Attempt], opinion: Sequence[Block], own_name: str) -> Verdict:
    """Choose the body by the rule in the module's docstring. ``attempts`` come strictest
    first and are drawn one at a time: the first that agrees ends the search (without a
    second opinion, the first that the rule would choose)."""
    theirs = _tokens(" ".join(block.text for block in opinion)) if opinion else None
    agreed: dict[tuple[Block, ...], bool] = {}  # attempts often find the same body: ask once
    made: list[Attempt] = []
    for attempt in attempts:
        made.append(attempt)
        if theirs is None:
            if attempt.blocks and attempt.relaxed <= _SAFE_ALONE:
                break  # without a second opinion this one is chosen (below): no need to make the rest
            continue
        if attempt.blocks:
            if attempt.blocks not in agreed:
                agreed[attempt.blocks] = _agreement(_tokens(_text(attempt.blocks)), theirs) >= AGREEMENT
            if agreed[attempt.blocks]:
                return Verdict(attempt, attempt.blocks, own_name, made)
    strict = made[0]
    if opinion and sum(len(block.text) for block in opinion) > _rescue_ratio(strict) * strict.chars:
        return Verdict(strict, tuple(opinion), "trafilatura", made)
    # Without a second opinion's word only cleaning may be undone: the labels stay as they are.
    chosen = next((a for a in made if a.blocks and a.relaxed <= _SAFE_ALONE), strict)
    return Verdict(chosen, chosen.blocks, own_name, made)


def _rescue_ratio(strict: Attempt) -> float:
    """How much longer the second opinion must be to replace our body: :data:`UNSURE_RESCUE_RATIO`
    times when our body was found with low confidence, :data:`RESCUE_RATIO` times when it was not."""
    return UNSURE_RESCUE_RATIO if strict.confidence < FALLBACK_BELOW else RESCUE_RATIO


def agreement(ours: str, theirs: str) -> float:
    """Token F1 between two texts: bags of lower-cased words, as the benchmark counts."""
    return _agreement(_tokens(ours), _tokens(theirs))


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def _agreement(mine: Counter[str], other: Counter[str]) -> float:
    total = sum(mine.values()) + sum(other.values())
    return 2 * sum((mine & other).values()) / total if total else 0.0


def _text(blocks: Sequence[Block]) -> str:
    return " ".join(block.text for block in blocks)
