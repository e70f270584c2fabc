"""Pandoc markdown → HTML with comrak, so that one HTML pipeline serves every form.

Two dialects come in. pandoc's gfm keeps raw ``<div class="css-…">`` blocks: CommonMark
with raw HTML renders it as it is. pandoc's own markdown writes the same divs as ``:::``
fences and classes as ``{#id .class key=value}`` after links, images, spans and headings, and
ASCII quotes and dashes for typographic ones. comrak (a CommonMark parser in Rust, the port
of GitHub's cmark-gfm; some fifty times faster than markdown-it-py, which this module used
before) knows none of pandoc's constructs, so the text is rewritten first where pandoc wrote
something CommonMark lacks, and the HTML is finished after:

- a raw HTML block fenced as ````` ```{=html} ````` loses its fence;
- a ``:::`` fence line becomes a raw ``<div …>`` or ``</div>`` line between blank lines (in a
  list item, a blockquote or a definition too);
- a span ``[text]{.class}`` becomes ``<span class="class">text</span>`` (a bare ``<span>``
  when the block does not parse: pandoc writes an id with spaces as it is);
- ``{…}`` after a link, image or code span, or closing a heading after a space, is taken out and put back
  as attributes of the element the parser made of it: a marker (two private-use characters
  the page does not use, in braces) holds its place in between;
- an image whose alt text holds markup (pandoc's rendering of a ``<figure>`` with its
  caption and credit) becomes a figure again, the alt read as the caption's markdown;
- ASCII quotes, dashes and ellipses become the typographic characters pandoc wrote them
  for (comrak's smart punctuation; pandoc escapes a literal one, which stays);
- a heading whose raw HTML link pandoc wrapped over several lines is joined back onto one
  (on a list item's own line too, up to the next item), and so is a fence line whose
  attribute block runs over several lines (an attribute holding a snippet of HTML);
- when the HTML shows a tag as text, the raw tags CommonMark could not read are mended and
  the text read again: a tag whose attribute value holds an empty line (a template's inline
  style, kept by pandoc as it was) loses that line, as CommonMark ends a raw HTML block at
  an empty line; in gfm, a tag loses the attributes whose names CommonMark's grammar
  rejects (Alpine's "@click", a template's "data-,", pandoc's 'data-<=""' for a broken one);
- a pipe table's row pandoc broke over several lines (a cell holding raw HTML) is one line;
- grid tables (old layout tables) become ``<div>`` rows and cells read as markdown, and so do
  simple and multiline tables (columns under lines of dashes).

pandoc never writes an indented code block (it fences code), but it indents raw HTML and
text nested in list items; a block CommonMark would take for indented code is moved back to
its container's margin and read again. Attribute blocks follow the grammar of
mdit-py-plugins' attrs plugin, which read them before, quirks included, save that an id or
a class name may hold any character but whitespace, braces and quotes, as pandoc writes them.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from functools import lru_cache
from html import escape

import comrak

__all__ = ["is_pandoc_markdown", "markdown_to_html"]

Attrs = tuple[tuple[str, str], ...]  # (name, value) pairs in order, as pandoc wrote them

# Line patterns start at a "\n" rather than "^" (the text is given one in front): the regex
# engine then skips to line breaks instead of trying every character.
_FENCE_LINE_ANYWHERE = re.compile(r"(?:\A|\n) {0,3}:{3,}")
# A fence line, inside any list indentation or blockquote markers, maybe right after a list
# item's or a definition's marker: its prefix, that marker, the rest of the line.
_FENCE_LINE = re.compile(r"\n([ \t>]*)((?:[-+*]|\d{1,9}[.)]|:)[ \t]+)?:{3,}([^\n]*)")
_CLASS_WORD = re.compile(r"^[\w-]+$")
# pandoc wraps a heading whose text is a raw HTML link ("# <a\nhref=…>Title</a>"), but an ATX
# heading is one line: the lines up to the next blank one (or the next heading, or item of a
# tight list) are joined back onto it. So for a heading nested in a list item, on the item's
# own line too, or in a blockquote (gfm's sidebars of linked headlines).
# ("[^<>\n]*" after the last "<": a line of many "<" is tried in linear, not quadratic, time.)
_WRAPPED_HEADING = re.compile(
    r"(\n[ \t>]*+(?P<item>(?:[-+*]|\d{1,9}[.)])[ \t])?(?:[ \t>]|(?:[-+*]|\d{1,9}[.)])[ \t])*+#{1,6}[ \t][^\n]*"
    r"<[A-Za-z][^<>\n]*)"  # the heading's line, ending inside a tag
    r"((?:\n(?![ \t>]*+#{1,6}[ \t])(?(item)(?![ \t>]*+(?:[-+*]|\d{1,9}[.)])[ \t]))[ \t>]*+[^\s>][^\n]*)+)")
_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)*")
# "{…}" closing an ATX heading's line, or the last line of a setext heading's text (found from
# its underline); each is found from its braces, so a long line is read once.
_LINE_END_BRACES = re.compile(r"\{[^{}\n]*+\}[ \t]*+(?=\n)")
_ATX_START = re.compile(r"\n(?:[ \t>]|(?:[-+*]|\d{1,9}[.)])[ \t])*+#{1,6}[ \t]")  # (in a list item too)
_INLINE_ENDS = frozenset("])`")  # what an inline's own attribute block follows with no space between
_SETEXT_UNDERLINE = re.compile(r"\}[ \t]*+\n[ \t>]*+(?:=+|-+)[ \t]*+(?=\n)")


def is_pandoc_markdown(text: str) -> bool:
    """True for pandoc's own dialect (fenced divs), False for gfm with raw HTML."""
    return ":::" in text and bool(_FENCE_LINE_ANYWHERE.search(text))


def markdown_to_html(text: str) -> str:
    """Render pandoc markdown (either dialect) to an HTML fragment. When the HTML shows a tag
    as text, the raw tags CommonMark could not read are mended and the text is read again
    (:func:`_raw_tags_mended`: a sixth of pages show a tag as text, most in code samples)."""
    html = _rendered(text)
    if _TAG_SHOWN_AS_TEXT.search(html):
        mended = _raw_tags_mended(text)
        if mended != text:
            html = _rendered(mended)
    return html


# A tag, or a tag's end, escaped in the HTML: "&lt;img", "&lt;br/&gt;", a value's '"&gt;'.
_TAG_SHOWN_AS_TEXT = re.compile(r"&lt;[A-Za-z][\w-]*(?:\s|/?&gt;)|&quot;&gt;")


def _raw_tags_mended(text: str) -> str:
    """The text with raw tags CommonMark cannot read mended: empty lines inside an attribute
    value taken out; in gfm, attributes whose names CommonMark rejects taken out."""
    text = "\n" + text + "\n"  # (the line patterns start at a "\n")
    if "\"\n" in text or "=\"" in text:
        text = _outside_code_fences(text, _tags_without_empty_lines)
    if _ODD_ATTRIBUTE_NAME.search(text) and not is_pandoc_markdown(text):  # (pandoc's own: attributes in braces)
        text = _outside_code_fences(text, _tags_without_odd_attributes)
    return text[1:-1]


def _rendered(text: str) -> str:
    """The markdown rewritten where pandoc wrote what CommonMark lacks, rendered, finished."""
    text = "\n" + text + "\n"
    if "#" in text:
        text = _WRAPPED_HEADING.sub(_join_heading, text)
    if ("+-" in text or "+=" in text or "+:" in text) and _GRID_BORDER.search(text):
        text = grid_tables_as_divs(text)
    if "\n  ---" in text:
        text = dash_tables_as_divs(text)
    if "-|" in text or "|-" in text or ":|" in text or "|:" in text:  # (a delimiter row, aligned or not)
        text = _joined_pipe_rows(text)
    marks = _Marks(text)
    pandoc = is_pandoc_markdown(text)
    if pandoc:
        if "{=html}" in text:
            text = _RAW_HTML_BLOCK.sub(lambda block: "\n" + block.group(3).rstrip("\n"), text)
        text = _heading_attrs(text, marks)
        text = _pandoc_inlines(text, marks)
        text = _fences_as_divs(_fence_attributes_joined(text))
    else:
        if "](" in text:
            text = _gfm_link_titles(text)
        if "![" in text:
            text = _gfm_figures(text, marks)
    return marks.resolve(_render(text, pandoc))


# --- block level: fenced divs, headings, indentation ----------------------------------------

# A raw HTML start tag opening a line (in a list or a blockquote too) whose quoted attribute
# value runs over an empty line: `<div class="…"\nstyle="\n  --width: 100%;\n\n  ">`.
# (Quoted values are skipped whole, so a ">" inside one ends no tag; a value is read up to
# its closing quote, at most a few thousand characters.)
_TAG_WITH_EMPTY_LINE = re.compile(r'\n[ \t>]*<[A-Za-z][\w:-]*(?:[^<>"\n]|\n(?![ \t>]*\n)|"[^"]{0,4000}")*?'
                                  r'\s[\w:-]+="[^"]{0,4000}?\n[ \t>]*\n[^"]{0,4000}"')
_EMPTY_LINES = re.compile(r"\n(?:[ \t>]*\n)+")


# An attribute name CommonMark's raw HTML grammar rejects ([A-Za-z_:][A-Za-z0-9_.:-]*), with a
# quoted value: "@click.outside='open = false'", "data-,=''", "[class]='…'"; and the names pandoc
# writes for a page's broken attributes, quotes and all: 'data-<=""', 'href""=""', "data-'itemprop=".
_ODD_ATTRIBUTE_NAME = re.compile(r"""\s(?![A-Za-z_:][\w.:-]*\s*=)[^\s>/=]+\s*=\s*["']""")
# A raw HTML start tag whose attributes are all well named (values quoted or not; a quoted one
# read whole, up to a few thousand characters) but for some with a quoted value ("@click='…'").
_VALUE = r"""(?:\s*=\s*(?:"[^"]{0,4000}"|'[^']{0,4000}'|[^\s"'=<>`]+))?"""
_NAMED = rf"\s+[A-Za-z_:][\w.:-]*{_VALUE}"
_ODD = r"""\s+(?![A-Za-z_:][\w.:-]*(?=[\s=/>]))[^\s>/=]+\s*=\s*(?:"[^"]{0,4000}"|'[^']{0,4000}')"""
_ODD_ATTRIBUTE_TAG = re.compile(rf"<[A-Za-z][\w-]*(?:{_NAMED})*?{_ODD}(?:{_NAMED}|{_ODD})*\s*/?>")
_EACH_ATTRIBUTE = re.compile(rf"""\s+([^\s>/=]+){_VALUE}""")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][\w.:-]*")


def _tags_without_odd_attributes(text: str) -> str:
    """Raw tags less their attributes whose names CommonMark rejects ("@click", "data-,"),
    which make it read the whole tag as text; they are scripts' hooks or a template's slips.
    A tag in a code span (an odd number of backticks before it on its line) is code: kept."""
    def without_odd_attributes(tag: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, tag.start()) + 1
        if text.count("`", line_start, tag.start()) % 2:
            return tag.group(0)
        return _EACH_ATTRIBUTE.sub(lambda a: a.group(0) if _ATTRIBUTE_NAME.fullmatch(a.group(1)) else "",
                                   tag.group(0))
    return _ODD_ATTRIBUTE_TAG.sub(without_odd_attributes, text)


# A fenced code block's opening line (in a list or a blockquote too): its fence.
_CODE_FENCE = re.compile(r"\n[ \t>]*(`{3,}|~{3,})")


def _outside_code_fences(text: str, rewrite: Callable[[str], str]) -> str:
    """``rewrite`` applied to the text outside fenced code blocks (a code sample's markup is
    the code's text); an unclosed fence runs to the end, as CommonMark reads it."""
    if "```" not in text and "~~~" not in text:
        return rewrite(text)
    parts: list[str] = []
    position = 0
    for fence in _CODE_FENCE.finditer(text):
        if fence.start() < position:
            continue  # a fence line inside a block already passed
        closing = re.compile(rf"\n[ \t>]*{re.escape(fence.group(1))}").search(text, fence.end())
        end = len(text) if closing is None else closing.end()
        parts += (rewrite(text[position:fence.start()]), text[fence.start():end])
        position = end
    parts.append(rewrite(text[position:]))
    return "".join(parts)


def _tags_without_empty_lines(text: str) -> str:
    """Raw HTML tags whose attribute values hold empty lines, with those lines taken out:
    CommonMark ends the raw block at the first, and the rest of the tag, its closing ">" and
    the elements after it (a page's headline) are read as text, escaped, inside the tag."""
    return _TAG_WITH_EMPTY_LINE.sub(lambda tag: _EMPTY_LINES.sub("\n", tag.group(0)), text)


# A pipe table's delimiter row ("|------|:---|"): the rows under it run to the next empty line.
_PIPE_DELIMITER = re.compile(r"\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*(?=\n)")


def _joined_pipe_rows(text: str) -> str:
    """pandoc's gfm writer breaks a pipe-table row whose cell holds raw HTML over several lines
    ("| [<img" then " src=…"), and pads cells with lines of spaces; a row is one line, and a
    line of spaces ends a table, so CommonMark shows the rest as text ("| | |---"). Under each
    delimiter row, up to the next empty line, a line that starts no row is joined to the row
    before it and lines of spaces go."""
    parts: list[str] = []
    position = 0
    for delimiter in _PIPE_DELIMITER.finditer(text):
        if delimiter.start() < position:
            continue  # a delimiter-like line inside rows already joined
        end = text.find("\n\n", delimiter.end())
        end = len(text) if end == -1 else end
        rows: list[str] = []
        for line in text[delimiter.end():end].split("\n"):
            if not line:
                rows.append(line)  # the region starts with the delimiter's line break
            elif not line.strip():
                continue
            elif rows and rows[-1] and not line.lstrip().startswith("|"):
                rows[-1] += " " + line.strip()
            else:
                rows.append(line)
        parts += (text[position:delimiter.end()], "\n".join(rows))
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


# A raw HTML block, as pandoc fences it (```{=html}): CommonMark reads a code block, and shows
# the HTML as text; its lines, unfenced, are read as the HTML they are. (pandoc writes one,
# "<!-- -->", between two lists that would otherwise run together.)
_RAW_HTML_BLOCK = re.compile(r"\n([ \t>]*)(`{3,})\{=html\}[ \t]*\n((?:(?!\1\2)[^\n]*\n)*?)\1\2[ \t]*(?=\n)")


# A fence line whose attribute block goes on past the line's end: a value holding line breaks,
# as CNN's video components hold a snippet of HTML, its quotes escaped ('{.video-resource
# … source-html="<span …>\n    <a href=\\"…\\">CNN</a>\n    </span>" fave-thumbnails=…}').
_BLOCK_SCAN = re.compile(r'[^"}]*+(?:"(?:[^"\\]|\\.)*+"[^"}]*+)*+\}', re.S)  # up to the "}" outside quotes


def _fence_attributes_joined(text: str) -> str:
    """The text with each fence line's attribute block that runs over several lines joined onto
    one line (its line breaks spaces), so that the fence is read as one: left unjoined, the
    fence was text and the component's HTML and the divs after it were read as the story's.
    A block not closed within :data:`_MAX_BLOCK` characters is left as it is."""
    if ":::" not in text or "{" not in text:
        return text
    edits: list[tuple[int, int, str]] = []
    scanned = 0  # the text before this was read by an earlier block's scan: each part is read once
    for line in _FENCE_LINE.finditer(text):
        info = line.group(3)
        if line.start() < scanned or not info.lstrip().startswith("{") or "}" in info:
            continue  # (a block closed on its own line: nothing to join)
        brace = line.start(3) + info.index("{")
        end = min(len(text), brace + _MAX_BLOCK)
        block = _BLOCK_SCAN.match(text, brace + 1, end)
        scanned = block.end() if block is not None else end
        if block is not None and "\n" in text[brace:block.end()]:
            edits.append((brace, block.end(), text[brace:block.end()].replace("\n", " ")))
    return _apply(text, edits) if edits else text


def _fences_as_divs(text: str) -> str:
    """Each fence line as raw HTML. (A raw HTML block runs on to the next blank line and would
    swallow a fence line after it, ``</div>`` then ``:::``: blank lines around every fence line
    end such blocks.)"""
    return _FENCE_LINE.sub(_fence_as_div, text) if ":::" in text else text


def _fence_as_div(match: re.Match[str]) -> str:
    return _fence_html(match.group(1), match.group(2) or "", match.group(3))


@lru_cache(maxsize=8192)
def _fence_html(prefix: str, marker: str, info: str) -> str:
    """``::: {attrs}`` → ``<div attrs>``, a bare ``:::`` → ``</div>``, each between blank lines
    (inside a blockquote, blank lines of that blockquote). A fence that opens a list item keeps
    the item's marker and has a blank line after it only, so that the list stays one list.
    CommonMark has no definition lists: a definition's ``:`` marker becomes the indentation of
    the definition's other lines (pandoc's comment threads: ``:   ::: {#comment-1}``)."""
    info = info.strip().rstrip(":").rstrip()  # "::: {.x} :::" is "{.x}"
    if marker.startswith(":"):
        prefix, marker = prefix + " " * len(marker), ""
    blank = prefix.rstrip(" \t")
    tag = f"<div{_attrs_html(_fence_attrs(info))}>" if info else "</div>"
    if marker:
        return f"\n{prefix}{marker}{tag}\n{blank}"
    return f"\n{blank}\n{prefix}{tag}\n{blank}"


def _fence_attrs(info: str) -> Attrs:
    if _CLASS_WORD.match(info):
        return (("class", info),)
    parsed = _attr_block(info, 0)
    return parsed[1] if parsed else ()


def _heading_attrs(text: str, marks: _Marks) -> str:
    """A heading's trailing ``{…}`` (all of it, even when it does not parse, as markdown-it's
    pandoc rules took it) → a heading marker, after a space as if the heading ended there."""
    edits: list[tuple[int, int, str]] = []
    for underline in _SETEXT_UNDERLINE.finditer(text):
        line = text.rfind("\n", 0, underline.start())
        opening = text.rfind("{", line, underline.start())
        braces = _LINE_END_BRACES.match(text, opening) if opening >= 0 else None
        if braces is not None and text[line:opening].strip():
            edits.append((line + 1, braces.end(), marks.heading(text[line + 1:braces.start()], braces)))
    setext = {start for start, _, _ in edits}
    for braces in _LINE_END_BRACES.finditer(text):
        if braces.start() > 0 and text[braces.start() - 1] in _INLINE_ENDS:
            continue  # "# [Title]{.h1t}": a span's attributes (a link's, an image's, a code span's), not the heading's
        line = text.rfind("\n", 0, braces.start())
        atx = _ATX_START.match(text, line)
        if atx is not None and atx.end() <= braces.start() and line + 1 not in setext:
            edits.append((line + 1, braces.end(), marks.heading(text[line + 1:braces.start()], braces)))
    return _apply(text, edits)


def _join_heading(match: re.Match[str]) -> str:
    heading, lines = match.group(1), match.group(3).split("\n")[1:]
    if ">" in heading[:heading.index("#")]:  # in a blockquote: each line's markers go
        lines = [_QUOTE_MARKERS.sub("", line) for line in lines]
    return heading + " " + " ".join(line.strip() for line in lines)


def _render(text: str, smart: bool) -> str:
    """The parser's HTML, with indented code blocks read as the raw HTML or text they are."""
    parse, render, _ = _comrak_options(smart)
    html = comrak.render_markdown(text, extension_options=_EXTENSIONS, parse_options=parse, render_options=render)
    for _ in range(_MAX_DEDENT_ROUNDS):
        if "<pre><code>" not in html:
            break
        if "\t" in text:  # tab stops as CommonMark counts them, so that columns are characters
            text = _LEADING_TABS.sub(lambda match: match.group().expandtabs(4), text)
        dedented = _dedent_code_blocks(text, smart)
        if dedented is None:
            break
        text = dedented
        html = comrak.render_markdown(text, extension_options=_EXTENSIONS, parse_options=parse,
                                      render_options=render)
    return html


_MAX_DEDENT_ROUNDS = 4
_LEADING_TABS = re.compile(r"^[ \t]*\t", re.M)
_CODE_BLOCK_START = re.compile(r'<pre data-sourcepos="(\d+):(\d+)-')


# Pipe tables, which both of pandoc's dialects write (gfm's own; markdown's when a table is simple).
_EXTENSIONS = comrak.ExtensionOptions()
_EXTENSIONS.table = True


@lru_cache(maxsize=2)
def _comrak_options(smart: bool) -> tuple[comrak.ParseOptions, comrak.RenderOptions, comrak.RenderOptions]:
    """CommonMark with raw HTML kept (and, for pandoc's own dialect, smart punctuation); the
    third is the same rendering with source positions, to find indented code."""
    parse = comrak.ParseOptions()
    parse.smart = smart  # (not sourcepos_chars: that makes comrak quadratic in a paragraph's length)
    render = comrak.RenderOptions()
    render.unsafe_ = True
    located = comrak.RenderOptions()
    located.unsafe_ = True
    located.sourcepos = True
    return parse, render, located


def _dedent_code_blocks(text: str, smart: bool) -> str | None:
    """The text with each line of an indented code block moved back to its container's margin,
    or None when there is no such block. CommonMark reads a line indented four columns past
    its container's margin as code; pandoc fences all code, and indents only raw HTML and text
    nested in list items, which is what such a line holds."""
    parse, _, located = _comrak_options(smart)
    html = comrak.render_markdown(text, extension_options=_EXTENSIONS, parse_options=parse, render_options=located)
    lines = text.split("\n")
    changed = False
    for match in _CODE_BLOCK_START.finditer(html):
        # (Columns count bytes; what stands before the code's text on its line is ASCII:
        # spaces, blockquote and list markers.)
        row, column = int(match.group(1)) - 1, int(match.group(2)) - 1
        if row >= len(lines):
            continue
        margin = column - 4  # the container's content column: the code's own text starts 4 past it
        first = lines[row]
        if margin < 0 or first[margin:column].strip(" \t") or first.lstrip(" \t>").startswith(("```", "~~~")):
            continue  # a fenced block
        prefix = first[:margin]
        for index in range(row, len(lines)):
            line = lines[index]
            rest = line[margin:]
            if not rest.strip():
                continue
            if line[:margin] != prefix and line[:margin].strip(" \t>") or not rest.startswith(("    ", "\t")):
                break
            lines[index] = line[:margin] + rest.lstrip(" \t")
            changed = True
    return "\n".join(lines) if changed else None


# --- inline level: spans, attributes, figures ------------------------------------------------

_BRACKET = re.compile(r"\\[\[\]\\]|[\[\]]")
_BLANK_LINE = re.compile(r"\n(?:[ \t]*>)*[ \t]*\n")
_LINE_END = re.compile(r"[ \t]*\n")
# A link's or image's "(destination "title")" (CommonMark: <…> or balanced parentheses).
# (Possessive quantifiers: runs of plain characters are taken whole and never given back.)
_DESTINATION = re.compile(r"""\(\s*+(?:<(?:[^<>\n\\]++|\\.)*+>|(?:[^\s()\\]++|\\.|\((?:[^\s()\\]++|\\.)*+\))*+)"""
                          r"""(?:\s++(?:"(?:[^"\\]++|\\[\s\S])*+"|'(?:[^'\\]++|\\[\s\S])*+'"""
                          r"""|\((?:[^()\\]++|\\[\s\S])*+\)))?\s*+\)""")
# A link's "(destination" up to the quote that opens its title; the quote that closes it, before ")".
_URL_THEN_QUOTE = re.compile(r'\(\s*+(?:<(?:[^<>\n\\]++|\\.)*+>|(?:[^\s()\\]++|\\.|\((?:[^\s()\\]++|\\.)*+\))*+)\s++"')
_QUOTE_THEN_PAREN = re.compile(r'(?<!\\)"[ \t]*+\n?[ \t]*+\)')
# Raw inline HTML, which in an image's alt text makes the image a figure.
_INLINE_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--[\s\S]*?--)>")


def _pandoc_inlines(text: str, marks: _Marks) -> str:
    """Spans become raw HTML; attributes after links, images and code spans, and figure images,
    get markers that :meth:`_Marks.resolve` turns into HTML after parsing. Only a ``]`` right
    before ``(`` or ``{``, or a backtick right before ``{``, can end one, so the scan goes from
    each of those back to its ``[``."""
    edits: list[tuple[int, int, str]] = []
    spans: list[int] = []  # where each span opens (sorted), to tell an alt text that holds one
    for closing in _occurrences(text, "]{"):  # spans first: an image's alt may hold one
        opening = _opening_bracket(text, closing)
        if opening >= 0:
            _span(text, opening, closing, edits, spans)
    for closing in _occurrences(text, "]("):
        opening = _opening_bracket(text, closing)
        if opening >= 0:
            _link_or_image(text, opening, closing, marks, edits, spans)
    for tick in _occurrences(text, "`{"):
        _code_attrs(text, tick + 1, marks, edits)
    return _apply(text, edits)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Where ``needle`` starts in ``text``, its first character not backslash-escaped."""
    index = text.find(needle)
    while index >= 0:
        if not _escaped(text, index):
            yield index
        index = text.find(needle, index + 1)


_MAX_LABEL = 10_000  # characters a link's or span's text may run to
_MAX_NESTED = 64  # brackets a link's or span's text may hold


def _escaped(text: str, index: int) -> bool:
    """Whether an odd number of backslashes stands before ``text[index]``."""
    start = index
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (index - start) % 2 == 1


def _opening_bracket(text: str, closing: int) -> int:
    """The ``[`` that the ``]`` at ``closing`` closes (nested pairs skipped, escaped brackets
    not counted, never across a blank line), or -1."""
    floor = max(0, closing - _MAX_LABEL)
    opening = text.rfind("[", floor, closing)
    position = closing
    depth = 0
    for _ in range(2 * _MAX_NESTED):
        if opening < 0:
            return -1
        inner = text.rfind("]", opening + 1, position)
        if inner >= 0:  # a pair nested in this one closes there
            position = inner
            depth += not _escaped(text, inner)
            continue
        position = opening
        if not _escaped(text, opening):
            if not depth:
                if text.find("\n", opening, closing) >= 0 and _BLANK_LINE.search(text, opening, closing):
                    return -1
                return opening
            depth -= 1
        opening = text.rfind("[", floor, opening)
    return -1


def _code_attrs(text: str, start: int, marks: _Marks, edits: list[tuple[int, int, str]]) -> None:
    """``{…}`` right after a backtick: attributes for the code span that may end there."""
    parsed = _attr_block(text, start)
    if parsed:
        edits.append((start, parsed[0], marks.attrs(_safe_attrs(parsed[1]), text[start:parsed[0]])))


def _span(text: str, opening: int, closing: int, edits: list[tuple[int, int, str]], spans: list[int]) -> None:
    """``[text]{attrs}`` → ``<span attrs>text</span>``; a block that does not parse (pandoc's
    rendering of an id with spaces: ``[1. State Farm]{#1. State Farm}``) gives a bare span."""
    parsed = _attr_block(text, closing + 1) or _unparsed_block(text, closing + 1)
    if parsed:
        tag = _span_tag(parsed[1])
        if _LINE_END.match(text, opening + 1):
            # A tag alone on its line would start a raw HTML block (CommonMark's kind 7), and
            # the span's markdown would be read as HTML: an empty comment keeps it inline.
            tag += "<!-- -->"
        edits.append((opening, opening + 1, tag))
        edits.append((closing, parsed[0], "</span>"))
        insort(spans, opening)


def _unparsed_block(text: str, start: int) -> tuple[int, Attrs] | None:
    """The end of a ``{…}`` at ``start`` on one line, with no attributes, or None."""
    found = _BRACES_ON_A_LINE.match(text, start)
    return (found.end(), ()) if found is not None else None


_BRACES_ON_A_LINE = re.compile(r"\{[^{}\n]*\}")


def _link_or_image(text: str, opening: int, closing: int, marks: _Marks, edits: list[tuple[int, int, str]],
                   spans: list[int]) -> None:
    """``[text](url){attrs}``: a marker for the attributes; ``![alt](src)`` with markup in the
    alt: a figure."""
    destination = _DESTINATION.match(text, closing + 1)
    end = destination.end() if destination else _title_with_quotes(text, closing + 1, edits)
    if end < 0:
        return
    if text[end:end + 1] == "{":
        parsed = _attr_block(text, end)
        if parsed:
            edits.append((end, parsed[0], marks.attrs(_safe_attrs(parsed[1]), text[end:parsed[0]])))
    if _is_image(text, opening):
        inner = bisect_left(spans, opening)
        if (inner < len(spans) and spans[inner] < closing) or _INLINE_TAG.search(text, opening + 1, closing):
            _figure_edits(opening, closing, marks, edits)


def _title_with_quotes(text: str, start: int, edits: list[tuple[int, int, str]]) -> int:
    """``(url "title")`` whose title holds double quotes pandoc left unescaped (a teaser quoting
    someone: ``"…media. "I told him…"``), which CommonMark reads as no link at all, leaving
    the URL and the title as text: those quotes are escaped. The index past the ``)``, or -1.
    (pandoc's reader ends such a title at the first ``"`` followed by ``)``.)"""
    opening = _URL_THEN_QUOTE.match(text, start)
    if opening is None:
        return -1
    closing = _QUOTE_THEN_PAREN.search(text, opening.end(), opening.end() + _MAX_LABEL)
    if closing is None or _BLANK_LINE.search(text, opening.end(), closing.start()):
        return -1
    for quote in _occurrences(text[opening.end():closing.start()], '"'):
        edits.append((opening.end() + quote, opening.end() + quote + 1, '\\"'))
    return closing.end()


def _gfm_link_titles(text: str) -> str:
    """gfm's links whose titles hold double quotes pandoc left unescaped, as in its own
    dialect (:func:`_title_with_quotes`): those quotes escaped."""
    edits: list[tuple[int, int, str]] = []
    for closing in _occurrences(text, "]("):
        if _DESTINATION.match(text, closing + 1) is None and _opening_bracket(text, closing) >= 0:
            _title_with_quotes(text, closing + 1, edits)
    return _apply(text, edits) if edits else text


def _gfm_figures(text: str, marks: _Marks) -> str:
    """In gfm only images whose alt holds raw HTML change: each becomes a figure. (One pass
    pairs the brackets; escaped ones do not count.)"""
    edits: list[tuple[int, int, str]] = []
    stack: list[int] = []
    for bracket in _BRACKET.finditer(text):
        token = bracket.group()
        if token == "[":
            stack.append(bracket.start())
        elif token == "]" and stack:
            opening, closing = stack.pop(), bracket.start()
            if _is_image(text, opening) and text.startswith("(", closing + 1) and \
                    _INLINE_TAG.search(text, opening + 1, closing) and _DESTINATION.match(text, closing + 1) and \
                    not _BLANK_LINE.search(text, opening, closing):
                _figure_edits(opening, closing, marks, edits)
    return _apply(text, edits)


def _is_image(text: str, opening: int) -> bool:
    return opening > 0 and text[opening - 1] == "!" and (opening < 2 or text[opening - 2] != "\\")


def _figure_edits(opening: int, closing: int, marks: _Marks, edits: list[tuple[int, int, str]]) -> None:
    """``![alt](src)`` → caption markers around the alt, then the image with an empty alt:
    ``<F> alt </F>![](src)``. Spaces stand for the alt's edges, where quotes open and close."""
    start, end = marks.figure()
    edits.append((opening - 1, opening + 1, start + " "))
    edits.append((closing, closing + 1, " " + end + "![]"))


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    if not edits:
        return text
    edits.sort()
    pieces: list[str] = []
    position = 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# --- markers: what the parser cannot carry, put back into its HTML ------------------------------

_TAG = re.compile(r"<(a|img|code)\b([^<>]*+)>")
_TAG_ATTR = re.compile(r'([^\s="]+)="([^"]*)"')


class _Marks:
    """Markers ``{<kind><index>}`` between two private-use characters the page does not use. The
    braces make a marker read, to the parser, as the ``{…}`` it stands for: punctuation, next
    to which emphasis opens and closes as it did beside the attributes."""

    def __init__(self, text: str) -> None:
        code = 0xE000
        while chr(code) in text or chr(code + 1) in text:
            code += 2
        self.open, self.close = "{" + chr(code), chr(code + 1) + "}"
        self._attrs: list[tuple[str, Attrs]] = []  # (source text, attributes)
        self._figures = 0

    def attrs(self, attrs: Attrs, source: str) -> str:
        """A marker for attributes of the link, image or code span right before it."""
        self._attrs.append((source, attrs))
        return f"{self.open}a{len(self._attrs) - 1}{self.close}"

    def heading(self, content: str, braces: re.Match[str]) -> str:
        """The heading's text, then a marker for the attributes in ``braces``."""
        block = braces.group().rstrip(" \t")
        parsed = _attr_block(block, 0)
        self._attrs.append((block, parsed[1] if parsed else ()))
        return f"{content.rstrip()} {self.open}h{len(self._attrs) - 1}{self.close}"

    def figure(self) -> tuple[str, str]:
        """Markers for the start and end of a figure's caption."""
        self._figures += 1
        return f"{self.open}F{self._figures}{self.close}", f"{self.open}f{self._figures}{self.close}"

    def resolve(self, html: str) -> str:
        """Attributes onto their elements, captions into figures; a marker the parser did not
        leave where its element ends (``{…}`` after something that is not a link, say) becomes
        the text it stood for."""
        if self.open not in html:
            return html
        o, c = re.escape(self.open), re.escape(self.close)
        edits: list[tuple[int, int, str]] = []
        for match in re.finditer(f"{o}([ah])(\\d+){c}", html):
            source, attrs = self._attrs[int(match.group(2))]
            start = match.start()
            if match.group(1) == "a":
                done = _attrs_onto_tag(html, start, attrs, edits)
            else:
                done = _attrs_onto_heading(html, match.end(), attrs, edits)
                if done:  # the space before the marker goes too
                    while start > 0 and html[start - 1].isspace():
                        start -= 1
            edits.append((start, match.end(), "" if done else escape(source, quote=False)))
        html = _apply(html, edits)
        if self._figures:
            html = re.sub(f"{o}F(\\d+){c} ?(.*?) ?{o}f\\1{c}(<img\\b[^<>]*>)",
                          r"<figure>\3<figcaption>\2</figcaption></figure>", html, flags=re.S)
            html = re.sub(f"{o}[Ff]\\d+{c}", "", html)
        return html


def _attrs_onto_tag(html: str, at: int, attrs: Attrs, edits: list[tuple[int, int, str]]) -> bool:
    """Attributes onto the link, image or code span that ends just before ``at``."""
    if html.endswith("</a>", 0, at):
        tag_start = html.rfind("<a ", 0, at)
    elif html.endswith("</code>", 0, at):
        tag_start = html.rfind("<code>", 0, at)
    elif html.endswith("/>", 0, at):
        tag_start = html.rfind("<img ", 0, at)
    else:
        return False
    tag = _TAG.match(html, tag_start) if tag_start >= 0 else None
    if tag is None:
        return False
    if not attrs:
        return True
    body = tag.group(2)
    closing = " /" if body.endswith(" /") else ""
    if not any(f' {key}="' in body for key, _ in attrs):
        edits.append((tag.end(2) - len(closing), tag.end(2) - len(closing), _attrs_html(attrs)))
        return True
    merged = dict(_TAG_ATTR.findall(body))
    merged.update((key, escape(value)) for key, value in attrs)
    rendered = "".join(f' {key}="{value}"' for key, value in merged.items())
    edits.append((tag_start, tag.end(), f"<{tag.group(1)}{rendered}{closing}>"))
    return True


def _attrs_onto_heading(html: str, at: int, attrs: Attrs, edits: list[tuple[int, int, str]]) -> bool:
    """Attributes onto the heading whose text ends at ``at``."""
    level = html[at + 3:at + 4]
    if not (html.startswith("</h", at) and level and level in "123456"):
        return False
    opening = f"<h{level}>"
    tag_start = html.rfind(opening, 0, at)
    if tag_start < 0:
        return False
    edits.append((tag_start, tag_start + len(opening), f"<h{level}{_attrs_html(attrs)}>"))
    return True


# --- pandoc attributes: {#id .class key=value key="value"} --------------------------------------

# An id or class name runs to whitespace or a brace: pandoc writes a page's names as they are,
# atomic CSS's ".C(#fff)" and ".W(100%)", Tailwind's ".w-1/2", an id "#&lid=//blogs//sports";
# the attrs plugin's stricter names left such a block, and all its words, as text.
_NAME = r"""[^\s{}"]"""
_KEY = r"[a-zA-Z\d_:-]"
# Whitespace, where a line break may be followed by the blockquote markers of the next line.
_WS = r"(?:[ \t\r]|\n(?:[ \t]*>)*)"
# The usual attribute block, whole; anything else (a comment, odd whitespace, a quoted value
# over two lines) goes through the character-by-character reader below.
_ATTRS_FAST = re.compile(rf"""\{{{_WS}*+((?:(?:[#.]{_NAME}*+(?=[ \t\r\n}}])"""
                         rf"""|{_KEY}++=(?:"(?:[^"\\{{}}\n]++|\\[\s\S])*+"|{_KEY}++(?=[ \t\r\n}}])))"""
                         rf"""(?:{_WS})*+)*+)\}}""")
_ATTR_ITEM = re.compile(rf"""([#.])({_NAME}*)|({_KEY}+)=(?:"((?:[^"\\{{}}\n]++|\\[\s\S])*)"|({_KEY}+))""")
_CACHED_BLOCK = 512  # attribute blocks up to this long are parsed once per process
_MAX_BLOCK = 65_536  # and none is read past this
_UNUSUAL = re.compile('[%"\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]')


def _attr_block(text: str, start: int) -> tuple[int, Attrs] | None:
    """The attribute block that opens at ``text[start]``: (index past its ``}``, attributes),
    or None when it is not one (the grammar of markdown-it's attrs plugin, after Djot's).
    Classes gather into one ``class``; the last id wins."""
    end = text.find("}", start, start + _CACHED_BLOCK)
    if end >= 0:
        attrs = _simple_block(text[start:end + 1])
        if attrs is not None:
            return end + 1, attrs
    match = _ATTRS_FAST.match(text, start)
    if match is not None:
        return match.end(), _attrs_of_items(match.group(1))
    # Only a comment, a quoted value or unusual whitespace can make a block the pattern missed.
    if end < 0:
        end = text.find("}", start, start + _MAX_BLOCK)
    if end >= 0 and _UNUSUAL.search(text, start, end):
        return _parse_attrs_slowly(text, start)
    return None


@lru_cache(maxsize=8192)
def _simple_block(block: str) -> Attrs | None:
    match = _ATTRS_FAST.fullmatch(block)
    return _attrs_of_items(match.group(1)) if match else None


def _attrs_of_items(items: str) -> Attrs:
    attributes: dict[str, str] = {}
    classes: list[str] = []
    for sign, name, key, quoted, bare in _ATTR_ITEM.findall(items):
        if sign == "#":
            if name:
                attributes["id"] = name
        elif sign == ".":
            if name:
                classes.append(name)
        elif key == "class":
            classes.append(_unescaped(quoted) or bare)
        else:
            attributes[key] = _unescaped(quoted) or bare
    if classes:
        attributes["class"] = " ".join(classes)
    return tuple(attributes.items())


_SPACE = re.compile(r"\s")
_NAME_END = re.compile(r"""[\s{}"]""")
_KEY_CHAR = re.compile(_KEY)


_ESCAPED = re.compile(r"\\([\s\S])")


def _unescaped(value: str) -> str:
    """A quoted value less its backslash escapes (pandoc writes ``\"`` for a quote in one)."""
    return _ESCAPED.sub(r"\1", value) if "\\" in value else value


_BLANK_REST_OF_LINE = re.compile(r"[ \t>]*(?:\n|$)")


def _parse_attrs_slowly(text: str, start: int) -> tuple[int, Attrs] | None:
    """Djot's attribute grammar, character by character (the reader markdown-it's attrs plugin
    uses: a ``%`` comment, any whitespace after a name, a quoted value read up to a line end),
    with pandoc's quoted values: they may hold braces and line breaks (WordPress image
    attributes carry JSON and HTML: ``image-meta="{\"credit\":…}"``), never a blank line."""
    if text[start:start + 1] != "{":
        return None
    tokens: list[tuple[int, int, str]] = []
    state, mark = "scan", start
    stop = min(len(text), start + _MAX_BLOCK)
    last_percent = text.rfind("%", start, stop)
    for pos in range(start + 1, stop):
        char = text[pos]
        if state == "scan":
            if char in " \t\n\r":
                continue
            if char == "}":
                return pos + 1, _compile_tokens(text, tokens)
            if char in "#.%":
                state, mark = {"#": "id", ".": "class", "%": "comment"}[char], pos
            elif _KEY_CHAR.match(char):
                state, mark = "key", pos
            else:
                return None
        elif state == "comment":
            if char == "%":
                state = "scan"
            elif char == "}" and pos > last_percent:
                return pos + 1, _compile_tokens(text, tokens)
        elif state in ("id", "class"):
            if not _NAME_END.match(char):
                continue
            if char != "}" and not _SPACE.match(char):
                return None
            if pos - 1 > mark:
                tokens.append((mark + 1, pos, state))
            if char == "}":
                return pos + 1, _compile_tokens(text, tokens)
            state = "scan"
        elif state == "key":
            if char == "=":
                tokens.append((mark, pos, "key"))
                state = "value"
            elif not _KEY_CHAR.match(char):
                return None
        elif state == "value":
            if char == '"':
                state, mark = "quoted", pos
            elif _KEY_CHAR.match(char):
                state, mark = "bare", pos
            else:
                return None
        elif state == "bare":
            if _KEY_CHAR.match(char):
                continue
            if char == "}":
                tokens.append((mark, pos, "value"))
                return pos + 1, _compile_tokens(text, tokens)
            if not _SPACE.match(char):
                return None
            tokens.append((mark, pos, "value"))
            state = "scan"
        elif state == "quoted":
            if char == '"':
                tokens.append((mark + 1, pos, "value"))
                state = "scan"
            elif char == "\\":
                state = "escaped"
            elif char == "\n":
                if _BLANK_REST_OF_LINE.match(text, pos + 1):
                    return None  # a quoted value never runs over a blank line: no block here
                tokens.append((mark + 1, pos, "value"))
        else:  # escaped
            state = "quoted"
    return None


def _compile_tokens(text: str, tokens: list[tuple[int, int, str]]) -> Attrs:
    attributes: dict[str, str] = {}
    classes: list[str] = []
    index = 0
    while index < len(tokens):
        start, end, kind = tokens[index]
        if kind == "id":
            attributes["id"] = text[start:end]
        elif kind == "class":
            classes.append(text[start:end])
        elif kind == "key" and index + 1 < len(tokens) and tokens[index + 1][2] == "value":
            value_start, value_end, _ = tokens[index + 1]
            value = _unescaped(text[value_start:value_end])
            if text[start:end] == "class":
                classes.append(value)
            else:
                attributes[text[start:end]] = value
            index += 1
        index += 1
    if classes:
        attributes["class"] = " ".join(classes)
    return tuple(attributes.items())


_URL_ATTRS = frozenset(("href", "src", "action", "formaction", "xlink:href"))
_BAD_PROTOCOL = re.compile(r"^(?:vbscript|javascript|file|data):")
_GOOD_DATA = re.compile(r"^data:image/(?:gif|png|jpeg|webp);")


@lru_cache(maxsize=4096)
def _safe_attrs(attrs: Attrs) -> Attrs:
    """Inline attributes without event handlers (``on…``) or script URLs, as markdown-it's attrs
    plugin kept them (a page's own raw HTML passes as it is; these are what markdown adds)."""
    kept: list[tuple[str, str]] = []
    for key, value in attrs:
        if key.lower().startswith("on"):
            continue
        if key.lower() in _URL_ATTRS:
            url = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21)))).lower()
            if _BAD_PROTOCOL.match(url) and not _GOOD_DATA.match(url):
                continue
        kept.append((key, value))
    return tuple(kept)


@lru_cache(maxsize=4096)
def _span_tag(attrs: Attrs) -> str:
    return f"<span{_attrs_html(_safe_attrs(attrs))}>"


@lru_cache(maxsize=4096)
def _attrs_html(attrs: Attrs) -> str:
    return "".join(f' {escape(key)}="{escape(value)}"' for key, value in attrs)


# --- grid tables ------------------------------------------------------------------------------

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
        out.append(_indented(_grid_table_html(lines[index:end], depth), line[:len(line) - len(line.lstrip())]))
        index = end
    return "\n".join(out)


def _indented(block: str, indent: str) -> str:
    """``block`` with ``indent`` before each of its lines that has text: a table inside a list
    item stays inside it (at the margin, the item would end, and the divs opened in it with it)."""
    if not indent:
        return block
    return "\n".join(indent + line if line.strip() else line for line in block.split("\n"))


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
    cells = [[grid_tables_as_divs(cell, depth + 1) if depth < _GRID_MAX_DEPTH and _GRID_BORDER.search(cell) else cell
              for cell in _grid_cells(row_lines, edges)] for row_lines in rows]
    return _table_html(cells)


_DIVS = ('<div class="grid-table">', '<div class="grid-row">', '<div class="grid-cell">', "</div>", "</div>", "</div>")
_TABLE = ("<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>")


def _table_html(rows: list[list[str]], tags: tuple[str, ...] = _DIVS) -> str:
    """Rows of cells' markdown as raw HTML (``<div>``s, or a ``<table>``), the markdown between
    blank lines."""
    table, row_tag, cell_tag, cell_end, row_end, table_end = tags
    parts = ["", table, ""]
    for row in rows:
        parts += [row_tag, ""]
        for cell in row:
            parts += [cell_tag, "", cell, "", cell_end, ""]
        parts += [row_end, ""]
    parts += [table_end, ""]
    return "\n".join(parts)


def _grid_cells(row_lines: list[str], edges: list[int]) -> list[str]:
    """Each column's text in a row, its lines dedented and the lines pandoc chopped joined
    back; a row whose lines do not keep the border's column edges (a cell spanning columns)
    is one cell."""
    if _keeps_edges(row_lines, edges):
        columns = zip(edges, edges[1:])
        cells = [_unchopped([_cut(line, a + 1, b) for line in row_lines]) for a, b in columns]
    else:
        cells = ["\n".join(line.strip().strip("|").rstrip() for line in row_lines)]
    return [textwrap.dedent(cell).strip("\n") for cell in cells if cell.strip()]



# A line that starts a block of its own, which no chopped piece is taken to be.
_BLOCK_START = re.compile(r"[ \t]*(?::{3}|[-+*][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|>|\||\+[-=:])")
_WHOLE_FENCE = re.compile(r"[ \t]*:{3,}[ \t]*(?:\{[^{}]*\}|[^\s{}]+)?[ \t]*:*[ \t]*")
# Columns below which a full line after a piece is as likely a line of its own: one of words,
# or one word (few words run to twelve letters).
_LONG_WORD = 16
_LONG_TOKEN = 12
_UNWRAPPED_LINE = re.compile(r"[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?::|#{1,6}[ \t])")
_OPEN_DESTINATION = re.compile(r"(?:\]\([^\s()]*|\{[^\s{}]*)$")
_TAG_NAME_END = re.compile(r"<[A-Za-z][A-Za-z0-9-]*$")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+")


def _unchopped(slots: list[str]) -> str:
    """A cell's lines (what stands between its borders, a space of padding either side) with
    the lines pandoc chopped joined back. pandoc wraps a cell's text at spaces, and a line it
    cannot wrap (a word, a link or an image longer than the column, a heading or a fence
    line) it chops into pieces: the remainder first, on a line of its own, then pieces that
    fill the column ("WASH" / "INGTON"). :func:`_starts_pieces` and :func:`_continues_pieces`
    tell a piece from a wrapped line."""
    width = len(slots[0]) - 2 if slots else 0
    out: list[str] = []
    previous = ""  # the line before, as pandoc wrote it
    piece = False  # whether that line was a piece (joined onto the one before it)
    unclosed = _Unclosed()  # brackets the pieces joined so far leave open
    for slot in slots:
        line = slot.rstrip()
        if width > 0:
            line = line.removeprefix(" ")
            if piece:
                piece = _continues_pieces(line, width, unclosed.any())
            else:
                piece = bool(out) and _starts_pieces(previous, line, width)
                if piece:
                    unclosed = _Unclosed(out[-1])
        if piece:
            out[-1] += line.ljust(width)  # (a piece may end in spaces: those count too)
            unclosed.add(line)
        else:
            out.append(" " + line)
        previous = line
    return "\n".join(out)


def _starts_pieces(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` is the first piece after ``previous``, a chopped line's remainder. It
    is when ``previous`` ends inside a link's destination or an attribute block's first word
    (``[![](https://web-beta.archive.org/web/2005…``) and ``line`` is full or one or two
    short (a piece that ends in spaces); else when ``line`` is full and either its first word
    would have fitted on ``previous``, so pandoc did not wrap there, or ``previous`` starts a
    heading or a fence, which pandoc never wraps, or it is one word after a line of one word
    (not a lower-case word before a capitalised one: "the" / "Senate" are two words; nor
    anything after a raw HTML tag's name: ``<div`` / ``id="x"`` are wrapped at their space).
    A bare ``:::`` is a fence whole, unless a full line of its attributes follows."""
    if not previous.strip() or previous.endswith("\\") or _BLOCK_START.match(line):
        return False
    if _WHOLE_FENCE.fullmatch(previous):  # a fence line is whole, unless its attributes follow
        return len(line) == width and line.lstrip().startswith("{") and previous.strip(" \t:") == ""
    if _OPEN_DESTINATION.search(previous):
        return len(line) >= width - 2
    if len(line) != width:
        return False
    words = line.split()
    if len(previous) + 1 + len(words[0]) <= width or _UNWRAPPED_LINE.match(previous):
        return True
    if len(words) > 1 or line[0] == " " or len(_LIST_MARKER.sub("", previous, count=1).split()) > 1 \
            or _TAG_NAME_END.search(previous):
        return False
    return not (previous[-1].islower() and line[0].isupper())


def _continues_pieces(line: str, width: int, open_brackets: bool) -> bool:
    """Whether ``line`` goes on with the pieces before it: a full line does, unless the column
    is narrow (there a full line is as often a word of its own), or the pieces leave a link,
    an image or attributes open; so does a line one or two short of full while they leave one
    open (a piece that ends in spaces: ``{.epl `` / ``onclick=…``). A shorter line is one
    pandoc wrapped."""
    if not line.strip() or _BLOCK_START.match(line):
        return False
    if len(line) == width:
        return open_brackets or width >= (_LONG_WORD if " " in line.strip() else _LONG_TOKEN)
    return open_brackets and len(line) >= width - 2


class _Unclosed:
    """Parentheses, brackets and braces a run of text opens and has not closed, kind by kind
    (a ``]`` that closes a bracket opened before the run leaves its braces open)."""

    def __init__(self, text: str = "") -> None:
        self.counts = [0, 0, 0]
        self.add(text)

    def add(self, text: str) -> None:
        for index, (opening, closing) in enumerate(("()", "[]", "{}")):
            self.counts[index] += text.count(opening) - text.count(closing)

    def any(self) -> bool:
        return any(count > 0 for count in self.counts)


_EDGE_PATTERN_MAX = 64  # columns; a wider table's rows are checked character by character


def _keeps_edges(row_lines: list[str], edges: list[int]) -> bool:
    """Whether every line has "|" at the first and last edge and "|" or "+" at the others."""
    row_lines = [_by_columns(line) for line in row_lines]
    if len(edges) <= _EDGE_PATTERN_MAX:
        pattern = _edge_pattern(tuple(edges))
        return all(pattern.match(line) for line in row_lines)
    return all(all(e < len(line) and line[e] == "|" for e in (edges[0], edges[-1])) and
               all(e >= len(line) or line[e] in "|+" for e in edges) for line in row_lines)


def _width(char: str) -> int:
    """The columns a character takes where pandoc lays out a table: two for a wide one (CJK,
    Hangul, full-width forms), none for a combining mark, else one."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _cut(line: str, start: int, end: int | None) -> str:
    """The part of a table's line between two display columns (``end`` None: to its end).
    pandoc pads a table's columns by display width, so in a line holding wide characters
    ("한국어", "中文") a column's edge is not at the same character index as in the border."""
    if line.isascii():
        return line[start:end]
    starts: list[int] = []
    column = 0
    for char in line:
        starts.append(column)
        column += _width(char)
    return line[bisect_left(starts, start):len(line) if end is None else bisect_left(starts, end)]


def _by_columns(line: str) -> str:
    """The line with one character per display column (a wide character followed by a NUL, a
    combining mark left out), so the border's edges fall at its indexes: for checking only."""
    if line.isascii():
        return line
    return "".join(char + "\0" * (width - 1) for char in line if (width := _width(char)))


@lru_cache(maxsize=256)
def _edge_pattern(edges: tuple[int, ...]) -> re.Pattern[str]:
    gaps = [f".{{{b - a - 1}}}" for a, b in zip(edges, edges[1:])]
    inner = "".join(f"{gap}[|+]" for gap in gaps[:-1])
    return re.compile(f".{{{edges[0]}}}\\|{inner}{gaps[-1] if gaps else ''}\\|" if gaps else f".{{{edges[0]}}}\\|")


# --- simple and multiline tables -----------------------------------------------------------------

# pandoc's simple and multiline tables (how `-t markdown` writes a table whose cells hold no
# blocks): indented two spaces, columns under runs of dashes. CommonMark reads a line of dashes
# as a rule, or the line above it as a heading, and a row's columns as one paragraph, so a
# multiline table's wrapped cells come out interleaved, line by line.
_DASH_LINE = re.compile(r"  -{3,}(?: +-{3,})* *")
_DASH_RUN = re.compile(r"-+")


def dash_tables_as_divs(text: str) -> str:
    """Each simple or multiline table becomes a raw HTML table (a data table, as it was: pandoc
    writes a layout table's block-holding cells as a grid table); a cell is the text under its
    run of dashes, up to the next run, read as markdown."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        table = _dash_table(lines, index, out) if line.startswith("  -") and _DASH_LINE.fullmatch(line) else None
        if table is None:
            out.append(line)
            index += 1
            continue
        index, header_lines, rows = table
        del out[len(out) - header_lines:]
        out.append(_table_html(rows, _TABLE))
    return "\n".join(out)


def _dash_table(lines: list[str], start: int, before: list[str]) -> tuple[int, int, list[list[str]]] | None:
    """The table whose first line of dashes is ``lines[start]``: (index past it, how many lines
    of ``before`` are its header, its rows of cells), or None. The shapes pandoc writes:

    - simple, with a header: header line(s), dashes, a row per line, up to a blank line;
    - headerless (simple or multiline): dashes, rows, the same dashes again;
    - multiline with a header: a border of dashes, header lines, column dashes, rows
      separated by blank lines, a border."""
    header = _header_above(before)
    if header:
        end = start + 1
        while end < len(lines) and lines[end].strip() and not _DASH_LINE.fullmatch(lines[end]):
            end += 1
        rows = [header, *([line] for line in lines[start + 1:end])]
        return _closing_rule(lines, end), len(header), _cells(rows, lines[start])
    closing = _next_dash_line(lines, start + 1)
    if closing is None:
        return None
    inner = lines[start + 1:closing]
    after = _next_dash_line(lines, closing + 1)
    if inner and all(line.strip() for line in inner) and _DASH_RUN.fullmatch(lines[start].strip()) \
            and after is not None and len(_DASH_RUN.findall(lines[closing])) > 1:
        body = lines[closing + 1:after]  # a multiline table with a header
        return after + 1, 0, _cells([inner, *_blank_separated(body)], lines[closing])
    multiline = any(not line.strip() for line in inner)
    rows = _blank_separated(inner) if multiline else [[line] for line in inner]
    return closing + 1, 0, _cells(rows, lines[start])


def _header_above(before: list[str]) -> list[str]:
    """The lines just written that are a simple table's header: indented two spaces, after a
    blank line."""
    start = len(before)
    while start > 0 and before[start - 1].startswith("  ") and before[start - 1].strip():
        start -= 1
    if start == len(before) or (start > 0 and before[start - 1].strip()):
        return []
    return before[start:]


def _next_dash_line(lines: list[str], start: int) -> int | None:
    """The next line of dashes while the lines stay the table's (blank, or indented two spaces)."""
    for index in range(start, len(lines)):
        line = lines[index]
        if line.startswith("  -") and _DASH_LINE.fullmatch(line):
            return index
        if line.strip() and not line.startswith("  "):
            return None
    return None


def _closing_rule(lines: list[str], end: int) -> int:
    """Past the line of dashes that may close a simple table with a header."""
    return end + 1 if end < len(lines) and _DASH_LINE.fullmatch(lines[end]) else end


def _blank_separated(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _cells(rows: list[list[str]], columns: str) -> list[list[str]]:
    """Each row's lines cut into cells at the starts of the runs of dashes in ``columns``."""
    starts = [run.start() for run in _DASH_RUN.finditer(columns)]
    bounds = list(zip([0, *starts[1:]], [*starts[1:], None]))
    cells: list[list[str]] = []
    for row in rows:
        texts = ["\n".join(_cut(line, a, b).rstrip() for line in row) for a, b in bounds]
        cells.append([textwrap.dedent(text).strip("\n") for text in texts if text.strip()])
    return cells
