"""Parse markup into one selectolax-lexbor tree; pandoc markdown is rendered to HTML first.

Nesting depth is bounded before parsing: lexbor's cost grows with the stack depth at each tag
(100,000 nested elements take it about 14 s), and walks over such a tree would be as slow.
Tags deeper than the bound are dropped and their text kept, so such a page still cleans.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from newsclean._markdown import markdown_to_html
from newsclean.model import Form

__all__ = ["DEFAULT_MAX_DEPTH", "SAFE_TAG_COUNT", "bound_depth", "parse"]

DEFAULT_MAX_DEPTH = 512
# Lexbor's worst case is about (tags)² / 2 stack steps: a page with at most this many "<" parses
# in a fraction of a second however it nests, so only longer pages are scanned tag by tag.
SAFE_TAG_COUNT = 20_000
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment: its text is not markup
    r"|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # raw-text elements, whole
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>",
    re.S | re.I,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option".split())  # <p><p> are siblings


def parse(text: str, form: Form, *, utf8: bytes | None = None, max_depth: int = DEFAULT_MAX_DEPTH) -> LexborHTMLParser:
    """The page's one tree. Called once per page: every later step reads this tree.

    ``utf8``, when given, is ``text`` as UTF-8 bytes: an HTML page is then parsed from them
    (lexbor reads UTF-8; encoding ``text`` again would cost as much as decoding it did)."""
    if form is Form.PANDOC:
        text, utf8 = markdown_to_html(text), None
    if utf8 is not None and utf8.count(b"<") <= SAFE_TAG_COUNT:
        return LexborHTMLParser(utf8)
    if text.count("<") > SAFE_TAG_COUNT:
        text = bound_depth(text, max_depth)
    return LexborHTMLParser(text)


def bound_depth(html: str, max_depth: int) -> str:
    """The markup with every element nested deeper than ``max_depth`` unwrapped (text kept);
    the same string when nothing was that deep."""
    out: list[str] = []
    dropped = False
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    position = 0
    for match in _TOKEN.finditer(html):
        out.append(html[position:match.start()])
        position = match.end()
        raw_text, closing, name, self_closing = match.group(1), match.group(2), match.group(3), match.group(4)
        if raw_text is not None or name is None:
            out.append(match.group(0))
            continue
        name = name.lower()
        if closing:
            kept = _close(stack, name)
            out.append(match.group(0) if kept else "")
            dropped = dropped or not kept
        elif name in _VOID or self_closing:
            out.append(match.group(0))
        else:
            if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
                stack.pop()
            kept = len(stack) < max_depth
            stack.append((name, kept))
            out.append(match.group(0) if kept else "")
            dropped = dropped or not kept
    if not dropped:
        return html
    out.append(html[position:])
    return "".join(out)


def _close(stack: list[tuple[str, bool]], name: str) -> bool:
    """Pop up to the nearest open ``name``; True when its closing tag should be kept."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            kept = stack[index][1]
            del stack[index:]
            return kept
    return True  # a stray closing tag: the parser ignores it as it would anyway
