"""Renderers (newsclean.render): dict, JSON and markdown only read the Article."""

from __future__ import annotations

import datetime as dt
import json

from newsclean.model import Article, Block, BlockKind, Form, Image, Layer, LayerReport

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
        "# Title\n\n*By Ann Lee, Bo Diaz · 2017-02-22T19:08:00-05:00*\n\n"
        "First \\*paragraph\\* — with “quotes”.\n\n## A subhead\n\n> A quote.\n\n- An item\n\n\\- not a list\n")


def test_text_joins_blocks_with_blank_lines() -> None:
    assert ARTICLE.text.split("\n\n")[1] == "A subhead"
