"""Permission checks: which grants a subtask needs, and whether the mission gives them.

Grants are strings such as `agent:clinical`, `phi:read` or `tool:browser.fetch`. A grant
ending in `:*` covers its whole kind (`agent:*`). The LLM planner cannot add grants: they
come from the mission only.

`approval:skip` is the one grant no wildcard covers: only a mission that names it lets its
clinical subtasks run without a person's approval (`needs_approval`).
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


SKIP_APPROVAL = "approval:skip"
"""The grant that lets clinical subtasks run without approval; wildcards never cover it."""


def has_permission(granted: Iterable[str], needed: str) -> bool:
    """True if `needed` is in `granted`, directly or through a `kind:*` wildcard."""
    return _covered(set(granted), needed)


def _covered(grants: set[str], needed: str) -> bool:
    if needed in grants:
        return True
    if needed == SKIP_APPROVAL:
        return False
    if "*" in grants:
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
    grants = set(granted)  # once, not per grant needed
    return tuple(p for p in needed if not _covered(grants, p))


def check_subtask_permissions(
    subtask: Subtask, granted: Iterable[str], catalog: ToolCatalog
) -> PermissionDecision:
    """Decide whether the mission's grants cover what the subtask needs."""
    missing = missing_permissions(granted, required_permissions(subtask, catalog))
    return PermissionDecision(allowed=not missing, missing=missing)


def needs_approval(subtask: Subtask, granted: Iterable[str]) -> bool:
    """Whether the subtask waits for a person.

    Clinical subtasks always wait, whatever a plan (the user's, a template's or the
    model's) says, unless the mission grants `approval:skip` by name; other subtasks wait
    when their plan asks (`requiresApproval`).
    """
    if subtask.family is AgentFamily.CLINICAL:
        return SKIP_APPROVAL not in set(granted)
    return subtask.requires_approval
