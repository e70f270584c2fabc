"""Metadata (newsclean.metadata): bylines, dates, JSON-LD, meta tags, the labelled DOM."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest

import newsclean
from newsclean.metadata import parse_date, split_byline
from newsclean.profiles import NYT


@pytest.mark.parametrize(("byline", "names"), [
    ("By David E. Sanger and Eric Schmitt", ["David E. Sanger", "Eric Schmitt"]),
    ("By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman",
     ["Marc Santora", "William K. Rashbaum", "Al Baker", "Adam Goldman"]),
    ("Por Steven Lee Myers, Keith Bradsher y Tariq Panja", ["Steven Lee Myers", "Keith Bradsher", "Tariq Panja"]),
    ("By ABBY GOODNOUGH", ["ABBY GOODNOUGH"]),
    ("Byron Smith", ["Byron Smith"]),
])
def test_split_byline_keeps_every_name_whole(byline: str, names: list[str]) -> None:
    assert split_byline(byline, NYT) == names


def _page(head: str = "", body: str = "<p>Body text of the story.</p>") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_upper_case_byline_takes_the_case_the_page_gives_elsewhere() -> None:
    html = _page('<meta name="author" content="Abby Goodnough">',
                 '<p class="byline">By <span itemprop="name">ABBY GOODNOUGH</span></p><p>Body text.</p>')
    assert newsclean.clean(html, url="https://www.nytimes.com/x.html").authors == ("Abby Goodnough",)


def test_upper_case_byline_alone_is_title_cased_word_by_word_not_mangled() -> None:
    html = _page(body="<p class='byline'>By ABBY GOODNOUGH and MARY O'BRIEN-SMITH</p><p>Body text.</p>")
    assert newsclean.clean(html, url="https://www.nytimes.com/x.html").authors == (
        "Abby Goodnough", "Mary O'Brien-Smith")


def test_json_ld_graph_gives_every_author_and_the_dates() -> None:
    ld = ('{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},'
          '{"@type":"NewsArticle","headline":"Head","datePublished":"2021-03-04T05:06:07+01:00",'
          '"dateModified":"2021-03-05","author":[{"@type":"Person","name":"Ann Lee"},"Bo Diaz"],'
          '"publisher":{"@type":"Organization","name":"The Daily"}}]}')
    article = newsclean.clean(_page(f'<script type="application/ld+json">{ld}</script>'))
    assert article.authors == ("Ann Lee", "Bo Diaz")
    assert article.published == dt.datetime(2021, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert article.modified == dt.date(2021, 3, 5)
    assert article.site_name == "The Daily"
    assert article.title == "Head"


def test_meta_tags_fill_the_head_fields() -> None:
    head = ('<link rel="canonical" href="https://news.test/a"><meta property="og:description" content="Desc.">'
            '<meta property="article:tag" content="One"><meta property="article:tag" content="Two">'
            '<link rel="alternate" hreflang="es" href="https://news.test/es/a">')
    article = newsclean.clean(_page(head).replace("<html>", '<html lang="en-GB">'))
    assert (article.url, article.description, article.language) == ("https://news.test/a", "Desc.", "en-GB")
    assert article.tags == ("One", "Two")
    assert dict(article.alternates) == {"es": "https://news.test/es/a"}


def test_url_argument_is_used_when_the_page_has_no_canonical_link() -> None:
    assert newsclean.clean(_page(), url="https://news.test/b").url == "https://news.test/b"


@pytest.mark.parametrize(("text", "value"), [
    ("Feb. 22, 2017", dt.date(2017, 2, 22)),
    ("JAN. 13, 2017", dt.date(2017, 1, 13)),
    ("Sept. 5, 2018", dt.date(2018, 9, 5)),
    ("Published March 3, 2019", dt.date(2019, 3, 3)),
    ("22 de febrero de 2017", dt.date(2017, 2, 22)),
    ("20170113", dt.date(2017, 1, 13)),
    ("2017-01-13T00:00:04-05:00", dt.datetime(2017, 1, 13, 0, 0, 4, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
    ("Sept. 5, 2018, 5:01 PM EDT", dt.datetime(2018, 9, 5, 17, 1, tzinfo=dt.timezone(dt.timedelta(hours=-4)))),
    ("2017-02-22T10:00:00.5Z", dt.datetime(2017, 2, 22, 10, 0, 0, 500000, tzinfo=dt.timezone.utc)),
    ("2017-02-22 10:00", dt.datetime(2017, 2, 22, 10, 0)),
    ("2017-02-30", None),
    ("no date here", None),
    ("September 4, 2025", dt.date(2025, 9, 4)),  # dateutil's full name for September was dropped
    ("01 September 2017", dt.date(2017, 9, 1)),
    ("13 Min Read", None),  # no month, no year: not today's month and year
    ("Mar 5", None),  # no year
    ("September 2025", None),  # no day
    ("", None),
])
def test_parse_date(text: str, value: dt.date | None) -> None:
    assert parse_date(text) == value



def test_a_date_marked_up_in_the_body_is_read_with_its_time_zone() -> None:
    body = ('<p class="meta">Posted <time itemprop="datePublished" datetime="2020-05-04T08:15:00-07:00">May 4</time></p>'
            "<p>Body text of the story, long enough to be a paragraph.</p>")
    article = newsclean.clean(_page(body=body))
    assert article.published == dt.datetime(2020, 5, 4, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=-7)))


def test_json_ld_in_a_cdata_wrapper_is_read() -> None:
    ld = '<script type="application/ld+json">//<![CDATA[\n{"@type":"NewsArticle","headline":"Wrapped"}\n//]]></script>'
    assert newsclean.clean(_page(ld)).title == "Wrapped"


def test_a_date_and_a_comment_count_glued_to_the_byline_are_not_part_of_the_name() -> None:
    # Breitbart's byline: spans with no space between them ("by Lucas Nolan22 Dec 2016651").
    byline = ('<p class="byline"><span>by</span> <a href="/author/ln/">Lucas Nolan</a><span class="bydate">22 Dec 2016'
              '</span><a class="bycount" href="#comments">651</a></p>')
    article = newsclean.clean(_page(body=byline + "<p>Body text of the story, long enough to be the body.</p>"))
    assert article.authors == ("Lucas Nolan",)


def test_two_authors_with_a_date_between_the_byline_and_the_count() -> None:
    byline = '<p class="byline">By Ann Lee and Bo Chen <span>3 March 2019</span></p>'
    article = newsclean.clean(_page(body=byline + "<p>Body text of the story, long enough to be the body.</p>"))
    assert article.authors == ("Ann Lee", "Bo Chen")


@pytest.mark.parametrize("line", [
    "<em>October 11, 2023</em> by <strong>Autumn Huerter</strong>",  # a pandoc form of a blog's entry meta
    "Posted on March 3, 2019 by Autumn Huerter",
    "Monday, June 5, 2023 | By Autumn Huerter",
])
def test_a_line_that_starts_with_its_date_then_names_the_author(line: str) -> None:
    article = newsclean.clean(_page(body=f"<p>{line}</p><p>Body text of the story, long enough to be the body.</p>"))
    assert article.authors == ("Autumn Huerter",)


def test_an_author_box_s_own_label_is_no_author() -> None:
    # Gardenary: "The Author" over the card with the name (a class with "author" on both)
    box = ('<div class="author-container"><div class="article-author"><span>The Author</span></div>'
           '<div class="author-card"><span class="author-meta--name">Nicole Burke</span></div></div>')
    article = newsclean.clean(_page(body="<p>Body text of the story, long enough to be the body.</p>" + box))
    assert article.authors == ("Nicole Burke",)


def test_the_section_is_the_name_of_the_first_folder_of_the_article_url() -> None:
    # Le Monde's way: the head names no section; the rubric bar links the URL's first folder.
    body = ('<nav><ul><li><a href="/sport/">Sport</a></li><li class="actif"><a href="/pixels/">Techno</a></li></ul></nav>'
            '<div class="rubrique"><a href="/pixels/">Pixels</a></div>'
            "<p>Body text of the story, long enough to be the body of it.</p>")
    canonical = '<link rel="canonical" href="https://news.test/pixels/article/2015/05/04/loi.html">'
    assert newsclean.clean(_page(canonical, body)).section == "Pixels"
    # Only a menu names it: the menu's name.
    menu_only = body.replace('<div class="rubrique"><a href="/pixels/">Pixels</a></div>', "")
    assert newsclean.clean(_page(canonical, menu_only)).section == "Techno"


@pytest.mark.parametrize("url", ["https://news.test/2015/05/04/loi.html", "https://news.test/article/loi.html",
                                 "https://news.test/loi.html"])
def test_a_url_with_no_section_folder_gives_no_section(url: str) -> None:
    body = '<a href="/2015/">2015</a><a href="/article/">Articles</a><p>Body text of the story, long enough.</p>'
    assert newsclean.clean(_page(f'<link rel="canonical" href="{url}">', body)).section is None


@pytest.mark.parametrize(("line", "day"), [
    ('<div class="updated-date">April 5, 2018 | 6:00 PM</div>', dt.date(2018, 4, 5)),
    ('<span class="ArticleHeader__pub-date">July 10, 2015</span>', dt.date(2015, 7, 10)),
    ('<div class="article-dateline">Thu 3 Jan 2019 06.00 GMT</div>', dt.date(2019, 1, 3)),
    ('<div class="story-date"><span>Jun 7, 2023, 8:54 PM UTC</span></div>', dt.date(2023, 6, 7)),
])
def test_a_date_shown_in_a_date_box_is_the_published_date_when_the_head_has_none(line: str, day: dt.date) -> None:
    # What a pandoc conversion leaves: no <head>, no <time>, a box whose class says "date".
    article = newsclean.clean(_page(body=line + "<p>Body text of the story, long enough to be the body.</p>"))
    assert article.published == day
    assert "Body text" in article.text and "2" not in article.text


_PROSE = "<p>" + "The story's own words, long enough to be a body and nothing else at all. " * 6 + "</p>"


def test_with_nothing_declared_the_first_h1_is_the_title_even_beside_share_tools() -> None:
    # a pandoc form keeps no <head>; here the headline sits inside the share bar's container
    markdown = ('<div class="share-tools">\n\n# Seven secrets hotel owners keep\n\n[Share](https://x.example/s)\n\n'
                '</div>\n\n' + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, form="pandoc")
    assert (article.title, article.origins["title"]) == ("Seven secrets hotel owners keep", "h1")


def test_with_nothing_declared_an_h1_in_a_breadcrumb_bar_is_the_title() -> None:
    # tmz.com as pandoc gfm: "Home" and the headline's h1 share the breadcrumb bar, the first h2
    # ("Got a Tip?") is a promo's
    markdown = ('<div class="tips">\n\n## Got a Tip?\n\n</div>\n\n<div class="breadcrumbs group">\n\n'
                '<a href="/" id="breadcrumb-home">Home</a>\n\n# Lupita Nyong\'o\'s Oscar Dress -- STOLEN!!!\n\n'
                '</div>\n\n' + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, form="pandoc")
    assert (article.title, article.origins["title"]) == ("Lupita Nyong'o's Oscar Dress -- STOLEN!!!", "h1")


def test_with_nothing_declared_an_h1_in_a_widget_wrapper_is_the_title_not_a_later_subheading() -> None:
    # Elementor as pandoc gfm: the headline's h1 sits in "elementor-widget-container", a class
    # word the layer step reads as a promo's; the story's first subheading is "Introduction"
    markdown = ('<div class="elementor-widget-container">\n\n# Understanding Your Home Electrical System\n\n'
                '</div>\n\n## Introduction\n\n'
                + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, form="pandoc")
    assert (article.title, article.origins["title"]) == ("Understanding Your Home Electrical System", "h1")


def test_with_nothing_declared_and_no_h1_the_first_own_heading_is_the_title() -> None:
    html = ("<html><body><nav><h2>Menu</h2><a href='/'>Home</a></nav><article><h3>On Behalf of Literally</h3>"
            + _PROSE + "</article></body></html>")
    article = newsclean.clean(html)
    assert (article.title, article.origins["title"]) == ("On Behalf of Literally", "heading")


@pytest.mark.parametrize(("logo", "url"), [
    ('<a href="/">Human in the Loop</a>', "https://blog.example.org/ai-trains-on-your-art"),
    ('<a href="https://blog.example.org/">Bits or pieces?</a>', "https://blog.example.org/2024/02/a-map.html"),
    ('<a href="/blog/">The Go Blog</a>', "https://go.example.dev/blog/defer-panic-and-recover"),
])
def test_with_nothing_declared_an_h1_linking_up_to_the_home_page_or_a_section_is_a_logo(logo: str, url: str) -> None:
    # Substack, Write.as, Blogger as pandoc gfm: the blog's name is the first h1, a link to the home
    # page (or the blog's front above the post); the post title is the h2 under it
    markdown = (f"# {logo}\n\n## Three Models That Could Pay You Back\n\n"
                + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, url=url, form="pandoc")
    assert (article.title, article.origins["title"]) == ("Three Models That Could Pay You Back", "heading")


def test_with_nothing_declared_an_h1_linking_to_its_own_page_stays_the_title() -> None:
    # a WordPress entry title is a link to the post itself (its permalink), not up to the home page
    url = "https://www.example.com/2016/12/these-six-celebrities-refuse"
    markdown = (f"# [These six celebrities refuse to play]({url})\n\n## Related coverage\n\n"
                + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, url=url, form="pandoc")
    assert article.title == "These six celebrities refuse to play"


def test_with_nothing_declared_the_h1_nearest_the_text_beats_a_banner_h1_above_it() -> None:
    # giordanos.com, pastore.net as pandoc gfm: a section banner "# The Blog" heads the page, the
    # article's own h1 comes later, just above its text
    markdown = ('<div class="block-stamp-header">\n\n# The Blog\n\n</div>\n\n[Menus](/menus)\n\n'
                '<div class="entry-header">\n\n# Catering 101: Catering Tips to Make Your Next Event a Success\n\n'
                '</div>\n\n' + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, form="pandoc")
    assert (article.title, article.origins["title"]) == (
        "Catering 101: Catering Tips to Make Your Next Event a Success", "h1")


def test_with_nothing_declared_a_long_first_h1_is_no_banner() -> None:
    # two h1 above the text, the first a full headline: it stays the title (a later h1 is a module's)
    markdown = ("# Storm hits the coast as thousands flee inland\n\n# Weather alerts near you today\n\n"
                + ("The story's own words, long enough to be a body and nothing else at all. " * 6))
    article = newsclean.clean(markdown, form="pandoc")
    assert article.title == "Storm hits the coast as thousands flee inland"


def test_a_declared_title_still_outranks_an_unrelated_heading() -> None:
    html = ("<html><head><title>Storm hits the coast | Daily Planet</title></head><body><article>"
            "<h3>Got a tip?</h3>" + _PROSE + "</article></body></html>")
    assert newsclean.clean(html).title == "Storm hits the coast"


_WHOLE = "Fix It Friday: We Help 4 Readers Find Solutions (Including One Universal Trick That 9/10 Works)"


@pytest.mark.parametrize("cut", ["Fix It Friday: We Help 4 Readers Find Solutions (Including",  # Yoast's 110 characters
                                 "Fix It Friday: We Help 4 Readers Find Solutions (Including One…"])
def test_a_declared_title_cut_short_gives_way_to_the_whole_one(cut: str) -> None:
    html = (f'<html><head><script type="application/ld+json">{{"@type": "Article", "headline": "{cut}"}}</script>'
            f'<meta property="og:title" content="{_WHOLE} - Emily Henderson"><title>{_WHOLE} - Emily Henderson'
            "</title></head><body><article>" + _PROSE + "</article></body></html>")
    assert newsclean.clean(html).title == _WHOLE


def test_a_title_another_goes_on_from_after_a_separator_is_whole() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type": "Article", "headline": "Storm hits the '
            'coast as thousands flee inland"}</script><meta property="og:title" content="Storm hits the coast as '
            'thousands flee inland: what we know"></head><body><article>' + _PROSE + "</article></body></html>")
    assert newsclean.clean(html).title == "Storm hits the coast as thousands flee inland"


def test_author_links_are_read_near_the_first_h1_when_no_headline_was_labelled() -> None:
    # The Independent as pandoc gfm: a columnists menu of author links first; the headline and the
    # byline sit in a block the share bar's markup wraps, so no headline label
    columnists = "".join(f'<li><a href="/author/{n.lower().replace(" ", "-")}">{n}</a></li>'
                         for n in ("Grace Dent", "Robert Fisk", "Mark Steel"))
    html = (f"<html><body><ul class='voices'>{columnists}</ul><div id='gigya-share-btns'>"
            "<h1>The seven secrets that hotel owners don't want you to know</h1>"
            "<ul><li><a href='/author/hazel-sheffield'>Hazel Sheffield</a></li><li>Friday 25 December 2015</li></ul>"
            "<a href='https://twitter.com/share'>Share</a></div>" + _PROSE + "</body></html>")
    assert newsclean.clean(html).authors == ("Hazel Sheffield",)


def _shared(address: str, network: str = "facebook") -> str:
    quoted = quote(address, safe="")
    target = {"facebook": f"https://www.facebook.com/sharer/sharer.php?u={quoted}",
              "twitter": f"https://twitter.com/intent/tweet?url={quoted}&text=Read"}[network]
    return f'<a href="{target.replace("&", "&amp;")}">Share</a>'


def test_a_page_without_a_canonical_link_is_known_by_what_its_share_buttons_share() -> None:
    # A pandoc form has no <head>: corpus engadget, videos-1/-2 (their date is in that address);
    # a related story's buttons share another address, less often
    own, other = "https://www.engadget.com/2017/11/03/xbox-one-x-review/", "https://www.engadget.com/2018/03/21/x/"
    body = (_shared(other) + _shared(own + "?utm_source=facebook&id=7") + _shared(own + "?id=7", "twitter")
            + "".join(f"<p>{n}: the console renders at 4K and the fans stay quiet under load.</p>" for n in range(8)))
    article = newsclean.clean(f"<html><body><article><h1>Xbox One X review</h1>{body}</article></body></html>")
    assert article.url == own + "?id=7"
    assert article.published == dt.date(2017, 11, 3) and article.origins["published"] == "url"


def test_a_declared_canonical_link_outranks_the_share_buttons() -> None:
    html = _page('<link rel="canonical" href="https://example.com/story">',
                 _shared("https://example.com/other") + "<p>Body text of the story, long enough.</p>")
    assert newsclean.clean(html).url == "https://example.com/story"


_STORY_MARKDOWN = "\n\n".join("The council voted on Tuesday to expand the water program, which pays for new mains in "
                                "older neighborhoods, after a year of debate about its cost and about who should bear "
                                f"it in the end, said speaker {n}." for n in range(4)) + "\n"


@pytest.mark.parametrize(("under_headline", "day"), [
    # a class name no dateline rule reads ("arttidate"), then the story
    ('<div class="arttidate_pub">\n\nFirst Published on Apr 8, 2020 04:25 pm\n\n</div>', dt.date(2020, 4, 8)),
    ("By Jane Doe\n\nPublished: 03 Dec 2025 · 5 min read", dt.date(2025, 12, 3)),
    # only an update's date is shown: it stands for the publication, as a dateline element labelled
    # "Updated" does when nothing else is shown (metaset pandoc forms: right on 15 of 21 such pages)
    ("By Jane Doe · Last Updated: December 6, 2024", dt.date(2024, 12, 6)),
    # a quoted post under the headline carries its own date, not the story's
    ("> Our statement on the recall. — M&S (@marksandspencer) November 1, 2023", None),
])
def test_a_page_with_no_dateline_markup_gives_the_date_shown_under_its_headline(
        under_headline: str, day: dt.date | None) -> None:
    markdown = f"# Council votes to expand the water program\n\n{under_headline}\n\n{_STORY_MARKDOWN}"
    assert newsclean.clean(markdown, form="pandoc").published == day


def test_a_date_below_the_story_s_first_paragraph_is_not_read_as_its_dateline() -> None:
    markdown = (f"# Council votes to expand the water program\n\n{_STORY_MARKDOWN}\n\nRelated: Budget hearing, "
                "April 8, 2020\n")
    assert newsclean.clean(markdown, form="pandoc").published is None


def test_a_pandoc_form_gets_no_date_guessed_from_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # metaset pandoc forms: htmldate's scan of the text they kept (related stories, comments) was
    # right on half the pages it alone dated, its quick search on 77 %; the HTML form is scanned
    import newsclean.metadata as metadata

    asked: list[bool] = []
    monkeypatch.setattr(metadata, "page_date",
                        lambda html, url, *, scan_text, languages: asked.append(scan_text) or dt.date(2011, 11, 1))
    story = "".join(f"<p>{n}: the council voted to expand the water program after a long debate.</p>" for n in range(6))
    markdown = "# Council votes\n\n" + "\n\n".join(
        f"{n}: the council voted to expand the water program after a long debate." for n in range(6)) + "\n"
    assert newsclean.clean(markdown, form="pandoc").published == dt.date(2011, 11, 1) and asked == [False]
    assert newsclean.clean(f"<html><body><article><h1>Council votes</h1>{story}</article></body></html>").published \
        == dt.date(2011, 11, 1) and asked == [False, True]


def test_a_gfm_date_line_under_the_headline_past_an_image_with_an_odd_attribute() -> None:
    # metaset wcxb-0178 (Frommer's), pandoc gfm: the author box's <img> carries "data-,=''"; read
    # as text, the tag was a long paragraph under the headline, taken for the story's start.
    src = "https://cdn.craft.cloud/101e4579-0e19-46b6-95c6-7eb27e4afc41/builds/a069b070/artifacts/dist/" \
          "images/tmp/authors/placeholder.webp?width=200&height=200&quality=80&format=webp&fit=cover&s=8E78vAILfkHQ"
    story = "Our testing of airfare search sites reveals where to find cheap plane tickets this year. " * 4
    page = (f"# The 10 Best (and Cheapest) Airfare Search Sites for 2026\n\n"
            f"Our extensive testing of airfare search sites reveals your best options.\n\n"
            f'<div class="article-pub-info">\n\n<div class="author-image">\n\n<img\nsrc="{src}"\n'
            f'data-,="" alt="Placeholder image" />\n\n</div>\n\nBy <span class="pl-author"> Reid Bramblett </span>\n\n'
            f"Published: Nov 24, 2025\n\nUpdated: Dec 04, 2025\n\n</div>\n\n{story}\n\n{story}\n")
    article = newsclean.clean(page)
    assert article.published == dt.date(2025, 11, 24)
    assert not any("placeholder" in p.text for p in article.paragraphs)


@pytest.mark.parametrize(("shown", "day"), [
    ("Fri, 19th Dec 2025", dt.date(2025, 12, 19)),  # metaset wcxb-0480, under the headline
    ("Posted, August 9th, 2012, By Amelia Rose", dt.date(2012, 8, 9)),  # devset dragnet-T18
    ("30th March 2025, 16:26", dt.date(2025, 3, 30)),  # a forum's first post (devset wcxb-0525)
    ("22nd Mar, 2021", dt.date(2021, 3, 22)),
])
def test_a_date_shown_with_an_ordinal_day(shown: str, day: dt.date) -> None:
    # In a pandoc form (no <head>, and htmldate's guesses from the text are not asked) the day
    # shown under the headline is the only date there is.
    story = "The council voted on Tuesday to expand the program after a year of debate about its cost. " * 4
    article = newsclean.clean(f'# Council expands the program\n\n<div class="meta">\n\n{shown}\n\n</div>\n\n'
                              f"{story}\n\n{story}\n")
    assert article.published is not None and (article.published.date() if isinstance(article.published, dt.datetime)
                                              else article.published) == day
    assert article.origins["published"] == "dateline"  # read as the page shows it, not guessed by htmldate


@pytest.mark.parametrize("paragraphs", [3, 6_000])  # one query, and past _MAX_HOLDERS_FOR_ONE_QUERY
def test_a_byline_line_is_read_on_a_page_of_any_length(paragraphs: int) -> None:
    from newsclean.metadata import _MAX_HOLDERS_FOR_ONE_QUERY

    assert (paragraphs > _MAX_HOLDERS_FOR_ONE_QUERY) == (paragraphs == 6_000)
    # A line over the story that no layer rule labels a byline: found by the search for byline lines.
    story = "".join(f"<p>Paragraph {i} of the story, with words enough to hold the reader.</p>" for i in range(paragraphs))
    article = newsclean.clean(f"<html><body><div><p><i>By Kendall Carre</i></p></div>"
                              f"<article><h1>A headline</h1>{story}</article></body></html>")
    assert article.authors == ("Kendall Carre",)


@pytest.mark.parametrize("limit", [1, 2, 5, 300])
def test_first_matches_are_the_query_s_first_matches_in_document_order(limit: int) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsclean.metadata import _BYLINE_LINES, _first_matches

    tree = LexborHTMLParser("<body><div><p>a</p><div><span>b<em>c</em></span><ul><li><b>d</b></li></ul></div></div>"
                            "<section><div>e</div><small>f</small><div><div><i>g</i></div></div></section>"
                            "<h5>h</h5><div><p>i</p></div></body>")
    for scope in [tree.body, *tree.body.css("div, section")]:
        expected = [node.mem_id for node in scope.css(_BYLINE_LINES)][:limit]
        assert [node.mem_id for node in _first_matches(scope, _BYLINE_LINES, limit)] == expected


_STORY = "The council voted on Tuesday to expand the program after a year of debate about its cost. " * 4


@pytest.mark.parametrize(("line", "author"), [
    ("Andrew Gerrand  \n4 August 2010", "Andrew Gerrand"),  # metaset wcxb-2862 (the Go blog), its pandoc forms
    ("Dec 26, 2025 • Mahua Das in Project Management", "Mahua Das"),  # metaset wcxb-4218
    ("2025-12-17· Trond Teigen", "Trond Teigen"),  # metaset wcxb-0447
    ("Kalyn Keen Jun 9 5 min read", "Kalyn Keen"),  # metaset wcxb-1651 (a Wix blog), its pandoc forms
    ("December 15, 2025 · 30 min · 6279 words · Ash Vardanian", "Ash Vardanian"),  # metaset wcxb-0415 (Hugo)
    ("松村太郎2019年04月13日 09時00分", "松村太郎"),  # metaset japan.cnet.com
    ("Aaron Ricadela | Senior Writer | July 2, 2025", "Aaron Ricadela"),  # metaset wcxb-4082: and a role
    ("Terry JonesSunday March 2, 2003Observer.co.uk", "Terry Jones"),  # devset ce-final-130: and the paper
])
def test_the_one_name_beside_the_date_under_the_headline_is_the_author(line: str, author: str) -> None:
    # No "By", no class that says author (a pandoc form keeps none): the name on the post's meta line.
    for page in (f'# Council expands the program\n\n<div class="meta">\n\n{line}\n\n</div>\n\n{_STORY}\n\n{_STORY}\n',
                 f"<html><body><article><h1>Council expands the program</h1><div>{line}</div>"
                 f"<p>{_STORY}</p><p>{_STORY}</p></article></body></html>"):
        assert newsclean.clean(page).authors == (author,)


@pytest.mark.parametrize(("under", "author"), [
    ("<div class='hero-text'>Matteo Laratta</div>", "Matteo Laratta"),  # metaset wcxb-4116: the hero block
    ("<div><img src='/julia.jpg' alt=''> <span style='color:#808080'>Julia Gralberg</span></div>",
     "Julia Gralberg"),  # metaset wcxb-0141: beside the author's photo
])
def test_a_name_alone_as_the_first_text_under_the_headline_is_the_author(under: str, author: str) -> None:
    page = (f"<html><body><h1>Free 10 Week Beginner Marathon Training Plan</h1>{under}"
            f"<p>{_STORY}</p><p>{_STORY}</p></body></html>")
    assert newsclean.clean(page).authors == (author,)


@pytest.mark.parametrize("under", [
    "<div><a href='#popup' class='btn'>Submit Your Book</a></div>",  # wcxb-0252: a button's link
    "<div><h4>Key Takeaways</h4></div>",  # wcxb-0244: a box's heading
    "<div>北朝鮮</div>",  # newspaper4k japanese_article: a topic in a script without capitals
    "<p>Runners who train slowly most of the week run their races faster.</p><div>Matteo Laratta</div>",
])
def test_a_link_a_heading_a_topic_or_a_name_after_other_text_is_no_author_by_itself(under: str) -> None:
    page = (f"<html><body><h1>Free 10 Week Beginner Marathon Training Plan</h1>{under}"
            f"<p>{_STORY}</p><p>{_STORY}</p></body></html>")
    assert newsclean.clean(page).authors == ()


def test_a_name_under_the_headline_does_not_replace_the_declared_authors() -> None:
    page = ("<html><head><meta name='author' content='Md Najmul Hossain, Jaeeun Lee'></head><body>"
            f"<h1>Beamforming for wireless sensing</h1><div>Md Najmul Hossain</div><div>Jaeeun Lee</div>"
            f"<p>{_STORY}</p><p>{_STORY}</p></body></html>")
    assert newsclean.clean(page).authors == ("Md Najmul Hossain", "Jaeeun Lee")


def test_under_a_logo_h1_the_post_title_s_heading_anchors_its_meta_line() -> None:
    # metaset wcxb-0429's pandoc forms: the site's name is the page's one h1, a link home; a menu of
    # seven items follows it, then the post's h2 and its meta line ("Bence Kovács", a date)
    menu = "".join(f"-   [{item}](https://playfultones.com/#{item.lower()})\n" for item in
                   ("Home", "About", "Services", "Portfolio", "Testimonials", "Blog", "Contact"))
    page = (f"# [Playful Tones](https://playfultones.com)\n\n{menu}\n"
            "## Reflections on Building a Pixel-Perfect UI Pipeline\n\n"
            f'<div class="entry-meta">\n\n-    Bence Kovács\n-    02-12-2025\n\n</div>\n\n{_STORY}\n\n{_STORY}\n')
    article = newsclean.clean(page, url="https://playfultones.com/blog/reflections-on-building-a-pixel-perfect-ui")
    assert article.title == "Reflections on Building a Pixel-Perfect UI Pipeline"
    assert article.authors == ("Bence Kovács",)


@pytest.mark.parametrize("line", [
    "World News | March 3, 2024", "Local Politics · March 3, 2024", "Photo Gallery March 3, 2024",
    "New York | March 3, 2024",  # sections and a dateline's city beside the date
    "NEW HAVEN, March 3, 2024",  # a dateline
    "London Olympics: July 28-29, 2012",  # a link's title over its dates (devset dragnet-44)
    "AWS Week in Review - October 29, 2012",  # a post in a blog's list (devset dragnet-R259)
    "Gabo Jan 23 11 min read",  # one word: a name, or a section ("Travel")? Left unread
    "Jane Smith and friends, March 3, 2024",  # words beside the name: not a name alone
    "Jane Smith | Mark Tully | March 3, 2024",  # two pieces that could be names: which one wrote it?
    "Jane Smith | Tech Reporter | March 3, 2024",  # …or a beat that reads as a name
])
def test_a_section_a_title_or_more_than_a_name_beside_the_date_is_no_author(line: str) -> None:
    page = f'# Council expands the program\n\n<div class="meta">\n\n{line}\n\n</div>\n\n{_STORY}\n\n{_STORY}\n'
    assert newsclean.clean(page).authors == ()


def test_a_declared_author_outranks_a_name_beside_the_date() -> None:
    page = (f'<html><head><meta name="author" content="Lena Ortiz"></head><body><article>'
            f"<h1>Council expands the program</h1><div>Mark Tully | March 3, 2024</div>"
            f"<p>{_STORY}</p><p>{_STORY}</p></article></body></html>")
    assert newsclean.clean(page).authors == ("Lena Ortiz",)


def test_a_byline_in_another_story_s_card_is_not_the_article_s() -> None:
    # metaset wcxb-0382 (XDA): rel=author marks the teaser cards' bylines, not the article's own.
    card = ('<div class="w-display-card-details"><h3><a href="/other">Another story</a></h3><div class="w-author">'
            '<span>By </span><a rel="author" href="/author/sumukh-rao/">Sumukh Rao</a></div></div>')
    page = (f'<html><head><meta property="article:author" content="Anurag Singh"></head><body><article>'
            f'<h1>I automated my morning</h1><div class="meta"><span>By </span>'
            f'<a class="article-author" href="/author/anurag-singh/">Anurag Singh</a></div>'
            f"<p>{_STORY}</p><p>{_STORY}</p></article><div>{card}{card}</div></body></html>")
    assert newsclean.clean(page).authors == ("Anurag Singh",)
    # The article's own author box, whatever its class, still names its author.
    box = page.replace('<div class="meta"><span>By </span><a class="article-author" href="/author/anurag-singh/">',
                       '<div class="author-card"><span>By </span><a rel="author" href="/author/anurag-singh/">')
    assert newsclean.clean(box).authors == ("Anurag Singh",)


@pytest.mark.parametrize(("line", "day"), [
    ("**Published on Apr 13, 2020**", dt.date(2020, 4, 13)),  # metaset mc-1577247412 (YouTube), in its pandoc forms
    ("Datum: 26.01.2022", dt.date(2022, 1, 26)),  # metaset bmbf.de, in its pandoc forms
    ("Datum  \n12.01.2017", dt.date(2017, 1, 12)),  # metaset ebene11.com, under the post
    ("Publié le 2 nov. 2023 à 16:00", dt.date(2023, 11, 2)),  # metaset lesechos.fr
    ("(Published Nov. 24, 2000)", dt.date(2000, 11, 24)),  # devset ce-final-565, a 2000 column
    ("Posted: Mar 22, 2006", dt.date(2006, 3, 22)),  # devset ce-final-782
    ("Story published on Oct 5, 2022.", dt.date(2022, 10, 5)),  # metaset postlight.com, under the post
    ("Originally published at example.org on May 5, 2020.", dt.date(2020, 5, 5)),  # a re-post's line
])
def test_a_labelled_publication_date_anywhere_in_the_page_s_text(line: str, day: dt.date) -> None:
    # A pandoc form: no <head>, no dateline under the headline; the label says which date it is.
    page = f'# Council expands the program\n\n<div class="entry">\n\n{_STORY}\n\n{_STORY}\n\n</div>\n\n{line}\n'
    article = newsclean.clean(page)
    assert article.published == day and article.origins["published"] == "dateline"


def test_a_labelled_date_needs_its_year_and_published_outranks_date() -> None:
    story = f'<div class="entry">\n\n{_STORY}\n\n{_STORY}\n\n</div>'
    assert newsclean.clean(f"# Council expands the program\n\n{story}\n\nPublished 6 hours ago\n").published is None
    page = f"# Council expands the program\n\n{story}\n\nDate: 3 March 2024\n\nPublished on 1 March 2024\n"
    assert newsclean.clean(page).published == dt.date(2024, 3, 1)


@pytest.mark.parametrize("folder", ["about/editors", "writers", "contributors", "journalists", "reporters"])
def test_a_link_to_the_folder_a_site_keeps_its_writers_in_names_the_author(folder: str) -> None:
    # Engadget, as its pandoc forms leave it (no <head>): the byline is only a link to
    # "/about/editors/jon-fingas/" beside the date, with no class that says "author".
    page = (f"# Council expands the program\n\n<div class=\"t-meta-small\">\n\n"
            f"<a href=\"https://example.com/{folder}/jon-fingas/\" class=\"th-meta\">Jon Fingas</a>, "
            f"@jonfingas\n\n</div>\n\n<div class=\"entry\">\n\n{_STORY}\n\n{_STORY}\n\n</div>\n")
    assert newsclean.clean(page).authors == ("Jon Fingas",)


def test_a_staff_page_link_in_a_sentence_of_the_story_is_no_byline() -> None:
    # Cleveland Clinic: "…, says yoga therapist <a href=".../staff/wilgus-holly">Holly Wilgus</a>."
    quoted = (f"<p>Meditation is quite different from what you may think it is, says yoga therapist "
              f"<a href='https://example.org/departments/staff/wilgus-holly'>Holly Wilgus</a>. {_STORY}</p>")
    page = f"<html><body><article><h1>What meditation can do</h1>{quoted}<p>{_STORY}</p></article></body></html>"
    assert "Holly Wilgus" not in newsclean.clean(page).authors
    # The same link alone on its line under the headline is the byline.
    byline = "<p>By <a href='https://example.org/departments/staff/wilgus-holly'>Holly Wilgus</a></p>"
    assert newsclean.clean(page.replace("</h1>", "</h1>" + byline)).authors == ("Holly Wilgus",)


def test_a_link_a_class_calls_a_tag_is_a_topic_not_an_author() -> None:
    # TMZ: the tag cloud under the story links to "/people/prince/", its page on Prince
    tags = "".join(f"<a class='tag-cloud__list-group-item' href='https://example.com/people/{slug}/'>{name}</a>"
                   for slug, name in (("prince", "Prince"), ("music", "Music")))
    page = (f"<html><body><article><h1>Woman warns the estate</h1><p>{_STORY}</p><p>{_STORY}</p>"
            f"<div class='tag-cloud'>{tags}</div></article></body></html>")
    assert newsclean.clean(page).authors == ()
