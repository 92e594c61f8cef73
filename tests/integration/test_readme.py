"""The README as a newcomer reads it: what it is first, then the two commands, a Python example that runs as pasted."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_readme_opens_with_what_it_is_then_the_two_commands() -> None:
    before_code = README.split("```", 1)[0]
    assert "LLM agents" in before_code and len(before_code.splitlines()) <= 8
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert first_block[0].endswith(
        "orchestrator run examples/missions/back-to-school.json --site examples/site"
    )
    assert first_block[1].endswith(".venv/bin/python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text()
    assert first_block[1] in ci  # the second command is exactly what CI runs


def test_readme_links_stay_inside_the_repository() -> None:
    for target in re.findall(r"\]\(([^)]+)\)", README):
        assert not target.startswith(("http", "../", "/")), target
        assert (ROOT / target.split("#")[0]).exists(), target
    assert "../shared" not in README


def test_python_example_runs_as_pasted_offline(tmp_path: Path) -> None:
    snippet = README.split("```python\n", 1)[1].split("```", 1)[0]
    assert len([line for line in snippet.splitlines() if line.strip()]) <= 10
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    # no API keys and no ORCHESTRATOR_* settings: as on a fresh machine
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORCHESTRATOR_", "OPENAI_"))}
    done = subprocess.run(
        [sys.executable, "-c", snippet], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("True ")
    assert [line.split()[-1] for line in lines[1:]] == ["succeeded"] * 3
    page = (tmp_path / "report.html").read_text()
    assert 'id="plan-graph"' in page and 'class="timeline"' in page
