"""MCP server: the orchestrator's tools for chat products and agent hosts.

Tools (names as in the seed):
    orchestrator.list_missions   mission templates a client can start
    orchestrator.plan            plan a mission (template, or LLM with `model`)
    orchestrator.run             run a mission; progress notifications per subtask event
    orchestrator.status          a run's state: results so far, pending approvals
    orchestrator.resume          approve / reject waiting subtasks, or finish a crashed run

Runs live in the server's checkpointer (`db`), so status and resume work across calls,
clients and server restarts. Arguments are validated against the pydantic models; a bad
argument is an MCP tool error that names the field (`mission.goal: Field required`), and
the server keeps serving. Run it with `orchestrator mcp`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from langchain_core.language_models import BaseChatModel
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import ContentBlock, ToolAnnotations
from pydantic import Field, ValidationError
from pydantic.alias_generators import to_snake

from global_orchestrator.context import build_mission_context
from global_orchestrator.errors import OrchestratorError
from global_orchestrator.events import EVENT_STATUSES, FINISHED_EVENTS, MissionEvent
from global_orchestrator.llm import make_chat_model
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import Mission, MissionPlan, MissionResult
from global_orchestrator.persistence import DEFAULT_DB_URL
from global_orchestrator.planner.plan import aplan_mission
from global_orchestrator.redaction import redact_plan
from global_orchestrator.runtime import Db, Orchestrator, RunOptions

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Global Orchestrator plans and runs missions with specialist agents (browser, marketing, "
    "clinical, self-healing, shadow). Call orchestrator.list_missions to see the mission types and "
    "the inputs each needs; orchestrator.plan to preview a mission's subtasks; orchestrator.run to "
    "run it. A run that returns status 'waiting_approval' has paused: show the pending approvals to "
    "the user and call orchestrator.resume with their decisions. orchestrator.status shows any run "
    "by its thread id."
)

ModelSpec = str | BaseChatModel | Callable[[], BaseChatModel]
ThreadId = Annotated[
    str,
    Field(
        description="The run's thread id: `threadId` in orchestrator.run's result (default: the mission id)."
    ),
]


class OrchestratorMCP(FastMCP[Any]):
    """FastMCP with tool errors a model can act on: one line that names the bad field."""

    runtime: Orchestrator
    """The server's long-lived runtime, opened on first use in the server's loop."""

    async def call_tool(
        self, name: str, arguments: dict[str, Any]
    ) -> Sequence[ContentBlock] | dict[str, Any]:
        """Call a tool; camelCase argument names load too, unknown ones are an error."""
        try:
            arguments = await self._normalise_arguments(name, arguments)
            return await super().call_tool(name, arguments)
        except ToolError as exc:
            raise ToolError(_explain(name, exc)) from None

    async def _normalise_arguments(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        tool = next((t for t in await self.list_tools() if t.name == name), None)
        if tool is None:
            return arguments  # FastMCP reports the unknown tool
        known = set(tool.inputSchema.get("properties", {}))
        normalised: dict[str, Any] = {}
        for key, value in arguments.items():
            field = key if key in known else to_snake(key)
            if field not in known:
                expected = ", ".join(sorted(known)) or "none"
                raise ToolError(f"{key}: unknown argument (expected: {expected})")
            normalised[field] = value
        return normalised


def _explain(tool: str, exc: ToolError) -> str:
    """One line for the client: the field and what is wrong, or the user error's message."""
    cause = exc.__cause__
    if isinstance(cause, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(arguments)'}: {error['msg']}"
            for error in cause.errors(include_url=False)
        )
        # FastMCP names a tool's argument model `<function>Arguments`
        where = "invalid arguments for " if cause.title.endswith("Arguments") else ""
        return f"{where}{tool}: {problems}"
    if isinstance(cause, OrchestratorError | ToolError):
        return " ".join(str(cause).split())
    if cause is None:
        return str(exc)
    # a bug, not the caller's fault: the traceback goes to the server log, one line to the client
    logger.error("tool %s failed", tool, exc_info=cause)
    return f"{tool} failed unexpectedly: {type(cause).__name__}: {cause}"


class _Progress:
    """MCP progress for a run: a started subtask counts one half, a finished one counts whole.

    So every subtask event raises the progress value (MCP requires it to increase), and it
    reaches `total` (the plan's subtask count) when every subtask has finished.
    """

    def __init__(self, ctx: Context[Any, Any, Any]) -> None:
        self.ctx = ctx
        self.total: int | None = None
        self.running: set[str] = set()
        self.finished: set[str] = set()

    async def handle(self, event: MissionEvent) -> None:
        sid = event.subtask_id or ""
        if event.type == "plan_ready":
            self.total = len(event.data["plan"]["subtasks"])
            message = f"plan ready: {event.message}"
        elif event.type == "subtask_started" and sid not in self.running | self.finished:
            self.running.add(sid)
            message = f"{sid} started ({event.agent})"
        elif event.type in FINISHED_EVENTS and sid not in self.finished:
            self.running.discard(sid)
            self.finished.add(sid)
            status = EVENT_STATUSES[event.type]
            message = f"{sid} {status}" + (f": {event.message}" if event.message else "")
        else:
            return
        progress = len(self.finished) + len(self.running) / 2
        await self.ctx.report_progress(progress, self.total, message)


async def _follow(events: AsyncIterator[MissionEvent], ctx: Context[Any, Any, Any]) -> dict[str, Any]:
    """Report a run's events as progress; return its result for the client."""
    progress = _Progress(ctx)
    result: MissionResult | None = None
    async for event in events:
        await progress.handle(event)
        if event.type == "mission_finished":
            result = event.result
    assert result is not None
    return _for_client(result)


def _for_client(result: MissionResult) -> dict[str, Any]:
    """The result as camelCase JSON, with a `next` hint when the run is not finished."""
    data = result.to_dict()
    thread = result.thread_id or result.mission_id
    if result.status == "waiting_approval":
        example = ", ".join(f'"{a.subtask_id}": true' for a in result.pending_approvals)
        data["next"] = (
            "Ask the user to approve or reject each pending approval, then call orchestrator.resume "
            f'with thread_id "{thread}" and approvals {{{example}}} (false rejects).'
        )
    elif result.status == "incomplete":
        data["next"] = f'Call orchestrator.resume with thread_id "{thread}" to finish the run.'
    return data


def _lazy(model: ModelSpec) -> Callable[[], BaseChatModel]:
    """A factory that builds the model on first use: missions whose agents need none never load it."""
    if isinstance(model, BaseChatModel):
        return lambda: model
    if isinstance(model, str):
        spec = model
        return cache(lambda: make_chat_model(spec))
    return model


def create_server(
    *,
    db: Db = DEFAULT_DB_URL,
    model: ModelSpec = "local",
    plan_with_model: bool = False,
    brands_dir: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    show_phi: bool = False,
) -> FastMCP[Any]:
    """Build the MCP server.

    Args:
        db: Where runs are checkpointed: `sqlite:///path`, `postgresql://...` or a
            checkpointer; `memory` keeps runs only while this process lives.
        model: The agents' chat model: a spec (`local`, `echo`, `openai:<model>`, built on
            first use), a model, or a zero-argument factory.
        plan_with_model: Plan runs (and `orchestrator.plan` without `model`) with the model
            instead of the template.
        brands_dir: Folder of brand profiles.
        host: Bind address for the HTTP transport (loopback by default).
        port: Port for the HTTP transport.
        show_phi: Return outputs labelled `phi` and approval inputs to clients as stored.
            Off by default: they are withheld, and messages redacted (the operator of the
            server decides this, never a client).
    """
    # WARNING: FastMCP logs every request at INFO on stderr, which MCP hosts keep as the server log
    server = OrchestratorMCP(
        "global-orchestrator", instructions=INSTRUCTIONS, host=host, port=port, log_level="WARNING"
    )
    agent_model = _lazy(model)
    runtime = Orchestrator(
        RunOptions(
            db=db,
            model=agent_model,
            brands_dir=brands_dir,
            show_phi=show_phi,
            plan_with_model=plan_with_model,
        )
    )
    server.runtime = runtime

    @server.tool(name="orchestrator.list_missions", annotations=ToolAnnotations(readOnlyHint=True))
    def list_missions() -> dict[str, Any]:
        """List the mission types (templates): agents, required permissions and the inputs each needs.

        Use a template's `type` as `mission.type`; grant its `requiredPermissions` in
        `mission.permissions`; `inputSchema` describes what goes in `mission.context`.
        """
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

    @server.tool(name="orchestrator.plan", annotations=ToolAnnotations(readOnlyHint=True))
    async def plan(
        mission: Annotated[Mission, Field(description="The mission: id, type, goal, constraints, ...")],
        model: Annotated[
            str | None,
            Field(
                description="Plan with this model (local, echo, openai:<model>); default: the template plan."
            ),
        ] = None,
    ) -> dict[str, Any]:
        """Plan a mission without running it: subtasks, dependencies, issues, the plan's source and usage.

        Nothing runs and nothing is saved. Issues of severity `error` or `blocked` (a missing
        permission, PHI headed for a marketing agent, a budget problem) say what to fix in the
        mission before orchestrator.run. `mermaid` is the plan as a flowchart.
        """
        context = build_mission_context(mission, brands_dir=brands_dir)
        chat_model = make_chat_model(model) if model else (agent_model() if plan_with_model else None)
        result = await aplan_mission(mission, model=chat_model, context=context)
        if not show_phi:  # a plan carries the mission's inputs (a clinical note) and descriptions
            data = result.to_dict()
            data.pop("orchestrationGraph", None)  # derived from the subtasks
            result = MissionPlan.model_validate(redact_plan(data))
        return {**result.to_dict(), "mermaid": result.to_mermaid()}

    @server.tool(name="orchestrator.run")
    async def run(
        mission: Annotated[
            Mission, Field(description="The mission: id, type, goal, permissions, context, ...")
        ],
        ctx: Context[Any, Any, Any],
        thread_id: Annotated[
            str | None,
            Field(description="Thread to run in (default: the mission id); one run per thread."),
        ] = None,
    ) -> dict[str, Any]:
        """Plan and run a mission with the specialist agents; return its result.

        Sends a progress notification for each subtask that starts or finishes. The result
        has `status`: `completed` (see `success`, `results` by subtask id and `issues`), or
        `waiting_approval`: the run paused before subtasks that need a person's approval
        (clinical steps always do). Then show `pendingApprovals` (each with a `question`) to
        the user and call orchestrator.resume with `threadId` and their decisions. A thread
        holds one run: to run the same mission again, pass a new `thread_id`.
        """
        default_registry().get(mission.type)  # an unknown type is reported before anything starts
        await runtime.open()
        return await _follow(runtime.stream(mission, thread_id=thread_id), ctx)

    @server.tool(name="orchestrator.status", annotations=ToolAnnotations(readOnlyHint=True))
    async def status(thread_id: ThreadId) -> dict[str, Any]:
        """Show a run's state: `status`, subtask results so far, `pendingApprovals`, issues and usage."""
        await runtime.open()
        return _for_client(await runtime.status(thread_id))

    @server.tool(name="orchestrator.resume")
    async def resume(
        thread_id: ThreadId,
        ctx: Context[Any, Any, Any],
        approvals: Annotated[
            dict[str, bool] | None,
            Field(
                description="Decisions by subtask id: true approves, false rejects (the subtask is blocked)."
            ),
        ] = None,
    ) -> dict[str, Any]:
        """Continue a paused or interrupted run and return its result (as orchestrator.run does).

        Pass the user's decision for each subtask in `pendingApprovals`; a subtask left out
        keeps waiting. Subtasks that already finished are never run again. Sends a progress
        notification for each subtask that starts or finishes.
        """
        await runtime.open()
        return await _follow(runtime.stream_resume(thread_id, approvals=approvals), ctx)

    return server
