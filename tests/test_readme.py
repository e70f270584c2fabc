"""The README says what the code does: its first command prints markdown, and it names
every field of an Article."""

from __future__ import annotations

import dataclasses
import re
import shlex
import subprocess
import sys
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_command() -> tuple[str, list[str]]:
    """The README's command 1: its comment and the arguments of its `python -m newsclean` part."""
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    comment, command = block.splitlines()[:2]
    run = command.split("&&")[-1].strip()
    assert run.startswith("python -m newsclean ")
    return comment, shlex.split(run)[3:]


def test_command_one_prints_what_its_comment_says() -> None:
    comment, args = _first_command()
    assert "markdown" in comment
    done = subprocess.run([sys.executable, "-m", "newsclean", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)  # piped, not a terminal: the format must not depend on it
    assert done.returncode == 0, done.stderr
    article = newsclean.clean(ROOT / args[-1])
    assert done.stdout.startswith(f"# {article.title}\n")
    assert not done.stdout.lstrip().startswith(("{", "["))


def test_every_article_field_is_named() -> None:
    named = set(re.findall(r"`(\w+)`", README))
    fields = {field.name for field in dataclasses.fields(newsclean.Article)} | {"text"}
    assert sorted(fields - named) == []


def test_every_error_is_named() -> None:
    errors = {name for name in newsclean.__all__ if name.endswith(("Error", "Unavailable", "Article", "Large",
                                                                   "Input")) and name != "Article"}
    assert errors and sorted(e for e in errors if f"`{e}`" not in README) == []
