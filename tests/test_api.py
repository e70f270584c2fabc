"""The public API (newsclean.clean and newsclean.__all__): entry point, options, errors."""

from __future__ import annotations

import dataclasses
import gzip
import warnings
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


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


def test_a_refused_page_still_gives_its_metadata() -> None:
    html = ("<html lang='en'><head><title>Cloud notes</title><meta name='author' content='Jane Roe'>"
            "<meta property='article:published_time' content='2021-03-04T10:00:00+01:00'>"
            "<link rel='canonical' href='https://example.org/notes'></head>"
            "<body><nav>Home | World</nav><div id='app'></div><footer>© 2021</footer></body></html>")
    with pytest.raises(newsclean.NotAnArticle, match="boilerplate") as caught:
        newsclean.clean(html)
    page = caught.value.page
    assert page is not None and page.paragraphs == ()
    assert (page.title, page.authors, page.url, page.language) == (
        "Cloud notes", ("Jane Roe",), "https://example.org/notes", "en")
    assert str(page.published.date()) == "2021-03-04"
    assert {report.layer for report in page.layers} >= {newsclean.Layer.NAVIGATION, newsclean.Layer.FOOTER}


def test_a_section_front_keeps_its_title_and_crosses_processes() -> None:
    import pickle

    with pytest.raises(newsclean.NotAnArticle, match="section front") as caught:
        newsclean.clean(FIXTURES.joinpath("nytimes-5", "source.html").read_bytes())
    copy = pickle.loads(pickle.dumps(caught.value))
    assert str(copy) == str(caught.value)
    assert copy.page is not None and copy.page.title == "The New York Times en Español"


def test_an_article_written_only_in_noscript_is_read_as_a_browser_without_javascript_shows_it() -> None:
    # Blogger's dynamic views: the post is a script template, and again in <noscript>
    post = "<p>" + "As we officially move into a new era, the platform brings new capabilities. " * 4 + "</p>"
    html = ("<html><head><title>Cloud Platform Blog</title></head><body><div class='post-body'>"
            f"<script type='text/template'>{post}</script><noscript><span class='byline-author'>Posted by Brian "
            f"Stevens</span>{post}<h3>Regions for all</h3>{post}</noscript></div></body></html>")
    article = newsclean.clean(html)
    assert [block.kind for block in article.paragraphs] == [newsclean.BlockKind.PARAGRAPH, newsclean.BlockKind.SUBHEAD,
                                                            newsclean.BlockKind.PARAGRAPH]
    assert article.paragraphs[1].text == "Regions for all"


def test_a_noscript_notice_does_not_make_an_empty_page_an_article() -> None:
    html = ("<html><body><div id='app'></div><noscript>We're sorry but this app doesn't work properly "
            "without JavaScript enabled. Please enable it to continue.</noscript></body></html>")
    with pytest.raises(newsclean.NotAnArticle, match="no body text"):
        newsclean.clean(html)


def test_empty_input_has_no_page() -> None:
    with pytest.raises(newsclean.NotAnArticle) as caught:
        newsclean.clean("  ")
    assert caught.value.page is None


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


# --- Paths, URLs and files (issue 11) ---------------------------------------------------------

NYT_PAGE = FIXTURES / "nytimes-1" / "source.html"


def test_a_path_object_is_read_like_its_bytes() -> None:
    assert newsclean.clean(NYT_PAGE) == newsclean.clean(NYT_PAGE.read_bytes())


def test_a_gzipped_file_is_unpacked(tmp_path: Path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(NYT_PAGE.read_bytes()))
    assert newsclean.clean(packed) == newsclean.clean(NYT_PAGE.read_bytes())


def test_a_gzip_bomb_is_refused_by_the_same_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))  # ~5 kB on disk
    assert bomb.stat().st_size < 100_000
    with pytest.raises(newsclean.InputTooLarge, match="unpacks to more than"):
        newsclean.clean(bomb, max_bytes=1_000_000)


def test_a_large_file_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<p>x</p>" * 200_000)
    with pytest.raises(newsclean.InputTooLarge):
        newsclean.clean(page, max_bytes=1_000_000)


def test_a_damaged_gzip_file_is_a_decode_error(tmp_path: Path) -> None:
    broken = tmp_path / "page.html.gz"
    broken.write_bytes(gzip.compress(NYT_PAGE.read_bytes())[:2000])
    with pytest.raises(newsclean.DecodeError, match="damaged gzip"):
        newsclean.clean(broken)


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        newsclean.clean(tmp_path / "nowhere.html")


@pytest.mark.parametrize("mistake", [
    "fixtures/nytimes-1/source.html", str(NYT_PAGE), "./page.htm", "~/pages/a.html", "/var/www/story",
    "C:\\pages\\story.html", "/home/me/My Pages/story.html", "page.md", "crawl.warc.gz",
    b"fixtures/nytimes-1/source.html", "  https://www.nytimes.com/2017/02/23/world/story.html\n",
    "http://example.com", "www.example.com/news/story",
])
def test_a_path_or_url_given_as_a_string_is_refused_with_a_hint(mistake: str | bytes) -> None:
    with pytest.raises(newsclean.InvalidInput, match=r"pathlib\.Path|does not fetch"):
        newsclean.clean(mistake)


@pytest.mark.parametrize("text", ["and/or", "Read it at nytimes.com/index.html", "My Story.HTML",
                                  "Hello world.", "www", "1/2 of voters said yes"])
def test_one_line_of_text_that_only_mentions_a_path_stays_text(text: str) -> None:
    assert newsclean.clean(text).text == text


def test_a_forced_form_is_taken_at_its_word() -> None:
    assert newsclean.clean("https://example.com/a", form="text").text == "https://example.com/a"


def test_clean_documents_every_error_and_option() -> None:
    doc = newsclean.clean.__doc__ or ""
    for name in ("NotAnArticle", "InputTooLarge", "DecodeError", "InvalidInput", "FallbackUnavailable",
                 "url", "form", "max_bytes", "pathlib.Path", "always markup"):
        assert name in doc, name


# --- The fallback, when trafilatura cannot be imported ----------------------------------------

def test_a_fallback_that_cannot_load_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from newsclean import fallback

    real_import = builtins.__import__

    def broken_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken_import)
    monkeypatch.setattr(fallback, "_loaded", {})
    page = "<html><body><div><p>" + "Words of a short page. " * 3 + "</p></div></body></html>"
    with pytest.warns(newsclean.FallbackUnavailable, match="lxml_html_clean"):
        assert fallback.fallback_blocks(page) == ()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second call must not warn again
        assert fallback.fallback_blocks(page) == ()


def test_the_fallback_loads_in_this_install() -> None:
    from newsclean import fallback

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fallback.load_trafilatura() is not None
