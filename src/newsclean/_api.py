"""``clean()``: runs the phases in order — decode, detect form, parse once, label layers and
find the body (a chain of attempts when unsure), judge, read metadata — and assembles the Article."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._input import DecodedInput, read_input
from newsclean._parse import parse
from newsclean.attempts import Attempt, find_article
from newsclean.body import SELECTOR_CONFIDENCE, extract_blocks
from newsclean.errors import NotAnArticle
from newsclean.layers import Labels, layer_report
from newsclean.metadata import declares_one_article, extract_metadata
from newsclean.model import Article, Block, BlockKind, Form
from newsclean.profiles import Profile, select_profile
from newsclean.verdict import ensure_article, ensure_not_a_section_front, may_be_section_front

__all__ = ["DEFAULT_MAX_BYTES", "Analysis", "analyse", "clean", "clean_text", "finish"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(slots=True)
class Analysis:
    """Everything the phases found on one page (the inspector reads it to draw its report):
    the chosen attempt's labels, roots and blocks, and every attempt made, strictest first."""

    decoded: DecodedInput
    tree: LexborHTMLParser
    profile: Profile
    labels: Labels
    roots: list[LexborNode]
    confidence: float
    blocks: tuple[Block, ...]
    extractor: str
    block_sources: list[int]  # per block, the id of the element it came from (the inspector marks them)
    attempts: list[Attempt]
    cleaned: tuple[int, ...] = ()  # the ids conditional cleaning labelled inside the chosen body


def clean(markup: str | bytes | os.PathLike[str], *, url: str | None = None,
          form: Form | str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Clean one news page — HTML, pandoc markdown or clean text — into an :class:`Article`.

    ``markup`` is the page itself: a ``str`` is always markup, never a file name; ``bytes``
    in any charset are decoded (BOM, declared charset, detection); a path object
    (``pathlib.Path``, any ``os.PathLike``) is read from disk, gunzipped when it is gzip.

    Options:
      ``url``: the page's address; picks the site profile by host and fills ``Article.url``
        when the page has no canonical link. newsclean never fetches it.
      ``form``: "html", "pandoc" or "text" (or a :class:`Form`) forces the input form
        instead of detecting it.
      ``max_bytes``: the size limit (64 MiB by default), for the markup and for a file on
        disk or unpacked.

    Raises (all :class:`~newsclean.NewscleanError`):
      :class:`~newsclean.NotAnArticle`: the page has no article body (section front, empty
        page); the message says what was seen.
      :class:`~newsclean.InputTooLarge`: over ``max_bytes``.
      :class:`~newsclean.DecodeError`: bytes no charset reads, binary data, a damaged gzip file.
      :class:`~newsclean.InvalidInput`: a wrong type or ``form``, or a short single-line
        ``str`` that is a URL or a file path (pass ``pathlib.Path`` to read a file).
    Reading a path can also raise ``OSError`` (no such file, no permission). When
    trafilatura, the fallback, cannot be imported, a :class:`~newsclean.FallbackUnavailable`
    warning is issued once.
    """
    decoded = read_input(markup, form=form, max_bytes=max_bytes)
    if decoded.form is Form.TEXT:
        return clean_text(decoded)
    return finish(analyse(decoded, url=url), url=url)


def analyse(decoded: DecodedInput, *, url: str | None) -> Analysis:
    """Parse once, then find the body through the chain of attempts (:mod:`newsclean.attempts`)."""
    tree = parse(decoded.text, decoded.form, utf8=decoded.utf8)
    profile = select_profile(tree, url)
    converted = decoded.form is Form.PANDOC
    verdict = find_article(tree, profile, converted=converted)
    if not verdict.blocks and _shown_without_script(tree):
        verdict = find_article(tree, profile, converted=converted)  # as a browser without JavaScript shows it
    chosen = verdict.attempt
    sources = chosen.sources if verdict.blocks is chosen.blocks else []
    return Analysis(decoded, tree, profile, chosen.labels, chosen.roots, chosen.confidence, verdict.blocks,
                    verdict.extractor, sources, verdict.attempts, chosen.cleaned)


_MIN_NOSCRIPT_CHARS = 200  # more than a "Please enable JavaScript" notice


def _shown_without_script(tree: LexborHTMLParser) -> bool:
    """Unwrap the body's ``<noscript>`` elements when, with no body found, they hold text: a page
    that renders its article by script often writes it there too (Blogger's dynamic views).
    True when the tree changed."""
    body = tree.body
    blocks = [node for node in body.css("noscript") if node.child is not None] if body is not None else []
    if sum(len(node.text(deep=True).strip()) for node in blocks) < _MIN_NOSCRIPT_CHARS:
        return False
    for node in blocks:
        node.unwrap()
    return True


def finish(analysis: Analysis, *, url: str | None) -> Article:
    """Judge the page (NotAnArticle for a section front or an empty body, carrying the page's
    metadata), read the metadata."""
    try:
        _judge(analysis)
    except NotAnArticle as exc:
        exc.page = _article(analysis, (), url=url)
        raise
    return _article(analysis, analysis.blocks, url=url)


def _judge(analysis: Analysis) -> None:
    """Raise NotAnArticle for a page of story cards or a page with no body text."""
    tree, profile = analysis.tree, analysis.profile
    strict = analysis.attempts[0]
    # A page of story cards is not an article, whatever scoring picked from it: the whole body
    # is judged, unless a selector marked the article, or the strict body is the whole body
    # already, or the page has too few lines that could be a card's byline to be one, or it
    # declares itself one article (its bylined cards are related stories).
    body = tree.body
    judged: tuple[Block, ...] | None = None  # blocks already found no section front
    if strict.confidence >= SELECTOR_CONFIDENCE or body is None or \
            (len(strict.roots) == 1 and strict.roots[0].mem_id == body.mem_id):
        ensure_not_a_section_front(strict.blocks, profile)
        judged = strict.blocks
    elif may_be_section_front(strict.labels.byline_starts) and not declares_one_article(tree):
        ensure_not_a_section_front(extract_blocks([body], strict.labels, markdown=False,
                                                  dropped=profile.dropped_line_pattern), profile)
    ensure_article(analysis.blocks, profile, form=analysis.decoded.form.value, labelled=len(strict.labels),
                   cards_judged=analysis.blocks is judged)


def _article(analysis: Analysis, blocks: tuple[Block, ...], *, url: str | None) -> Article:
    """The Article: ``blocks`` as its body, the page's metadata and layer report."""
    decoded = analysis.decoded
    # Metadata reads the page's layers, not what cleaning cut from the body's text: a byline
    # block dense with links (author page, e-mail, follow buttons) is cut but still the byline.
    labels = analysis.labels.copy_without(set(analysis.cleaned)) if analysis.cleaned else analysis.labels
    meta = extract_metadata(analysis.tree, labels, analysis.profile, source=decoded.text, url=url,
                            converted=decoded.form is Form.PANDOC, body_start=_body_start(analysis, blocks))
    return Article(paragraphs=blocks, form=decoded.form, layers=layer_report(analysis.labels),
                   encoding=decoded.encoding, extractor=analysis.extractor, confidence=analysis.confidence,
                   **{field.name: getattr(meta, field.name) for field in fields(meta)})


_MIN_OPENING_CHARS = 80  # a sentence, not a breadcrumb or "Share" line left in the body (same metaset score)


def _body_start(analysis: Analysis, blocks: tuple[Block, ...]) -> int | None:
    """The id (``mem_id``) of the element the body's first paragraph came from (None without
    a body, or when the fallback found it): where the article's text starts, for the title step."""
    if blocks is not analysis.blocks or not analysis.block_sources:
        return None
    return next((source for block, source in zip(blocks, analysis.block_sources)
                 if block.kind is BlockKind.PARAGRAPH and len(block.text) >= _MIN_OPENING_CHARS), None)


def clean_text(decoded: DecodedInput) -> Article:
    """Clean text comes back as it is, one paragraph per blank-line-separated block."""
    paragraphs = tuple(Block(BlockKind.PARAGRAPH, part.strip(" \t\r\n"))
                       for part in _BLANK_LINES.split(decoded.text) if part.strip())
    if not paragraphs:
        raise NotAnArticle("the input is empty or only whitespace")
    return Article(paragraphs=paragraphs, form=Form.TEXT, encoding=decoded.encoding, extractor="text")
