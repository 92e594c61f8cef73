"""Tools from real MCP servers (stdio and streamable HTTP) called by subtasks through the engine."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("langchain_mcp_adapters", reason="the `mcp` extra is not installed")

from global_orchestrator import (
    AgentContext,
    Mission,
    MissionPlan,
    RetrySettings,
    Subtask,
    UserError,
    aexecute_mission_plan,
    execute_mission_plan,
    resume_mission,
)
from global_orchestrator.agents.mcp_tools import (
    McpServerSpec,
    McpToolError,
    open_mcp_tools,
    parse_mcp_servers,
)

SERVER = Path(__file__).with_name("mcp_tool_server.py")
FAST_RETRY = RetrySettings(max_attempts=3, initial_delay=0.01, jitter=0.0)


def stdio_spec(name: str = "facts", **kw: Any) -> dict[str, Any]:
    return {
        "name": name,
        "family": "browser",
        "transport": "stdio",
        "command": sys.executable,
        "args": [str(SERVER), "stdio"],
        **kw,
    }


def http_spec(url: str, name: str = "facts", **kw: Any) -> dict[str, Any]:
    return {"name": name, "family": "browser", "transport": "streamable_http", "url": url, **kw}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def http_url() -> Iterator[str]:
    """The test server over streamable HTTP on a free 127.0.0.1 port."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), "http", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, "the MCP test server exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the MCP test server did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        proc.wait(10)


def unique(prefix: str) -> str:
    """A mission id no other run in this process used (the memory checkpointer is shared)."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def mission(mid: str) -> Mission:
    return Mission.model_validate(
        {"id": mid, "type": "marketing.campaign", "goal": "Spring sale", "constraints": {"budget": 100}}
    )


def plan(mid: str, *subtasks: Subtask) -> MissionPlan:
    return MissionPlan(mission_id=mid, subtasks=list(subtasks), source="user")


def lookup(sid: str = "s1", query: str = "paris", tool: str = "browser.lookup") -> Subtask:
    return Subtask(id=sid, agent="browser", tool=tool, description="Look a fact up", inputs={"query": query})


async def echo_upstream(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
    return {"upstream": dict(ctx.upstream), "tool": subtask.tool}


def codes(result: Any) -> set[str]:
    return {issue.code for issue in result.issues}


@pytest.mark.parametrize("transport", ["stdio", "streamable_http"])
def test_subtask_calls_mcp_tool_and_other_subtasks_reach_the_wrapped_agent(
    transport: str, request: pytest.FixtureRequest
) -> None:
    spec = stdio_spec() if transport == "stdio" else http_spec(request.getfixturevalue("http_url"))
    seen: list[str | None] = []

    async def browser(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
        seen.append(subtask.tool)
        return {"planned": subtask.description}

    mid = unique(f"m-mcp-{transport}")
    result = execute_mission_plan(
        plan(
            mid,
            lookup(),
            Subtask(
                id="s2",
                agent="browser",
                tool="browser.word_stats",
                description="Count words",
                inputs={"text": "one two three"},
            ),
            Subtask(id="s3", agent="browser", tool="browser.plan", description="Plan the research"),
            Subtask(
                id="s4",
                agent="marketing",
                tool="marketing.draft_copy",
                description="Write",
                depends_on=["s1"],
            ),
        ),
        mission(mid),
        agents={"browser": browser, "marketing": echo_upstream},
        mcp_servers=[spec],
    )
    assert result.success, result.issues
    assert "plan.unknown_tool" not in codes(result)
    first = result.results["s1"].output
    assert first["tool"] == "browser.lookup" and first["server"] == "facts"
    assert first["content"] == "[paris] Paris is the capital of France."
    stats = result.results["s2"].output
    assert stats["structured"] == {"words": 3, "chars": 13}
    assert json.loads(stats["content"]) == {"words": 3, "chars": 13}
    # a subtask naming a built-in tool went to the family's own agent, and only it did
    assert seen == ["browser.plan"]
    assert result.results["s3"].output == {"planned": "Plan the research"}
    # the tool's answer flows downstream like any output
    assert result.results["s4"].output["upstream"]["s1"]["content"].startswith("[paris]")


def test_tool_errors_fail_the_subtask_with_the_reason(http_url: str) -> None:
    mid = unique("m-mcp-errors")
    result = execute_mission_plan(
        plan(
            mid,
            Subtask(
                id="boom",
                agent="browser",
                tool="browser.explode",
                description="Fail",
                inputs={"reason": "disk on fire"},
            ),
            lookup("unknown", query="atlantis"),
            lookup("ok"),
            Subtask(id="next", agent="marketing", description="After the failure", depends_on=["boom"]),
        ),
        mission(mid),
        agents={"marketing": echo_upstream},
        mcp_servers=[http_spec(http_url)],
        retry=FAST_RETRY,
    )
    assert not result.success
    boom = result.results["boom"]
    assert boom.status == "failed"
    assert "tool exploded: disk on fire" in (boom.error or "")
    assert "MCP tool 'browser.explode' failed" in (boom.error or "")
    assert boom.attempts == 1  # a tool error is not retried
    assert result.results["unknown"].status == "failed"
    assert "no fact about 'atlantis'" in (result.results["unknown"].error or "")
    assert result.results["ok"].status == "succeeded"
    assert result.results["next"].status == "skipped"
    assert "subtask.failed" in codes(result)


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(
            http_spec(f"http://127.0.0.1:{free_port()}/mcp", name="down", tools=["lookup"], timeout=5),
            id="http-closed-port",
        ),
        pytest.param(
            stdio_spec(name="down", args=["-c", "import sys; sys.exit(3)"], tools=["lookup"], timeout=5),
            id="stdio-exits",
        ),
    ],
)
def test_server_that_is_down_fails_its_declared_tools_with_the_reason(spec: dict[str, Any]) -> None:
    mid = unique("m-mcp-down")
    result = execute_mission_plan(
        plan(mid, lookup(), Subtask(id="s2", agent="browser", tool="browser.plan", description="Plan")),
        mission(mid),
        agents={"browser": echo_upstream},
        mcp_servers=[spec],
        retry=FAST_RETRY,
    )
    failed = result.results["s1"]
    assert failed.status == "failed"
    assert (failed.error or "").startswith("McpToolError: MCP server 'down' is unreachable: ")
    reason = (failed.error or "").split("unreachable: ", 1)[1]
    assert reason  # the transport's own reason follows
    assert "plan.unknown_tool" not in codes(result)
    # the rest of the mission ran
    assert result.results["s2"].status == "succeeded"
    assert not result.success


def test_undeclared_tool_of_a_down_server_is_unknown_to_validation() -> None:
    mid = unique("m-mcp-unknown")
    down = http_spec(f"http://127.0.0.1:{free_port()}/mcp", name="down", timeout=5)
    result = execute_mission_plan(plan(mid, lookup()), mission(mid), mcp_servers=[down])
    assert not result.success
    unknown = [i for i in result.issues if i.code == "plan.unknown_tool"]
    assert len(unknown) == 1 and "browser.lookup" in unknown[0].message
    assert result.results == {}  # an invalid plan runs nothing
    # and the result says why the tool is missing
    down_notes = [i for i in result.issues if i.code == "mcp.unreachable"]
    assert len(down_notes) == 1 and "'down'" in down_notes[0].message


def test_allow_list_limits_the_tools_and_validation_names_the_known_ones() -> None:
    mid = unique("m-mcp-allow")
    result = execute_mission_plan(
        plan(mid, lookup(), lookup("s2", tool="browser.publish")),
        mission(mid),
        mcp_servers=[stdio_spec(tools=["lookup"])],
    )
    unknown = [i for i in result.issues if i.code == "plan.unknown_tool"]
    assert [i.subtask_id for i in unknown] == ["s2"]
    assert "browser.lookup" in unknown[0].message  # listed among the known browser tools


def test_servers_from_the_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mcp.yaml"
    config.write_text(
        "- name: facts\n"
        "  family: browser\n"
        "  transport: stdio\n"
        f"  command: {json.dumps(sys.executable)}\n"
        f"  args: [{json.dumps(str(SERVER))}, stdio]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ORCHESTRATOR_MCP_SERVERS", str(config))
    mid = unique("m-mcp-settings")
    result = execute_mission_plan(plan(mid, lookup(query="python")), mission(mid))
    assert result.success, result.issues
    assert result.results["s1"].output["content"] == "[python] Python was first released in 1991."
    # an explicit empty list attaches nothing, whatever the settings say
    bare = execute_mission_plan(plan(mid, lookup()), mission(mid), mcp_servers=[], thread_id="t-bare")
    assert "plan.unknown_tool" in codes(bare)


def test_settings_accept_a_json_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCHESTRATOR_MCP_SERVERS", json.dumps([stdio_spec(name="from-env")]))
    mid = unique("m-mcp-env")
    result = execute_mission_plan(plan(mid, lookup()), mission(mid))
    assert result.success, result.issues
    assert result.results["s1"].output["server"] == "from-env"


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"name": "x", "family": "browser", "transport": "stdio"}, "command"),
        ({"name": "x", "family": "browser", "transport": "streamable_http", "url": "ftp://h/"}, "url"),
        ({"name": "x", "family": "browsers", "transport": "stdio", "command": "x"}, "family"),
        ({"name": "x", "family": "browser", "transport": "stdio", "command": "x", "tmeout": 3}, "tmeout"),
        (
            {
                "name": "x",
                "family": "browser",
                "transport": "stdio",
                "command": "x",
                "tools": ["a"],
                "sideEffects": ["b"],
            },
            "sideEffects",
        ),
    ],
)
def test_invalid_spec_is_a_user_error_naming_the_field(spec: dict[str, Any], field: str) -> None:
    mid = unique("m-mcp-invalid")
    with pytest.raises(UserError, match=field):
        execute_mission_plan(plan(mid, lookup()), mission(mid), mcp_servers=[spec])


def test_spec_spellings_and_duplicate_names() -> None:
    (spec,) = parse_mcp_servers(
        {
            "mcpServers": {
                "web": {"family": "Self-Healing", "transport": "http", "url": "http://127.0.0.1:1/mcp"}
            }
        }
    )
    assert spec == McpServerSpec(
        name="web", family="self_healing", transport="streamable_http", url="http://127.0.0.1:1/mcp"
    )
    with pytest.raises(UserError, match="two MCP servers are named 'a'"):
        parse_mcp_servers([stdio_spec(name="a"), stdio_spec(name="a")])
    with pytest.raises(UserError, match="invalid JSON"):
        parse_mcp_servers("[{")


async def test_side_effecting_tool_is_refused_in_a_shadow_run_and_the_process_stops(tmp_path: Path) -> None:
    pid_file = tmp_path / "server.pid"
    spec = stdio_spec(
        args=[str(SERVER), "stdio", "--pid-file", str(pid_file)], side_effects=["publish"], family="marketing"
    )
    async with open_mcp_tools([spec]) as toolset:
        catalog = toolset.catalog()
        assert catalog is not None
        publish = catalog.get("marketing.publish")
        assert publish is not None and publish.side_effects
        lookup_spec = catalog.get("marketing.lookup")
        assert lookup_spec is not None and not lookup_spec.side_effects
        assert catalog.get("marketing.draft_copy") is not None  # built-ins stay
        with pytest.raises(McpToolError, match="side effects"):
            await toolset.call("marketing.publish", {"message": "hi"}, shadow=True)
        done = await toolset.call("marketing.publish", {"message": "hi"})
        assert done["content"] == "published: hi"
        assert {t.name for t in toolset.langchain_tools("marketing")} >= {"publish", "lookup"}
        pid = int(pid_file.read_text())
        os.kill(pid, 0)  # running while the toolset is open
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped when it closed


async def test_async_run_over_http_leaves_nothing_open(http_url: str) -> None:
    mid = unique("m-mcp-async")
    result = await aexecute_mission_plan(
        plan(mid, lookup(), lookup("s2", query="python")), mission(mid), mcp_servers=[http_spec(http_url)]
    )
    assert result.success, result.issues
    assert result.results["s2"].output["content"].startswith("[python]")


def test_resumed_run_calls_the_tool_after_approval() -> None:
    mid = unique("m-mcp-approval")
    spec = stdio_spec()
    waiting = execute_mission_plan(
        plan(mid, lookup().model_copy(update={"requires_approval": True})), mission(mid), mcp_servers=[spec]
    )
    assert waiting.status == "waiting_approval"
    assert [a.subtask_id for a in waiting.pending_approvals] == ["s1"]
    done = resume_mission(mid, approvals={"s1": True}, mcp_servers=[spec])
    assert done.success, done.issues
    assert done.results["s1"].output["content"].startswith("[paris]")


def test_server_that_never_answers_times_out_and_is_stopped(tmp_path: Path) -> None:
    pid_file = tmp_path / "silent.pid"
    silent = (
        "import os, sys, time; "
        f"open({str(pid_file)!r}, 'w').write(str(os.getpid())); sys.stdout.flush(); time.sleep(60)"
    )
    mid = unique("m-mcp-silent")
    result = execute_mission_plan(
        plan(mid, lookup()),
        mission(mid),
        mcp_servers=[stdio_spec(name="silent", args=["-c", silent], tools=["lookup"], timeout=1)],
    )
    error = result.results["s1"].error or ""
    assert "MCP server 'silent' is unreachable: no answer within 1 s" in error
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


async def test_server_that_dies_mid_run_fails_later_calls_with_the_reason() -> None:
    async with open_mcp_tools([stdio_spec()]) as toolset:
        assert (await toolset.call("browser.lookup", {"query": "paris"}))["content"].startswith("[paris]")
        with pytest.raises(McpToolError, match="MCP server 'facts' is unreachable: connection lost"):
            await toolset.call("browser.crash", {})
        with pytest.raises(McpToolError, match="MCP server 'facts' is unreachable: connection lost"):
            await toolset.call("browser.lookup", {"query": "paris"})
        assert "connection lost" in toolset.errors()["facts"]
