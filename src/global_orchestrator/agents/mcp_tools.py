"""Tools from MCP servers, attached to agent families (needs the `mcp` extra).

A server is described by an `McpServerSpec` (stdio command or streamable HTTP URL) and
attached to one family; its tools join the tool catalog as `<family>.<tool name>`, so a
plan's subtask can name them in `tool`. For each run, `open_mcp_tools` connects to every
server once (through `langchain-mcp-adapters`), lists its tools and keeps the session
open until the run ends; the family's agent is wrapped so that a subtask naming one of
these tools calls it with `subtask.inputs` as arguments.

A server that cannot be reached when the run starts does not stop the run: the tools its
spec declares in `tools` stay known, and each call of one fails with the reason (other
tools of that server are unknown, so a plan naming them gets `plan.unknown_tool`). A
tool that reports an error, or raises, fails its subtask with the server's message.

Servers come from `run_mission(..., mcp_servers=[...])` or, when that is not given,
from the `ORCHESTRATOR_MCP_SERVERS` setting (see `mcp_config`).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from global_orchestrator.agents.base import AgentContext, AgentLike, AgentOutput, call_agent
from global_orchestrator.agents.catalog import ToolCatalog, ToolSpec, default_catalog
from global_orchestrator.agents.mcp_config import (
    McpServerSpec,
    ServersLike,
    configured_mcp_servers,
    parse_mcp_servers,
)
from global_orchestrator.errors import RunError, UserError
from global_orchestrator.models import Subtask, normalize_agent_name
from global_orchestrator.policies.flow import EXTERNAL

if TYPE_CHECKING:
    from langchain_core.tools import BaseTool

__all__ = [
    "McpServerSpec",
    "McpTool",
    "McpToolAgent",
    "McpToolError",
    "McpToolset",
    "ServersLike",
    "configured_mcp_servers",
    "open_mcp_tools",
    "parse_mcp_servers",
]


class McpToolError(RunError):
    """An MCP tool call failed: server unreachable, tool error, or refused (not retried)."""


def describe_error(exc: BaseException) -> str:
    """A one-line reason for an exception, looking inside exception groups."""
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(describe_error(e) for e in exc.exceptions)
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Server:
    """One server's session for a run, held open by its own task.

    The MCP SDK's transports live in anyio task groups, which must be entered and left
    by the same task; a dedicated task does both, so the session may be closed from any
    task (or after an abandoned stream) without cross-task cancel-scope errors.
    """

    def __init__(self, spec: McpServerSpec) -> None:
        self.spec = spec
        self.tools: dict[str, BaseTool] = {}
        """LangChain tools by MCP tool name (bound to the open session)."""
        self.error: str | None = None
        """Why the server is unusable, if it is."""
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._task = asyncio.create_task(self._hold(ready), name=f"mcp-server-{self.spec.name}")
        try:
            # the holder enforces the timeout itself; this is only a backstop
            await asyncio.wait_for(asyncio.shield(ready), self.spec.timeout + 15)
        except TimeoutError:
            ready.cancel()
            self.error = f"no answer within {self.spec.timeout:g} s"
            await self.close()
        except Exception as exc:
            self.error = describe_error(exc)
            await self.close()

    async def _hold(self, ready: asyncio.Future[None]) -> None:
        import anyio
        from langchain_mcp_adapters.sessions import create_session
        from langchain_mcp_adapters.tools import load_mcp_tools

        try:
            # An anyio deadline, not a cancel from outside: the transport's cleanup (closing
            # stdin, killing a stdio server that ignores it) runs inside the cancelled scope.
            with anyio.CancelScope(deadline=anyio.current_time() + self.spec.timeout) as scope:
                async with create_session(self.spec.connection()) as session:  # type: ignore[arg-type]
                    await session.initialize()
                    tools = await load_mcp_tools(
                        session, server_name=self.spec.name, handle_tool_errors=False
                    )
                    self.tools = {tool.name: tool for tool in tools}
                    scope.deadline = math.inf
                    if not ready.done():  # cancelled by start()'s backstop
                        ready.set_result(None)
                    await self._stop.wait()
            if scope.cancelled_caught and not ready.done():
                ready.set_exception(TimeoutError(f"no answer within {self.spec.timeout:g} s"))
        except Exception as exc:
            if not ready.done():
                ready.set_exception(exc)
            elif not self._stop.is_set():
                self.error = f"connection lost: {describe_error(exc)}"
        finally:
            if not ready.done():
                ready.set_exception(RuntimeError("the connection closed before it was ready"))

    async def close(self) -> None:
        self._stop.set()
        task, self._task = self._task, None
        if task is None:
            return
        # closing must not fail the run; on timeout wait_for cancels the task, and the
        # transport's own cleanup kills a stdio server's process
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 10)


@dataclass(frozen=True)
class McpTool:
    """An MCP tool as the orchestrator knows it."""

    name: str
    """Catalog name, `<family>.<tool>`."""
    server: str
    tool: str
    """The tool's name on its server."""
    description: str
    side_effects: bool
    publishes: bool = False
    """Sends data outside (declared, or named like `send_*`): blocked on PHI input."""


class McpToolset:
    """The MCP tools of one run, by catalog name; open with `open_mcp_tools`."""

    def __init__(self, specs: Sequence[McpServerSpec] = ()) -> None:
        self.specs = list(specs)
        self.tools: dict[str, McpTool] = {}
        self._servers: dict[str, _Server] = {}

    async def open(self) -> None:
        """Connect to every server at once and register their tools.

        Raises:
            UserError: the `mcp` extra is missing, or two servers offer the same tool name
                to one family.
        """
        if not self.specs:
            return
        try:
            import langchain_mcp_adapters  # noqa: F401
        except ImportError:
            raise UserError(
                "MCP servers need the `mcp` extra: pip install 'global-orchestrator[mcp]'"
            ) from None
        self._servers = {spec.name: _Server(spec) for spec in self.specs}
        await asyncio.gather(*(server.start() for server in self._servers.values()))
        for server in self._servers.values():
            spec = server.spec
            if server.error:
                names = list(spec.tools or [])  # declared tools stay known; calls give the reason
            else:
                names = [n for n in server.tools if spec.tools is None or n in spec.tools]
            for tool in names:
                lc_tool = server.tools.get(tool)
                name = spec.catalog_name(tool)
                other = self.tools.get(name)
                if other is not None:
                    raise UserError(
                        f"MCP servers '{other.server}' and '{spec.name}' both offer '{name}': "
                        "list the tools each should attach in `tools`"
                    )
                description = lc_tool.description if lc_tool else ""
                self.tools[name] = McpTool(
                    name=name,
                    server=spec.name,
                    tool=tool,
                    description=description or f"'{tool}' from MCP server '{spec.name}'",
                    side_effects=tool in spec.side_effects,
                    publishes=spec.tool_publishes(tool),
                )

    async def aclose(self) -> None:
        """Close every session (and stop stdio server processes)."""
        servers, self._servers = list(self._servers.values()), {}
        await asyncio.gather(*(server.close() for server in servers))

    def errors(self) -> dict[str, str]:
        """Servers that could not be used, with the reason."""
        return {name: s.error for name, s in self._servers.items() if s.error}

    def for_family(self, family: str) -> list[McpTool]:
        """The tools attached to one family."""
        return [tool for tool in self.tools.values() if tool.name.split(".", 1)[0] == family]

    def langchain_tools(self, family: str) -> list[BaseTool]:
        """The family's tools as LangChain tools (for a model's tool loop), live servers only."""
        found = []
        for tool in self.for_family(family):
            lc_tool = self._servers[tool.server].tools.get(tool.tool)
            if lc_tool is not None:
                found.append(lc_tool)
        return found

    def catalog(self, base: ToolCatalog | None = None) -> ToolCatalog | None:
        """A copy of `base` (default: the built-in tools) with these tools; None if there are none.

        A tool named like one already in the catalog replaces it and keeps its grants.
        """
        if not self.tools:
            return base
        merged = ToolCatalog(dict((base or default_catalog()).tools))
        for tool in self.tools.values():
            old = merged.get(tool.name)
            merged.register(
                ToolSpec(
                    tool.name,
                    tool.description,
                    permissions=old.permissions if old else (),
                    side_effects=tool.side_effects or (old.side_effects if old else False),
                    publishes=tool.publishes or (old.publishes if old else False),
                    cost=old.cost if old else None,
                )
            )
        return merged

    def attach(self, agents: Mapping[str, AgentLike | None] | None) -> Mapping[str, AgentLike | None] | None:
        """Agents by family with each family that has MCP tools wrapped to call them.

        `agents` overrides the defaults as in `build_graph`; a family removed with None
        stays removed.
        """
        if not self.tools:
            return agents
        from global_orchestrator.agents.defaults import default_agents

        given = {normalize_agent_name(k): v for k, v in (agents or {}).items()}
        merged: dict[str, AgentLike | None] = {**default_agents(), **given}
        for family, agent in merged.items():
            names = frozenset(t.name for t in self.for_family(family))
            if agent is not None and names:
                merged[family] = McpToolAgent(family, self, agent, names)
        return merged

    async def call(self, name: str, arguments: Mapping[str, Any], *, shadow: bool = False) -> dict[str, Any]:
        """Call the tool `name` (`<family>.<tool>`) and return its answer.

        Returns:
            `{"tool": name, "server": ..., "content": joined text}`, plus `structured`
            (the tool's structured content) and `blocks` (non-text content) when present.

        Raises:
            McpToolError: the tool is unknown, its server unreachable, it reported an error,
                or it has side effects and this is a shadow run.
            TimeoutError: no answer within the server's timeout (the engine retries it).
        """
        from langchain_core.messages import ToolMessage
        from langchain_core.tools import ToolException

        tool = self.tools.get(name)
        if tool is None:
            raise McpToolError(f"no MCP tool '{name}'")
        if shadow and tool.side_effects:
            raise McpToolError(f"MCP tool '{name}' has side effects: not called in a shadow run")
        server = self._servers.get(tool.server)
        if server is None or server.error:
            reason = server.error if server else "not connected"
            raise McpToolError(f"MCP server '{tool.server}' is unreachable: {reason}")
        lc_tool = server.tools.get(tool.tool)
        if lc_tool is None:
            offered = ", ".join(sorted(server.tools)) or "none"
            raise McpToolError(
                f"MCP server '{tool.server}' does not offer tool '{tool.tool}' (it offers: {offered})"
            )
        call = {"type": "tool_call", "name": tool.tool, "args": dict(arguments), "id": name}
        try:
            message = await asyncio.wait_for(lc_tool.ainvoke(call), server.spec.timeout)
        except TimeoutError:
            raise TimeoutError(f"MCP tool '{name}' gave no answer within {server.spec.timeout:g} s") from None
        except ToolException as exc:
            raise McpToolError(f"MCP tool '{name}' failed: {exc}") from None
        except Exception as exc:
            if _connection_closed(exc):
                server.error = server.error or f"connection lost ({describe_error(exc)})"
            if server.error:
                raise McpToolError(f"MCP server '{tool.server}' is unreachable: {server.error}") from None
            raise McpToolError(f"MCP tool '{name}' failed: {describe_error(exc)}") from None
        assert isinstance(message, ToolMessage)
        return _answer(name, tool.server, message)


def _connection_closed(exc: BaseException) -> bool:
    import anyio
    from mcp.shared.exceptions import McpError

    if isinstance(exc, anyio.ClosedResourceError | anyio.BrokenResourceError | anyio.EndOfStream):
        return True
    return isinstance(exc, McpError) and "connection closed" in str(exc).lower()


def _answer(name: str, server: str, message: Any) -> dict[str, Any]:
    content = message.content
    blocks = content if isinstance(content, list) else [{"type": "text", "text": str(content)}]
    texts = [b["text"] for b in blocks if isinstance(b, Mapping) and b.get("type") == "text"]
    others = [
        {k: v for k, v in b.items() if k != "id"}
        for b in blocks
        if isinstance(b, Mapping) and b.get("type") != "text"
    ]
    answer: dict[str, Any] = {"tool": name, "server": server, "content": "\n".join(texts)}
    artifact = message.artifact
    if isinstance(artifact, Mapping) and artifact.get("structured_content") is not None:
        answer["structured"] = artifact["structured_content"]
    if others:
        answer["blocks"] = others
    return answer


class McpToolAgent:
    """A family's agent with MCP tools: subtasks naming one of them call it; others go to `inner`."""

    def __init__(self, family: str, toolset: McpToolset, inner: AgentLike, names: frozenset[str]) -> None:
        self.family = family
        self.toolset = toolset
        self.inner = inner
        self.names = names

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Call the subtask's MCP tool with its inputs, or hand the subtask to the wrapped agent."""
        if subtask.tool in self.names:
            shadow = bool(getattr(ctx, "shadow", False))
            output = await self.toolset.call(subtask.tool, subtask.inputs, shadow=shadow)
            return AgentOutput(output=output, labels=frozenset({EXTERNAL}))
        return await call_agent(self.inner, subtask, ctx)


@asynccontextmanager
async def open_mcp_tools(servers: ServersLike | None = None) -> AsyncIterator[McpToolset]:
    """Connect to the MCP servers of a run (default: the configured ones); close them after.

    Raises:
        UserError: a spec is invalid, or the `mcp` extra is not installed.
    """
    toolset = McpToolset(configured_mcp_servers(servers))
    try:
        await toolset.open()
        yield toolset
    finally:
        await toolset.aclose()
