"""The benchmark's pages: the shared corpus when it is there, and the project's fixtures.

NYT pages and seeds are scored against the project's own expected paragraphs (fixtures,
written by reading each page); the other corpus pages against Readability's expected.html.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
FORMS = ("html", "pandoc-gfm", "pandoc-markdown")
_FORM_FILES = {"html": "source.html", "pandoc-gfm": "source.pandoc-gfm.md", "pandoc-markdown": "source.pandoc-markdown.md",
               "text": "source.txt"}


@dataclass
class Page:
    """One page in every form it has, with what it should give."""

    name: str
    group: str  # "nyt" | "generic" | "seed"
    inputs: dict[str, bytes]  # form → raw input
    expected_text: str | None  # None: not an article
    readability_text: str | None = None  # Readability's expected.html as text, for information
    expected_title: str | None = None
    expected_authors: list[str] | None = None
    expected_date: str | None = None  # YYYY-MM-DD
    notes: list[str] = field(default_factory=list)

    def html_text(self) -> str | None:
        raw = self.inputs.get("html")
        return raw.decode("utf-8", errors="replace") if raw is not None else None


def _html_to_text(html: str) -> str:
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    return root.text(separator=" ") if root is not None else ""


def split_names(byline: str | None) -> list[str] | None:
    """A byline string as a list of names (same rule for every extractor and the reference)."""
    if not byline:
        return None
    # Names end at the first line break and at the first digit: Readability's reference bylines
    # carry the date and a comment count ("By GILLIAN MOHNEY\n March 11, 2015", "by Lucas
    # Nolan22 Dec 2016651"), and no name holds a digit.
    text = byline.strip().split("\n")[0]
    for prefix in ("by ", "By ", "BY "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    chunks = text.replace(" and ", ",").replace(" & ", ",").replace(";", ",").split(",")
    parts = [name for chunk in chunks if (name := re.sub(r"\d.*$", "", chunk).strip(" ,;"))]
    return parts or None


def _fixture_expectations(folder: Path) -> tuple[str | None, dict]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if expected.get("not_an_article"):
        return None, expected
    if expected.get("unchanged"):
        return (folder / "source.txt").read_text(encoding="utf-8"), expected
    return "\n\n".join(p["text"] for p in expected["paragraphs"]), expected


def corpus_folders() -> list[Path]:
    """The shared corpus's page folders, sorted; empty when the corpus is not here (or holds no page)."""
    return sorted(d for d in CORPUS.iterdir() if d.is_dir()) if CORPUS.is_dir() else []


def load_pages(limit: int | None = None) -> tuple[list[Page], str]:
    """All pages, and a sentence saying where they came from."""
    pages: list[Page] = []
    fixture_by_corpus = {f"readability-{d.name}": d for d in FIXTURES.iterdir() if (d / "expected.json").is_file()}
    folders = corpus_folders()
    if folders:
        source = f"{CORPUS} ({len(folders)} pages) and the seed fixtures"
        for folder in folders:
            inputs = {form: (folder / name).read_bytes() for form, name in _FORM_FILES.items() if (folder / name).is_file()}
            meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            readability = _html_to_text((folder / "expected.html").read_text(encoding="utf-8"))
            fixture = fixture_by_corpus.get(folder.name)
            nyt = folder.name.startswith("readability-nytimes")
            page = Page(folder.name.removeprefix("readability-"), "nyt" if nyt else "generic", inputs,
                        readability, readability, meta.get("title"), split_names(meta.get("byline")),
                        (meta.get("publishedTime") or "")[:10] or None)
            if fixture is not None:
                page.expected_text, expected = _fixture_expectations(fixture)
                md = expected.get("metadata", {})
                page.expected_authors = md.get("authors", page.expected_authors)
                page.expected_date = md.get("published", page.expected_date)
                page.expected_title = md.get("title", page.expected_title)
            pages.append(page)
    else:
        source = f"the project's fixtures only ({CORPUS} is not here or holds no page)"
        for folder in sorted(d for d in FIXTURES.iterdir() if d.name.startswith("nytimes-")):
            text, expected = _fixture_expectations(folder)
            inputs = {form: (folder / name).read_bytes() for form, name in _FORM_FILES.items() if (folder / name).is_file()}
            md = expected.get("metadata", {})
            pages.append(Page(folder.name, "nyt", inputs, text, None, md.get("title"), md.get("authors"), md.get("published")))
    for seed in ("seed-003", "seed-000"):
        folder = FIXTURES / seed
        text, expected = _fixture_expectations(folder)
        inputs = {form: (folder / name).read_bytes() for form, name in _FORM_FILES.items() if (folder / name).is_file()}
        md = expected.get("metadata", {})
        pages.append(Page(seed, "seed", inputs, text, None, md.get("title"), md.get("authors"), md.get("published")))
    return (pages[:limit] if limit else pages), source
