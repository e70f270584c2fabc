"""See what was cut: one self-contained HTML report of a page's layers and its Article.

The page is rebuilt from the parsed tree through an allow-list — known text elements, links
with http(s)/relative targets only, no style, script, event handler, iframe, form, object or
external resource — and each labelled layer is outlined in its colour and named. A strict
Content-Security-Policy forbids anything else, so a report opened from disk loads nothing.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from selectolax.lexbor import LexborNode

from newsclean._api import Analysis, analyse, clean_text, finish
from newsclean._input import read_input
from newsclean.errors import NewscleanError
from newsclean.layers import Labels
from newsclean.model import Article, Form, Layer

__all__ = ["LAYER_COLOURS", "inspect", "inspect_main"]

LAYER_COLOURS: dict[Layer, str] = {
    Layer.MASTHEAD: "#6d4c41", Layer.SKIP_LINK: "#9e9e9e", Layer.SECTION_LABEL: "#8d6e63",
    Layer.STICKY_HEADER: "#5d4037", Layer.HEADLINE: "#1565c0", Layer.AD: "#d32f2f", Layer.SHARE: "#f57c00",
    Layer.PHOTO: "#2e7d32", Layer.CAPTION: "#43a047", Layer.GALLERY: "#66bb6a", Layer.MEDIA_PLAYER: "#00897b",
    Layer.BYLINE: "#1976d2", Layer.DATELINE: "#0288d1", Layer.TRANSLATION: "#00acc1", Layer.PROMO: "#c2185b",
    Layer.PAYWALL: "#7b1fa2", Layer.RECIRCULATION: "#ad1457", Layer.GRAPHIC: "#558b2f",
    Layer.PRINT_NOTICE: "#827717", Layer.HIDDEN: "#757575", Layer.NAVIGATION: "#455a64",
    Layer.SITE_INDEX: "#37474f", Layer.FOOTER: "#263238", Layer.CHROME: "#bdbdbd",
}
KEPT_COLOUR = "#00c853"

# Elements the report rebuilds; everything else is dropped with its content (scripts, forms,
# iframes, objects…) or, for media, replaced by a labelled placeholder.
_KEPT_TAGS = frozenset(
    "p div span section article aside header footer nav main h1 h2 h3 h4 h5 h6 ul ol li dl dt dd "
    "blockquote figure figcaption table thead tbody tfoot tr td th caption a em strong b i u s small "
    "sub sup br hr pre code time abbr cite q mark address center font big label details summary".split())
_VOID = frozenset({"br", "hr"})
_MEDIA = frozenset({"img", "picture", "video", "audio", "svg", "canvas", "image"})
_DROPPED = frozenset("script style noscript template iframe frame frameset object embed applet form input button "
                     "select textarea option link meta base head title param source track math dialog portal".split())
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/")


def inspect(markup: str | bytes, *, url: str | None = None, form: Form | str | None = None,
            images: bool = False) -> str:
    """The HTML report for one page: the page with its layers outlined, a legend, the Article.

    Works for every input form and for pages that are not articles (the report says why).
    ``images=True`` shows the page's http(s) images; by default they are labelled placeholders.
    """
    decoded = read_input(markup, form=form, max_bytes=64 * 1024 * 1024)
    article: Article | None = None
    problem: str | None = None
    if decoded.form is Form.TEXT:
        try:
            article = clean_text(decoded)
        except NewscleanError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        page = "".join(f'<p class="nc-kept">{html.escape(b.text)}</p>' for b in (article.paragraphs if article else ()))
        counts: dict[Layer, tuple[int, int]] = {}
    else:
        analysis = analyse(decoded, url=url)
        try:
            article = finish(analysis, url=url)
        except NewscleanError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        page = _rebuild(analysis, images=images)
        counts = {r.layer: (r.count, r.chars) for r in article.layers} if article else _counts(analysis.labels)
    return _report(page, article, counts, problem, decoded.form.value, images=images)


def _counts(labels: Labels) -> dict[Layer, tuple[int, int]]:
    from newsclean.layers import layer_report

    return {r.layer: (r.count, r.chars) for r in layer_report(labels)}


def _rebuild(analysis: Analysis, *, images: bool) -> str:
    """The page's body as safe HTML, labelled layers and kept blocks marked (iterative walk)."""
    root = analysis.tree.body
    if root is None:
        return ""
    labels = analysis.labels
    body_ids = {r.mem_id for r in analysis.roots}
    kept_ids = set(analysis.block_sources)
    out: list[str] = []
    stack: list[tuple[LexborNode, str | None]] = [(root, None)]
    while stack:
        node, closing = stack.pop()
        if closing is not None:
            out.append(closing)
            continue
        if node.is_text_node:
            out.append(html.escape(node.text_content or ""))
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag in _DROPPED:
            continue
        if tag in _MEDIA:
            out.append(_media(node, images))
            continue
        layer = labels.get(node.mem_id)
        if tag not in _KEPT_TAGS and tag != "body":
            tag = "span" if not _has_block_child(node) else "div"
        attrs = _safe_attributes(node, layer, node.mem_id in kept_ids, node.mem_id in body_ids)
        if tag == "body":
            tag = "div"
        out.append(f"<{tag}{attrs}>")
        if layer is not None:
            out.append(f'<span class="nc-tag" style="background:{LAYER_COLOURS.get(layer, "#000")}">'
                       f"{layer.value}</span>")
        if tag in _VOID:
            continue
        stack.append((node, f"</{tag}>"))
        stack.extend((child, None) for child in reversed(list(node.iter(include_text=True))))
    return "".join(out)


def _has_block_child(node: LexborNode) -> bool:
    return any(child.is_element_node and child.tag in ("div", "p", "section", "ul", "ol", "table")
               for child in node.iter(include_text=False))


def _safe_attributes(node: LexborNode, layer: Layer | None, kept: bool, body_root: bool) -> str:
    parts = []
    classes = []
    if layer is not None:
        classes.append(f"nc-layer nc-l-{layer.value}")
        parts.append(f' data-layer="{layer.value}"')
    if kept:
        classes.append("nc-kept")
    if body_root:
        classes.append("nc-body")
    if classes:
        parts.insert(0, f' class="{" ".join(classes)}"')
    if node.tag == "a":
        href = (node.attrs.get("href") or "").strip()
        if href.lower().startswith(_SAFE_SCHEMES):
            parts.append(f' href="{html.escape(href)}" rel="noreferrer noopener"')
    return "".join(parts)


def _media(node: LexborNode, images: bool) -> str:
    alt = (node.attrs.get("alt") or node.attrs.get("aria-label") or "").strip()
    src = (node.attrs.get("src") or "").strip()
    if images and node.tag == "img" and src.lower().startswith("https://"):
        return f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" loading="lazy" referrerpolicy="no-referrer">'
    label = f"{node.tag}: {alt}" if alt else node.tag
    return f'<span class="nc-media">[{html.escape(label[:120])}]</span>'


_STYLE = """
body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222;background:#fafafa}
header.nc-top{padding:12px 18px;background:#222;color:#fff}
header.nc-top h1{font-size:18px;margin:0}
.nc-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:0}
.nc-page{padding:16px;border-right:2px solid #ddd;background:#fff;overflow-wrap:anywhere}
.nc-side{padding:16px;background:#f4f6f8}
.nc-side h2{font-size:15px;margin:18px 0 6px}
table.nc-legend{border-collapse:collapse;width:100%}
table.nc-legend td,table.nc-legend th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left}
.nc-swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:6px}
.nc-layer{outline:2px solid var(--c);outline-offset:1px;position:relative;display:block;margin:6px 0;padding:2px}
span.nc-layer{display:inline-block}
.nc-tag{display:inline-block;color:#fff;font:600 10px/1.6 monospace;padding:0 4px;border-radius:2px;margin-right:4px}
.nc-kept{background:#e8f5e9;box-shadow:inset 4px 0 0 #00c853;padding-left:8px}
.nc-body{outline:2px dashed #00c853;outline-offset:3px}
.nc-media{display:inline-block;background:#eee;border:1px dashed #999;color:#555;font:12px monospace;padding:6px;margin:2px}
.nc-text p{margin:0 0 10px}
.nc-problem{background:#ffebee;border-left:4px solid #d32f2f;padding:8px}
dl.nc-meta dt{font-weight:600}
dl.nc-meta dd{margin:0 0 6px 0}
"""


def _report(page: str, article: Article | None, counts: dict[Layer, tuple[int, int]], problem: str | None,
            form: str, *, images: bool) -> str:
    img_src = "data: https:" if images else "data:"
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src {img_src}; form-action 'none'; base-uri 'none'"
    layer_css = "".join(f".nc-l-{layer.value}{{--c:{colour}}}" for layer, colour in LAYER_COLOURS.items())
    legend = "".join(
        f'<tr data-layer="{layer.value}"><td><span class="nc-swatch" style="background:{LAYER_COLOURS.get(layer)}">'
        f'</span>{layer.value}</td><td class="nc-count">{count}</td><td class="nc-chars">{chars}</td></tr>'
        for layer, (count, chars) in counts.items())
    legend += (f'<tr data-layer="kept"><td><span class="nc-swatch" style="background:{KEPT_COLOUR}"></span>kept body'
               f'</td><td class="nc-count">{len(article.paragraphs) if article else 0}</td>'
               f'<td class="nc-chars">{len(article.text) if article else 0}</td></tr>')
    title = html.escape(article.title or "(no title)") if article else "(not an article)"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<title>newsclean report: {title}</title>
<style>{_STYLE}{layer_css}</style></head>
<body>
<header class="nc-top"><h1>newsclean report — {title}</h1><div>input form: {html.escape(form)}</div></header>
<div class="nc-grid">
<main class="nc-page" id="page">{page}</main>
<aside class="nc-side">
{f'<p class="nc-problem" id="problem">{html.escape(problem)}</p>' if problem else ''}
<h2>Layers found</h2>
<table class="nc-legend" id="legend"><thead><tr><th>layer</th><th>count</th><th>characters</th></tr></thead>
<tbody>{legend}</tbody></table>
{_article_panel(article) if article else ''}
</aside></div></body></html>
"""


def _article_panel(article: Article) -> str:
    def row(label: str, value: object) -> str:
        return f"<dt>{label}</dt><dd>{html.escape(str(value))}</dd>" if value not in (None, "", (), {}) else ""

    images = "".join(f"<li>{html.escape(i.url or '(no address)')}<br><em>{html.escape(i.caption or '')}</em>"
                     f"{' — ' + html.escape(i.credit) if i.credit else ''}</li>" for i in article.images)
    alternates = ", ".join(f"{lang}: {url}" for lang, url in article.alternates.items())
    text = "".join(f'<p data-kind="{b.kind.value}">{html.escape(b.text)}</p>' for b in article.paragraphs)
    return (f'<h2>Article</h2><dl class="nc-meta" id="article">'
            f"{row('title', article.title)}{row('authors', ', '.join(article.authors))}"
            f"{row('published', article.published.isoformat() if article.published else None)}"
            f"{row('section', article.section)}{row('URL', article.url)}{row('short URL', article.short_url)}"
            f"{row('language', article.language)}{row('alternates', alternates)}"
            f"{row('extractor', f'{article.extractor} (confidence {article.confidence:.2f})')}</dl>"
            f"{'<h2>Images</h2><ul id=images>' + images + '</ul>' if images else ''}"
            f'<h2>Clean text</h2><div class="nc-text" id="text">{text}</div>')


def inspect_main(argv: list[str]) -> int:
    """``newsclean inspect PAGE -o report.html``."""
    parser = argparse.ArgumentParser(
        prog="newsclean inspect",
        description="Write one self-contained HTML report of a page: every layer newsclean removed, "
                    "outlined in its colour and named, a legend of counts and characters, and the "
                    "article it kept. Works for every input form, and for pages that are not articles "
                    "(the report says why). The report runs no script and, without --images, "
                    "loads nothing.")
    parser.add_argument("page", help="an HTML, pandoc markdown or text file, or - for standard input")
    parser.add_argument("-o", "--out", required=True, help="the report file to write")
    parser.add_argument("--url", help="the page's URL (picks the site profile)")
    parser.add_argument("--form", choices=[f.value for f in Form], help="force the input form")
    parser.add_argument("--images", action="store_true", help="show the page's https images (default: placeholders)")
    args = parser.parse_args(argv)
    try:
        markup = sys.stdin.buffer.read() if args.page == "-" else Path(args.page).read_bytes()
        report = inspect(markup, url=args.url, form=args.form, images=args.images)
        Path(args.out).write_text(report, encoding="utf-8")
    except OSError as exc:
        print(f"newsclean inspect: {exc.filename or args.page}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except NewscleanError as exc:
        print(f"newsclean inspect: {args.page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
