"""The MCP server through the official SDK client over stdio (`orchestrator mcp`)."""

import json
import sys
from pathlib import Path

import pytest

mcp = pytest.importorskip("mcp", reason="the `mcp` extra is not installed")

from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def server_params() -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=[
            "-c",
            "from global_orchestrator.cli import main; main()",
            "mcp",
            "--brands",
            str(ROOT / "examples/brands"),
        ],
        cwd=str(ROOT),
    )


async def test_stdio_lists_tools_plans_and_reports_bad_arguments() -> None:
    async with stdio_client(server_params()) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert {"orchestrator.plan", "orchestrator.list_missions"} <= set(tools)
        assert "mission" in tools["orchestrator.plan"].inputSchema["properties"]
        assert tools["orchestrator.plan"].description.startswith("Plan a mission")

        listed = await session.call_tool("orchestrator.list_missions", {})
        assert not listed.isError
        types = {t["type"] for t in json.loads(listed.content[0].text)["templates"]}
        assert "marketing.campaign" in types

        mission = json.loads((ROOT / "examples/missions/back-to-school.json").read_text())
        planned = await session.call_tool("orchestrator.plan", {"mission": mission})
        assert not planned.isError
        plan = json.loads(planned.content[0].text)
        assert plan["source"] == "template" and len(plan["subtasks"]) == 3
        assert plan["mermaid"].startswith("flowchart TD")
        assert plan["issues"] == []  # the brand folder was passed: brand-789 is found

        bad = await session.call_tool("orchestrator.plan", {"mission": {**mission, "budgett": 5}})
        assert bad.isError and "budgett" in bad.content[0].text
        unknown = await session.call_tool("orchestrator.plan", {"mission": {**mission, "type": "nope"}})
        assert unknown.isError and "unknown mission type 'nope'" in unknown.content[0].text

        # the server keeps serving after errors
        again = await session.call_tool("orchestrator.list_missions", {})
        assert not again.isError
