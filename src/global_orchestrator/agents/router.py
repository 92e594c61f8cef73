"""Routing a subtask to an agent: by family, with configured fallbacks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from global_orchestrator.agents.base import AgentFunction, AgentLike, as_function
from global_orchestrator.models import Subtask, normalize_agent_name


@dataclass(frozen=True)
class Route:
    """Which agent runs a subtask, and whether it is a fallback."""

    family: str
    agent: AgentLike
    fallback_from: str | None = None

    @property
    def call(self) -> AgentFunction:
        """The callable that runs the subtask (`agent.run` for agent objects)."""
        return as_function(self.agent)


@dataclass
class AgentRouter:
    """Agents by family name, plus fallbacks (`{"shadow": "marketing"}`) tried in order."""

    agents: dict[str, AgentLike] = field(default_factory=dict)
    fallbacks: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, agents: Mapping[str, AgentLike], fallbacks: Mapping[str, str | list[str]] | None = None
    ) -> AgentRouter:
        """Build a router; names are normalised (`self-healing` → `self_healing`)."""
        chains = {
            normalize_agent_name(k): [normalize_agent_name(v)]
            if isinstance(v, str)
            else [normalize_agent_name(x) for x in v]
            for k, v in (fallbacks or {}).items()
        }
        return cls({normalize_agent_name(k): v for k, v in agents.items()}, chains)

    def route(self, subtask: Subtask) -> Route | None:
        """The agent for the subtask's family, else the first fallback that has one, else None."""
        family = subtask.agent
        if family in self.agents:
            return Route(family, self.agents[family])
        return next(iter(self.fallback_routes(family)), None)

    def fallback_routes(self, family: str) -> list[Route]:
        """The family's fallbacks that have an agent, in the order they are tried (transitively)."""
        routes: list[Route] = []
        seen = {family}
        queue = list(self.fallbacks.get(family, []))
        while queue:
            candidate = queue.pop(0)
            if candidate in seen:
                continue
            seen.add(candidate)
            if candidate in self.agents:
                routes.append(Route(candidate, self.agents[candidate], fallback_from=family))
            queue.extend(self.fallbacks.get(candidate, []))
        return routes
