"""Shared test helpers: fixture folders are found automatically under ``fixtures/``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# Property-test budgets: "ci" is fixed-seed and small enough for CI; "deep" is for a run by
# hand (HYPOTHESIS_PROFILE=deep python -m pytest tests/test_properties.py).
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("deep", max_examples=3000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
