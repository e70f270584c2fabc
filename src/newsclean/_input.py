"""Turn the caller's markup into text and name its form; nothing here parses the page.

Bytes are decoded in the order a browser would: a byte-order mark, then the charset the
page declares (``<meta charset>`` or ``http-equiv``), then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from newsclean.errors import DecodeError, InputTooLarge, InvalidInput
from newsclean.model import Form

__all__ = ["DecodedInput", "decode", "detect_form", "read_input"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_CHARSET_SNIFF_BYTES = 4096
# What browsers do (WHATWG Encoding): these labels mean windows-1252.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|\?xml)\b", re.I | re.S)
_PANDOC_FENCE = re.compile(r"^ {0,3}:{3,}", re.M)
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\s]+")
_BLOCK_TAG = re.compile(r"<(?:div|p|section|article|figure|span|table|ul|ol|h[1-6]|a)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True, slots=True)
class DecodedInput:
    """The markup as text, the charset it was decoded from (None for str), and its form."""

    text: str
    encoding: str | None
    form: Form


def read_input(markup: str | bytes, *, form: Form | str | None, max_bytes: int) -> DecodedInput:
    """Check, decode and classify the caller's markup."""
    if not isinstance(markup, (str, bytes, bytearray, memoryview)):
        raise InvalidInput(f"markup must be str or bytes, not {type(markup).__name__}")
    size = len(markup) if isinstance(markup, str) else len(bytes(markup))
    if size > max_bytes:
        raise InputTooLarge(f"markup is {size:,} {'characters' if isinstance(markup, str) else 'bytes'}; "
                            f"the limit is {max_bytes:,} (raise it with max_bytes=)")
    text, encoding = decode(markup)
    return DecodedInput(text=text, encoding=encoding, form=_as_form(form) or detect_form(text))


def _as_form(form: Form | str | None) -> Form | None:
    if form is None:
        return None
    try:
        return Form(form)
    except ValueError:
        raise InvalidInput(f"form must be one of {[f.value for f in Form]}, not {form!r}") from None


def decode(markup: str | bytes | bytearray | memoryview) -> tuple[str, str | None]:
    """Text and the charset it came from: BOM, then declared charset, then detection."""
    if isinstance(markup, str):
        return markup, None
    data = bytes(markup)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec) or _raise_undecodable(codec), codec
    declared = _declared_charset(data)
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return text, declared
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(f"{len(data):,} bytes match no known charset (tried {declared or 'no declared charset'}, utf-8, detection)")
    return str(best), best.encoding


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _raise_undecodable(codec: str) -> str:
    raise DecodeError(f"the byte-order mark says {codec}, but the bytes are not valid {codec}")


def detect_form(text: str) -> Form:
    """Guess the form: an HTML document, pandoc markdown (with or without raw HTML), or clean text."""
    if _HTML_START.match(text):
        return Form.HTML
    if _PANDOC_FENCE.search(text) or _MARKDOWN_LINK.search(text):
        return Form.PANDOC
    if _BLOCK_TAG.search(text):
        return Form.HTML
    return Form.TEXT
