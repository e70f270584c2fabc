"""Every fixture folder, every input form: body paragraphs, each metadata field, no leaks.

Expected values come from ``fixtures/<case>/expected.json``, written by reading each page
(see fixtures/README.md), never by running newsclean.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import pytest

import newsclean
from conftest import FixtureInput, fixture_inputs

INPUTS = fixture_inputs()
ARTICLES = [i for i in INPUTS if "paragraphs" in i.expected]
NOT_ARTICLES = [i for i in INPUTS if i.expected.get("not_an_article")]
UNCHANGED = [i for i in INPUTS if i.expected.get("unchanged")]


@lru_cache(maxsize=None)
def _clean(inp: FixtureInput) -> newsclean.Article:
    return newsclean.clean(inp.read(), url=inp.expected.get("url") if inp.expected.get("metadata_only") else None)


def _ids(inputs: list[FixtureInput]) -> list[str]:
    return [i.id for i in inputs]


def _expected_fields(inp: FixtureInput) -> dict[str, Any]:
    fields = dict(inp.expected.get("metadata", {}))
    if inp.form == "html":
        fields.update(inp.expected.get("metadata_html", {}))
    return fields


# Pages kept for their metadata alone (fixtures/meta-*): a family of bylines, datelines or titles.
METADATA_ONLY = [i for i in INPUTS if i.expected.get("metadata_only")]
FIELD_CASES = [(inp, name, value) for inp in ARTICLES + METADATA_ONLY for name, value in _expected_fields(inp).items()]


def _as_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def _actual(article: newsclean.Article, name: str) -> Any:
    value = getattr(article, name)
    if name in ("authors", "tags"):
        return list(value)
    if name == "alternates":
        return dict(value)
    if name == "images":
        return [{"url": i.url, "caption": i.caption, "credit": i.credit} for i in value]
    return value


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_body_paragraphs_exact_and_in_order(inp: FixtureInput) -> None:
    got = [(block.kind.value, block.text) for block in _clean(inp).paragraphs]
    want = [(p["kind"], p["text"]) for p in inp.expected["paragraphs"]]
    assert got == want


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_text_is_paragraphs_joined_by_blank_lines(inp: FixtureInput) -> None:
    assert _clean(inp).text == "\n\n".join(p["text"] for p in inp.expected["paragraphs"])


@pytest.mark.parametrize(("inp", "field", "value"), FIELD_CASES,
                         ids=[f"{i.id}:{f}" for i, f, _ in FIELD_CASES])
def test_metadata_field(inp: FixtureInput, field: str, value: Any) -> None:
    got = _actual(_clean(inp), field)
    want = _as_date(value) if field in ("published", "modified") and value is not None else value
    if inp.expected.get("metadata_only") and field in ("published", "modified") and isinstance(got, dt.datetime):
        got = got.date()  # these fixtures state the day the page shows
    matches = got == want and type(got) is type(want)
    gap = inp.expected.get("known_gaps", {}).get(field)
    if gap:  # written down in expected.json; once it is fixed, this fails until the gap is removed
        assert not matches, f"known gap closed, remove it from expected.json: {gap}"
        pytest.xfail(f"known gap: {gap}")
    if field in ("published", "modified"):
        assert type(got) is type(want)
    assert got == want


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_no_boilerplate_line_in_body(inp: FixtureInput) -> None:
    text = _clean(inp).text
    assert [line for line in inp.expected.get("boilerplate", []) if line in text] == []


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_detected_form_is_reported(inp: FixtureInput) -> None:
    assert _clean(inp).form.value == inp.form


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_layer_report_accounts_for_ads_and_photos(inp: FixtureInput) -> None:
    article = _clean(inp)
    if "Advertisement" in inp.expected.get("boilerplate", []):  # the page labels its ad slots
        ads = article.layer(newsclean.Layer.AD)
        assert ads is not None and ads.count >= 1 and ads.chars >= len("Advertisement")
    if inp.expected.get("metadata", {}).get("images"):
        photos = article.layer(newsclean.Layer.PHOTO)
        assert photos is not None and photos.count >= len(inp.expected["metadata"]["images"])


@pytest.mark.parametrize("case", sorted({i.case for i in ARTICLES}))
def test_every_form_of_a_page_gives_the_same_paragraphs(case: str) -> None:
    forms = [i for i in ARTICLES if i.case == case]
    texts = {i.path.name: _clean(i).text for i in forms}
    assert len(set(texts.values())) == 1, sorted(texts)


@pytest.mark.parametrize("inp", NOT_ARTICLES, ids=_ids(NOT_ARTICLES))
def test_not_an_article_raises_with_what_it_saw(inp: FixtureInput) -> None:
    with pytest.raises(newsclean.NotAnArticle, match=inp.expected["reason_contains"]):
        newsclean.clean(inp.read())


@pytest.mark.parametrize("inp", UNCHANGED, ids=_ids(UNCHANGED))
def test_clean_text_comes_back_unchanged(inp: FixtureInput) -> None:
    source = inp.read()
    article = newsclean.clean(source)
    assert article.form is newsclean.Form.TEXT
    assert article.text == source
    assert len(article.paragraphs) == inp.expected["paragraph_count"]
    assert article.paragraphs[0].text.startswith(inp.expected["first_paragraph_starts"])
    assert article.paragraphs[-1].text.endswith(inp.expected["last_paragraph_ends"])
    assert article.layers == ()
    assert newsclean.clean(article.text).text == article.text


@pytest.mark.parametrize("inp", ARTICLES, ids=_ids(ARTICLES))
def test_cleaning_the_output_again_changes_nothing(inp: FixtureInput) -> None:
    text = _clean(inp).text
    again = newsclean.clean(text)
    assert again.form is newsclean.Form.TEXT
    assert again.text == text


READABILITY = [i for i in ARTICLES if (i.path.parent / "readability-metadata.json").is_file()]


@pytest.mark.parametrize("inp", READABILITY, ids=_ids(READABILITY))
def test_title_and_author_match_the_readability_suite(inp: FixtureInput) -> None:
    import json

    suite = json.loads((inp.path.parent / "readability-metadata.json").read_text(encoding="utf-8"))
    article = _clean(inp)
    assert article.title == suite["title"]
    assert ", ".join(article.authors) == suite["byline"]
