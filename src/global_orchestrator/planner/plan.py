"""Planning a mission: seed from the template, then validate."""

from __future__ import annotations

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.context import build_mission_context
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import Mission, MissionContext, MissionPlan
from global_orchestrator.planner.validation import validate_plan


def plan_mission(
    mission: Mission,
    *,
    context: MissionContext | None = None,
    registry: MissionRegistry | None = None,
    catalog: ToolCatalog | None = None,
) -> MissionPlan:
    """Plan a mission from its template and attach every validation finding.

    Args:
        mission: The mission to plan.
        context: Its context (default: built with `build_mission_context`); the
            context's own issues (e.g. a missing brand) are carried into the plan.
        registry: Mission templates (default: the process-wide registry).
        catalog: Known tools (default: the built-in tools).

    Raises:
        UnknownMissionTypeError: no template for `mission.type`.
    """
    registry = registry or default_registry()
    context = context or build_mission_context(mission, catalog=catalog)
    plan = registry.get(mission.type).seed_plan(mission)
    issues = [
        *context.issues,
        *validate_plan(plan, mission, context, registry=registry, catalog=catalog),
    ]
    return plan.model_copy(update={"issues": issues})
