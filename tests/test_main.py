"""``python -m newsclean``: one page in, the article out, a clear message and exit 1 on failure."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsclean", *args], input=stdin, capture_output=True, check=False)


def test_prints_the_seed_page_as_markdown() -> None:
    result = _run(str(FIXTURES / "seed-003" / "source.pandoc-gfm.md"))
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith("# Rex Tillerson Arrives in Mexico Facing Twin Threats to Relations\n")
    assert "MEXICO CITY — The Trump administration" in out and "Advertisement" not in out


def test_json_from_standard_input() -> None:
    page = (FIXTURES / "nytimes-1" / "source.html").read_bytes()
    result = _run("-", "--format", "json", stdin=page)
    assert result.returncode == 0
    assert json.loads(result.stdout)["authors"] == ["Jeffrey Gettleman"]


def test_a_section_front_fails_with_the_reason() -> None:
    result = _run(str(FIXTURES / "nytimes-5" / "source.html"))
    assert result.returncode == 1
    assert b"NotAnArticle: section front" in result.stderr
    assert result.stdout == b""


def test_a_missing_file_is_reported_not_a_traceback() -> None:
    result = _run(str(FIXTURES / "no-such-page.html"))
    assert result.returncode == 2
    assert b"cannot read" in result.stderr and b"Traceback" not in result.stderr
