"""Permission checks: which grants a subtask needs, and whether the mission gives them.

Grants are strings such as `agent:clinical`, `phi:read` or `tool:browser.fetch`. A grant
ending in `:*` covers its whole kind (`agent:*`). The LLM planner cannot add grants: they
come from the mission only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from global_orchestrator.agents.catalog import FAMILY_PERMISSIONS, ToolCatalog
from global_orchestrator.models import AgentFamily, Subtask


@dataclass(frozen=True)
class PermissionDecision:
    """Whether a subtask may run under a mission's grants."""

    allowed: bool
    missing: tuple[str, ...] = ()
    """Grants the subtask needs and the mission lacks."""

    @property
    def reason(self) -> str:
        """A sentence for the issue message."""
        if self.allowed:
            return "all required permissions are granted"
        return "the mission does not grant " + ", ".join(f"'{p}'" for p in self.missing)


def has_permission(granted: Iterable[str], needed: str) -> bool:
    """True if `needed` is in `granted`, directly or through a `kind:*` wildcard."""
    grants = set(granted)
    if needed in grants or "*" in grants:
        return True
    kind = needed.split(":", 1)[0]
    return f"{kind}:*" in grants


def permissions_for(agent: str, tool: str | None, catalog: ToolCatalog) -> tuple[str, ...]:
    """The grants needed to run `tool` (may be None) with the `agent` family."""
    needed: list[str] = []
    family = AgentFamily.parse(agent)
    if family is not None:
        needed.extend(FAMILY_PERMISSIONS[family])
    spec = catalog.get(tool) if tool else None
    if spec is not None:
        needed.extend(spec.permissions)
    return tuple(dict.fromkeys(needed))


def required_permissions(subtask: Subtask, catalog: ToolCatalog) -> tuple[str, ...]:
    """The grants a subtask needs: its family's plus its tool's."""
    return permissions_for(subtask.agent, subtask.tool, catalog)


def missing_permissions(granted: Iterable[str], needed: Iterable[str]) -> tuple[str, ...]:
    """The grants in `needed` that `granted` does not cover."""
    grants = list(granted)
    return tuple(p for p in needed if not has_permission(grants, p))


def check_subtask_permissions(
    subtask: Subtask, granted: Iterable[str], catalog: ToolCatalog
) -> PermissionDecision:
    """Decide whether the mission's grants cover what the subtask needs."""
    missing = missing_permissions(granted, required_permissions(subtask, catalog))
    return PermissionDecision(allowed=not missing, missing=missing)
