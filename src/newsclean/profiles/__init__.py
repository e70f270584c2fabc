"""Site profiles: what newsclean knows about a site, as data. ``select_profile`` picks one."""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsclean.profiles.base import LayerRule, PhraseRule, Profile
from newsclean.profiles.generic import GENERIC
from newsclean.profiles.guardian import GUARDIAN
from newsclean.profiles.nyt import NYT

__all__ = ["GENERIC", "GUARDIAN", "NYT", "PROFILES", "LayerRule", "PhraseRule", "Profile", "select_profile"]

# Site profiles in the order they are tried; GENERIC serves every other page.
PROFILES: tuple[Profile, ...] = (NYT, GUARDIAN)


def select_profile(tree: LexborHTMLParser, url: str | None = None) -> Profile:
    """The profile for the page: by the URL's host first, then by markers in the page."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for profile in PROFILES:
        if host and any(host == h or host.endswith("." + h) for h in profile.hosts):
            return profile
    for profile in PROFILES:
        if any(_has(tree, marker) for marker in profile.markers):
            return profile
    return GENERIC


def _has(tree: LexborHTMLParser, marker: str) -> bool:
    """True when the page holds the marker; ``meta``/``link`` markers are looked for in the
    head only (a walk of a few elements, not of the whole page)."""
    scope = tree.head if marker.startswith(("meta", "link")) and tree.head is not None else tree
    return scope.css_first(marker) is not None
