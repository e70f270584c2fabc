"""Pandoc markdown → HTML with markdown-it-py, so that one HTML pipeline serves every form.

Two dialects come in. pandoc's gfm keeps raw ``<div class="css-…">`` blocks: CommonMark
with raw HTML renders it as it is. pandoc's own markdown writes the same divs as ``:::``
fences and classes as ``{#id .class key=value}`` after links, images, spans and headings, and
ASCII quotes and dashes for typographic ones: small markdown-it rules map each construct
back to the HTML it came from. Either way, an image whose alt text holds markup (pandoc's
rendering of a ``<figure>`` with its caption and credit) becomes a figure again.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.smartquotes import smartquotes
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attrs

__all__ = ["is_pandoc_markdown", "markdown_to_html"]

_FENCE_LINE = re.compile(r"^(:{3,})\s*(.*?)\s*:*\s*$")
_FENCE_LINE_ANYWHERE = re.compile(r"^ {0,3}:{3,}", re.M)
_FENCE_LINE_INDENTED = re.compile(r"^([ \t]*:{3,}[^\n]*)$", re.M)
_TRAILING_ATTRS = re.compile(r"\s*(\{[^{}]*\})\s*$")
_CLASS_WORD = re.compile(r"^[\w-]+$")
# pandoc wraps a heading whose text is a raw HTML link ("# <a\nhref=…>Title</a>"), but an ATX
# heading is one line: the lines up to the next blank one are joined back onto it.
# ("[^<>\n]*" after the last "<": a line of many "<" is tried in linear, not quadratic, time.)
_WRAPPED_HEADING = re.compile(r"^(#{1,6}[ \t][^\n]*<[A-Za-z][^<>\n]*)\n((?:[ \t]*\S[^\n]*(?:\n|$))+)", re.M)
_PANDOC_SMART = (("---", "\u2014"), ("--", "\u2013"), ("...", "\u2026"), ("'", "\u2019"))


def is_pandoc_markdown(text: str) -> bool:
    """True for pandoc's own dialect (fenced divs), False for gfm with raw HTML."""
    return bool(_FENCE_LINE_ANYWHERE.search(text))


def markdown_to_html(text: str) -> str:
    """Render pandoc markdown (either dialect) to an HTML fragment."""
    text = _WRAPPED_HEADING.sub(_join_heading, text)
    if _GRID_BORDER.search(text):
        text = grid_tables_as_divs(text)
    if not is_pandoc_markdown(text):
        return _gfm_renderer().render(text)
    # A raw HTML block runs on to the next blank line and would swallow a fence line after
    # it (``</div>`` then ``:::``): blank lines around every fence line end such blocks.
    return _pandoc_renderer().render(_FENCE_LINE_INDENTED.sub("\n\\1\n", text))


# pandoc's grid tables (how `-t markdown` writes an old page's layout tables): "+---+---+"
# borders, "|" between cells, each cell's markdown wrapped to its column's width.
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$", re.M)
_GRID_MAX_DEPTH = 32  # layout tables nest; a table deeper than this is left as it is


def grid_tables_as_divs(text: str, depth: int = 0) -> str:
    """Each grid table becomes raw ``<div>``s, a row per div and a cell per div inside it,
    with the cells' markdown between blank lines so it is read as markdown (pandoc's own
    reader does no more with a layout table). Nested tables are read the same way."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not _GRID_BORDER.match(line):
            out.append(line)
            index += 1
            continue
        end = _grid_table_end(lines, index)
        out.append(_grid_table_html(lines[index:end], depth))
        index = end
    return "\n".join(out)


def _grid_table_end(lines: list[str], start: int) -> int:
    """The index just past the table whose top border is ``lines[start]``."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and lines[end][indent:indent + 1] in ("|", "+") and \
            not lines[end][:indent].strip():
        end += 1
    return end


def _grid_table_html(table: list[str], depth: int) -> str:
    indent = len(table[0]) - len(table[0].lstrip())
    border = table[0].strip()
    edges = [i for i, char in enumerate(border) if char == "+"]
    rows: list[list[str]] = []
    row: list[str] = []
    for line in table[1:]:
        body = line[indent:].rstrip()
        if _GRID_BORDER.match(body):
            rows.append(row)
            row = []
        else:
            row.append(body)
    if row:
        rows.append(row)
    parts = ["", "<div class=\"grid-table\">", ""]
    for row_lines in rows:
        parts += ["<div class=\"grid-row\">", ""]
        for cell in _grid_cells(row_lines, edges):
            if depth < _GRID_MAX_DEPTH and _GRID_BORDER.search(cell):
                cell = grid_tables_as_divs(cell, depth + 1)
            parts += ["<div class=\"grid-cell\">", "", cell, "", "</div>", ""]
        parts += ["</div>", ""]
    parts += ["</div>", ""]
    return "\n".join(parts)


def _grid_cells(row_lines: list[str], edges: list[int]) -> list[str]:
    """Each column's text in a row, its lines dedented; a row whose lines do not keep the
    border's column edges (a cell spanning columns) is one cell."""
    if all(all(e < len(line) and line[e] == "|" for e in (edges[0], edges[-1])) and
           all(e >= len(line) or line[e] in "|+" for e in edges) for line in row_lines):
        columns = zip(edges, edges[1:])
        cells = ["\n".join(line[a + 1:b].rstrip() for line in row_lines) for a, b in columns]
    else:
        cells = ["\n".join(line.strip().strip("|").rstrip() for line in row_lines)]
    return [textwrap.dedent(cell).strip("\n") for cell in cells if cell.strip()]


def _join_heading(match: re.Match[str]) -> str:
    return match.group(1) + " " + " ".join(line.strip() for line in match.group(2).splitlines()) + "\n"


@lru_cache(maxsize=1)
def _gfm_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    _use_pandoc_layout(md)
    return md


@lru_cache(maxsize=1)
def _pandoc_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": True})
    md.enable("smartquotes")  # not "replacements": pandoc reads no (c), +-, !!!! shorthands
    md.block.ruler.before("fence", "pandoc_div", _fenced_div_line,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.core.ruler.before("inline", "pandoc_heading_attrs", _heading_attrs)
    md.core.ruler.after("smartquotes", "pandoc_image_alt_quotes", _typography_in_image_alts)
    md.core.ruler.after("pandoc_image_alt_quotes", "pandoc_punctuation", _pandoc_punctuation)
    attrs_plugin(md, spans=True)
    _let_links_hold_spans(md)
    _use_pandoc_layout(md)
    return md


def _use_pandoc_layout(md: MarkdownIt) -> None:
    """Settings both dialects share: pandoc never writes indented code, and figures come back."""
    # pandoc indents raw HTML nested in list items; CommonMark would take it for code.
    md.disable("code")
    md.add_render_rule("image", _render_image)


def _let_links_hold_spans(md: MarkdownIt) -> None:
    """Make ``[[name]{.x}](url)`` a link holding a span, as pandoc means it.

    markdown-it finds a link's label by skipping tokens in silent mode and takes any ``[``
    that skips more than one character for a nested link, which links may not hold; a span
    seen only when not silent is skipped one character at a time, so the label ends right.
    """
    span_rule = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "span")

    def span_when_parsing(state: Any, silent: bool) -> bool:
        return False if silent else span_rule(state, silent)

    md.inline.ruler.at("span", span_when_parsing)


def _fenced_div_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """One ``::: {attrs}`` line opens a ``<div>``; a bare ``:::`` line closes one."""
    line = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    match = _FENCE_LINE.match(line)
    if not match:
        return False
    if silent:
        return True
    info = match.group(2)
    token = state.push("html_block", "", 0)
    token.content = f"<div{_attrs_html(_fence_attrs(info))}>\n" if info else "</div>\n"
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def _fence_attrs(info: str) -> dict[str, Any]:
    if _CLASS_WORD.match(info):
        return {"class": info}
    return _parse_attr_block(info)


def _parse_attr_block(text: str) -> dict[str, Any]:
    try:
        return dict(parse_attrs(text)[1])
    except ParseError:
        return {}


def _attrs_html(attrs: dict[str, Any]) -> str:
    return "".join(f' {escape(str(k))}="{escape(str(v))}"' for k, v in attrs.items())


def _heading_attrs(state: StateCore) -> None:
    """Move a heading's trailing ``{#id .class}`` into the heading's attributes."""
    tokens = state.tokens
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type != "heading_open" or inline.type != "inline":
            continue
        match = _TRAILING_ATTRS.search(inline.content)
        if match:
            for key, value in _parse_attr_block(match.group(1)).items():
                opening.attrSet(key, value)
            inline.content = inline.content[:match.start()]


def _image_alts(tokens: Sequence[Token]) -> list[Token]:
    """The inline children of every image: pandoc puts captions and credits there."""
    return [child for token in tokens if token.type == "inline"
            for child in token.children or () if child.type == "image" and child.children]


def _typography_in_image_alts(state: StateCore) -> None:
    """markdown-it's smart quotes skip image alt text; run them there too."""
    alts = [Token("inline", "", 0, content=image.content, children=image.children)
            for image in _image_alts(state.tokens)]
    if alts:
        smartquotes(StateCore("", state.md, state.env, alts))


def _pandoc_punctuation(state: StateCore) -> None:
    """What pandoc's ``smart`` extension wrote as ASCII: ``---`` —, ``--`` –, ``...`` …, and a
    bare ``'`` ’ (pandoc escapes a literal one as ``\\'``, which stays as it is)."""
    runs = [token.children or [] for token in state.tokens if token.type == "inline"]
    runs += [image.children or [] for image in _image_alts(state.tokens)]
    for children in runs:
        for child in children:
            if child.type == "text":
                child.content = _smart_ascii(child.content)


def _smart_ascii(text: str) -> str:
    for ascii_form, typographic in _PANDOC_SMART:
        if ascii_form in text:
            text = text.replace(ascii_form, typographic)
    return text


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A plain image as ``<img>``; one whose alt holds markup as a figure with that caption."""
    token = tokens[idx]
    children = token.children or []
    if not any(child.type in ("html_inline", "span_open") for child in children):
        token.attrSet("alt", self.renderInlineAsText(children, options, env))
        return self.renderToken(tokens, idx, options, env)
    caption = self.renderInline(children, options, env)
    token.attrSet("alt", "")
    image = self.renderToken(tokens, idx, options, env)
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
