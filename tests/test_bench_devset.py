"""The devset benchmark's pure pieces on tiny synthetic inputs (the devset itself is not needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import devset  # noqa: E402
from metrics import PageScore, f1  # noqa: E402
from peers import Extracted  # noqa: E402


def _outcome(p: float, r: float, ms: float = 10.0, refusal: str = "", path: str = "generic") -> devset.Outcome:
    score = devset.NO_SCORE if refusal else PageScore(p, r, f1(p, r), p, r, False)
    return devset.Outcome(score, ms, ms / 2, refusal, path=path if not refusal else "")


def _page(source: str, page_id: str, article: bool, ours: devset.Outcome, theirs: devset.Outcome) -> devset.PageResult:
    return devset.PageResult(source, page_id, article, {"newsclean": ours, "trafilatura": theirs})


def _results() -> list[devset.PageResult]:
    return [
        _page("dragnet", "dragnet-1", True, _outcome(1.0, 0.5, ms=10), _outcome(0.5, 0.5, ms=40)),
        _page("dragnet", "dragnet-2", True, _outcome(0.0, 0.0, ms=10, refusal="NotAnArticle"), _outcome(1.0, 1.0, ms=40)),
        _page("wcxb-dev", "wcxb-1", True, _outcome(0.5, 1.0, ms=20, path="trafilatura"), _outcome(1.0, 1.0, ms=40)),
        _page("wcxb-dev", "wcxb-2", False, _outcome(0.0, 0.0, ms=20, refusal="KeyError"), _outcome(0, 0, refusal="empty")),
    ]


@pytest.mark.parametrize(("source", "truth", "expected"), [
    ("dragnet", {"kind": "other"}, True),
    ("msv-big9", {}, True),
    ("cleanportaleval", {"kind": "blog"}, True),
    ("cleaneval-dev", {"kind": "news"}, True),
    ("cleaneval-final", {"kind": "blog"}, True),
    ("cleaneval-final", {"kind": "other"}, False),
    ("wcxb-dev", {"kind": None, "page_type": "article"}, True),
    ("wcxb-dev", {"kind": "news", "page_type": "listing"}, False),
])
def test_article_page_rule(source: str, truth: dict[str, object], expected: bool) -> None:
    assert devset.is_article(source, truth) is expected


def test_refusals_are_errors_and_empty_answers() -> None:
    assert devset.refusal_of(Extracted("Some text.")) == ""
    assert devset.refusal_of(Extracted(" \n ")) == "empty"
    assert devset.refusal_of(Extracted("", error="None")) == "empty"  # trafilatura's None
    assert devset.refusal_of(Extracted("", error="NotAnArticle")) == "NotAnArticle"


def test_a_raising_extractor_scores_zero_and_keeps_the_exception_type() -> None:
    def broken(markup: str | bytes) -> Extracted:
        raise KeyError("lost")

    outcome = devset.timed_outcome("newsclean", broken, b"<p>x</p>", "the expected text")
    assert (outcome.refusal, outcome.score, "lost" in outcome.detail) == ("KeyError", devset.NO_SCORE, True)
    fine = devset.timed_outcome("newsclean", lambda m: Extracted("the expected text", path="generic", confidence=0.9),
                                b"", "the expected text")
    assert (fine.refusal, fine.score.token_f1, fine.path, fine.confidence) == ("", 1.0, "generic", 0.9)


def test_pick_spread_takes_every_kth_page() -> None:
    refs = [devset.PageRef("s", str(i), Path(".")) for i in range(10)]
    assert [r.page_id for r in devset.pick_spread(refs, 5)] == ["0", "2", "4", "6", "8"]
    assert len(devset.pick_spread(refs, 50)) == 10


def test_summary_rows_split_article_and_other_pages() -> None:
    rows = devset.summary_rows(_results(), ["newsclean", "trafilatura"])
    assert [(r.source, r.subset, r.pages) for r in rows] == [
        ("dragnet", "article", 2), ("wcxb-dev", "all", 2), ("wcxb-dev", "article", 1), ("wcxb-dev", "other", 1),
        ("all sources", "article", 3), ("all sources", "other", 1), ("all sources", "all", 4)]
    dragnet = rows[0].stats["newsclean"]
    # shingle F1 is the F1 of the page-averaged precision and recall, not the mean of page F1s
    assert dragnet.summary.shingle_f1 == pytest.approx(f1(0.5, 0.25))
    assert (dragnet.refused, dragnet.not_an_article, dragnet.errors) == (1, 1, 0)
    every = rows[-1]
    assert (every.stats["newsclean"].errors, every.stats["newsclean"].fallback, every.stats["trafilatura"].empty) == (1, 1, 1)
    assert devset.speed_ratio(every) == pytest.approx(130 / 60) == pytest.approx(devset.speed_ratio(every, cpu=True))


def test_moved_most_lists_the_largest_rises_and_falls() -> None:
    old = {("a", "1"): 0.5, ("a", "2"): 0.5, ("a", "3"): 0.9, ("a", "4"): 0.7, ("a", "gone"): 0.1}
    new = {("a", "1"): 0.9, ("a", "2"): 0.6, ("a", "3"): 0.2, ("a", "4"): 0.7, ("a", "new"): 1.0}
    moves = devset.moved_most(old, new, top=1)
    assert (moves.compared, moves.changed) == (4, 3)
    assert [(m.page_id, round(m.delta, 3)) for m in moves.up] == [("1", 0.4)]
    assert [(m.page_id, round(m.delta, 3)) for m in moves.down] == [("3", -0.7)]


def test_the_per_page_csv_reads_back_for_the_next_diff() -> None:
    results = _results()
    text = devset.pages_csv(results, ["newsclean", "trafilatura"])
    assert text.splitlines()[0].startswith("source,page_id,is_article,newsclean_token_f1,newsclean_shingle_p")
    back = devset.shingle_f1_by_page(text)
    assert back[("dragnet", "dragnet-1")] == pytest.approx(f1(1.0, 0.5), abs=1e-4)
    assert back[("dragnet", "dragnet-2")] == 0.0
    assert devset.shingle_f1_by_page("source,page_id\nx,y\n") == {}


def test_the_section_replaces_only_what_lies_between_the_markers() -> None:
    document = "# Benchmark\n\nThe rest.\n"
    first = devset.replace_section(document, "## Devset\n\nold numbers\n")
    assert first.startswith(document.rstrip()) and first.endswith(f"{devset.MARK_END}\n")
    second = devset.replace_section(first + "\nAfter the section.\n", "## Devset\n\nnew numbers")
    assert "old numbers" not in second and "new numbers" in second
    assert second.startswith("# Benchmark\n\nThe rest.\n") and second.endswith("\nAfter the section.\n")
    assert devset.replace_section(second, "## Devset\n\nnew numbers") == second
    with pytest.raises(ValueError):
        devset.replace_section(f"text {devset.MARK_END}", "x")


def test_the_section_renders_targets_tables_and_a_first_run_note() -> None:
    info = devset.RunInfo(["--limit", "1"], Path("/devset"), 1.0, 2, {}, None, True, (0.5, 0.7))
    text = devset.section(_results(), ["newsclean", "trafilatura"], info, None, "", None)
    assert "### Targets (issue 12)" in text and "First run" in text
    assert "| **all sources** | article | 3 |" in text
    assert "KeyError" in text  # newsclean's unexpected exception is listed


def test_pandoc_forms_are_compared_on_pages_both_forms_converted() -> None:
    good, bad = _outcome(1.0, 1.0), _outcome(0.5, 0.5)
    pages = [devset.PandocPage("dragnet", "1", {"html": good, "gfm": good, "markdown": bad}, {}),
             devset.PandocPage("dragnet", "2", {"html": good, "gfm": good}, {"markdown": "timeout"})]
    report = devset.pandoc_report(pages, len(pages))
    assert (report.compared, report.failures["markdown"], report.worst_delta()) == (1, {"timeout": 1}, pytest.approx(0.5))
    assert [(g.page_id, g.loss) for g in report.losses] == [("1", pytest.approx(0.5))]
    assert devset.pandoc_cells(pages[1])[4:] == ["", "", "", "pandoc-timeout"]
    assert devset.pandoc_cells(None) == [""] * 8
    assert "**not met**" in report.target_line()


def test_a_clean_text_comes_back_unchanged_and_markup_does_not() -> None:
    assert devset.comes_back_unchanged("Documentation pages about markup name tags in their sentences, one paragraph "
                                       "to a line, as this one does.\n\nThe <table> element holds a table.") == ""
    assert devset.comes_back_unchanged("<html><body><article><p>Markup, not text.</p></article></body></html>") \
        == "read as html"


def test_promises_are_counted_and_the_pages_they_broke_on_named() -> None:
    kept = devset.Promises("", "")
    pages = [
        devset.PageResult("wcxb-dev", "wcxb-1", False, {}, promises=kept),
        devset.PageResult("wcxb-dev", "wcxb-2", False, {}, promises=devset.Promises("read as html", None)),
        devset.PageResult("wcxb-dev", "wcxb-3", False, {}, promises=devset.Promises("", "read as pandoc")),
        devset.PageResult("wcxb-dev", "wcxb-4", False, {}),  # newsclean not run on it: not counted
    ]
    lines = devset.promise_lines(pages)
    assert lines[2].endswith("| 3 | 2 | wcxb-2 (read as html) |")
    assert lines[3].endswith("| 2 | 1 | wcxb-3 (read as pandoc) |")
    assert devset.promise_lines(pages[3:]) == ["Not checked (newsclean was not run)."]
