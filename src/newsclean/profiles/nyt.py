"""The New York Times, 2016–17 (``story-body-text``), 2019 (``StoryBodyCompanionColumn``,
``data-testid``) and NYT en Español markup: selectors, phrases and patterns, nothing else.

Markers are stable ids, ``data-testid``, ``itemprop``, roles and long-lived class names;
hashed ``css-xxxx`` classes change with every deploy and are never used.
See ``docs/layers.md`` for what each rule marks and what becomes of it.
"""

from __future__ import annotations

from newsclean.model import Layer
from newsclean.profiles.base import LayerRule, PhraseRule, Profile
from newsclean.profiles.generic import (
    ARTICLE_SIGNS,
    ARTICLE_TYPES,
    CHROME_RULE,
    DATE_FORMATS,
    HIDDEN_RULES,
    MAIN_LANDMARK,
    TRANSLATION_LINKS,
    WORDED_DATE_FORMATS,
)

__all__ = ["NYT"]


def _testid(*names: str) -> str:
    """``data-testid`` selectors; pandoc's gfm writer keeps that attribute as ``testid``."""
    return ", ".join(f"[data-testid='{n}'], [testid='{n}']" for n in names)


_LAYERS: tuple[LayerRule, ...] = (
    CHROME_RULE,
    LayerRule(Layer.STICKY_HEADER, "[style*='opacity:0.000000001'][style*='visibility:hidden']",
              "2019: the sticky header, a hidden copy of section, title, short URL and share tools"),
    LayerRule(Layer.MASTHEAD, "#masthead, header#masthead, .NYTAppHideMasthead, "
                              f"{_testid('masthead')}, #masthead-bar-one, .quick-navigation, #shell > .masthead, .branding",
              "the site's header bar and logo"),
    LayerRule(Layer.SECTION_LABEL, "#masthead-section-label, .kicker, .kicker-label, "
                                   f"{_testid('section-label')}",
              "the section name above the headline"),
    LayerRule(Layer.SKIP_LINK, ".skip-button, a[href='#site-content'], a[href='#site-index'], "
                               "a[href='#story-header'], a[href='#site-index-navigation']",
              "skip-to-content links for screen readers"),
    LayerRule(Layer.AD, ".ad, .place-ad, #top-wrapper, #sponsor-wrapper, #mid1-wrapper, #mid2-wrapper, "
                        f"#mid3-wrapper, #bottom-wrapper, {_testid('StandardAd')}, .supported-by, "
                        ".ad-label, [id$='-slug'][id^='top'], [id^='sponsor-slug'], .story-interrupter, "
                        "[data-position]",
              "ad slots and their labels"),
    LayerRule(Layer.SHARE, f"{_testid('share-tools', 'share-tools-container')}, .sharetools, "
                           "[role='toolbar'], [data-role='toolbar'], .share-tools, .sharetools-story",
              "share, save and comment buttons"),
    LayerRule(Layer.PHOTO, f"{_testid('photoviewer-wrapper')}, figure, [itemprop~='associatedMedia'], "
                           ".media.photo",
              "photo viewers: image, caption, credit (read into Article.images)"),
    LayerRule(Layer.BYLINE, "[itemprop~='author'], .byline, .byline-dateline, "
                            "p:has(> a[href*='/by/']), div:has(> a[href*='/by/']), [class*='last-byline'], "
                            f"{_testid('byline')}",
              "the byline (read into Article.authors)"),
    LayerRule(Layer.DATELINE, f"time, .dateline, {_testid('timestamp')}, .timestamp",
              "the date and time line (read into Article.published)"),
    LayerRule(Layer.GRAPHIC, f".interactive-embedded, .custom-graphic-container, .interactive-graphic, "
                             f".interactive-header, .interactive-footer, .ai2html, .g-artboard, .g-aiAbs, "
                             f"{_testid('leadin', 'credit')}, .interactive-leadin, .interactive-credit",
              "embedded charts and graphics (ai2html artboards): labels, lead-in and credit"),
    LayerRule(Layer.PAYWALL, f"#gateway-content, {_testid('optimistic-truncator-message', 'inline-message')}, "
                             ".optimistic-truncator-message, .inline-message, .meteredContent-gateway, "
                             "#app-download-link",
              "paywall, truncator and inline messages"),
    LayerRule(Layer.RECIRCULATION, f"{_testid('recirc-package', 'recirc-rightrail', 'related-links')}, "
                                   "#recirc-rightrail, .recirculation, .related-combined-coverage-marginalia, "
                                   "div:has(> p > a[href*='module=RelatedLinks']), a[href*='module=RelatedLinks'], "
                                   "div:has(> div > a[href*='module=RelatedLinks']), "
                                   "div:has(> div > p > a[href*='module=RelatedLinks']), "
                                   "#related-combined-coverage, .related-coverage, #whats-next, "
                                   ".trending-module, #trending-list-container, .story-footer-links, "
                                   ".marginalia, #collection-highlights",
              "related coverage, trending and 'what's next' lists"),
    LayerRule(Layer.PROMO, f"aside, .newsletter-signup, {_testid('newsletter-signup', 'inline-interactive')}, "
                           "p:has(a[href*='/newsletters/']), a[href*='/newsletters/'], "
                           ".robots-nocontent, .nocontent, .story-notes, .reader-satisfaction-survey, "
                           f"{_testid('brand-link')}, #commentsContainer, .comments-button, .story-info",
              "newsletter boxes, promos and asides; elements the site marks robots-nocontent"),
    LayerRule(Layer.SITE_INDEX, f"#site-index, {_testid('site-index')}, #site-index-navigation",
              "the site index at the foot of the page"),
    LayerRule(Layer.NAVIGATION, "nav, [role='navigation'], #navigation, .navigation",
              "site navigation menus"),
    LayerRule(Layer.FOOTER, f"footer, [role='contentinfo'], #page-footer, {_testid('footer')}, "
                            ".story-footer",
              "page and story footers, site information links"),
    *HIDDEN_RULES,
)

_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(Layer.AD, ("Advertisement", "Supported by", "Continue reading the main story",
                          "Publicidad", "Continúa leyendo la historia principal",
                          "Continúe leyendo la noticia principal", "Con el apoyo de"),
               why="ad labels, English and Spanish"),
    PhraseRule(Layer.SKIP_LINK, ("Skip to content", "Skip to site index", "Skip to navigation",
                                 "View mobile version", "Ir al contenido", "Ir al índice del sitio"),
               why="skip links"),
    PhraseRule(Layer.PAYWALL, ("Subscribe to The Times", "Subscribe to The New York Times",
                               "Suscríbete", "Log in", "Already a subscriber"), prefix=True,
               why="paywall lines"),
    PhraseRule(Layer.PRINT_NOTICE, ("A version of this article appears in print on",
                                    "A version of this article appears in print",
                                    "A version of this article appeared in print",  # 2012 blogs
                                    "Una versión de este artículo"), prefix=True,
               why="print edition notices"),
    PhraseRule(Layer.PROMO, ("Sign up for", "Follow The New York Times", "Get politics and Washington news",
                             "We’re interested in your feedback on this page", "Tell us what you think",
                             "Related Coverage", "Read more about", "Más en español", "Lee más en"),
               prefix=True, why="newsletter, follow and feedback prompts"),
    PhraseRule(Layer.TRANSLATION, tuple(phrase for phrase, _ in TRANSLATION_LINKS),
               why="links to the article in another language (read into Article.alternates)"),
)

NYT = Profile(
    name="nyt",
    hosts=("nytimes.com", "nyti.ms"),
    markers=(".StoryBodyCompanionColumn", "p.story-body-text", ".story-body-supplemental", ".NYTAppHideMasthead",
             "meta[name='sourceApp'][content^='nyt']", "#masthead-section-label",
             "meta[property='og:site_name'][content*='New York Times']",
             "link[rel='canonical'][href*='//www.nytimes.com/']"),
    # 2012 markup: each paragraph carries itemprop=articleBody, and a correction below them
    # does not; the div.articleBody around them holds both.
    body=("div.articleBody", "[itemprop='articleBody']", "section[name='articleBody']", "#story-body", "#story .story-body",
          ".story-body", "#story", "article", "main"),
    layers=_LAYERS,
    phrases=_PHRASES,
    prefer_visible_title=True,
    headline=("h1[itemprop='headline']", "#headline", "h1.headline", _testid("headline"),
              "article h1", "h1"),
    byline_names=("[itemprop='name']", ".byline-author"),
    byline_name_attrs=("data-byline-name", "byline-name"),
    byline_prefixes=("By", "Por"),
    byline_separators=(",", ";", " and ", " y ", "&"),
    section=("#masthead-section-label", ".kicker-label", _testid("section-label"),
             "[style*='visibility:hidden'] span > a[href*='/section/']",
             "[style*='visibility:hidden'] span > a[href*='/pages/']",
             "a[href*='/section/']:not([href*='todayspaper'])"),
    site_name="The New York Times",
    caption=(".caption-text", "[itemprop~='caption'] > span:first-child", "figcaption > span:first-child",
             "figcaption"),
    caption_prefixes=("Image", "Imagen"),
    credit=("[itemprop='copyrightHolder']", ".credit"),
    credit_prefixes=("Credit...", "Credit…", "Credit", "Crédito...", "Crédito…", "Crédito"),
    translation_links=TRANSLATION_LINKS,
    article_signs=ARTICLE_SIGNS,
    article_types=ARTICLE_TYPES,
    main_landmark=MAIN_LANDMARK,
    short_url=r"https?(?::|%3A)(?://|%2F%2F)nyti\.ms(?:/|%2F)[A-Za-z0-9]+",  # also inside share links
    date_formats=DATE_FORMATS,
    worded_date_formats=WORDED_DATE_FORMATS,
)
