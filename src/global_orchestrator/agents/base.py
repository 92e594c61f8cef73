"""The agent protocol, the context an agent runs with, and what it returns."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from global_orchestrator.models import Mission, MissionContext, Subtask, Usage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


@dataclass(frozen=True)
class AgentContext:
    """What an agent may use while running one subtask."""

    mission: Mission
    context: MissionContext
    subtask_id: str
    upstream: Mapping[str, Any]
    """Outputs of the subtask's dependencies, by subtask id (already label-checked)."""
    attempt: int
    """1 for the first try; retries count up."""
    model_factory: Callable[[], BaseChatModel] | None = None
    write: Callable[[Any], None] = field(default=lambda _event: None)
    """Stream writer: anything written reaches `astream_mission` as a progress event."""
    shadow: bool = False
    """Running as a shadow candidate: side-effecting tools must not be called."""

    @property
    def idempotency_key(self) -> str:
        """`mission:subtask:attempt`, for tools with side effects."""
        return f"{self.mission.id}:{self.subtask_id}:{self.attempt}"

    @property
    def model(self) -> BaseChatModel:
        """The configured chat model.

        Raises:
            RuntimeError: the orchestrator was built without a model.
        """
        if self.model_factory is None:
            raise RuntimeError("no chat model is configured for this mission")
        return self.model_factory()


@dataclass(frozen=True)
class AgentOutput:
    """An agent's result with what it cost and what it carries."""

    output: Any
    usage: Usage = field(default_factory=Usage)
    labels: frozenset[str] = frozenset()
    """Data labels beyond those inherited from upstream (e.g. `phi` on raw clinical output)."""
    deidentified: bool = False
    """The output was produced by de-identification (clinical outputs are `phi` otherwise)."""


@runtime_checkable
class Agent(Protocol):
    """A specialist that runs subtasks of one family."""

    family: str

    async def run(self, subtask: Subtask, ctx: AgentContext) -> Any:
        """Run the subtask; return an `AgentOutput` or any JSON-compatible value."""
        ...


AgentFunction = Callable[[Subtask, AgentContext], Awaitable[Any] | Any]
AgentLike = Agent | AgentFunction


def as_function(agent: AgentLike) -> AgentFunction:
    """The callable behind an agent: its `run` method, or the function itself."""
    # A plain attribute check: isinstance() against a runtime-checkable Protocol costs
    # tens of microseconds, paid per subtask.
    run = getattr(agent, "run", None)
    return run if callable(run) else agent  # type: ignore[return-value]


async def call_agent(agent: AgentLike | AgentFunction, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
    """Run an agent object or function and normalise what it returns."""
    value = as_function(agent)(subtask, ctx)
    if inspect.isawaitable(value):
        value = await value
    return value if isinstance(value, AgentOutput) else AgentOutput(output=value)
