"""Body blocks (newsclean.body): kinds, inline text, labelled layers skipped."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsclean.body import body_roots, extract_blocks
from newsclean.layers import label_layers
from newsclean.model import BlockKind
from newsclean.profiles import NYT


def _blocks(html: str) -> list[tuple[str, str]]:
    tree = LexborHTMLParser(html)
    labels = label_layers(tree, NYT)
    return [(b.kind.value, b.text) for b in extract_blocks(body_roots(tree, NYT, labels), labels)]


def _body(inner: str) -> str:
    return f'<section itemprop="articleBody">{inner}</section>'


def test_kinds_of_blocks() -> None:
    assert _blocks(_body("<p>Para one.</p><h2>A subhead</h2><blockquote><p>Quoted.</p></blockquote>"
                         "<ul><li>Item <b>one</b></li><li><p>Item two</p></li></ul>")) == [
        ("paragraph", "Para one."), ("subhead", "A subhead"), ("quote", "Quoted."),
        ("list_item", "Item one"), ("list_item", "Item two")]


def test_links_become_their_text_and_whitespace_collapses() -> None:
    assert _blocks(_body('<p>A <a href="/x">new\n  order</a>\tto\u00a0act.</p>')) == [("paragraph", "A new order to act.")]


def test_react_comments_join_text_without_spaces() -> None:
    assert _blocks(_body("<p>over 10 year<!-- -->s, in 2014<!-- -->.</p>")) == [("paragraph", "over 10 years, in 2014.")]


def test_text_straight_in_a_div_is_a_paragraph_and_br_is_a_space() -> None:
    assert _blocks(_body("<div>First line<br>second line</div><p>Next.</p>")) == [
        ("paragraph", "First line second line"), ("paragraph", "Next.")]


def test_labelled_layers_inside_the_body_are_skipped_whole() -> None:
    html = _body("<p>Before.</p><figure><img src='a.jpg'><figcaption>Caption. Credit Jane</figcaption></figure>"
                 "<div class='ad'>Advertisement</div><p>After.</p>")
    assert _blocks(html) == [("paragraph", "Before."), ("paragraph", "After.")]


def test_body_roots_are_all_story_body_columns_in_order() -> None:
    html = ('<div id="story"><div class="story-body"><p class="story-body-text">One.</p></div>'
            '<aside class="marginalia"><p>Related</p></aside>'
            '<div class="story-body"><p class="story-body-text">Two.</p></div></div>')
    assert [text for _, text in _blocks(html)] == ["One.", "Two."]


def test_block_kind_enum_values_are_stable() -> None:
    assert [k.value for k in BlockKind] == ["paragraph", "subhead", "quote", "list_item"]
