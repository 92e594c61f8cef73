"""The MCP server through the official SDK client, over stdio and streamable HTTP (`orchestrator mcp`).

Every test starts the real `orchestrator mcp` command in a subprocess (the echo model, a
SQLite checkpointer in tmp_path) and talks to it with the SDK's `ClientSession`.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the `mcp` extra is not installed")

from langchain_core.language_models import BaseChatModel
from mcp.shared.memory import create_connected_server_and_client_session

from global_orchestrator.mcp_server import create_server
from global_orchestrator.testing import ScriptedChatModel
from tests.integration.mcp_server_client import (
    ROOT,
    TRANSPORTS,
    Transport,
    connect,
    error,
    mission,
    ok,
)

TOOLS = {
    "orchestrator.list_missions",
    "orchestrator.plan",
    "orchestrator.run",
    "orchestrator.status",
    "orchestrator.resume",
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/state.db"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_lists_tools_plans_and_reports_bad_arguments(
    transport: Transport, db: str, tmp_path: Path
) -> None:
    async with connect(transport, db, tmp_path) as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert set(tools) == TOOLS
        # descriptions are the docstrings; input schemas come from the pydantic models
        assert tools["orchestrator.plan"].description.startswith("Plan a mission")
        assert "waiting_approval" in (tools["orchestrator.run"].description or "")
        run_schema = tools["orchestrator.run"].inputSchema
        assert run_schema["required"] == ["mission"] and "threadId" in run_schema["properties"]
        assert {"goal", "type", "permissions", "constraints"} <= set(
            run_schema["$defs"]["Mission"]["properties"]
        )
        assert tools["orchestrator.resume"].inputSchema["required"] == ["threadId"]
        assert tools["orchestrator.status"].annotations.readOnlyHint is True  # type: ignore[union-attr]

        listed = ok(await session.call_tool("orchestrator.list_missions", {}))
        templates = {t["type"]: t for t in listed["templates"]}
        assert "marketing.campaign" in templates
        assert templates["clinical.intake_summary"]["requiredPermissions"] == ["agent:clinical", "phi:read"]

        back_to_school = mission("back-to-school.json")
        plan = ok(await session.call_tool("orchestrator.plan", {"mission": back_to_school}))
        assert plan["source"] == "template" and len(plan["subtasks"]) == 3
        assert plan["mermaid"].startswith("flowchart TD")
        assert plan["issues"] == []  # the brand folder was passed: brand-789 is found

        bad = error(
            await session.call_tool("orchestrator.plan", {"mission": {**back_to_school, "budgett": 5}})
        )
        assert (
            bad == "invalid arguments for orchestrator.plan: mission.budgett: Extra inputs are not permitted"
        )
        unknown = error(
            await session.call_tool("orchestrator.plan", {"mission": {**back_to_school, "type": "nope"}})
        )
        assert "unknown mission type 'nope'" in unknown
        misspelt = error(await session.call_tool("orchestrator.status", {"thread": "x"}))
        assert misspelt == "thread: unknown argument (expected: threadId)"
        ghost = error(await session.call_tool("orchestrator.status", {"thread_id": "ghost"}))
        assert ghost == "no mission run in thread 'ghost'"

        # the server keeps serving after errors
        again = ok(await session.call_tool("orchestrator.plan", {"mission": back_to_school}))
        assert again["subtasks"] == plan["subtasks"]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_run_reports_progress_per_subtask_event(transport: Transport, db: str, tmp_path: Path) -> None:
    progress: list[tuple[float, float | None, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append((value, total, message))

    back_to_school = mission("back-to-school.json")
    async with connect(transport, db, tmp_path) as session:
        missing_goal = {k: v for k, v in back_to_school.items() if k != "goal"}
        bad = error(await session.call_tool("orchestrator.run", {"mission": missing_goal}))
        assert bad == "invalid arguments for orchestrator.run: mission.goal: Field required"

        result = ok(
            await session.call_tool(
                "orchestrator.run", {"mission": back_to_school}, progress_callback=on_progress
            )
        )
        assert result["status"] == "completed" and result["success"] is True
        assert result["threadId"] == "mission-001" and "next" not in result
        ids = [f"mission-001-seed-{n}" for n in (1, 2, 3)]
        assert sorted(result["results"]) == ids
        assert all(r["status"] == "succeeded" for r in result["results"].values())

        # plan ready, then every subtask started and succeeded: strictly rising, ending at the total
        assert len(progress) == 1 + 2 * len(ids)
        values = [value for value, _total, _message in progress]
        assert values == sorted(set(values)) and values[0] == 0 and values[-1] == 3
        assert {total for _value, total, _message in progress} == {3}
        messages = [message or "" for _value, _total, message in progress]
        assert messages[0] == "plan ready: 3 subtasks (source: template)"
        for sid in ids:
            assert any(m.startswith(f"{sid} started") for m in messages)
            assert f"{sid} succeeded" in messages

        # a thread holds one run; the error says what to do
        again = error(await session.call_tool("orchestrator.run", {"mission": back_to_school}))
        assert "already holds a completed run" in again and "thread_id" in again
        status = ok(await session.call_tool("orchestrator.status", {"threadId": "mission-001"}))
        assert status["status"] == "completed" and status["results"] == result["results"]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_approval_flow(transport: Transport, db: str, tmp_path: Path) -> None:
    intake = mission("intake-summary.json")
    ids = ["mission-intake-01-seed-1", "mission-intake-01-seed-2"]
    async with connect(transport, db, tmp_path) as session:
        paused = ok(await session.call_tool("orchestrator.run", {"mission": intake}))
        assert paused["status"] == "waiting_approval" and paused["success"] is False
        assert paused["threadId"] == "mission-intake-01"
        assert [a["subtaskId"] for a in paused["pendingApprovals"]] == ids
        assert all(a["question"] for a in paused["pendingApprovals"])
        assert paused["results"] == {}  # nothing ran before the approvals
        assert (
            "orchestrator.resume" in paused["next"] and '"mission-intake-01-seed-1": true' in paused["next"]
        )

        status = ok(await session.call_tool("orchestrator.status", {"thread_id": "mission-intake-01"}))
        assert status["status"] == "waiting_approval"
        assert [a["subtaskId"] for a in status["pendingApprovals"]] == ids

        wrong = error(
            await session.call_tool(
                "orchestrator.resume", {"thread_id": "mission-intake-01", "approvals": {"seed-9": True}}
            )
        )
        assert wrong.startswith("not waiting for approval: seed-9")

        done = ok(
            await session.call_tool(
                "orchestrator.resume",
                {"thread_id": "mission-intake-01", "approvals": dict.fromkeys(ids, True)},
            )
        )
        assert done["status"] == "completed" and done["success"] is True
        assert done["pendingApprovals"] == [] and "next" not in done
        assert {sid: r["status"] for sid, r in done["results"].items()} == dict.fromkeys(ids, "succeeded")
        assert all(r["agent"] == "clinical" and r["output"] for r in done["results"].values())

        final = ok(await session.call_tool("orchestrator.status", {"thread_id": "mission-intake-01"}))
        assert final["status"] == "completed" and final["pendingApprovals"] == []


async def test_a_paused_run_is_resumed_by_another_server_process(db: str, tmp_path: Path) -> None:
    """Runs live in --db, not in the server: pause over stdio, approve over HTTP after a restart.

    Over stdio the mission's userId owns the run; over HTTP that principal (alice) may resume it.
    """
    alices = {**mission("intake-summary.json"), "userId": "alice"}
    async with connect("stdio", db, tmp_path) as session:
        paused = ok(await session.call_tool("orchestrator.run", {"mission": alices, "thread_id": "t1"}))
    assert paused["status"] == "waiting_approval" and paused["threadId"] == "t1"
    decisions = {"mission-intake-01-seed-1": True, "mission-intake-01-seed-2": False}
    async with connect("http", db, tmp_path) as session:
        done = ok(await session.call_tool("orchestrator.resume", {"threadId": "t1", "approvals": decisions}))
    assert done["status"] == "completed" and done["success"] is False
    assert done["results"]["mission-intake-01-seed-1"]["status"] == "succeeded"
    assert done["results"]["mission-intake-01-seed-2"]["status"] == "blocked"
    assert any(i["code"] == "approval.rejected" for i in done["issues"])


async def test_in_process_server_with_an_injected_model() -> None:
    """create_server takes a model object; `memory` keeps runs for the server's life.

    The operator's `show_phi=True` returns the clinical summary (labelled phi) as stored;
    by default it is withheld (tests/security/test_surfaces.py).
    """
    model = ScriptedChatModel(responses=["Care-team summary: three weeks of fatigue, type 2 diabetes."])
    server = create_server(db="memory", model=model, show_phi=True)
    thread = f"t-{uuid.uuid4().hex[:12]}"
    ids = ["mission-intake-01-seed-1", "mission-intake-01-seed-2"]
    async with create_connected_server_and_client_session(server) as session:
        run = {"mission": mission("intake-summary.json"), "thread_id": thread}
        paused = ok(await session.call_tool("orchestrator.run", run))
        assert paused["status"] == "waiting_approval"
        status = ok(await session.call_tool("orchestrator.status", {"thread_id": thread}))
        assert [a["subtaskId"] for a in status["pendingApprovals"]] == ids
        approvals = dict.fromkeys(ids, True)
        done = ok(
            await session.call_tool("orchestrator.resume", {"thread_id": thread, "approvals": approvals})
        )
    assert done["status"] == "completed" and done["success"] is True
    assert "Care-team summary" in json.dumps(done["results"][ids[1]]["output"])
    model.assert_complete()


async def test_an_unexpected_error_is_one_line_and_the_server_keeps_serving(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken_model() -> BaseChatModel:
        raise RuntimeError("model factory is broken")

    server = create_server(
        db="memory", model=broken_model, plan_with_model=True, brands_dir=ROOT / "examples/brands"
    )
    with caplog.at_level(logging.DEBUG, logger="global_orchestrator.mcp_server"):
        async with create_connected_server_and_client_session(server) as session:
            failed = error(
                await session.call_tool("orchestrator.plan", {"mission": mission("back-to-school.json")})
            )
            assert failed == "orchestrator.plan failed unexpectedly: RuntimeError: model factory is broken"
            ok(await session.call_tool("orchestrator.list_missions", {}))
    # the server's log has one redacted line at ERROR; the traceback (its chained messages
    # and notes are not redacted) only at DEBUG, for whoever debugs the server
    ours = [r for r in caplog.records if r.name == "global_orchestrator.mcp_server"]
    errors = [(r.getMessage(), r.exc_info) for r in ours if r.levelno >= logging.ERROR]
    assert errors == [(f"tool {failed}", None)], errors
    assert any(
        r.levelno == logging.DEBUG and r.exc_info and "orchestrator.plan" in r.getMessage() for r in ours
    )
