"""The public API (newsclean.clean and newsclean.__all__): entry point, options, errors."""

from __future__ import annotations

import dataclasses

import pytest

import newsclean


def test_everything_in_all_exists_and_is_documented() -> None:
    for name in newsclean.__all__:
        obj = getattr(newsclean, name)
        if callable(obj) and not isinstance(obj, int):
            assert (obj.__doc__ or "").strip(), name


def test_errors_form_one_tree() -> None:
    for error in (newsclean.NotAnArticle, newsclean.InputTooLarge, newsclean.DecodeError, newsclean.InvalidInput):
        assert issubclass(error, newsclean.NewscleanError)


@pytest.mark.parametrize("markup", ["", "   \n\t  ", b"", "\n\n\n"])
def test_empty_input_is_not_an_article(markup: str | bytes) -> None:
    with pytest.raises(newsclean.NotAnArticle, match="empty"):
        newsclean.clean(markup)


def test_a_page_of_only_boilerplate_says_so() -> None:
    html = "<html><body><nav>Home | World</nav><div class='ad'>Advertisement</div><footer>© 2019</footer></body></html>"
    with pytest.raises(newsclean.NotAnArticle, match="boilerplate"):
        newsclean.clean(html)


def test_wrong_type_is_a_typed_error() -> None:
    with pytest.raises(newsclean.InvalidInput):
        newsclean.clean(42)  # type: ignore[arg-type]


def test_size_limit_can_be_raised() -> None:
    html = "<article><p>" + "word " * 300 + "</p></article>"
    with pytest.raises(newsclean.InputTooLarge):
        newsclean.clean(html, max_bytes=100)
    assert newsclean.clean(html, max_bytes=10_000).paragraphs


def test_article_is_frozen() -> None:
    article = newsclean.clean("<article><p>Some text.</p></article>")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


def test_bytes_report_the_encoding_used() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><article><p>Caf\xe9.</p></article></body></html>'
    article = newsclean.clean(html.encode("cp1252"))
    assert article.text == "Café."
    assert article.encoding == "cp1252"


def test_form_can_be_forced() -> None:
    markup = "<p>Shown as it is.</p>"
    assert newsclean.clean(markup, form="text").text == markup
    assert newsclean.clean(markup, form=newsclean.Form.HTML).text == "Shown as it is."
