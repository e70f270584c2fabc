"""Parse markup into one selectolax-lexbor tree; pandoc markdown is rendered to HTML first."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsclean._markdown import markdown_to_html
from newsclean.model import Form

__all__ = ["parse"]


def parse(text: str, form: Form) -> LexborHTMLParser:
    """The page's one tree. Called once per page: every later step reads this tree."""
    html = markdown_to_html(text) if form is Form.PANDOC else text
    return LexborHTMLParser(html)
