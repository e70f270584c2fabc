"""Article metadata: from JSON-LD, then ``<meta>``/``<link>`` tags, then the labelled DOM.

The pandoc forms have lost their ``<head>``, so every field that the page also shows (title,
byline, dateline, section, short URL, captions, translation links) is read from the body too.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean._dom import BLOCK_TAGS, ancestors, collapse, node_text
from newsclean.authors import (AuthorCandidates, before_credits, choose_authors, clean_names, in_latin_script,
                               is_cms_account, is_role_or_outlet, is_written_name, split_byline, strip_prefix)
from newsclean.dates import (ascii_digits, first_date, first_date_and_text, in_local_time, is_only_a_date,
                             local_day_from_url, names_a_month, numeric_date_in, page_date, parse_date, parse_shown_date,
                             states_a_year, url_day, written_for_people, year_first)
from newsclean.language import guess_language
from newsclean.layers import Labels, without_taxonomy
from newsclean.model import FrozenMap, Image, Layer
from newsclean.profiles.base import Profile

__all__ = ["Metadata", "declares_one_article", "extract_metadata", "parse_date", "split_byline"]

_ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                            "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
                            "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting"})
# Layers whose text belongs to other articles or to the site, never to this article's metadata.
_FOREIGN_LAYERS = frozenset({Layer.RECIRCULATION, Layer.PROMO, Layer.SITE_INDEX, Layer.NAVIGATION,
                             Layer.FOOTER, Layer.AD, Layer.PAYWALL})
# …less the wrappers a page's own headline may stand in: a breadcrumb bar, Elementor's
# "elementor-widget-container" (labelled promo).
_FOREIGN_BUT_WRAPPERS = _FOREIGN_LAYERS - {Layer.NAVIGATION, Layer.PROMO}
_MAX_NAME_CHARS = 60
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")  # XHTML-style wrappers around JSON-LD


@dataclass(frozen=True, slots=True)
class Metadata:
    """Every metadata field of an Article."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | dt.datetime | None = None
    modified: dt.date | dt.datetime | None = None
    section: str | None = None
    url: str | None = None
    short_url: str | None = None
    language: str | None = None
    description: str | None = None
    site_name: str | None = None
    images: tuple[Image, ...] = ()
    alternates: Mapping[str, str] = field(default_factory=FrozenMap)
    tags: tuple[str, ...] = ()
    origins: Mapping[str, str] = field(default_factory=FrozenMap)


def extract_metadata(tree: LexborHTMLParser, labels: Labels, profile: Profile, *,
                     source: str, url: str | None, converted: bool = False,
                     body_start: int | None = None) -> Metadata:
    """All metadata of the page, each field from its most reliable source. ``converted``: the
    tree was rendered from pandoc markdown (no ``<head>``; ``source`` is the markdown).
    ``body_start``: the id of the element the body's first paragraph came from, when one was found."""
    head = _HeadTags.read(tree)
    lds = _json_ld_items(tree)
    ld = _resolve_ld_refs(_article_item(lds), lds)
    dom = _LabelledDom(tree, labels, body_start)
    canonical = head.link("canonical") or head.first("og:url") or _ld_str(ld, "url") or url or \
        dom.shared_address(profile)
    site_names = _site_names(tree, head, ld, profile, canonical or url)
    title, title_origin = _title(tree, dom, profile, head, ld, site_names, page_url=canonical or url,
                                 body_start=body_start)
    dom.chose_title(title, canonical or url)
    authors = _authors(dom, profile, head, ld, lds, site_names)
    published, published_origin = _published(tree, dom, profile, head, lds, ld, source=source, url=url,
                                              page_url=canonical or url, converted=converted)
    origins = {"title": title_origin, "authors": authors.origin, "published": published_origin}
    return Metadata(
        title=title,
        authors=authors.names,
        published=published,
        modified=first_date(_ld_str(ld, "dateModified"), *head.all("article:modified_time",
                            "article:modified", "datemodified", "og:updated_time", "utime"),
                            dom.marked("dateModified"), _ld_any(lds, "dateModified")),
        # The label the reader sees first: the same in every form, and often finer than the head's.
        section=_first(dom.section(profile), *head.all("article:section", "articlesection"),
                       _ld_str(ld, "articleSection")) or dom.section_link(canonical),
        url=canonical,
        short_url=_short_url(source, profile),
        language=_first(tree.css_first("html") and tree.css_first("html").attrs.get("lang"),
                        *head.all("inlanguage", "og:locale", "content-language", "dc.language"),
                        _ld_str(ld, "inLanguage")),
        description=_first(*head.all("description", "og:description", "twitter:description"),
                           _ld_str(ld, "description")),
        site_name=_first(*head.all("og:site_name"), _ld_publisher(ld), profile.site_name),
        images=tuple(dom.images(profile)) or _shared_image(head),
        alternates=FrozenMap(_alternates(dom, profile, head, canonical)),
        tags=_tags(head, ld),
        origins=FrozenMap({field: origin for field, origin in origins.items() if origin}),
    )


def _day_of(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


_PUBLISHED_METAS = ("article:published_time", "article:published", "datepublished", "date", "dc.date",
                    "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "publish-date",
                    "pubdate", "ptime", "pdate", "og:article:published_time", "citation_publication_date")


def _published(tree: LexborHTMLParser, dom: _LabelledDom, profile: Profile, head: _HeadTags,
               lds: list[dict[str, Any]], ld: Mapping[str, Any], *, source: str,
               url: str | None, page_url: str | None = None,
               converted: bool = False) -> tuple[dt.date | dt.datetime | None, str]:
    """The first publication: the article's JSON-LD, meta tags, microdata; then the article's
    own ``<time datetime>``; then the dateline the page shows; then the date folder of its
    address; then htmldate's search of the page (on a pandoc form, which kept no head, only
    its quick search: guesses from the text were as often wrong as right). Returns the value
    and its source. A declared day written for people ("Jun 24, 2025", "01/07/16": a
    template's text, often its "last updated") gives way to a different day the page shows
    as its own."""
    groups = (("json-ld", [_ld_str(ld, "datePublished")]), ("meta", head.all(*_PUBLISHED_METAS)),
              ("microdata", [dom.marked("datePublished")]), ("json-ld", [_ld_any(lds, "datePublished")]))
    shown_date = cache(lambda: dom.shown_date(profile))  # the dateline the page shows, read once if asked
    value, written = first_date_and_text(*(v for _, values in groups for v in values if v))
    if value is not None and written is not None and written_for_people(written):
        shown = shown_date()
        if shown is not None and shown[1] < _UPDATED_RANK and _day_of(shown[0]) != _day_of(value):
            return _day_of(shown[0]), "dateline"
    if value is not None:
        day = value.date() if isinstance(value, dt.datetime) else value
        origin = next((origin for origin, values in groups for v in values
                       if v and _day_of(parse_date(v)) in (day, day - dt.timedelta(days=1), day + dt.timedelta(days=1))),
                      "json-ld")
    else:
        value, origin = dom.time_date(profile), "dateline"
    if value is not None:
        if isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(0):
            shown = shown_date()  # "Nov. 8, 2023 at 8:09 p.m.": the page's own clock
            value = in_local_time(value, [shown[0]] if shown is not None and isinstance(shown[0], dt.datetime) else [])
        return local_day_from_url(value, page_url), origin
    shown = shown_date()
    if shown is not None and shown[1] < _UPDATED_RANK:
        return _day_of(shown[0]), "dateline"
    day = url_day(page_url)  # the day the CMS filed the story under, when its address says
    if day is not None:
        return day, "url"
    labelled = dom.labelled_date(profile)  # "Published on Oct 5, 2022." under the story, "Datum: 26.01.2022"
    if labelled is not None:
        return labelled, "dateline"
    if shown is not None:  # only an update is shown ("Last Updated on November 15, 2025")
        return _day_of(shown[0]), "dateline"
    # A pandoc form kept no head: htmldate's quick search (date attributes, classes, <time>)
    # still holds there, its scan of the whole text does not (right on half the metaset pages
    # it alone dated; 83 % in HTML).
    markup = (tree.html or "") if converted else source
    found = page_date(markup[:MAX_DATE_SEARCH_CHARS], page_url or url, scan_text=not converted,
                      languages=dom.text_languages)
    return (found, "htmldate") if found is not None else (None, "")


# htmldate parses the page again and reads all its text: on a page of tens of megabytes that is
# most of the time and memory clean() takes. A page's date sits in its head and near its top.
MAX_DATE_SEARCH_CHARS = 1_000_000


_MAX_SECTION_CHARS = 40
# Layers whose author cards are never this article's: other stories, ads, the paywall.
_NOT_AUTHOR_CARDS = frozenset({Layer.RECIRCULATION, Layer.AD, Layer.PAYWALL})
_MAX_HEADINGS = 40
_MAX_TITLE_CHARS = 300
# First folders of article URLs that name no section.
_NOT_SECTIONS = frozenset("article articles news story stories post posts p a amp www en es fr de it pt nl "
                          "index html content".split())


def _section_folder(page_url: str | None) -> str | None:
    """The first folder of the URL's path that can name a section ("pixels" in
    /pixels/article/2015/…), lower-cased; None for dates, generic words or a bare slug."""
    if not page_url:
        return None
    segments = [s for s in urlsplit(page_url).path.lower().split("/") if s]
    if len(segments) < 2:
        return None  # /slug: no folder
    first = segments[0]
    return first if re.fullmatch(r"[a-z][a-z-]{1,30}", first) and first not in _NOT_SECTIONS else None


# --- the <head> ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _HeadTags:
    """``<meta>`` contents by lower-cased name/property/itemprop, and ``<link>`` hrefs by rel."""

    metas: Mapping[str, list[str]]
    links: Mapping[str, list[tuple[str, LexborNode]]]

    @classmethod
    def read(cls, tree: LexborHTMLParser) -> _HeadTags:
        metas: dict[str, list[str]] = defaultdict(list)
        for meta in tree.css("meta"):
            attrs = meta.attrs
            content = attrs.get("content") or attrs.get("value")
            if not content or not content.strip():
                continue
            for key in ("name", "property", "itemprop", "http-equiv"):
                for name in (attrs.get(key) or "").lower().split():
                    metas[name].append(collapse(content))
        links: dict[str, list[tuple[str, LexborNode]]] = defaultdict(list)
        for link in tree.css("link[rel][href]"):
            for rel in (link.attrs.get("rel") or "").lower().split():
                links[rel].append(((link.attrs.get("href") or "").strip(), link))
        return cls(metas, links)

    def all(self, *names: str) -> list[str]:
        return [value for name in names for value in self.metas.get(name, ())]

    def first(self, *names: str) -> str | None:
        return next(iter(self.all(*names)), None)

    def link(self, rel: str) -> str | None:
        return next((href for href, _ in self.links.get(rel, ()) if href), None)


def _json_ld_items(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, nested ones too (``@graph``, ``mainEntity``, lists)."""
    items: list[dict[str, Any]] = []
    for script in tree.css("script[type*='ld+json']"):
        try:
            data = json.loads(_CDATA.sub("", script.text(deep=True) or "").strip().rstrip(";") or "null")
        except ValueError:
            continue
        items.extend(_walk_ld(data))
    return items


_LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage"})


def declares_one_article(tree: LexborHTMLParser) -> bool:
    """True when the page's JSON-LD declares an article (NewsArticle, BlogPosting, …) and no
    listing (CollectionPage, ItemList): a page that says it is one story, so the bylined cards
    around it are related stories, not a section front's. og:type is not asked: section fronts
    (nytimes.com's among them) declare "article" there too."""
    types = {kind for item in _json_ld_items(tree) for kind in _types_of(item)}
    return bool(types & _ARTICLE_TYPES) and not types & _LISTING_TYPES


def _types_of(item: Mapping[str, Any]) -> list[str]:
    types = item.get("@type")
    return [t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]


def _article_item(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The first JSON-LD object of an article type."""
    return next((item for item in items if any(t in _ARTICLE_TYPES for t in _types_of(item))), {})


def _ld_any(items: list[dict[str, Any]], key: str) -> str | None:
    """``key`` of the first JSON-LD object that has it (a WebPage's date when no Article has one)."""
    return next((value for item in items if (value := _ld_str(item, key))), None)


_LD_NESTED = ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "item")
_LD_MAX_ITEMS = 500


def _walk_ld(data: Any) -> Iterator[dict[str, Any]]:
    pending = [data]
    seen = 0
    while pending and seen < _LD_MAX_ITEMS:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif isinstance(item, dict):
            seen += 1
            yield item
            pending[:0] = [item[key] for key in _LD_NESTED if isinstance(item.get(key), (dict, list))]


def _ld_str(ld: Mapping[str, Any], key: str) -> str | None:
    value = ld.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    return collapse(html.unescape(value) if "&" in value else value)  # "Fish &amp; chips", "&#8211;"


def _ld_publisher(ld: Mapping[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return collapse(publisher["name"]) or None
    return None


def _resolve_ld_refs(ld: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """The article with its authors given as ``{"@id": …}`` references replaced by the
    objects of the page's graph they point at (Yoast's "#/schema/person/…")."""
    authors = ld.get("author")
    if not authors:
        return ld
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str) and "name" in item}
    listed = authors if isinstance(authors, list) else [authors]
    resolved = [by_id.get(a["@id"], a) if isinstance(a, dict) and "name" not in a and isinstance(a.get("@id"), str)
                else a for a in listed]
    return {**ld, "author": resolved}


def _ld_author_names(ld: Mapping[str, Any], *, organisations: bool = False) -> list[str]:
    """The JSON-LD author names: people (and untyped names), or with ``organisations`` the
    authors typed as an Organization ("Cleveland Clinic" for a clinic's health article)."""
    authors = ld.get("author") or ld.get("creator") or []
    names: list[str] = []
    for author in authors if isinstance(authors, list) else [authors]:
        name = author.get("name") if isinstance(author, dict) else author
        types = author.get("@type") if isinstance(author, dict) else None
        is_organisation = any(t in _ORGANISATION_TYPES for t in (types if isinstance(types, list) else [types]))
        if isinstance(name, str) and name.strip() and is_organisation == organisations:
            names.append(collapse(name))
    return names


_ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization",
                                 "MedicalOrganization", "GovernmentOrganization", "NGO", "LocalBusiness"})


# --- the labelled DOM ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _LabelledDom:
    """The tree seen through its labels: the first nodes of a layer that belong to this article."""

    tree: LexborHTMLParser
    labels: Labels
    body_start: int | None = None  # the id of the element the body's first paragraph came from
    # The title the title step chose and the page's address ("title", "url"), once it has: where
    # the headline stands for the dates and bylines beside it when the first h1 is a logo.
    _chosen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _guessed_language: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # The lines by the headline, read once: the date step and the author step both may ask.
    _lines: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def layer_nodes(self, layer: Layer, *, outermost: bool = True) -> list[LexborNode]:
        """Nodes labelled ``layer`` in document order, outside other articles' layers."""
        found: list[LexborNode] = []
        for node in self.labels.of_layer(layer):
            outer = self.labels.enclosing(node)
            if any(label in _FOREIGN_LAYERS for label in outer):
                continue
            if outermost and layer in outer:
                continue
            found.append(node)
        return found

    def own(self, node: LexborNode) -> bool:
        """True when no enclosing layer marks the node as another article's or the site's."""
        return not any(label in _FOREIGN_LAYERS for label in self.labels.enclosing(node))

    def headings(self, page_url: str | None = None) -> list[str]:
        """The page's own ``h1``–``h3`` texts in order (a blog's post title is often an
        ``h2`` under a logo ``h1``), the first few only; none that links to the home page or
        a section front above ``page_url`` (see :func:`_links_up`)."""
        found = []
        for node in self.tree.css("h1, h2, h3")[:_MAX_HEADINGS]:
            text = node_text(node)
            if text and len(text) <= _MAX_TITLE_CHARS and self.own(node) and not _links_up(node, page_url):
                found.append(text)
        return found

    def own_h1s(self, *, in_wrappers: bool = False) -> list[LexborNode]:
        """The page's ``h1`` elements outside other articles' layers, the first few only;
        ``in_wrappers``: an ``h1`` in a navigation bar or a wrapper labelled promo counts too
        (a breadcrumb "Home › <h1>Headline</h1>", Elementor's "elementor-widget-container")."""
        foreign = _FOREIGN_BUT_WRAPPERS if in_wrappers else _FOREIGN_LAYERS
        return [node for node in self.tree.css("h1")[:_MAX_HEADINGS]
                if not any(label in foreign for label in self.labels.enclosing(node))]

    def headline(self, page_url: str | None = None) -> str | None:
        """The text of the element the layer step labelled as the headline, unless it links
        to the home page or a section front above ``page_url`` (a logo)."""
        found = self.layer_nodes(Layer.HEADLINE)
        return node_text(found[0]) if found and not _links_up(found[0], page_url) else None

    def section(self, profile: Profile) -> str | None:
        for selector in profile.section:
            for node in self.tree.css(selector):
                text = node_text(node)
                if text and len(text) <= _MAX_NAME_CHARS and self.own(node):
                    return text
        return None

    def section_link(self, page_url: str | None) -> str | None:
        """The name the page gives the first folder of its own URL: the link to "/pixels/" on
        lemonde.fr/pixels/article/…, a rubric title or breadcrumb, before one in a menu list."""
        folder = _section_folder(page_url)
        if folder is None:
            return None
        in_lists: list[str] = []
        for link in self.tree.css(f"a[href*='{folder}' i]"):  # lexbor picks the few candidates
            target = urlsplit(urljoin(page_url or "", link.attrs.get("href") or ""))
            if target.path.strip("/").lower() != folder or target.netloc != urlsplit(page_url or "").netloc:
                continue
            text = node_text(link)
            if not text or len(text) > _MAX_SECTION_CHARS:
                continue
            if not any(parent.tag == "li" for parent in ancestors(link)):
                return text
            in_lists.append(text)
        return in_lists[0] if in_lists else None

    def bylines(self) -> list[LexborNode]:
        """The article's bylines: the labelled ones, less story cards' ("### Smarsh turns to
        Salesforce…" over "By Thor Olavsrud", again and again under "Related content", which
        a pandoc form no longer marks as another layer)."""
        found = [node for node in self.layer_nodes(Layer.BYLINE) if not _in_a_card(node)]
        cards = {node.mem_id for node in found if _under_a_card_heading(node)}  # (nodes compare by their HTML)
        return [node for node in found if node.mem_id not in cards] if len(cards) >= _MIN_CARD_BYLINES else found

    def byline_names(self, profile: Profile) -> list[str]:
        """The names of the article's own byline: the first byline that names someone, and
        the bylines beside it (one per author in some markup), not the cards further down."""
        names: list[str] = []
        anchor: LexborNode | None = None
        previous: LexborNode | None = None
        for node in self.bylines():
            if anchor is not None and not _near(node, anchor) \
                    or previous is not None and _signs_another_text(node, previous):
                break
            found = self._names_in(node, profile)
            if not found and len(node_text(node)) < 40 and node.parent is not None \
                    and len(node_text(node.parent)) < 160:  # "Written by" beside the name's own element
                found = split_byline(self.text_without_dates(node.parent, profile), profile)
            if not found and anchor is None and _BYLINE_LABEL.match(node_text(node)):
                found = self._names_after_label(node, profile)
                if found:  # the block after the label holds them all (the next bylines are its own, or a reviewer's)
                    return found
            if found:
                names += found
                anchor = anchor or node
            if found or states_a_year(node_text(node)):
                previous = node  # a post's dated byline, even one that names no one ("Posted by laurie at …")
        return names

    def _names_after_label(self, label: LexborNode, profile: Profile, *, lines: bool = False) -> list[str]:
        """The names in the block after a byline label that stands alone ("<div>Written
        by</div><div>Jack Shepherd</div>", Medium's "Written by" over its author's heading);
        ``lines``: its blocks read apart (a name over a role: "<span>Annemarie Bufe</span><p>Product
        Analytics Expert</p>")."""
        block = label
        while (following := _next_element(block)) is None:
            if block.parent is None or node_text(block.parent) != node_text(label):
                return []
            block = block.parent  # the wrappers that hold the label alone
        text = self.text_without_dates(following, profile)
        if not self.own(following) or len(text) > _MAX_AUTHOR_ELEMENT_CHARS:
            return []
        return split_byline(self.text_without_dates(following, profile, lines=True) if lines else text, profile)

    def author_element_names(self, profile: Profile) -> list[str]:
        """With no labelled byline: the names in the first author element ("post-author",
        "article_byline", a link to an author page) near the headline, else anywhere."""
        # Near the headline: the labelled one, else the first own h1 (one a share bar wraps).
        headline = self.headline_node()
        scopes = list(_up(headline, 5)) if headline is not None else []
        if self.tree.body is not None:
            scopes.append(self.tree.body)
        # Each selector is asked once, of the whole page; its matches are sorted into the scopes
        # (what ``scope.css(selector)`` gives: the scope and its descendants that match). What
        # stands near the headline — an author element, else a byline written as a line of text —
        # comes before anything further away (a card's author link lower on the page).
        near = len(scopes) - 1 if self.tree.body is not None else len(scopes)
        root = self.tree.root
        found_by_selector: list[list[list[LexborNode]]] = []
        for selector in _AUTHOR_ELEMENTS:
            matches = root.css(selector) if root is not None else []
            found = _sorted_into([node for node in matches
                                  if not _author_only_by_wrapper(node, profile) and not _links_to_an_index(node)
                                  and not _topic_link_in_a_sentence(node)],
                                 scopes)
            found_by_selector.append(found)
            for nodes in found[:near]:
                names = self._adjacent_names(nodes, profile)
                if names:
                    return names
        read: set[int] = set()  # (the scopes nest: a line an inner one read is not read again)
        names = self._byline_line_names(scopes[:near], profile, read)
        if names:
            return names
        for found in found_by_selector:
            for nodes in found[near:]:
                names = self._adjacent_names(nodes, profile)
                if names:
                    return names
        # An article's own <footer>, or a sidebar's author card: looked at only when nothing else names anyone.
        for nodes in found_by_selector[0]:
            names = self._adjacent_names(nodes, profile, outside=_NOT_AUTHOR_CARDS)
            if names:
                return names
        names = self._byline_line_names(scopes[near:], profile, read)
        if names:
            return names
        # A label standing alone: "<h3>Author</h3><p>Lisa D. Ellis</p>", "<b>Autor:</b> Jan Nowak"
        # (the label step's walk over the text found them).
        for nodes in _sorted_into(self.labels.author_labels, scopes) if self.labels.author_labels else []:
            for node in nodes:
                names = self._names_by_label(node, profile)
                if names:
                    return names
        return self.name_beside_date(profile)

    def name_under_headline(self, profile: Profile) -> list[str]:
        """The name that is the whole first line under the headline ("# Free 10 Week Beginner
        Marathon Training Plan" over "Matteo Laratta" in one hero block): [] when that line is
        anything but one written name (:func:`~newsclean.authors.is_written_name`)."""
        lines, head = self.lines_under_headline(), self.headline_node()
        if not lines or head is None:
            return []
        piece = lines[0].strip(" ,.*")
        if not in_latin_script(piece) or not is_written_name(piece):
            return []  # (a word of a script without capitals is as often a topic: "北朝鮮")
        # The first text after the headline, as plain text: not a heading ("Key Takeaways"), a link
        # or a button ("Submit Your Book"), which a written name beside a photo never is.
        text = _first_text_after(head)
        if text is None or collapse(text.text_content or "").strip(" ,.*") != piece or \
                any(parent.tag in _NOT_A_NAME_LINE for parent in (text.parent, *_up(text.parent, 2))):
            return []
        names = split_byline(piece, profile)
        return names if len(names) == 1 and names[0] == piece else []

    def _byline_line_names(self, scopes: Sequence[LexborNode], profile: Profile, read: set[int]) -> list[str]:
        """The names of the first byline written as a line of text in the scopes ("Von Jennifer
        Patt", "By Amy Roeder September 24, 2025"); ``read`` keeps the lines already read."""
        large = len(self.labels.text_holders) > _MAX_HOLDERS_FOR_ONE_QUERY
        for scope in scopes:
            lines = _first_matches(scope, _BYLINE_LINES, _MAX_BYLINE_LINES) if large \
                else scope.css(_BYLINE_LINES)[:_MAX_BYLINE_LINES]
            for node in lines:
                if node.mem_id in read:
                    continue
                read.add(node.mem_id)
                names = self._names_in_line(node, profile)
                if names:
                    return names
        return []

    def name_beside_date(self, profile: Profile) -> list[str]:
        """The one name on a post's meta line by its headline, a date beside it and no "By"
        ("Andrew Gerrand 4 August 2010", "Dec 26, 2025 • Mahua Das", "Kalyn Keen Jun 9 5 min
        read", "2025-12-17 · Trond Teigen": a blog template's classes, gone in a pandoc form or
        never there); [] when the line holds anything else that could be a name."""
        for lines in (self.lines_under_headline()[:_MAX_META_LINES], self.lines_above_headline()):
            for text in lines:
                if len(text) > _MAX_META_LINE_CHARS or not _META_DATE.search(text):
                    continue
                rest = [piece for piece in _META_SEPARATOR.split(_META_NOISE.sub(" | ", _META_DATE.sub(" | ", text)))
                        if _LETTER.search(piece) and not _META_WORDS.fullmatch(piece.strip(" .,:*"))
                        and not is_role_or_outlet(piece, profile)]  # "Jane Doe | Senior Writer | July 2, 2025 | The Guardian"
                if len(rest) != 1 or rest[0].rstrip(" *").endswith(":"):
                    continue  # (a title over its dates: "London Olympics: July 28-29, 2012")
                piece = _META_BY.sub("", rest[0].strip(" ,.*"))
                if _META_DATE.match(text.lstrip()):  # "Dec 26, 2025 • Mahua Das in Project Management"
                    piece = _META_CATEGORY.sub("", piece)
                names = split_byline(piece, profile) if is_written_name(piece) else []
                if len(names) == 1 and names[0] == piece:
                    return names
        return []

    def _names_in_line(self, node: LexborNode, profile: Profile) -> list[str]:
        """The names of a short line of text that is a byline ("By Jane Doe | Dec 30, 2025",
        "Posted on October 11, 2023 by Autumn Huerter"), or [] when the line is none."""
        text = node_text(node)
        if _BYLINE_LABEL.match(text) and node.parent is not None \
                and len(node_text(node.parent)) <= _MAX_LABELLED_LINE_CHARS:
            node = node.parent  # "<div>By</div><div>Summer Swann</div><div>-</div>"
            text = node_text(node)
        dated = _DATED_LINE.match(text)  # "Posted on October 11, 2023 by Autumn Huerter"
        if dated is not None and not _BYLINE_LINE.match(text[dated.end():]):
            dated = None
        if len(text) > _MAX_AUTHOR_ELEMENT_CHARS or not (dated or _BYLINE_LINE.match(text)) or not self.own(node):
            return []
        # The names end where a date starts: "by Jane Doe | Dec 30, 2025 | Indoor Plants",
        # also when the whole line is labelled a dateline.
        line = collapse(node.text(deep=True, separator=" "))
        if dated is not None:
            line = _DATED_LINE.sub("", line, count=1)
        line = _DATE_IN_LINE.split(line, maxsplit=1)[0]
        sentence = _WRITTEN_BY_SENTENCE.match(line)
        if sentence is not None:  # "This post was written by Jane Doe, Head of …"
            line = line[sentence.end():].split(",")[0]
        line = _ARTICLE_BY.sub("", line)
        # The names the line links to their pages, when it does: the words after them are a
        # button's ("By <a>A. J. Neal</a> <a>View In Digital Edition</a>").
        marked = _marked_names(node, profile)
        names = [name for name in clean_names(marked, profile, visible=True, marked=True) if name in line] \
            if marked else []
        return names or split_byline(line, profile)

    def _names_by_label(self, node: LexborNode, profile: Profile) -> list[str]:
        """The names a label element ("Author", "Article by", "Contributors:") introduces: in
        the block after it, else in the rest of its own short line."""
        pattern = profile.author_label_pattern
        if pattern is None or node.tag in _CONTROL_TAGS \
                or any(label in _NOT_AUTHOR_CARDS for label in self.labels.enclosing(node)):
            return []  # a label in a promo or a tag list is the article's; in another story's card, or a tab's link, not
        alone = pattern.fullmatch(node_text(node)) is not None
        names = self._names_after_label(node, profile, lines=True) if alone else []
        line = node.parent if alone else node
        if not names and line is not None and len(node_text(line)) <= _MAX_AUTHOR_ELEMENT_CHARS:
            text = self.text_without_dates(line, profile)
            label = pattern.match(text)
            if label is not None:
                names = split_byline(text[label.end():], profile)
        return names

    def _adjacent_names(self, nodes: list[LexborNode], profile: Profile,
                        outside: frozenset[Layer] = _FOREIGN_LAYERS) -> list[str]:
        """Names from the first matching element and those beside it of its kind (one link per
        author, not the links of the author's bio), skipping elements inside the ``outside`` layers."""
        names: list[str] = []
        anchor: LexborNode | None = None
        read: set[int] = set()
        hosts: set[str] = set()  # of the links names came from
        for node in nodes:
            if anchor is not None and not _near(node, anchor):
                break
            if anchor is not None and node.tag != anchor.tag:
                continue
            if anchor is not None and _credited_for_other_work(node, profile):
                break  # "By <a>Scott Levine</a> | Fact-checked by <a>Frank Bass</a>"
            if any(label in outside for label in self.labels.enclosing(node)) or _is_tag_link(node):
                continue
            if any(parent.mem_id in read for parent in ancestors(node)):
                continue  # inside an element already read ("AI Writer" in the name's wrapper)
            found = self._names_in(node, profile, max_chars=_MAX_AUTHOR_ELEMENT_CHARS)
            if found or is_cms_account(node_text(node)):
                names += found
                anchor = anchor or node  # (an "admin" link is the author element still: only names beside it count)
                read.add(node.mem_id)
                if found and node.tag == "a":
                    hosts.add(_host_key(urlsplit(node.attrs.get("href") or "").netloc))
        # More names side by side than a byline holds: a list of the site's authors (a
        # publisher's index of 202 author links); links to people's pages on several sites: a
        # blogroll ("Alfred Mele" at fsu.edu/…/people/, "Chandra Sripada" at umich.edu/…/people/).
        return names if len(names) <= _MAX_ADJACENT_AUTHORS and len(hosts - {""}) <= 1 else []

    def _names_in(self, node: LexborNode, profile: Profile, max_chars: int | None = None) -> list[str]:
        """The names a byline element marks (author links, itemprop=name), else its text's."""
        # Text nodes apart: "<p>Harry Rabinowitz</p><p>Tech Reporter</p>", "Maria<br>Mathioudaki".
        marked = _marked_names(node, profile)
        text = self.text_without_dates(node, profile)
        own = before_credits(text, profile) if marked else text
        if own != text:  # "By <a>Scott Levine</a> | Fact-checked by <a>Frank Bass</a>": the checker is no author
            if not own.strip():
                return []  # only a credit for other work: "Updated by <span class="byline-name__item">Jon Linkov</span>"
            marked = [m for m in marked if m in own or m not in text] or marked
            text = own
        names = clean_names(marked, profile, visible=True, marked=True) if marked else []
        if names:
            return names + _unmarked_coauthors(text, marked, profile)
        if max_chars is not None and len(text) > max_chars:
            return []
        # "Nick van Mead" over "2022-11-23T08:10+02:00", "ServiceTitan" over "November 26th, 2024":
        # when the text run together names no one, each block of the element is read apart.
        return split_byline(text, profile) or split_byline(self.text_without_dates(node, profile, lines=True), profile)

    def byline_attr_names(self, profile: Profile) -> list[str]:
        """Names the byline spells in attributes, in their proper case (NYT's data-byline-name)."""
        return [value for byline in self.bylines() for attr in profile.byline_name_attrs
                for node in byline.css(f"[{attr}]") if (value := collapse(node.attrs.get(attr) or ""))]

    def text_without_dates(self, node: LexborNode, profile: Profile, *, lines: bool = False) -> str:
        """The node's text less the dates inside it: "by Lucas Nolan" + "22 Dec 2016", a
        labelled dateline or a run of text that is a whole date. ``lines``: the texts of its
        blocks (divs, paragraphs) kept apart by " | ", a separator between names."""
        dateline = profile.dateline_pattern
        parts: list[str] = []
        for item in node.traverse(include_text=True):
            if not item.is_text_node:
                if lines and item.tag in BLOCK_TAGS and item.mem_id != node.mem_id:
                    parts.append(" | ")
                continue
            text = item.text_content or ""
            if not self._dated_within(item, node) and not (dateline is not None and dateline.match(text.strip())):
                parts.append(text)
        return collapse(" ".join(parts))

    def _dated_within(self, text: LexborNode, node: LexborNode) -> bool:
        """True when the nearest labelled element around ``text``, up to ``node`` itself, is a
        dateline. A dateline label on a wrapper outside ``node`` does not count: Dotdash
        Meredith's byline item ("mntl-attribution__item--has-date") holds the author's link."""
        for element in (text, *ancestors(text)):
            layer = self.labels.get(element.mem_id)
            if layer is not None:
                return layer is Layer.DATELINE
            if element.mem_id == node.mem_id:
                return False
        return False

    def shared_address(self, profile: Profile) -> str | None:
        """The address the page's share buttons share (``facebook.com/sharer?u=…``), the one
        they share most (buttons of related stories share theirs); None when no button names
        an absolute http(s) address."""
        counts: Counter[str] = Counter()
        if not profile.share_links or self.tree.css_first(", ".join(s for s, _ in profile.share_links)) is None:
            return None  # no share button at all: one pass over the page instead of one per network
        for selector, parameter in profile.share_links:
            for link in self.tree.css(selector):
                for value in parse_qs(urlsplit(link.attrs.get("href") or "").query).get(parameter, ()):
                    if value.startswith(("http://", "https://")):
                        counts[_without_tracking(value)] += 1
        return counts.most_common(1)[0][0] if counts else None

    def marked(self, itemprop: str) -> str | None:
        """A date the page marks up in its body with schema.org microdata (``datePublished``…)."""
        for node in self.tree.css(f"[itemprop~='{itemprop}']:not(meta)"):
            value = node.attrs.get("datetime") or node.attrs.get("content") or node_text(node)
            if value and self.own(node):
                return value
        return None

    def language(self) -> str | None:
        """The page's declared language (``<html lang>``)."""
        root = self.tree.css_first("html")
        return (root.attrs.get("lang") or None) if root is not None else None

    def read_shown_date(self, text: str, profile: Profile) -> tuple[dt.date | dt.datetime, int] | None:
        """:func:`_shown_date` in the page's declared language; on a page that declares none (a
        pandoc form keeps no ``<html lang>``), a date that names its month ("21.dez.2018 às
        12h55") is read in the language the page's prose is guessed to be in."""
        text = ascii_digits(text)  # (the same length: where a date ends is where it ends in the text given)
        language = self.language()
        found = _shown_date(text, profile, language)
        if found is None and language is None and names_a_month(text):
            guessed = self.guessed_language()
            if guessed is not None:
                found = _shown_date(text, profile, guessed)
        if found is not None and 0 < found[1] < len(text) and text[found[1]].isalnum():
            # Two dates run together, as a theme writes its modified and published <time>s and a
            # pandoc form joins them ("May 21, 2025April 24, 2025"): the earlier is the publication.
            second = _shown_date(text[found[1]:], profile, language)
            if second is not None and _day_of(second[0]) < _day_of(found[0]):
                found = (second[0], found[1] + second[1])
        return found

    def guessed_language(self) -> str | None:
        """The language of the page's prose (:func:`guess_language`), guessed once per page and
        only when asked."""
        if "guess" not in self._guessed_language:
            self._guessed_language["guess"] = guess_language(self.tree)
        return self._guessed_language["guess"]

    def text_languages(self) -> list[str]:
        """The languages the page's text may be in: the one it declares (``<html lang>``), the
        one its prose is guessed to be in."""
        return [language for language in (self.language(), self.guessed_language()) if language]

    def time_date(self, profile: Profile) -> dt.date | dt.datetime | None:
        """The machine-readable value of the article's own ``<time datetime>`` ("2016-10-04
        05:07:09" of one showing "10/04/2016 05:07 AM EDT"), ranked as datelines are. Values
        not written year first ("02-12-2025": which is the month?) are not read; nor a
        ``<time>`` inside a quoted post (an embedded Instagram's ``<blockquote>``). When the
        element shows another day than its value ("Publié le 29 juin 2019" over a "2019-07-03"
        edit time), the day readers see is the one returned."""
        ranked: list[tuple[int, int, dt.date | dt.datetime, LexborNode]] = []
        for index, node in enumerate(self.tree.css("time[datetime]")):
            value = (node.attrs.get("datetime") or "").strip()
            if not year_first(value) or not self.own(node) or Layer.MASTHEAD in self.labels.enclosing(node) \
                    or any(parent.tag == "blockquote" for parent in ancestors(node)):
                continue
            parsed = parse_date(value)
            if parsed is not None:
                ranked.append((_date_rank(_label_before(node) + " " + node_text(node)), index, parsed, node))
        if not ranked:
            return None
        _, _, value, node = min(ranked, key=lambda r: r[:2])
        shown = self.read_shown_date(node_text(node), profile)
        if shown is not None and abs(_day_of(shown[0]) - _day_of(value)) > dt.timedelta(days=1):
            return _day_of(shown[0])
        return value

    def shown_date(self, profile: Profile) -> tuple[dt.date | dt.datetime, int] | None:
        """The first publication day the page shows — a dateline element or the text beside
        the byline — and its rank: 0 labelled "Published", 1 unlabelled, 2 labelled "Updated".
        A date labelled "Published" wins; one labelled "Updated" counts only when no other is
        shown."""
        # A date in the masthead is the day's ("Friday, December 19, 2025"), not the article's.
        candidates = [(_label_before(node), node_text(node))
                      for node in self.layer_nodes(Layer.DATELINE, outermost=False)
                      if Layer.MASTHEAD not in self.labels.enclosing(node) and not _in_a_ticker(node)]
        # 2016 markup, once pandoc drops <time>: "By JEFFREY GETTLEMAN JAN. 13, 2017" in one block.
        for byline in self.bylines():
            parent = byline.parent
            if parent is not None:
                rest = collapse(node_text(parent).replace(node_text(byline), " ", 1))
                candidates.append(("", strip_prefix(rest, profile)))
        ranked: list[tuple[int, int, dt.date | dt.datetime]] = []
        for index, (before, text) in enumerate(candidates):
            found = self.read_shown_date(text, profile)
            if found is not None:
                # (the date's own label first: "Last updated …" after "… Originally Posted …")
                own = _date_rank(text[:found[1]])
                ranked.append((own if own != 1 else _date_rank(before), index, found[0]))
        if not ranked or min(rank for rank, _, _ in ranked) >= _UPDATED_RANK:
            # No dateline marked as one, or only updates (other stories' cards: "/ Updated Dec. 19,
            # 2025" again and again): the date line by the headline, when it shows one
            near = self._date_by_headline(profile)
            ranked = [near] if near is not None else ranked
        best = min(ranked, key=lambda r: r[:2]) if ranked else None
        return (best[2], best[0]) if best is not None else None

    def _date_by_headline(self, profile: Profile) -> tuple[int, int, dt.date | dt.datetime] | None:
        """The date of a line under the headline (else just above it, as a kicker: "FEBRUARY 12,
        2024", "Published on June 04, 2025") as (rank, index, date); an update's only when no
        other is shown ("By Chris McNamara ⋅ Founder ⋅ Updated May 6, 2025")."""
        ranked: list[tuple[int, int, dt.date | dt.datetime]] = []
        updates: list[tuple[int, int, dt.date | dt.datetime]] = []
        for lines in (self.lines_under_headline(), self.lines_above_headline()):
            for index, text in enumerate(lines):
                found = self.read_shown_date(text, profile)
                if found is not None:
                    rank = _date_rank(text[:found[1]])
                    (ranked if rank < _UPDATED_RANK else updates).append((rank, index, found[0]))
            if ranked:
                break
        return min(ranked, key=lambda r: r[:2]) if ranked else (updates[0] if updates else None)

    def labelled_date(self, profile: Profile) -> dt.date | None:
        """The day a short line of the page's own text labels as the publication's, wherever it
        stands ("Published on Oct 5, 2022." under a post, "Datum: 26.01.2022", "Erstellt am
        09.08.2013, 06:00", "Publié le 2 nov. 2023 à 16:00"); a line labelled only "Date" counts
        when none says "Published". None when no such line states its year."""
        body = self.tree.body
        if body is None or not _LABELLED_DATE.search(body.text(separator="\n")[:_MAX_LABELLED_DATE_SEARCH]):
            return None  # (one regex over the text; the elements are looked at only when it finds a label)
        found: dict[bool, dt.date] = {}
        for node in body.css(_LABELLED_DATE_TAGS)[:_MAX_LABELLED_DATE_NODES]:
            first = node.child  # the label opens the element: its first text, read before any of its text is joined
            if first is None or not first.is_text_node or not _LABELLED_DATE.match((first.text_content or "").lstrip()):
                continue
            line = self._labelled_line(node)
            label = _LABELLED_DATE.match(line) if line is not None else None
            if label is None or not self.own(node):
                continue
            shown = self.read_shown_date(line[label.end():], profile)
            strong = label.group(1).casefold() not in _WEAK_DATE_LABELS
            if shown is not None and strong not in found:
                found[strong] = _day_of(shown[0])
                if strong:
                    break
        return found.get(True) or found.get(False)

    @staticmethod
    def _labelled_line(node: LexborNode) -> str | None:
        """The short line a label opens: the element's text, or its parent's when the label
        stands in an element of its own ("<b>Posted:</b> Mar 22, 2006"); None when the line
        states no year or is no short line."""
        for element in (node, node.parent):
            if element is None:
                return None
            text = node_text(element)
            if len(text) > _MAX_LABELLED_DATE_LINE:
                return None
            if states_a_year(text):
                return text
        return None

    def headline_node(self) -> LexborNode | None:
        """The labelled headline, else the page's first own h1; when that links to the home page
        or a section front (a logo: "# [Playful Tones](https://playfultones.com)", the post's
        title an h2 under it) or there is none, the heading that shows the title the title step chose."""
        node = next(iter(self.layer_nodes(Layer.HEADLINE)), None) or next(iter(self.own_h1s()), None)
        title = self._chosen.get("title")
        if not title or (node is not None and not _links_up(node, self._chosen.get("url"))):
            return node
        # (a heading in a wrapper labelled promo or navigation counts, as for the title: own_h1s)
        shown = next((heading for heading in self.tree.css("h1, h2, h3")[:_MAX_HEADINGS]
                      if node_text(heading) == title
                      and not any(label in _FOREIGN_BUT_WRAPPERS for label in self.labels.enclosing(heading))), None)
        return shown if shown is not None else node

    def chose_title(self, title: str | None, page_url: str | None) -> None:
        """Note the title the title step chose, and the page's address (see :meth:`headline_node`)."""
        if title:
            self._chosen.update(title=title, url=page_url)

    def lines_under_headline(self) -> list[str]:
        """The short texts between the headline and the story's first long paragraph, where a
        page with no dateline markup shows its date ("First Published on Apr 8, 2020 04:25 pm"
        in a ``div.arttidate_pub``, "22/11/2020 - 04:30 - Fonte: Agência Brasil")."""
        if "under" not in self._lines:
            self._lines["under"] = self._lines_under_headline()
        return self._lines["under"]

    def _lines_under_headline(self) -> list[str]:
        head = self.headline_node()
        body = self.tree.body
        if head is None or body is None:
            return []
        lines: list[str] = []
        after = False
        # A long paragraph before the body's first is the standfirst, with the byline and date
        # often under it ("PTI | July 9, 2020 | Updated 08:24 IST"); one at or after it, the story.
        begun = self.body_start is None
        # A headline in a table cell is an old layout's, with the date line in the next row's cell
        # ("ऐश्ली कुटिन्हो / मुंबई September 29, 2020"); under other headlines a table is data (an infobox's dates).
        line_tags = _LINE_TAGS | {"td"} if any(parent.tag == "td" for parent in ancestors(head)) else _LINE_TAGS
        visited = walked = 0
        head_wrappers = {parent.mem_id for parent in ancestors(head)}
        for node in body.traverse():
            begun = begun or node.mem_id == self.body_start
            if not after:
                after = node.mem_id == head.mem_id
                continue
            walked += 1
            if walked > _MAX_NODES_WALKED_UNDER_HEADLINE:
                break
            if self._holds_no_date_line(node):
                continue  # share bars (one per screen size), ads, photos: not counted against the walk
            visited += 1
            if visited > _MAX_NODES_UNDER_HEADLINE or len(lines) >= _MAX_LINES_UNDER_HEADLINE:
                break
            in_lines = node.tag in line_tags
            if (not in_lines and node.tag not in _RUN_HOLDERS) or not self._own_beside(node, head_wrappers) or \
                    any(parent.mem_id == head.mem_id or parent.tag == "blockquote" for parent in ancestors(node)):
                continue  # the headline's own words, a quoted post's ("— M&S (@marksandspencer) November 1, 2023")
            # A container's text between its blocks, or one line of source, date and byline ("Le Monde
            # | 04.05.2015 à 13h36 • Mis à jour le … | Par Martin Untersinger (avec …)"): its elements
            # come next in the walk; the runs of text between them are lines of their own. (A
            # container's whole text, the story's perhaps, is not joined for that.)
            text = node_text(node) if in_lines else ""
            if node.tag == "p" and len(text) >= _STORY_PARAGRAPH_CHARS and begun:
                break  # the story has begun
            if not in_lines or len(text) > _MAX_DATE_LINE_CHARS:
                for run in _own_text_runs(node):
                    _add_date_line(lines, run)
                continue
            _add_date_line(lines, text)
        return lines

    def _own_beside(self, node: LexborNode, head_wrappers: set[int]) -> bool:
        """:meth:`own`, but for the wrappers ``node`` shares with the headline (the ids of its
        ancestors): the headline's own block ("singular-header" in a wrapper labelled promo) does
        not make the lines beside it another article's."""
        labels = self.labels
        for parent in ancestors(node):
            if parent.mem_id in head_wrappers:
                return True
            label = labels.get(parent.mem_id)
            if label is not None and label in _FOREIGN_LAYERS:
                return False
        return True

    def _holds_no_date_line(self, node: LexborNode) -> bool:
        """True for an element of a layer that never shows the article's date, or inside one:
        share tools, ads, photos and players, and words no reader sees (a hidden microformat:
        Wikipedia's "(1941-05-24)" birth date)."""
        own = self.labels.get(node.mem_id)
        return (own is not None and own in _NO_DATE_LINE_LAYERS) or \
            any(label in _NO_DATE_LINE_LAYERS for label in self.labels.enclosing(node))

    def lines_above_headline(self) -> list[str]:
        """The last few short texts before the headline, nearest first, outside the masthead
        and the site's layers: where a page shows its date as a kicker over the headline."""
        if "above" not in self._lines:
            self._lines["above"] = self._lines_above_headline()
        return self._lines["above"]

    def _lines_above_headline(self) -> list[str]:
        head = self.headline_node()
        body = self.tree.body
        if head is None or body is None:
            return []
        around = {parent.mem_id for parent in ancestors(head)}
        lines: list[str] = []
        for visited, node in enumerate(body.traverse()):
            if node.mem_id == head.mem_id:
                break
            if visited > _MAX_NODES_ABOVE_HEADLINE:
                return []  # a headline that far down is no page top's
            if node.tag not in _LINE_TAGS or node.mem_id in around or not self.own(node) or \
                    Layer.MASTHEAD in self.labels.enclosing(node):
                continue
            _add_date_line(lines, node_text(node))
        return lines[::-1][:_MAX_LINES_ABOVE_HEADLINE]

    def images(self, profile: Profile) -> Iterator[Image]:
        for node in self.layer_nodes(Layer.PHOTO):
            image = _image(node, profile)
            if image is not None:
                yield image


_JOINED_BEFORE = re.compile(r"(?:,|&|\band|\bet|\by|\bund|\be|\bwith|\bmit|\bcon)\s*$", re.I)
_JOINED_AFTER = re.compile(r"^\s*(?:,|&|\(|and\b|et\b|y\b|und\b|e\b|avec\b|with\b|mit\b|con\b)", re.I)


def _unmarked_coauthors(text: str, marked: list[str], profile: Profile) -> list[str]:
    """Names a byline joins to its linked ones without links of their own: "<a>Martin
    Untersinger</a> (avec Damien Leloup et Morgane Tual)", "Jane Doe and <a>John Roe</a>"."""
    first, last = text.find(marked[0]), text.rfind(marked[-1])
    if first < 0 or last < 0:
        return []
    before, after = text[:first], text[last + len(marked[-1]):]
    names: list[str] = []
    if _JOINED_BEFORE.search(before):
        names += split_byline(before, profile)
    if _JOINED_AFTER.match(after):  # read as the byline going on after the last name
        names += split_byline(after, profile, after=marked[-1])
    return names


def _is_tag_link(node: LexborNode) -> bool:
    """A link to a tag's or a category's page ("/blog/tag/personal-finance", rel="category tag"):
    a topic beside the byline, never its author."""
    if node.tag != "a":
        return False
    rel = (node.attrs.get("rel") or "").lower().split()
    path = urlsplit(node.attrs.get("href") or "").path
    return "tag" in rel or "category" in rel or _TAG_PATH.search(path) is not None or \
        _TAG_CLASS.search(node.attrs.get("class") or "") is not None


_TAG_PATH = re.compile(r"/(?:tags?|category|categories|topics?|labels?|keywords?)/", re.I)
# A link a class calls a tag: "tag-cloud__list-group-item" (TMZ's topics, "/people/prince/").
_TAG_CLASS = re.compile(r"(?:^|[\s_-])tag(?:s|-cloud|-list|-link|-item)?(?:$|[\s_])", re.I)


def _credited_for_other_work(node: LexborNode, profile: Profile) -> bool:
    """True when the words just before the element credit someone other than an author
    ("Fact-checked by", "Reviewed by", "Photo by"), in its parent or grandparent."""
    own = node_text(node)
    for block in _up(node, 2):
        around = node_text(block)
        if len(around) > 400 or not own:
            return False
        at = around.find(own)
        if at > 0:
            before = around[max(0, at - 40):at]
            return before_credits(before, profile) != before
    return False


# Folders of author pages besides /author(s)/ (which _AUTHOR_LINK reads first): a link into
# one names an author where nothing stronger does. Each is a word of _AUTHOR_FOLDERS.
_AUTHOR_PAGE_FOLDERS = ("autor", "auteur", "profile", "people", "staff", "editors", "writers", "contributors",
                        "journalists", "reporters")
# Elements that hold a byline's names without the markup the layer rules read.
_AUTHOR_ELEMENTS = (
    "[class*='author-name' i], [class*='author_name' i], [class*='authorname' i], [class*='byline-name' i], "
    # (a link in an element whose class says "author": not in one that only wraps the post,
    # :func:`_author_only_by_wrapper`, nor in Squarespace's post wrapper "authored-by-bluelily")
    "[class*='byline' i] a, [class*='author' i]:not([class*='authored' i]):not([class*='tweet' i]) a[href], "
    "a[rel~='author'], "
    "a[href*='/author/'], a[href*='/authors/'], "
    "[class*='author' i][class*='__name' i]:not([class*='comment' i]), "  # BEM: "elementor-author-box__name"
    "[class*='post-info__item--type-author' i], "  # Elementor's post-info widget, which gfm's wrappers label promo
    "[itemprop~='author'], "  # schema.org's byline, also where it stands in the article's own <footer>
    # An author box's heading is its name: in the pandoc forms "#### Ahmet Serhan" lost its class.
    + ", ".join(f"[class*='{box}' i] {h}" for box in ("author-box", "author_box", "authorbox")
                for h in ("h2", "h3", "h4", "h5", "h6")),
    "[class*='byline' i], [class*='author' i]:not([class*='bio' i]):not([class*='avatar' i])"
    ":not([class*='about' i]):not([class*='box' i]):not([class*='comment' i]):not([class*='tweet' i]), "
    "[rel~='author'], "
    + ", ".join(f"a[href*='/{folder}/']" for folder in _AUTHOR_PAGE_FOLDERS),
)
_MAX_AUTHOR_ELEMENT_CHARS = 120
_MAX_ADJACENT_AUTHORS = 10
# Short lines that can be a byline of running text, and how one starts.
_BYLINE_LINES = "p, span, em, strong, b, i, small, address, h4, h5, h6, div:not(:has(div, p, section, article, ul))"
_MAX_BYLINE_LINES = 300
# Past this many text holders (a page of hundreds of thousands of paragraphs) the byline lines
# are found by :func:`_first_matches`, not with a node made for every match: on other pages one
# query is ten times faster.
_MAX_HOLDERS_FOR_ONE_QUERY = 5_000
# "By Jane Doe", "by: Ziyi Xu", "ByDaryl Austin" (the label in its own element), "This post was written by …".
_BYLINE_LINE = re.compile(r"^\s*(?:(?:By|by|Von|Par|Por|Door|Di|Af|Av|Text|Texto|Written by|Reporting by|Article by|"
                          r"Posted by)\s*:?\s+|(?:By|Written by)(?=[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-ÿ])"
                          r"|This (?:post|article|story|piece) was written by\s+)[A-ZÀ-ÖØ-ÞĀ-Ž]")
_BYLINE_LABEL = re.compile(r"^\s*(?:By|Written by|Article by|Posted by)\s*:?\s*$", re.I)  # a label in its own element
_MAX_LABELLED_LINE_CHARS = 60
_CONTROL_TAGS = frozenset({"a", "button", "option"})  # "Authors" on a tab or a menu item labels no names
_DATE_IN_LINE = re.compile(r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?!\d)|"
                           r"\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                           r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4})", re.I)
# A line that starts with its date and goes on with the byline: "October 11, 2023 by Autumn Huerter",
# "Posted on March 3, 2019 by admin" (WordPress's entry meta, its spans gone in a pandoc form).
_DATED_LINE = re.compile(r"^\s*(?:(?:posted|published)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                         rf"(?:{_DATE_IN_LINE.pattern})(?:,?\s+\d{{4}})?\s*[|·•,–-]?\s*", re.I)
# A post's meta line: its date (with its year and time), and what else such lines say.
_META_DATE = re.compile(rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_DATE_IN_LINE.pattern})(?:st|nd|rd|th)?"
                        r"(?:,?\s+\d{4}\b)?(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
                        r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}時\d{1,2}分)?", re.I)
_META_NOISE = re.compile(r"\b\d+\s*-?\s*(?:min(?:ute)?s?\.?|words?)(?:\s+read)?\b|"
                         r"\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.I)
_META_SEPARATOR = re.compile(r"\s*(?:[|·•⋅—–]|\s-\s)\s*")
_META_WORDS = re.compile(r"(?:(?:last\s+)?(?:updated?|published|posted|modified)(?:\s+on)?|on|at|by|read|share|"
                         r"comments?|\d+|掲載|公開|更新|最終更新日|更新日|公開日|掲載日|発行|発表|投稿|配信|入力|수정|등록|发布|"
                         r"发布时间|更新时间|日期)?", re.I)
_META_BY = re.compile(r"^(?:by|von|par|por|door|di)\s+", re.I)
_META_CATEGORY = re.compile(r"\s+in\s+[A-Z][\w&' -]*$")  # "Mahua Das in Project Management"
_LETTER = re.compile(r"[^\W\d_]")
_MAX_META_LINES = 6  # the first lines under the headline
_MAX_META_LINE_CHARS = 90

_WRITTEN_BY_SENTENCE = re.compile(r"^\s*This (?:post|article|story|piece) was written by\s", re.I)
_ARTICLE_BY = re.compile(r"^\s*Article by\b\s*:?", re.I)


_TRACKING = re.compile(r"^(?:utm_\w+|cmp|soc_src|soc_trk|ocid|fbclid|ref|src)$", re.I)


def _without_tracking(address: str) -> str:
    """A shared address less the query parameters that say where it was shared from."""
    parts = urlsplit(address)
    if not parts.query:
        return address
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _shown_date(text: str, profile: Profile,
                language: str | None = None) -> tuple[dt.date | dt.datetime, int] | None:
    """The date inside a visible text ("April 5, 2018" of "April 5, 2018 | 6:00 PM") and where
    it ends (the words up to there can label it "Published" or "Updated"). A short text in no
    format of the profile is read in the page's language ("Publié le 29 juin 2019", "15 Dec,
    2025", "06/10/2020"); failing that, a line's numeric date that reads only one way, in any
    language (:func:`~newsclean.dates.numeric_date_in`: "22:57 GMT 28.04.2020(updated …")."""
    pattern = profile.date_in_text
    if pattern is None:
        parsed, start = parse_date(text), len(text)
    else:
        found = profile.search_date(text)
        parsed, start = (parse_date(found.group(0)), found.end()) if found is not None else (None, 0)
        if found is None:
            parsed, start = parse_shown_date(text, language), len(text)
            if parsed is None:
                parsed, start = numeric_date_in(text) or (None, 0)
        if found is not None and parsed is not None:
            timed = parse_date(text[found.start():found.end() + 20].split("|")[0])  # "… at 6:09 p.m."
            if isinstance(timed, dt.datetime) and timed.date() == _day_of(parsed):
                parsed = timed
    return (parsed, start) if parsed is not None else None


_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published|original|originally|publié|publicado|publicada|"
                              r"pubblicato|veröffentlicht|erschienen|gepubliceerd|opublikowano|publikacja)\b|입력|発行|发布",
                              re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|last updated|modified|revised|reviewed|aktualisiert|mis à jour|"
                            r"actualizado|actualizada|aggiornato|bijgewerkt|zaktualizowano)\b|수정|更新", re.I)


_UPDATED_RANK = 2
# A line that labels the date after it as the publication's, anywhere in the page's own text
# (searched line by line: no part of it reaches over a line's end).
# ("Story published on Oct 5, 2022." under a post, "Originally published at …", "First published")
_LABELLED_DATE = re.compile(r"^[^\w\n]*((?:(?:story|article|post|originally|first)[ \t]+)?(?:published|posted)|"
                            r"erstellt am|veröffentlicht(?: am)?|publiziert(?: am)?|"
                            r"erschienen(?: am)?|publié(?: le)?|publicado(?: el| em)?|publicada(?: el| em)?|"
                            r"pubblicato(?: il)?|gepubliceerd(?: op)?|opublikowano|datum|date|fecha)\b(?:[ \t]+on\b)?[ \t:|*]*(?=\S|$)",
                            re.I | re.M)
_WEAK_DATE_LABELS = frozenset({"datum", "date", "fecha"})  # also an event's or a document's date
_LABELLED_DATE_TAGS = "p, div, span, li, td, dd, small, em, strong, b, i, time, h2, h3, h4, h5, h6, footer, header"
_MAX_LABELLED_DATE_LINE = 80
_MAX_LABELLED_DATE_NODES = 5_000
_MAX_LABELLED_DATE_SEARCH = 1_000_000


def _date_rank(label: str) -> int:
    """0 for a date labelled as the publication's, 1 unlabelled, 2 labelled as an update."""
    if _PUBLISHED_LABEL.search(label):
        return 0
    return 2 if _UPDATED_LABEL.search(label) else 1


def _label_before(node: LexborNode) -> str:
    """The words just before a dateline inside its parent ("Updated:" in
    ``<span>Updated:</span> <time>…</time>``), at most a few."""
    parent = node.parent
    if parent is None:
        return ""
    own, around = node_text(node), node_text(parent)
    if len(around) > 400 or not own:
        return ""
    at = around.find(own)
    return around[max(0, at - 30):at] if at > 0 else ""


def _add_date_line(lines: list[str], text: str) -> None:
    """Add a text short enough to be a date line, unless it was read already (a wrapper and
    its only child give one line; a share bar comes once per screen size) or holds no letter
    or digit (a "/" or "|" between a kicker's parts: "November 28, 2025 / Living Healthy / Wellness")."""
    if text and len(text) <= _MAX_DATE_LINE_CHARS and text not in lines and _ALNUM.search(text):
        lines.append(text)


_NOT_A_NAME_LINE = frozenset({"a", "button", "label", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "th"})
_MAX_SIBLINGS_AFTER_HEADLINE = 20


def _first_text_after(node: LexborNode) -> LexborNode | None:
    """The first text node with words after ``node`` (outside it) in document order, looked for
    in a few following siblings of it and of its ancestors."""
    current: LexborNode | None = node
    while current is not None:
        sibling, seen = current.next, 0
        while sibling is not None and seen < _MAX_SIBLINGS_AFTER_HEADLINE:
            seen += 1
            if sibling.is_text_node:
                if (sibling.text_content or "").strip():
                    return sibling
            elif sibling.is_element_node and sibling.tag not in _SKIPPED_FOR_TEXT:
                for inner in sibling.traverse(include_text=True):
                    if inner.is_text_node and (inner.text_content or "").strip() and \
                            inner.parent is not None and inner.parent.tag not in _SKIPPED_FOR_TEXT:
                        return inner
            sibling = sibling.next
        current = current.parent
        if current is None or current.tag == "body":
            return None
    return None


_SKIPPED_FOR_TEXT = frozenset({"script", "style", "noscript", "template"})


def _in_a_ticker(node: LexborNode) -> bool:
    """True for an element of a news ticker, or inside one ("mh-ticker-item-date" under the
    masthead: other stories' headlines and days, one after another)."""
    return any("ticker" in (element.attributes.get("class") or "").lower()
               for element in (node, *_up(node, _TICKER_LEVELS)))


_TICKER_LEVELS = 4


def _own_text_runs(node: LexborNode) -> list[str]:
    """The texts of ``node``'s own text children (not its elements'), each collapsed."""
    runs = []
    child = node.child
    while child is not None:
        if child.is_text_node and (text := collapse(child.text_content or "")):
            runs.append(text)
        child = child.next
    return runs


def _next_element(node: LexborNode) -> LexborNode | None:
    """The element after ``node`` among its siblings that shows text, if any."""
    sibling = node.next
    while sibling is not None:
        if sibling.is_element_node and node_text(sibling):
            return sibling
        if sibling.is_text_node and (sibling.text_content or "").strip():
            return None  # text of the same line follows: the label is not alone
        sibling = sibling.next
    return None


def _near(node: LexborNode, anchor: LexborNode) -> bool:
    """True when ``node`` sits in the same small block as ``anchor`` (its parent or grandparent)."""
    block = anchor.parent
    for _ in range(2):
        if block is None:
            return False
        if any(parent.mem_id == block.mem_id for parent in _up(node, 3)):
            return True
        block = block.parent
    return False


def _signs_another_text(node: LexborNode, previous: LexborNode) -> bool:
    """A dated byline after the article's that signs a text of its own: a comment's or a
    reply's ("Posted by: Reed Hedges | Apr 6, 2007 1:11:01 PM" under each comment of a TypePad
    or Movable Type blog, after the post's own "Posted by Kathy on April 6, 2007"). Text stands
    between it and the ``previous`` byline read (the comment it closes), or its own block (the
    largest that holds it and not ``previous``) holds text beside it (the comment it opens). A
    co-author's byline beside the first has neither, and no date of its own."""
    text = node.text(deep=True)
    if not states_a_year(text):
        return False
    around_previous = {parent.mem_id for parent in ancestors(previous)}
    block, common = node, None
    for parent in ancestors(node):
        if parent.mem_id in around_previous:
            common = parent
            break
        block = parent
    if common is None or len(collapse(block.text(deep=True))) - len(collapse(text)) >= _SIGNED_TEXT_CHARS:
        return True
    whole, before = common.text(deep=True), previous.text(deep=True)
    start = whole.find(before)
    end = whole.find(text, start + len(before)) if start >= 0 else -1
    return end < 0 or len(collapse(whole[start + len(before):end])) >= _SIGNED_TEXT_CHARS


_SIGNED_TEXT_CHARS = 20


def _first_matches(scope: LexborNode, selector: str, limit: int) -> list[LexborNode]:
    """``scope.css(selector)[:limit]`` without a node made for every match of a long page (on a
    page of usual size the query itself is about ten times faster), for
    a selector no element matches twice (lexbor lists an element once per selector of a list
    that it matches): lexbor finds the first match in what is left (``css_first`` stops there),
    and the search goes on after it, in document order. What is left is a stack of runs of
    siblings, each with their subtrees. Past :data:`_FIRST_MATCHES_STEPS` steps per wanted
    match (matches far apart), the whole query instead."""
    found: list[LexborNode] = []
    runs: list[tuple[LexborNode, bool]] = [(scope, False)]  # (first node, its next siblings too)
    steps = _FIRST_MATCHES_STEPS * limit
    while runs and len(found) < limit:
        steps -= 1
        if steps < 0:
            return scope.css(selector)[:limit]
        node, siblings = runs.pop()
        if siblings and (following := _next_element_sibling(node)) is not None:
            runs.append((following, True))
        first = node.css_first(selector)
        if first is None:
            continue
        found.append(first)
        chain = []  # from the match up to the node's child: what follows each of them comes next
        current = first
        while current.mem_id != node.mem_id:
            chain.append(current)
            current = current.parent
        for element in reversed(chain):
            if (following := _next_element_sibling(element)) is not None:
                runs.append((following, True))
        if (child := _first_element_child(first)) is not None:
            runs.append((child, True))
    return found


_FIRST_MATCHES_STEPS = 4


def _next_element_sibling(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling


def _first_element_child(node: LexborNode) -> LexborNode | None:
    child = node.first_child
    while child is not None and not child.is_element_node:
        child = child.next
    return child


def _marked_names(node: LexborNode, profile: Profile) -> list[str]:
    """The texts of the elements inside ``node`` that its markup gives as names (the profile's
    ``byline_names``: itemprop=name, links to author pages), raw."""
    return [collapse(n.text(deep=True, separator=" ")) for s in profile.byline_names for n in node.css(s)]


# A link that is an author's by its own markup, wherever it stands.
_AUTHOR_LINK = "a[rel~='author'], a[href*='/author/'], a[href*='/authors/'], [class*='byline' i] a, [itemprop~='author'] a"


def _marked_author_link(node: LexborNode) -> bool:
    """A link whose own markup makes it an author's (rel=author, an /author/ address, a byline
    wrapper, a class that says "author"), not only the folder it points into or a wrapper."""
    return "author" in (node.attrs.get("class") or "").lower() or node.css_matches(_AUTHOR_LINK)


def _topic_link_in_a_sentence(node: LexborNode) -> bool:
    """A link that would name an author only by the folder it points into ("/people/prince/",
    "/contributors/…"), set in a paragraph of running text: the story's own words ("Prince was
    married when he died …", TMZ's pages on celebrities), not a byline."""
    if node.tag != "a" or _marked_author_link(node):
        return False
    block = next((parent for parent in ancestors(node) if parent.tag in BLOCK_TAGS), None)
    return block is not None and block.tag == "p" and len(node_text(block)) > _MAX_AUTHOR_ELEMENT_CHARS


def _links_to_an_index(node: LexborNode) -> bool:
    """A link to the folder of the site's author pages itself, not to one of them: ABC News's
    footer "Authors List" (/author/), Forbes's section menus' "People" (/logistics/people/)."""
    if node.tag != "a":
        return False
    path = urlsplit(node.attrs.get("href") or "").path
    folder = _AUTHOR_FOLDER.search(path)  # the first: Wix writes "/profile/leonardo/profile"
    return folder is not None and not path[folder.end():].strip("/")


# The folders a site keeps its author pages in ("/author/jane-doe", "/people/…", "/autor/…").
_AUTHOR_FOLDERS = (r"(?:author|editor|autor|auteur|profile|people|staff|by|journalist|writer|reporter|contributor|"
                   r"redakteur)s?")
_AUTHOR_FOLDER = re.compile(rf"/{_AUTHOR_FOLDERS}(?:/|$)", re.IGNORECASE)


def _author_only_by_wrapper(node: LexborNode, profile: Profile) -> bool:
    """A link that counts as an author's only because an ancestor's class says "author", where
    that ancestor is no author element: it wraps the whole article (it holds the headline:
    WordPress's modifier class "a-article-author-ruler", whose first links are the
    breadcrumb's, "Home"), it is ``<body>`` ("s-author-admin"), or it names the post's author
    among the post container's categories (WordPress's "hentry category-news author-matt",
    TypePad's "entry entry-author-david_meerman_scott"): every link of the post would be one."""
    if node.tag != "a" or _marked_author_link(node):
        return False
    for parent in ancestors(node):
        names = (parent.attrs.get("class") or "").lower()
        if "author" in names:
            return parent.tag in ("body", "html") or parent.css_first("h1") is not None \
                or "author" not in without_taxonomy(names, profile.names_ignored_patterns)
    return False


_MIN_CARD_BYLINES = 2  # one byline under a subheading may be the article's; two are cards'
_CARD_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _in_a_card(node: LexborNode) -> bool:
    """The byline sits in an element a class names a card ("w-display-card-details",
    "post-card__meta"): another story's teaser, not the article (an "author-card" is the
    article's own author box)."""
    for level, parent in enumerate(ancestors(node)):
        if level >= _CARD_LEVELS:
            return False
        style = parent.attributes.get("class") or ""
        if _CARD_CLASS.search(style):
            return "author" not in style.lower()
    return False


_CARD_CLASS = re.compile(r"(?:^|[\s_-])cards?(?:$|[\s_-])", re.I)
_CARD_LEVELS = 6


def _under_a_card_heading(node: LexborNode) -> bool:
    """The byline, or one of its two nearest wrappers, comes right after an h2–h6: a story
    card's title over its byline."""
    for _ in range(3):
        sibling = node.prev
        while sibling is not None and not sibling.is_element_node:
            if (sibling.text_content or "").strip():
                break
            sibling = sibling.prev
        if sibling is not None and sibling.is_element_node:
            return sibling.tag in _CARD_HEADINGS
        node = node.parent
        if node is None:
            return False
    return False


def _sorted_into(nodes: list[LexborNode], scopes: Sequence[LexborNode]) -> list[list[LexborNode]]:
    """Per scope, in document order, the nodes that are the scope or inside it."""
    ids = [scope.mem_id for scope in scopes]
    found: list[list[LexborNode]] = [[] for _ in scopes]
    for node in nodes:
        around = {node.mem_id, *(parent.mem_id for parent in ancestors(node))}
        for index, scope_id in enumerate(ids):
            if scope_id in around:
                found[index].append(node)
    return found


def _up(node: LexborNode, levels: int) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None and levels > 0:
        yield parent
        parent = parent.parent
        levels -= 1


def _image(node: LexborNode, profile: Profile) -> Image | None:
    """The photo's URL, caption and credit; the caption never includes the credit."""
    img = node.css_first("img")
    url = _image_url(img) if img is not None else None
    url = url or node.attrs.get("itemid") or _child_attr(node, "[itemid]", "itemid")
    credit_node = _first_match(node, profile.credit)
    credit_text = node_text(credit_node) if credit_node is not None else ""
    caption_node = _first_match(node, profile.caption) or node
    caption_text = node_text(caption_node)
    if credit_text and credit_text in caption_text:
        caption_text = collapse(caption_text.replace(credit_text, " "))
    caption = _strip_prefixes(caption_text, profile.caption_prefixes)
    credit = _strip_prefixes(credit_text, profile.credit_prefixes)
    if not credit and caption:  # "Whale expert Hori Parata. Photograph: Adrian Malloch"
        caption, credit = _split_credit(caption, profile)
    if not (url or caption or credit):
        return None
    return Image(url=url or None, caption=caption or None, credit=credit or None)


def _split_credit(caption: str, profile: Profile) -> tuple[str, str]:
    """A credit written at the end of the caption, after a label such as "Photograph:"."""
    labels = [p for p in profile.credit_prefixes if p.rstrip().endswith(":")]
    if labels:
        pattern = "|".join(re.escape(label.rstrip(" :")) for label in labels)
        match = re.search(rf"[.\s]*\b(?:{pattern})\s*:\s*(\S.*)$", caption)
        if match and match.start() > 0:
            return caption[:match.start()].strip(), match.group(1).strip()
    return caption, ""


def _first_match(node: LexborNode, selectors: Iterable[str]) -> LexborNode | None:
    return next((found for s in selectors if (found := node.css_first(s)) is not None), None)


def _image_url(img: LexborNode) -> str | None:
    attrs = img.attrs
    for key in ("src", "data-src", "data-original", "data-lazy-src"):
        value = (attrs.get(key) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (attrs.get("srcset") or attrs.get("data-srcset") or "").strip()
    return srcset.split(",")[0].split()[0] if srcset else None


def _child_attr(node: LexborNode, selector: str, attr: str) -> str | None:
    child = node.css_first(selector)
    return child.attrs.get(attr) if child is not None else None


def _strip_prefixes(text: str, prefixes: Iterable[str]) -> str:
    """Drop leading labels such as "Credit..." (repeated ones too) from a credit line."""
    changed = True
    while changed and text:
        changed = False
        for prefix in prefixes:
            if text.lower().startswith(prefix.lower()):
                text = text[len(prefix):].lstrip(" .…:")
                changed = True
    return text.strip()


# --- fields -------------------------------------------------------------------------------

def _first(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)


_LINE_TAGS = frozenset({"p", "div", "span", "time", "small", "li", "h2", "h3", "h4", "h5", "h6", "em", "strong",
                        "b", "i", "a", "dd", "address", "font"})
_MAX_NODES_UNDER_HEADLINE = 60
# Containers whose own text between their blocks may be a date line ("<fieldset><legend>Title</legend>
# 20 December 2025 <div class="body">…"): read for those runs only.
_RUN_HOLDERS = frozenset({"fieldset", "section", "article", "main", "header", "center"})
_MAX_NODES_WALKED_UNDER_HEADLINE = 2_000  # those of the layers below included
_NO_DATE_LINE_LAYERS = frozenset({Layer.SHARE, Layer.AD, Layer.PHOTO, Layer.GALLERY, Layer.MEDIA_PLAYER,
                                  Layer.HIDDEN, Layer.CHROME})
_MAX_LINES_UNDER_HEADLINE = 15
_MAX_LINES_ABOVE_HEADLINE = 3
_MAX_NODES_ABOVE_HEADLINE = 20_000
_STORY_PARAGRAPH_CHARS = 200
_MAX_DATE_LINE_CHARS = 120
_ALNUM = re.compile(r"[^\W_]")


def _title(tree: LexborHTMLParser, dom: _LabelledDom, profile: Profile, head: _HeadTags,
           ld: Mapping[str, Any], site_names: Sequence[str], *, page_url: str | None,
           body_start: int | None = None) -> tuple[str | None, str]:
    """The headline as readers see it, and where it was read. The visible headline when a
    declared title (JSON-LD, OpenGraph, Twitter, ``<title>``) agrees with it; a declared
    title, less its site-name part, when none is visible or they disagree; never the
    site's name from a logo ``<h1>`` (one that names the site, or links to the home page or
    a section front above ``page_url``), never a placeholder no other title agrees with."""
    title_tag = tree.css_first("title")
    raw = [(value, origin) for value, origin in (
        (_ld_str(ld, "headline"), "json-ld"), (head.first("og:title"), "og:title"),
        (head.first("twitter:title"), "twitter:title"), (head.first("hdl"), "meta"),
        (node_text(title_tag) if title_tag is not None else None, "title")) if value and value.strip()]
    declared = _uncut([(_without_site_part(value, site_names), origin) for value, origin in raw])
    visible = dom.headline(page_url)
    headings = dom.headings(page_url)
    if visible and _is_site_title(visible, site_names, raw, headings):
        visible = None  # a logo <h1>
    if visible and profile.prefer_visible_title:
        return visible, "h1"
    consensus = _consensus(declared, headings)
    if consensus is None:  # nothing declared (the pandoc forms have no <head>)
        return _undeclared_title(tree, dom, visible, headings, site_names, page_url=page_url, body_start=body_start)
    if visible and _agree(visible, consensus[0]):
        return visible, "h1"
    shown = next((h for h in headings if _states(h, consensus[0], [t for t, _ in raw])
                  and not _is_site_title(h, site_names, raw, headings)), None)
    return (shown, "heading") if shown else consensus


def _undeclared_title(tree: LexborHTMLParser, dom: _LabelledDom, visible: str | None, headings: list[str],
                      site_names: Sequence[str], *, page_url: str | None,
                      body_start: int | None) -> tuple[str | None, str]:
    """The title of a page that declares none: the last of several ``h1`` under a banner
    ``h1``, else the labelled headline, else the first ``h1`` outside other articles' layers,
    else the first own ``h2``/``h3`` that is more than a date; never a logo."""
    h1s = [node for node in dom.own_h1s(in_wrappers=True)
           if (text := node_text(node)) and len(text) <= _MAX_TITLE_CHARS
           and not _is_site_title(text, site_names, [], headings) and not _links_up(node, page_url)]
    shown = _h1_under_banner(tree, h1s, body_start) or visible or (node_text(h1s[0]) if h1s else None)
    if shown:
        return shown, "h1"
    shown = next((h for h in headings if not _is_site_title(h, site_names, [], headings)
                  and not is_only_a_date(h)), None)
    return (shown, "heading") if shown else (None, "")


# "The Blog", "Perspectives", "browse by Category": a section's or blog's name. On the metaset's
# gfm forms, a bound of 4 words loses no page; without one, 3 pages whose first h1 is the headline.
_MAX_BANNER_WORDS = 4


def _h1_under_banner(tree: LexborHTMLParser, h1s: list[LexborNode], body_start: int | None) -> str | None:
    """A page with several ``h1`` above its body's first paragraph, the first a short banner
    (a section's or blog's name) and the last longer: the last, the article's own headline
    nearest its text ("<h1>The Blog</h1> … <h1>Catering 101: Catering Tips…</h1>")."""
    above = _above(tree, h1s, body_start) if len(h1s) >= 2 else []  # one h1: no walk
    if len(above) < 2:
        return None
    banner, nearest = node_text(above[0]), node_text(above[-1])
    banner_words = len(_title_words(banner))
    return nearest if banner_words <= _MAX_BANNER_WORDS and len(_title_words(nearest)) > banner_words else None


def _above(tree: LexborHTMLParser, nodes: list[LexborNode], body_start: int | None) -> list[LexborNode]:
    """Those of ``nodes`` that come before the element whose id is ``body_start``, in document
    order (none without it): one walk, asked only on a page that declares no title."""
    if body_start is None or tree.body is None:
        return []
    wanted = {node.mem_id: node for node in nodes}
    found = []
    for node in tree.body.traverse():
        if node.mem_id == body_start:
            return found
        if node.mem_id in wanted:
            found.append(wanted[node.mem_id])
    return []


_MAX_LINK_LEVELS = 2  # <a><div><h1>: a logo's link that wraps its heading sits just above it


def _links_up(heading: LexborNode, page_url: str | None) -> bool:
    """The heading is a link, whole, to the site's home page or to a section front above the
    page: a logo or banner ("<h1><a href="/">The Go Blog</a></h1>" over /blog/defer-…),
    never the article's own headline, which links to itself when it links at all."""
    link = next((node for node in _up(heading, _MAX_LINK_LEVELS) if node.tag == "a"), None)
    if link is None:
        link = heading.css_first("a[href]")
        if link is None or collapse(link.text(deep=True)) != node_text(heading):
            return False
    href = (link.attrs.get("href") or "").strip()
    return bool(href) and _leads_up(href, page_url)


def _leads_up(href: str, page_url: str | None) -> bool:
    """``href`` is the home page of ``page_url``'s site or a folder above the page ("/",
    "https://blog.example.org/", "/news/business/" over /news/business/article1.html);
    without a page address only "/" can be told."""
    if page_url is None:
        return href == "/"
    target, page = urlsplit(urljoin(page_url, href)), urlsplit(page_url)
    if target.scheme not in ("http", "https") or _host_key(target.netloc) != _host_key(page.netloc):
        return False
    folder, path = target.path.rstrip("/"), page.path.rstrip("/")
    return folder != path and path.startswith(folder + "/")


def _host_key(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def _uncut(declared: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The declared titles, one cut short in mid-sentence replaced by the whole one another
    declares: Yoast cuts its JSON-LD headline at 110 characters ("… Find Solutions (Including"
    where og:title and <title> go on "One Universal Trick …"), others end it with "…". A title
    that another goes on from after a separator ("Headline: a dek") is whole."""
    whole = [title for title, _ in declared]
    out = []
    for title, origin in declared:
        start = title.rstrip(".… ")
        if len(start) < _MIN_CUT_TITLE_CHARS:
            out.append((title, origin))
            continue
        longer = max((other for other in whole if len(other) > len(start) and other.startswith(start)
                      and _CONTINUES_MID_SENTENCE.match(other, len(start))), key=len, default=None)
        out.append((longer, origin) if longer is not None else (title, origin))
    return out


_MIN_CUT_TITLE_CHARS = 40  # a short title that starts a longer one is the headline, the rest a dek
_CONTINUES_MID_SENTENCE = re.compile(r"[^\W\d_]|\s+[^\W_]")  # a word going on, or the next word: no separator


def _consensus(declared: list[tuple[str, str]], headings: list[str]) -> tuple[str, str] | None:
    """The declared title the others agree with most (a placeholder such as "Sample menus"
    or a section name in og:title has no support); ties go to the first declared."""
    best, best_support = None, -1
    for index, (title, origin) in enumerate(declared):
        support = sum(1 for other, _ in declared[:index] + declared[index + 1:]
                      if _agree(other, title) or _agree(title, other))
        support += any(_agree(h, title) for h in headings)
        if support > best_support:
            best, best_support = (title, origin), support
    return best


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·»«/-]|::|-{2})\s+")
_MAX_SECTION_PART_WORDS = 3


def _without_site_part(title: str, site_names: Sequence[str]) -> str:
    """"Headline | Site", "Site - Headline", "Headline - Section": the headline part."""
    title = collapse(title)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        while len(parts) > 1 and _names_site(parts[-1], site_names):
            parts.pop()
        while len(parts) > 1 and _names_site(parts[0], site_names):
            parts.pop(0)
        if len(parts) == 2 and len(parts[1].split()) <= _MAX_SECTION_PART_WORDS < len(parts[0].split()) \
                and not re.search(r"[!?]", parts[1]):
            parts.pop()  # " - Calcio": a section or site word the page did not declare (not "-- STOLEN!!!")
        return collapse(" - ".join(parts)) if len(parts) > 1 else parts[0]
    prefix, colon, rest = title.partition(": ")  # TypePad's "Blog Name: Post title"
    if colon and rest and _names_site(prefix, site_names):
        return rest
    return title


def _names_site(part: str, site_names: Sequence[str]) -> bool:
    key = _title_key(part)
    if not key:
        return False
    for site in site_names:
        site_key = _title_key(site)
        if site_key and (key == site_key or (len(site_key) >= 4 and site_key in key and len(key) <= 3 * len(site_key))):
            return True
    return False


def _title_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _is_site_title(visible: str, site_names: Sequence[str], declared: list[tuple[str, str]],
                   headings: list[str]) -> bool:
    """The visible "headline" is the site's name: a declared name, or the part a declared
    title adds to a headline the page shows in another heading ("Antoyo's Blog" of
    "Progress Report #39 | Antoyo's Blog", whose first part is the post's h2)."""
    if _names_site(visible, site_names):
        return True
    key = _title_key(visible)
    for title, _ in declared:
        parts = _TITLE_SEPARATOR.split(collapse(title))
        if len(parts) < 2:
            continue
        for end, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
            if key == _title_key(end) and any(_agree(h, " ".join(rest)) for h in headings if _title_key(h) != key):
                return True
    return False


_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # Thai, kana, CJK, Hangul


def _title_words(text: str) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    if not _spaced(text):  # scripts written without spaces between words: characters
        return {ch for w in words for ch in w}
    return set(words)


def _agree(shown: str, declared: str, *, loose: bool = True) -> bool:
    """A heading that states the declared title: nearly all its words are in it and it is
    not a small part of it (a logo "The Go Blog" against "Defer, Panic, and Recover - The Go
    Programming Language" is not); or, in a spaced script, a rewording that shares three
    content words and a third of its own ("Fred Willard Describes Incident Related to Lewd
    Conduct Arrest…" against "Fred Willard on 'Lewd Conduct' Charge")."""
    ws, wd = _title_words(shown), _title_words(declared)
    if not (ws and wd):
        return False
    shared = ws & wd
    if len(shared) >= 0.8 * len(ws) and len(ws) >= 0.4 * len(wd):
        return True
    content = {w for w in shared if len(w) >= 4 and not w.isdigit()}
    return loose and _spaced(shown) and len(content) >= 3 and len(content) >= 0.3 * len(ws)


def _states(heading: str, title: str, raw_titles: list[str]) -> bool:
    """A heading that is the declared title: most of its words, or exactly one of the parts a
    declared title joins with " - " or " | " ("Defer, Panic, and Recover" of "Defer, Panic,
    and Recover - The Go Programming Language")."""
    if not _agree(heading, title, loose=False):
        return False
    wh, wt = _title_words(heading), _title_words(title)
    if len(wh) >= 0.6 * len(wt):
        return True
    key = _title_key(heading)
    return any(key == _title_key(part) for raw in raw_titles for part in _TITLE_SEPARATOR.split(collapse(raw)))


def _spaced(text: str) -> bool:
    return _UNSPACED_SCRIPT.search(text) is None


def _authors(dom: _LabelledDom, profile: Profile, head: _HeadTags, ld: Mapping[str, Any],
             lds: list[dict[str, Any]], site_names: Sequence[str]) -> AuthorCandidates:
    """Every author: the visible byline's names weighed against the declared ones
    (:func:`newsclean.authors.choose_authors` states the rule)."""
    # A WebPage's author when no Article states one (Yoast's graph puts it there).
    ld_page = {} if ld.get("author") else next((item for item in lds if item.get("author")), {})
    ld_page = _resolve_ld_refs(ld_page, lds) if ld_page else {}
    visible = AuthorCandidates(tuple(dom.byline_names(profile)), "byline")
    if not visible.names:
        visible = AuthorCandidates(tuple(dom.author_element_names(profile)), "author element")
    declared = (
        AuthorCandidates(tuple(dom.byline_attr_names(profile)), "byline"),
        AuthorCandidates(tuple(clean_names(_ld_author_names(ld), profile, visible=False)), "json-ld"),
        AuthorCandidates(tuple(clean_names(_ld_author_names(ld_page), profile, visible=False)), "json-ld"),
        AuthorCandidates(tuple(clean_names(head.all(*_AUTHOR_METAS), profile, visible=False)), "meta"),
        AuthorCandidates(tuple(clean_names(_labelled_author_metas(head), profile, visible=False)), "meta"),
        AuthorCandidates(tuple(_names_in_author_urls(head.all(*_AUTHOR_METAS) + _ld_author_urls(ld))), "author url"),
        AuthorCandidates(tuple(clean_names(_ld_author_names(ld, organisations=True)
                                           + _ld_author_names(ld_page, organisations=True), profile, visible=False)),
                         "json-ld organisation"),
    )
    chosen = choose_authors(visible, declared, site_names, news=_is_news(ld, head))
    if not chosen.names:  # nothing else names anyone: a name standing alone under the headline
        alone = AuthorCandidates(tuple(dom.name_under_headline(profile)), "author element")
        if alone.names:
            chosen = choose_authors(alone, declared, site_names, news=_is_news(ld, head))
    return chosen


_NEWS_TYPES = frozenset({"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                         "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting"})


def _is_news(ld: Mapping[str, Any], head: _HeadTags) -> bool:
    """A news organisation's article (JSON-LD NewsArticle, or news_keywords/Google News tags)."""
    types = ld.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(t in _NEWS_TYPES for t in types if isinstance(t, str)) or bool(head.all("news_keywords", "original-source"))


_AUTHOR_SLUG = re.compile(rf"/{_AUTHOR_FOLDERS}/([a-z]+(?:-[a-z]+){{1,3}})/?$")


def _names_in_author_urls(values: list[str]) -> list[str]:
    """"https://www.engadget.com/editors/jon-fingas" → "Jon Fingas": the name an author page's
    address spells, when that address is all the page gives."""
    names = []
    for value in values:
        found = _AUTHOR_SLUG.search(urlsplit(value.strip()).path.lower()) if value.startswith(("http", "/")) else None
        if found and not is_cms_account(found.group(1).split("-")[0]):  # "/author/webmaster-author/"
            names.append(" ".join(part.capitalize() for part in found.group(1).split("-")))
    return names


def _ld_author_urls(ld: Mapping[str, Any]) -> list[str]:
    authors = ld.get("author") or []
    return [a["url"] for a in (authors if isinstance(authors, list) else [authors])
            if isinstance(a, dict) and isinstance(a.get("url"), str)]


_AUTHOR_METAS = ("author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author",
                 "sailthru.author", "citation_author", "twitter:data1:author")


def _labelled_author_metas(head: _HeadTags) -> list[str]:
    """The author a share card states as a labelled pair: Yoast's ``twitter:label1`` "Written
    by" with ``twitter:data1`` "Jane Doe" (in the site's language: "Verfasst von", "Escrito por")."""
    names = []
    for index in range(1, 4):
        label, data = head.first(f"twitter:label{index}"), head.first(f"twitter:data{index}")
        if label and data and _AUTHOR_LABEL.fullmatch(label.strip(" :")):
            names.append(data)
    return names


_AUTHOR_LABEL = re.compile(r"written by|author|by|verfasst von|geschrieben von|autor|autorin|escrito por|écrit par|"
                           r"auteur|scritto da|autore|geschreven door|napisane przez|skrevet af|skrevet av|"
                           r"skrivet av|автор|作者|著者", re.I)


def _site_names(tree: LexborHTMLParser, head: _HeadTags, ld: Mapping[str, Any], profile: Profile,
                page_url: str | None) -> list[str]:
    """The publication's names: og:site_name, the JSON-LD publisher, the host's own labels."""
    names = head.all("og:site_name", "application-name", "twitter:site")
    publisher = ld.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.append(publisher["name"])
    if profile.site_name:
        names.append(profile.site_name)
    host = urlsplit(page_url or "").hostname or ""
    names += [label for label in host.split(".")[:-1] if label not in _HOST_WORDS]
    return [n.lstrip("@") for n in names if n]


_HOST_WORDS = frozenset({"www", "m", "amp", "co", "com", "org", "net", "gov", "ac", "edu", "news", "blog", "blogs"})


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            result.append(item)
    return result


def _short_url(source: str, profile: Profile) -> str | None:
    pattern = profile.short_url_pattern
    if pattern is None:
        return None
    match = pattern.search(source)
    return unquote(match.group(0)) if match else None


def _alternates(dom: _LabelledDom, profile: Profile, head: _HeadTags, canonical: str | None) -> dict[str, str]:
    alternates: dict[str, str] = {}
    for href, link in head.links.get("alternate", ()):
        lang = (link.attrs.get("hreflang") or "").strip()
        if lang and href and href != canonical and lang.lower() != "x-default":
            alternates.setdefault(lang, href)
    languages = {phrase.lower(): lang for phrase, lang in profile.translation_links}
    for node in dom.layer_nodes(Layer.TRANSLATION, outermost=False):
        anchor = node if node.tag == "a" else node.css_first("a[href]")
        lang = languages.get(node_text(node).lower())
        if anchor is not None and lang and anchor.attrs.get("href"):
            alternates.setdefault(lang, anchor.attrs["href"].strip())
    return alternates


def _shared_image(head: _HeadTags) -> tuple[Image, ...]:
    """With no photo in the page, the image it declares for sharing (og:image, twitter:image)."""
    url = head.first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    return (Image(url=url),) if url else ()


def _tags(head: _HeadTags, ld: Mapping[str, Any]) -> tuple[str, ...]:
    tags = head.all("article:tag")
    if len(tags) == 1:  # one tag per meta ("Trump, Donald J"), unless one meta holds them all
        tags = tags[0].split(",")
    if not tags:
        keywords = ld.get("keywords")
        if isinstance(keywords, list):
            tags = [k for k in keywords if isinstance(k, str)]
        else:
            raw = head.first("news_keywords", "keywords") or (keywords if isinstance(keywords, str) else "")
            tags = raw.split(",")
    return tuple(_dedupe(t.strip() for t in tags if t.strip()))
