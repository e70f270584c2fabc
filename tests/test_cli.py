"""The installed ``newsclean`` command, run as a subprocess: files, folders, globs, standard
input, WARC archives, output files and folders, parallel jobs, errors and exit statuses."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
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
    assert "3 pages, 2 articles, 1 not articles, 0 errors" in result.stderr
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
    folder = tmp_path / "texts"
    assert _run(str(NYT1), str(SEED), "--format", "text", "--out", f"{folder}/").returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["source.pandoc-gfm.txt", "source.txt"]
    assert (folder / "source.txt").read_text(encoding="utf-8").startswith("LONDON — After nearly 20 years")


def test_two_jobs_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    pages = [str(NYT1), str(NYT3), str(NYT5), str(SEED)] * 3
    one, two = _run(*pages, "--jobs", "1"), _run(*pages, "--jobs", "2")
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 12


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
    assert "3 pages, 2 articles, 1 not articles, 0 errors, 2 WARC records skipped (image/jpeg 1, request 1)" \
        in result.stderr
