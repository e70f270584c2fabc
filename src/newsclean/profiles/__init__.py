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


_OWN_URL = "link[rel='canonical'][href], meta[property='og:url'][content]"


def select_profile(tree: LexborHTMLParser, url: str | None = None) -> Profile:
    """The profile for the page: by the host of its URL (the caller's, else the one the page
    gives itself in its canonical link or og:url), then by markers in the page."""
    url = url or _own_url(tree)
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for profile in PROFILES:
        if host and any(host == h or host.endswith("." + h) for h in profile.hosts):
            return profile
    for profile in PROFILES:
        if _has_marker(tree, profile.markers):
            return profile
    return GENERIC


def _has_marker(tree: LexborHTMLParser, markers: tuple[str, ...]) -> bool:
    """True when the page holds any of the markers: ``meta``/``link`` ones are looked for in
    the head only, the others in one query over the page (one walk, not one per marker)."""
    in_head = [m for m in markers if m.startswith(("meta", "link"))]
    in_page = [m for m in markers if m not in in_head]
    if in_head and tree.head is not None and tree.head.css_first(", ".join(in_head)) is not None:
        return True
    if tree.head is None:
        in_page += in_head
    return bool(in_page) and tree.css_first(", ".join(in_page)) is not None


def _own_url(tree: LexborHTMLParser) -> str | None:
    """The address the page gives itself in its head, if any."""
    if tree.head is None:
        return None
    node = tree.head.css_first(_OWN_URL)
    if node is None:
        return None
    value = node.attributes.get("href") if node.tag == "link" else node.attributes.get("content")
    return value.strip() if value and value.strip().startswith(("http://", "https://", "//")) else None
