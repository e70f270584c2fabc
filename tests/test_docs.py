"""The docs keep up with the profile tables."""

from __future__ import annotations

from pathlib import Path

from newsclean.profiles import NYT

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_nyt_layer_kind_is_documented() -> None:
    layers_doc = (DOCS / "layers.md").read_text(encoding="utf-8")
    kinds = {rule.layer for rule in NYT.layers} | {rule.layer for rule in NYT.phrases}
    assert sorted(k.value for k in kinds if f"`{k.value}`" not in layers_doc) == []
