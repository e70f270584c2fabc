"""Rules for any news page, and the shared tables site profiles build on.

Only landmarks and vocabularies that mean the same on every site live here: ARIA roles,
HTML5 sectioning, schema.org ``itemprop``, hidden elements, scripts and forms.
"""

from __future__ import annotations

from newsclean.model import Layer
from newsclean.profiles.base import LayerRule, PhraseRule, Profile

__all__ = ["ARTICLE_SIGNS", "ARTICLE_TYPES", "AUTHOR_LABELS", "BYLINE_NOISE", "BYLINE_PREFIXES", "BYLINE_ROLES",
           "BYLINE_SEPARATORS", "BYLINE_STOPS", "BYLINE_SUFFIXES", "CHROME_RULE", "CLASS_NAMES", "CREDIT_AGENCIES",
           "CREDIT_PREFIXES", "DATE_FORMATS", "GENERIC", "HIDDEN_RULES", "MAIN_LANDMARK", "NAMES_IGNORED",
           "NAMES_KEPT", "NAMES_UNBOUNDED", "ORGANISATION_NOUNS", "ORPHAN_LABELS", "PICTURE_AGENCIES", "READ_ALSO",
           "SCORE_NEGATIVE", "SCORE_POSITIVE", "SHARE_LINKS", "TRANSLATION_LINKS", "WORDED_DATE_FORMATS"]

CHROME_RULE = LayerRule(
    Layer.CHROME,
    "script, style, noscript, template, iframe, form, button, svg, select, input, textarea, "
    "object, embed, canvas, link, meta, head, title, dialog",
    "markup that is never article text",
)

HIDDEN_RULES: tuple[LayerRule, ...] = (
    # React's streamed rendering sends each part of the page late, in a hidden div ("S:0", "S:1f")
    # that its script moves into place at once: shown to every reader, never hidden.
    LayerRule(Layer.HIDDEN, "[hidden]:not([id^='S:']), [aria-hidden='true'], .hidden, .visually-hidden, "
                            ".visuallyhidden, .sr-only, .screen-reader-text, [style*='display:none'],"
                            " [style*='display: none'], [style*='visibility:hidden'], [style*='visibility: hidden']",
              "hidden from readers: the hidden attribute (but React's streamed parts), aria-hidden, "
              "display:none, screen-reader-only"),
    # Framer renders a page once per screen width, each copy a sibling "ssr-variant" that its
    # stylesheet hides on the other widths: a reader sees one, the first stands for them all.
    LayerRule(Layer.HIDDEN, ".ssr-variant ~ .ssr-variant", "a site builder's copies of the page for other screen widths"),
)

# Share buttons of the social networks and the query parameter that carries the page's address.
SHARE_LINKS: tuple[tuple[str, str], ...] = (
    ("a[href*='facebook.com/sharer' i]", "u"),
    ("a[href*='facebook.com/dialog/share' i]", "href"),
    ("a[href*='twitter.com/share' i]", "url"),
    ("a[href*='twitter.com/intent/tweet' i]", "url"),
    ("a[href*='x.com/intent/tweet' i]", "url"),
    ("a[href*='x.com/intent/post' i]", "url"),
    ("a[href*='linkedin.com/shareArticle' i]", "url"),
    ("a[href*='linkedin.com/sharing/share-offsite' i]", "url"),
    ("a[href*='reddit.com/submit' i]", "url"),
    ("a[href*='pinterest.com/pin/create' i]", "url"),
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
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.?|April|Apr\.?|May|June?\.?|July?\.?|"
          r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_SPANISH_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
                  r"octubre|noviembre|diciembre)")
_ORDINAL = r"(?:st|nd|rd|th)?"  # an English day's suffix: "19th"
_TIME = r"(?:,?\s+(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{1,4}\.?(?:T\.?)?)?))?"
# Japanese: "3/9(木) 18:45", "2017年3月9日 18時45分", after "最終更新:" (last updated) or before
# "配信" (published), which may follow the source's name ("CNET Japan 3/9(木) 18:45配信").
_JAPANESE_DATE = (r"(?:\d{4}[/年])?\d{1,2}[/月]\d{1,2}日?(?:\s*[(（][月火水木金土日][)）])?"
                  r"(?:\s*\d{1,2}[:時]\d{2}分?)?")
# "Published", "Updated on", "Posted on" before the date.
_DATE_LEAD = r"(?:(?:Published|Updated|Posted|Last\s+updated)(?:\s+on)?:?\s+)?"
DATE_FORMATS: tuple[str, ...] = (
    rf"{_DATE_LEAD}{_MONTH}\s+\d{{1,2}}{_ORDINAL},\s+\d{{4}}{_TIME}",  # "December 19th, 2025"
    # "22 Dec 2016", "15 Dec, 2025", "15th Dec 2025"
    rf"{_DATE_LEAD}\d{{1,2}}{_ORDINAL}\s+{_MONTH},?\s+\d{{4}}{_TIME}",
    rf"(?:(?:Publicado|Actualizado)\s+(?:el\s+)?)?\d{{1,2}}\s+de\s+{_SPANISH_MONTH}\s+de\s+\d{{4}}{_TIME}",
)
# Japanese datelines say 更新 (updated) or 配信 (published); the second may start with the
# source's name, which, tried at every position of every text, took most of the date search.
_JAPANESE_WORDS = ("更新", "配信")
WORDED_DATE_FORMATS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (rf"(?:最終更新|更新|配信)\s*[:：]?\s*{_JAPANESE_DATE}", _JAPANESE_WORDS),
    (rf"(?:\S[^\n]{{0,40}}?\s)?{_JAPANESE_DATE}\s*(?:配信|更新)", _JAPANESE_WORDS),
)

# Class/id words of boilerplate on news sites, by layer (matched against "class id").
# An element that also matches NAMES_KEPT (article, content, …) keeps its place.
CLASS_NAMES: tuple[tuple[Layer, str], ...] = (
    (Layer.AD, r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|adslot|ad-slot|adunit|dfp|gpt|sponsor(?:ed)?|"
               r"outbrain|taboola|skyscraper|leaderboard|banner-ad|ad-container|ad-wrapper)"
               # "ad1", "ad300x250", not a hash that starts so ("is-layout-ad2f72ca", WordPress's block groups)
               r"(?:$|[\s_-]|\d+(?:x\d+)?(?=$|[\s_-]))"),
    (Layer.SHARE, r"share|social|sharing|sns|sharedaddy|addthis|sharethis|shariff|follow-us|print-link|jp-post-flair"),
    (Layer.GALLERY, r"gallery|slideshow|carousel|slider|lightbox"),
    # "no_caption", "has-caption", "with-caption" say what an element lacks or holds, not what it is.
    (Layer.CAPTION, r"(?:^|[\s_-])(?<!no_)(?<!no-)(?<!has-)(?<!has_)(?<!with-)(?<!with_)"
                    r"(?:caption|captions|photo-?credit|image-?credit|img-?credit|photocredit|"
                    r"credits?|wp-caption-text)(?:$|[\s_-])"),
    # (and Connatix's player, embedded by news sites: its "cnx-" elements and the wrapper that names it)
    (Layer.MEDIA_PLAYER, r"(?:^|[\s_-])(?:vjs|video-js|jwplayer|jw-|player-controls|video-player|audio-player|"
                         r"cnx-main-container|connatix)"),
    (Layer.PROMO, r"comment|disqus|replies|respond|newsletter|subscribe|signup|sign-up|promo|popup|modal|"
                  r"sidebar|widget|shoutbox|author-bio|about-the-author|donate|membership|"
                  r"cookie|consent|gdpr|paywall|login|register|feed-links"),
    # Blogger's "date-outer" and "date-posts" wrap a day's posts, not their date; "date-today" is the masthead's.
    (Layer.DATELINE, r"(?:^|[\s_-])(?:date(?![-_]?(?:outer|posts|today))|dateline|pubdate|pub-date|bydate|timestamp|published-date|"
                     r"updated-date|post-date|entry-date|article-date)(?:$|[\s_-])"),
    (Layer.RECIRCULATION, r"trc_|related|relarticle|rel-article|jp-relatedposts|recommend|more-stories|trending|popular|"
                          r"most-read|mostread|next-article|recirc|also-like|you-may|yom-remote|"
                          r"(?:top|index|other|more|latest|related|similar|recent)[-_]?stories"),
    (Layer.NAVIGATION, r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip-link|"
                       r"topbar|subnav|tags|tag-list|taglist|keywords|categories)(?:$|[\s_-])"),
    # The masthead's words, and an id "header" (the names string ends with the id): Dazed
    # Digital's <section id="header"> of tabbed panels. A class "header" is often an article's own.
    # …and today's date in the site's header, which is no article's ("Thursday, November 9, 2023"
    # in tagDiv Newspaper's "tdb_header_date", a theme's "current-date", "date-today").
    (Layer.MASTHEAD, r"(?:^|[\s_-])(?:(?:masthead|site-header|page-header|global-header|header-wrap|"
                     r"top-header|site-branding|logo|tdb[-_]head(?:er)?[-_]date|today[-_]?date|todays[-_]?date|"
                     r"current[-_]?date|date[-_]?today)(?:$|[\s_-])|(?<=\s)header$)"),
    (Layer.FOOTER, r"(?:^|[\s_-])(?:footer|foot|site-footer|page-footer|colophon|copyright|legal)(?:$|[\s_-])"),
)
# Blogger's main widget, the same in every Blogger template (div.widget.Blog#Blog1 >
# .blog-posts > .date-outer > .date-posts > .post-outer), holds the posts.
NAMES_KEPT = (r"article|body|column|content|main|entry-content|story-body|post-body|post-content|"
              r"blog-posts|post-outer|(?:^|\s)blog1(?:\s|$)")
# Blog engines tag a post's container with its taxonomy (WordPress post_class(), TypePad):
# "hentry category-social_media tag-sharing", "entry entry-category-… entry-author-…". On
# such a container those names say what the post is about, not what the element is.
NAMES_IGNORED: tuple[str, str] = (
    r"(?:^|\s)(?:hentry|type-post|status-publish|entry|post)(?:\s|$)",
    r"(?:^|(?<=\s))(?:entry-)?(?:category|tag|author|format|type)-\S+",
)
# A comment thread can hold most of a short post's page (WordPress "commentlist", Thesis's
# "comment_list", Disqus): labelled all the same.
NAMES_UNBOUNDED = r"(?:^|[\s_-])(?:comments?|commentlist|comment_list|comment-list|disqus_thread|replies)(?:$|[\s_-])"
# The page's main-content landmark. On a page that is not a story (a service, product, forum
# or documentation page) the main content is often spread over many sibling sections in it,
# where scoring picks one; such a body widens to the landmark (newsclean.body).
MAIN_LANDMARK = "main, [role='main']"
# What says a page is a story (an article's body is one container, and the rest of its <main>
# is comments, related links and cards): an article og:type, an article type in its JSON-LD.
ARTICLE_SIGNS = "meta[property='og:type'][content='article' i]"
ARTICLE_TYPES = r'"(?:\w*NewsArticle|Article|BlogPosting|LiveBlogPosting)"'
SCORE_POSITIVE = r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story"
SCORE_NEGATIVE = (r"-ad-|hidden|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|"
                  r"outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget")

# "Read also:" lines that point at other articles (English, French, Spanish, Portuguese, German,
# Italian, Dutch).
READ_ALSO: tuple[str, ...] = ("Read more:", "Read also:", "Read more about", "See also:", "Related:", "Lire aussi",
                              "Lire :", "A lire aussi", "À lire aussi", "Voir aussi", "Leer también",
                              "Lea también", "Lee también", "Leia também", "Leia mais", "Lesen Sie auch",
                              "Mehr zum Thema", "Leggi anche", "Lees ook",
                              # and in the other languages of news sites
                              "Читайте также", "Czytaj też", "Zobacz też", "Zobacz także", "Čtěte také",
                              "Přečtěte si také", "Pročitajte i", "Pročitajte još", "Baca juga", "Xem thêm",
                              "ये भी पढ़ें", "यह भी पढ़ें", "اقرأ أيضا", "اقرأ أيضاً", "بیشتر بخوانید")
# Labels before the names of a byline, in the languages seen on news sites.
BYLINE_PREFIXES: tuple[str, ...] = (
    "By", "Written by", "Posted by", "Filed by", "Words by", "Story by", "Reporting by", "Report by", "Text by",
    "Analysis by", "Opinion by", "Commentary by", "Review by", "Interview by", "Compiled by", "Byline",
    "Author", "Authors", "View all posts by", "All posts by", "More from", "More by", "Articles by",
    "Posts by", "Stories by", "Contributor", "Contributors", "Artikel von", "Recueilli par", "Recueillis par",
    "Von", "Autor", "Autorin", "Autoren", "Text", "Texte", "Texto", "Geschrieben von", "Veröffentlicht von",
    "Por", "Escrito por", "Publicado por", "Redacción", "Par", "Publié par", "Auteur", "Auteurs", "Propos recueillis par",
    "Di", "Scritto da", "Pubblicato da", "A cura di", "Door", "Af", "Av", "Napisał", "Napisała", "Autorka",
    "Текст", "Автор", "Авторы", "Автор текста", "作者", "記者", "记者", "文", "撰文", "執筆", "글", "취재",
)
# A byline's label that may be left alone in a block once its names are gone (cut with the
# buttons or links that held them); never a sentence of a story.
ORPHAN_LABELS: tuple[str, ...] = (
    "By", "Written by", "Posted by", "Edited by", "Reviewed by", "Fact checked by", "Fact-checked by",
    "Medically reviewed by", "Words by", "Story by", "Reporting by", "Von", "Geschrieben von", "Por", "Escrito por",
    "Par", "Publié par", "Di", "Scritto da", "Door", "Av", "Af", "Автор",
)
# Labels that stand alone before an author's name (a narrower list than the prefixes: "By",
# "Text" or "More from" alone are as often a button or a heading over other stories).
AUTHOR_LABELS: tuple[str, ...] = (
    "Author", "Authors", "Written by", "Article by", "Contributor", "Contributors", "Autor", "Autorin", "Autoren",
    "Autorzy", "Auteur", "Auteurs", "Autore", "Autori", "Verfasst von", "Escrito por", "Écrit par", "Автор",
    "Авторы", "作者", "著者",
)
# Between names: "and" in many languages, commas, middle dots, bars, slashes.
BYLINE_SEPARATORS: tuple[str, ...] = (",", ";", " and ", " et ", " y ", " e ", " und ", " en ", " og ", " och ",
                                      " i ", " и ", " a ", " with ", " mit ", " con ", " avec ", "&", "、", "，",
                                      "·", "•", "|", "/")
# Job titles: a name ends where one starts ("Sam Stein Senior Politics Editor", "CNN Editor-at-large").
BYLINE_ROLES: tuple[str, ...] = (
    "Senior", "Chief", "Associate Editor", "Contributing", "Deputy", "Managing Editor", "Editor",
    "Editor-at-large", "Editor at large", "Correspondent", "Reporter", "Staff Writer", "Staff Reporter",
    "Writer", "Columnist", "Contributor", "Producer", "Analyst", "Journalist", "Photographer", "Intern",
    "CEO", "Founder", "Co-founder", "Product marketer", "Special to", "for", "Redakteur", "Redakteurin",
    "Korrespondent", "Korrespondentin", "Reporterin", "Corresponsal", "Redactor", "Redactora", "Periodista",
    "Rédacteur", "Rédactrice", "Journaliste", "Envoyé spécial", "Envoyée spéciale", "Giornalista", "Inviato",
    "Корреспондент", "Обозреватель",
)
# Words on a byline that are not names: they end the name before them.
BYLINE_NOISE: tuple[str, ...] = (
    "Twitter", "Facebook", "Instagram", "LinkedIn", "Email", "E-mail", "Mail", "See full bio", "Full bio",
    "View Full Profile", "Follow", "Unfollow", "Following", "Followed", "Updated", "Last updated", "Published",
    "Posted on", "Posted in", "Posted", "About the author", "About me", "More about me", "The author",
    "min read", "comments", "Comment", "Kommentare", "Kommentar", "Commentaires", "Comentarios", "Aktualisiert", "Veröffentlicht",
    "Actualizado", "Publicado", "Mis à jour", "Publié le",
    # page controls that sit in author boxes
    "Account", "Profile", "Link Copied", "Copy Link", "URL Copied", "Copied", "Print", "Publish", "Share",
    "Sponsored", "Trending", "Member Login", "Log in", "Login", "Sign in", "Subscribe", "Contact", "Former",
    "Trust Project member", "Guest Columnists", "Guest Columnist", "Learn More", "Read More", "Here",
    "Privacy", "Corresponding author", "BlogThis", "Pinterest", "WhatsApp", "Reddit", "Tumblr", "YouTube",
    "TikTok", "Bluesky", "Mastodon", "Threads", "Flickr", "Snapchat", "Telegram", "RSS",
    # comment counts of blog bylines: "inikosoftseo September 8, 2025 No Comments"
    "No Comments", "Leave a comment",
    # a blog post's footer line: "Posted by tedchris | Permalink | Comments (3) | TrackBack"
    "Permalink", "Trackback", "Reply", "Tweet", "Digg This", "Digg",
    # an account menu beside the byline: "My profile | E-mail alerts"
    "Alerts",
)
# Where the names of a byline end: credits for others, contact lines.
BYLINE_STOPS: tuple[str, ...] = (
    "Photo by", "Photos by", "Photograph by", "Photographs by", "Photography by", "Photographed by", "Illustration by",
    "Illustrations by", "Illustrated by", "Video by", "Videos by", "Graphics by", "Styled by", "Styling by",
    "Modeled by", "Hair by", "Makeup by", "Fact checked by", "Fact-checked by", "Reviewed by", "Medically reviewed by", "Edited by",
    "Updated by", "Photo:", "Photos:", "Foto:", "Fotos:", "Bild:", "Image:", "Kontakt", "Contact us", "Contact:",
)
BYLINE_SUFFIXES: tuple[str, ...] = (" 기자", " 특파원", "記者", " 记者")
# An office of an agency or an institution as the author: "Center for Drug Evaluation and
# Research" (the FDA's), "Department of Health and Human Services", "Office of the Commissioner".
ORGANISATION_NOUNS: tuple[str, ...] = (
    "Center", "Centre", "Centers", "Department", "Office", "Institute", "Council", "Ministry", "Agency", "Bureau",
    "Board", "Division", "Commission", "Committee", "Society", "Association", "Foundation", "Federation",
    "Administration", "Authority", "Service", "Services", "Directorate", "Secretariat", "League", "Union",
)
# Agencies a photo's credit line ends with: "Stanley Chou/Getty Images", "Saul Loeb / AFP".
CREDIT_AGENCIES: tuple[str, ...] = ("Getty Images", "AFP", "AP", "AP Photo", "Reuters", "EPA", "EPA-EFE",
                                   "Shutterstock", "iStock", "iStockphoto", "Bloomberg", "Xinhua", "Anadolu Agency",
                                   "NurPhoto", "SOPA Images", "LightRocket", "Sipa USA", "ZUMA Press", "Alamy",
                                   "Corbis", "Pool", "WireImage", "FilmMagic", "Invision")
PICTURE_AGENCIES: tuple[str, ...] = ("Getty Images", "Shutterstock", "iStock", "iStockphoto")
CREDIT_PREFIXES: tuple[str, ...] = ("Credit:", "Credit", "Photograph:", "Photograph by", "Photo:", "Photos:",
                                    "Foto:", "Crédit :", "Crédit:", "Crédito:", "Bild:", "Image:")

GENERIC = Profile(
    name="generic",
    body=("[itemprop='articleBody']",),
    layers=(
        CHROME_RULE,
        LayerRule(Layer.MASTHEAD, "body > header, [role='banner']", "page header landmark"),
        LayerRule(Layer.PHOTO, "figure:not(:has(table, pre)), figure:has(img, picture, video, iframe)",
                  "figures: image, caption, credit (a table or code listing in a figure is text)"),
        LayerRule(Layer.BYLINE, "[itemprop~='author'], [rel='author'], .byline", "schema.org/rel author"),
        LayerRule(Layer.DATELINE, "time", "dates"),
        LayerRule(Layer.NAVIGATION, "nav, [role='navigation']", "navigation landmark"),
        LayerRule(Layer.PROMO, "aside, [role='complementary']", "complementary landmark"),
        LayerRule(Layer.FOOTER, "footer, [role='contentinfo']", "page footer landmark"),
        *HIDDEN_RULES,
    ),
    class_names=CLASS_NAMES,
    names_kept=NAMES_KEPT,
    names_ignored=NAMES_IGNORED,
    names_unbounded=NAMES_UNBOUNDED,
    score_positive=SCORE_POSITIVE,
    score_negative=SCORE_NEGATIVE,
    phrases=(
        PhraseRule(Layer.AD, ("Advertisement", "Advertisements", "Advertising", "Publicidad", "Anzeige", "Publicité",
                              "Anúncio", "Anuncio", "Patrocinado", "Gesponsert", "Sponsorisé", "Sponsorizzato",
                              "Sponsored", "Sponsored Links", "Sponsored Link", "Sponsored Ads",
                              "Werbung", "Pubblicità", "Reklama", "广告", "広告",
                              # and the label in the other languages of news sites
                              "Reklame", "Publicidade", "Advertentie", "Annons", "Mainos", "Reklam", "Hirdetés",
                              "Inzerce", "Publicitate", "Реклама", "Διαφήμιση", "إعلان", "광고", "Quảng cáo",
                              "Ad", "Ads", "PR"),  # ("[PR]" over a Japanese paper's ad slot)
                   why="ad labels"),
        # Where an ad cuts the story: "Advertisement - Continue Reading Below" (Hearst), "Story
        # continues below advertisement" (Global News), "Advertisement - Page continues below".
        PhraseRule(Layer.AD, ("Advertisement - Continue Reading Below", "Advertisement - Page continues below",
                              "Advertisement - Scroll to continue", "Story continues below advertisement",
                              "Article continues below advertisement", "Article continues after advertisement",
                              "Story continues below", "Article continues below", "Content continues below",
                              "Der Artikel geht unten weiter", "Artikel wird unter der Werbung fortgesetzt",
                              "Weiter nach der Anzeige", "La suite après cette publicité", "La suite après la publicité",
                              "La suite sous cette publicité", "Continúa después de la publicidad",
                              "Continua após a publicidade", "Continua dopo la pubblicità",
                              "Lees verder na de advertentie"),
                   why="lines where an ad cuts the story"),
        # A paywall's lines where the story stops for readers who do not pay.
        PhraseRule(Layer.PAYWALL, ("Subscribe to continue reading", "Subscribe to read more", "Subscribe now",
                                   "Become a subscriber", "Already a subscriber?", "Already a subscriber? Log in",
                                   "Already a subscriber? Sign in", "This article is for subscribers only",
                                   "This content is for subscribers only", "Sign in to continue reading",
                                   "Log in to continue reading", "Continue reading with a subscription",
                                   "Jetzt abonnieren", "Abonnieren Sie jetzt", "Abonnez-vous", "Déjà abonné ?",
                                   "Suscríbete", "Ya soy suscriptor", "Já é assinante?", "Assine já"),
                   why="a paywall's lines"),
        PhraseRule(Layer.PROMO, ("Subscribe to Newsletters", "Subscribe to our newsletter"),
                   why="newsletter links under a post"),
        PhraseRule(Layer.AD, ("Sponsored by", "Sponsored content", "Paid content", "Promoted by"), prefix=True,
                   why="sponsored-content cards"),
        PhraseRule(Layer.RECIRCULATION, ("You may also like", "You might also like", "Recommended for you",
                                         "More from", "Most popular", "Most read", "Trending now",
                                         "Related stories", "Related articles", "Related posts", "Related content",
                                         "Related links", "Related coverage", "More stories", "Read next",
                                         "On the Net", "Das könnte Sie auch interessieren", "Ähnliche Artikel",
                                         "Verwandte Themen", "Meistgelesen", "Meistgelesene Artikel",
                                         "Sur le même sujet", "Articles similaires", "Les plus lus",
                                         "Te recomendamos", "Te puede interesar", "Artículos relacionados",
                                         "Lo más leído", "Noticias relacionadas", "Tópicos relacionados",
                                         "Artigos relacionados", "Notícias relacionadas", "Mais lidas",
                                         "Articoli correlati", "Potrebbe interessarti anche", "I più letti",
                                         "Gerelateerde artikelen", "Meest gelezen", "Czytaj także", "Читайте также",
                                         "Похожие новости", "Другие новости", "Самое читаемое", "Najczęściej czytane",
                                         "Související články", "Povezane vijesti", "Najčitanije", "İlgili Haberler",
                                         "Benzer Haberler", "En Çok Okunanlar", "Berita Terkait", "Tin liên quan",
                                         "أخبار ذات صلة", "مواضيع ذات صلة", "الأكثر قراءة", "اخبار مرتبط", "مطالب مرتبط",
                                         "संबंधित खबरें", "相关新闻", "相关阅读", "相关文章", "延伸阅读", "推荐阅读",
                                         "猜你喜欢", "阅读下一篇", "関連記事", "関連エントリ", "関連ニュース", "おすすめ記事",
                                         "人気記事", "관련기사", "관련 기사", "많이 본 뉴스"),
                   why="titles of recirculation lists"),
        PhraseRule(Layer.MEDIA_PLAYER, ("Loading...", "Loading…", "正在加载...", "Undo", "自动播放开关 自动播放",
                                        "Play Video", "Now Playing", "Watch Video", "Read More", "Show More",
                                        "Continue reading", "Keep reading",
                                        "Load More", "View Full Size", "View Gallery", "Enlarge photo",
                                        "Enlarge this photo", "Enlarge image", "Enlarge this image", "Video", "Videos",
                                        "Photo", "Photos", "View this post on Instagram",
                                        # the same controls in the other languages of news sites
                                        "Weiterlesen", "Mehr lesen", "Mehr anzeigen", "Bild vergrößern",
                                        "Wird geladen...", "Sieh dir diesen Beitrag auf Instagram an",
                                        "Lire la suite", "Voir plus", "Agrandir l'image", "Chargement...",
                                        "Voir cette publication sur Instagram", "Leer más", "Ver más", "Cargando...",
                                        "Ver esta publicación en Instagram", "Ler mais", "Ver mais", "Carregando...",
                                        "Ver essa foto no Instagram", "Leggi di più", "Mostra di più", "Caricamento...",
                                        "Visualizza questo post su Instagram", "Lees meer", "Läs mer", "Czytaj więcej",
                                        "Читать далее", "Загрузка...",
                                        # a story read aloud: the player's label
                                        "Listen to this article", "Listen to this story", "Artikel anhören",
                                        "Écouter cet article", "Escuchar artículo", "Escuchar noticia", "Ouvir notícia",
                                        "Ouvir este artigo", "Ascolta l'articolo", "ख़बर सुनें"),
                   why="player and widget controls"),
        # Controls that stand alone on a line of their own under or beside a story (dragnet's
        # blogs, 2005–2009 news pages): never a sentence of it.
        PhraseRule(Layer.SHARE, ("Tweet", "Share", "Share this", "Share this article", "Share this story",
                                 "Share this story on", "Share this post", "Share this page", "Share this guide",
                                 "Share this recipe",
                                 "Pin it", "Pin It!", "Email this", "E-mail this", "Print this", "Print",
                                 "Recommend this story", "Story tools", "Print sponsor",
                                 "Article licensing and reprint options", "RSS", "Email", "Follow us",
                                 # the same controls in the other languages of news sites
                                 "Teilen", "Drucken", "Artikel teilen", "Teilen Sie diesen Artikel", "Partager",
                                 "Imprimer", "Partager cet article", "Compartir", "Imprimir", "Compartilhar",
                                 "Condividi", "Delen", "Dela", "Del", "Udostępnij", "Drukuj", "Поделиться",
                                 "分享", "分享到", "打印", "打印本页", "关闭窗口", "纠错", "シェア", "ツイート", "印刷",
                                 "공유", "인쇄", "스크랩"),
                   why="share, print and reprint controls"),
        PhraseRule(Layer.PROMO, ("Leave a comment", "Leave a reply", "Post a comment", "Add a comment", "Comments",
                                 "The comments to this entry are closed.", "Comments are closed.", "No comments yet",
                                 "No comments", "0 comments", "Be the first to comment", "About the author",
                                 "About the authors",
                                 # the same headings in the other languages of news sites
                                 "Kommentare", "Kommentar schreiben", "Kommentar hinzufügen", "Schreibe einen Kommentar",
                                 "Über den Autor", "Über die Autorin", "Commentaires", "Laisser un commentaire",
                                 "Voir les contributions", "À propos de l'auteur", "Comentarios", "Deja un comentario",
                                 "Sobre el autor", "Comentários", "Deixe um comentário", "Sobre o autor", "Commenti",
                                 "Lascia un commento", "Reacties", "Kommentarer", "Komentarze", "Комментарии"),
                   why="the comment thread's heading and controls, and the title of an author's bio box"),
        PhraseRule(Layer.SKIP_LINK, ("Skip to main content", "Skip to content", "Skip to main", "Skip to navigation",
                                     "Skip to main navigation", "Skip to search", "Skip to footer", "Skip navigation",
                                     "Skip to article", "Jump to content", "Jump to main content", "Jump to navigation",
                                     "Zum Inhalt springen", "Zum Hauptinhalt springen", "Direkt zum Inhalt",
                                     "Aller au contenu", "Aller au contenu principal", "Passer au contenu",
                                     "Saltar al contenido", "Saltar al contenido principal", "Ir al contenido",
                                     "Passa al contenuto", "Vai al contenuto", "Pular para o conteúdo",
                                     "Ir para o conteúdo", "Naar de inhoud", "Ga naar inhoud", "Hoppa till innehållet",
                                     "Gå til indhold", "Hopp til innhold", "Przejdź do treści", "Перейти к содержанию",
                                     "本文へスキップ", "メインコンテンツへスキップ"),
                   why="accessibility links to the page's own content, first in its markup"),
        PhraseRule(Layer.NAVIGATION, ("Back to top", "Back to Top ^", "Return to top", "Top of page", "Nach oben",
                                      "Zur Startseite", "Retour en haut", "Volver arriba", "Voltar ao topo",
                                      "Torna su"),
                   why="links back to the page's top"),
        PhraseRule(Layer.NAVIGATION, ("Next", "Previous", "Previous Next", "Next post", "Previous post",
                                      "Back to story", "Table of contents"),
                   why="links to the next or previous post, and the title of a list of the page's sections"),
        PhraseRule(Layer.NAVIGATION, ("Posted in:", "Filed under:", "This entry was posted"), prefix=True,
                   why="a post's categories: 'Posted in: Fantasy | Comments', and WordPress's line under a "
                       "post: 'This entry was posted on March 3, 2008 at 7:14 pm and is filed under …'"),
        PhraseRule(Layer.PROMO, ("You can follow any responses to this entry", "About the author:"), prefix=True,
                   why="WordPress's comment-feed line under a post; an author's bio set as one paragraph"),
        # BBC News 2000–2013: the box of links to other sites under every story.
        PhraseRule(Layer.RECIRCULATION, ("Related Internet links", "Related BBC sites",
                                         "The BBC is not responsible for the content of external internet sites",
                                         "The BBC is not responsible for the content of external sites"),
                   why="BBC News's box of links to other sites"),
        PhraseRule(Layer.CHROME, ("Start Quote", "End Quote"), why="the alt text of quote-mark images (BBC News)"),
        PhraseRule(Layer.BYLINE, ("Associated Press Writer", "AP Writer", "Associated Press Writers"),
                   why="the line under an Associated Press byline"),
        PhraseRule(Layer.TRANSLATION, tuple(phrase for phrase, _ in TRANSLATION_LINKS),
                   why="links to the article in another language"),
        PhraseRule(Layer.BYLINE, ("Posted by", "Written by", "Filed by", "Publié par", "Publicado por",
                                  "Veröffentlicht von", "Geschrieben von", "Pubblicato da"), prefix=True,
                   why="blog bylines: 'Posted by Jane Doe on October 14, 2012'"),
        PhraseRule(Layer.CAPTION, ("Image credit:", "Image credits:", "Photo credit:", "Photo credits:",
                                   "Image courtesy of", "Photo courtesy of", "Photos courtesy of"), prefix=True,
                   why="a photo's credit line standing in the text column"),
        PhraseRule(Layer.RECIRCULATION, READ_ALSO, prefix=True,
                   why="'read also' lines pointing at other articles, in several languages"),
        # A story's reading time, on the line of its date or under its headline ("8 min read",
        # "· 3 min read", "Reading Time: 11 minutes", "Lesezeit: 4 Min.", "Temps de lecture : 3 min").
        PhraseRule(Layer.DATELINE, (r"\d+\s*[-–]?\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading|de\s+lecture|"
                                    r"de\s+lectura|de\s+leitura|di\s+lettura|lesezeit|leestijd)",
                                    r"(?:(?:reading|read|estimated\s+reading)\s+time|time\s+to\s+read|lesezeit|lesedauer|"
                                    r"temps\s+de\s+lecture|tiempo\s+de\s+lectura|tempo\s+de\s+leitura|"
                                    r"tempo\s+di\s+lettura|leestijd|czas\s+czytania)\s*:?\s*(?:about\s+|ca\.?\s+|"
                                    r"environ\s+|<\s*)?\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\.?"),
                   regex=True, why="a story's reading time"),
        # Counters beside the share and comment buttons (after the literal phrases: "0 comments" is
        # the comment thread's own line): "33 Shares", "2 Comments", "1,693 views".
        PhraseRule(Layer.SHARE, (r"\d[\d,.]*\s*[km]?\s+(?:shares?|comments?|views?|likes?|reactions?|"
                                 r"kommentare?|commentaires?|comentarios?|comentários?|commenti)",), regex=True,
                   why="share, comment and view counters"),
    ),
    # hAtom's entry-title (Blogger, WordPress, TypePad) is a post's own headline, often an h2 or
    # h3 under a blog-name h1.
    headline=("h1[itemprop='headline']", "article h1", ".hentry .entry-title", ".hentry .post-title", "h1"),
    # Inside a byline, the names when the page marks them: schema.org, links to author pages.
    byline_names=("[itemprop='name']", "[class*='byline-name' i]", "a[rel~='author']", "a[href*='/author/']", "a[href*='/authors/']",
                  "a[href*='/by/']", "a[href*='/people/']", "a[href*='/profile/']", "a[href*='/staff/']",
                  "a[href*='/journalist']", "a[href*='/autor']", "a[href*='/auteur']", "a[href*='/contributor']",
                  "a[href*='/writer']", "a[href*='/reporter']", "a[href*='/redakteur']"),
    byline_prefixes=BYLINE_PREFIXES,
    orphan_labels=ORPHAN_LABELS,
    copyright_lines=(r"©", r"copyright\s*(?:©|\(c\)|\d{4})", r"\(c\)\s*\d{4}"),
    author_labels=AUTHOR_LABELS,
    byline_separators=BYLINE_SEPARATORS,
    byline_roles=BYLINE_ROLES,
    byline_noise=BYLINE_NOISE,
    byline_suffixes=BYLINE_SUFFIXES,
    byline_stops=BYLINE_STOPS,
    organisation_nouns=ORGANISATION_NOUNS,
    credit_prefixes=CREDIT_PREFIXES,
    credit_agencies=CREDIT_AGENCIES,
    picture_agencies=PICTURE_AGENCIES,
    clean_inside_body=True,
    caption=("figcaption",),
    credit=("[itemprop='copyrightHolder']", ".credit"),
    translation_links=TRANSLATION_LINKS,
    share_links=SHARE_LINKS,
    article_signs=ARTICLE_SIGNS,
    article_types=ARTICLE_TYPES,
    main_landmark=MAIN_LANDMARK,
    date_formats=DATE_FORMATS,
    worded_date_formats=WORDED_DATE_FORMATS,
)
