"""Layer labelling (newsclean.layers) with the NYT and generic profiles."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import newsclean
from conftest import FIXTURES
from newsclean.layers import label_layers, layer_report
from newsclean.model import Layer
from newsclean.profiles import GENERIC, NYT, PROFILES, select_profile


def _labels(html: str, profile=NYT):  # noqa: ANN001, ANN202
    tree = LexborHTMLParser(html)
    labels = label_layers(tree, profile)
    return tree, labels


def _label_of(tree: LexborHTMLParser, labels: dict, selector: str) -> Layer | None:
    return labels.get(tree.css_first(selector).mem_id)


def test_every_selector_of_every_profile_is_valid_css() -> None:
    tree = LexborHTMLParser("<p>x</p>")
    for profile in (*PROFILES, GENERIC):
        for rule in profile.layers:
            tree.css(rule.css)  # raises on a selector lexbor cannot read
        for selector in (*profile.body, *profile.headline, *profile.section, *profile.caption, *profile.credit):
            tree.css(selector)


def test_ad_label_phrase_labels_its_element_but_not_the_word_in_a_sentence() -> None:
    tree, labels = _labels('<div id="w"><div id="slug">Advertisement</div>'
                           '<a id="skip" href="#after">Continue reading the main story</a></div>'
                           '<p id="story">The Advertisement Council said so.</p>')
    assert _label_of(tree, labels, "#slug") is Layer.AD
    assert _label_of(tree, labels, "#skip") is Layer.AD
    assert _label_of(tree, labels, "#w") is None
    assert _label_of(tree, labels, "#story") is None


def test_spanish_ad_label_is_found_too() -> None:
    tree, labels = _labels('<div><p id="p">Publicidad</p></div>')
    assert _label_of(tree, labels, "#p") is Layer.AD


@pytest.mark.parametrize("line", ["Advertisements", "ADVERTISEMENTS", "Sponsored Links:", "Sponsored Ads:",
                                  "Advertisement - Continue Reading Below", "Advertisement - Page continues below",
                                  "Story continues below advertisement", "Subscribe To Newsletters"])
def test_ad_labels_and_the_lines_where_an_ad_cuts_the_story_are_boilerplate(line: str) -> None:
    tree, labels = _labels(f'<div><p id="story">The story goes on.</p><div id="line">{line}</div>'
                           '<p id="after">The story continues below the ad.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#line") in (Layer.AD, Layer.PROMO)
    assert _label_of(tree, labels, "#story") is None and _label_of(tree, labels, "#after") is None


@pytest.mark.parametrize(("line", "layer"), [
    ("Stanley Chou/Getty Images", Layer.CAPTION),
    ("Mandel Ngan / AFP/Getty Images", Layer.CAPTION),
    ("(ED Jones/AFP/Getty Images)", Layer.CAPTION),
    ("Getty Images", Layer.CAPTION),
    # a caption's sentence that ends with its credit is text; so is a slash in prose
    ("Hong Kongers attend a charity Halloween parade. (ED Jones/AFP/Getty Images)", None),
    ("Image via Kirill Linnik/Shutterstock", None),
    ("The AP/Reuters count came in late.", None),
])
def test_a_photo_credit_line_standing_alone_is_a_caption(line: str, layer: Layer | None) -> None:
    tree, labels = _labels(f'<div><p>The story goes on.</p><p id="line">{line}</p><p>And on.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#line") is layer


@pytest.mark.parametrize(("line", "layer"), [
    # dragnet's blogs and 2005–2009 news pages: controls on lines of their own under the story
    ("Tweet", Layer.SHARE), ("Pin It!", Layer.SHARE), ("Recommend this story", Layer.SHARE),
    ("Story tools", Layer.SHARE), ("Article licensing and reprint options", Layer.SHARE),
    ("The comments to this entry are closed.", Layer.PROMO), ("Leave a comment", Layer.PROMO),
    ("Comments", Layer.PROMO), ("Back to top", Layer.NAVIGATION), ("No comments yet", Layer.PROMO),
    ("0 Comments", Layer.PROMO), ("<strong>Related posts</strong>:", Layer.RECIRCULATION),
    ("Related Content", Layer.RECIRCULATION), ("Read next", Layer.RECIRCULATION),
    ("On the Net:", Layer.RECIRCULATION), ("Enlarge Photo", Layer.MEDIA_PLAYER), ("EMAIL", Layer.SHARE),
    ("Video", Layer.MEDIA_PLAYER), ("PHOTOS", Layer.MEDIA_PLAYER),
    ("RSS", Layer.SHARE), ("Previous Next", Layer.NAVIGATION), ("Table of Contents", Layer.NAVIGATION),
    ('Posted in: <a rel="category tag" href="/c/f">Fantasy</a> | Comments', Layer.NAVIGATION),
    # BBC News 2000–2013 under every story; the line under a 2005 Associated Press byline
    ("RELATED INTERNET LINKS:", Layer.RECIRCULATION),
    ("The BBC is not responsible for the content of external internet sites", Layer.RECIRCULATION),
    ("End Quote", Layer.CHROME), ("Associated Press Writer", Layer.BYLINE),
    # WordPress themes' lines under a post, and a bio set as one paragraph
    ("This entry was posted on Monday, October 15th, 2012 at 4:48 pm and posted in Life. You can follow any "
     "responses to this entry through the RSS 2.0 feed.", Layer.NAVIGATION),
    ("You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback "
     "from your own site.", Layer.PROMO), ("Share this Post", Layer.SHARE), ("Share this recipe", Layer.SHARE),
    ("About the Author: Derek Halpern is the marketing guy at DIYthemes.", Layer.PROMO),
    # sentences that start with those words are the story's
    ("Tweet by tweet, the campaign lost its lead.", None), ("Comments from readers poured in.", None),
    ("Related posts from the archive tell the rest of the story.", None), ("No comments were made.", None),
    ("Posted in 2010, the video was seen by millions.", None), ("Next, the council voted.", None),
    ("Video shows the moment the bridge fell.", None),
])
def test_a_control_standing_alone_under_a_story_is_boilerplate(line: str, layer: Layer | None) -> None:
    tree, labels = _labels(f'<div><p>The story goes on.</p><p id="line">{line}</p><p>And on.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#line") is layer


@pytest.mark.parametrize(("line", "layer"), [
    # seen in the metaset's German, Danish, Spanish, French and Portuguese news pages' text
    ("Drucken", Layer.SHARE), ("Teilen Sie diesen Artikel!", Layer.SHARE), ("Kommentar hinzufügen", Layer.PROMO),
    ("Kommentarer", Layer.PROMO), ("Über den Autor", Layer.PROMO), ("Voir les contributions", Layer.PROMO),
    ("Te recomendamos ⬇", Layer.RECIRCULATION), ("Tópicos relacionados", Layer.RECIRCULATION),
    ("Carregando...", Layer.MEDIA_PLAYER), ("Bild vergrößern", Layer.MEDIA_PLAYER),
    ("Lire la suite", Layer.MEDIA_PLAYER), ("Sieh dir diesen Beitrag auf Instagram an", Layer.MEDIA_PLAYER),
    ("Der Artikel geht unten weiter", Layer.AD), ("Реклама", Layer.AD), ("Publicidade", Layer.AD),
    ("Zur Startseite", Layer.NAVIGATION), ("[PR]", Layer.AD),
    # sentences with those words are the story's
    ("Teilen Sie uns Ihre Meinung mit, sagte der Bürgermeister.", None),
    ("Lire la suite du rapport prendra du temps, a-t-il dit.", None), ("Kommentare gab es keine.", None),
])
def test_a_control_in_another_language_standing_alone_is_boilerplate(line: str, layer: Layer | None) -> None:
    tree, labels = _labels(f'<div><p>The story goes on.</p><p id="line">{line}</p><p>And on.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#line") is layer


@pytest.mark.parametrize("text", ["Skip to main content", "Skip to Main Content", "Skip to content",
                                  "Zum Inhalt springen", "Aller au contenu principal", "Saltar al contenido",
                                  "本文へスキップ"])
def test_an_accessibility_skip_link_is_one_in_any_template(text: str) -> None:
    # wcxb pages of many sites: the skip link sat inside the container taken as the body
    tree, labels = _labels(f'<div><a id="skip" href="#main" class="s1bppch0">{text}</a><p>The story goes on.</p>'
                           f'<p id="s">Skip to content you care about, the guide says.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#skip") is Layer.SKIP_LINK and _label_of(tree, labels, "#s") is None


def test_a_continue_reading_link_alone_is_a_control_but_a_sentence_that_starts_so_is_not() -> None:
    tree, labels = _labels('<div><p id="teaser">The first lines of a post.</p><p id="more"><a href="/post">Continue '
                           'reading</a></p><p id="s">Continue reading the report and you will see why.</p></div>', GENERIC)
    assert _label_of(tree, labels, "#more") is Layer.MEDIA_PLAYER
    assert _label_of(tree, labels, "#s") is None and _label_of(tree, labels, "#teaser") is None


def test_bloggers_feed_links_under_a_post_are_boilerplate() -> None:
    tree, labels = _labels('<div class="post-body"><p>The post, which holds most of the words on the page, as a '
                           'post does.</p></div><div class="feed-links">Subscribe to:\n'
                           '<a class="feed-link" href="/feeds/1/comments/default">Post Comments (Atom)</a></div>', GENERIC)
    assert _label_of(tree, labels, ".feed-links") is Layer.PROMO
    assert _label_of(tree, labels, ".post-body") is None


def test_a_whole_dateline_is_labelled_but_a_date_in_a_sentence_is_not() -> None:
    tree, labels = _labels('<ul><li><p id="d">Feb. 22,\n2017</p></li></ul><p id="s">Feb. 22, 2017, was cold.</p>')
    assert _label_of(tree, labels, "#d") is Layer.DATELINE
    assert _label_of(tree, labels, "#s") is None


@pytest.mark.parametrize("line", ["<a href='/m'>CNET Japan</a> 3/9(木) 18:45配信", "最終更新:3/9(木) 18:45",
                                  "2017年3月9日 18時45分配信"])
def test_japanese_datelines_are_labelled(line: str) -> None:
    tree, labels = _labels(f'<p id="d">{line}</p><p id="s">3月9日に発売を開始すると発表した。</p>', GENERIC)
    assert _label_of(tree, labels, "#d") is Layer.DATELINE
    assert _label_of(tree, labels, "#s") is None


def test_print_notice_is_a_prefix_phrase() -> None:
    tree, labels = _labels('<p id="n">A version of this article appears in print on Jan. 13, 2017, '
                           'on Page A6 of the New York edition.</p>')
    assert _label_of(tree, labels, "#n") is Layer.PRINT_NOTICE


def test_stable_markers_label_2019_layers() -> None:
    tree, labels = _labels(
        '<div data-testid="share-tools" id="s"></div><div data-testid="photoviewer-wrapper" id="ph"></div>'
        '<div id="top-wrapper"><div id="top-slug">Advertisement</div></div>'
        '<nav id="site-index"></nav><footer id="f"></footer>'
        '<p id="b">By <a href="https://www.nytimes.com/by/kirk-semple">Kirk Semple</a></p>')
    assert _label_of(tree, labels, "#s") is Layer.SHARE
    assert _label_of(tree, labels, "#ph") is Layer.PHOTO
    assert _label_of(tree, labels, "#top-wrapper") is Layer.AD
    assert _label_of(tree, labels, "#site-index") is Layer.SITE_INDEX
    assert _label_of(tree, labels, "#f") is Layer.FOOTER
    assert _label_of(tree, labels, "#b") is Layer.BYLINE


def test_pandoc_testid_attribute_is_a_marker_too() -> None:
    tree, labels = _labels('<div testid="photoviewer-wrapper" id="ph"></div>')
    assert _label_of(tree, labels, "#ph") is Layer.PHOTO


def test_a_short_title_before_a_related_links_list_goes_with_the_list() -> None:
    tree, labels = _labels(
        '<div><div id="t">More about the federal debt</div><div id="cards"><div>'
        '<a href="https://www.nytimes.com/x.html?module=RelatedLinks">Other story</a></div></div></div>')
    assert _label_of(tree, labels, "#cards") is Layer.RECIRCULATION
    assert _label_of(tree, labels, "#t") is Layer.RECIRCULATION


@pytest.mark.parametrize("name", ["top-index-stories", "other_stories", "more-stories", "latestStories",
                                  "related-stories"])
def test_other_stories_modules_inside_the_article_are_recirculation(name: str) -> None:
    # BBC 2012: <div class="top-index-stories"><h2>More China stories</h2>… inside the story column
    prose = "<p>" + "The article's own paragraph, long enough to count as prose. " * 5 + "</p>"
    tree, labels = _labels(f'<div class="story-body">{prose}<div class="{name}" id="m"><h2>More China stories</h2>'
                           '<ul><li><a href="/news/1">Chinese tourists top spending league</a></li></ul></div></div>',
                           GENERIC)
    assert _label_of(tree, labels, "#m") is Layer.RECIRCULATION
    assert _label_of(tree, labels, ".story-body") is None


def test_bloggers_post_wrappers_are_not_a_widget_nor_a_dateline() -> None:
    prose = "<p>" + "A blog post's own paragraph, long enough to count as prose. " * 5 + "</p>"
    tree, labels = _labels('<div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">'
                           '<div class="date-outer"><h2 class="date-header" id="dh">Wednesday, August 15, 2012</h2>'
                           f'<div class="date-posts"><div class="post-outer"><div class="post hentry">{prose}'
                           '</div></div></div></div></div></div>'
                           '<div class="widget HTML" id="HTML3"><h2>Blogroll</h2><a href="/x">A friend</a></div>'
                           '<div id="about">'
                           + "<p>The sidebar's own long text, which makes the posts a small part of the page.</p>" * 12
                           + '</div>', GENERIC)
    for selector in ("#Blog1", ".blog-posts", ".date-outer", ".date-posts", ".post-outer"):
        assert _label_of(tree, labels, selector) is None, selector
    assert _label_of(tree, labels, "#HTML3") is Layer.PROMO  # a sidebar widget stays one


def test_a_figure_of_a_table_or_code_is_text_and_a_figure_of_a_picture_is_a_photo() -> None:
    # WordPress wraps tables in <figure class="wp-block-table">, code blocks often sit in a figure too
    tree, labels = _labels('<figure id="table" class="wp-block-table"><table><tr><td>1</td><td>State Farm</td></tr>'
                           '</table><figcaption>Source: NAIC</figcaption></figure>'
                           '<figure id="code"><pre>pip install newsclean</pre></figure>'
                           '<figure id="photo"><img src="a.jpg"><figcaption>A river</figcaption></figure>'
                           '<figure id="both"><img src="b.png"><table><tr><td>x</td></tr></table></figure>', GENERIC)
    assert _label_of(tree, labels, "#table") is None
    assert _label_of(tree, labels, "#code") is None
    assert _label_of(tree, labels, "#photo") is Layer.PHOTO
    assert _label_of(tree, labels, "#both") is Layer.PHOTO  # a picture beside a table: its image is kept as one


def test_report_counts_outermost_elements_and_their_characters() -> None:
    tree, labels = _labels('<footer id="f"><p>About us</p><aside>Promo</aside></footer><p>Body text.</p>')
    report = {r.layer: r for r in layer_report(labels)}
    assert report[Layer.FOOTER].count == 1
    assert report[Layer.FOOTER].chars == len("About usPromo")
    assert Layer.PROMO not in report  # inside the footer: counted with it


def test_profile_selection_by_host_then_markers() -> None:
    plain = LexborHTMLParser("<article><p>x</p></article>")
    assert select_profile(plain, "https://www.nytimes.com/2019/x.html") is NYT
    assert select_profile(plain, "https://example.com/x") is GENERIC
    marked = LexborHTMLParser('<div class="StoryBodyCompanionColumn"><p>x</p></div>')
    assert select_profile(marked) is NYT


def _start(match) -> int | None:  # noqa: ANN001
    return None if match is None else match.start()


def _fixture_class_names() -> list[str]:
    names = set()
    for page in FIXTURES.glob("*/source.html"):
        for node in LexborHTMLParser(page.read_text(encoding="utf-8", errors="replace")).css("[class], [id]"):
            names.add(f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower())
    return sorted(names)


_VOCABULARY_PROFILES = [p for p in (*PROFILES, GENERIC) if p.class_name_vocabulary is not None]


def test_class_name_prefilter_starts_where_the_vocabulary_matches_on_real_pages() -> None:
    names = [*_fixture_class_names(), "ad", "x-ad3", "sharedaddy", "breadcrumbs", "navigation", "site-header", "jw-x", ""]
    assert len(names) > 1000
    for profile in _VOCABULARY_PROFILES:
        for name in names:
            assert _start(profile.class_name_prefilter.search(name)) == _start(profile.class_name_vocabulary.search(name)), name


# Pieces of class names, vocabulary words among them, glued with and without separators.
_NAME_PIECES = st.sampled_from(["ad", "ads", "share", "nav", "menu", "logo", "footer", "video", "jw", "player",
                                "sponsor", "ed", "comment", "related", "article", "content", "x", "3", "s", "a"])
_CLASS_NAMES = st.lists(st.tuples(_NAME_PIECES, st.sampled_from(["", " ", "-", "_"])), max_size=6).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))


@settings(max_examples=500)
@given(_CLASS_NAMES)
def test_class_name_prefilter_starts_where_the_vocabulary_matches(name: str) -> None:
    for profile in _VOCABULARY_PROFILES:
        assert _start(profile.class_name_prefilter.search(name)) == _start(profile.class_name_vocabulary.search(name))


def test_markup_shown_as_text_is_chrome_but_a_code_sample_is_not() -> None:
    tree, labels = _labels('<p id="m">&lt;div style="position:absolute;"&gt;&lt;img width=1 src="http://t.test/p"&gt;'
                           '&lt;/div&gt;</p><pre id="c">&lt;div class="x"&gt;&lt;/div&gt;</pre>'
                           '<p id="s">Use &lt;b&gt; for bold text, the guide says.</p>', GENERIC)
    assert _label_of(tree, labels, "#m") is Layer.CHROME
    assert _label_of(tree, labels, "#c") is None
    assert _label_of(tree, labels, "#s") is None


def test_a_tag_with_a_broken_attribute_shown_as_text_is_chrome() -> None:
    # pandoc keeps a page's broken attribute name (data-<=""), so the renderer shows the tag as
    # text; in dragnet-R15's gfm form such list items outweighed the story's link list
    tree, labels = _labels('<ul><li id="m">&lt;img src="http://www.hypebot.com/OneRPM.gif" data-&lt;="" '
                           'data-center="" /&gt;</li><li id="s">Upward Spiral &lt;12&gt; is out</li></ul>', GENERIC)
    assert _label_of(tree, labels, "#m") is Layer.CHROME
    assert _label_of(tree, labels, "#s") is None


@pytest.mark.parametrize("code", [
    '<pre><code class="language-bash"><span class="hljs-comment" id="k"># stage every change</span>\ngit add .</code></pre>',
    '<pre class="language-js"><span class="token comment" id="k">// share the state</span>\nlet x = 1;</pre>',
    '<p>Run <code><span class="nav-key" id="k">git status</span></code> first.</p>'])
def test_a_highlighters_token_names_inside_code_are_no_layer_words(code: str) -> None:
    # wcxb-0437: highlight.js wraps each code comment in span.hljs-comment; as "comment" it went as a comment thread
    tree, labels = _labels(f'<div class="post-body"><p>{"A tutorial paragraph that explains the commands. " * 4}</p>'
                           f'{code}</div><div class="comments" id="t"><p>Great post!</p></div>', GENERIC)
    assert _label_of(tree, labels, "#k") is None
    assert _label_of(tree, labels, "#t") is Layer.PROMO  # outside code, the word still labels


# --- Generic vocabulary families seen on the devset ----------------------------------------------

_PROSE = "The council voted on Tuesday to expand the program after a year of debate about its cost. " * 3


def test_a_comment_thread_is_labelled_even_when_it_holds_most_of_the_page() -> None:
    thread = "".join(f"<dd class='comment'><p>{_PROSE} Reader {n}.</p></dd>" for n in range(8))
    tree, labels = _labels(f"<body><div class='post'><p>{_PROSE}</p></div>"
                           f"<dl id='comment_list'>{thread}</dl><div class='menu-nav'>{_PROSE * 20}</div></body>",
                           GENERIC)
    assert _label_of(tree, labels, "#comment_list") is Layer.PROMO
    # …while a menu word on a frame holding most of the page is still not a label.
    tree, labels = _labels(f"<body><div class='menu-nav' id='frame'><p>{_PROSE * 20}</p></div>"
                           f"<div class='share'>Share</div></body>", GENERIC)
    assert _label_of(tree, labels, "#frame") is None


@pytest.mark.parametrize(("names", "layer"), [
    ("photo_caption", Layer.CAPTION), ("wp-caption-text", Layer.CAPTION), ("image-credit", Layer.CAPTION),
    ("buzz_superlist_item no_caption", None), ("figure has-caption", None), ("story with-caption", None),
])
def test_caption_boxes_by_class_name_but_not_their_modifiers(names: str, layer: Layer | None) -> None:
    # (the box's text is no credit line of its own: "Matt Sayles/AP Photo" alone is a caption by its words)
    tree, labels = _labels(f"<body><div class='{names}' id='x'>Matt Sayles for the AP</div><p>{_PROSE}</p></body>",
                           GENERIC)
    assert _label_of(tree, labels, "#x") is layer


def test_a_posts_taxonomy_names_are_not_layer_words() -> None:
    post = "post-7 post type-post hentry category-social-media tag-share-tips"
    tree, labels = _labels(f"<body><div class='{post}' id='x'><p>{_PROSE}</p></div>"
                           f"<div class='share-bar' id='bar'>Share</div><p>{_PROSE * 3}</p></body>", GENERIC)
    assert _label_of(tree, labels, "#x") is None
    assert _label_of(tree, labels, "#bar") is Layer.SHARE
    # Without a post's own names, "social" in a name is still a share widget's word.
    tree, labels = _labels(f"<body><div class='category-social-media' id='x'>Follow</div><p>{_PROSE}</p></body>",
                           GENERIC)
    assert _label_of(tree, labels, "#x") is Layer.SHARE


def test_a_credit_line_in_the_text_column_is_a_caption() -> None:
    tree, labels = _labels(f"<body><p>{_PROSE}</p><p id='credit'>Image credit: Red Bull Stratos</p></body>", GENERIC)
    assert _label_of(tree, labels, "#credit") is Layer.CAPTION


def test_a_page_without_a_url_is_known_by_its_canonical_link_or_og_url() -> None:
    for head in ('<link rel="canonical" href="http://gadgetwise.blogs.nytimes.com/2012/11/06/q/">',
                 '<meta property="og:url" content="https://www.nytimes.com/2019/01/01/us/x.html">'):
        tree = LexborHTMLParser(f"<html><head>{head}</head><body><p>x</p></body></html>")
        assert select_profile(tree) is NYT
    tree = LexborHTMLParser('<html><head><link rel="canonical" href="https://example.com/a"></head><body></body></html>')
    assert select_profile(tree) is GENERIC
    assert select_profile(tree, "https://www.nytimes.com/2019/01/01/x.html") is NYT  # the caller's URL first


def _fixture_pages() -> list[str]:
    return sorted(p.parent.name for p in FIXTURES.glob("*/source.html"))


def _fixture_tree(case: str) -> LexborHTMLParser:
    from newsclean._input import read_input
    from newsclean._parse import parse

    decoded = read_input(FIXTURES / case / "source.html", form=None, max_bytes=1 << 26)
    return parse(decoded.text, decoded.form, utf8=decoded.utf8)


@pytest.mark.parametrize("case", _fixture_pages()[::3])
def test_a_shared_page_scan_gives_every_attempt_the_labels_a_fresh_read_gives(case: str) -> None:
    # Relaxed attempts build their labels from what the strict one read off the page: the
    # same labels (and text facts) as labelling a freshly parsed tree with that profile.
    from newsclean.attempts import RELAXATIONS, relaxed_profile
    from newsclean.layers import PageScan

    tree = _fixture_tree(case)
    profile = select_profile(tree)
    scan = PageScan(tree)
    for relaxed in (frozenset(), *RELAXATIONS):
        variant = relaxed_profile(profile, relaxed)
        shared = label_layers(tree, variant, scan)
        fresh = label_layers(_fixture_tree(case), variant)
        assert sorted(shared.values()) == sorted(fresh.values())
        assert (shared.prose_chars, len(shared.text_holders), shared.byline_starts) == \
            (fresh.prose_chars, len(fresh.text_holders), fresh.byline_starts)
        assert scan.page_chars() == len(tree.body.text())


@pytest.mark.parametrize("case", _fixture_pages())
def test_a_page_with_fewer_than_three_possible_card_bylines_is_no_section_front(case: str) -> None:
    # finish() skips cutting the whole body into blocks when the text walk found under three
    # runs that could start a "By …" line: whenever the body's blocks are a section front,
    # the walk saw at least three.
    from newsclean.body import extract_blocks
    from newsclean.verdict import ensure_not_a_section_front, may_be_section_front

    tree = _fixture_tree(case)
    profile = select_profile(tree)
    for prefixes in (profile.byline_prefixes, ("By", "Written by", "B")):
        variant = dataclasses.replace(profile, byline_prefixes=prefixes)
        labels = label_layers(tree, variant)
        try:
            ensure_not_a_section_front(extract_blocks([tree.body], labels), variant)
        except newsclean.NotAnArticle:
            assert may_be_section_front(labels.byline_starts)


def test_byline_starts_count_runs_cut_anywhere_inside_the_prefix() -> None:
    _, labels = _labels("<div><p><b>B</b>y Jane Doe</p><p>Written\n  by Ann</p><p>By Max</p></div>", GENERIC)
    assert labels.byline_starts == 3
    _, labels = _labels("<div><p>Bystanders saw it.</p><p>Nobody wrote this.</p></div>", GENERIC)
    assert labels.byline_starts == 0


def test_a_date_format_without_a_digit_is_still_tried_on_text_without_one() -> None:
    # Datelines are matched only on text with a digit when every format needs one; a profile
    # whose format does not is asked on every short text.
    profile = dataclasses.replace(GENERIC, date_formats=(r"(?:Yesterday|Today)",))
    tree, labels = _labels('<div><p id="d">Yesterday</p><p id="s">Yesterday we went to the sea.</p></div>', profile)
    assert _label_of(tree, labels, "#d") is Layer.DATELINE
    assert _label_of(tree, labels, "#s") is None
    from newsclean.layers import _needs_digit
    assert _needs_digit(GENERIC.dateline_pattern.pattern) and not _needs_digit(profile.dateline_pattern.pattern)


def test_a_phrase_repeated_on_every_block_labels_each_block() -> None:
    body = "".join(f'<p id="p{n}">Story paragraph number {n}, with words.</p><div id="a{n}">Advertisement</div>'
                   for n in range(50))
    tree, labels = _labels(f"<div>{body}</div>", GENERIC)
    assert all(_label_of(tree, labels, f"#a{n}") is Layer.AD for n in range(50))
    assert not any(_label_of(tree, labels, f"#p{n}") for n in range(50))


_STORY = "".join(f"<p>{n}: home prices rose in the second quarter for the first time since 2007, the report "
                 "says, and the market is starting to recover.</p>" for n in range(5))


def test_a_heading_that_is_only_a_byline_is_the_byline() -> None:
    # pandoc's gfm drops the h3's class "byline" ("### BY NICK TIMIRAOS"); many sites set it so
    html = f"<html><body><article><h1>Home Prices Rise</h1><h3>BY NICK TIMIRAOS</h3>{_STORY}</article></body></html>"
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "h3") is Layer.BYLINE
    article = newsclean.clean(html)
    assert article.authors == ("Nick Timiraos",) and "TIMIRAOS" not in article.text
    markdown = "# Home Prices Rise\n\n### BY NICK TIMIRAOS\n\n" + "\n\n".join(
        f"{n}: home prices rose in the second quarter for the first time since 2007, the report says." for n in range(5))
    assert newsclean.clean(markdown, form="pandoc").authors == ("Nick Timiraos",)


def test_headings_that_sort_by_something_are_no_bylines() -> None:
    # two different "By …" headings are facets of a list or an article's sections ("By
    # Functionality", "By Audience", the second with markdown emphasis pandoc left unrendered)
    html = (f"<html><body><article><h1>Mobile apps</h1>{_STORY}<h3>By Functionality</h3>{_STORY}"
            f"<h3>**By Audience\xa0**</h3>{_STORY}<h3>More from Apple</h3></article></body></html>")
    tree, labels = _labels(html, GENERIC)
    assert all(labels.get(h.mem_id) is not Layer.BYLINE for h in tree.css("h3"))
    article = newsclean.clean(html)
    assert "By Functionality" in [p.text for p in article.paragraphs] and article.authors == ()


def test_story_cards_bylined_in_headings_are_left_to_the_section_front_verdict() -> None:
    cards = "".join(f"<div><h2>Story {n}</h2><h3>By Writer Number{n}</h3><p>A short summary of story {n}.</p></div>"
                    for n in range(6))
    tree, labels = _labels(f"<html><body><main>{cards}</main></body></html>", GENERIC)
    assert not any(layer is Layer.BYLINE for layer in labels.values())


@pytest.mark.parametrize(("byline", "name", "gone"), [
    # WordPress VIP's "wp-byline" (cleanportaleval's Washington Post blogs): it leaked into the body
    ("<p class='wp-byline' id='by'>By Julia Beizer, <span>Published: March 8 at 3:23 pm</span></p>",
     "Julia Beizer", "Published"),
    # an author-classed element on one line: National World's regional papers (portsmouth.co.uk),
    # where the byline stayed as the body's second line
    ("<div class='ArticleMeta__Author-sc-7' id='by'><span>By <span>Sophie Lewis</span></span></div>",
     "Sophie Lewis", "Sophie"),
])
def test_a_by_line_in_an_element_named_for_the_byline_or_the_author_is_the_byline(byline: str, name: str,
                                                                                 gone: str) -> None:
    html = f"<html><body><article><h1>A story</h1>{byline}{_STORY}</article></body></html>"
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "#by") is Layer.BYLINE
    article = newsclean.clean(html)
    assert article.authors == (name,) and gone not in article.text


def test_a_byline_classed_paragraph_is_no_byline_unless_it_reads_by_or_is_one_of_many() -> None:
    # a job title in a "byline" paragraph; related cards each with their own "By …" paragraph
    cards = "".join(f"<div><h3>Story {n}</h3><p class='article__byline'>By Writer Number{n}</p></div>" for n in range(4))
    tree, labels = _labels(f"<html><body><article><h1>A story</h1><p class='post-byline' id='role'>Trends Reporter</p>"
                           f"{_STORY}</article><aside>{cards}</aside></body></html>", GENERIC)
    assert _label_of(tree, labels, "#role") is None
    assert not any(labels.get(p.mem_id) is Layer.BYLINE for p in tree.css("p.article__byline"))


@pytest.mark.parametrize(("line", "layer"), [
    ("8 min read", Layer.DATELINE), ("· 3 MIN. READ", Layer.DATELINE), ("Reading Time: 11 minutes", Layer.DATELINE),
    ("Read time: 14 min", Layer.DATELINE), ("Lesezeit: 4 Min.", Layer.DATELINE),
    ("Temps de lecture : 3 min", Layer.DATELINE), ("33 Shares", Layer.SHARE), ("1,693 views", Layer.SHARE),
    ("2 Comments", Layer.SHARE),
])
def test_reading_times_and_counters_are_the_story_s_meta_line(line: str, layer: Layer) -> None:
    # wcxb 0487, 4267, 0262; engadget's "33 Shares"; a post's view count (wcxb-0103)
    html = f"<html><body><article><h1>A story</h1><div id='meta'>{line}</div>{_STORY}</article></body></html>"
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "#meta") is layer
    assert line not in newsclean.clean(html).text


@pytest.mark.parametrize(("line", "layer"), [
    ("相关新闻", Layer.RECIRCULATION), ("関連記事", Layer.RECIRCULATION), ("أخبار ذات صلة", Layer.RECIRCULATION),
    ("Baca juga: <a href='/x'>Harga emas naik lagi</a>", Layer.RECIRCULATION),  # Indonesian papers' "read also"
    ("【纠错】", Layer.SHARE), ("关闭窗口", Layer.SHARE), ("Listen to this article", Layer.MEDIA_PLAYER),
    ("ख़बर सुनें", Layer.MEDIA_PLAYER),  # Amar Ujala's "listen to the news" over every story
])
def test_tools_and_related_titles_in_the_languages_of_news_sites(line: str, layer: Layer) -> None:
    html = f"<html><body><article><h1>A story</h1>{_STORY}<div id='line'>{line}</div></article></body></html>"
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "#line") is layer


def test_a_site_builder_s_copies_of_the_page_for_other_widths_are_hidden() -> None:
    # Framer (wcxb-0355): the story three times over, one "ssr-variant" per breakpoint
    copy = "<div class='ssr-variant hidden-{0}'><div class='framer-bkf1oq'>{1}</div></div>"
    html = ("<html><body><main><h1>Remodeling Costs in California</h1>" +
            "".join(copy.format(n, _STORY) for n in ("12t0irv", "bnz77l", "1rq27kw")) + "</main></body></html>")
    article = newsclean.clean(html)
    assert article.text.count("home prices rose in the second quarter") == _STORY.count("home prices rose")


@pytest.mark.parametrize(("markup", "layer"), [
    ("<div id='line'>- Anúncio -</div>", Layer.AD),  # a Brazilian paper's ad slot label
    ("<p id='line'>Subscribe now!</p>", Layer.PAYWALL),
    ("<div class='ConnatixPlayer__ScConnatixWrapper-sc-1iha0y7-0' id='line'><cnx class='cnx-main-container'>"
     "PLAY Top Stories LOADINGERROR LOADING</cnx></div>", Layer.MEDIA_PLAYER),  # NY Post, Newsweek, The Verge
])
def test_ad_labels_paywall_lines_and_embedded_players_of_news_sites(markup: str, layer: Layer) -> None:
    html = f"<html><body><article><h1>A story</h1>{_STORY}{markup}</article></body></html>"
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "#line") is layer


def test_a_number_of_minutes_in_a_sentence_is_the_story_s() -> None:
    html = (f"<html><body><article><h1>A story</h1><p id='s'>The walk takes 8 min reading the signs.</p>{_STORY}"
            "</article></body></html>")
    tree, labels = _labels(html, GENERIC)
    assert _label_of(tree, labels, "#s") is None


def test_an_author_box_of_several_lines_or_a_bare_by_is_left_to_the_author_rules() -> None:
    # a job title in its own block (wcxb-2684), a title after a line break (WebMD), a "By" whose name is elsewhere
    boxes = ("<div class='StyledAuthor' id='a'><p>By <a href='/u/s'>Shaoni Mukherjee</a></p><p>Technical Writer</p></div>",
             "<div class='author_fmt' id='b'>By <a rel='author' href='/b'>Brenda Goodman, MA</a><br>WebMD Health News</div>",
             "<span class='author-meta' id='c'>By</span>")
    for box in boxes:
        tree, labels = _labels(f"<html><body><article><h1>A story</h1>{box}{_STORY}</article></body></html>", GENERIC)
        assert _label_of(tree, labels, "#" + box.split("id='")[1][0]) is None, box


@pytest.mark.parametrize("attributes", [
    "class='blog-post-hero__copy' id='w-node-_3e140bde-687c-77a1-ad29-de6f89650d0e-5c36ffe0'",  # Webflow (wcxb-4256)
    "class='shg-c s-ac47599f-edfc-4eee-ad20-d210747b809b'",  # a page builder's section (devset wcxb-0587)
    "class='hs-cta-wrapper hs-cta-wrapper-1e8ba620-e257-4c61-ad36-fba7b2adad5c'",  # HubSpot's call-to-action box
])
def test_a_uuid_in_a_name_is_no_ad_slot(attributes: str) -> None:
    # "ad29", "ad20", "ad36": a UUID's chunk, not an ad slot numbered 29.
    tree, labels = _labels(f"<body><div {attributes}><h1>Best CRMs of 2026</h1></div>"
                           f"<p>{_PROSE}</p></body>", GENERIC)
    assert _label_of(tree, labels, "div") is None
    assert _label_of(tree, labels, "h1") is Layer.HEADLINE  # the headline, not an ad's text
    # …while a numbered ad slot is still one, beside a UUID too.
    tree, labels = _labels(f"<body><div class='ad-slot ad29' id='x'>Advertiser content</div>"
                           f"<div class='ad2 block-a3176285-d6c8-4ea8-9b6d-29ea116ead84' id='y'>Sale</div>"
                           f"<p>{_PROSE}</p></body>", GENERIC)
    assert _label_of(tree, labels, "#x") is Layer.AD
    assert _label_of(tree, labels, "#y") is Layer.AD


def test_a_cards_minor_heading_is_not_the_headline() -> None:
    # A grid of other stories above the article (metaset wcxb-0208, a WordPress theme): each card is
    # a post ("hentry") whose ".post-title" holds an <h6>; the story's own headline is the <h1>.
    card = ("<div class='post hentry type-post'><div class='post-title entry-header'>"
            "<h6><a href='/transport/kodiak'>Verizon Business powers Kodiak AI's push</a></h6></div></div>")
    tree, labels = _labels(f"<body><div class='row'>{card}</div><h1 id='own'>The rising tide of cyber "
                           f"vulnerabilities in home appliances</h1><p>{_PROSE}</p></body>", GENERIC)
    assert _label_of(tree, labels, "#own") is Layer.HEADLINE
    assert _label_of(tree, labels, ".post-title") is None
    # A blog's post title set as an <h3> (Blogger's "post-title entry-title") is still the headline.
    tree, labels = _labels(f"<body><h1>My Garden Blog</h1><div class='post hentry'><h3 class='post-title entry-title' "
                           f"id='own'>Planting garlic in the fall</h3><p>{_PROSE}</p></div></body>", GENERIC)
    assert _label_of(tree, labels, "#own") is Layer.HEADLINE


_PROSE = "A charter bus carrying 42 passengers crashed when it tried to pass under a bridge, police said."


def test_a_dateline_or_time_inside_a_sentence_is_part_of_it() -> None:
    tree, labels = _labels(f'<p><span class="dateline" id="d">BOSTON &mdash; </span>{_PROSE}</p>'
                           f'<p>It happened on <time id="t" datetime="2013-02-02">Saturday</time> night. {_PROSE}</p>',
                           GENERIC)
    assert _label_of(tree, labels, "#d") is None
    assert _label_of(tree, labels, "#t") is None


def test_a_dateline_beside_a_short_line_or_in_its_own_block_is_still_a_dateline() -> None:
    tree, labels = _labels('<p>Posted <time id="t" datetime="2013-02-02">Feb. 2, 2013</time> | 3 comments</p>'
                           f'<div class="dateline" id="d">BOSTON, Feb. 2</div><p>{_PROSE}</p>', GENERIC)
    assert _label_of(tree, labels, "#t") is Layer.DATELINE
    assert _label_of(tree, labels, "#d") is Layer.DATELINE


def test_an_author_link_inside_a_sentence_is_no_byline() -> None:
    """(Else "Author Archive" was read as a second author's name.)"""
    tree, labels = _labels('<p>This post was written by <a rel="author" href="/a/x" id="a">A Guest Blogger</a>. You '
                           'can visit the <a rel="author" href="/a" id="b">Author Archive</a> for a short '
                           'bio.</p>', GENERIC)
    assert _label_of(tree, labels, "#a") is None
    assert _label_of(tree, labels, "#b") is None


def test_a_sentence_keeps_its_inline_dateline_in_the_body() -> None:
    html = f'<html><body><article><h1>Bus hits overpass</h1><p><span class="dateline">BOSTON &nbsp;</span>{_PROSE}</p>' \
           f'<p>It happened on <time datetime="2013-02-02">Saturday</time> night. {_PROSE}</p></article></body></html>'
    assert [block.text for block in newsclean.clean(html).paragraphs] == \
        [f"BOSTON {_PROSE}", f"It happened on Saturday night. {_PROSE}"]


def test_a_phrase_inside_a_code_sample_is_code() -> None:
    tree, labels = _labels('<div><p>The story goes on.</p><pre><code>{\n  <span id="k">"email"</span>: null,\n'
                           '  <span id="s">Share</span>\n}</code></pre></div>', GENERIC)
    assert _label_of(tree, labels, "#k") is None and _label_of(tree, labels, "#s") is None


def test_a_box_a_phrase_heading_titles_goes_with_its_title() -> None:
    tree, labels = _labels('<div><p>The story goes on.</p><div class="post-author" id="bio"><h3>About the author</h3>'
                           '<p>Mary Brock is a scientist who works on drugs.</p></div><div id="rel"><h4>Related posts'
                           '</h4><p><a href="/a">One</a><br><a href="/b">Two</a></p></div></div>', GENERIC)
    assert _label_of(tree, labels, "#bio") is Layer.PROMO
    assert _label_of(tree, labels, "#rel") is Layer.RECIRCULATION


def test_a_box_whose_heading_only_starts_with_a_phrase_or_comes_later_stays() -> None:
    items = "".join(f"<li>On average, a move costs about ${n}.</li>" for n in range(3))
    tree, labels = _labels(f'<div><div class="drawer" id="more"><h3>Read more about the cost of movers:</h3><ul>{items}'
                           '</ul></div><div id="later"><p>The story goes on.</p><h3>Related posts</h3></div></div>',
                           GENERIC)
    assert _label_of(tree, labels, "#more") is None and _label_of(tree, labels, "#later") is None


def test_a_hash_in_a_class_name_that_starts_with_ad_is_no_ad_slot() -> None:
    # WordPress block themes name each group's layout by a hash: "wp-container-core-group-is-layout-ad2f72ca"
    # held an article's byline and date (metaset wcxb-4527); "ad300x250" and "ad_728" are ad slots.
    import newsclean

    story = "<p>" + "Intermittent fasting changes when people eat, and researchers are testing what it does. " * 4 + "</p>"
    page = ('<html><body><article><h1>The health benefits of intermittent fasting</h1>'
            '<div class="wp-block-group is-nowrap is-layout-flex wp-container-core-group-is-layout-ad2f72ca">'
            '<div class="wp-block-post-author__content">By Amy Roeder</div></div>'
            f'{story}{story}<div class="ad300x250"><p>Shop the sale now</p></div></article></body></html>')
    article = newsclean.clean(page)
    assert article.authors == ("Amy Roeder",)
    assert "Shop the sale" not in article.text
    tree, labels = _labels('<div id="slot" class="ad300x250"><p>x</p></div><div id="slot2" class="ad_728"><p>y</p></div>', GENERIC)
    assert _label_of(tree, labels, "#slot") is Layer.AD and _label_of(tree, labels, "#slot2") is Layer.AD
