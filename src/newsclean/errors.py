"""The exceptions newsclean raises; every one is a :class:`NewscleanError`.

::

    NewscleanError
    ├── NotAnArticle      the markup parsed, but holds no article body (section front, empty page)
    ├── InputTooLarge     the markup is over the size limit (raise it with ``max_bytes=``)
    ├── DecodeError       bytes that no charset turns into text
    └── InvalidInput      an argument of the wrong type or value, or a path or URL given as
                          markup (also a TypeError/ValueError)

    FallbackUnavailable   a warning (RuntimeWarning), once per process: trafilatura, the
                          fallback for pages newsclean is unsure of, cannot be imported
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.model import Article

__all__ = ["DecodeError", "FallbackUnavailable", "InputTooLarge", "InvalidInput", "NewscleanError", "NotAnArticle"]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class NotAnArticle(NewscleanError):
    """The page holds no article body; the message says what was seen instead.

    ``page`` is what newsclean still read off the page when the markup was parsed: an
    :class:`~newsclean.Article` with no paragraphs but the title, authors, dates, links and
    layer report (a section front's or a script-rendered page's metadata is not lost).
    None for empty input and clean text."""

    def __init__(self, message: str, *, page: Article | None = None) -> None:
        super().__init__(message)
        self.page = page

    def __reduce__(self) -> tuple[Any, ...]:  # crosses a process pool with its page
        return (_not_an_article, (str(self), self.page))


class InputTooLarge(NewscleanError):
    """The markup is larger than the configured limit."""


class DecodeError(NewscleanError):
    """Bytes could not be decoded to text with any plausible charset."""


class InvalidInput(NewscleanError, TypeError, ValueError):
    """An argument is of the wrong type or has a value newsclean does not know."""


class FallbackUnavailable(RuntimeWarning):
    """trafilatura, the fallback extractor, could not be imported: pages newsclean is unsure
    of keep newsclean's own body instead of trafilatura's."""


def _not_an_article(message: str, page: Article | None) -> NotAnArticle:
    return NotAnArticle(message, page=page)
