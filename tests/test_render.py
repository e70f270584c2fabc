"""Renderers (newsclean.render): dict, JSON and markdown only read the Article."""

from __future__ import annotations

import datetime as dt
import json
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from newsclean.model import Article, Block, BlockKind, Form, Image, Layer, LayerReport
from newsclean.render import dict_to_markdown
from strategies import block_texts

ARTICLE = Article(
    paragraphs=(Block(BlockKind.PARAGRAPH, "First *paragraph* — with “quotes”."),
                Block(BlockKind.SUBHEAD, "A subhead"), Block(BlockKind.QUOTE, "A quote."),
                Block(BlockKind.LIST_ITEM, "An item"), Block(BlockKind.PARAGRAPH, "- not a list")),
    form=Form.HTML, title="Title", authors=("Ann Lee", "Bo Diaz"),
    published=dt.datetime(2017, 2, 22, 19, 8, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    images=(Image("https://img.test/a.jpg", "Cap.", "Jane Doe"),), alternates={"es": "https://x.test/es"},
    layers=(LayerReport(Layer.AD, 3, 120),),
)


def test_dict_is_plain_json_ready_data() -> None:
    data = ARTICLE.to_dict()
    assert data["authors"] == ["Ann Lee", "Bo Diaz"]
    assert data["published"] == "2017-02-22T19:08:00-05:00"
    assert data["images"] == [{"url": "https://img.test/a.jpg", "caption": "Cap.", "credit": "Jane Doe"}]
    assert data["layers"] == [{"layer": "ad", "count": 3, "chars": 120}]
    assert data["paragraphs"][1] == {"kind": "subhead", "text": "A subhead"}
    assert data["text"] == ARTICLE.text


def test_json_round_trips_and_keeps_non_ascii() -> None:
    text = ARTICLE.to_json()
    assert "“quotes”" in text
    assert json.loads(text) == ARTICLE.to_dict()


def test_markdown_marks_block_kinds_and_escapes_text() -> None:
    assert ARTICLE.to_markdown() == (
        "# Title\n\n*By Ann Lee and Bo Diaz · February 22, 2017*\n\n"
        "First \\*paragraph\\* — with “quotes”.\n\n## A subhead\n\n> A quote.\n\n- An item\n\n\\- not a list\n")


def test_an_ordered_lists_items_are_numbered_in_markdown_and_json_but_not_in_plain_text() -> None:
    steps = Article(paragraphs=(Block(BlockKind.LIST_ITEM, "Preheat the oven", number=3),
                                Block(BlockKind.LIST_ITEM, "4. Bake", number=4), Block(BlockKind.LIST_ITEM, "Serve")),
                    form=Form.HTML)
    assert steps.to_markdown() == "3. Preheat the oven\n\n4. 4\\. Bake\n\n- Serve\n"
    assert steps.to_dict()["paragraphs"][0] == {"kind": "list_item", "text": "Preheat the oven", "number": 3}
    assert "number" not in steps.to_dict()["paragraphs"][2]
    assert dict_to_markdown(json.loads(steps.to_json())) == steps.to_markdown()
    assert steps.text == "Preheat the oven\n\n4. Bake\n\nServe"


def test_text_joins_blocks_with_blank_lines() -> None:
    assert ARTICLE.text.split("\n\n")[1] == "A subhead"


def _markdown_of(*blocks: Block, **metadata: object) -> str:
    return Article(paragraphs=blocks, form=Form.HTML, **metadata).to_markdown()  # type: ignore[arg-type]


def _paragraph_line(text: str) -> str:
    return _markdown_of(Block(BlockKind.PARAGRAPH, text)).rstrip("\n")


def test_numbers_and_marks_that_start_a_line_are_escaped_after_the_number() -> None:
    assert _paragraph_line("1. Some text") == "1\\. Some text"
    assert _paragraph_line("2019) was the year") == "2019\\) was the year"
    assert _paragraph_line("# not a heading") == "\\# not a heading"
    assert _paragraph_line("> not a quote") == "\\> not a quote"
    assert _paragraph_line("- not a list") == "\\- not a list"
    assert _paragraph_line("---") == "\\---"


def test_text_markdown_would_not_read_as_markup_is_left_alone() -> None:
    for text in ("a_b_c and snake_case", "2 * 3 = 6", "1.5 million", "#hashtag", "C# and F#", "-3 degrees",
                 "AT&T said yes!", "a < b > c", "50% off (really)", "a \\ b"):
        assert _paragraph_line(text) == text


def test_text_markdown_would_read_as_markup_is_escaped() -> None:
    assert _paragraph_line("*emphasis* and _this_ and __init__") == "\\*emphasis\\* and \\_this\\_ and \\_\\_init\\_\\_"
    assert _paragraph_line("2 *3 and `code` [link](x)") == "2 \\*3 and \\`code\\` \\[link\\](x)"
    assert _paragraph_line("<b>bold</b> <!-- c --> &amp; &#35; \\*") == "\\<b>bold\\</b> \\<!-- c --> \\&amp; \\&#35; \\\\\\*"


def test_a_subhead_keeps_a_trailing_hash() -> None:
    assert _markdown_of(Block(BlockKind.SUBHEAD, "We're number #")) == "## We're number \\#\n"
    assert _markdown_of(Block(BlockKind.SUBHEAD, "1. Learn C#")) == "## 1. Learn C#\n"


def test_a_block_with_line_breaks_is_written_on_one_line() -> None:
    assert _markdown_of(Block(BlockKind.LIST_ITEM, "One line\n- and another\r\n# third")) == "- One line - and another # third\n"


def _byline(authors: tuple[str, ...], published: dt.date | None) -> str:
    return _markdown_of(Block(BlockKind.PARAGRAPH, "Body."), authors=authors, published=published).split("\n")[0]


def test_the_byline_line_names_the_authors_and_the_day() -> None:
    day = dt.date(2019, 11, 18)
    assert _byline(("Jane Doe", "John Roe", "Ann Poe"), day) == "*By Jane Doe, John Roe and Ann Poe · November 18, 2019*"
    assert _byline(("Jane Doe", "John Roe"), day) == "*By Jane Doe and John Roe · November 18, 2019*"
    assert _byline(("Jane Doe",), day) == "*By Jane Doe · November 18, 2019*"
    assert _byline(("Jane Doe",), None) == "*By Jane Doe*"
    assert _byline((), day) == "*November 18, 2019*"
    assert _byline((), None) == "Body."


def test_the_byline_date_is_the_day_where_it_was_written_without_the_time() -> None:
    late = dt.datetime(2019, 11, 18, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # the 19th in UTC
    assert _byline((), late) == "*November 18, 2019*"
    assert _byline((), dt.datetime(2019, 3, 1, 16, 18, tzinfo=dt.timezone.utc)) == "*March 1, 2019*"


def test_the_byline_escapes_names_and_keeps_a_date_that_is_not_iso_as_it_is() -> None:
    assert dict_to_markdown({"authors": ["A*B", "C_"], "published": "last Tuesday"}) == "*By A\\*B and C\\_ · last Tuesday*\n"


def test_a_block_is_written_from_its_inline_markdown_when_it_has_one() -> None:
    block = Block(BlockKind.QUOTE, "See the report.", "See [the report](https://x.org/a).")
    assert _markdown_of(block) == "> See [the report](https://x.org/a).\n"
    assert Article(paragraphs=(block,), form=Form.HTML).to_dict()["paragraphs"] == [
        {"kind": "quote", "text": "See the report.", "markdown": "See [the report](https://x.org/a)."}]
    assert ARTICLE.to_dict()["paragraphs"][0] == {"kind": "paragraph", "text": "First *paragraph* — with “quotes”."}


def test_a_block_with_markdown_still_hashes_pickles_and_builds_positionally() -> None:
    block = Block(BlockKind.PARAGRAPH, "a b", "*a* b")
    assert pickle.loads(pickle.dumps(block)) == block
    assert hash(block) == hash(Block(BlockKind.PARAGRAPH, "a b", "*a* b")) and block != Block(BlockKind.PARAGRAPH, "a b")
    assert Block(BlockKind.PARAGRAPH, "a b").markdown is None


# --- Round trip: what the markdown says, a CommonMark reader reads back --------------------

_COMMONMARK = MarkdownIt("commonmark")
_SKELETON = {
    "paragraph": ["paragraph_open", "inline", "paragraph_close"],
    "subhead": ["heading_open", "inline", "heading_close"],
    "quote": ["blockquote_open", "paragraph_open", "inline", "paragraph_close", "blockquote_close"],
    "list_item": ["bullet_list_open", "list_item_open", "paragraph_open", "inline", "paragraph_close",
                  "list_item_close", "bullet_list_close"],
}


def _collapse(text: str) -> str:
    return " ".join(text.split())


def read_back(markdown: str) -> tuple[list[Token], str]:
    """The block tokens CommonMark reads from ``markdown``, and the text a reader sees."""
    return _COMMONMARK.parse(markdown), _collapse(LexborHTMLParser(_COMMONMARK.render(markdown)).text())


@settings(max_examples=max(400, settings.default.max_examples))  # cheap examples; each line start needs a few
@given(block_texts(), st.sampled_from(list(BlockKind)))
def test_markdown_reads_back_as_the_same_text_in_the_same_kind_of_block(text: str, kind: BlockKind) -> None:
    tokens, seen = read_back(_markdown_of(Block(kind, text)))
    assert [token.type for token in tokens] == _SKELETON[kind.value]
    inline = next(token for token in tokens if token.type == "inline")
    assert {child.type for child in inline.children or []} <= {"text"}  # no emphasis, code, link or HTML read
    assert seen == _collapse(text)


@settings(max_examples=max(200, settings.default.max_examples))
@given(block_texts(), st.integers(min_value=-10, max_value=10**10))
def test_a_numbered_item_reads_back_as_an_ordered_list_from_its_number(text: str, number: int) -> None:
    tokens, seen = read_back(_markdown_of(Block(BlockKind.LIST_ITEM, text, number=number)))
    if 0 <= number < 10**9:
        assert [token.type for token in tokens] == ["ordered_list_open", "list_item_open", "paragraph_open", "inline",
                                                    "paragraph_close", "list_item_close", "ordered_list_close"]
        assert tokens[0].attrGet("start") in (None if number == 1 else number, number)
    else:  # (a page's start="-2" or ten digits: no markdown number says so, a bullet does)
        assert [token.type for token in tokens] == _SKELETON["list_item"]
    assert seen == _collapse(text)


@given(block_texts(), st.lists(block_texts(), max_size=3))
def test_title_and_byline_read_back_as_written(title: str, authors: list[str]) -> None:
    markdown = _markdown_of(Block(BlockKind.PARAGRAPH, "Body."), title=title, authors=tuple(authors),
                            published=dt.date(2017, 2, 22))
    title_line, byline_line = markdown.split("\n\n")[:2]
    tokens, seen = read_back(title_line)
    assert [token.type for token in tokens] == ["heading_open", "inline", "heading_close"] and tokens[0].tag == "h1"
    assert seen == _collapse(title)
    tokens, seen = read_back(byline_line)
    assert [token.type for token in tokens] == _SKELETON["paragraph"]
    inline = [child.type for child in tokens[1].children or []]
    assert (inline[0], inline[-1], inline.count("em_open")) == ("em_open", "em_close", 1)
    names = [name.strip() for name in authors if name.strip()]
    by = f"By {', '.join(names[:-1])}{' and ' if len(names) > 1 else ''}{names[-1]} · " if names else ""
    assert seen == _collapse(by + "February 22, 2017")
