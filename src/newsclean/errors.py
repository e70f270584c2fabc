"""The exceptions newsclean raises; every one is a :class:`NewscleanError`.

::

    NewscleanError
    ├── NotAnArticle      the markup parsed, but holds no article body (section front, empty page)
    ├── InputTooLarge     the markup is over the size limit (raise it with ``max_bytes=``)
    ├── DecodeError       bytes that no charset turns into text
    └── InvalidInput      an argument of the wrong type or value (also a TypeError/ValueError)
"""

from __future__ import annotations

__all__ = ["DecodeError", "InputTooLarge", "InvalidInput", "NewscleanError", "NotAnArticle"]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class NotAnArticle(NewscleanError):
    """The page holds no article body; the message says what was seen instead."""


class InputTooLarge(NewscleanError):
    """The markup is larger than the configured limit."""


class DecodeError(NewscleanError):
    """Bytes could not be decoded to text with any plausible charset."""


class InvalidInput(NewscleanError, TypeError, ValueError):
    """An argument is of the wrong type or has a value newsclean does not know."""
