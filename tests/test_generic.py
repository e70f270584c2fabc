"""Generic pages (no site profile): class/id vocabulary, content scoring, confidence, fallback."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import newsclean
from newsclean.layers import label_layers
from newsclean.model import Layer
from newsclean.profiles import GENERIC
from newsclean.scoring import score_body

PROSE = ("The council voted on Tuesday to expand the program, which has grown steadily since 2019, "
         "and officials said the money would reach schools, clinics and libraries across the county.")


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def _labels_of(html: str) -> tuple[LexborHTMLParser, dict]:
    tree = LexborHTMLParser(html)
    return tree, label_layers(tree, GENERIC)


def test_landmarks_are_layers() -> None:
    tree, labels = _labels_of(_page("<header><p>Site</p></header><nav id='n'>Home</nav><aside id='a'>Promo</aside>"
                                    f"<main><p>{PROSE}</p></main><footer id='f'>©</footer>"))
    assert labels[tree.css_first("#n").mem_id] is Layer.NAVIGATION
    assert labels[tree.css_first("#a").mem_id] is Layer.PROMO
    assert labels[tree.css_first("#f").mem_id] is Layer.FOOTER


def test_class_vocabulary_names_the_layer() -> None:
    tree, labels = _labels_of(_page(
        "<div class='social-share-bar' id='s'>Share</div><div class='related-posts' id='r'>More</div>"
        "<div id='c' class='comments'>Comments</div><div class='ad-slot' id='ad'></div>"
        "<div class='newsletter-signup' id='nl'>Sign up</div><div class='slideshow' id='g'></div>"
        f"<div class='article-content' id='k'><p>{PROSE}</p></div><div class='header-image' id='h'></div>"))
    assert labels[tree.css_first("#s").mem_id] is Layer.SHARE
    assert labels[tree.css_first("#r").mem_id] is Layer.RECIRCULATION
    assert labels[tree.css_first("#c").mem_id] is Layer.PROMO
    assert labels[tree.css_first("#ad").mem_id] is Layer.AD
    assert labels[tree.css_first("#nl").mem_id] is Layer.PROMO
    assert labels[tree.css_first("#g").mem_id] is Layer.GALLERY
    assert tree.css_first("#k").mem_id not in labels  # "content" keeps it
    assert tree.css_first("#h").mem_id not in labels  # "header-image" is not an ad nor a masthead


def test_an_element_with_the_id_header_is_the_masthead_and_its_panels_are_no_body() -> None:
    # Dazed Digital 2012 (devset dragnet-R300): the site header, a <section id="header">, holds
    # tabbed panels ("latest issue") with a long, comma-rich blurb in a div.content; the story is
    # in <article><div id="editorial"> with no class scoring favours. (A class "header" is no
    # masthead: an article's own header often has it.)
    blurb = ("Alongside an illuminating, inspiring interview with a fashion muse, a photoshoot, a chat, "
             "a remix, a scoop, and more, this issue rounds up art's outer edge, from here, to there, and back. ")
    panels = "".join(f"<div class='panel'><div class='content'><h4>Issue {n}</h4><p>{blurb * 2}</p></div></div>"
                     for n in range(3))
    story = [f"{PROSE} The vote was number {n}, and it was close." for n in range(2)]
    links = "".join(f"<li><a href='/s/{n}'>A story from the archive of the magazine, number {n}</a></li>"
                    for n in range(20))
    html = _page(f"<section id='header'><a href='/'>Dazed</a>{panels}</section><section id='content'><article>"
                 f"<div id='editorial'><h1>First Look</h1>" + "".join(f"<p>{s}</p>" for s in story)
                 + f"</div></article></section><footer><ul>{links}</ul></footer>")
    tree, labels = _labels_of(html)
    assert labels[tree.css_first("#header").mem_id] is Layer.MASTHEAD
    assert [b.text for b in newsclean.clean(html).paragraphs] == story


def test_an_element_with_the_id_header_that_wraps_the_whole_page_is_no_masthead() -> None:
    # Sina Taiwan (metaset htmldate/mc-1500260110): div#header is never closed before the story
    story = [f"{PROSE} The vote was number {n}, and it was close." for n in range(2)]
    html = _page("<div id='header'><div class='top_info'><a href='/'>Home</a></div><div id='main'><h1>Story</h1>"
                 + "".join(f"<p>{s}</p>" for s in story) + "</div></div>")
    tree, labels = _labels_of(html)
    assert tree.css_first("#header").mem_id not in labels
    assert [b.text for b in newsclean.clean(html).paragraphs] == story


def test_a_footer_named_foot_is_a_footer_and_its_browser_notice_no_body() -> None:
    # BBC 2012 (devset dragnet-268): a short video story's three lines, and in div#blq-foot a long
    # "best viewed in an up-to-date web browser" notice that outscored them
    notice = ("This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. While you "
              "will be able to view the content of this page in your current browser, you will not be able to get "
              "the full visual experience. Please consider upgrading your browser software or enabling style sheets.")
    story = ["People from all over the world are coming to London to see the Olympic Games.",
             "Scott and Kathy Cleveland from the US state of Idaho are among the thousands making the trip.",
             "They made a home-made movie about their preparations for the visit."]
    sections = "".join(f"<li><a href='/news/{n}'>News section number {n} of the site</a></li>" for n in range(12))
    html = _page(f"<div id='blq-nav'><ul>{sections}</ul></div>"
                 "<div id='main-content'><h1>Coming to the Olympics</h1><div class='meta-information'>"
                 + "".join(f"<p>{s}</p>" for s in story) + f"</div></div><div id='blq-foot' class='blq-rst'>"
                 f"<div id='blq-obit'><p><strong>{notice}</strong></p></div></div>")
    tree, labels = _labels_of(html)
    assert labels[tree.css_first("#blq-foot").mem_id] is Layer.FOOTER
    assert [b.text for b in newsclean.clean(html).paragraphs] == story


def test_a_named_container_holding_most_of_the_page_is_not_boilerplate() -> None:
    tree, labels = _labels_of(_page(f"<div class='nav-drawer-panel' id='frame'><p>{PROSE}</p><p>{PROSE}</p></div>"
                                    "<div class='nav-menu' id='menu'>Home World</div>"))
    assert tree.css_first("#frame").mem_id not in labels
    assert labels[tree.css_first("#menu").mem_id] is Layer.NAVIGATION


def test_hidden_elements_are_a_layer() -> None:
    tree, labels = _labels_of(_page("<div hidden id='a'>x</div><div style='display: none' id='b'>y</div>"
                                    "<span aria-hidden='true' id='c'>z</span>"))
    assert {labels[tree.css_first(s).mem_id] for s in ("#a", "#b", "#c")} == {Layer.HIDDEN}


def test_scoring_picks_the_prose_container_and_its_sibling_parts() -> None:
    html = _page("<div id='menu'><a href='/a'>World</a> <a href='/b'>Politics</a></div>"
                 f"<div id='wrap'><div class='story' id='one'><p>{PROSE}</p><p>{PROSE}</p></div>"
                 "<div class='promo-box'>Subscribe today</div>"
                 f"<div class='story' id='two'><p>{PROSE}</p></div></div>"
                 "<div id='links'><a href='/c'>Other story one</a><a href='/d'>Other story two</a></div>")
    tree, labels = _labels_of(html)
    scored = score_body(tree, labels, GENERIC)
    assert scored is not None
    assert [root.attrs.get("id") for root in scored.roots] == ["one", "two"]
    assert 0.5 < scored.confidence <= 1


def test_a_gallery_inside_the_body_is_not_prose() -> None:
    gallery = "<div id='g'>" + "".join(f"<img src='{i}.jpg'><span>Slide {i}</span>" for i in range(5)) + "</div>"
    article = newsclean.clean(_page(f"<article><p>{PROSE}</p>{gallery}<p>{PROSE}</p></article>"))
    assert article.text == f"{PROSE}\n\n{PROSE}"


def test_a_block_whose_paragraphs_hold_many_commas_is_prose_whatever_its_pictures() -> None:
    # a review card: a logo, star and tick icons (more pictures than paragraphs), and its prose
    icons = "".join(f"<img src='icon{i}.png'>" for i in range(5))
    review = ("Its crews pack, load, drive and unpack, and they quote a flat price, in writing, before the"
              " move, so a family knows the bill, the date, the insurance, and the storage, if any, in advance.")
    card = f"<div id='card'><img src='logo.png'>{icons}<h3>Allied Movers</h3><p>{review}</p></div>"
    article = newsclean.clean(_page(f"<article><p>{PROSE}</p>{card}<p>{PROSE}</p></article>"))
    assert review in article.text.split("\n\n")


def test_a_recipe_whose_method_is_a_list_is_prose_whatever_its_pictures() -> None:
    # a recipe card: a thumbnail and save/print icons against two short paragraphs; its prose is in list items
    steps = ["Heat a large pot, add the oil, then the onion and garlic, and cook, stirring, for three minutes.",
             "Add the pear, coriander, allspice, salt and pepper, and cook for five minutes, stirring now and then.",
             "Add the squash, stir, and cook for fifteen minutes, or until it is golden, soft and fragrant."]
    recipe = ("<div id='recipe'><img src='soup-thumb.jpg'><img src='save.png'><img src='print.png'>"
              "<h2>Butternut Squash Soup</h2><p>Serves four.</p><p>Ingredients:</p>"
              "<ul><li>1/2 cup olive oil</li><li>6 cloves garlic, peeled and minced</li></ul>"
              "<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol></div>")
    article = newsclean.clean(_page(f"<article>{f'<p>{PROSE}</p>' * 4}{recipe}</article>"))
    assert article.text.split("\n\n")[-3:] == steps


def test_a_row_of_picture_cards_with_commas_in_their_titles_is_still_a_gallery() -> None:
    # a book list beside the story: the commas are in its items' titles, not in paragraphs
    books = "".join(f"<li><img src='{i}.jpg'>Ann Lee, River Towns {i} (Delta Press, 2012), a history, with maps</li>"
                    for i in range(4))
    article = newsclean.clean(_page(f"<article><p>{PROSE}</p><div id='books'><ul>{books}</ul></div>"
                                    f"<p>{PROSE}</p></article>"))
    assert article.text == f"{PROSE}\n\n{PROSE}"


def test_react_streamed_parts_are_shown_not_hidden() -> None:
    tree, labels = _labels_of(_page("<main><template id='B:0'></template></main><div hidden id='S:0'>"
                                    f"<p>{PROSE}</p></div><div hidden id='menu'>Menu</div>"))
    assert tree.css_first("[id='S:0']").mem_id not in labels
    assert labels[tree.css_first("#menu").mem_id] is Layer.HIDDEN


def test_unknown_site_without_profile_yields_its_body_and_metadata() -> None:
    head = ('<meta property="og:title" content="Council expands program"><meta property="og:site_name" content="The Gazette">'
            '<meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2021-06-01T09:30:00+02:00">'
            '<link rel="canonical" href="https://gazette.example/council">')
    body = ("<header class='site-header'><a href='/'>The Gazette</a></header><nav><a href='/'>Home</a></nav>"
            "<div class='layout'><div class='main-column'><h1>Council expands program</h1>"
            f"<p>{PROSE}</p><div class='share-buttons'>Share on Facebook</div><p>{PROSE.upper()}</p>"
            "<h2>What comes next</h2><p>Residents can comment until July, the clerk said, and a final vote is set for August.</p>"
            "</div><div class='sidebar'><h3>Most read</h3><ul><li><a href='/x'>Another story</a></li></ul></div></div>"
            "<div class='comments'><p>First comment, with an opinion, and another clause.</p></div>"
            "<footer>© The Gazette</footer>")
    article = newsclean.clean(_page(body, head), url="https://gazette.example/council")
    assert article.extractor == "generic"
    assert [b.text for b in article.paragraphs] == [
        PROSE, PROSE.upper(), "What comes next",
        "Residents can comment until July, the clerk said, and a final vote is set for August."]
    assert (article.title, article.authors, article.site_name) == ("Council expands program", ("Ana Ruiz",), "The Gazette")
    assert article.published.isoformat() == "2021-06-01T09:30:00+02:00"
    assert article.confidence >= 0.35


def test_site_profile_pages_carry_full_confidence() -> None:
    html = '<html><body><section itemprop="articleBody"><p>Text of a story.</p></section></body></html>'
    article = newsclean.clean(html, url="https://www.nytimes.com/2019/01/01/x.html")
    assert (article.extractor, article.confidence) == ("nyt", 0.95)


def test_low_confidence_hands_the_body_to_trafilatura_when_it_finds_more(monkeypatch) -> None:  # noqa: ANN001
    import newsclean.attempts as attempts
    from newsclean.model import Block, BlockKind

    monkeypatch.setattr(attempts, "fallback_blocks", lambda html, wrapped=False: (Block(BlockKind.PARAGRAPH, PROSE * 3),))
    article = newsclean.clean(_page("<div><span>Tiny bit of text here, nothing more to see.</span></div>"))
    assert article.extractor == "trafilatura"
    assert article.text == PROSE * 3
    assert article.confidence < 0.35


def test_the_fallback_asks_trafilatura_itself() -> None:
    # No stand-in: the real trafilatura reads the page the fallback hands it.
    from newsclean.fallback import fallback_blocks

    html = _page(f"<div class='x'><p>{PROSE}</p><p>{PROSE} Again.</p></div>", "<title>T</title>")
    assert [b.text for b in fallback_blocks(html)] == [PROSE, f"{PROSE} Again."]
    assert fallback_blocks(_page("<p>Too short to be a story.</p>")) == ()


def test_a_story_opened_in_a_modal_is_the_body_not_a_promo() -> None:
    # Yahoo's way: the story in an open modal over the page behind it, which is aria-hidden.
    story = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(6))
    behind = "".join(f"<p>{PROSE} Behind {n}.</p>" for n in range(12))  # more text than the story
    html = _page(f"<div id='behind' aria-hidden='true'>{behind}</div>"
                 f"<div id='viewer' class='render-target-modal modal-open'><article>{story}</article></div>"
                 "<div id='signup' class='newsletter-modal'><p>Sign up for our newsletter, it is free.</p></div>")
    tree, labels = _labels_of(html)
    assert tree.css_first("#viewer").mem_id not in labels
    assert labels[tree.css_first("#signup").mem_id] is Layer.PROMO
    article = newsclean.clean(html)
    assert article.extractor == "generic"
    assert [b.text for b in article.paragraphs] == [f"{PROSE} Part {n}." for n in range(6)]


def test_a_short_article_card_does_not_shield_its_modal() -> None:
    html = _page(f"<main><p>{PROSE}</p><p>{PROSE}</p></main>"
                 "<div id='popup' class='modal'><article><p>Short card text.</p></article></div>")
    tree, labels = _labels_of(html)
    assert labels[tree.css_first("#popup").mem_id] is Layer.PROMO


def test_a_lead_written_straight_into_a_div_beside_the_body_is_kept() -> None:
    # aktualne.cz's way: the lead ("perex") is a div of text beside the story's container.
    lead = "West Ham keeps answering its doubters, and the football world is starting to notice the club at last."
    story = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(5))
    html = _page(f"<div class='article'><div class='article__perex'>{lead}</div>"
                 f"<div class='article__content'>{story}</div><div class='related-wrap'><a href='/x'>Other</a></div></div>")
    assert [b.text for b in newsclean.clean(html).paragraphs] == [lead, *(f"{PROSE} Part {n}." for n in range(5))]


def test_story_blocks_of_one_class_are_kept_when_the_lead_is_wrapped_apart() -> None:
    # Engadget's way: every block of the story is a div.article-text, the lead's in other boxes.
    def block(n: int) -> str:
        return f"<div class='o-block'><div class='article-text'><p>{PROSE} Part {n}.</p><p>{PROSE} More {n}.</p></div></div>"
    html = _page("<div class='page'>"
                 f"<div class='o-block'><div class='grid'><div class='cell'><div class='article-text'><p>{PROSE} Lead.</p>"
                 "</div></div></div></div>"
                 f"<div class='o-block'><div class='box'>Gallery: 14 photos</div></div>"
                 f"<div class='rest'>{''.join(block(n) for n in range(4))}</div></div>")
    texts = [b.text for b in newsclean.clean(html).paragraphs]
    assert texts[0] == f"{PROSE} Lead."
    assert texts[-1] == f"{PROSE} More 3."
    assert "Gallery: 14 photos" not in texts


def test_a_long_page_of_paragraphs_and_ad_slots_keeps_every_paragraph_in_order_and_no_ad() -> None:
    # Paragraphs straight in the body (nothing to score: the unsure path), an ad slot after each,
    # over 20,000 tags (the depth bound measures the page): every paragraph, in order, no ad.
    units = 6_000
    page = "<html><body>" + "".join(f"<p>Some sentence of text number {n} with several words.</p>"
                                    f'<div class="ad">Advertisement</div>\n' for n in range(units)) + "</body></html>"
    article = newsclean.clean(page.encode())
    assert [b.text for b in article.paragraphs] == \
        [f"Some sentence of text number {n} with several words." for n in range(units)]
    assert {(r.layer, r.count) for r in article.layers if r.layer is Layer.AD} == {(Layer.AD, units)}


_DATE_TEXTS = ["CNET Japan 3/9(木) 18:45配信", "最終更新:2017年3月9日 18時45分", "April 5, 2018 | 6:00 PM",
               "Publicado el 3 de marzo de 2019", "By Ann Lee, 22 Dec 2016, 3/9 更新", "no date at all"]


@given(st.lists(st.sampled_from([*_DATE_TEXTS, " ", "\n", "x", "3/9", "配信", "年"]), max_size=8).map("".join)
       | st.text(alphabet="0123456789/年月日配信更新 :(木)abcJan,", max_size=60))
def test_the_date_search_finds_what_the_whole_pattern_finds(text: str) -> None:
    # The worded (Japanese) formats are left out of texts without their words: same match.
    found, expected = GENERIC.search_date(text), GENERIC.date_in_text.search(text)
    assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))


def test_a_japanese_dateline_is_found_in_a_longer_text() -> None:
    found = GENERIC.search_date("ニュース CNET Japan 3/9(木) 18:45配信 の記事")
    assert found is not None and found.group(0).endswith("3/9(木) 18:45配信")
