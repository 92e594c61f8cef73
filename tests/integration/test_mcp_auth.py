"""Who may do what over MCP, and the server's self-description, through the official SDK client.

HTTP: every request needs a bearer token (401 without); a principal reads, resumes and
approves only its own runs, and approving a clinical step needs the `approver` role.
Stdio: one user, trusted. Plus the polish: described schemas, dedented descriptions,
camelCase keys, the product's version, underscore names, brands as in the CLI.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytest.importorskip("mcp", reason="the `mcp` extra is not installed")

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import InitializeResult

from global_orchestrator import Mission
from global_orchestrator.mcp_server import check_http_exposure, create_server, product_version
from global_orchestrator.testing import ScriptedChatModel
from tests.integration.mcp_server_client import (
    BOB_TOKEN,
    ROOT,
    TRANSPORTS,
    Transport,
    command,
    connect,
    error,
    http_server,
    http_session,
    mission,
    ok,
)

IDS = ["mission-intake-01-seed-1", "mission-intake-01-seed-2"]
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "curl", "version": "1"},
    },
}


async def test_http_needs_a_bearer_token_and_a_principal_sees_only_its_own_runs(
    tmp_path: Path,
) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    async with http_server(db, tmp_path / "http-server.log") as url:
        # no token, a wrong token, a token in the wrong scheme: 401 before any MCP
        headers = {"Accept": "application/json, text/event-stream"}
        async with httpx.AsyncClient(timeout=30) as http:
            for extra in (
                {},
                {"Authorization": "Bearer not-a-token-000000000"},
                {"Authorization": f"Basic {BOB_TOKEN}"},
            ):
                response = await http.post(url, json=INITIALIZE, headers={**headers, **extra})
                assert response.status_code == 401, (extra, response.text)
                assert response.headers["www-authenticate"].startswith("Bearer")
            allowed = await http.post(
                url, json=INITIALIZE, headers={**headers, "Authorization": f"Bearer {BOB_TOKEN}"}
            )
            assert allowed.status_code == 200

        intake = mission("intake-summary.json")
        async with http_session(url) as alice:  # alice: an approver
            paused = ok(await alice.call_tool("orchestrator.run", {"mission": intake, "threadId": "a-1"}))
            assert paused["status"] == "waiting_approval" and paused["threadId"] == "a-1"
            assert (
                ok(await alice.call_tool("orchestrator.status", {"threadId": "a-1"}))["status"]
                == "waiting_approval"
            )

        async with http_session(url, BOB_TOKEN) as bob:  # bob: no approver role
            ghost = error(await bob.call_tool("orchestrator.status", {"threadId": "no-such-thread"}))
            assert ghost == "no mission run in thread 'no-such-thread'"
            # alice's run looks to bob exactly like a run that does not exist
            assert error(await bob.call_tool("orchestrator.status", {"threadId": "a-1"})) == (
                "no mission run in thread 'a-1'"
            )
            decided = error(
                await bob.call_tool(
                    "orchestrator.resume", {"threadId": "a-1", "approvals": dict.fromkeys(IDS, True)}
                )
            )
            assert decided == "no mission run in thread 'a-1'"
            assert error(await bob.call_tool("orchestrator.resume", {"threadId": "a-1"})) == decided
            taken = error(await bob.call_tool("orchestrator.run", {"mission": intake, "threadId": "a-1"}))
            assert "clinical" not in taken and "waiting" not in taken and "another thread" in taken

            # bob's own clinical run: he may read it and reject, not approve
            own = ok(await bob.call_tool("orchestrator.run", {"mission": intake, "threadId": "b-1"}))
            assert own["status"] == "waiting_approval"
            refused = error(
                await bob.call_tool("orchestrator.resume", {"threadId": "b-1", "approvals": {IDS[0]: True}})
            )
            assert refused == f"approving clinical subtask '{IDS[0]}' needs the 'approver' role"
            rejected = ok(
                await bob.call_tool(
                    "orchestrator.resume", {"threadId": "b-1", "approvals": dict.fromkeys(IDS, False)}
                )
            )
            assert rejected["status"] == "completed" and rejected["success"] is False

        async with http_session(url) as alice:
            # bob's attempts changed nothing; alice approves her own run
            assert error(await alice.call_tool("orchestrator.status", {"threadId": "b-1"})) == (
                "no mission run in thread 'b-1'"
            )
            done = ok(
                await alice.call_tool(
                    "orchestrator.resume", {"threadId": "a-1", "approvals": dict.fromkeys(IDS, True)}
                )
            )
            assert done["status"] == "completed" and done["success"] is True
            assert {r["status"] for r in done["results"].values()} == {"succeeded"}


def test_http_without_tokens_refuses_to_start_unless_told(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    env = {k: v for k, v in os.environ.items() if k != "ORCHESTRATOR_TOKENS"}
    started = subprocess.run(
        command(db, "--transport", "http", "--port", "1"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert started.returncode == 2
    assert "needs bearer tokens" in started.stderr and "Traceback" not in started.stderr


def test_serving_http_without_auth_beyond_loopback_warns_loudly(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="global_orchestrator.mcp_auth"):
        check_http_exposure("127.0.0.1", None, allow_anonymous=True)
        quiet = caplog.records[-1].getMessage()
        check_http_exposure("0.0.0.0", None, allow_anonymous=True)
        loud = caplog.records[-1].getMessage()
    assert "WITHOUT AUTHENTICATION" not in quiet and "without authentication" in quiet
    assert "WITHOUT AUTHENTICATION" in loud and "0.0.0.0" in loud and "!" * 40 in loud


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_schemas_are_described_and_keys_camel_case(transport: Transport, tmp_path: Path) -> None:
    init: list[InitializeResult] = []
    async with connect(transport, f"sqlite:///{tmp_path}/state.db", tmp_path, init=init) as session:
        assert init[0].serverInfo.name == "global-orchestrator"
        assert init[0].serverInfo.version == product_version() != "0+unknown"
        tools = {t.name: t for t in (await session.list_tools()).tools}
        for tool in tools.values():
            # dedented: no docstring indentation left in what the host shows the model
            assert tool.description and "\n    " not in tool.description, tool.name
            for name, prop in tool.inputSchema.get("properties", {}).items():
                assert "_" not in name, (tool.name, name)  # one casing: camelCase
                assert prop.get("description"), (tool.name, name)
        mission_schema = tools["orchestrator.run"].inputSchema["$defs"]["Mission"]
        props = mission_schema["properties"]
        assert set(props) == {a.alias for a in Mission.model_fields.values()}
        for name, prop in props.items():
            assert prop.get("description") and "\n" not in prop["description"], name
            assert prop.get("examples"), name
        assert props["userId"]["title"] == "User Id"  # not the alias run together ("Userid")
        assert "owner" in props["userId"]["description"]
        constraints = tools["orchestrator.run"].inputSchema["$defs"]["MissionConstraints"]["properties"]
        assert all(p.get("description") for p in constraints.values())

        # results use the same casing; snake_case input still loads
        paused = ok(
            await session.call_tool(
                "orchestrator.run", {"mission": mission("intake-summary.json"), "thread_id": "c-1"}
            )
        )
        assert paused["threadId"] == "c-1" and 'threadId "c-1"' in paused["next"]


async def test_underscore_tool_names_for_hosts_that_need_them(tmp_path: Path) -> None:
    async with connect(
        "stdio", f"sqlite:///{tmp_path}/state.db", tmp_path, "--tool-names", "underscore"
    ) as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert set(tools) == {
            f"orchestrator_{n}" for n in ("list_missions", "plan", "run", "status", "resume")
        }
        assert all(t.name.replace("_", "").isalnum() for t in tools.values())
        # descriptions and hints name the tools as listed
        assert "orchestrator_resume" in (tools["orchestrator_run"].description or "")
        assert "orchestrator." not in json.dumps([t.description for t in tools.values()])
        paused = ok(await session.call_tool("orchestrator_run", {"mission": mission("intake-summary.json")}))
        assert "orchestrator_resume" in paused["next"]
        done = ok(
            await session.call_tool(
                "orchestrator_resume",
                {"threadId": "mission-intake-01", "approvals": dict.fromkeys(IDS, True)},
            )
        )
        assert done["status"] == "completed"


async def test_both_tool_names_listed_and_equivalent() -> None:
    server = create_server(db="memory", model="echo", tool_names="both", brands_dir=ROOT / "examples/brands")
    async with create_connected_server_and_client_session(server) as session:
        names = {t.name for t in (await session.list_tools()).tools}
        assert {"orchestrator.plan", "orchestrator_plan"} <= names and len(names) == 10
        dotted = ok(await session.call_tool("orchestrator.plan", {"mission": mission("back-to-school.json")}))
        underscored = ok(
            await session.call_tool("orchestrator_plan", {"mission": mission("back-to-school.json")})
        )
        assert dotted["subtasks"] == underscored["subtasks"]


async def test_an_unknown_brand_is_an_error_as_in_the_cli(tmp_path: Path) -> None:
    empty = tmp_path / "brands"
    empty.mkdir()
    server = create_server(db="memory", model=ScriptedChatModel(responses=[]), brands_dir=empty)
    async with create_connected_server_and_client_session(server) as session:
        for tool in ("orchestrator.plan", "orchestrator.run"):
            failed = error(await session.call_tool(tool, {"mission": mission("back-to-school.json")}))
            assert failed.startswith("unknown brand 'brand-789'") and "--brands" in failed
        # a mission without a brand still plans
        no_brand = {k: v for k, v in mission("back-to-school.json").items() if k != "brandId"}
        assert ok(await session.call_tool("orchestrator.plan", {"mission": no_brand}))["subtasks"]


def test_a_missing_brands_folder_exits_2() -> None:
    started = subprocess.run(
        [
            sys.executable,
            "-c",
            "from global_orchestrator.cli import main; main()",
            "mcp",
            "--brands",
            "/nonexistent/brands",
            "--model",
            "echo",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert started.returncode == 2 and "is not a folder" in started.stderr
