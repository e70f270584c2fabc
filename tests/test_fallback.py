"""The second opinion (newsclean.fallback): trafilatura as its users run it, on the page as
newsclean reads it."""

from __future__ import annotations

from newsclean.fallback import fallback_blocks
from newsclean.model import BlockKind

PROSE = ("The council voted on Tuesday to expand the program, which pays for new water mains in "
         "older neighborhoods, after a year of debate about its cost and who should bear it.")


def _page(body: str) -> str:
    return f"<html><head><title>Story</title></head><body><article>{body}</article></body></html>"


def test_a_noscript_notice_is_no_second_opinion() -> None:
    page = ("<html><body><div id='app'></div><noscript>We're sorry but this app doesn't work properly "
            "without JavaScript enabled. Please enable it to continue.</noscript></body></html>")
    assert fallback_blocks(page) == ()


def test_the_opinion_keeps_the_articles_tables_and_lists() -> None:
    # cleaneval and wcxb pages whose main text is a table of results or a list of steps: precision
    # mode (the setting before) returned the prose around them only
    table = "".join(f"<tr><td>District {n}</td><td>{n * 12} miles of new mains</td></tr>" for n in range(1, 6))
    steps = "".join(f"<li>Step {n}: the crew digs the trench and lays the pipe on street {n}.</li>" for n in range(1, 5))
    text = "\n".join(b.text for b in fallback_blocks(_page(f"<p>{PROSE}</p><table>{table}</table>"
                                                            f"<p>{PROSE}</p><ul>{steps}</ul>")))
    assert "District 3" in text and "36 miles of new mains" in text
    assert "Step 2: the crew digs" in text


def test_the_opinion_keeps_each_blocks_kind_and_a_wrapped_paragraph_whole() -> None:
    # pandoc wraps paragraphs at 72 columns; as trafilatura's text each line was a paragraph
    # (corpus yahoo-2, gfm form)
    wrapped = PROSE.replace(", which", ",\nwhich").replace(" after a", "\nafter a")
    page = _page(f"<p>{wrapped}</p><h2>What the vote means</h2><blockquote>We waited\nten years.</blockquote>"
                 f"<ul><li>Old mains first<ul><li>cast iron</li></ul></li><li>New streets next</li></ul><p>{PROSE}</p>")
    blocks = [(b.kind, b.text) for b in fallback_blocks(page, wrapped=True)]
    assert blocks == [(BlockKind.PARAGRAPH, PROSE), (BlockKind.SUBHEAD, "What the vote means"),
                      (BlockKind.QUOTE, "We waited ten years."), (BlockKind.LIST_ITEM, "Old mains first"),
                      (BlockKind.LIST_ITEM, "cast iron"), (BlockKind.LIST_ITEM, "New streets next"),
                      (BlockKind.PARAGRAPH, PROSE)]


def test_on_an_html_page_a_line_in_trafilaturas_text_is_a_block() -> None:
    # trafilatura joins the fragments it collects from a page's menus with line breaks: as one
    # block they would pass for a paragraph (wcxb-4509, a shop's category menu)
    menu = "<br>".join(f"Category {n}" for n in range(30))
    blocks = fallback_blocks(_page(f"<p>{PROSE}</p><p>{menu}</p>"))
    assert [b.text for b in blocks] == [PROSE] + [f"Category {n}" for n in range(30)]


def test_a_pandoc_form_is_asked_in_precision_mode_unless_told_otherwise(monkeypatch) -> None:  # noqa: ANN001
    # pandoc flattens forms and menus into text the default mode keeps (devset dragnet-R965's gfm
    # form: its answer, nine times our body, replaced it)
    import trafilatura

    real = trafilatura.bare_extraction
    asked: list[bool] = []
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda markup, **options: asked.append(options["favor_precision"]) or real(markup, **options))
    page = _page(f"<p>{PROSE}</p>")
    assert [b.text for b in fallback_blocks(page, wrapped=True)] == [PROSE] and asked == [True]
    assert [b.text for b in fallback_blocks(page, wrapped=True, precision=False)] == [PROSE] and asked == [True, False]
    assert [b.text for b in fallback_blocks(page)] == [PROSE] and asked == [True, False, False]


def test_the_opinions_ordered_list_items_are_numbered() -> None:
    steps = "".join(f"<li>Step {n}: the crew digs the trench and lays the pipe on street {n}.</li>" for n in range(1, 4))
    blocks = fallback_blocks(_page(f"<p>{PROSE}</p><ol>{steps}</ol><ul><li>{PROSE}</li></ul>"))
    assert [(b.number, b.text[:6]) for b in blocks if b.kind is BlockKind.LIST_ITEM] == [
        (1, "Step 1"), (2, "Step 2"), (3, "Step 3"), (None, PROSE[:6])]
