"""Building the mission graph (wiring only: the nodes live in `nodes.py`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.store.base import BaseStore

from global_orchestrator.agents.base import AgentLike
from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.agents.defaults import default_agents
from global_orchestrator.agents.router import AgentRouter
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import AgentFamily, Issue
from global_orchestrator.policies.budget import PriceTable
from global_orchestrator.settings import get_settings

from .nodes import Engine
from .pending import install as install_linear_pending_writes
from .records import ParseCache
from .running import RetrySettings
from .runtime_copy import install as install_runtime_copy
from .serde import install as install_send_encoder
from .state import MissionInput, MissionOutput, MissionState

DEFAULT_FALLBACKS: dict[str, list[str]] = {}
"""No fallbacks by default; e.g. `{"shadow": ["marketing"]}` routes shadow work to marketing."""


def build_graph(
    *,
    agents: Mapping[str, AgentLike | None] | None = None,
    model: BaseChatModel | Callable[[], BaseChatModel] | None = None,
    checkpointer: BaseCheckpointSaver[Any] | None = None,
    store: BaseStore | None = None,
    fallbacks: Mapping[str, str | list[str]] | None = None,
    plan_with_model: bool = False,
    registry: MissionRegistry | None = None,
    catalog: ToolCatalog | None = None,
    brands_dir: str | Path | None = None,
    retry: RetrySettings | None = None,
    shadow_agents: Mapping[str, AgentLike] | None = None,
    shadow_timeout: float = 30.0,
    prices: PriceTable | Mapping[str, Any] | str | None = None,
    notices: Sequence[Issue] = (),
    parsed: ParseCache | None = None,
) -> Any:
    """Compile the mission graph.

    `START → build_context → plan → guard_plan → [approval per subtask → dispatch] →
    agent_<family> (every subtask, one superstep) → aggregate → END`, one agent node per
    family (without approvals to ask, guard_plan's router starts the agents itself). Each
    subtask's task starts its agent the moment its own dependencies finish
    (`graph/board.py`).

    Args:
        agents: Agents by family, replacing the defaults of those families (any async
            callable `(subtask, ctx)` works); None removes a family's agent, so its
            subtasks go to a fallback or fail with `routing.no_agent`.
        model: The chat model (or a zero-argument factory, called lazily) for the
            default agents and, with `plan_with_model`, the planner.
        checkpointer: Where state is saved; None for LangGraph Studio / Server, which
            bring their own.
        store: Long-term memory (healing memory).
        fallbacks: Family → families to try when it has no agent.
        plan_with_model: Plan with the model (LLM planner) instead of the template.
        registry: Mission templates.
        catalog: Known tools.
        brands_dir: Folder of brand profiles.
        retry: Retries of transient agent errors (and the attempts healing may spend).
        shadow_agents: Candidate agents by name, run beside the primary for missions
            that name them in `context.shadow` (`{"marketing": "<name>"}`).
        shadow_timeout: Seconds a shadow candidate may take.
        prices: Model token prices per million (`{"gpt-4o-mini": {"input": 0.15,
            "output": 0.6}}`), added to the defaults (default: `ORCHESTRATOR_PRICES`);
            spend counts against the budget.
        notices: Issues found while setting the run up (e.g. an MCP server that is down),
            added to every mission's context so the result says why a tool is missing.
        parsed: The nodes' cache of parsed state dicts, shared with a runtime that reads
            the graph's output (`aggregate` leaves the MissionResult it built there).
    """
    factory: Callable[[], BaseChatModel] | None
    if model is None or isinstance(model, BaseChatModel):
        chat_model = model
        factory = (lambda: chat_model) if chat_model is not None else None
    else:
        factory = model
    merged: dict[str, AgentLike] = {
        name: agent for name, agent in {**default_agents(), **(agents or {})}.items() if agent is not None
    }
    engine = Engine(
        router=AgentRouter.of(merged, {**DEFAULT_FALLBACKS, **(fallbacks or {})}),
        model_factory=factory,
        plan_with_model=plan_with_model,
        registry=registry or default_registry(),
        catalog=catalog or default_catalog(),
        brands_dir=str(brands_dir) if brands_dir else None,
        retry=retry or RetrySettings(),
        store=store,
        shadow_agents=dict(shadow_agents or {}),
        shadow_timeout=shadow_timeout,
        prices=PriceTable.parse(prices if prices is not None else get_settings().prices),
        notices=list(notices),
        parsed=parsed if parsed is not None else ParseCache(),
        checkpointer=checkpointer,
        # without a saver of its own the graph is served by LangGraph Server (Studio)
        progress=checkpointer is None,
    )
    graph: Any = StateGraph(MissionState, input_schema=MissionInput, output_schema=MissionOutput)
    graph.add_node("build_context", _thin(engine.build_context))
    graph.add_node("plan", _thin(engine.plan))
    graph.add_node("guard_plan", _thin(engine.guard_plan))
    graph.add_node("approval", _thin(engine.approval))
    graph.add_node("dispatch", _thin(engine.dispatch))
    families = sorted({f.value for f in AgentFamily} | set(engine.router.agents))
    for family in families:
        # the task that closes the run superstep returns Command(goto="aggregate")
        graph.add_node(f"agent_{family}", _thin(engine.run_agent), destinations=("aggregate",))
    graph.add_node("aggregate", _thin(engine.aggregate))

    graph.add_edge(START, "build_context")
    graph.add_edge("build_context", "plan")
    graph.add_edge("plan", "guard_plan")
    agent_nodes = [f"agent_{f}" for f in families]
    # no approval to ask: guard_plan's router sends the run superstep itself (no dispatch step)
    graph.add_conditional_edges(
        "guard_plan", engine.route_after_guard_plan, ["approval", *agent_nodes, "aggregate"]
    )
    graph.add_edge("approval", "dispatch")
    graph.add_conditional_edges("dispatch", engine.route_after_dispatch, [*agent_nodes, "aggregate"])
    graph.add_edge("aggregate", END)
    # every subtask runs in one superstep: keep LangGraph's pending-write list linear (graph/pending.py)
    install_linear_pending_writes()
    # ... and every subtask is a `Send` the checkpointer encodes twice (graph/serde.py)
    install_send_encoder()
    # ... and LangGraph copies its per-task `Runtime` five times per task (graph/runtime_copy.py)
    install_runtime_copy()
    return graph.compile(checkpointer=checkpointer, store=store, name="global-orchestrator")


def _thin(method: Callable[[Any], Awaitable[Any]]) -> Callable[[Any], Awaitable[Any]]:
    """The node as a two-line function that calls `method`.

    At compile time LangGraph disassembles every node function, and what it references,
    looking for subgraphs; on the engine's long methods that cost ~20 ms per compile, and
    a graph is compiled per run.
    """

    async def node(state: Any) -> Any:
        return await method(state)

    node.__name__ = node.__qualname__ = method.__name__
    node.__doc__ = method.__doc__
    return node
