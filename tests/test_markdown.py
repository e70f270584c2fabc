"""pandoc markdown → HTML (newsclean._markdown): each pandoc construct maps back to HTML."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsclean._markdown import is_pandoc_markdown, markdown_to_html


def _tree(markdown: str) -> LexborHTMLParser:
    return LexborHTMLParser(markdown_to_html(markdown))


def test_gfm_raw_div_blocks_keep_their_attributes_and_markdown_inside() -> None:
    tree = _tree('<div class="StoryBodyCompanionColumn" itemprop="articleBody">\n\n'
                 'A [link](https://x.test) here.\n\n</div>\n')
    div = tree.css_first("div[itemprop=articleBody]")
    assert div is not None
    assert div.css_first("p").text() == "A link here."


def test_fenced_divs_nest_and_carry_ids_classes_and_attributes() -> None:
    tree = _tree('::: {#story .story-body role="main"}\n::: inner\nText.\n:::\n:::\n\nAfter.\n')
    outer = tree.css_first("#story")
    assert outer.attrs["class"] == "story-body" and outer.attrs["role"] == "main"
    assert outer.css_first("div.inner p").text() == "Text."
    assert tree.css_first("#story p:last-child").text() == "Text."  # "After." is outside


def test_a_fence_right_after_a_raw_html_line_still_closes_its_div() -> None:
    tree = _tree("::: outer\n<div>\n\nx\n\n</div>\n:::\n\nOutside.\n")
    assert "Outside." not in tree.css_first("div.outer").text()


def test_heading_attributes_move_onto_the_heading() -> None:
    tree = _tree("::: x\n:::\n\n###### [Africa]{.kicker-label} Title {#head .kicker}\n")
    heading = tree.css_first("h6")
    assert heading.attrs["id"] == "head" and heading.attrs["class"] == "kicker"
    assert heading.text() == "Africa Title"


def test_a_link_may_hold_a_span_with_attributes() -> None:
    tree = _tree('::: b\nBy [[Corey Kilgannon]{.c itemprop="name"}](https://www.nytimes.com/by/c){.l}\n:::\n')
    link = tree.css_first("a")
    assert link.attrs["href"] == "https://www.nytimes.com/by/c"
    assert link.css_first("[itemprop=name]").text() == "Corey Kilgannon"


def test_an_image_whose_alt_holds_markup_becomes_a_figure_with_caption() -> None:
    tree = _tree('![<span class="cap">A caption.</span><span itemprop="copyrightHolder">Credit Jane Doe</span>]'
                 "(https://img.test/a.jpg)\n")
    figure = tree.css_first("figure")
    assert figure.css_first("img").attrs["src"] == "https://img.test/a.jpg"
    assert figure.css_first("figcaption .cap").text() == "A caption."
    assert figure.css_first("[itemprop=copyrightHolder]").text() == "Credit Jane Doe"


def test_a_plain_image_stays_an_image() -> None:
    tree = _tree("![a logo](https://img.test/logo.png)\n")
    assert tree.css_first("figure") is None
    assert tree.css_first("img").attrs["alt"] == "a logo"


def test_pandoc_ascii_punctuation_becomes_typographic_again() -> None:
    html = markdown_to_html('::: x\n"It\'s 1990s---or the \'90s," she said.\n:::\n')
    assert "“It’s 1990s—or the ’90s,” she said." in LexborHTMLParser(html).text()


def test_an_escaped_straight_quote_stays_straight() -> None:
    html = markdown_to_html("::: x\nthe city\\'s plan\n:::\n")
    assert "the city's plan" in LexborHTMLParser(html).text()


def test_gfm_keeps_straight_quotes_as_written() -> None:
    assert '"as written"' in LexborHTMLParser(markdown_to_html('<div>\n\nSay "as written".\n\n</div>\n')).text()


def test_indented_raw_html_is_never_taken_for_code() -> None:
    html = markdown_to_html("- item\n\n    <div class=\"share\">\n\n    </div>\n")
    assert "<code>" not in html


def test_dialect_detection() -> None:
    assert is_pandoc_markdown("::: {.a}\nx\n:::\n")
    assert not is_pandoc_markdown("<div>\n\nx\n\n</div>\n")


def test_a_heading_wrapped_inside_its_raw_html_link_is_joined_back() -> None:
    # pandoc -t gfm writes an h1 holding a link with attributes over several lines.
    html = markdown_to_html('<div>\n\n# <a\nhref="http://x.test/a"\ndata-id="">How to Program Your Mind to Stop\n'
                            "Buying Crap</a>\n\n</div>\n\n# Plain title\nA paragraph right after it.\n")
    tree = LexborHTMLParser(html)
    assert [h.text() for h in tree.css("h1")] == ["How to Program Your Mind to Stop Buying Crap", "Plain title"]
    assert tree.css_first("p").text() == "A paragraph right after it."


# --- pandoc's grid tables (an old page's layout table, written by `pandoc -t markdown`) -----------

_GRID = """Intro paragraph of the page, long enough to read as prose about the council.

+------------------------------------------+------------------+
| The council voted on Tuesday to expand   | [Home](/)        |
| the program, after a year of debate.     | [News](/news)    |
|                                          |                  |
| A second paragraph of the story, with    |                  |
| **bold** words in it.                    |                  |
+==========================================+==================+
| - first item                             | Footer text      |
| - second item                            |                  |
+------------------------------------------+------------------+
"""


def test_a_grid_tables_cells_are_read_as_markdown() -> None:
    html = markdown_to_html(_GRID)
    tree = LexborHTMLParser(html)
    cells = [cell.text(deep=True).split() for cell in tree.css("div.grid-cell")]
    assert len(tree.css("div.grid-row")) == 2 and len(cells) == 4
    assert " ".join(cells[0]) == ("The council voted on Tuesday to expand the program, after a year of debate. "
                                  "A second paragraph of the story, with bold words in it.")
    assert [p.text() for p in tree.css("div.grid-cell")[0].css("p")][1].startswith("A second paragraph")
    assert [li.text() for li in tree.css("li")] == ["first item", "second item"]
    assert "+---" not in html and "|" not in tree.body.text()


def test_nested_grid_tables_are_read_too() -> None:
    inner = ["+----------------------+", "| Inner cell's words.  |", "+----------------------+"]
    outer = ["+--------------------------+", *(f"| {line} |" for line in inner), "+--------------------------+"]
    tree = LexborHTMLParser(markdown_to_html("\n".join(outer) + "\n"))
    assert len(tree.css("div.grid-table div.grid-table")) == 1
    assert tree.body.text().split() == ["Inner", "cell's", "words."]


def test_a_grid_table_with_a_hundred_thousand_columns_is_read_at_once() -> None:
    wide = "+" + "-+" * 100_000 + "\n|" + "x|" * 100_000 + "\n+" + "-+" * 100_000 + "\n"
    assert len(LexborHTMLParser(markdown_to_html(wide)).css("div.grid-cell")) == 100_000
