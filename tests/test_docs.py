"""The docs keep up with the profile tables, and state each measured number in one place only."""

from __future__ import annotations

import re
from pathlib import Path

from newsclean.profiles import NYT

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_nyt_layer_kind_is_documented() -> None:
    layers_doc = (DOCS / "layers.md").read_text(encoding="utf-8")
    kinds = {rule.layer for rule in NYT.layers} | {rule.layer for rule in NYT.phrases}
    assert sorted(k.value for k in kinds if f"`{k.value}`" not in layers_doc) == []


# A size or a duration: "0.94 MB", "32 ms", "0.64 s", "2 seconds" (a unit glued to a word, "3 sites", is not one).
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(MB|MiB|KB|kB|KiB|GB|GiB|ms|s|seconds?|min|minutes?)(?![\w])")


def _figures(markdown: str) -> set[tuple[str, str]]:
    """Every (number, unit) size or time stated in the text, seconds written as "s"."""
    return {(number, "s" if unit.startswith("second") else unit) for number, unit in _FIGURE.findall(markdown)}


def test_figures_are_found_in_the_forms_the_docs_use() -> None:
    text = "a 0.94 MB page, report 0.20MB, made in 32 ms; opens in 0.64 s (2 seconds at most) on 3 sites"
    assert _figures(text) == {("0.94", "MB"), ("0.20", "MB"), ("32", "ms"), ("0.64", "s"), ("2", "s")}


def test_the_inspector_doc_states_no_size_or_time_of_its_own() -> None:
    """benchmark-inspector.md (written by bench/inspector.py) is the one source of those numbers."""
    guide = (DOCS / "inspector.md").read_text(encoding="utf-8")
    measured = (DOCS / "benchmark-inspector.md").read_text(encoding="utf-8")
    assert _figures(measured), "benchmark-inspector.md states the sizes and times"
    assert sorted(_figures(guide) - _figures(measured)) == []
    assert "(benchmark-inspector.md)" in guide
