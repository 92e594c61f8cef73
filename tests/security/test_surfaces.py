"""Redaction on every surface, on by default (contract item 5).

Python API results, stream events, approval requests, the checkpointed interrupt, error
text in results/issues/logs (and in the raw database), the CLI, the MCP server and the chat
example's SSE stream. `show_phi=True` is the positive control.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

import global_orchestrator
from global_orchestrator import (
    AgentContext,
    AgentOutput,
    MissionEvent,
    Subtask,
    aget_mission_status,
    aresume_mission,
    arun_mission,
    astream_mission,
    astream_resume,
    build_graph,
)
from global_orchestrator.testing import ScriptedChatModel
from tests.security.helpers import (
    CLINICAL_GRANTS,
    DIAGNOSIS,
    DRUG,
    ERROR_MARKERS,
    ERROR_NOTE,
    FAST,
    IDENTIFIERS,
    INPUT_ONLY,
    MRN,
    NAME,
    NOTE,
    REDACTED,
    WITHHELD_TOKEN,
    assert_clean,
    mission,
    plan,
    raises,
    raw_clinical,
    step,
    uid,
)

ROOT = Path(__file__).resolve().parents[2]


def test_redacted_marker_is_public() -> None:
    """The placeholder callers can compare outputs with is part of the public API."""
    assert global_orchestrator.REDACTED == REDACTED


# -- Python API ---------------------------------------------------------------------------


async def test_run_mission_redacts_phi_labelled_output_by_default_and_show_phi_returns_it() -> None:
    """Attack: a caller (chat product, notebook) prints whatever run_mission returns."""
    m = mission("surf-run", permissions=CLINICAL_GRANTS)
    p = plan(m, step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}))
    result = await arun_mission(m, plan=p, agents={"clinical": raw_clinical})
    assert result.results["c"].status == "succeeded" and "phi" in result.results["c"].labels
    assert result.results["c"].output == REDACTED
    assert_clean(result, where="run_mission result")

    shown = await aget_mission_status(m.id, show_phi=True)
    assert shown.results["c"].output == {"text": NOTE}  # positive control: the caller opted in
    assert_clean(await aget_mission_status(m.id), where="get_mission_status result")

    m2 = mission("surf-run-show", permissions=CLINICAL_GRANTS)
    opted = await arun_mission(
        m2, plan=plan(m2, *p.subtasks), agents={"clinical": raw_clinical}, show_phi=True
    )
    assert opted.results["c"].output == {"text": NOTE}


async def test_approval_requests_are_redacted_until_the_caller_opts_in(sqlite_url: str) -> None:
    """Attack: a paused run's approval request (inputs, description, question) is shown in a chat UI."""
    m = mission("surf-approval", permissions=["agent:clinical", "phi:read"])
    p = plan(
        m,
        step(
            "c",
            "clinical",
            "clinical.summarize",
            f"Summarise the chart of {NAME} (MRN {MRN})",
            inputs={"text": NOTE, f"{NAME} MRN {MRN}": "chart key"},
        ),
    )
    paused = await arun_mission(m, plan=p, agents={"clinical": raw_clinical}, db=sqlite_url)
    assert paused.status == "waiting_approval"
    request = paused.pending_approvals[0]
    assert set(request.inputs.values()) == {REDACTED}
    assert_clean(paused, where="paused result")
    assert_clean(await aget_mission_status(m.id, db=sqlite_url), where="status of a paused run")

    shown = await aget_mission_status(m.id, db=sqlite_url, show_phi=True)
    assert shown.pending_approvals[0].inputs["text"] == NOTE  # positive control

    done = await aresume_mission(
        m.id, approvals={"c": True}, agents={"clinical": raw_clinical}, db=sqlite_url
    )
    assert done.results["c"].output == REDACTED
    assert_clean(done, where="resume_mission result")
    again = await aresume_mission(m.id, db=sqlite_url, show_phi=True)
    assert again.results["c"].output == {"text": NOTE}


async def test_the_checkpointed_interrupt_never_holds_the_raw_inputs(sqlite_url: str) -> None:
    """Attack: read the approval interrupt straight from the checkpoint (Studio, a DB dump, langgraph APIs)."""
    from global_orchestrator.persistence import open_checkpointer

    m = mission("surf-interrupt", permissions=["agent:clinical", "phi:read"])
    p = plan(m, step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}))
    paused = await arun_mission(m, plan=p, agents={"clinical": raw_clinical}, db=sqlite_url)
    assert paused.status == "waiting_approval"
    config: dict[str, Any] = {"configurable": {"thread_id": m.id}}
    async with open_checkpointer(sqlite_url) as saver:
        snapshot = await build_graph(checkpointer=saver).aget_state(config)
        values = [i.value for i in snapshot.interrupts]
        values += [i.value for task in snapshot.tasks for i in task.interrupts]
        stored = await saver.aget_tuple(config)
        assert stored is not None
        values += [w[2] for w in stored.pending_writes or [] if w[1] == "__interrupt__"]
    assert values, "no interrupt found in the checkpoint"
    assert_clean(values, INPUT_ONLY, where="checkpointed interrupt")


async def test_stream_events_are_redacted() -> None:
    """Attack: a chat product forwards every streamed event (plan, approvals, retries, failures, results)."""

    async def browser(subtask: Subtask, ctx: AgentContext) -> Any:
        raise TimeoutError(f"lookup timed out for {ERROR_NOTE}")

    m = mission("surf-stream", permissions=["agent:clinical", "phi:read"])
    p = plan(
        m,
        step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
        step("b", "browser", "browser.plan", "Look the clinic up", inputs={"note": NOTE}),
    )
    agents = {"clinical": raw_clinical, "browser": browser}
    first = [e async for e in astream_mission(m, plan=p, agents=agents, retry=FAST)]
    rest = [e async for e in astream_resume(m.id, approvals={"c": True}, agents=agents, retry=FAST)]
    kinds = {e.type for e in first + rest}
    assert {"plan_ready", "approval_needed", "subtask_succeeded", "subtask_failed"} <= kinds, kinds
    plan_event = next(e for e in first if e.type == "plan_ready")
    assert all(v == REDACTED for s in plan_event.data["plan"]["subtasks"] for v in s["inputs"].values())
    for event in first + rest:
        assert_clean(event, where=f"{event.type} event")
        assert_clean(event, ERROR_MARKERS, where=f"{event.type} event")


# -- error text ---------------------------------------------------------------------------------


async def test_error_text_with_phi_is_redacted_before_it_is_stored(
    sqlite_url: str, read_db: Callable[[str], bytes]
) -> None:
    """Attack: an agent fails with a patient's chart in the exception message."""
    m = mission("surf-error")
    p = plan(m, step("b", "browser", "browser.plan", "Look the clinic up"))
    result = await arun_mission(
        m,
        plan=p,
        agents={"browser": raises(RuntimeError(f"cannot parse {ERROR_NOTE}"))},
        db=sqlite_url,
        retry=FAST,
    )
    assert result.results["b"].status == "failed" and result.results["b"].error
    assert_clean(result, ERROR_MARKERS, where="run_mission result")
    shown = await aget_mission_status(m.id, db=sqlite_url, show_phi=True)
    assert_clean(shown, ERROR_MARKERS, where="status with show_phi")
    assert_clean(
        read_db(sqlite_url).decode("utf-8", "replace"), ERROR_MARKERS, where="raw checkpoint database"
    )


async def test_error_text_of_a_subtask_that_read_phi_is_withheld(
    sqlite_url: str, read_db: Callable[[str], bytes]
) -> None:
    """Attack: a step reading PHI-labelled input fails with (a rewording of) it in the message."""
    m = mission("surf-withheld", permissions=CLINICAL_GRANTS)
    p = plan(
        m,
        step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
        step("b", "browser", "browser.plan", "Plan the follow-up", depends_on=["c"]),
    )
    failing = raises(RuntimeError(f"{WITHHELD_TOKEN}: the chart says otherwise"))
    result = await arun_mission(
        m, plan=p, agents={"clinical": raw_clinical, "browser": failing}, db=sqlite_url, retry=FAST
    )
    error = result.results["b"].error or ""
    assert result.results["b"].status == "failed" and "RuntimeError" in error
    shown = await aget_mission_status(m.id, db=sqlite_url, show_phi=True)
    for surface in (result, shown):
        assert_clean(surface, [WITHHELD_TOKEN], where="result")
    assert WITHHELD_TOKEN.encode() not in read_db(sqlite_url)


# -- the CLI -------------------------------------------------------------------------------------


def _clinical_cli_agent() -> Callable[[Subtask, AgentContext], Any]:
    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        if subtask.tool == "clinical.summarize":
            raise RuntimeError(f"summary failed on {ERROR_NOTE}")
        return AgentOutput(output={"text": NOTE})  # a 'de-identify' that returns the raw note

    return agent


def test_cli_run_resume_and_status_are_redacted_unless_show_phi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attack: an operator runs, approves and inspects a PHI mission in a terminal (text and --json)."""
    from global_orchestrator import cli

    agents = {"clinical": _clinical_cli_agent()}
    real_run, real_resume = cli.astream_mission, cli.astream_resume
    monkeypatch.setattr(cli, "astream_mission", lambda m, **kw: real_run(m, agents=agents, retry=FAST, **kw))
    monkeypatch.setattr(
        cli, "astream_resume", lambda t, **kw: real_resume(t, agents=agents, retry=FAST, **kw)
    )
    file = tmp_path / "intake.json"
    data = {
        "id": "sec-cli-intake",
        "type": "clinical.intake_summary",
        "goal": "Summarise today's intake note for the care team",
        "permissions": ["agent:clinical", "phi:read"],
        "context": {"note": NOTE},
    }
    file.write_text(json.dumps(data))
    db = f"sqlite:///{tmp_path}/cli.db"
    approve = ["--approve", "sec-cli-intake-seed-1", "--approve", "sec-cli-intake-seed-2"]
    runner = CliRunner()
    shown: list[tuple[str, str]] = []
    for thread, extra in (("t-text", []), ("t-json", ["--json"])):
        for args in (
            ["run", str(file), "--db", db, "--model", "echo", "--thread", thread, *extra],
            ["resume", thread, "--db", db, "--model", "echo", *approve, *extra],
            ["status", thread, "--db", db, *extra],
        ):
            res = runner.invoke(cli.app, args)
            assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
            shown.append((" ".join(args[:1] + extra), res.stdout + res.stderr))
    parsed = json.loads(runner.invoke(cli.app, ["status", "t-json", "--db", db, "--json"]).stdout)
    deidentify = parsed["results"]["sec-cli-intake-seed-1"]
    assert deidentify["output"] == REDACTED and "phi" in deidentify["labels"]
    assert parsed["results"]["sec-cli-intake-seed-2"]["status"] == "failed"
    for where, text in shown:
        assert_clean(text, where=f"orchestrator {where}")
        assert_clean(text, ERROR_MARKERS, where=f"orchestrator {where}")
    opted = runner.invoke(cli.app, ["status", "t-json", "--db", db, "--json", "--show-phi"])
    assert NAME in opted.stdout  # positive control
    assert_clean(opted.stdout, ERROR_MARKERS, where="status --show-phi (error text is never stored)")


# -- the MCP server -------------------------------------------------------------------------------


def _ok(result: Any) -> dict[str, Any]:
    assert not result.isError, result.content
    data: dict[str, Any] = json.loads(result.content[0].text)
    return data


async def test_mcp_server_run_status_and_resume_are_redacted() -> None:
    """Attack: an MCP host (a chat assistant) calls orchestrator.run/status/resume on a PHI mission."""
    pytest.importorskip("mcp", reason="the `mcp` extra is not installed")
    from mcp.shared.memory import create_connected_server_and_client_session

    from global_orchestrator.mcp_server import create_server
    from global_orchestrator.testing import ScriptedChatModel as Model

    summary = f"Care-team summary: {NAME} (MRN {MRN}) has {DIAGNOSIS}, continue {DRUG}."
    server = create_server(db="memory", model=Model(responses=[summary]))
    progress: list[str] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append(message or "")

    intake = {
        "id": uid("sec-mcp-intake"),
        "type": "clinical.intake_summary",
        "goal": "Summarise today's intake note for the care team",
        "permissions": ["agent:clinical", "phi:read"],
        "context": {"note": NOTE},
    }
    thread = uid("mcp-thread")
    async with create_connected_server_and_client_session(server) as session:
        paused = _ok(
            await session.call_tool(
                "orchestrator.run", {"mission": intake, "thread_id": thread}, progress_callback=on_progress
            )
        )
        assert paused["status"] == "waiting_approval"
        status = _ok(await session.call_tool("orchestrator.status", {"thread_id": thread}))
        ids = [a["subtaskId"] for a in status["pendingApprovals"]]
        done = _ok(
            await session.call_tool(
                "orchestrator.resume",
                {"thread_id": thread, "approvals": dict.fromkeys(ids, True)},
                progress_callback=on_progress,
            )
        )
        after = _ok(await session.call_tool("orchestrator.status", {"thread_id": thread}))
    assert done["status"] == "completed", done
    summarize = next(r for sid, r in done["results"].items() if sid.endswith("seed-2"))
    assert summarize["status"] == "succeeded" and summarize["output"] == REDACTED
    for where, value in (
        ("run", paused),
        ("status", status),
        ("resume", done),
        ("status", after),
        ("progress", progress),
    ):
        assert_clean(value, IDENTIFIERS, where=f"orchestrator.{where}")


# -- the chat example ---------------------------------------------------------------------------------


def _load_chat_app() -> ModuleType:
    pytest.importorskip("fastapi", reason="the chat example needs fastapi")
    spec = importlib.util.spec_from_file_location(
        "chat_app_security", ROOT / "examples" / "chat_app" / "app.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _frames(body: str) -> list[MissionEvent]:
    events = []
    for block in body.strip().split("\n\n"):
        data = next(line.removeprefix("data: ") for line in block.splitlines() if line.startswith("data: "))
        events.append(MissionEvent.model_validate(json.loads(data)))
    return events


async def test_chat_example_sse_is_always_redacted(tmp_path: Path) -> None:
    """Attack: a browser client reads the chat example's SSE stream and status for a PHI mission."""
    import httpx

    from global_orchestrator.identity import TokenMap

    token = "sec-approver-token-0123"
    app = _load_chat_app().create_app(
        db=f"sqlite:///{tmp_path}/chat.db",
        model=ScriptedChatModel(responses=[]),
        agents={"clinical": _clinical_cli_agent()},
        tokens=TokenMap([{"token": token, "id": "sec-approver", "roles": ["approver"]}]),
    )
    intake = {
        "id": uid("sec-chat-intake"),
        "type": "clinical.intake_summary",
        "goal": "Summarise today's intake note for the care team",
        "permissions": ["agent:clinical", "phi:read"],
        "context": {"note": NOTE},
    }
    transport = httpx.ASGITransport(app=app)
    auth = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(
        transport=transport, base_url="http://chat.test", headers=auth, timeout=30
    ) as client:
        started = await client.post("/missions", json={"mission": intake, "threadId": "chat-sec"})
        assert started.status_code == 200
        first = _frames(started.text)
        asked = [e.subtask_id for e in first if e.type == "approval_needed"]
        assert asked, [e.type for e in first]
        rest_response = await client.post(
            "/missions/chat-sec/approvals", json={"approvals": dict.fromkeys(asked, True)}
        )
        assert rest_response.status_code == 200
        rest = _frames(rest_response.text)
        status = (await client.get("/missions/chat-sec")).json()
    assert rest[-1].type == "mission_finished"
    for event in first + rest:
        assert_clean(event, where=f"SSE {event.type}")
        assert_clean(event, ERROR_MARKERS, where=f"SSE {event.type}")
    assert_clean(status, where="GET /missions/{thread}")
    assert_clean(status, ERROR_MARKERS, where="GET /missions/{thread}")


def test_plans_withhold_phi_inputs_and_show_the_rest() -> None:
    """A plan shown on a surface (`orchestrator.plan`, `plan_ready` events) withholds exactly
    the input values that carry PHI, and every input of clinical work; the rest stays readable."""
    from global_orchestrator.redaction import redact_plan

    plan = {
        "subtasks": [
            {
                "id": "copy",
                "agent": "marketing",
                "description": "Draft copy",
                "inputs": {
                    "goal": "Spring launch",
                    "budget": 100,
                    "channels": ["email", "social"],
                    "note": NOTE,
                },
            },
            {"id": "intake", "agent": "clinical", "description": "Summarise", "inputs": {"tone": "plain"}},
        ]
    }
    shown = redact_plan(plan)
    copy, intake = shown["subtasks"]
    assert copy["inputs"] == {
        "goal": "Spring launch",
        "budget": 100,
        "channels": ["email", "social"],
        "note": REDACTED,
    }
    assert intake["inputs"] == {"tone": REDACTED}
