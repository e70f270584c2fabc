"""A fresh install as a new user makes it: ``python3 -m venv`` with the pip it bundles (not
upgraded), then ``pip install .``. The documented fallback must import, results must travel,
and the command must read gzip pages and tell its version.

This test installs from the package index (about 20 s with a warm pip cache); it is skipped,
saying so, only when the index cannot be reached.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

import newsclean

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "nytimes-1" / "source.html"
_OFFLINE = re.compile(r"NewConnectionError|Temporary failure in name resolution|Network is unreachable|"
                      r"ConnectTimeout|Max retries exceeded", re.I)

_CHECKS = f"""
import copy, pathlib, pickle
import trafilatura, newsclean
from newsclean import fallback
assert fallback.load_trafilatura() is trafilatura
page = pathlib.Path({str(PAGE)!r})
article = newsclean.clean(page)
assert article == newsclean.clean(page.read_bytes())
assert pickle.loads(pickle.dumps(article)) == article == copy.deepcopy(article)
assert hash(article) == hash(copy.deepcopy(article))
print("checks passed")
"""


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the bundled pip and newsclean installed from a copy of this tree."""
    root = tmp_path_factory.mktemp("install")
    tree = root / "newsclean"
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)  # the pip that ships with this Python
    installed = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet",
                                "--disable-pip-version-check", str(tree)],
                               capture_output=True, text=True, timeout=900)
    if installed.returncode != 0 and _OFFLINE.search(installed.stderr):
        pytest.skip("the package index cannot be reached from here")
    assert installed.returncode == 0, installed.stderr[-3000:]
    return env_dir


def test_the_bundled_pip_installs_a_working_fallback_and_results_travel(fresh_venv: Path) -> None:
    done = subprocess.run([str(fresh_venv / "bin" / "python"), "-W", "error::RuntimeWarning", "-c", _CHECKS],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "checks passed" in done.stdout


def test_the_installed_command_reads_a_gzip_page_and_tells_its_version(fresh_venv: Path, tmp_path: Path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(PAGE.read_bytes()))
    command = str(fresh_venv / "bin" / "newsclean")
    cleaned = subprocess.run([command, str(packed), "--format", "json"], capture_output=True, text=True, timeout=300)
    assert cleaned.returncode == 0, cleaned.stderr
    row = json.loads(cleaned.stdout)
    assert row["article"]["title"] == newsclean.clean(PAGE).title
    version = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"newsclean {newsclean.__version__}"
