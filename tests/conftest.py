"""Shared test helpers: fixture folders are found automatically under ``fixtures/``; the
whole session runs with a home of its own in a temporary folder (HOME, the XDG folders and
MPLCONFIGDIR), so nothing the suite starts — Chromium, matplotlib, the command, Dask
workers — writes under the user's real home."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Input files a fixture folder may hold, and the form each one is in.
INPUT_FILES = {
    "source.html": "html",
    "source.pandoc-gfm.md": "pandoc",
    "source.pandoc-markdown.md": "pandoc",
    "source.txt": "text",
}


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per input file
class FixtureInput:
    """One input file of one fixture folder, with the folder's expected.json."""

    case: str
    path: Path
    form: str
    expected: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.case}/{self.path.name}"

    def read(self) -> bytes | str:
        """HTML as bytes (the decoder's job), markdown and text as str."""
        return self.path.read_bytes() if self.form == "html" else self.path.read_text(encoding="utf-8")


def fixture_inputs() -> list[FixtureInput]:
    """Every (fixture folder, input file) pair that has an expected.json."""
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        for name, form in INPUT_FILES.items():
            if (folder / name).is_file():
                found.append(FixtureInput(folder.name, folder / name, form, expected))
    return found


# --- a home of the session's own ------------------------------------------------------------

# Where each variable points inside the stand-in home (MPLCONFIGDIR: matplotlib's config and cache).
HOME_VARIABLES: dict[str, str] = {
    "HOME": ".", "XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache", "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state", "MPLCONFIGDIR": ".config/matplotlib",
}
# Listed by name in a home (what appears there is seen), and walked with each file's mtime and
# size (what is rewritten there is seen too): where Chromium, dconf, fontconfig and matplotlib write.
_LISTED_IN_HOME = (".config", ".cache", ".local/share", ".local/state")
_WALKED_IN_HOME = (".config/chromium", ".cache/chromium", ".cache/dconf", ".cache/fontconfig", ".cache/matplotlib",
                   ".config/matplotlib", ".pki")


@dataclass(frozen=True)
class HomeSandbox:
    """The session's stand-in home, and the real home as it was before the session touched anything."""

    root: Path
    real_home: Path
    real_home_before: dict[str, tuple[int, int]]
    saved_environment: dict[str, str | None]


SANDBOX: HomeSandbox | None = None  # set at session start, cleared at its end


def home_listing(home: Path) -> dict[str, tuple[int, int]]:
    """What the suite could leave in ``home``: entry names (mtime and size 0) of its usual folders, and
    (mtime, size) of everything under the folders browsers, fonts and matplotlib write to."""
    listing: dict[str, tuple[int, int]] = {}
    for folder in (home / name for name in _LISTED_IN_HOME):
        if folder.is_dir():
            listing.update({str(entry.relative_to(home)): (0, 0) for entry in folder.iterdir()})
    for base in (home / name for name in _WALKED_IN_HOME):
        if base.exists():
            for path in [base, *base.rglob("*")]:
                stat = path.lstat()
                listing[str(path.relative_to(home))] = (stat.st_mtime_ns, stat.st_size)
    return listing


def pytest_sessionstart(session: pytest.Session) -> None:
    """Point HOME, the XDG folders and MPLCONFIGDIR at a temporary folder; subprocesses inherit them."""
    global SANDBOX
    real_home = Path.home()
    before = home_listing(real_home)  # captured before anything is redirected
    root = Path(tempfile.mkdtemp(prefix="newsclean-tests-home-")).resolve()
    saved = {name: os.environ.get(name) for name in HOME_VARIABLES}
    for name, relative in HOME_VARIABLES.items():
        (root / relative).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(root / relative)
    SANDBOX = HomeSandbox(root, real_home, before, saved)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Give the variables back as they were and remove the stand-in home."""
    global SANDBOX
    if SANDBOX is None:
        return
    for name, value in SANDBOX.saved_environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    shutil.rmtree(SANDBOX.root, ignore_errors=True)
    SANDBOX = None


@pytest.fixture(scope="session")
def home_sandbox() -> HomeSandbox:
    """The session's stand-in home (see ``pytest_sessionstart``)."""
    assert SANDBOX is not None, "the session's home is set up at session start"
    return SANDBOX


# Property-test budgets: "ci" is fixed-seed and small enough for CI; "deep" is for a run by
# hand (HYPOTHESIS_PROFILE=deep python -m pytest tests/test_properties.py).
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("deep", max_examples=3000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
