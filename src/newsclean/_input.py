"""Turn the caller's markup into text and name its form; nothing here parses the page.

Bytes are decoded in the order a browser would: a byte-order mark, then the charset the
page declares (``<meta charset>`` or ``http-equiv``), then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from dataclasses import dataclass

import charset_normalizer

from newsclean.errors import DecodeError, InputTooLarge, InvalidInput
from newsclean.model import Form

__all__ = ["GZIP_MAGIC", "DecodedInput", "decode", "detect_form", "read_file", "read_input", "read_limited"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_CHARSET_SNIFF_BYTES = 4096
_CHAOS_TOLERANCE = 0.01
_BINARY_SNIFF_BYTES = 4096
_MAX_CONTROL_SHARE = 0.10
_MAX_STRAY_BYTES = 64
# Charsets web pages are really written in (WHATWG Encoding's legacy set, by Python name).
_WEB_CHARSETS = frozenset({
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
    "mac_roman", "gb18030", "gb2312", "gbk", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp",
    "iso2022_jp", "euc_kr", "cp949", "tis_620", "cp874", "utf_16", "utf_16_le", "utf_16_be",
})
_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "iso8859-15", "cp1250", "cp1251", "koi8-r", "mac-roman"})
# What browsers do (WHATWG Encoding): these labels mean windows-1252.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

GZIP_MAGIC = b"\x1f\x8b"
_READ_CHUNK = 1 << 20

# What a mistaken path or URL looks like: one short line with a scheme; or a page file's
# ending or a path's start (/, ./, ../, ~/, C:\), with no blanks unless it has both.
_MAX_PATH_CHARS = 4096
_URL = re.compile(r"(?:https?|ftp|file)://\S+\Z|www\.[\w-]+\.[\w.-]+(?:/\S*)?\Z", re.I)
_PAGE_FILE_NAME = re.compile(r"[^\s<>\"]\.(?:html?|xhtml|md|markdown|txt|warc|gz)\Z", re.I)
_PATH_START = re.compile(r"(?:~|\.{1,2})?[/\\]|[a-z]:[/\\]", re.I)

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|\?xml)\b", re.I | re.S)
_PANDOC_FENCE = re.compile(r"^ {0,3}:{3,}", re.M)
# A markdown link: its destination, maybe a title, then ")": "[alpha](disabled by default)"
# in a sentence is none.
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\((?:<[^<>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'|\([^()]{0,500}\)))?\s*\)")
_GRID_TABLE = re.compile(r"^\+(?:[-=:]{3,}\+)+[ \t]*\n\|", re.M)  # a pandoc grid table's rule, then a row
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_PANDOC_RAW_TAG_LINES = re.compile(r"^</div>\n\n</?div\b[^\n]*\n\n", re.M)
_BLOCK_TAG = re.compile(r"<(?:div|p|section|article|figure|span|table|ul|ol|h[1-6]|a)\b[^>]*>", re.I)
# Markup starts with a tag (after blanks and comments): a page's first tag may be a <script>,
# a <meta>, or a crawl's own wrapper (CleanEval's <text id=…>) before its <!DOCTYPE>. Clean
# text that quotes tags ("The <table> HTML element represents …") starts with words.
_TAG_START = re.compile(r"\A[\s\ufeff]*(?:<!--.*?-->\s*)*<[A-Za-z!?]", re.S)
# A document's own tags near its start, which pandoc never writes (its markdown keeps no
# <head> or <body>; one far down is in a code sample).
_DOCUMENT_TAG = re.compile(r"<(?:!doctype|html|head|body)\b[^<>]*>", re.I)
_DOCUMENT_TAG_WITHIN = 20_000
# A line of prose as clean text has it, one paragraph to a line (100 characters, ten words,
# no tag): pandoc wraps its lines at 72 columns, and its tables' rows start with "|".
_PROSE_LINE = re.compile(r"^(?!\|)(?=[^<\n]{100})(?:[^\s<]+[ \t]+){10}", re.M)


@dataclass(frozen=True, slots=True)
class DecodedInput:
    """The markup as text, the charset it was decoded from (None for str), and its form."""

    text: str
    encoding: str | None
    form: Form
    # The caller's bytes when they are exactly ``text`` in UTF-8 (no BOM, no NUL): the parser
    # reads them as they are instead of encoding ``text`` back to UTF-8.
    utf8: bytes | None = None


def read_input(markup: str | bytes | os.PathLike[str], *, form: Form | str | None,
               max_bytes: int) -> DecodedInput:
    """Check, decode and classify the caller's markup; a path (``os.PathLike``) is read first."""
    if isinstance(markup, os.PathLike):
        markup = read_file(markup, max_bytes=max_bytes)
    if not isinstance(markup, (str, bytes, bytearray, memoryview)):
        raise InvalidInput(f"markup must be str or bytes (or a path object, os.PathLike), not {type(markup).__name__}")
    if form is None:
        _refuse_path_or_url(markup)
    size = len(markup) if isinstance(markup, str) else len(bytes(markup))
    if size > max_bytes:
        raise InputTooLarge(f"markup is {size:,} {'characters' if isinstance(markup, str) else 'bytes'}; "
                            f"the limit is {max_bytes:,} (raise it with max_bytes=)")
    text, encoding, exact_utf8 = _decode(markup)
    if "\x00" in text:
        text, exact_utf8 = text.replace("\x00", ""), None  # NUL is never text; parsers make it U+FFFD
    return DecodedInput(text=text, encoding=encoding, form=_as_form(form) or detect_form(text), utf8=exact_utf8)


def read_file(path: str | os.PathLike[str], *, max_bytes: int) -> bytes:
    """A page file's bytes, gunzipped when they are gzip (by their magic bytes, whatever
    the name). The limit holds for the bytes on disk and for what they unpack to, so a
    small gzip bomb is refused like a large page. OSError (no such file…) passes through."""
    with open(path, "rb") as raw:
        head = raw.read(len(GZIP_MAGIC))
        raw.seek(0)
        if head != GZIP_MAGIC:
            return read_limited(raw, max_bytes, os.fspath(path))
        try:
            with gzip.GzipFile(fileobj=raw) as unpacked:
                return read_limited(unpacked, max_bytes, os.fspath(path), unpacked=True)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise DecodeError(f"{os.fspath(path)}: a damaged gzip file ({exc})") from None


def read_limited(stream: object, max_bytes: int, name: str, *, unpacked: bool = False) -> bytes:
    """Read a stream (file, standard input, WARC record) to its end, at most ``max_bytes``:
    one byte more is InputTooLarge, so every input path has the same limit."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_READ_CHUNK, max_bytes + 1 - size))  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    what = "unpacks to more than" if unpacked else "is more than"
    raise InputTooLarge(f"{name} {what} {max_bytes:,} bytes (raise the limit: max_bytes= in Python, "
                        "--max-bytes on the command line)")


def _refuse_path_or_url(markup: str | bytes | bytearray | memoryview) -> None:
    """A short single line that reads as a URL or a file path is a mistake, not an article:
    newsclean never fetches, and a str is always markup (pass ``pathlib.Path`` to read a file)."""
    if len(markup) > _MAX_PATH_CHARS:
        return
    line = (markup if isinstance(markup, str) else bytes(markup).decode("utf-8", "replace")).strip()
    if not line or "\n" in line:
        return
    if _URL.match(line):
        raise InvalidInput(f"{line[:80]!r} is a URL, not markup: newsclean does not fetch pages. Download the "
                           "page and pass its bytes (url= names the page's address).")
    blank_free = not any(c.isspace() for c in line)
    if (_PATH_START.match(line) and (blank_free or _PAGE_FILE_NAME.search(line))) or \
            (blank_free and _PAGE_FILE_NAME.search(line)):
        raise InvalidInput(f"{line[:80]!r} looks like a file path, not markup: a str is always the page itself. "
                           "To read a file, pass a path object: newsclean.clean(pathlib.Path(...)).")


def _as_form(form: Form | str | None) -> Form | None:
    if form is None:
        return None
    try:
        return Form(form)
    except ValueError:
        raise InvalidInput(f"form must be one of {[f.value for f in Form]}, not {form!r}") from None


def decode(markup: str | bytes | bytearray | memoryview) -> tuple[str, str | None]:
    """Text and the charset it came from: BOM, then declared charset, then detection."""
    text, encoding, _ = _decode(markup)
    return text, encoding


def _decode(markup: str | bytes | bytearray | memoryview) -> tuple[str, str | None, bytes | None]:
    """:func:`decode`, and the bytes themselves when they were read as valid UTF-8."""
    if isinstance(markup, str):
        return markup, None, None
    data = bytes(markup)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec) or _raise_undecodable(codec), codec, None
    _refuse_binary(data)
    declared = _declared_charset(data)
    utf8 = _strict(data, "utf-8")
    if declared and not (utf8 is not None and _is_single_byte(declared) and not data.isascii()):
        if declared == "utf-8" and utf8 is not None:
            return utf8, declared, data
        text = _strict(data, declared)
        if text is not None:
            return text, declared, None
    # Valid UTF-8 with multi-byte sequences is never a coincidence: a page that declares a
    # single-byte charset but is UTF-8 gets UTF-8, not mojibake.
    if utf8 is not None:
        return utf8, "utf-8", data
    mixed = _mostly_utf8(data) if declared in (None, "utf-8") else None
    if mixed is not None:
        return mixed, "utf-8", None
    text, encoding = _detected(data, declared)
    return text, encoding, None


# Bytes below 32 but tab, line feed, form feed and carriage return: no markup is made of them.
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13))


def _refuse_binary(data: bytes) -> None:
    """Markup is text: many control bytes at the start mean an image, a PDF, a zip…"""
    head = data[:_BINARY_SNIFF_BYTES]
    if not head:
        return
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > _MAX_CONTROL_SHARE:
        raise DecodeError(f"this looks like binary data, not markup: {controls} of the first {len(head)} bytes "
                          "are control characters")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters (a page pasted together from two
    encodings): each invalid byte is read as windows-1252, the rest as UTF-8."""
    invalid = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if invalid > max(_MAX_STRAY_BYTES, len(data) // 1000):
        return None
    return data.decode("utf-8", errors="newsclean-cp1252")


def _cp1252_for_invalid_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("newsclean-cp1252", _cp1252_for_invalid_bytes)


def _detected(data: bytes, declared: str | None) -> tuple[str, str]:
    """charset-normalizer's guess among charsets seen on the web; windows-1252 on a tie or
    when it finds none, as browsers default to."""
    matches = [m for m in charset_normalizer.from_bytes(data) if m.encoding is not None]
    web = [m for m in matches if m.encoding in _WEB_CHARSETS]
    if web:
        best = min(web, key=lambda m: m.chaos)
        western = next((m for m in web if m.encoding == "cp1252" and m.chaos <= best.chaos + _CHAOS_TOLERANCE), None)
        chosen = western or best
        return str(chosen), chosen.encoding
    western_text = _strict(data, "cp1252")
    if western_text is not None:
        return western_text, "cp1252"
    if matches:
        return str(matches[0]), matches[0].encoding
    raise DecodeError(f"{len(data):,} bytes match no known charset "
                      f"(tried {declared or 'no declared charset'}, utf-8, detection)")


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


def _is_single_byte(codec: str) -> bool:
    return codecs.lookup(codec).name in _SINGLE_BYTE or codec.startswith(("cp", "iso8859", "windows"))


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
    starts_with_tag = _TAG_START.match(text) is not None
    if starts_with_tag and _DOCUMENT_TAG.search(text, 0, _DOCUMENT_TAG_WITHIN):
        return Form.HTML  # (a script's "a[i](x)" or a ":::" in a title is no markdown)
    if _PANDOC_FENCE.search(text) or _MARKDOWN_LINK.search(text) or _GRID_TABLE.search(text):
        return Form.PANDOC
    if _BLOCK_TAG.search(text):
        # Raw HTML with markdown headings, or raw tags each alone between blank lines (as
        # pandoc -t gfm writes them): markdown. A bare fragment of HTML has neither. Text
        # that starts with words and runs its paragraphs on long lines only names tags in
        # its sentences ("The <table> HTML element represents …"): clean text.
        if _MARKDOWN_HEADING.search(text) or _PANDOC_RAW_TAG_LINES.search(text):
            return Form.PANDOC
        return Form.HTML if starts_with_tag or _PROSE_LINE.search(text) is None else Form.TEXT
    return Form.TEXT
