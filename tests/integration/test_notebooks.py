"""The notebooks in notebooks/ run top to bottom, offline, in a kernel of this Python.

Each notebook is executed with nbclient in a fresh kernel; any cell error fails the test.
The kernel is this interpreter (a kernelspec written to tmp_path points at
`sys.executable`), so the notebooks see the same installed package as the tests. Beyond
"no error", each test checks a few outputs that prove the notebook showed what it is for.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook tests need the `notebooks` extra")
nbclient = pytest.importorskip("nbclient", reason="the notebook tests need the `notebooks` extra")
pytest.importorskip("ipykernel", reason="the notebook tests need the `notebooks` extra")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "global-orchestrator-test"
CELL_TIMEOUT = 600  # seconds; the local model's cells take ~10 s alone, minutes on a loaded machine

pytestmark = pytest.mark.slow


def execute(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a notebook in a kernel of this Python; return every cell output as text."""
    # A kernelspec of our own, found first through JUPYTER_PATH: never a `python3` kernel
    # of another environment.
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "global-orchestrator tests",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells), f"{name} is committed with outputs"
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    # ipykernel stops forwarding the kernel's stderr file descriptor when it sees
    # PYTEST_CURRENT_TEST, and then `sys.stderr.fileno()` raises in the kernel, which the
    # MCP stdio client needs for its server's stderr. A kernel started by Jupyter never
    # has that variable; neither does ours.
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    client.execute(env=env)  # raises CellExecutionError on the first failing cell
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            elif "data" in output:
                texts.append(output.data.get("text/markdown") or output.data.get("text/plain", ""))
                texts.append(output.data.get("text/html", ""))
    return "\n".join(texts)


@pytest.mark.real_model  # one full mission run and one LLM plan on the embedded SmolLM2
def test_quickstart_runs_a_mission_with_the_local_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = execute("01_quickstart.ipynb", tmp_path, monkeypatch)
    assert "| clinical.intake_summary |" in out  # the templates table
    assert "```mermaid\nflowchart TD" in out
    assert "success=True status=completed" in out
    assert out.count("| succeeded | ") == 3  # the results table
    assert "completed ['mission-001-seed-1', 'mission-001-seed-2', 'mission-001-seed-3']" in out
    assert "source: " in out and "model calls" in out
    # the timeline plot: a bar per subtask, the critical path outlined; and the HTML report
    assert out.count('<rect class="bar') == 3 and 'class="bar critical"' in out
    assert "report: " in out and "self-contained" in out


def test_debugging_shows_events_history_replay_approvals_and_a_phi_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = execute("02_debugging.ipynb", tmp_path, monkeypatch)
    assert "mission_finished" in out and '"type": "subtask_succeeded"' in out
    # one run superstep holds every subtask (creative and brief on marketing, research on browser)
    assert "| agent_marketing, agent_browser, agent_marketing |" in out
    assert "agent_browser    mission-001-seed-2" in out  # the replay ran the agents again
    assert "status: waiting_approval" in out
    assert "approval.rejected" in out and "replaced:" in out
    assert "phi.blocked [patient-email]" in out
    assert "| patient-email | blocked | — |" in out and "| webinar-post | succeeded |" in out


def test_custom_agents_notebook_runs_functions_objects_retries_and_an_mcp_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = execute("03_custom_agents.ipynb", tmp_path, monkeypatch)
    assert "'read': ['mission-001-seed-1', 'mission-001-seed-2']" in out
    assert "subtask_retry" in out and "calls per subtask: {'mission-001-seed-1': 2" in out
    assert "'structured': {'result': ['backpacks', 'notebooks', 'pens']}" in out
    assert "Back to school: backpacks, notebooks, pens" in out
