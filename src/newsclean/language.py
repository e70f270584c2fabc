"""The language a page is written in when its markup does not say.

A pandoc form keeps no ``<html lang>``, and some pages declare none; the dates they show
("21.dez.2018 às 12h55", "Publié le 29 juin 2019") can only be read in their language.
py3langid (langid.py's naive Bayes model over byte n-grams, in numpy) guesses it from the
page's prose. Imported on first use: the model takes about half a second to load, and pages
that declare their language or show dates in numbers never need it.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsclean._dom import node_text

__all__ = ["guess_language"]

_PROSE_CHARS = 80  # a paragraph this long is prose, not a menu or a button
_SAMPLE_CHARS = 2_000  # enough text for a sure guess; more only costs time
_MIN_SAMPLE_CHARS = 150  # below this a guess is too often wrong
_MIN_CONFIDENCE = 0.9  # the model's probability for its best language, below which it abstains

_loaded: dict[str, Any] = {}  # "identifier" → py3langid's LanguageIdentifier, or None once it failed


def guess_language(tree: LexborHTMLParser) -> str | None:
    """The ISO 639-1 code of the language of the page's paragraphs ("pt"), or None when there
    is too little prose, the model is unsure, or py3langid cannot be imported."""
    sample = _prose_sample(tree)
    if len(sample) < _MIN_SAMPLE_CHARS:
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    code, _ = identifier.classify(sample)
    return None if code == "und" else str(code)


def _prose_sample(tree: LexborHTMLParser) -> str:
    """The page's first long paragraphs, about :data:`_SAMPLE_CHARS` characters of them."""
    parts: list[str] = []
    size = 0
    for paragraph in tree.css("p"):
        text = node_text(paragraph)
        if len(text) >= _PROSE_CHARS:
            parts.append(text)
            size += len(text)
            if size >= _SAMPLE_CHARS:
                break
    return " ".join(parts)[:_SAMPLE_CHARS]


def _identifier() -> Any:
    """newsclean's own py3langid identifier (its probabilities normalised, so that it can
    abstain), loaded once; None when py3langid is not installed."""
    if "identifier" not in _loaded:
        try:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
        except ImportError:
            _loaded["identifier"] = None
        else:
            _loaded["identifier"] = LanguageIdentifier.from_model_file(
                MODEL_FILE, norm_probs=True, min_confidence=_MIN_CONFIDENCE)
    return _loaded["identifier"]
