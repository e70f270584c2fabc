"""newsclean: clean article text and metadata from news-page markup.

>>> import newsclean
>>> article = newsclean.clean(html_or_markdown_or_text)        # doctest: +SKIP
>>> article.title, article.authors, article.published          # doctest: +SKIP
>>> print(article.text)                                        # doctest: +SKIP
"""

from newsclean._api import DEFAULT_MAX_BYTES, clean
from newsclean.errors import DecodeError, FallbackUnavailable, InputTooLarge, InvalidInput, NewscleanError, NotAnArticle
from newsclean.inspect import inspect
from newsclean.model import Article, Block, BlockKind, Form, FrozenMap, Image, Layer, LayerReport

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "Block",
    "BlockKind",
    "DecodeError",
    "FallbackUnavailable",
    "Form",
    "FrozenMap",
    "Image",
    "InputTooLarge",
    "InvalidInput",
    "Layer",
    "LayerReport",
    "NewscleanError",
    "NotAnArticle",
    "__version__",
    "clean",
    "inspect",
]
