"""Rules for any news page, and the shared tables site profiles build on.

Only landmarks and vocabularies that mean the same on every site live here: ARIA roles,
HTML5 sectioning, schema.org ``itemprop``, hidden elements, scripts and forms.
"""

from __future__ import annotations

from newsclean.model import Layer
from newsclean.profiles.base import LayerRule, PhraseRule, Profile

__all__ = ["CHROME_RULE", "DATE_FORMATS", "GENERIC", "HIDDEN_RULES", "TRANSLATION_LINKS"]

CHROME_RULE = LayerRule(
    Layer.CHROME,
    "script, style, noscript, template, iframe, form, button, svg, select, input, textarea, "
    "object, embed, canvas, link, meta, head, title, dialog",
    "markup that is never article text",
)

HIDDEN_RULES: tuple[LayerRule, ...] = (
    LayerRule(Layer.HIDDEN, "[hidden], [aria-hidden='true'], .hidden, .visually-hidden, .visuallyhidden, "
                            ".sr-only, .screen-reader-text, [style*='display:none'], [style*='display: none'],"
                            " [style*='visibility:hidden'], [style*='visibility: hidden']",
              "hidden from readers: the hidden attribute, aria-hidden, display:none, screen-reader-only"),
)

# Link text → language of the page it points to.
TRANSLATION_LINKS: tuple[tuple[str, str], ...] = (
    ("Leer en español", "es"),
    ("Read in English", "en"),
    ("Read in Spanish", "es"),
    ("Lire en français", "fr"),
    ("Ler em português", "pt"),
    ("Auf Deutsch lesen", "de"),
    ("阅读简体中文版", "zh-hans"),
    ("閱讀繁體中文版", "zh-hant"),
)

# Whole visible datelines: "Feb. 22, 2017", "JAN. 13, 2017", "Sept. 5, 2018, 5:01 a.m. ET",
# "Published March 3, 2019", "22 de febrero de 2017". Anchored by Profile.dateline_pattern.
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.?|April|Apr\.?|May|June|July|"
          r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_SPANISH_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
                  r"octubre|noviembre|diciembre)")
_TIME = r"(?:,?\s+(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{1,4}\.?(?:T\.?)?)?))?"
DATE_FORMATS: tuple[str, ...] = (
    rf"(?:(?:Published|Updated)\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}{_TIME}",
    rf"(?:(?:Publicado|Actualizado)\s+(?:el\s+)?)?\d{{1,2}}\s+de\s+{_SPANISH_MONTH}\s+de\s+\d{{4}}{_TIME}",
)

GENERIC = Profile(
    name="generic",
    body=("[itemprop='articleBody']", "article", "[role='main']", "main", "#content", ".content", "body"),
    layers=(
        CHROME_RULE,
        LayerRule(Layer.MASTHEAD, "body > header, [role='banner']", "page header landmark"),
        LayerRule(Layer.PHOTO, "figure", "figures: image, caption, credit"),
        LayerRule(Layer.BYLINE, "[itemprop~='author'], [rel='author'], .byline", "schema.org/rel author"),
        LayerRule(Layer.DATELINE, "time", "dates"),
        LayerRule(Layer.NAVIGATION, "nav, [role='navigation']", "navigation landmark"),
        LayerRule(Layer.PROMO, "aside, [role='complementary']", "complementary landmark"),
        LayerRule(Layer.FOOTER, "footer, [role='contentinfo']", "page footer landmark"),
        *HIDDEN_RULES,
    ),
    phrases=(
        PhraseRule(Layer.AD, ("Advertisement", "Publicidad", "Anzeige", "Publicité", "Sponsored"),
                   why="ad labels"),
        PhraseRule(Layer.TRANSLATION, tuple(phrase for phrase, _ in TRANSLATION_LINKS),
                   why="links to the article in another language"),
    ),
    headline=("h1[itemprop='headline']", "article h1", "h1"),
    byline_names=("[itemprop='name']",),
    caption=("figcaption",),
    credit=("[itemprop='copyrightHolder']", ".credit"),
    translation_links=TRANSLATION_LINKS,
    date_formats=DATE_FORMATS,
)
