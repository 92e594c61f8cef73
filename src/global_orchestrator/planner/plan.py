"""Planning a mission: the template plan, or an LLM plan checked against it."""

from __future__ import annotations

import asyncio

from langchain_core.language_models import BaseChatModel

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.context import build_mission_context
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import Issue, Mission, MissionContext, MissionPlan
from global_orchestrator.planner.llm_planner import llm_plan
from global_orchestrator.planner.validation import validate_plan


def plan_mission(
    mission: Mission,
    *,
    model: BaseChatModel | None = None,
    context: MissionContext | None = None,
    registry: MissionRegistry | None = None,
    catalog: ToolCatalog | None = None,
    max_repairs: int = 2,
) -> MissionPlan:
    """Plan a mission and attach every validation finding.

    Without a model the plan is the template's (`source="template"`). With one, the model
    expands the template (`llm`, or `repaired` after re-asking with the validation
    errors); a plan still invalid after `max_repairs` repairs is replaced by the template
    plan with a `plan.fallback` issue (`fallback`). Token usage is in `plan.usage`.

    Args:
        mission: The mission to plan.
        model: A LangChain chat model (see `llm.make_chat_model`), or None.
        context: Its context (default: built with `build_mission_context`); the
            context's own issues (e.g. a missing brand) are carried into the plan.
        registry: Mission templates (default: the process-wide registry).
        catalog: Known tools (default: the built-in tools).
        max_repairs: How often a rejected LLM plan is sent back for repair.

    Raises:
        UnknownMissionTypeError: no template for `mission.type`.
        UserError: the model cannot be reached or is misconfigured.
    """
    registry = registry or default_registry()
    context = context or build_mission_context(mission, catalog=catalog)
    template = registry.get(mission.type)

    def validate(plan: MissionPlan) -> list[Issue]:
        return [*context.issues, *validate_plan(plan, mission, context, registry=registry, catalog=catalog)]

    seeded = template.seed_plan(mission)
    template_plan = seeded.model_copy(update={"issues": validate(seeded)})
    if model is None:
        return template_plan
    return llm_plan(
        template.apply_defaults(mission),
        template,
        template_plan,
        context,
        model,
        validate=validate,
        max_repairs=max_repairs,
    )


async def aplan_mission(
    mission: Mission,
    *,
    model: BaseChatModel | None = None,
    context: MissionContext | None = None,
    registry: MissionRegistry | None = None,
    catalog: ToolCatalog | None = None,
    max_repairs: int = 2,
) -> MissionPlan:
    """`plan_mission` for async callers: runs in a worker thread, so the event loop stays free."""
    return await asyncio.to_thread(
        plan_mission,
        mission,
        model=model,
        context=context,
        registry=registry,
        catalog=catalog,
        max_repairs=max_repairs,
    )
