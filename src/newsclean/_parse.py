"""Parse markup into one selectolax-lexbor tree; pandoc markdown is rendered to HTML first.

Nesting depth is bounded before parsing: lexbor's cost grows with the stack depth at each tag
(100,000 nested elements take it about 14 s), and walks over such a tree would be as slow.
Tags deeper than the bound are dropped and their text kept, so such a page still cleans. A
long page is first only measured (its tags are counted onto a stack of names, no copy made);
it is rewritten only when something is that deep. A page of UTF-8 bytes with nothing too
deep is parsed from its bytes, as a short one is.
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
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>",  # a tag (its attributes end in "/" when self-closing)
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
        bounded = bound_depth(text, max_depth)
        if bounded is text and utf8 is not None:
            return LexborHTMLParser(utf8)  # nothing too deep: the bytes as they are (no copy to encode)
        text = bounded
    return LexborHTMLParser(text)


def bound_depth(html: str, max_depth: int) -> str:
    """The markup with every element nested deeper than ``max_depth`` unwrapped (text kept);
    the same string when nothing was that deep."""
    if _deepest(html, max_depth) <= max_depth:
        return html  # what nearly every page is: measured without writing a copy
    return _unwrap_deep(html, max_depth)


def _unwrap_deep(html: str, max_depth: int) -> str:
    """:func:`bound_depth`'s rewrite, tag by tag."""
    out: list[str] = []
    dropped = False
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    position = 0
    for match in _TOKEN.finditer(html):
        out.append(html[position:match.start()])
        position = match.end()
        raw_text, closing, name, attributes = match.groups()
        if raw_text is not None or name is None:
            out.append(match.group(0))
            continue
        self_closing = attributes.endswith("/")
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


def _deepest(html: str, max_depth: int) -> int:
    """How deep :func:`bound_depth`'s stack of open elements goes (the same tokens, the same
    pushes and pops), or ``max_depth + 1`` as soon as it goes deeper than ``max_depth``."""
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    deepest = 0
    for match in _TOKEN.finditer(html):  # (not findall: a long page has millions of tags)
        raw_text, closing, name, attributes = match.groups()
        if raw_text is not None or name is None:
            continue  # a comment, or a raw-text element whole
        name = name.lower()
        if closing:
            if stack and stack[-1] == name:
                pop()
            elif name in stack:  # else a stray closing tag, ignored
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        elif name in _VOID or attributes.endswith("/"):
            continue
        else:
            if stack and stack[-1] == name and name in _SELF_CLOSING_SIBLINGS:
                pop()
            push(name)
            if len(stack) > deepest:
                deepest = len(stack)
                if deepest > max_depth:
                    return deepest
    return deepest


def _close(stack: list[tuple[str, bool]], name: str) -> bool:
    """Pop up to the nearest open ``name``; True when its closing tag should be kept."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            kept = stack[index][1]
            del stack[index:]
            return kept
    return True  # a stray closing tag: the parser ignores it as it would anyway
