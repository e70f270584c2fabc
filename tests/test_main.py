"""``python -m newsclean`` is the ``newsclean`` command (the README's first example)."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES


def test_python_dash_m_runs_the_command() -> None:
    seed = FIXTURES / "seed-003" / "source.pandoc-gfm.md"
    result = subprocess.run([sys.executable, "-m", "newsclean", str(seed), "--format", "markdown"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("# Rex Tillerson Arrives in Mexico Facing Twin Threats to Relations\n")
    assert "Advertisement" not in result.stdout
