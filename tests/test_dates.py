"""Dates: structured values first, the visible dateline next, htmldate's search last; the day
readers saw, not the one UTC says. The pages behind these families are in fixtures/meta-date-*."""

from __future__ import annotations

import datetime as dt

import newsclean
from newsclean.dates import first_date, in_local_time, local_day_from_url

UTC = dt.timezone.utc


def _page(head: str = "", body: str = "") -> str:
    text = "<p>" + "The article's own text, long enough to be its body and nothing else. " * 6 + "</p>"
    return f"<html><head>{head}</head><body><article><h1>Headline</h1>{body}{text}</article></body></html>"


def test_utc_time_is_shown_in_the_zone_of_the_same_moment_written_locally() -> None:
    utc = dt.datetime(2023, 11, 9, 1, 9, 55, tzinfo=UTC)
    local = in_local_time(utc, [dt.datetime(2023, 11, 8, 18, 9)])  # "November 8, 2023 at 6:09 p.m."
    assert local == utc and local.date() == dt.date(2023, 11, 8)
    assert local.utcoffset() == dt.timedelta(hours=-7)


def test_utc_time_stays_utc_when_no_local_clock_matches() -> None:
    utc = dt.datetime(2023, 11, 9, 1, 9, 55, tzinfo=UTC)
    assert in_local_time(utc, [dt.datetime(2023, 11, 8, 18, 31)]).utcoffset() == dt.timedelta(0)


def test_first_date_prefers_a_value_with_a_zone() -> None:
    assert first_date("2020-05-04", "2020-05-04T08:15:00-07:00") == dt.datetime(
        2020, 5, 4, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=-7)))


def test_json_ld_article_nested_under_main_entity_gives_the_date() -> None:
    ld = ('<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"Article",'
          '"headline":"Headline","datePublished":"2024-12-09T22:52:11-05:00"}}</script>')
    article = newsclean.clean(_page(head=ld))
    assert article.published == dt.datetime(2024, 12, 9, 22, 52, 11, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert article.origins["published"] == "json-ld"


def test_a_webpage_date_in_a_graph_counts_when_no_article_has_one() -> None:
    ld = ('<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"S"},'
          '{"@type":"WebPage","datePublished":"2020-06-04T09:27:16+00:00"}]}</script>')
    assert newsclean.clean(_page(head=ld)).published.date() == dt.date(2020, 6, 4)


def test_a_date_labelled_published_wins_over_an_earlier_shown_update() -> None:
    body = ('<div class="meta"><span class="date">Updated Aug 21, 2025</span> '
            '<span class="date">Published Apr 26, 2023</span></div>')
    article = newsclean.clean(_page(body=body))
    assert article.published == dt.date(2023, 4, 26) and article.origins["published"] == "dateline"


def test_a_page_that_declares_no_date_is_searched_by_htmldate() -> None:
    body = '<p class="info">Peter Grimm / 07.11.2023 / 09:30</p>'
    article = newsclean.clean(_page(body=body), url="https://www.achgut.com/artikel/x")
    assert article.published == dt.date(2023, 11, 7) and article.origins["published"] == "htmldate"


def test_a_utc_time_on_the_day_beside_the_address_day_is_the_address_day() -> None:
    # Repubblica: published 00:01 in Rome, declared as 23:01 UTC the day before
    late = dt.datetime(2023, 11, 1, 23, 1, tzinfo=UTC)
    assert local_day_from_url(late, "https://www.repubblica.it/esteri/2023/11/02/diretta/x/") == dt.date(2023, 11, 2)
    # a blog in Ohio: 21:41 on the 18th, declared as 02:41 UTC on the 19th
    early = dt.datetime(2025, 12, 19, 2, 41, tzinfo=UTC)
    assert local_day_from_url(early, "https://whatever.scalzi.com/2025/12/18/comfort-watches") == dt.date(2025, 12, 18)


def test_an_address_made_for_a_draft_the_day_before_does_not_move_the_date() -> None:
    # The Washington Post: the address has the 8th, the story went out at 06:04 New York time on the 9th
    morning = dt.datetime(2020, 7, 9, 10, 4, tzinfo=UTC)
    assert local_day_from_url(morning, "https://www.washingtonpost.com/politics/x/2020/07/08/c3d22ec/") == morning


def test_only_utc_times_are_moved_by_the_address() -> None:
    local = dt.datetime(2020, 6, 29, 0, 16, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert local_day_from_url(local, "https://example.org/2020/06/28/story") == local
    assert local_day_from_url(dt.date(2020, 6, 29), "https://example.org/2020/06/28/story") == dt.date(2020, 6, 29)
    same = dt.datetime(2020, 6, 28, 23, 0, tzinfo=UTC)
    assert local_day_from_url(same, "https://example.org/2020/06/28/story") == same  # already the address's day
    assert local_day_from_url(same, "https://example.org/story-2020-06-29") == same  # no date folder


def test_the_page_address_moves_the_declared_utc_day() -> None:
    head = ('<link rel="canonical" href="https://news.example.it/esteri/2023/11/02/story/">'
            '<meta property="article:published_time" content="2023-11-01T23:01:00Z">')
    assert newsclean.clean(_page(head)).published == dt.date(2023, 11, 2)


def test_the_days_date_in_the_masthead_is_not_the_articles() -> None:
    masthead = ('<header class="site-header"><a href="/">The Currency</a>'
                '<div class="block-date">Friday, December 19, 2025</div></header>')
    html = _page(body='<p class="meta">By The Currency editors <span class="post-date">December 12, 2025</span></p>')
    html = html.replace("<body>", "<body>" + masthead, 1)
    assert newsclean.clean(html).published == dt.date(2025, 12, 12)


def test_the_date_search_reads_at_most_the_first_million_characters(monkeypatch) -> None:  # noqa: ANN001
    import newsclean.metadata as metadata

    seen: list[int] = []
    monkeypatch.setattr(metadata, "page_date", lambda markup, url: seen.append(len(markup)))
    filler = "<p>" + "Words of a very long page that declares and shows no date at all. " * 20 + "</p>"
    newsclean.clean(_page(body=filler * 1200))  # about 1.6 million characters
    assert seen and seen[0] == metadata.MAX_DATE_SEARCH_CHARS
