"""The metaset benchmark's matching rules and report pieces on hand-written inputs (the metaset itself is not
needed), and bench/run.py keeping the metaset block when it rewrites docs/benchmark.md."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib.util
import io
import json
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
