"""Hypothesis strategies: NYT-style pages built from layer templates around random paragraphs.

A generated page knows what it holds (the body paragraphs, the boilerplate strings, the
authors, captions and credits), so properties can check newsclean against it. Each page is
rendered in two forms: HTML, and pandoc gfm markdown with raw ``<div>`` blocks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from hypothesis import strategies as st

# Words start with a capital from this list so no paragraph reads like a byline ("By …"),
# a dateline or an ad label; the rest mixes accents, curly quotes and dashes.
_OPENERS = ["Officials", "Mexico", "The", "Residents", "Critics", "Lawmakers", "Économistes", "Ünal",
            "Señor", "Investors", "Analysts", "Teachers"]
_WORDS = ["deal", "border", "trade", "wall", "city", "año", "naïve", "café", "résumé", "Zürich",
          "“quoted”", "it’s", "—", "2017", "$4.8", "billion", "said", "on", "Wednesday", "of", "and",
          "the", "a", "long-term", "über", "東京", "Ελλάδα", "(aside)", "50%", "U.S.", "Mr.", "tax",
          "reform", "water", "mains", "&", "<", ">", "vote"]
_NAMES = ["Gardiner Harris", "Kirk Semple", "Ana María López", "David E. Sanger", "Eric Schmitt",
          "Zoë O’Neill", "Nelson D. Schwartz", "Jiří Novák"]


@dataclass(frozen=True)
class Segment:
    """A run of words, plain or inside a link or emphasis."""

    text: str
    style: str  # "plain" | "link" | "em"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph as segments; ``text`` is what a reader sees."""

    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass(frozen=True)
class Photo:
    caption: str
    credit: str
    url: str


@dataclass(frozen=True)
class Page:
    """A generated page in both forms, and everything a test needs to know about it."""

    paragraphs: tuple[Paragraph, ...]
    authors: tuple[str, ...]
    photos: tuple[Photo, ...]
    boilerplate: tuple[str, ...]
    html: str
    markdown: str
    title: str = field(default="")


_word = st.sampled_from(_WORDS)


@st.composite
def _segment(draw: st.DrawFn) -> Segment:
    words = draw(st.lists(_word, min_size=1, max_size=6))
    style = draw(st.sampled_from(["plain", "plain", "plain", "link", "em"]))
    if style != "plain":
        words = [w for w in words if w not in ("&", "<", ">", "—")] or ["trade"]
    return Segment(" ".join(words), style)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """A paragraph of 1 to 12 segments that starts with a capitalised opener."""
    opener = Segment(draw(st.sampled_from(_OPENERS)), "plain")
    rest = draw(st.lists(_segment(), min_size=0, max_size=12))
    if draw(st.booleans()):  # now and then a very long one
        rest = rest * draw(st.integers(1, 8))
    return Paragraph((opener, *rest))


def _html_inline(p: Paragraph) -> str:
    parts = []
    for s in p.segments:
        text = html.escape(s.text, quote=False)
        parts.append({"plain": text, "link": f'<a href="https://www.nytimes.com/x.html">{text}</a>',
                      "em": f"<em>{text}</em>"}[s.style])
    return " ".join(parts)


def _markdown_inline(p: Paragraph) -> str:
    parts = []
    for s in p.segments:
        text = s.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("$", "\\$")
        parts.append({"plain": text, "link": f"[{text}](https://www.nytimes.com/x.html)", "em": f"*{text}*"}[s.style])
    return " ".join(parts)


# Layer templates: (html, markdown, boilerplate strings they carry). {n} numbers repeated ones.
_AD = ('<div id="mid{n}-wrapper"><div id="mid{n}-slug">Advertisement</div><a href="#after-mid{n}">Continue reading '
       'the main story</a><div class="ad" id="mid{n}"></div></div>',
       '<div id="mid{n}-wrapper">\n\n<div id="mid{n}-slug">\n\nAdvertisement\n\n</div>\n\n[Continue reading the main\n'
       'story](#after-mid{n})\n\n<div class="ad" id="mid{n}">\n\n</div>\n\n</div>',
       ("Advertisement", "Continue reading the main story"))
_SUPPORTED = ('<div id="sponsor-wrapper"><div id="sponsor-slug">Supported by</div></div>',
              '<div id="sponsor-wrapper">\n\n<div id="sponsor-slug">\n\nSupported by\n\n</div>\n\n</div>',
              ("Supported by",))
_SHARE = ('<div data-testid="share-tools" role="toolbar"><ul><li>Share on Facebook</li><li>Email</li></ul></div>',
          '<div data-testid="share-tools" data-role="toolbar">\n\n- Share on Facebook\n- Email\n\n</div>',
          ("Share on Facebook",))
_PROMO = ('<p><em>[What you need to know: <a href="https://www.nytimes.com/newsletters/today">Get the Morning '
          'Briefing in your inbox</a>.]</em></p>',
          '*\\[What you need to know:* [*Get the Morning Briefing in your\ninbox*]'
          '(https://www.nytimes.com/newsletters/today)*.\\]*',
          ("Get the Morning Briefing in your inbox",))
_RELATED = ('<div><div>More on this story</div><div><div><a href="https://www.nytimes.com/y.html?module=RelatedLinks">'
            '<div>A Different Headline Entirely</div><time datetime="2016-08-18">Aug. 18, 2016</time></a></div></div></div>',
            '<div>\n\n<div>\n\nMore on this story\n\n</div>\n\n<div>\n\n<div>\n\n'
            '[](https://www.nytimes.com/y.html?module=RelatedLinks)\n\n<div>\n\nA Different Headline Entirely\n\n</div>\n\n'
            'Aug. 18, 2016\n\n</div>\n\n</div>\n\n</div>',
            ("More on this story", "A Different Headline Entirely"))
_SITE_INDEX = ('<nav id="site-index" data-testid="site-index"><h2>Site Index</h2><ul><li><a href="/section/world">World'
               '</a></li><li>Opinion Pages</li></ul></nav>',
               '<div id="site-index" data-testid="site-index">\n\n## Site Index\n\n- [World](/section/world)\n- Opinion'
               ' Pages\n\n</div>', ("Site Index", "Opinion Pages"))
_FOOTER = ('<footer role="contentinfo"><p>© 2019 The New York Times Company</p><p>Terms of Sale</p></footer>',
           '<div role="contentinfo">\n\n© 2019 The New York Times Company\n\nTerms of Sale\n\n</div>',
           ("The New York Times Company", "Terms of Sale"))
_MASTHEAD = ('<header id="masthead" class="NYTAppHideMasthead"><a href="#site-content">Skip to content</a>'
             '<div id="masthead-section-label"><a href="https://www.nytimes.com/section/world">World</a></div>'
             '<div><a href="https://www.nytimes.com/section/todayspaper">Today’s Paper</a></div></header>',
             '<div class="NYTAppHideMasthead">\n\n[Skip to content](#site-content)\n\n<div id="masthead-section-label">'
             '\n\n[World](https://www.nytimes.com/section/world)\n\n</div>\n\n<div>\n\n[Today’s\nPaper]'
             '(https://www.nytimes.com/section/todayspaper)\n\n</div>\n\n</div>',
             ("Skip to content", "Today’s Paper"))
_STICKY = ('<div style="opacity:0.000000001;z-index:-1;visibility:hidden"><span><a href="/section/world">World</a></span>'
           '<span>|</span><span>{title}</span><span>https://nyti.ms/2abcDEF</span></div>',
           '<div style="opacity:0.000000001;z-index:-1;visibility:hidden">\n\n<span>[World](/section/world)</span>'
           '<span>|</span><span>{title}</span>\n\n<span>https://nyti.ms/2abcDEF</span>\n\n</div>',
           ("https://nyti.ms/2abcDEF",))
_HEADER_LAYERS = (_SUPPORTED, _SHARE, _AD)
_BODY_LAYERS = (_AD, _PROMO, _RELATED, _SHARE)
_FOOTER_LAYERS = (_SITE_INDEX, _FOOTER, _AD)


def _photo_html(photo: Photo) -> str:
    return (f'<div data-testid="photoviewer-wrapper"><figure itemprop="associatedMedia"><img src="{photo.url}">'
            f'<figcaption itemprop="caption description"><span>{html.escape(photo.caption)}</span>'
            f'<span itemprop="copyrightHolder"><span>Credit</span><span>{html.escape(photo.credit)}</span></span>'
            f"</figcaption></figure></div>")


def _photo_markdown(photo: Photo) -> str:
    return (f'<div data-testid="photoviewer-wrapper">\n\n![<span>{html.escape(photo.caption)}</span><span '
            f'itemprop="copyrightHolder"><span>Credit...</span><span>{html.escape(photo.credit)}</span></span>]'
            f"({photo.url})\n\n</div>")


_caption = st.lists(st.sampled_from(["A", "worker", "repairing", "cables", "in", "Queens", "on", "Monday", "—",
                                     "naïve", "“pipes”"]), min_size=3, max_size=12).map(lambda ws: "Caption: " + " ".join(ws) + ".")
_credit = st.sampled_from(["Chang W. Lee/The New York Times", "Pool photo by Carlos Barria",
                           "Jeon Heon-Kyun/EPA, via Shutterstock"])


@st.composite
def photos(draw: st.DrawFn) -> Photo:
    n = draw(st.integers(1, 10_000))
    return Photo(draw(_caption), draw(_credit), f"https://static01.nyt.com/images/photo-{n}.jpg")


def _byline(authors: tuple[str, ...]) -> str:
    return ", ".join(authors[:-1]) + (" and " if len(authors) > 1 else "") + authors[-1]


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A 2019-markup NYT page: header layers, title, photo, byline, dateline, a body with
    layers between its paragraphs, and footer layers, all in a random order and number."""
    body = draw(st.lists(paragraphs(), min_size=1, max_size=8))
    authors = tuple(draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True)))
    lead = draw(photos())
    inline_photos = draw(st.lists(photos(), max_size=2, unique_by=lambda p: p.url))
    title = "Rex Tillerson Arrives in Mexico Facing Twin Threats"
    boiler: list[str] = [lead.caption, lead.credit, *(p.caption for p in inline_photos), *(p.credit for p in inline_photos)]
    h_parts: list[str] = []
    m_parts: list[str] = []

    def add(template: tuple[str, str, tuple[str, ...]], n: int) -> None:
        h, m, strings = template
        h_parts.append(h.format(n=n, title=html.escape(title)))
        m_parts.append(m.format(n=n, title=title))
        boiler.extend(strings)

    header = [_MASTHEAD, _STICKY, *draw(st.lists(st.sampled_from(_HEADER_LAYERS), max_size=3))]
    for i, template in enumerate(draw(st.permutations(header))):
        add(template, 10 + i)
    h_parts.append(f'<h1 itemprop="headline">{html.escape(title)}</h1>')
    m_parts.append(f"# {title}")
    h_parts.append(_photo_html(lead))
    m_parts.append(_photo_markdown(lead))
    names_html = " and ".join(f'<a href="https://www.nytimes.com/by/x{i}"><span itemprop="name">{html.escape(a)}</span></a>'
                              for i, a in enumerate(authors))
    h_parts.append(f'<p itemprop="author creator">By {names_html}</p><time datetime="2017-02-22">Feb. 22, 2017</time>')
    names_md = " and ".join(f'[<span itemprop="name">{a}</span>](https://www.nytimes.com/by/x{i})' for i, a in enumerate(authors))
    m_parts.append(f'<div>\n\nBy {names_md}\n\n</div>\n\n- Feb. 22, 2017')
    h_parts.append('<section name="articleBody" itemprop="articleBody">')
    m_parts.append('<div class="section" name="articleBody" itemprop="articleBody">')
    between = draw(st.lists(st.sampled_from(_BODY_LAYERS + ("photo",) * bool(inline_photos)), max_size=len(body)))
    photo_queue = list(inline_photos)
    for i, paragraph in enumerate(body):
        h_parts.append(f'<div class="StoryBodyCompanionColumn"><div><p>{_html_inline(paragraph)}</p></div></div>')
        m_parts.append(f'<div class="StoryBodyCompanionColumn">\n\n<div>\n\n{_markdown_inline(paragraph)}\n\n</div>\n\n</div>')
        if i < len(between):
            if between[i] == "photo":
                if photo_queue:
                    photo = photo_queue.pop(0)
                    h_parts.append(_photo_html(photo))
                    m_parts.append(_photo_markdown(photo))
            else:
                add(between[i], 20 + i)
    placed = [p for p in inline_photos if p not in photo_queue]
    h_parts.append("</section>")
    m_parts.append("</div>")
    for i, template in enumerate(draw(st.permutations(draw(st.lists(st.sampled_from(_FOOTER_LAYERS), max_size=4))))):
        add(template, 40 + i)
    page_html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
                 + "".join(h_parts) + "</body></html>")
    page_md = "\n\n".join(m_parts) + "\n"
    boiler = [b for b in boiler if not any(b in p.text for p in body)]
    return Page(paragraphs=tuple(body), authors=authors, photos=(lead, *placed), boilerplate=tuple(boiler),
                html=page_html, markdown=page_md, title=title)


# Block text for the markdown renderer: markdown's special characters (alone, doubled, at a
# line's start, in words and entities) among words and any other character but NUL, which
# never reaches a block (docs/reliability.md).
_MARKDOWN_BITS = ["\\", "`", "*", "**", "***", "_", "__", "[", "]", "<", ">", "#", "##", "!", "&", "-", "---", "+",
                  "=", "===", ".", ")", "(", "~~~", "```", "|", ":", "1.", "2)", "123456789.", "&amp;", "&#35;",
                  "&copy;", "<a>", "</b>", "<!--", "<?", "<!X", "<http://x.org>", "![x](y)", "[x](y)", "[x]: y",
                  "snake_case", "a_b_c", "2 * 3", "\\*", "- ", "* ", "+ ", "> ", "# ", "1. ", " ", "\t", "\n", "\r\n",
                  "    ", "\u00a0", "\x0b", "\u2028", "“", "”", "—", "€", "«", "é", "東京"]
_ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


# What makes a line a heading, quote, list, rule, fence, HTML block or link definition.
_LINE_STARTS = ["1. ", "2) ", "1.", "# ", "## ", "#", "####### ", "> ", ">", "- ", "+ ", "* ", "-", "---", "- - -",
                "***", "* * *", "___", "~~~", "```", "<div>", "<!-- ", "=== ", "[a]: /url", "#5 "]


@st.composite
def block_texts(draw: st.DrawFn) -> str:
    """The text of a block as newsclean may give it: stripped, not empty, any characters;
    half of them start the way a markdown block marker does."""
    start = draw(st.sampled_from(_LINE_STARTS)) if draw(st.booleans()) else ""
    bits = draw(st.lists(st.one_of(st.sampled_from(_MARKDOWN_BITS), _word, st.text(_ANY_CHAR, max_size=3)),
                         max_size=16))
    text = (start + "".join(bits)).strip(" \t\r\n")
    return text or draw(_word)


@dataclass(frozen=True)
class InlineRun:
    """A run of a paragraph written as HTML: plain text, a link, emphasis, strong, or a link
    holding emphasis."""

    text: str
    style: str  # "plain" | "link" | "em" | "strong" | "link_em"
    href: str = ""


_HREFS = ["https://x.org/a", "/relative/path?q=1&b=2", "x(1).html", "https://x.org/a b", "mailto:a@b.org",
          "javascript:alert(1)", "#top", "", "  "]
_INLINE_TEXT = st.lists(st.one_of(st.sampled_from(_MARKDOWN_BITS), _word), min_size=1, max_size=5).map(" ".join)


@st.composite
def inline_runs(draw: st.DrawFn) -> tuple[InlineRun, ...]:
    """One to eight runs of a paragraph, each styled at random."""
    runs = draw(st.lists(st.tuples(_INLINE_TEXT, st.sampled_from(["plain", "link", "em", "strong", "link_em"]),
                                   st.sampled_from(_HREFS)), min_size=1, max_size=8))
    return tuple(InlineRun(text, style, href if style.startswith("link") else "") for text, style, href in runs)


def inline_html(runs: tuple[InlineRun, ...]) -> str:
    """The runs as the inside of a <p>, separated by spaces."""
    def one(run: InlineRun) -> str:
        text = html.escape(run.text, quote=False)
        href = html.escape(run.href)
        return {"plain": text, "em": f"<em>{text}</em>", "strong": f"<strong>{text}</strong>",
                "link": f'<a href="{href}">{text}</a>', "link_em": f'<a href="{href}"><i>{text}</i></a>'}[run.style]
    return " ".join(one(run) for run in runs)
