"""The MCP Inspector CLI (a client nobody here wrote) lists the tools with described schemas.

The inspector comes from npm, pinned, installed once into a cache folder (then offline).
Without `npm` the test is skipped, except in CI (`CI=true`), where it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the `mcp` extra is not installed")

from tests.integration.mcp_server_client import ROOT

INSPECTOR = "@modelcontextprotocol/inspector@0.15.0"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "global-orchestrator-tests/inspector"
pytestmark = pytest.mark.slow


def inspector() -> Path:
    """The inspector's `mcp-inspector` script, installed into the cache on first use."""
    script = CACHE / "node_modules/.bin/mcp-inspector"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is missing: the MCP Inspector test must run in CI")
        pytest.skip("npm is not installed")
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), INSPECTOR],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return script


def test_inspector_cli_lists_described_schemas(tmp_path: Path) -> None:
    script = inspector()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    listed = subprocess.run(
        [
            str(script),
            "--cli",
            sys.executable,
            "-c",
            "from global_orchestrator.cli import main; main()",
            "mcp",
            "--model",
            "echo",
            "--db",
            f"sqlite:///{tmp_path}/state.db",
            "--method",
            "tools/list",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert listed.returncode == 0, listed.stderr[-2000:]
    tools = {t["name"]: t for t in json.loads(listed.stdout)["tools"]}
    assert set(tools) == {f"orchestrator.{n}" for n in ("list_missions", "plan", "run", "status", "resume")}
    run = tools["orchestrator.run"]
    assert run["description"].startswith("Plan and run a mission") and "\n    " not in run["description"]
    mission = run["inputSchema"]["$defs"]["Mission"]["properties"]
    for name in ("id", "userId", "type", "goal", "brandId", "constraints", "permissions", "context"):
        assert mission[name]["description"] and mission[name]["examples"], name
    assert run["inputSchema"]["properties"]["threadId"]["description"]
