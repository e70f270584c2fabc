"""Relax and retry, then judge (newsclean.attempts): a strict step that takes the article
never costs the user the article."""

from __future__ import annotations

import dataclasses

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsclean
from newsclean import attempts
from newsclean.attempts import AGREEMENT, Attempt, Relaxation, agreement, judge, relaxed_profile
from newsclean.layers import Labels
from newsclean.model import Block, BlockKind
from newsclean.profiles import GENERIC

PROSE = ("The council voted on Tuesday to expand the program, which pays for new water mains in "
         "older neighborhoods, after a year of debate about its cost and who should bear it.")
SENTENCES = [f"{PROSE[:-1]}, said speaker number {n}, who asked the council to think again about it."
             for n in range(12)]


def _page(body: str) -> str:
    return f"<html><head><title>Story</title></head><body>{body}</body></html>"


def _attempt(relaxed: frozenset[Relaxation], *texts: str) -> Attempt:
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in texts)
    return Attempt(relaxed, Labels(LexborHTMLParser("<p></p>")), [], 0.5, blocks, [])


STRICT, CLEANING, CLASS_NAMES = frozenset(), frozenset({Relaxation.CLEANING}), \
    frozenset({Relaxation.CLEANING, Relaxation.CLASS_NAMES})


# --- The rule, on attempts made by hand ---------------------------------------------------------

def test_the_strictest_attempt_that_agrees_with_the_second_opinion_wins() -> None:
    chain = [_attempt(STRICT, "Share this story"), _attempt(CLEANING, *SENTENCES[:2]),
             _attempt(CLASS_NAMES, *SENTENCES)]
    opinion = tuple(Block(BlockKind.PARAGRAPH, s) for s in SENTENCES)
    verdict = judge(chain, opinion, "generic")
    assert verdict.attempt is chain[2] and verdict.extractor == "generic"
    assert verdict.blocks == chain[2].blocks


def test_when_nothing_agrees_a_much_longer_second_opinion_rescues_the_article() -> None:
    chain = [_attempt(STRICT, "Read more"), _attempt(CLEANING, "Read more"), _attempt(CLASS_NAMES, "Menu")]
    opinion = tuple(Block(BlockKind.PARAGRAPH, s) for s in SENTENCES)
    verdict = judge(chain, opinion, "generic")
    assert verdict.extractor == "trafilatura" and verdict.blocks == opinion


def test_when_nothing_agrees_and_ours_is_not_far_shorter_ours_stands() -> None:
    ours = SENTENCES[:6]
    chain = [_attempt(STRICT, *ours), _attempt(CLEANING, *ours)]
    opinion = tuple(Block(BlockKind.PARAGRAPH, f"Comment {n}: I disagree with the council, strongly.")
                    for n in range(20))
    assert agreement(" ".join(ours), " ".join(b.text for b in opinion)) < AGREEMENT
    verdict = judge(chain, opinion, "generic")
    assert verdict.attempt is chain[0] and verdict.extractor == "generic"


@pytest.mark.parametrize(("times", "theirs_wins"), [(2, False), (4, True)])
def test_a_low_confidence_body_gives_way_only_to_an_opinion_three_times_longer(times: int, theirs_wins: bool) -> None:
    # dragnet-R822/R823, -361, -511: a short blog post found with low confidence, and trafilatura
    # twice as long with the blog's sidebar; wcxb-0629: a body a third of what the page holds
    ours = SENTENCES[:2]
    chain = [dataclasses.replace(_attempt(STRICT, *ours), confidence=0.1), _attempt(CLEANING, *ours)]
    opinion = tuple(Block(BlockKind.PARAGRAPH, f"Archive entry {n} of the blog, posted in another month entirely.")
                    for n in range(len(" ".join(ours)) * times // 60))
    assert agreement(" ".join(ours), " ".join(b.text for b in opinion)) < AGREEMENT
    verdict = judge(chain, opinion, "generic")
    assert (verdict.extractor == "trafilatura") is theirs_wins


def test_without_a_second_opinion_only_cleaning_may_be_undone() -> None:
    chain = [_attempt(STRICT), _attempt(CLEANING), _attempt(CLASS_NAMES, "Home | World | Sports")]
    assert judge(chain, (), "generic").blocks == ()
    chain = [_attempt(STRICT), _attempt(CLEANING, *SENTENCES), _attempt(CLASS_NAMES, *SENTENCES)]
    assert judge(chain, (), "generic").attempt is chain[1]


def test_agreement_is_token_f1() -> None:
    assert agreement("a b c d", "a b c d") == 1.0
    assert agreement("a b", "c d") == 0.0
    assert agreement("A b, c!", "a B c") == 1.0
    assert agreement("a b c d", "a b") == pytest.approx(2 * 2 / 6)


def test_switching_a_step_off_empties_its_table() -> None:
    relaxed = relaxed_profile(GENERIC, frozenset(Relaxation))
    assert relaxed.class_names == () and relaxed.clean_inside_body is False
    assert {rule.layer.value for rule in relaxed.layers} == {"chrome", "hidden"}
    assert relaxed_profile(GENERIC, frozenset()) is GENERIC


# --- Whole pages: the families seen on the devset ------------------------------------------------

def test_a_recipe_post_with_more_photos_than_paragraphs_keeps_its_story() -> None:
    # Conditional cleaning once labelled the chosen container itself a gallery.
    photos = "".join(f'<div class="separator"><img src="/p{n}.jpg"></div>' for n in range(40))
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    article = newsclean.clean(_page(f'<div class="post-body">{photos}{paragraphs}</div>'))
    assert [b.text for b in article.paragraphs] == SENTENCES


def test_a_gallery_inside_the_story_still_leaves_it() -> None:
    gallery = '<div class="pics">' + "".join(f'<img src="/g{n}.jpg"><p>Photo {n}</p>' for n in range(3)) + \
        '<img src="/g9.jpg"></div>'
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    article = newsclean.clean(_page(f'<div class="post-body">{paragraphs[:400]}{gallery}{paragraphs}</div>'))
    assert not any(b.text.startswith("Photo ") for b in article.paragraphs)


def test_a_blog_post_tagged_social_media_is_not_a_share_bar() -> None:
    # TypePad and WordPress write the post's taxonomy into its container's class names.
    post = ('<div class="entry-category-social_media entry-author-jane entry-type-post entry">'
            + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>")
    side = '<div class="sidebar"><p>Archives</p><p>About this blog and its author, in a few words.</p></div>'
    article = newsclean.clean(_page(post + side))
    assert [b.text for b in article.paragraphs] == SENTENCES
    assert article.extractor == "generic"


def test_a_story_whose_container_a_class_name_swallowed_comes_back_through_relaxing() -> None:
    # A "share" word on the story's own wrapper, under half the page's text (comments and a
    # sidebar hold the rest): the strict pass loses the story; lifting the label over the most
    # text finds it again, and the second opinion (the real trafilatura) agrees.
    from newsclean._api import analyse
    from newsclean._input import read_input

    story = ('<div class="story-share-enabled"><h1>Council expands program</h1>'
             + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>")
    comments = '<div class="comments">' + "".join(
        f"<p>Reader {n} wrote: the water mains on my street were replaced twice in ten years.</p>"
        for n in range(20)) + "</div>"
    sidebar = '<aside class="sidebar">' + "".join(
        f"<p>Archive {n}: notes from the council's earlier meetings on the budget, by month.</p>"
        for n in range(20)) + "</aside>"
    page = _page('<div class="nav">Home</div>' + story + comments + sidebar)
    analysis = analyse(read_input(page, form=None, max_bytes=1 << 20), url=None)
    assert analysis.attempts[0].blocks == ()  # the strict pass lost it
    assert Relaxation.LIFT in next(a for a in analysis.attempts if a.labels is analysis.labels).relaxed
    article = newsclean.clean(page)
    assert [b.text for b in article.paragraphs] == SENTENCES
    assert article.extractor == "generic"


@pytest.mark.parametrize(("sections", "sure"), [(1, True), (8, False)])
def test_a_body_that_keeps_under_a_fifth_of_its_containers_text_is_not_sure(sections: int, sure: bool) -> None:
    # wcxb-4705 (CKEditor's "ck-widget" grid around each section), wcxb-0010 ("c-product-widget"
    # review boxes): the body was the right container, but "widget" labelled most of what is in
    # it, and its sections' text, cut by links and emphasis, counted little as the page's prose.
    html = (f'<div id="body"><p>{SENTENCES[0]}</p>'
            + "".join(f'<div class="ck-widget"><p>{SENTENCES[n]}</p></div>' for n in range(1, sections + 1))
            + "</div>")
    tree = LexborHTMLParser(html)
    intro = _attempt(STRICT, SENTENCES[0])
    intro.labels.prose_chars = len(SENTENCES[0])  # all the prose the page seems to hold is kept
    sure_by_prose = dataclasses.replace(intro, roots=[tree.css_first("#body")], confidence=0.9)
    assert attempts._is_sure(sure_by_prose) is sure


@pytest.mark.parametrize("glued", [False, True])
def test_a_rescued_body_does_not_repeat_the_headline(monkeypatch: pytest.MonkeyPatch, glued: bool) -> None:
    # trafilatura keeps the page's h1 as its first paragraph, or glues it to the first one
    # (a pandoc page whose heading line is 200,000 characters); newsclean's title holds it
    headline = "Council expands the water program"
    opinion = [f"{headline} {SENTENCES[0]}"] if glued else [headline, SENTENCES[0]]
    opinion += SENTENCES[1:]

    def second_opinion(html: str, wrapped: bool = False) -> tuple[Block, ...]:
        return tuple(Block(BlockKind.PARAGRAPH, text) for text in opinion)

    monkeypatch.setattr(attempts, "fallback_blocks", second_opinion)
    article = newsclean.clean(_page(f"<h1>{headline}</h1><div><span>A few words, and a menu.</span></div>"))
    assert article.extractor == "trafilatura"
    assert [b.text for b in article.paragraphs] == SENTENCES


def test_a_pandoc_form_that_precision_mode_and_we_find_empty_gets_the_default_mode(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a pandoc form's second opinion runs in precision mode; when it and every attempt of ours
    # find nothing, the default mode is asked before the page is refused (metaset mc-1493663910)
    asked: list[bool | None] = []

    def second_opinion(html: str, wrapped: bool = False, precision: bool | None = None) -> tuple[Block, ...]:
        asked.append(precision)
        return () if precision is None else tuple(Block(BlockKind.PARAGRAPH, text) for text in SENTENCES)

    monkeypatch.setattr(attempts, "fallback_blocks", second_opinion)
    menus = ('<div class="nav">\n\n- [Home](/)\n- [World](/world)\n\n</div>\n\n<div class="share">\n\n'
             'Share this story\n\n</div>\n\n<div class="footer">\n\n© 2019 The Gazette\n\n</div>\n')
    article = newsclean.clean(menus, form="pandoc")
    assert article.extractor == "trafilatura" and [b.text for b in article.paragraphs] == SENTENCES
    assert asked == [None, False]
    asked.clear()
    with pytest.raises(newsclean.NotAnArticle):  # an HTML page gets no second try
        newsclean.clean(_page("<nav>Home | World | Sports</nav><div class='share'>Share</div>"))
    assert asked == [None]


def test_a_page_of_menus_is_still_not_an_article() -> None:
    with pytest.raises(newsclean.NotAnArticle):
        newsclean.clean(_page("<nav>Home | World | Sports</nav><div class='share'>Share</div>"
                              "<footer>© 2019 The Gazette</footer>"))


def test_a_sure_page_never_asks_for_a_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_second_opinion(html: str) -> tuple[Block, ...]:
        raise AssertionError("a sure page asked trafilatura")

    monkeypatch.setattr(attempts, "fallback_blocks", no_second_opinion)
    article = newsclean.clean(_page('<article class="story">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                                    + "</article>"))
    assert len(article.paragraphs) == len(SENTENCES)


# --- Section fronts against articles with several bylines ---------------------------------------

def test_a_live_blog_with_a_byline_per_entry_is_an_article() -> None:
    entries = "".join(f"<div class='entry'><p>By Reporter {n}</p><p>{SENTENCES[n]} {SENTENCES[n + 1]}</p></div>"
                      for n in range(5))
    article = newsclean.clean(_page(f"<div class='live'>{entries}</div>"))
    assert sum(1 for b in article.paragraphs if b.text.startswith("By Reporter")) == 5


def test_a_page_of_bylined_story_cards_is_still_a_section_front() -> None:
    cards = "".join(f"<div class='card'><h3>Headline number {n}</h3><p>A one-line summary of story {n}.</p>"
                    f"<p>By Reporter {n}</p></div>" for n in range(8))
    with pytest.raises(newsclean.NotAnArticle, match="section front"):
        newsclean.clean(_page(f"<div class='cards'>{cards}</div>"))


SHORT_FACTS = [f"There were {n} total beneficiaries in the county in 2019, which is unchanged from 2018, "
               "according to the official agency website." for n in (70, 71, 72)]


def _short_story_with_bylined_cards(declared: list[str]) -> str:
    """A story of three short paragraphs, then six bylined "More News" cards (metaset
    htmldate/mc-1693504805's shape), its JSON-LD declaring the ``declared`` types."""
    ld = "".join(f"<script type='application/ld+json'>{{\"@context\": \"https://schema.org\", \"@type\": \"{t}\"}}"
                 "</script>" for t in declared)
    story = ("<div class='story'><h1>Total beneficiaries remain the same in 2019</h1>"
             "<p>By <a href='/a'>Metro News Service</a></p><div class='story-content'>"
             + "".join(f"<p>{s}</p>" for s in SHORT_FACTS) + "</div></div>")
    cards = "".join(f"<div class='card'><h3><a href='/s{n}'>Other county figures for year {n}</a></h3>"
                    f"<p>By <a href='/a'>Metro News Service</a></p><p>Aug {n + 1}, 2020</p></div>" for n in range(6))
    return (f"<html><head><title>Story</title>{ld}</head><body>{story}"
            f"<div class='more'><h2>More News</h2>{cards}</div></body></html>")


def test_a_short_story_that_declares_itself_an_article_is_not_judged_by_its_related_cards() -> None:
    article = newsclean.clean(_short_story_with_bylined_cards(["NewsArticle"]))
    assert [b.text for b in article.paragraphs] == SHORT_FACTS


@pytest.mark.parametrize("declared", [[], ["NewsArticle", "ItemList"], ["CollectionPage"]])
def test_the_same_page_declaring_no_article_or_a_listing_is_a_section_front(declared: list[str]) -> None:
    with pytest.raises(newsclean.NotAnArticle, match="section front"):
        newsclean.clean(_short_story_with_bylined_cards(declared))


def test_prose_that_starts_with_by_and_a_lower_case_word_is_no_story_card_byline() -> None:
    from newsclean.verdict import ensure_not_a_section_front

    lines = ["By the way, I love this site.", "By then the vote was over.", "By contrast, the others left.",
             "By on October 24, 2012 in Video"]  # the last: a byline whose name was an image
    blocks = [Block(BlockKind.PARAGRAPH, text) for text in lines]
    ensure_not_a_section_front(blocks, GENERIC)  # no raise
    cards = [Block(BlockKind.PARAGRAPH, text) for text in ("By Jane Doe", "By | Metro News", "BY JOHN ROE")]
    logins = [Block(BlockKind.PARAGRAPH, text) for text in ("By admin", "Posted by admin on March 3, 2012",
                                                             "By jsmith | 4 comments")]
    with pytest.raises(newsclean.NotAnArticle, match="3 story-card bylines"):
        ensure_not_a_section_front([*blocks, *logins], GENERIC)  # a blog's cards, bylined with its login
    with pytest.raises(newsclean.NotAnArticle, match="3 story-card bylines"):
        ensure_not_a_section_front([*blocks, *cards], GENERIC)


def test_a_bare_by_is_a_card_byline_only_where_a_headline_follows_it() -> None:
    from newsclean.verdict import ensure_not_a_section_front

    story = [Block(BlockKind.PARAGRAPH, s) for s in SHORT_FACTS]
    # a local news template shows the story's empty author slot twice, each before its date line
    slots = [Block(BlockKind.PARAGRAPH, text) for text in ("by:", "Posted: Nov 8, 2023 / 11:50 AM EST")] * 2
    ensure_not_a_section_front([*slots, *story, Block(BlockKind.PARAGRAPH, "By Jane Doe")], GENERIC)  # no raise
    # a section front whose names load later: each card's "By" is followed by the next headline
    cards = [block for n in range(4) for block in (Block(BlockKind.SUBHEAD, f"Headline number {n}"),
                                                   Block(BlockKind.PARAGRAPH, "By"))]
    with pytest.raises(newsclean.NotAnArticle, match="3 story-card bylines"):
        ensure_not_a_section_front(cards, GENERIC)  # the last "By" has no headline after it


FIVE_FACTS = [f"Officers were called to the crossing at {n} o'clock on Friday, and the road stayed closed "
              "for most of the afternoon." for n in range(1, 6)]


def test_five_paragraphs_of_prose_in_a_row_are_a_story_whatever_bylined_cards_follow() -> None:
    # a pandoc form keeps no <head>, so nothing declares the page one article (metaset
    # htmldate/mc-1775625776: a local story of short paragraphs, bylined "More News" cards below)
    story = ("<div class='story'><h1>Pedestrian hurt in town centre crash</h1><p class='byline'>By Jane Doe</p>"
             + "".join(f"<p>{s}</p>" for s in FIVE_FACTS) + "</div>")
    cards = "".join(f"<div class='card'><h3><a href='/s{n}'>Other story number {n}</a></h3><p>By Reporter {n} / Nov {n}, "
                    f"2020</p><p>{SHORT_FACTS[n % 3]}</p><p>Read the Full Article</p></div>" for n in range(4))
    article = newsclean.clean(f"<html><body>{story}<div class='more'><h2>More News</h2>{cards}</div></body></html>")
    texts = [b.text for b in article.paragraphs]
    assert texts[:len(FIVE_FACTS)] == FIVE_FACTS
    four = "".join(f"<p>{s}</p>" for s in FIVE_FACTS[:4])  # four are not enough: a card's summary can run to two
    with pytest.raises(newsclean.NotAnArticle, match="section front"):
        newsclean.clean(f"<html><body><div class='story'><h1>Crash</h1>{four}</div>"
                        f"<div class='more'><h2>More News</h2>{cards}</div></body></html>")


# --- Work the chain does not redo ----------------------------------------------------------------

def _unsure_page() -> str:
    gallery = "<div class='pics'>" + "<img src='a.jpg'>" * 4 + "<p>A caption of the photographs.</p></div>"
    links = "<ul>" + "".join(f"<li><a href='/s{n}'>Another story number {n}</a></li>" for n in range(6)) + "</ul>"
    return _page("<div class='body'>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:3]) + gallery + links + "</div>"
                 + "<div class='rail'>" + "".join(f"<p>{s}</p>" for s in SENTENCES[3:]) + "</div>")


def test_the_attempt_with_only_cleaning_off_is_the_strict_one_less_what_cleaning_labelled() -> None:
    from newsclean.layers import PageScan

    tree = LexborHTMLParser(_unsure_page())
    scan = PageScan(tree)
    strict = attempts.run_attempt(tree, GENERIC, frozenset(), scan)
    assert strict.cleaned  # the gallery or the link list
    [derived] = list(attempts._chain(tree, GENERIC, strict, attempts.RELAXATIONS[:1], scan))[1:]
    fresh = attempts.run_attempt(LexborHTMLParser(_unsure_page()), GENERIC, attempts.RELAXATIONS[0])
    assert derived.relaxed == fresh.relaxed
    assert derived.blocks == fresh.blocks and derived.confidence == fresh.confidence
    assert sorted(derived.labels.values()) == sorted(fresh.labels.values())


def test_every_relaxed_attempt_over_one_scan_is_the_attempt_made_afresh() -> None:
    from newsclean.layers import PageScan

    tree = LexborHTMLParser(_unsure_page())
    scan = PageScan(tree)
    strict = attempts.run_attempt(tree, GENERIC, frozenset(), scan)
    chained = list(attempts._chain(tree, GENERIC, strict, attempts.RELAXATIONS, scan))[1:]
    for attempt, relaxed in zip(chained, attempts.RELAXATIONS, strict=True):
        fresh = attempts.run_attempt(LexborHTMLParser(_unsure_page()), GENERIC, relaxed)
        assert (attempt.relaxed, attempt.blocks, attempt.confidence, attempt.marked) == \
            (fresh.relaxed, fresh.blocks, fresh.confidence, fresh.marked)
        assert sorted(attempt.labels.values()) == sorted(fresh.labels.values())


def test_without_a_second_opinion_the_judge_draws_no_attempt_past_the_one_it_chooses() -> None:
    def chain():  # noqa: ANN202
        yield _attempt(STRICT, *SENTENCES[:2])
        raise AssertionError("drew an attempt it could not choose")

    verdict = judge(chain(), (), "generic")
    assert verdict.blocks == tuple(Block(BlockKind.PARAGRAPH, s) for s in SENTENCES[:2])


def test_a_page_of_more_text_than_the_bound_asks_no_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_second_opinion(html: str) -> tuple[Block, ...]:
        raise AssertionError("asked trafilatura about a page over the bound")

    monkeypatch.setattr(attempts, "fallback_blocks", no_second_opinion)
    monkeypatch.setattr(attempts, "SECOND_OPINION_MAX_CHARS", 1000)
    page = _page("".join(f"<p>{s}</p>" for s in SENTENCES))  # paragraphs straight in the body: unsure
    article = newsclean.clean(page)
    assert [b.text for b in article.paragraphs] == SENTENCES and article.extractor == "generic"
