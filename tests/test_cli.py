"""The installed ``newsclean`` command, run as a subprocess: files, folders, globs, standard
input, WARC archives, output files and folders, parallel jobs, errors and exit statuses."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES

NYT1, NYT3, NYT5 = (FIXTURES / c / "source.html" for c in ("nytimes-1", "nytimes-3", "nytimes-5"))
SEED = FIXTURES / "seed-003" / "source.pandoc-gfm.md"


def _command() -> list[str]:
    script = Path(sys.executable).with_name("newsclean")
    assert script.exists(), "the console script is installed with the package"
    return [str(script)]


def _run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_command(), *args], input=stdin.decode() if stdin else None, capture_output=True,
                          text=True, check=False, cwd=cwd)


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_files_give_one_jsonl_line_each_and_failures_are_reported() -> None:
    result = _run(str(NYT1), str(NYT5), str(SEED))
    rows = _lines(result.stdout)
    assert [r["source"] for r in rows] == [str(NYT1), str(NYT5), str(SEED)]
    assert rows[0]["article"]["title"] == "United States to Lift Sudan Sanctions"
    assert rows[1]["error"]["type"] == "NotAnArticle" and "section front" in rows[1]["error"]["message"]
    assert rows[2]["article"]["authors"] == ["Gardiner Harris", "Kirk Semple"]
    assert f"{NYT5}: NotAnArticle: section front" in result.stderr
    assert "3 pages, 2 articles, 1 non-article, 0 errors;" in result.stderr
    assert result.returncode == 1


def test_a_folder_is_walked_in_order_and_other_files_ignored(tmp_path: Path) -> None:
    shutil.copy(NYT3, tmp_path / "b.html")
    (tmp_path / "sub").mkdir()
    shutil.copy(NYT1, tmp_path / "sub" / "a.html")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = _run(str(tmp_path))
    assert [Path(r["source"]).name for r in _lines(result.stdout)] == ["b.html", "a.html"]
    assert result.returncode == 0


def test_a_glob(tmp_path: Path) -> None:
    for name in ("x1.html", "x2.html", "y.html"):
        shutil.copy(NYT1, tmp_path / name)
    result = _run(str(tmp_path / "x*.html"))
    assert [Path(r["source"]).name for r in _lines(result.stdout)] == ["x1.html", "x2.html"]


def test_standard_input_as_text() -> None:
    result = _run("-", "--format", "text", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert result.stdout.startswith("MEXICO CITY — The Trump administration calls the visit")
    assert result.stdout.rstrip().endswith("regional, commercial integration.”")
    assert result.stderr == ""  # one page: no progress bar, no summary


def test_markdown_and_json_of_one_page() -> None:
    markdown = _run(str(SEED), "--format", "markdown").stdout
    assert markdown.startswith("# Rex Tillerson Arrives in Mexico Facing Twin Threats to Relations\n")
    data = json.loads(_run(str(SEED), "--format", "json").stdout)
    assert data["article"]["short_url"] == "https://nyti.ms/2m9GO6A"


def test_out_file_and_out_folder(tmp_path: Path) -> None:
    out_file = tmp_path / "all.jsonl"
    assert _run(str(NYT1), str(NYT3), "--out", str(out_file)).returncode == 0
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 2
    folder = tmp_path / "texts"  # pages named directly from outside the current folder keep their names
    assert _run(str(NYT1), str(SEED), "--format", "text", "--out", f"{folder}/", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["source.pandoc-gfm.txt", "source.txt"]
    assert (folder / "source.txt").read_text(encoding="utf-8").startswith("LONDON — After nearly 20 years")


def test_two_jobs_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    pages = [str(NYT1), str(NYT3), str(NYT5), str(SEED)] * 3
    one, two = _run(*pages, "--jobs", "1"), _run(*pages, "--jobs", "2")
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 12


def test_two_jobs_keep_the_input_order_behind_a_slow_page_and_a_failing_one(tmp_path: Path) -> None:
    slow = tmp_path / "a-slow.html"  # 1.5 MB: it takes its worker a second, the other worker goes on meanwhile
    unit = '<p>Sentence number {n} with several ordinary words in it.</p><div class="ad">Advertisement</div>\n'
    slow.write_text("<html><body><article>\n" + "".join(unit.format(n=n) for n in range(15_000))
                    + "</article></body></html>\n", encoding="utf-8")
    garbage = tmp_path / "c-garbage.html"
    garbage.write_bytes(bytes(range(256)) * 64)
    pages = [str(slow), str(NYT1), str(garbage), *[str(NYT3), str(SEED), str(NYT1)] * 4]
    one, two = _run(*pages, "--jobs", "1"), _run(*pages, "--jobs", "2")
    assert two.stdout == one.stdout
    assert two.returncode == one.returncode == 1
    rows = _lines(two.stdout)
    assert [r["source"] for r in rows] == pages
    assert len(rows[0]["article"]["paragraphs"]) == 15_000
    assert rows[2]["error"]["type"] == "DecodeError" and "c-garbage.html: DecodeError" in two.stderr
    assert all("article" in row for i, row in enumerate(rows) if i != 2)  # its neighbours in the same task are fine


def test_jobs_read_the_input_only_a_bounded_window_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import batch

    pulled: list[int] = []

    def pages(count: int, size: int) -> Iterator[batch.PageInput]:
        for i in range(count):
            pulled.append(i)
            yield batch.PageInput(f"page-{i}", b"<p>" + b"x" * (size - 3))

    for count_bound, size in ((2 * batch._IN_FLIGHT_PER_JOB, 100), (5, 1000)):
        if size == 1000:  # the window in markup bytes (the pool reads it in this process): 5 pages of 1,000 bytes
            monkeypatch.setattr(batch, "_IN_FLIGHT_BYTES_PER_JOB", 2_500)
        pulled.clear()
        rows = batch.clean_pages(pages(200, size), jobs=2)
        first = next(rows)
        assert len(pulled) <= count_bound + batch._PAGES_PER_TASK  # the window and one task read ahead, no more
        rest = list(rows)
        assert [row["source"] for row in [first, *rest]] == [f"page-{i}" for i in range(200)]
        assert all(row["article"]["text"] == "x" * (size - 3) for row in [first, *rest])


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_two_jobs_write_every_format_as_one_job_does(fmt: str, tmp_path: Path) -> None:
    pages = [str(NYT1), str(NYT5), str(SEED), str(NYT3)]
    one, two = _run(*pages, "--format", fmt, "--jobs", "1"), _run(*pages, "--format", fmt, "--jobs", "2")
    assert two.stdout == one.stdout and two.stderr.splitlines()[:-1] == one.stderr.splitlines()[:-1]
    assert f"==> {NYT3} <==" in two.stdout if fmt != "json" else json.loads(two.stdout)[3]["source"] == str(NYT3)
    _run(*pages, "--format", fmt, "--jobs", "2", "--out", f"{tmp_path / 'two'}/")
    _run(*pages, "--format", fmt, "--jobs", "1", "--out", f"{tmp_path / 'one'}/")
    written = sorted(path.relative_to(tmp_path / "two") for path in (tmp_path / "two").rglob("*") if path.is_file())
    assert len(written) == (4 if fmt == "json" else 3)  # text has no place for the page that is not an article
    assert all((tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes() for name in written)


def _render_or_fail(row: dict) -> tuple[str, str | None, int]:
    """A render for render_pages: fails on an article whose text starts with "fail"; says which process ran it."""
    if row.get("article", {}).get("text", "").startswith("fail"):
        raise ValueError("cannot render this one")
    return row["source"], row.get("error", {}).get("type"), os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_render_pages_renders_in_the_workers_and_a_failing_render_is_an_error_row(jobs: int) -> None:
    from newsclean.batch import PageInput, render_pages

    words = ["fine", "fail", "fine", "fine", "fail", "fine"] * 3
    pages = [PageInput(f"page-{i}", f"<p>{word} {'text ' * 20}</p>".encode()) for i, word in enumerate(words)]
    done = list(render_pages(pages, _render_or_fail, jobs=jobs))
    assert [source for source, _, _ in done] == [page.source for page in pages]
    assert [error for _, error, _ in done] == [None if w == "fine" else "InternalError.ValueError" for w in words]
    assert {pid != os.getpid() for _, _, pid in done} == {jobs > 1}


def test_missing_input_is_exit_status_2() -> None:
    result = _run("no/such/page.html")
    assert result.returncode == 2
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for uri, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://img.test/a.jpg", "response",
                                                      payload=io.BytesIO(b"\xff\xd8\xff"), http_headers=image))
        writer.write_record(writer.create_warc_record("https://www.nytimes.com/x", "request",
                                                      payload=io.BytesIO(b"GET /x HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_jsonl_lines_with_their_warc_fields(tmp_path: Path, name: str) -> None:
    uris = ["https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html",
            "https://www.nytimes.com/2019/02/21/nyregion/winter-weather-manholes-pipes.html",
            "https://www.nytimes.com/es/"]
    _warc(tmp_path / name, list(zip(uris, [NYT1.read_bytes(), NYT3.read_bytes(), NYT5.read_bytes()])))
    result = _run(str(tmp_path / name))
    rows = _lines(result.stdout)
    assert [r["url"] for r in rows] == uris
    assert all(r["warc_record_id"].startswith("<urn:uuid:") and r["warc_date"] for r in rows)
    assert rows[0]["article"]["title"] == "United States to Lift Sudan Sanctions"
    assert rows[1]["article"]["authors"] == ["Corey Kilgannon"]
    assert rows[2]["error"]["type"] == "NotAnArticle"
    assert "3 pages, 2 articles, 1 non-article, 0 errors, 2 WARC records skipped (image/jpeg 1, request 1);" \
        in result.stderr


# The command run in this process, main([...]): gzip pages, size limits, unreadable files,
# which files a folder walk reads, output paths, --version, help text and the summary.

def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], str]:
    """Exit status, JSONL rows and standard error of ``newsclean ARGS``."""
    from newsclean.cli import main

    status = main(list(args))  # standard output is captured, not a terminal: JSONL unless --format says
    captured = capsys.readouterr()
    return status, _lines(captured.out), captured.err


def _gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def test_a_gzip_page_gives_the_same_json_article_as_the_plain_page(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    gzipped = _gzip(tmp_path / "page.html.gz", NYT1.read_bytes())
    misnamed = _gzip(tmp_path / "saved.html", NYT1.read_bytes())  # gzip bytes under a plain name
    status, rows, err = _main(capsys, str(NYT1), str(gzipped), str(misnamed))
    assert status == 0, err
    assert rows[0]["article"]["title"] == "United States to Lift Sudan Sanctions"
    assert rows[1]["article"] == rows[0]["article"]
    assert rows[2]["article"] == rows[0]["article"]


def test_oversized_pages_and_a_gzip_bomb_are_error_rows_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = max(len(NYT1.read_bytes()), len(NYT3.read_bytes())) + 1000
    shutil.copy(NYT1, tmp_path / "a.html")
    _gzip(tmp_path / "b-bomb.html.gz", b"<p>" + b" " * (limit * 20))
    (tmp_path / "c-big.html").write_bytes(NYT3.read_bytes() + b" " * limit)
    _gzip(tmp_path / "d.html.gz", NYT3.read_bytes())
    assert (tmp_path / "b-bomb.html.gz").stat().st_size < limit // 50  # small on disk, huge unpacked
    status, rows, err = _main(capsys, str(tmp_path), "--max-bytes", str(limit))
    assert [Path(r["source"]).name for r in rows] == ["a.html", "b-bomb.html.gz", "c-big.html", "d.html.gz"]
    assert [r.get("error", {}).get("type") for r in rows] == [None, "InputTooLarge", "InputTooLarge", None]
    assert rows[3]["article"]["authors"] == ["Corey Kilgannon"]
    assert "b-bomb.html.gz: InputTooLarge" in err and "c-big.html: InputTooLarge" in err
    assert "4 pages, 2 articles, 0 non-articles, 2 errors" in err
    assert status == 1


def test_the_default_limit_is_newsclean_default_max_bytes(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import newsclean

    monkeypatch.setattr(newsclean, "DEFAULT_MAX_BYTES", len(NYT1.read_bytes()) - 1)
    status, rows, _ = _main(capsys, str(NYT1))
    assert rows[0]["error"]["type"] == "InputTooLarge" and status == 1


def test_max_bytes_takes_a_unit_and_refuses_nonsense(capsys: pytest.CaptureFixture[str]) -> None:
    status, rows, _ = _main(capsys, str(NYT1), "--max-bytes", "1M")
    assert status == 0 and rows[0]["article"]["title"] == "United States to Lift Sudan Sanctions"
    status, rows, _ = _main(capsys, str(NYT1), "--max-bytes", "100K")
    assert status == 1 and rows[0]["error"]["type"] == "InputTooLarge"
    from newsclean.cli import main

    for bad in ("0", "lots", "-5"):
        with pytest.raises(SystemExit) as exit_:
            main([str(NYT1), f"--max-bytes={bad}"])
        assert exit_.value.code == 2


def test_standard_input_is_under_the_limit(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    page = SEED.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    status, rows, _ = _main(capsys, "-", "--max-bytes", str(len(page) - 1))
    assert status == 1 and rows == [{"source": "-", "url": None,
                                     "error": {"type": "InputTooLarge", "message": rows[0]["error"]["message"]}}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    status, rows, _ = _main(capsys, "-", "--max-bytes", str(len(page)))
    assert status == 0 and rows[0]["article"]["authors"] == ["Gardiner Harris", "Kirk Semple"]


def _warc_with_encoded_bomb(path: Path, pages: list[tuple[str, bytes]], bomb_size: int) -> None:
    """A WARC of HTML responses, then one whose gzip Content-Encoding unpacks to ``bomb_size`` bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    _warc(path, pages)
    with path.open("ab") as handle:
        writer = WARCWriter(handle, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                protocol="HTTP/1.1")
        body = io.BytesIO(gzip.compress(b"<p>" + b" " * bomb_size))
        writer.write_record(writer.create_warc_record("https://bomb.test/", "response", payload=body,
                                                      http_headers=http))


def test_an_oversized_warc_record_is_an_error_row_and_the_archive_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = len(NYT3.read_bytes()) + 1000
    uris = ["https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html", "https://big.test/",
            "https://www.nytimes.com/2019/02/21/nyregion/winter-weather-manholes-pipes.html"]
    big = NYT1.read_bytes() + b" " * limit
    _warc_with_encoded_bomb(tmp_path / "crawl.warc", list(zip(uris, [NYT1.read_bytes(), big, NYT3.read_bytes()])),
                            bomb_size=limit * 20)
    status, rows, err = _main(capsys, str(tmp_path / "crawl.warc"), "--max-bytes", str(limit))
    assert [r["url"] for r in rows] == [*uris, "https://bomb.test/"]
    assert [r.get("error", {}).get("type") for r in rows] == [None, "InputTooLarge", None, "InputTooLarge"]
    assert rows[1]["source"].endswith("crawl.warc#1") and rows[1]["warc_record_id"].startswith("<urn:uuid:")
    assert rows[2]["article"]["authors"] == ["Corey Kilgannon"]
    assert "4 pages, 2 articles, 0 non-articles, 2 errors, 2 WARC records skipped" in err and status == 1


def test_unreadable_files_are_error_rows_and_the_batch_goes_on(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(NYT1, tmp_path / "a.html")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(NYT3.read_bytes())[:2000])  # cut short
    (tmp_path / "c.html").symlink_to(tmp_path / "gone.html")  # a dangling link: the file cannot be opened
    shutil.copy(NYT3, tmp_path / "d.html")
    status, rows, err = _main(capsys, str(tmp_path))
    assert [r.get("error", {}).get("type") for r in rows] == [None, "DecodeError", "FileNotFoundError", None]
    assert "damaged gzip" in rows[1]["error"]["message"]
    assert f"{tmp_path / 'c.html'}: FileNotFoundError" in err
    assert "4 pages, 2 articles, 0 non-articles, 2 errors" in err and status == 1


def test_a_folder_walk_reads_page_like_files_only_but_named_files_always(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).resolve().parent.parent / "README.md"  # mentions <div class=…> in a code span
    shutil.copy(readme, tmp_path / "README.md")
    (tmp_path / "notes.txt").write_text("Call the desk at 10.\n<div> is a tag.\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    shutil.copy(SEED, tmp_path / "gfm.md")
    shutil.copy(FIXTURES / "nytimes-1" / "source.pandoc-markdown.md", tmp_path / "fenced.md")
    _gzip(tmp_path / "page.htm.gz", NYT3.read_bytes())
    status, rows, err = _main(capsys, str(tmp_path))
    assert [Path(r["source"]).name for r in rows] == ["fenced.md", "gfm.md", "page.htm.gz"]
    assert rows[1]["article"]["authors"] == ["Gardiner Harris", "Kirk Semple"]
    assert rows[2]["article"]["authors"] == ["Corey Kilgannon"]
    assert "3 files skipped as not page-like" in err and status == 0
    _, named, _ = _main(capsys, str(tmp_path / "README.md"), str(tmp_path / "notes.txt"))
    assert [Path(r["source"]).name for r in named] == ["README.md", "notes.txt"]
    _, globbed, _ = _main(capsys, str(tmp_path / "*.md"))
    assert [Path(r["source"]).name for r in globbed] == ["README.md", "fenced.md", "gfm.md"]


def test_expand_inputs_keeps_yielding_paths_and_knows_gzip_pages(tmp_path: Path) -> None:
    from newsclean.batch import expand_inputs

    _gzip(tmp_path / "a.html.gz", b"<p>x</p>")
    _gzip(tmp_path / "b.xhtml.gz", b"<p>x</p>")
    _gzip(tmp_path / "c.tar.gz", b"not a page")
    (tmp_path / "README.md").write_text("# Notes\n", encoding="utf-8")
    assert [Path(p).name for p in expand_inputs([str(tmp_path)])] == ["a.html.gz", "b.xhtml.gz"]


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_out_folder_keeps_paths_relative_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for folder, page in (("saved/nytimes-1", NYT1), ("saved/nytimes-3", NYT3)):
        Path(folder).mkdir(parents=True)
        shutil.copy(page, Path(folder) / "source.html")
    _warc(Path("saved/crawl.warc.gz"), [("https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html",
                                          NYT1.read_bytes())])
    status, _, err = _main(capsys, "saved", "--format", "text", "--out", "out/")
    assert status == 0, err
    assert _files_under(tmp_path / "out") == ["saved/crawl/0.txt", "saved/nytimes-1/source.txt",
                                              "saved/nytimes-3/source.txt"]
    assert Path("out/saved/nytimes-1/source.txt").read_text(encoding="utf-8").startswith("LONDON — After nearly")
    assert Path("out/saved/crawl/0.txt").read_text(encoding="utf-8") == \
        Path("out/saved/nytimes-1/source.txt").read_text(encoding="utf-8")
    assert "already written" not in err


def test_out_folder_maps_inputs_outside_the_current_folder_and_never_writes_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    pages = tmp_path / "pages"
    for folder in ("a", "b"):
        (pages / folder).mkdir(parents=True)
        shutil.copy(NYT1, pages / folder / "source.html")
    shutil.copy(NYT3, tmp_path / "lone.html")
    status, _, err = _main(capsys, str(pages), "../lone.html", str(tmp_path / "pages" / "*" / "source.html"),
                           "--format", "json", "--out", "out/")
    assert status == 0, err
    # the folder's pages relative to it, the named page by its name, the glob's relative to its fixed folder
    # (the same paths as the folder's: the collision guard numbers them and says so)
    assert _files_under(tmp_path / "work" / "out") == ["a/source-2.json", "a/source.json", "b/source-2.json",
                                                       "b/source.json", "lone.json"]
    assert _files_under(tmp_path) == sorted([*(f"work/out/{p}" for p in _files_under(tmp_path / "work" / "out")),
                                             "pages/a/source.html", "pages/b/source.html", "lone.html"])
    assert err.count("is already written for another page") == 2
    row = json.loads((tmp_path / "work" / "out" / "b" / "source.json").read_text(encoding="utf-8"))
    assert row["source"] == str(pages / "b" / "source.html")


def test_out_folder_numbers_pages_that_map_to_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NYT1, tmp_path / "story.html")
    _gzip(tmp_path / "story.htm.gz", NYT3.read_bytes())
    _warc(tmp_path / "story.txt.warc", [("https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html",
                                         NYT1.read_bytes())])  # its records want a folder named story.txt
    status, _, err = _main(capsys, "story.html", "story.htm.gz", "story.txt.warc", "--format", "text",
                           "--out", "out/")
    assert status == 0
    assert _files_under(tmp_path / "out") == ["story-2.txt", "story.txt", "story.txt-2/0.txt"]
    assert (tmp_path / "out" / "story-2.txt").read_text(encoding="utf-8").startswith(
        _main_text(capsys, str(NYT3))[:60])
    assert "story.htm.gz: story.txt is already written for another page; wrote story-2.txt" in err


def _main_text(capsys: pytest.CaptureFixture[str], page: str) -> str:
    from newsclean.cli import main

    main([page, "--format", "text"])
    return capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import newsclean
    from newsclean.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"newsclean {newsclean.__version__}\n"


def test_inspect_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["inspect", "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    assert "usage: newsclean inspect" in help_text and "report" in help_text
    assert "``" not in help_text and "::" not in help_text


def test_summary_counts_are_singular_for_one_and_plural_for_more(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _main(capsys, str(NYT1), str(NYT5))
    assert "newsclean: 2 pages, 1 article, 1 non-article, 0 errors;" in err
    _warc(tmp_path / "one.warc", [("https://www.nytimes.com/es/", NYT5.read_bytes())])
    _, _, err = _main(capsys, str(tmp_path / "one.warc"), str(tmp_path / "one.warc"))
    assert "newsclean: 2 pages, 0 articles, 2 non-articles, 0 errors, 4 WARC records skipped" in err
    (tmp_path / "walked").mkdir()
    shutil.copy(NYT1, tmp_path / "walked" / "a.html")
    (tmp_path / "walked" / "notes.txt").write_text("plain notes\n", encoding="utf-8")
    _, _, err = _main(capsys, str(tmp_path / "walked"), str(NYT3))
    assert "newsclean: 2 pages, 2 articles, 0 non-articles, 0 errors, 1 file skipped as not page-like;" in err
    _, _, err = _main(capsys, str(tmp_path / "one.warc"))
    assert "newsclean: 1 page, 0 articles, 1 non-article, 0 errors, 2 WARC records skipped" in err
