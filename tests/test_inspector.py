"""The layer inspector: its report, and the report opened in a real headless Chromium.

Chromium is Debian's (``.ci/run`` installs it when missing); where no browser can be had
these tests are skipped with that reason. NEWSCLEAN_UPDATE_DOCS=1 writes the seed page's
screenshot to docs/inspector-seed.png. Every Chromium run gets a fresh ``--user-data-dir`` in
``tmp_path``, and the session's home (tests/conftest.py) takes what Chromium writes elsewhere.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsclean
from conftest import FIXTURES, HOME_VARIABLES, HomeSandbox, home_listing

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars"]
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (apt-get install chromium)")


def _hostile(origin: str) -> str:
    return f"""<html><head><meta http-equiv="refresh" content="0;url={origin}/refresh">
<script src="{origin}/script.js"></script><link rel="stylesheet" href="{origin}/style.css">
<style>body {{ background: url({origin}/css-background.png) }}</style></head>
<body onload="fetch('{origin}/onload')"><article>
<p>First paragraph of the story, long enough to be prose, with a comma, and more.</p>
<img src="{origin}/tracker.png" onerror="fetch('{origin}/onerror')" alt="pixel">
<p style="background:url({origin}/inline-style.png)">A <a href="javascript:fetch('{origin}/js-link')">javascript link</a>
and an <a href="https://example.org/ok">ordinary one</a>.</p>
<iframe src="{origin}/frame"></iframe><object data="{origin}/object"></object>
<video src="{origin}/video.mp4" poster="{origin}/poster.png"></video>
<form action="{origin}/form"><input name="q"><button>Go</button></form>
<script>fetch('{origin}/inline-script')</script>
<svg><script>fetch('{origin}/svg-script')</script><image href="{origin}/svg-image.png"/></svg>
<p>Last paragraph of the story, which also holds enough words to be prose.</p>
</article></body></html>"""


def test_report_lists_every_layer_with_the_articles_counts() -> None:
    markup = (FIXTURES / "seed-003" / "source.pandoc-gfm.md").read_text(encoding="utf-8")
    article = newsclean.clean(markup)
    tree = LexborHTMLParser(newsclean.inspect(markup))
    rows = {row.attrs["data-layer"]: (int(row.css_first(".nc-count").text()), int(row.css_first(".nc-chars").text()))
            for row in tree.css("#legend tbody tr")}
    assert rows.pop("kept") == (len(article.paragraphs), len(article.text))
    assert rows == {r.layer.value: (r.count, r.chars) for r in article.layers}
    assert len(tree.css(".nc-kept")) == len(article.paragraphs)
    assert tree.css_first("#article").text().count("Gardiner Harris, Kirk Semple") == 1


@pytest.mark.parametrize("case", ["seed-000/source.txt", "nytimes-1/source.pandoc-markdown.md", "lemonde-1/source.html"])
def test_every_input_form_and_generic_pages_get_a_report(case: str) -> None:
    path = FIXTURES / case
    markup = path.read_text(encoding="utf-8") if path.suffix in (".md", ".txt") else path.read_bytes()
    tree = LexborHTMLParser(newsclean.inspect(markup))
    kept = {" ".join(node.text().split()) for node in tree.css(".nc-kept")}
    assert {" ".join(b.text.split()) for b in newsclean.clean(markup).paragraphs} <= kept


def test_a_section_front_gets_a_report_that_says_why() -> None:
    tree = LexborHTMLParser(newsclean.inspect((FIXTURES / "nytimes-5" / "source.html").read_bytes()))
    assert "NotAnArticle: section front" in tree.css_first("#problem").text()
    assert {row.attrs["data-layer"] for row in tree.css("#legend tbody tr")} >= {"ad", "navigation", "footer"}


def test_nothing_active_survives_in_the_report() -> None:
    report = newsclean.inspect(_hostile("http://127.0.0.1:9"))
    lowered = report.lower()
    for needle in ("<script", "onerror", "onload", "javascript:", "<iframe", "<object", "<form", "<input",
                   "<video", "http-equiv=\"refresh\"", "url(", "127.0.0.1", "<link", "<svg"):
        assert needle not in lowered, needle
    assert "default-src 'none'" in report


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def recorder():  # noqa: ANN201
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _chromium(report: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHROMIUM, *BROWSER_FLAGS, f"--user-data-dir={profile}", *extra, report.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)


def _distinct_colours(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as image:
        return len(image.convert("RGB").resize((200, 260)).getcolors(maxcolors=1 << 16) or [])


PAGES = {"seed": FIXTURES / "seed-003" / "source.pandoc-gfm.md", "nytimes-3": FIXTURES / "nytimes-3" / "source.html",
         "guardian-1": FIXTURES / "guardian-1" / "source.html"}


@needs_browser
@pytest.mark.parametrize("name", list(PAGES))
def test_report_in_a_real_browser(name: str, tmp_path: Path, recorder: str) -> None:
    path = PAGES[name]
    markup = path.read_text(encoding="utf-8") if path.suffix == ".md" else path.read_bytes()
    article = newsclean.clean(markup)
    report = tmp_path / "report.html"
    report.write_text(newsclean.inspect(markup), encoding="utf-8")
    dom = _chromium(report, tmp_path / "profile-dom", "--dump-dom", "--virtual-time-budget=2000")
    assert dom.returncode == 0, dom.stderr[-800:]
    tree = LexborHTMLParser(dom.stdout)
    legend = {row.attrs["data-layer"]: int(row.css_first(".nc-count").text()) for row in tree.css("#legend tbody tr")}
    assert legend.pop("kept") == len(article.paragraphs)
    assert legend == {r.layer.value: r.count for r in article.layers}
    shot = tmp_path / "shot.png"
    taken = _chromium(report, tmp_path / "profile-shot", "--window-size=1400,1800", f"--screenshot={shot}")
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-800:]
    assert _distinct_colours(shot) > 20  # not blank: text, outlines, legend swatches
    assert recorder and _Recorder.hits == []
    if name == "seed" and os.environ.get("NEWSCLEAN_UPDATE_DOCS"):
        shutil.copy(shot, DOCS / "inspector-seed.png")


@needs_browser
def test_a_hostile_page_loads_nothing_and_runs_nothing_in_the_browser(tmp_path: Path, recorder: str) -> None:
    report = tmp_path / "hostile-report.html"
    report.write_text(newsclean.inspect(_hostile(recorder)), encoding="utf-8")
    dom = _chromium(report, tmp_path / "profile", "--dump-dom", "--virtual-time-budget=3000")
    assert dom.returncode == 0, dom.stderr[-800:]
    lowered = dom.stdout.lower()
    for needle in ("<script", "onerror=", "onload=", "javascript:", "<iframe", "<object", "<video", "refresh", "url("):
        assert needle not in lowered, needle
    assert "first paragraph of the story" in lowered and "last paragraph of the story" in lowered
    assert _Recorder.hits == []


def test_command_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = subprocess.run([sys.executable, "-m", "newsclean", "inspect", str(PAGES["seed"]), "-o", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Rex Tillerson" in out.read_text(encoding="utf-8")


# --- the suite keeps out of the user's home ---------------------------------------------------

def test_the_suite_runs_with_a_home_of_its_own(home_sandbox: HomeSandbox) -> None:
    """HOME, the XDG folders and MPLCONFIGDIR point inside the session's temporary home, here and in a subprocess."""
    inside = {name: Path(os.environ[name]).resolve().is_relative_to(home_sandbox.root) for name in HOME_VARIABLES}
    assert inside == dict.fromkeys(HOME_VARIABLES, True)
    assert Path(tempfile.gettempdir()).resolve() in home_sandbox.root.parents
    assert not home_sandbox.root.is_relative_to(home_sandbox.real_home.resolve())
    seen = subprocess.run([sys.executable, "-c", "import os, pathlib; print(pathlib.Path.home()); "
                           "print(os.environ['XDG_CACHE_HOME']); print(os.environ['MPLCONFIGDIR'])"],
                          capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(value).resolve().is_relative_to(home_sandbox.root) for value in seen), seen


def test_matplotlib_writes_in_the_sessions_home(home_sandbox: HomeSandbox) -> None:
    matplotlib = pytest.importorskip("matplotlib", reason="the bench extra (matplotlib) is not installed")
    assert Path(matplotlib.get_configdir()).resolve().is_relative_to(home_sandbox.root)
    assert Path(matplotlib.get_cachedir()).resolve().is_relative_to(home_sandbox.root)


@needs_browser
def test_a_real_browser_leaves_the_real_home_alone(home_sandbox: HomeSandbox, tmp_path: Path) -> None:
    """Chromium, started as the suite starts it, writes its crash settings and dconf cache in the session's
    home — and nothing appears or changes under the real home's .config and .cache."""
    report = tmp_path / "report.html"
    report.write_text(newsclean.inspect(PAGES["seed"].read_text(encoding="utf-8")), encoding="utf-8")
    dom = _chromium(report, tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-800:]
    assert (home_sandbox.root / ".config" / "chromium").is_dir()  # it did write: in the stand-in home
    after = home_listing(home_sandbox.real_home)
    before = home_sandbox.real_home_before
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert changed == []
