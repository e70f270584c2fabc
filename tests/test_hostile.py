"""Hostile input: each case ends in a sensible result or a typed NewscleanError, never an
exception from inside a dependency and never a hang. docs/reliability.md lists the outcomes."""

from __future__ import annotations

import os
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import newsclean
from conftest import FIXTURES
from newsclean._parse import DEFAULT_MAX_DEPTH, SAFE_TAG_COUNT, _unwrap_deep, bound_depth, parse
from newsclean.model import Form

ARTICLE = "<html><body><article><p>Real text of the story.</p>{}</article></body></html>"
DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"  # the long runs: every cut of every page


def _clean_or_not_an_article(markup: str | bytes) -> newsclean.Article | None:
    try:
        return newsclean.clean(markup)
    except newsclean.NotAnArticle:
        return None


def test_binary_garbage_is_a_decode_error() -> None:
    garbage = random.Random(7).randbytes(20_000)
    with pytest.raises(newsclean.DecodeError, match="binary"):
        newsclean.clean(garbage)


def test_an_image_file_is_a_decode_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(newsclean.DecodeError):
        newsclean.clean(png)


@pytest.mark.parametrize("markup", [ARTICLE.format("<p>Nul\x00 here.</p>"),
                                    ARTICLE.format("<p>Nul\x00 here.</p>").encode("utf-8")])
def test_a_nul_byte_is_dropped(markup: str | bytes) -> None:
    article = newsclean.clean(markup)
    assert article.text == "Real text of the story.\n\nNul here."


def _tag_boundaries(html: str) -> list[int]:
    return [m.end() for m in re.finditer(r">", html)]


def _in_order_within(items: list[str], full: list[str]) -> bool:
    remaining = iter(full)
    return all(item in remaining for item in items)


@pytest.mark.parametrize(("case", "step"), [("medium-2", 1), ("nytimes-1", 1 if DEEP else 25)])
def test_truncated_html_at_tag_boundaries_never_fails_badly(case: str, step: int) -> None:
    html = (FIXTURES / case / "source.html").read_text(encoding="utf-8")
    full = [b.text for b in newsclean.clean(html).paragraphs]
    body_starts = html.rindex(full[0][:30])  # the last one: titles repeat in the head
    for cut in _tag_boundaries(html)[::step]:
        article = _clean_or_not_an_article(html[:cut])  # anything but NotAnArticle fails the test
        if article is not None and cut > body_starts:
            # once the body has begun, a cut page gives the whole paragraphs before the cut,
            # in order (the last one may be cut short)
            got = [b.text for b in article.paragraphs]
            assert _in_order_within(got[:-1], full), (cut, got[:3])


def test_truncated_nyt_page_keeps_the_paragraphs_before_the_cut() -> None:
    html = (FIXTURES / "nytimes-3" / "source.html").read_text(encoding="utf-8")
    full = [b.text for b in newsclean.clean(html).paragraphs]
    cut = html.index(full[10][:40])  # in the middle of the body
    got = [b.text for b in newsclean.clean(html[:cut]).paragraphs]
    assert got == full[:10]


def test_100000_deep_nesting_is_flattened_before_parsing() -> None:
    depth = 100_000
    page = ARTICLE.format("<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth)
    article = newsclean.clean(page)
    assert article.text == "Real text of the story.\n\nDeep text."


def test_deep_inline_nesting_too() -> None:
    page = ARTICLE.format("<p>" + "<b><i>" * 50_000 + "Bold deep." + "</i></b>" * 50_000 + "</p>")
    assert newsclean.clean(page).paragraphs[-1].text == "Bold deep."


def _max_depth(tree) -> int:
    deepest, stack = 0, [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.iter(include_text=False))
    return deepest


@pytest.mark.parametrize("unit", ["<div><b>x</b>", "<section></span>", "<div><br>"])
def test_nesting_hidden_between_closing_tags_is_bounded_too(unit: str) -> None:
    # A closing tag after every opening one, of another element or of none: the page still
    # nests 50,000 deep, and the tree that comes out of parse() is cut at the bound.
    tree = parse(ARTICLE.format(unit * 50_000), Form.HTML)
    assert DEFAULT_MAX_DEPTH - 10 <= _max_depth(tree) <= DEFAULT_MAX_DEPTH + 4


def test_bound_depth_leaves_ordinary_pages_untouched() -> None:
    html = (FIXTURES / "nytimes-4" / "source.html").read_text(encoding="utf-8")
    assert bound_depth(html, 512) is html


def test_bound_depth_unwraps_only_what_is_too_deep_and_skips_scripts_and_comments() -> None:
    inner = "<script>if (a < b && '<div>') {}</script><!-- <div><div> -->text"
    assert bound_depth("<div>" * 300 + inner + "</div>" * 300, 250) == "<div>" * 250 + inner + "</div>" * 250


def test_a_50_mb_page_is_cleaned() -> None:
    paragraph = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 10 + "</p>"
    body = "<aside class='ad'>Advertisement</aside>".join([paragraph * 50] * 1700)
    page = ARTICLE.format(body)
    assert 45_000_000 < len(page) < 55_000_000
    article = newsclean.clean(page)
    assert len(article.paragraphs) == 1 + 50 * 1700
    assert "Advertisement" not in article.text


def test_over_the_size_limit_is_input_too_large_before_any_work() -> None:
    with pytest.raises(newsclean.InputTooLarge, match="limit is 1,000"):
        newsclean.clean(b"x" * 1001, max_bytes=1000)


def test_a_10_mb_attribute() -> None:
    page = f'<html><body><article data-blob="{"a" * 10_000_000}"><p>Text beside a huge attribute.</p></article></body></html>'
    assert newsclean.clean(page).text == "Text beside a huge attribute."


def test_mixed_encodings_read_each_part_right() -> None:
    start, end = ARTICLE.split("{}")
    data = (start + "<p>Café naïve — ").encode("utf-8") + "et très bon.".encode("cp1252") + ("</p>" + end).encode()
    assert newsclean.clean(data).paragraphs[-1].text == "Café naïve — et très bon."


def test_invalid_utf8_under_a_utf8_declaration_still_cleans() -> None:
    data = ('<html><head><meta charset="utf-8"></head><body><article><p>Good text, then a bad byte: ').encode() \
        + b"\xff\xfe" + b" and more good text.</p></article></body></html>"
    text = newsclean.clean(data).text
    assert text.startswith("Good text, then a bad byte: ") and text.endswith(" and more good text.")


def test_cp1252_mojibake_in_the_input_is_kept_as_it_is() -> None:
    # newsclean does not guess at repairs: what it returns is drawn from the input.
    assert newsclean.clean(ARTICLE.format("<p>CafÃ© and Ãngel.</p>")).paragraphs[-1].text == "CafÃ© and Ãngel."


def test_markdown_that_is_all_raw_html_cleans_like_html() -> None:
    markdown = ('<div class="StoryBodyCompanionColumn">\n\n<p>First paragraph.</p>\n\n</div>\n\n'
                '<div class="ad">\n\n<p>Advertisement</p>\n\n</div>\n\n<div class="StoryBodyCompanionColumn">\n\n'
                "<p>Second paragraph.</p>\n\n</div>\n")
    assert newsclean.clean(markdown).text == "First paragraph.\n\nSecond paragraph."


def test_an_article_inside_a_script_or_comment_is_not_the_article() -> None:
    fake = "<article><h1>Fake</h1><p>This fake article lives in a string.</p></article>"
    page = (f"<html><body><script>var tpl = '{fake}';</script><!-- {fake} -->"
            "<article><p>The real story.</p></article></body></html>")
    assert newsclean.clean(page).text == "The real story."
    with pytest.raises(newsclean.NotAnArticle):
        newsclean.clean(f"<html><body><script>var t = '{fake}';</script><!-- {fake} --></body></html>")


def test_a_heading_line_of_100000_open_tags_is_read_in_linear_time() -> None:
    # The wrapped-heading repair must not backtrack over every "<" of a hostile line.
    page = "<div class='x'>\n\n# " + "<a" * 100_000 + ">\n\nA paragraph of the story, long enough to count.\n\n</div>\n"
    article = newsclean.clean(page, form="pandoc")
    assert article.paragraphs[-1].text == "A paragraph of the story, long enough to count."


def test_a_byline_of_100000_numbers_gives_no_name() -> None:
    page = ARTICLE.format('<p class="byline">By ' + "1 " * 100_000 + "x</p>")
    assert newsclean.clean(page).authors == ()


_SOUP = ["<{t}>", "</{t}>", "<{t}/>", "<{t} x='--'>", "</{t} >", "x", " ", "<!--", "-->", "<", ">", "<!-- <{t}> -->",
         "<script>", "</script>"]
_SOUP_TAGS = ["div", "p", "li", "b", "span", "br", "img", "td", "P", "DIV", "a-b", "textarea"]


@given(st.lists(st.tuples(st.sampled_from(_SOUP), st.sampled_from(_SOUP_TAGS)), max_size=60),
       st.integers(min_value=1, max_value=6))
def test_bound_depth_measures_first_and_rewrites_exactly_as_tag_by_tag(parts: list[tuple[str, str]], depth: int) -> None:
    # The fast path (measure the depth, keep the page) and the rewrite agree on every tag soup:
    # the page comes back as the same object exactly when the rewrite would change nothing.
    html = "".join(part.format(t=tag) for part, tag in parts)
    rewritten = _unwrap_deep(html, depth)
    assert bound_depth(html, depth) == rewritten
    assert (bound_depth(html, depth) is html) == (rewritten == html)


def test_a_long_page_with_nothing_too_deep_is_parsed_as_it_is() -> None:
    # Over SAFE_TAG_COUNT tags, a page is measured; nothing too deep: the tree of its bytes.
    page = ARTICLE.format("<div><p>A paragraph of the story, long enough to be prose.</p></div>" * 12_000)
    assert page.count("<") > SAFE_TAG_COUNT
    assert parse(page, Form.HTML, utf8=page.encode()).html == LexborHTMLParser(page).html
