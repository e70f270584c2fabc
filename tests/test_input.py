"""Decoding bytes and detecting the input form (newsclean._input)."""

from __future__ import annotations

import codecs

import pytest

import newsclean

from newsclean import DecodeError, Form, InputTooLarge, InvalidInput
from newsclean._input import decode, detect_form, read_input

PAGE = "<!doctype html><html><head>{meta}</head><body><p>Café — “quoted”</p></body></html>"


def test_str_is_taken_as_it_is() -> None:
    assert decode("Café") == ("Café", None)


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                            (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_mark_wins(bom: bytes, codec: str) -> None:
    data = bom + PAGE.format(meta='<meta charset="iso-8859-1">').encode(codec)
    text, _ = decode(data)
    assert "Café — “quoted”" in text


def test_declared_meta_charset_is_honoured() -> None:
    text, encoding = decode(PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252"))
    assert "Café — “quoted”" in text
    assert encoding == "cp1252"


def test_http_equiv_charset_is_honoured() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    text, encoding = decode(PAGE.format(meta=meta).encode("cp1252"))
    assert "Café — “quoted”" in text  # latin-1 labels mean windows-1252, as in browsers
    assert encoding == "cp1252"


def test_a_page_declaring_a_single_byte_charset_but_in_utf8_is_read_as_utf8() -> None:
    text, encoding = decode(PAGE.format(meta='<meta charset="iso-8859-1">').encode("utf-8"))
    assert "Café — “quoted”" in text
    assert encoding == "utf-8"


def test_a_declared_charset_that_cannot_decode_the_bytes_falls_back_to_detection() -> None:
    text, _ = decode(PAGE.format(meta='<meta charset="utf-8">').encode("cp1252"))
    assert "Café — “quoted”" in text


def test_undeclared_bytes_are_detected() -> None:
    body = "<p>" + "Le café était très réputé à Paris, déclare-t-il à la presse française. " * 20 + "</p>"
    text, encoding = decode(body.encode("cp1252"))
    assert "café était très réputé" in text
    assert encoding is not None


def test_bytes_that_lie_in_their_bom_raise_decode_error() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa invalid")


@pytest.mark.parametrize("markup", [None, 12, ["<p>x</p>"]])
def test_markup_must_be_str_or_bytes(markup: object) -> None:
    with pytest.raises(InvalidInput, match="str or bytes"):
        read_input(markup, form=None, max_bytes=1000)  # type: ignore[arg-type]


def test_size_limit_is_enforced_and_named() -> None:
    with pytest.raises(InputTooLarge, match="max_bytes"):
        read_input("x" * 11, form=None, max_bytes=10)


def test_an_unknown_forced_form_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="form must be one of"):
        read_input("<p>x</p>", form="pdf", max_bytes=1000)


def test_forced_form_wins_over_detection() -> None:
    assert read_input("<p>x</p>", form="text", max_bytes=1000).form is Form.TEXT


_PROSE_NAMING_TAGS = (
    "The <table> HTML element represents tabular data.\n\n"
    "Tables should not be used for layout: use CSS instead, because screen readers announce each "
    "cell of a table to the people who use them, row after row.\n\n"
    "Try it\n\n<table>\n\n<tr>\n\n<td>22</td>\n\n</tr>\n\n</table>"
)


@pytest.mark.parametrize(("text", "form"), [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", Form.HTML),
    ("  <!-- saved --> <html lang=en><p>x</p>", Form.HTML),
    ("<div class='story'><p>Just a fragment.</p></div>", Form.HTML),
    ("::: {.css-1 #main}\nSome text\n:::\n", Form.PANDOC),
    ('<div class="css-53u6y8">\n\nA [link](https://example.com) in text.\n\n</div>\n', Form.PANDOC),
    ('<div class="surface">\n\n<div class="inner">\n\n#### Inside the lab\n\nText.\n\n</div>\n\n</div>\n', Form.PANDOC),
    ('<div class="a">\n\nText.\n\n</div>\n\n<div class="b">\n\nMore.\n\n</div>\n', Form.PANDOC),
    ("<div class='story'>\n<p>#1 in sales</p>\n</div>", Form.HTML),
    ("# A heading in clean text\n\nOne paragraph.", Form.TEXT),
    # Clean text that names tags in its sentences, one paragraph to a line: not markup.
    (_PROSE_NAMING_TAGS, Form.TEXT),
    # The same words as wrapped lines (pandoc's 72 columns) around a raw table: markup, as before.
    ("OxBlog\n\n<table width=\"750\" data-border=\"0\">\n<tbody>\n<tr>\n<td>Front page</td>\n</tr>\n"
     "</tbody>\n</table>\n", Form.HTML),
    # A markdown heading beside raw HTML is markdown, wrapped or not (pandoc --wrap=none).
    ("Front page\n\n<div class=\"story\">\n\n## The heading\n\nShort text.\n\n</div>\n", Form.PANDOC),
    ("# A post\n\n<div class=\"post-body\">\n\n" + "The post's own text, long enough to be its body. " * 4
     + "\n\n</div>\n", Form.PANDOC),
    # Brackets then parentheses in a sentence are no link; a link with a title is one.
    ("FEATURE STATE: Kubernetes v1.35 [alpha](disabled by default)\n\nBy default, pods run.", Form.TEXT),
    ('See [the docs](https://example.com/a "The docs") first.\n\nThen run it.', Form.PANDOC),
    # A pandoc grid table (its rule, then a row) is markdown; a box drawn in a text is not.
    ("+-----+-----+\n| [Blog](htt | x |\n+-----+-----+\n", Form.PANDOC),
    ("Choose your runtime\n\n+------------------+\n\n| Multi-threaded? |\n\n+------------------+\n", Form.TEXT),
    # A page whose first tag is a script (or a crawl's wrapper) before its doctype: HTML, though
    # the script's code looks like a markdown link and a title like a fenced div.
    ("<script>var f = handlers[i](event);</script>\n<!DOCTYPE html><html><body><p>x</p></body></html>", Form.HTML),
    ('<text id="http://example.org/" title=":::[ site ]:::">\n\n<!DOCTYPE html>\n<html><body>'
     '<a href="#">[x](y)</a><p>Story.</p></body></html>', Form.HTML),
    ("One paragraph.\n\nAnother one, with “quotes”.", Form.TEXT),
    ("", Form.TEXT),
])
def test_detect_form(text: str, form: Form) -> None:
    assert detect_form(text) is form


@pytest.mark.parametrize(("markup", "kept"), [
    (PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"), True),
    (PAGE.format(meta="").encode("utf-8"), True),  # undeclared but valid UTF-8
    (PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252"), False),
    (codecs.BOM_UTF8 + PAGE.format(meta="").encode("utf-8"), False),
    (PAGE.format(meta="").encode("utf-8").replace(b"Caf", b"C\x00af"), False),  # NUL removed from the text
    (PAGE.format(meta="").encode("utf-8") + b"\xe9", False),  # a stray cp1252 byte
    (PAGE.format(meta=""), False),  # str
])
def test_utf8_bytes_are_handed_on_only_when_they_are_exactly_the_text(markup: str | bytes, kept: bool) -> None:
    decoded = read_input(markup, form=None, max_bytes=10_000)
    assert (decoded.utf8 is not None) == kept
    if kept:
        assert decoded.utf8 == decoded.text.encode("utf-8")


@pytest.mark.parametrize(("controls", "refused"), [(409, False), (410, True)])
def test_markup_is_refused_as_binary_past_a_tenth_of_control_bytes(controls: int, refused: bool) -> None:
    # Of the first 4,096 bytes: tab, line feed, form feed and carriage return are no control bytes here.
    head = bytes([0, 1, 2, 27]) * (controls // 4) + bytes([7] * (controls % 4))
    data = head + b"\t\n\x0c\r" * 200 + b"<p>" + b"Text of a page. " * 400 + b"</p>"
    if refused:
        with pytest.raises(DecodeError, match="binary"):
            newsclean.clean(data)
    else:
        assert newsclean.clean(data).text.startswith("Text of a page.")
