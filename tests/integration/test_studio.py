"""LangGraph Studio: `langgraph dev` serves the mission graph from `langgraph.json`.

A real `langgraph dev --no-browser --no-reload` runs on a free loopback port (offline: no
analytics, no version check, the deterministic `echo` model) and is driven with
`langgraph-sdk` as Studio drives it: find the assistant, create a thread, run a mission,
answer approval interrupts, and go back in the thread's history (time travel).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from langgraph_sdk import get_client

from global_orchestrator import studio
from global_orchestrator.models import AgentFamily

from .studio_server import StudioServer, studio_server

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = ROOT / "examples" / "missions"

pytestmark = pytest.mark.slow


def mission(name: str) -> dict[str, Any]:
    return json.loads((MISSIONS / name).read_text())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StudioServer]:
    with studio_server(tmp_path_factory.mktemp("studio"), model="echo") as running:
        yield running


async def assistant_id(client: Any) -> str:
    found = await client.assistants.search(graph_id=studio.GRAPH_ID)
    assert len(found) == 1, found
    return str(found[0]["assistant_id"])


async def history(client: Any, thread_id: str) -> list[dict[str, Any]]:
    """The thread's checkpoints, newest first."""
    states: list[dict[str, Any]] = await client.threads.get_history(thread_id, limit=200)
    return states


def ran(states: list[dict[str, Any]]) -> set[str]:
    """Names of the tasks the thread's checkpoints scheduled (the nodes Studio lights up)."""
    return {task["name"] for state in states for task in state["tasks"]}


# -- the factory, in process ---------------------------------------------------------------


def test_factory_compiles_without_persistence_and_loads_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    monkeypatch.setattr(studio, "_models", {})
    monkeypatch.setattr(studio, "make_chat_model", lambda spec: built.append(spec))

    graph = studio.make_graph({"configurable": {"model": "echo"}})

    assert graph.checkpointer is None  # langgraph dev refuses a graph with its own checkpointer
    assert graph.store is None
    assert {"guard_plan", "dispatch", "approval"} <= set(graph.nodes)
    assert {f"agent_{f.value}" for f in AgentFamily} <= set(graph.nodes)
    assert built == []  # drawing the graph loads no model


def test_factory_model_spec_comes_from_config_then_environment_then_local(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    specs: list[str] = []
    real = studio.lazy_model
    monkeypatch.setattr(studio, "lazy_model", lambda spec: specs.append(spec) or real(spec))

    studio.make_graph()
    monkeypatch.setenv("ORCHESTRATOR_MODEL", "echo")
    studio.make_graph(None)
    studio.make_graph({"configurable": {"model": "openai:gpt-4o-mini"}})

    assert specs == ["local", "echo", "openai:gpt-4o-mini"]


async def test_factory_graph_runs_a_mission_with_the_configured_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(studio, "_models", {})
    graph = studio.make_graph({"configurable": {"model": "echo"}})

    out = await graph.ainvoke({"mission": mission("back-to-school.json")})

    assert out["result"]["success"] is True
    brief = out["result"]["results"]["mission-001-seed-2"]["output"]["text"]
    assert brief.startswith("[echo] ")
    assert set(studio._models) == {"echo"}
    first = studio.lazy_model("echo")()
    assert studio.lazy_model("echo")() is first  # one model per spec and process


@pytest.mark.parametrize(
    ("graph_input", "mission_id", "problem"),
    [
        ({"mission": {"id": "m-1", "type": "marketing.campaign"}}, "m-1", "goal: Field required"),
        (
            {"mission": {**mission("back-to-school.json"), "budgett": 5}},
            "mission-001",
            "budgett: Extra inputs are not permitted",
        ),
        (
            {"mission": {**mission("back-to-school.json"), "type": "nope"}},
            "mission-001",
            "unknown mission type 'nope'",
        ),
        ({}, "invalid-mission", "Input should be a valid dictionary"),
    ],
)
async def test_a_malformed_mission_ends_the_run_with_an_issue_not_an_exception(
    graph_input: dict[str, Any], mission_id: str, problem: str
) -> None:
    graph = studio.make_graph({"configurable": {"model": "echo"}})

    out = await graph.ainvoke(graph_input)

    result = out["result"]
    assert result["success"] is False and result["missionId"] == mission_id
    assert result["results"] == {}  # nothing planned, nothing ran
    [issue] = result["issues"]
    assert issue["code"] == "mission.invalid" and issue["severity"] == "error"
    assert issue["message"].startswith("invalid mission: ") and problem in issue["message"]


# -- the server ----------------------------------------------------------------------------


async def test_studio_finds_the_assistant_and_draws_guard_and_agent_nodes(server: StudioServer) -> None:
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        drawing = await client.assistants.get_graph(aid)

    nodes = {node["id"] for node in drawing["nodes"]}
    assert {
        "build_context",
        "plan",
        "guard_plan",
        "approval",
        "dispatch",
        "aggregate",
    } <= nodes
    assert {f"agent_{f.value}" for f in AgentFamily} <= nodes


async def test_studio_input_form_is_the_mission(server: StudioServer) -> None:
    async with get_client(url=server.url, api_key=None) as client:
        schemas = await client.assistants.get_schemas(await assistant_id(client))

    # Studio renders its input form from this schema; without it a user sees no mission field
    assert schemas["input_schema"] is not None, server.log_text()[-2000:]
    assert set(schemas["input_schema"]["properties"]) == {"mission", "plan"}
    assert set(schemas["output_schema"]["properties"]) == {"result"}


async def test_a_malformed_mission_is_a_clean_result_without_a_server_traceback(server: StudioServer) -> None:
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        tid = (await client.threads.create())["thread_id"]
        before = len(server.log_text())

        out = await client.runs.wait(
            tid, aid, input={"mission": {"id": "bad-1", "type": "marketing.campaign"}}
        )

        result = out["result"]
        assert result["success"] is False and result["missionId"] == "bad-1"
        assert [(i["code"], i["message"]) for i in result["issues"]] == [
            ("mission.invalid", "invalid mission: goal: Field required")
        ]
        runs = await client.runs.list(tid)
        assert [r["status"] for r in runs] == ["success"]
    logged = server.log_text()[before:]
    assert "Traceback" not in logged and "ValidationError" not in logged, logged[-3000:]


async def test_mission_runs_to_completion_and_time_travels(server: StudioServer) -> None:
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        thread = await client.threads.create()
        tid = thread["thread_id"]

        out = await client.runs.wait(tid, aid, input={"mission": mission("back-to-school.json")})

        result = out["result"]
        assert result["success"] is True, result
        assert {sid: r["status"] for sid, r in result["results"].items()} == {
            "mission-001-seed-1": "succeeded",
            "mission-001-seed-2": "succeeded",
            "mission-001-seed-3": "succeeded",
        }
        assert result["results"]["mission-001-seed-2"]["output"]["text"].startswith("[echo] ")
        states = await history(client, tid)
        assert {"guard_plan", "agent_marketing", "agent_browser", "aggregate"} <= ran(states)
        # no approval to ask: guard_plan's router starts the agents, no dispatch step between
        assert "dispatch" not in ran(states)
        at_guard = next(i for i, s in enumerate(states) if s["next"] == ["guard_plan"])
        assert set(states[at_guard - 1]["next"]) == {"agent_marketing", "agent_browser"}  # newest first
        assert states[0]["next"] == []

        # time travel: replay from the checkpoint right after planning, as Studio's history does
        after_plan = next(s for s in states if s["next"] == ["guard_plan"])
        first_end = states[0]["checkpoint"]["checkpoint_id"]
        again = await client.runs.wait(
            tid, aid, input=None, checkpoint_id=after_plan["checkpoint"]["checkpoint_id"]
        )

        assert again["result"]["success"] is True
        replayed = again["result"]["results"]
        assert all(replayed[sid]["finishedAt"] != r["finishedAt"] for sid, r in result["results"].items())
        head = await client.threads.get_state(tid)
        assert head["checkpoint"]["checkpoint_id"] != first_end
        assert after_plan["checkpoint"]["checkpoint_id"] in await ancestors(client, tid, head)
        old = await client.threads.get_state(tid, checkpoint_id=first_end)  # the first branch is kept
        assert old["values"]["result"] == result


async def test_updates_stream_shows_each_subtask_result_as_it_finishes(server: StudioServer) -> None:
    # the server streams `updates` of the output channel only: each agent task writes its
    # redacted record there (before, every agent node's update was null)
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        tid = (await client.threads.create())["thread_id"]
        updates = [
            part.data
            async for part in client.runs.stream(
                tid, aid, input={"mission": mission("back-to-school.json")}, stream_mode="updates"
            )
            if part.event == "updates"
        ]

    per_task = {
        sid: record
        for update in updates
        for node, value in update.items()
        if node.startswith("agent_")
        for sid, record in value["result"]["results"].items()
    }
    assert set(per_task) == {"mission-001-seed-1", "mission-001-seed-2", "mission-001-seed-3"}, updates
    assert all(r["status"] == "succeeded" for r in per_task.values())
    assert per_task["mission-001-seed-2"]["output"]["text"].startswith("[echo] ")
    final = [u["aggregate"]["result"] for u in updates if "aggregate" in u]
    assert final and final[0]["success"] is True


async def ancestors(client: Any, tid: str, state: dict[str, Any]) -> list[str]:
    """Checkpoint ids from `state` back to the thread's first checkpoint."""
    by_id = {s["checkpoint"]["checkpoint_id"]: s for s in await history(client, tid)}
    chain: list[str] = []
    parent = state.get("parent_checkpoint")
    while parent:
        chain.append(parent["checkpoint_id"])
        parent = by_id[parent["checkpoint_id"]].get("parent_checkpoint")
    return chain


async def test_approval_interrupts_are_answered_with_a_resume_map_and_forked(server: StudioServer) -> None:
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        tid = (await client.threads.create())["thread_id"]

        paused = await client.runs.wait(tid, aid, input={"mission": mission("intake-summary.json")})

        # both clinical steps ask at once; nothing ran yet
        asks = {i["value"]["subtaskId"]: i["id"] for i in paused["__interrupt__"]}
        assert set(asks) == {"mission-intake-01-seed-1", "mission-intake-01-seed-2"}
        assert all(i["value"]["type"] == "approval" for i in paused["__interrupt__"])
        waiting = await client.threads.get_state(tid)
        assert waiting["next"] == ["approval", "approval"]
        assert {i["id"] for i in waiting["interrupts"]} == set(asks.values())
        assert not (waiting["values"].get("results") or {})

        # approve de-identification, reject the summary
        decisions = {asks["mission-intake-01-seed-1"]: True, asks["mission-intake-01-seed-2"]: False}
        done = await client.runs.wait(tid, aid, command={"resume": decisions})

        result = done["result"]
        assert result["success"] is False
        assert result["results"]["mission-intake-01-seed-1"]["status"] == "succeeded"
        assert result["results"]["mission-intake-01-seed-2"]["status"] == "blocked"
        assert any(
            i["code"] == "approval.rejected" and i["subtaskId"] == "mission-intake-01-seed-2"
            for i in result["issues"]
        )
        states = await history(client, tid)
        assert "agent_clinical" in ran(states)
        states_end = states[0]["checkpoint"]["checkpoint_id"]

        # time travel: fork from the approval point (Studio's "fork"), ask again, answer differently;
        # replaying that checkpoint would reuse the answers already saved there
        fork = await client.threads.update_state(
            tid, None, as_node="guard_plan", checkpoint_id=waiting["checkpoint"]["checkpoint_id"]
        )
        again = await client.runs.wait(tid, aid, input=None)
        asks_again = {i["value"]["subtaskId"]: i["id"] for i in again["__interrupt__"]}
        assert set(asks_again) == set(asks)
        assert set(asks_again.values()).isdisjoint(asks.values())  # new tasks on the new branch
        forked = await client.runs.wait(
            tid, aid, command={"resume": dict.fromkeys(asks_again.values(), True)}
        )

        assert forked["result"]["success"] is True, forked["result"]
        assert {r["status"] for r in forked["result"]["results"].values()} == {"succeeded"}
        assert "phi" in forked["result"]["results"]["mission-intake-01-seed-2"]["labels"]
        head = await client.threads.get_state(tid)
        assert fork["checkpoint_id"] in await ancestors(client, tid, head)
        old = await client.threads.get_state(tid, checkpoint_id=states_end)
        assert old["values"]["result"] == result  # the rejected branch is kept


async def test_the_updates_stream_of_a_phi_run_is_redacted(server: StudioServer) -> None:
    # a LangGraph Server client (Studio, langgraph-sdk) reads the output channel as it streams:
    # the clinical summary is labelled `phi`, so neither a task's record nor the final result
    # there may carry the note
    note = mission("intake-summary.json")["context"]["note"]
    markers = ("Jane Roe", "4471023", "03/14/1961", "555-201-7788")
    async with get_client(url=server.url, api_key=None) as client:
        aid = await assistant_id(client)
        tid = (await client.threads.create())["thread_id"]
        paused = await client.runs.wait(tid, aid, input={"mission": mission("intake-summary.json")})
        decisions = dict.fromkeys((i["id"] for i in paused["__interrupt__"]), True)
        updates = [
            part.data
            async for part in client.runs.stream(
                tid, aid, command={"resume": decisions}, stream_mode="updates"
            )
            if part.event == "updates"
        ]
    final = [u["aggregate"]["result"] for u in updates if "aggregate" in u]
    assert final and final[0]["success"] is True, updates
    summary = final[0]["results"]["mission-intake-01-seed-2"]
    assert "phi" in summary["labels"] and summary["output"] == "[redacted: labelled phi]"
    shown = json.dumps(updates)
    assert note not in shown
    assert [m for m in markers if m in shown] == []
