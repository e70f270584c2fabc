"""The library's promises as properties (hypothesis), on generated NYT-style pages and on
arbitrary input. CI runs the "ci" profile (fixed seed); HYPOTHESIS_PROFILE=deep runs more."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from strategies import Page, pages

_FORMS = ("html", "markdown")


def _clean(page: Page, form: str) -> newsclean.Article:
    return newsclean.clean(page.html if form == "html" else page.markdown)


@given(pages(), st.sampled_from(_FORMS))
def test_body_paragraphs_come_back_exactly_in_order_and_nothing_else(page: Page, form: str) -> None:
    article = _clean(page, form)
    assert [b.text for b in article.paragraphs] == [p.text for p in page.paragraphs]


@given(pages(), st.sampled_from(_FORMS))
def test_no_boilerplate_text_leaks_into_the_body(page: Page, form: str) -> None:
    text = _clean(page, form).text
    assert [b for b in page.boilerplate if b in text] == []


@given(pages(), st.sampled_from(_FORMS))
def test_captions_and_credits_become_images_and_the_byline_authors(page: Page, form: str) -> None:
    article = _clean(page, form)
    assert [(i.caption, i.credit, i.url) for i in article.images] == [(p.caption, p.credit, p.url) for p in page.photos]
    assert article.authors == page.authors


@given(pages())
def test_both_forms_of_a_page_agree(page: Page) -> None:
    html_article, markdown_article = _clean(page, "html"), _clean(page, "markdown")
    assert html_article.paragraphs == markdown_article.paragraphs
    assert (html_article.title, html_article.authors, html_article.published, html_article.section) == (
        markdown_article.title, markdown_article.authors, markdown_article.published, markdown_article.section)


@given(pages(), st.sampled_from(_FORMS))
def test_clean_text_is_a_fixed_point(page: Page, form: str) -> None:
    text = _clean(page, form).text
    assert newsclean.clean(text).text == text
    assert newsclean.clean(newsclean.clean(text).text).text == text


@given(pages(), st.sampled_from(_FORMS))
def test_same_input_same_output(page: Page, form: str) -> None:
    assert _clean(page, form) == _clean(page, form)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
_MARKUPISH = st.lists(st.sampled_from(["<p>", "</p>", "<div class='ad'>", "</div>", "<article>", "Advertisement",
                                       "::: {.x}", ":::", "[a](b)", "# ", "\n\n", "By Ann Lee", "Feb. 22, 2017",
                                       "<script>", "&amp;", "<!--", "-->", "word ", "“q”", "\x00"]),
                      max_size=40).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_TEXT, _MARKUPISH, st.binary(max_size=400)))
def test_nothing_but_newsclean_errors_is_ever_raised(markup: str | bytes) -> None:
    try:
        newsclean.clean(markup)
    except newsclean.NewscleanError:
        pass


_ASCII_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "."})


def _fold(text: str) -> str:
    """Typographic punctuation pandoc's smart markdown writes in ASCII, folded back to ASCII."""
    return re.sub(r"-+", "-", re.sub(r"\.+", ".", text.translate(_ASCII_FOLD)))


def _visible(markup: str) -> str:
    """Text as it can appear after cleaning: entities decoded, whitespace runs folded."""
    return _fold(re.sub(r"\s+", " ", html.unescape(markup)))


@given(st.one_of(_TEXT, _MARKUPISH))
def test_every_output_paragraph_is_drawn_from_the_input(markup: str) -> None:
    try:
        article = newsclean.clean(markup)
    except newsclean.NewscleanError:
        return
    source = unicodedata.normalize("NFC", _visible(markup))
    for block in article.paragraphs:
        if article.form is newsclean.Form.TEXT:
            assert block.text in markup.replace("\x00", "")  # NUL is dropped on input (docs/reliability.md)
        else:  # markup between characters is dropped: the characters stay, in their order
            remaining = iter(source)
            missing = [ch for ch in _fold(block.text).replace(" ", "") if ch not in remaining]
            assert missing == [], block.text
