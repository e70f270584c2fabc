"""Result types (newsclean.model) travel: they pickle, deep-copy, hash and compare equal
after the trip, so an Article can cross a process pool or be kept in a set."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, Block, BlockKind, Form, FrozenMap, Image, Layer, LayerReport

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# seed-003 has it all: several authors, a timezone-aware datetime, images, an alternate link.
SEED = FIXTURES / "seed-003" / "source.pandoc-gfm.md"


@pytest.fixture(scope="module")
def article() -> Article:
    found = newsclean.clean(SEED.read_text(encoding="utf-8"))
    assert found.alternates and found.images and len(found.authors) > 1 and found.layers
    return found


def _values(article: Article) -> list[Any]:
    return [article, article.paragraphs[0], article.images[0], article.layers[0], article.alternates,
            BlockKind.QUOTE, Form.PANDOC, Layer.AD]


def test_every_result_type_pickles_and_compares_equal(article: Article) -> None:
    for value in _values(article):
        back = pickle.loads(pickle.dumps(value))
        assert back == value and hash(back) == hash(value), type(value).__name__
        assert type(back) is type(value)


def test_every_result_type_deep_copies(article: Article) -> None:
    for value in _values(article):
        twin = copy.deepcopy(value)
        assert twin == value and hash(twin) == hash(value), type(value).__name__


def test_articles_can_be_kept_in_a_set(article: Article) -> None:
    again = newsclean.clean(SEED.read_text(encoding="utf-8"))
    assert {article, again} == {article}
    other = newsclean.clean(FIXTURES / "nytimes-1" / "source.html")
    assert len({article, again, other}) == 2


def test_an_article_survives_a_process_pool(article: Article) -> None:
    pages = [SEED.read_text(encoding="utf-8"), (FIXTURES / "nytimes-1" / "source.html").read_bytes()]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(newsclean.clean, pages))
    assert results[0] == article
    assert results[1] == newsclean.clean(pages[1])


def test_errors_pickle_with_their_message() -> None:
    for error in (newsclean.NotAnArticle("a section front: 12 story cards"), newsclean.InputTooLarge("big"),
                  newsclean.DecodeError("binary"), newsclean.InvalidInput("a URL")):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error)


def test_frozen_map_is_a_read_only_mapping() -> None:
    mapping = FrozenMap({"es": "https://example.com/es"})
    assert mapping == {"es": "https://example.com/es"} and dict(mapping) == {"es": "https://example.com/es"}
    assert mapping != FrozenMap({"es": "https://example.com/other"})
    with pytest.raises(TypeError):
        mapping["fr"] = "x"  # type: ignore[index]
    assert not hasattr(mapping, "__dict__")


def test_values_built_by_hand_are_hashable() -> None:
    built = Article(paragraphs=(Block(BlockKind.PARAGRAPH, "One."),), form=Form.TEXT,
                    images=(Image("https://example.com/a.jpg", "A caption", "A credit"),),
                    layers=(LayerReport(Layer.AD, 2, 26),), alternates=FrozenMap({"fr": "https://example.com/fr"}))
    assert hash(built) == hash(copy.deepcopy(built))


def test_alternates_given_as_a_dict_become_a_frozen_map() -> None:
    built = Article(paragraphs=(), form=Form.TEXT, alternates={"fr": "https://example.com/fr"})
    assert isinstance(built.alternates, FrozenMap) and hash(built) == hash(copy.deepcopy(built))
