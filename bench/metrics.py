"""Accuracy metrics of the benchmark: token bags and the article-extraction-benchmark shingles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens in order."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page, one extractor: precision, recall and F1 of both metrics, and exactness."""

    token_p: float
    token_r: float
    token_f1: float
    shingle_p: float
    shingle_r: float
    exact: bool

    @property
    def shingle_f1(self) -> float:
        return f1(self.shingle_p, self.shingle_r)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(expected: Counter[object], predicted: Counter[object]) -> tuple[float, float]:
    if not expected and not predicted:
        return 1.0, 1.0
    tp = sum((expected & predicted).values())
    fp = sum((predicted - expected).values())
    fn = sum((expected - predicted).values())
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def _shingles(seq: Sequence[str]) -> Counter[tuple[str, ...]]:
    if len(seq) < SHINGLE_SIZE:
        return Counter([tuple(seq)]) if seq else Counter()
    return Counter(tuple(seq[i:i + SHINGLE_SIZE]) for i in range(len(seq) - SHINGLE_SIZE + 1))


def score(expected: str, predicted: str) -> PageScore:
    """Token-bag P/R/F1, shingle P/R, and whether the token sequences are identical."""
    want, got = tokens(expected), tokens(predicted)
    tp, tr = _prf(Counter(want), Counter(got))
    sp, sr = _prf(_shingles(want), _shingles(got))
    return PageScore(tp, tr, f1(tp, tr), sp, sr, want == got)


@dataclass(frozen=True, slots=True)
class Summary:
    """Scores over a set of pages: token P/R/F1 are page means; shingle P and R are page
    means and their F1 is computed from those means (article-extraction-benchmark)."""

    pages: int
    token_p: float
    token_r: float
    token_f1: float
    shingle_p: float
    shingle_r: float
    shingle_f1: float
    accuracy: float


def summarise(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    n = len(scores)
    if not n:
        return Summary(0, 0, 0, 0, 0, 0, 0, 0)
    mean = lambda values: sum(values) / n  # noqa: E731
    sp, sr = mean([s.shingle_p for s in scores]), mean([s.shingle_r for s in scores])
    return Summary(n, mean([s.token_p for s in scores]), mean([s.token_r for s in scores]),
                   mean([s.token_f1 for s in scores]), sp, sr, f1(sp, sr), mean([float(s.exact) for s in scores]))
