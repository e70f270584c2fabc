"""The metaset benchmark's matching rules and report pieces on hand-written inputs (the metaset itself is not
needed), and bench/run.py keeping the metaset block when it rewrites docs/benchmark.md."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib.util
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import metaset  # noqa: E402
from metaset import Meta, PageResult  # noqa: E402


# --- normalisation and titles -------------------------------------------------------------

def test_normalise_unifies_width_quotes_dashes_space_and_case() -> None:
    assert metaset.normalise("  “Only\u00a0One”  Lyrics — PJ\tＭorton ") == '"only one" lyrics - pj morton'
    assert metaset.normalise("It’s") == metaset.normalise("It's") == "it's"
    assert metaset.normalise(None) == metaset.normalise("") == ""


@pytest.mark.parametrize(("expected", "got"), [
    ("Python 3.6.0 is now available!", "Python 3.6.0 is now available!"),
    ("“Only One” Lyrics : PJ Morton", '"only one" lyrics : pj morton'),
    ("Houston hires Major Applewhite as head coach", "Houston hires Major Applewhite as head coach | 247Sports"),
    ("Houston hires Major Applewhite as head coach - CNN.com", "Houston hires Major Applewhite as head coach"),
    ("Houston hires Major Applewhite as head coach – CNN.com", "Houston hires Major Applewhite as head coach | CNN"),
    ("CNN :: Houston hires Major Applewhite as head coach", "Houston hires Major Applewhite as head coach"),
    ("How to help babies sleep", "How to help babies sleep | Patient Education | UC Davis Children's Hospital"),
    ("Brief History of Coffee", "Brief History of Coffee - Charleston Coffee Roasters"),  # suffix longer than title
    ("New court files expose the spy operation", "New court files expose the spy operation -- Sott.net"),
])
def test_titles_that_match(expected: str, got: str) -> None:
    assert metaset.title_matches(expected, got)


@pytest.mark.parametrize(("expected", "got"), [
    ("Hardware-Attested Nix Builds", "Garnix Blog: Hardware-Attested Nix Builds"),  # a colon is not a separator
    ("Breaking - Houston hires a coach", "Breaking - Storm hits the coast"),  # only the short part in common
    ("Wir kämpfen für gute Arbeit", "Arbeit"),
    ("A headline", None),
    ("A headline", "   "),
    ("US News MBA Rankings: Full & Part Time", "US News MBA Rankings: Full &#038; Part Time"),  # entities are not decoded
])
def test_titles_that_do_not_match(expected: str, got: str | None) -> None:
    assert not metaset.title_matches(expected, got)


def test_an_expected_null_title_matches_only_no_title() -> None:
    assert metaset.title_matches(None, None) and metaset.title_matches(None, " ")
    assert not metaset.title_matches(None, "Something")


# --- authors ------------------------------------------------------------------------------

def test_a_single_string_byline_is_split_into_names() -> None:
    assert metaset.authors_match(["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"])
    assert metaset.authors_match(["JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL"],
                                 ["Josh Haskell", "David Caplan", "Patrick Reevell"])
    assert metaset.authors_match(["by: Ann Lee & Bo Kim; Cy Young"], ["Cy Young", "Bo Kim", "Ann Lee"])  # a set
    assert metaset.authors_match(["Ned Deily"], ["Ned Deily; Ned Deily"])  # repeats and trafilatura's "; "


def test_author_names_strip_by_punctuation_credentials_and_keep_order() -> None:
    assert metaset.author_names(["By Jane Doe and John Roe"]) == ["jane doe", "john roe"]
    assert metaset.author_names(["Dylan Bailey, MS, RD, FAND"]) == ["dylan bailey"]
    assert metaset.author_names(["Genevieve Carlton, Ph.D.", "Martin Luther King, Jr."]) == [
        "genevieve carlton", "martin luther king"]
    assert metaset.author_names(["Rebecca Lake, CEPF®"]) == ["rebecca lake"]
    assert metaset.author_names(["Sandy Anderson and Andy Brand"]) == ["sandy anderson", "andy brand"]  # word "and"
    assert metaset.author_names(["AP"]) == ["ap"]  # the first piece is never taken for a credential
    assert metaset.author_names(["Dr. Andrew Huberman", "Prof Jo Lee", "Ms Ann Poe"]) == [
        "andrew huberman", "jo lee", "ann poe"]  # honorifics go
    assert metaset.author_names(["Jean-Luc Aufranc (CNXSoft)", "Paramita (Guha) Ghosh"]) == [
        "jean-luc aufranc", "paramita ghosh"]  # so does what is in parentheses
    assert metaset.author_names(["", " , "]) == []


def test_authors_strict_and_first_author() -> None:
    expected = ["Dylan Bailey, MS, RD, FAND"]
    assert metaset.authors_match(expected, ["Dylan Bailey"])
    assert not metaset.authors_match(expected, ["Dylan Bailey", "Ms", "Rd", "Fand"])  # title-cased: names now
    assert metaset.first_author_found(expected, ["Dylan Bailey", "Ms", "Rd", "Fand"])
    assert not metaset.authors_match(["Jane Doe and John Roe"], ["Jane Doe"])
    assert metaset.first_author_found(["Jane Doe and John Roe"], ["John Roe", "Jane Doe", "Someone Else"])
    assert not metaset.first_author_found(["Jane Doe and John Roe"], ["John Roe"])


def test_expected_empty_authors_match_only_no_names() -> None:
    for check in (metaset.authors_match, metaset.first_author_found):
        assert check([], []) and check([], ["  "])
        assert not check([], ["Jane Doe"])
        assert not check(["Jane Doe"], [])


# --- published ----------------------------------------------------------------------------

@pytest.mark.parametrize(("expected", "got", "ok"), [
    ("2016-12-09", "2016-12-09", True),
    ("2016-12-09", dt.date(2016, 12, 9), True),
    ("2016-12-09", dt.datetime(2016, 12, 9, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))), True),
    ("2016-12-09", "2016-12-09T23:30:00-05:00", True),
    ("2016-12-09", "2016-12-10", False),  # no tolerance for a day the source checks as a day
    ("2016-12-09T09:13:00.000Z", "2016-12-09", True),
    ("2016-12-09T09:13:00.000Z", "2016-12-08", True),  # Z: ±1 day
    ("2016-12-09T23:13:00.000Z", "2016-12-10T01:13:00+02:00", True),
    ("2016-12-09T09:13:00.000Z", "2016-12-11", False),
    ("2016-12-09T09:13:00+02:00", "2016-12-10", False),  # an offset is not Z: the day as written
    ("2016-12-09T09:13:00", "2016-12-09T00:00:00", True),
    ("2025-07", "2025-07-31", True),  # month only
    ("2025-07", "2025-08-01", False),
    ("2016-12-09", None, False),
    ("2016-12-09", "", False),
    (None, None, True),  # the source asserts no date is found
    (None, "2016-12-09", False),
])
def test_published(expected: str | None, got: object, ok: bool) -> None:
    assert metaset.published_matches(expected, got) is ok


def test_expected_day_reads_tolerance_and_month() -> None:
    assert metaset.expected_day("2016-12-09T09:13:00.000Z") == (dt.date(2016, 12, 9), 1, False)
    assert metaset.expected_day("2016-12-09") == (dt.date(2016, 12, 9), 0, False)
    assert metaset.expected_day("2016-12") == (dt.date(2016, 12, 1), 0, True)
    with pytest.raises(ValueError):
        metaset.expected_day("December 9")


# --- pages, scores and the report ---------------------------------------------------------

def _page(source: str, page_id: str, expected: dict[str, object], ours: Meta, theirs: Meta, *,
          dubious: bool = False, tier: str = "test-asserted") -> PageResult:
    return PageResult(source, page_id, tier, dubious, expected, {"newsclean": ours, "trafilatura": theirs})


def _results() -> list[PageResult]:
    return [
        _page("goose3", "a", {"title": "Storm hits the coast", "authors": ["By Jane Doe and John Roe"]},
              Meta("Storm hits the coast | Site", ("Jane Doe", "John Roe")), Meta("Storm hits the coast", ("Jane Doe",))),
        _page("goose3", "b", {"title": "Storm hits the coast", "published": "2020-01-02T03:04:05.000Z"},
              Meta(error="NotAnArticle", detail="section front"), Meta("Other", (), "2020-01-01")),
        _page("postlight-parser", "c", {"authors": [], "published": None},
              Meta("T", (), None), Meta("T", ("Someone",), "2020-01-01")),
        _page("postlight-parser", "d", {"title": "Left out", "authors": ["Nobody"]},
              Meta("Wrong", ()), Meta("Wrong", ()), dubious=True),
    ]


def test_scores_per_source_and_overall_leave_dubious_pages_out() -> None:
    rows = metaset.score_rows(_results(), ["newsclean", "trafilatura"])
    table = {(r.group, r.column): r for r in rows}
    title = table[("all sources", "title")]
    assert (title.pages, title.cells["newsclean"].matched, title.cells["trafilatura"].matched) == (2, 1, 1)
    authors = table[("all sources", "authors")]
    assert (authors.pages, authors.empty) == (2, 1)
    assert (authors.cells["newsclean"].matched, authors.cells["trafilatura"].matched) == (2, 0)
    first = table[("all sources", "authors (first)")]
    assert first.cells["trafilatura"].matched == 1
    published = table[("all sources", "published")]
    assert (published.cells["newsclean"].matched, published.cells["trafilatura"].matched) == (1, 1)  # raise: a miss
    assert ("goose3", "published") in table and ("postlight-parser", "title") not in table  # no asserted pages
    assert table[("postlight-parser", "authors")].pages == 1  # the dubious page is left out


def test_miss_kinds() -> None:
    assert metaset.miss_kind("title", "Storm", Meta("Storm")) == ""
    assert metaset.miss_kind("title", "Storm", Meta(error="NotAnArticle")) == "raised NotAnArticle"
    assert metaset.miss_kind("title", "Storm", Meta("The Storm: live")) == "longer (holds the expected title)"
    carried = Meta("Storm", error="NotAnArticle", metadata_on_raise=True)  # the exception carried the metadata
    assert metaset.matches("title", "Storm", carried) and metaset.miss_kind("title", "Storm", carried) == ""
    assert metaset.miss_kind("title", "Calm", carried) == "raised NotAnArticle, metadata read from it"
    assert metaset.raises([metaset.PageResult("s", "1", "", False, {}, {"newsclean": carried})], "newsclean") == \
        {"NotAnArticle": 1}  # still counted as a raise
    assert metaset.miss_kind("title", None, Meta("Storm")) == "found, source asserts none"
    assert metaset.miss_kind("authors", ["A B, C D"], Meta(authors=("A B",))) == "some names missing"
    assert metaset.miss_kind("authors", ["A B"], Meta(authors=("A B", "C D"))) == "extra names"
    assert metaset.miss_kind("authors", ["A B"], Meta()) == "none found"
    assert metaset.miss_kind("published", "2020-01-02", Meta(published="2020-01-03")) == "off by 1 day"
    assert metaset.miss_kind("published", "2020-01-02", Meta(published="2022-01-03")) == "off by more than a year"


def test_targets_and_section() -> None:
    results = _results()
    info = metaset.RunInfo(["--limit", "2"], Path("/metaset"), 3.0, 2, partial=True)
    text = metaset.section(results, ["newsclean", "trafilatura"], info)
    assert text.startswith("## Metaset: ")
    assert "python bench/metaset.py --limit 2" in text and "a partial run" in text
    assert "| newsclean authors ≥ 0.80 (every source, dubious left out) | 1.000 (2/2) | **met** |" in text
    assert "| newsclean published ≥ 0.95 (every source, dubious left out) | 0.500 (1/2) | **not met** |" in text
    assert "| newsclean title ≥ trafilatura's | 0.500 (1/2) vs 0.500 (1/2) | **met** |" in text
    assert "| no page raises (newsclean, all 4 pages) | 1 pages: NotAnArticle 1 | **not met** |" in text
    assert "| **all sources** | 4 | 1 | 0 |" in text  # raise table: every page, dubious included
    assert "### Matching rules" in text and all(rule in text for rule in metaset.RULES)
    assert "| published | raised NotAnArticle | 1 | goose3/b |" in text
    assert "  - 1× `NotAnArticle`: section front" in text and "- goose3/b: `NotAnArticle`: section front" in text


def test_pages_csv_has_a_row_per_asserted_field() -> None:
    rows = list(csv.DictReader(io.StringIO(metaset.pages_csv(_results(), ["newsclean", "trafilatura"]))))
    assert [(r["id"], r["field"]) for r in rows] == [("a", "title"), ("a", "authors"), ("b", "title"),
                                                     ("b", "published"), ("c", "authors"), ("c", "published"),
                                                     ("d", "title"), ("d", "authors")]
    a = rows[1]
    assert (a["expected"], a["newsclean"], a["newsclean_match"], a["trafilatura_match"],
            a["trafilatura_first_author"]) == ("By Jane Doe and John Roe", "Jane Doe; John Roe", "1", "0", "1")
    assert rows[3]["newsclean_error"] == "NotAnArticle" and rows[3]["newsclean_match"] == "0"
    assert (rows[4]["expected"], rows[5]["expected"]) == ("[]", "null")
    assert rows[6]["dubious"] == "1" and rows[0]["newsclean_first_author"] == ""


def test_failure_lines_list_the_misses_of_a_field() -> None:
    lines = metaset.failure_lines(_results(), "published")
    assert lines[0].startswith("goose3/b\t[test-asserted]\traised NotAnArticle")
    assert "got:      NotAnArticle: section front" in lines[0]
    assert lines[-1] == "newsclean published: 1 misses of 2 scored pages (0 dubious pages left out)"


def test_replace_section_between_the_markers() -> None:
    start, end = metaset.MARK_START, metaset.MARK_END
    devset = "<!-- devset:start -->\nD\n<!-- devset:end -->"
    appended = metaset.replace_section(f"# Report\n\n{devset}\n", "## Metaset\nnew\n")
    assert appended == f"# Report\n\n{devset}\n\n{start}\n## Metaset\nnew\n{end}\n"
    replaced = metaset.replace_section(appended.replace("new", "old") + "tail\n", "## Metaset\nnewer")
    assert replaced == f"# Report\n\n{devset}\n\n{start}\n## Metaset\nnewer\n{end}\ntail\n"
    with pytest.raises(ValueError):
        metaset.replace_section(f"{end}\n{start}\n", "x")


def test_outputs_partial_beside_the_csv_complete_into_the_report(tmp_path: Path) -> None:
    written = metaset.write_outputs(tmp_path / "out", "a,b\n", "## Metaset\n", partial=True)
    assert [p.name for p in written] == [metaset.PAGES_CSV, "benchmark-metaset.md"]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "benchmark.md").write_text("# Benchmark\n", encoding="utf-8")
    metaset.write_outputs(docs, "a,b\n", "## Metaset\n", partial=False)
    assert (docs / "benchmark.md").read_text(encoding="utf-8") == (
        f"# Benchmark\n\n{metaset.MARK_START}\n## Metaset\n{metaset.MARK_END}\n")


def test_a_page_is_read_through_a_symlink_left_as_a_path(tmp_path: Path) -> None:
    (tmp_path / "devset" / "p").mkdir(parents=True)
    (tmp_path / "devset" / "p" / "source.html.gz").write_bytes(gzip.compress(b"<html>x</html>"))
    page = tmp_path / "metaset" / "wcxb-dev" / "0001"
    page.mkdir(parents=True)
    (page / "source.html.gz").write_text("../../../devset/p/source.html.gz", encoding="utf-8")
    (page / "expected.json").write_text(json.dumps({"url": None, "title": "x", "notes": "[annotated] page=x"}))
    assert metaset.read_page(page) == b"<html>x</html>"
    assert metaset.list_pages(tmp_path / "metaset", ["wcxb-dev"], None)[0].page_id == "0001"


def test_the_network_is_blocked_in_a_worker() -> None:
    import socket

    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo)
    try:
        metaset.block_network()
        with pytest.raises(metaset.NetworkBlocked):
            socket.getaddrinfo("example.org", 80)
        meta = metaset.run_one(lambda raw, text, url: Meta(title=str(socket.create_connection(("x", 1)))), b"", "", None)
        assert (meta.error, meta.network) == ("NetworkBlocked", 1)
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo = saved


# --- pandoc forms (--pandoc) ----------------------------------------------------------------

def _with_pandoc(page: PageResult, gfm: Meta | None, markdown: Meta | None, failed: dict[str, str] | None = None
                 ) -> PageResult:
    forms = {form: meta for form, meta in (("gfm", gfm), ("markdown", markdown)) if meta is not None}
    return PageResult(page.source, page.page_id, page.tier, page.dubious, page.expected, page.got, forms, failed or {})


def _pandoc_results() -> list[PageResult]:
    a, b, c, d = _results()
    return [
        _with_pandoc(a, Meta("Storm hits the coast", ("Jane Doe", "John Roe")),  # gfm: as good as the HTML
                     Meta("Storm hits the coast", ("Jane Doe",))),  # markdown: an author lost
        _with_pandoc(b, Meta("Storm hits the coast", (), None), Meta("Storm hits the coast", (), "2020-01-02")),
        _with_pandoc(c, None, Meta("T"), {"gfm": "timeout"}),  # gfm did not convert: the page is not compared
        d,  # dubious: never converted
    ]


def test_pandoc_table_compares_the_forms_on_the_pages_both_converted() -> None:
    results = _pandoc_results()
    assert [r.page_id for r in metaset.pandoc_compared(results)] == ["a", "b"]
    assert metaset.pandoc_failures(results) == [("postlight-parser/c", "gfm", "timeout")]
    table = {r.column: r for r in metaset.pandoc_rows(results)}
    assert {c: (r.pages, *(r.cells[f].matched for f in ("html", "gfm", "markdown"))) for c, r in table.items()} == {
        "title": (2, 1, 2, 2), "authors": (1, 1, 1, 0), "authors (first)": (1, 1, 1, 1), "published": (1, 0, 0, 1)}
    assert metaset.pandoc_gap(list(table.values())) == (1.0, "authors", "markdown")
    lines = metaset.pandoc_lines(results, "3.1")
    text = "\n".join(lines)
    assert "of the 3 scored pages" in text and "(pandoc 3.1)" in text and "`pandoc --sandbox -f html -t gfm`" in text
    assert "Compared on the 2 pages where both forms converted; failed conversions (1: gfm: 1 timeout; markdown: " \
           "none) are left out." in text
    assert "Failed conversions: postlight-parser/c (gfm, timeout)." in lines
    assert "| title | 2 | 0 | 0.500 (1/2) | 1.000 (2/2) | +0.500 (0, 1) | 1.000 (2/2) | +0.500 (0, 1) |" in lines
    assert "| authors | 1 | 0 | 1.000 (1/1) | 1.000 (1/1) | +0.000 (0, 0) | 0.000 (0/1) | -1.000 (1, 0) |" in lines
    assert "| published | 1 | 0 | 0.000 (0/1) | 0.000 (0/1) | +0.000 (0, 0) | 1.000 (1/1) | +1.000 (0, 1) |" in lines
    assert "newsclean raised on 1 (html), 0 (gfm), 0 (markdown) of these pages" in text  # page b raised on the HTML
    assert "<head>" not in text  # the forms' dates are no worse than the HTML's here


def test_pandoc_dates_lost_are_explained_and_the_target_is_not_met() -> None:
    page = _page("htmldate", "x", {"published": "2021-03-04"}, Meta(published="2021-03-04"), Meta())
    results = [_with_pandoc(page, Meta(), Meta(published="2021-03-04"))]
    assert "pandoc drops" in "\n".join(metaset.pandoc_lines(results, "3.1"))
    assert metaset.pandoc_target_line(results) == (
        "| both pandoc forms (gfm, markdown) within 0.05 of the HTML form on every field (newsclean) | 1 pages "
        "compared (0 failed conversions left out); largest gap 1.000 (published, gfm) | **not met** |")
    same = [_with_pandoc(page, Meta(published="2021-03-04"), Meta(published="2021-03-05T01:00:00+02:00"))]
    assert metaset.pandoc_target_line(same).endswith("largest gap 1.000 (published, markdown) | **not met** |")
    close = [_with_pandoc(page, Meta(published="2021-03-04"), Meta(published="2021-03-04T23:00:00-05:00"))]
    assert metaset.pandoc_target_line(close).endswith("largest gap 0.000 (published, gfm) | **met** |")
    assert metaset.pandoc_target_line([page]).endswith("no page compared (0 failed conversions) | **not met** |")


def test_pandoc_target_and_section_only_when_pandoc_ran() -> None:
    results = _pandoc_results()
    extractors = ["newsclean", "trafilatura"]
    info = metaset.RunInfo(["--limit", "2"], Path("/metaset"), 3.0, 2, partial=True)
    without = metaset.section(results, extractors, info)
    assert without == metaset.section(_results(), extractors, info)  # pandoc results unused: the section as before
    assert "andoc" not in without
    ran = metaset.section(results, extractors, metaset.RunInfo(["--pandoc"], Path("/metaset"), 3.0, 2, partial=True,
                                                                pandoc_version="3.1"))
    assert "pandoc 3.1" in ran.split("\n")[4]  # the machine line
    assert "- Pandoc forms (`--pandoc`, issue 13):" in ran
    targets = ran.split("### Targets (issue 13)")[1].split("###")[0]
    assert targets.strip().splitlines()[-1].startswith("| both pandoc forms (gfm, markdown) within 0.05 of the HTML ")
    assert "largest gap 1.000 (authors, markdown) | **not met** |" in targets
    assert ran.index("### Per trust tier") < ran.index("### Pandoc forms") < ran.index("### Raises")
    assert ran.replace(ran.split("### Pandoc forms")[1].split("### Raises")[0], "").count("### Pandoc forms") == 1


def test_pages_csv_pandoc_columns() -> None:
    extractors = ["newsclean", "trafilatura"]
    assert metaset.pages_csv(_pandoc_results(), extractors) == metaset.pages_csv(_results(), extractors)  # no columns
    rows = list(csv.DictReader(io.StringIO(metaset.pages_csv(_pandoc_results(), extractors, pandoc=True))))
    assert list(rows[0])[-8:] == ["newsclean_gfm", "newsclean_gfm_match", "newsclean_gfm_first_author",
                                  "newsclean_gfm_error", "newsclean_markdown", "newsclean_markdown_match",
                                  "newsclean_markdown_first_author", "newsclean_markdown_error"]
    a_authors = rows[1]
    assert (a_authors["newsclean_gfm"], a_authors["newsclean_gfm_match"], a_authors["newsclean_gfm_first_author"],
            a_authors["newsclean_markdown"], a_authors["newsclean_markdown_match"],
            a_authors["newsclean_markdown_first_author"]) == ("Jane Doe; John Roe", "1", "1", "Jane Doe", "0", "1")
    assert (rows[3]["newsclean_markdown"], rows[3]["newsclean_markdown_match"], rows[3]["newsclean_error"]) == (
        "2020-01-02", "1", "NotAnArticle")
    c_authors = rows[4]  # gfm timed out
    assert [c_authors[f"newsclean_gfm{s}"] for s in ("", "_match", "_first_author", "_error")] == [
        "", "", "", "pandoc-timeout"]
    assert c_authors["newsclean_markdown_match"] == "1"
    assert all(rows[6][k] == "" for k in rows[6] if k.startswith(("newsclean_gfm", "newsclean_markdown")))


def test_pandoc_forms_run_pandoc_sandboxed_and_name_a_failed_conversion(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """No pandoc needed: the conversion's subprocess is stood in for (gfm converts, markdown times out)."""
    import subprocess

    import devset

    argv: list[list[str]] = []

    def fake_run(args: list[str], *, input: bytes, timeout: float, **kwargs: object) -> subprocess.CompletedProcess:
        argv.append(args)
        if args[-1] == "markdown":
            raise subprocess.TimeoutExpired(args, timeout)
        return subprocess.CompletedProcess(args, 0, b"# " + input.split(b"<h1>")[1].split(b"</h1>")[0] + b"\n", b"")

    monkeypatch.setattr(devset, "PANDOC_CACHE", tmp_path / "cache")
    monkeypatch.setattr(devset.subprocess, "run", fake_run)
    monkeypatch.setitem(metaset._WORKER, "newsclean",
                        lambda raw, text, url: Meta(title=raw.decode("utf-8"), published=url))
    forms, failed = metaset.pandoc_forms(metaset.PageRef("goose3", "p", tmp_path), "<h1>Été</h1>", "https://x.org/a",
                                         "0.0-test")
    assert argv == [["pandoc", "--sandbox", "-f", "html", "-t", "gfm"],
                    ["pandoc", "--sandbox", "-f", "html", "-t", "markdown"]]
    assert forms["gfm"].title == "# Été\n" and forms["gfm"].published == "https://x.org/a" and "markdown" not in forms
    assert failed == {"markdown": "timeout"}
    argv.clear()
    again = metaset.pandoc_forms(metaset.PageRef("goose3", "p", tmp_path), "<h1>Été</h1>", None, "0.0-test")
    assert again[1] == failed and again[0]["gfm"].title == "# Été\n"
    assert argv == []  # both read from the cache: the conversion and the timeout


def test_pandoc_forms_of_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """measure_page converts a scored page (not a dubious one) and runs newsclean on each form; needs pandoc."""
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    import devset

    monkeypatch.setattr(devset, "PANDOC_CACHE", tmp_path / "cache")
    html = ("<html><head><title>Storm hits the coast | Site</title><meta property='article:published_time' "
            "content='2020-01-02'></head><body><article><h1>Storm hits the coast</h1><p>By Jane Doe</p>"
            + "<p>The storm reached the coast on Tuesday night and the wind kept blowing until morning.</p>" * 8
            + "</article></body></html>").encode("utf-8")
    for page_id, notes in (("ok", "[annotated] page=x"), ("odd", "[annotated] page=x; dubious: who knows")):
        folder = tmp_path / "metaset" / "goose3" / page_id
        folder.mkdir(parents=True)
        (folder / "source.html.gz").write_bytes(gzip.compress(html))
        (folder / "expected.json").write_text(json.dumps({"url": "https://example.org/storm", "title": "Storm hits "
                                                          "the coast", "notes": notes}), encoding="utf-8")
    calls: list[tuple[bytes, str | None]] = []

    def fake_newsclean(raw: bytes, text: str, url: str | None) -> Meta:  # what newsclean is given, not how it does
        calls.append((raw, url))
        return Meta(title=raw.decode("utf-8").splitlines()[0])

    monkeypatch.setitem(metaset._WORKER, "newsclean", fake_newsclean)  # not init_worker: it blocks sockets
    version = metaset.pandoc_version()
    odd, ok = (metaset.measure_page(ref, ["newsclean"], version) for ref in
               metaset.list_pages(tmp_path / "metaset", ["goose3"], None))
    assert (ok.page_id, odd.page_id, odd.dubious) == ("ok", "odd", True)
    assert set(ok.pandoc) == {"gfm", "markdown"} and not ok.pandoc_failed
    assert ok.got["newsclean"].title.startswith("<html><head><title>Storm")  # the HTML run had the bytes
    assert ok.pandoc["gfm"].title == "# Storm hits the coast" and "Storm hits the coast" in ok.pandoc["markdown"].title
    assert all(url == "https://example.org/storm" for _, url in calls) and len(calls) == 1 + 3  # dubious: HTML only
    assert len(list((tmp_path / "cache").rglob("*.md"))) == 2  # one cached conversion per form (both pages alike)
    assert (odd.pandoc, odd.pandoc_failed) == ({}, {})  # dubious: not converted
    assert metaset.measure_page(metaset.PageRef("goose3", "ok", tmp_path / "metaset" / "goose3" / "ok"),
                                ["newsclean"]).pandoc == {}  # without a pandoc version: no forms


# --- bench/run.py keeps the metaset block -------------------------------------------------

def _bench_run():  # noqa: ANN202 - the module
    spec = importlib.util.spec_from_file_location("bench_run_for_metaset", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_bench_run_keeps_the_devset_and_metaset_blocks(tmp_path: Path) -> None:
    run = _bench_run()
    devset = "<!-- devset:start -->\n## Devset\n<!-- devset:end -->"
    block = f"{metaset.MARK_START}\n## Metaset\n| a | 0.9  |\n{metaset.MARK_END}"
    previous = tmp_path / "benchmark.md"
    previous.write_text(f"# Old\n\n{devset}\n\n{block}\nafter\n", encoding="utf-8")
    assert run.with_devset_kept("# New\n", previous) == f"# New\n\n{devset}\n\n{block}\n"
    previous.write_text(f"# Old\n\n{block}\n", encoding="utf-8")
    assert run.with_devset_kept("# New\n", previous) == f"# New\n\n{block}\n"
    previous.write_text(f"# Old\n\n<!-- devset:start -->\nlost end\n\n{block}\n", encoding="utf-8")
    kept = run.with_devset_kept("# New\n", previous)
    assert kept.count(metaset.MARK_START) == 1 and kept.endswith(f"{block}\n")
