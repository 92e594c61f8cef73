"""MCP server: the orchestrator's tools for chat products and agent hosts.

Tools (names as in the seed):
    orchestrator.list_missions   mission templates a client can start
    orchestrator.plan            plan a mission (template, or LLM with `model`)

Arguments are validated against the pydantic models; a bad argument is an MCP tool error
that names the field, and the server keeps serving. Run it with `orchestrator mcp`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import Field

from global_orchestrator.context import build_mission_context
from global_orchestrator.errors import UserError
from global_orchestrator.llm import make_chat_model
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import Mission
from global_orchestrator.planner.plan import aplan_mission

INSTRUCTIONS = (
    "Global Orchestrator plans and runs missions with specialist agents (browser, marketing, "
    "clinical, self-healing, shadow). Call orchestrator.list_missions to see mission types, "
    "then orchestrator.plan with a mission object."
)


def create_server(
    *,
    default_model: str | None = None,
    brands_dir: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> FastMCP:
    """Build the MCP server.

    Args:
        default_model: Model spec for planning (`local`, `openai:<model>`, `echo`);
            None plans from templates unless a call names a model.
        brands_dir: Folder of brand profiles.
        host: Bind address for the HTTP transport (loopback by default).
        port: Port for the HTTP transport.
    """
    server = FastMCP("global-orchestrator", instructions=INSTRUCTIONS, host=host, port=port)

    @server.tool(name="orchestrator.list_missions")
    def list_missions() -> dict[str, Any]:
        """List the mission types (templates) with their agents, permissions and inputs."""
        return {
            "templates": [
                {
                    "type": t.id,
                    "title": t.title,
                    "description": t.description,
                    "agents": [f.value for f in t.families],
                    "requiredPermissions": t.required_permissions,
                    "inputSchema": t.input_schema.to_dict(),
                }
                for t in default_registry().list()
            ]
        }

    @server.tool(name="orchestrator.plan")
    async def plan(
        mission: Annotated[Mission, Field(description="The mission: id, type, goal, constraints, ...")],
        model: Annotated[
            str | None,
            Field(description="Plan with this model (local, openai:<model>); default: the template plan."),
        ] = None,
    ) -> dict[str, Any]:
        """Plan a mission: subtasks, dependencies, issues, the plan's source and token usage."""
        spec = model or default_model
        try:
            context = build_mission_context(mission, brands_dir=brands_dir)
            chat_model = make_chat_model(spec) if spec else None
            result = await aplan_mission(mission, model=chat_model, context=context)
        except UserError as exc:
            raise ToolError(str(exc)) from exc
        return {**result.to_dict(), "mermaid": result.to_mermaid()}

    return server
