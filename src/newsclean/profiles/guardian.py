"""The Guardian: the generic rules, plus what its photo essays do differently. Data only."""

from __future__ import annotations

from dataclasses import replace

from newsclean.model import Layer
from newsclean.profiles.base import LayerRule
from newsclean.profiles.generic import GENERIC

__all__ = ["GUARDIAN"]

GUARDIAN = replace(
    GENERIC,
    name="guardian",
    hosts=("theguardian.com", "guardian.co.uk"),
    markers=("meta[property='og:site_name'][content='the Guardian']",),
    layers=(
        *GENERIC.layers,
        LayerRule(Layer.CAPTION, "figure.element-image--photo-essay ~ ul",
                  "photo essays: captions are class-less lists after the photos, not figcaptions"),
    ),
    # og:title appends the author ("… | Eleanor Ainge Roy"); the page's h1 is the headline.
    prefer_visible_title=True,
)
