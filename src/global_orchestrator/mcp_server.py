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

Keys are camelCase in inputs and results alike (`threadId`, `pendingApprovals`), as on
the wire models; snake_case input keys load too. Hosts that only accept function names
matching `^[a-zA-Z0-9_-]+$` get underscore names (`orchestrator_plan`) with
`tool_names="underscore"` (or `"both"`).

Who is asking: over streamable HTTP with a `TokenMap`, every request needs
`Authorization: Bearer <token>` (401 otherwise, from the MCP SDK's bearer middleware);
the token's principal owns the runs it starts and reads, resumes and approves only
those (approving a clinical step needs the `approver` role). Over stdio the server has
one user, whoever started it: calls run as a trusted local caller (`principal=None`).
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import AsyncIterator, Callable, Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal

from langchain_core.language_models import BaseChatModel
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import ContentBlock, ToolAnnotations
from pydantic import Field, ValidationError
from pydantic.alias_generators import to_camel

from global_orchestrator.context import build_mission_context, load_brand
from global_orchestrator.errors import OrchestratorError, UnknownBrandError
from global_orchestrator.events import EVENT_STATUSES, FINISHED_EVENTS, MissionEvent, final_result
from global_orchestrator.identity import TokenMap
from global_orchestrator.llm import make_chat_model
from global_orchestrator.mcp_auth import TokenVerifier, check_http_exposure, request_principal
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import Mission, MissionPlan, MissionResult
from global_orchestrator.persistence import DEFAULT_DB_URL
from global_orchestrator.planner.plan import aplan_mission
from global_orchestrator.redaction import error_text, exception_text, redact_plan, redact_text
from global_orchestrator.runtime import Db, Orchestrator, RunOptions
from global_orchestrator.settings import get_settings

__all__ = ["OrchestratorMCP", "check_http_exposure", "create_server", "product_version", "resolve_brands_dir"]

logger = logging.getLogger(__name__)

ToolNames = Literal["dotted", "underscore", "both"]
"""Tool names: `orchestrator.plan` (the seed's), `orchestrator_plan` (for hosts that need
`^[a-zA-Z0-9_-]+$`), or both listed."""

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
        description="The run's thread id: `threadId` in orchestrator.run's result (default: the mission id).",
        examples=["mission-001"],
    ),
]


def product_version() -> str:
    """The installed global-orchestrator's version (what `serverInfo.version` reports)."""
    try:
        return version("global-orchestrator")
    except PackageNotFoundError:  # run from a source tree without installing
        return "0+unknown"


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
            field = key if key in known else to_camel(key)
            if field not in known:
                expected = ", ".join(sorted(known)) or "none"
                raise ToolError(f"{key}: unknown argument (expected: {expected})")
            normalised[field] = value
        return normalised


def _explain(tool: str, exc: ToolError) -> str:
    """One line for the client: the field and what is wrong, or the user error's message.

    Redacted like every surface (`redaction.redact_text`): the text can echo the caller's
    input (a field name, an unknown type or thread), or an agent's exception.
    """
    cause = exc.__cause__
    if isinstance(cause, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(arguments)'}: {error['msg']}"
            for error in cause.errors(include_url=False)
        )
        # FastMCP names a tool's argument model `<function>Arguments`
        where = "invalid arguments for " if cause.title.endswith("Arguments") else ""
        return redact_text(f"{where}{tool}: {problems}")
    if isinstance(cause, OrchestratorError | ToolError):
        return redact_text(" ".join(exception_text(cause).split()))
    if cause is None:
        return redact_text(exception_text(exc))
    # a bug, not the caller's fault: one redacted line to the client and the server log; the
    # traceback (whose messages, notes and chained exceptions are not redacted) only at DEBUG
    message = error_text(cause)
    logger.error("tool %s failed unexpectedly: %s", tool, message)
    logger.debug("tool %s failed", tool, exc_info=cause)
    return f"{tool} failed unexpectedly: {message}"


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


async def _follow(
    events: AsyncIterator[MissionEvent], ctx: Context[Any, Any, Any], names: ToolNames
) -> dict[str, Any]:
    """Report a run's events as progress; return its result for the client."""
    result = await final_result(events, _Progress(ctx).handle)
    return _for_client(result, names)


def _for_client(result: MissionResult, names: ToolNames = "dotted") -> dict[str, Any]:
    """The result as camelCase JSON, with a `next` hint when the run is not finished."""
    data = result.to_dict()
    thread = result.thread_id or result.mission_id
    if result.status == "waiting_approval":
        example = ", ".join(f'"{a.subtask_id}": true' for a in result.pending_approvals)
        data["next"] = (
            "Ask the user to approve or reject each pending approval, then call orchestrator.resume "
            f'with threadId "{thread}" and approvals {{{example}}} (false rejects).'
        )
    elif result.status == "incomplete":
        data["next"] = f'Call orchestrator.resume with threadId "{thread}" to finish the run.'
    if "next" in data:
        data["next"] = _spell(data["next"], names)
    return data


_TOOL_REFERENCE = re.compile(r"\borchestrator\.(list_missions|plan|run|status|resume)\b")


def _spell(text: str, names: ToolNames) -> str:
    """Tool names in `text` as the server lists them (underscored when only those are listed)."""
    return _TOOL_REFERENCE.sub(r"orchestrator_\1", text) if names == "underscore" else text


def _lazy(model: ModelSpec) -> Callable[[], BaseChatModel]:
    """A factory that builds the model on first use: missions whose agents need none never load it."""
    if isinstance(model, BaseChatModel):
        return lambda: model
    if isinstance(model, str):
        spec = model
        return cache(lambda: make_chat_model(spec))
    return model


def resolve_brands_dir(brands_dir: str | Path | None) -> Path:
    """Where brand profiles are: `brands_dir`, else `ORCHESTRATOR_BRANDS_DIR`, else `./brands`.

    The CLI's order, minus the mission file's neighbourhood (a tool call has no file); made
    absolute when the server starts, since MCP hosts start servers in any directory.
    """
    return Path(brands_dir or get_settings().brands_dir or "brands").expanduser().resolve()


def _check_brand(mission: Mission, brands: Path) -> None:
    """A mission naming a brand with no profile is an error (as in the CLI), not a warning."""
    if not mission.brand_id:
        return
    try:
        load_brand(mission.brand_id, brands)
    except UnknownBrandError as exc:
        raise UnknownBrandError(
            f"{exc} (start the server with --brands DIR or ORCHESTRATOR_BRANDS_DIR)"
        ) from None


def create_server(
    *,
    db: Db = DEFAULT_DB_URL,
    model: ModelSpec = "local",
    plan_with_model: bool = False,
    brands_dir: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    show_phi: bool = False,
    tokens: TokenMap | None = None,
    tool_names: ToolNames = "dotted",
) -> OrchestratorMCP:
    """Build the MCP server.

    Args:
        db: Where runs are checkpointed: `sqlite:///path`, `postgresql://...` or a
            checkpointer; `memory` keeps runs only while this process lives.
        model: The agents' chat model: a spec (`local`, `echo`, `openai:<model>`, built on
            first use), a model, or a zero-argument factory.
        plan_with_model: Plan runs (and `orchestrator.plan` without `model`) with the model
            instead of the template.
        brands_dir: Folder of brand profiles (default: `ORCHESTRATOR_BRANDS_DIR`, else
            `./brands`, resolved now). A mission naming a brand without a profile is a
            tool error.
        host: Bind address for the HTTP transport (loopback by default).
        port: Port for the HTTP transport.
        show_phi: Return outputs labelled `phi` and approval inputs to clients as stored.
            Off by default: they are withheld, and messages redacted (the operator of the
            server decides this, never a client).
        tokens: Bearer tokens → principals. Given, streamable HTTP requires a valid
            `Authorization: Bearer` token on every request (401 otherwise) and each
            principal sees only its own runs. Stdio calls are the local user's (trusted).
        tool_names: `dotted` (`orchestrator.plan`, the default), `underscore`
            (`orchestrator_plan`, for hosts that map tools to function names), or `both`.
    """
    auth: dict[str, Any] = {}
    if tokens is not None:
        auth = {
            "token_verifier": TokenVerifier(tokens),
            # a resource server only: no authorization-server metadata is served
            "auth": AuthSettings(issuer_url=f"http://{_url_host(host)}:{port}", resource_server_url=None),
        }
    server = OrchestratorMCP(
        "global-orchestrator",
        instructions=_spell(INSTRUCTIONS, tool_names),
        host=host,
        port=port,
        # WARNING: FastMCP logs every request at INFO on stderr, which MCP hosts keep as the server log
        log_level="WARNING",
        **auth,
    )
    server._mcp_server.version = product_version()  # FastMCP would report the mcp library's
    agent_model = _lazy(model)
    brands = resolve_brands_dir(brands_dir)
    runtime = Orchestrator(
        RunOptions(
            db=db,
            model=agent_model,
            brands_dir=brands,
            show_phi=show_phi,
            plan_with_model=plan_with_model,
        )
    )
    server.runtime = runtime

    def tool(name: str, annotations: ToolAnnotations | None = None) -> Callable[[Any], Any]:
        """Register a tool under the configured name(s), its docstring dedented as the description."""

        def register(fn: Any) -> Any:
            description = _spell(inspect.cleandoc(fn.__doc__ or ""), tool_names)
            dotted = f"orchestrator.{name}"
            names = {"dotted": [dotted], "underscore": [f"orchestrator_{name}"]}.get(
                tool_names, [dotted, f"orchestrator_{name}"]
            )
            for tool_name in names:
                server.tool(name=tool_name, description=description, annotations=annotations)(fn)
            return fn

        return register

    @tool("list_missions", annotations=ToolAnnotations(readOnlyHint=True))
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

    @tool("plan", annotations=ToolAnnotations(readOnlyHint=True))
    async def plan(
        mission: Annotated[Mission, Field(description="The mission to plan (nothing runs).")],
        model: Annotated[
            str | None,
            Field(
                description="Plan with this model (local, echo, openai:<model>); default: the template plan.",
                examples=["echo", "openai:gpt-4o-mini"],
            ),
        ] = None,
    ) -> dict[str, Any]:
        """Plan a mission without running it: subtasks, dependencies, issues, the plan's source and usage.

        Nothing runs and nothing is saved. Issues of severity `error` or `blocked` (a missing
        permission, PHI headed for a marketing agent, a budget problem) say what to fix in the
        mission before orchestrator.run. `mermaid` is the plan as a flowchart.
        """
        _check_brand(mission, brands)
        context = build_mission_context(mission, brands_dir=brands)
        chat_model = make_chat_model(model) if model else (agent_model() if plan_with_model else None)
        result = await aplan_mission(mission, model=chat_model, context=context)
        if not show_phi:  # a plan carries the mission's inputs (a clinical note) and descriptions
            result = MissionPlan.model_validate(redact_plan(result.state_dict()))
        return {**result.to_dict(), "mermaid": result.to_mermaid()}

    @tool("run")
    async def run(
        mission: Annotated[Mission, Field(description="The mission to plan and run.")],
        ctx: Context[Any, Any, Any],
        threadId: Annotated[  # camelCase, as in results (`threadId`)
            str | None,
            Field(
                description="Thread to run in (default: the mission id); one run per thread.",
                examples=["mission-001-retry"],
            ),
        ] = None,
    ) -> dict[str, Any]:
        """Plan and run a mission with the specialist agents; return its result.

        Sends a progress notification for each subtask that starts or finishes. The result
        has `status`: `completed` (see `success`, `results` by subtask id and `issues`), or
        `waiting_approval`: the run paused before subtasks that need a person's approval
        (clinical steps always do). Then show `pendingApprovals` (each with a `question`) to
        the user and call orchestrator.resume with `threadId` and their decisions. A thread
        holds one run: to run the same mission again, pass a new `threadId`.
        """
        default_registry().get(mission.type)  # an unknown type is reported before anything starts
        _check_brand(mission, brands)
        await runtime.open()
        principal = request_principal(ctx)
        return await _follow(
            runtime.stream(mission, thread_id=threadId, principal=principal), ctx, tool_names
        )

    @tool("status", annotations=ToolAnnotations(readOnlyHint=True))
    async def status(threadId: ThreadId, ctx: Context[Any, Any, Any]) -> dict[str, Any]:
        """Show a run's state: `status`, subtask results so far, `pendingApprovals`, issues and usage."""
        await runtime.open()
        result = await runtime.status(threadId, principal=request_principal(ctx))
        return _for_client(result, tool_names)

    @tool("resume")
    async def resume(
        threadId: ThreadId,
        ctx: Context[Any, Any, Any],
        approvals: Annotated[
            dict[str, bool] | None,
            Field(
                description="Decisions by subtask id: true approves, false rejects (the subtask is blocked).",
                examples=[{"mission-intake-01-seed-1": True}],
            ),
        ] = None,
    ) -> dict[str, Any]:
        """Continue a paused or interrupted run and return its result (as orchestrator.run does).

        Pass the user's decision for each subtask in `pendingApprovals`; a subtask left out
        keeps waiting. Subtasks that already finished are never run again. Sends a progress
        notification for each subtask that starts or finishes.
        """
        await runtime.open()
        principal = request_principal(ctx)
        return await _follow(
            runtime.stream_resume(threadId, approvals=approvals, principal=principal), ctx, tool_names
        )

    return server


def _url_host(host: str) -> str:
    """`host` as it goes in a URL (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
