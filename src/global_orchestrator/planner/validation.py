"""Plan validation: every finding is an `Issue` with its own code.

Severity decides what happens at run time: `error` makes the whole plan unrunnable,
`blocked` short-circuits that subtask and its dependants, `warning` is reported.

Codes:
    mission.unknown_type        no template for the mission's type (error)
    mission.invalid_input       constraints/context break the template's input schema (error)
    plan.mission_mismatch       the plan is for another mission (error)
    plan.empty                  the plan has no subtasks (error)
    plan.duplicate_id           two subtasks share an id (error)
    plan.unknown_dependency     `depends_on` names no subtask (error)
    plan.cycle                  dependencies form a cycle; the message names it (error)
    plan.unknown_agent          `agent` is no known family (error)
    plan.unknown_tool           `tool` is not a tool of the subtask's family (error)
    permission.denied           the mission does not grant what the subtask needs (blocked)
    constraint.agent_not_allowed  the family is outside `allowed_agents` (blocked)
    constraint.unknown_allowed_agent  `allowed_agents` names no family (warning)
    constraint.budget_missing   the template needs a budget and none is set (warning)
    constraint.budget_not_positive  the budget is zero, negative or not finite (error)
    constraint.budget_over_limit    the budget exceeds the template's limit (warning)
    constraint.max_subtasks     more subtasks than `max_subtasks` (warning)
    phi.blocked                 a marketing subtask's description or inputs are PHI-related (blocked)
    phi.flow                    a marketing subtask reads clinical output that was not
                                de-identified (blocked)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import (
    AgentFamily,
    Issue,
    Mission,
    MissionContext,
    MissionPlan,
    Severity,
    Subtask,
)
from global_orchestrator.planner.graph import find_cycle
from global_orchestrator.policies.labels import phi_categories
from global_orchestrator.policies.permissions import check_subtask_permissions

DEIDENTIFY_TOOL = "clinical.deidentify"


def validate_plan(
    plan: MissionPlan,
    mission: Mission,
    context: MissionContext | None = None,
    *,
    registry: MissionRegistry | None = None,
    catalog: ToolCatalog | None = None,
) -> list[Issue]:
    """Check a plan against its mission, template, tool catalog and policies.

    Never raises on a well-typed plan: every problem becomes an `Issue`.

    Args:
        plan: The plan to check (from a template, the LLM or a user).
        mission: The mission it is for; its permissions and constraints are the only
            source of grants (a plan cannot escalate).
        context: The mission context; tools it lists as available count as known.
        registry: Mission templates (default: the process-wide registry).
        catalog: Known tools (default: the built-in tools).

    Returns:
        Issues in a stable order: mission-level first, then per subtask.
    """
    registry = registry or default_registry()
    catalog = catalog or default_catalog()
    issues: list[Issue] = []
    template = registry.find(mission.type)
    if template is None:
        known = ", ".join(t.id for t in registry.list())
        issues.append(
            _issue(
                "mission.unknown_type",
                Severity.ERROR,
                f"unknown mission type '{mission.type}' (known: {known})",
            )
        )
    else:
        mission = template.apply_defaults(mission)
        issues.extend(
            _issue("mission.invalid_input", Severity.ERROR, message)
            for message in template.input_errors(mission)
        )
    if plan.mission_id != mission.id:
        issues.append(
            _issue(
                "plan.mission_mismatch",
                Severity.ERROR,
                f"the plan is for mission '{plan.mission_id}', not '{mission.id}'",
            )
        )
    issues.extend(
        _budget_issues(
            mission,
            template.requires_budget if template else False,
            template.max_budget if template else None,
        )
    )
    issues.extend(_structure_issues(plan, catalog, _available_tools(context)))
    issues.extend(_policy_issues(plan, mission, catalog))
    return issues


def _issue(code: str, severity: Severity, message: str, subtask_id: str | None = None) -> Issue:
    return Issue(code=code, severity=severity, message=message, subtask_id=subtask_id)


def _available_tools(context: MissionContext | None) -> set[str]:
    if context is None:
        return set()
    return {tool for tools in context.tools.values() for tool in tools}


def _budget_issues(mission: Mission, requires_budget: bool, max_budget: float | None) -> Iterable[Issue]:
    constraints = mission.constraints
    budget = constraints.budget
    if budget is None:
        if requires_budget:
            yield _issue(
                "constraint.budget_missing",
                Severity.WARNING,
                f"missions of type '{mission.type}' need a budget: set constraints.budget",
            )
    elif not math.isfinite(budget) or budget <= 0:
        yield _issue(
            "constraint.budget_not_positive",
            Severity.ERROR,
            f"budget must be a positive amount, got {budget:g} {constraints.currency}",
        )
    elif max_budget is not None and budget > max_budget:
        yield _issue(
            "constraint.budget_over_limit",
            Severity.WARNING,
            f"budget {budget:g} {constraints.currency} exceeds the limit of {max_budget:g} "
            f"for '{mission.type}' missions",
        )


def _structure_issues(plan: MissionPlan, catalog: ToolCatalog, available: set[str]) -> Iterable[Issue]:
    subtasks = plan.subtasks
    if not subtasks:
        yield _issue("plan.empty", Severity.ERROR, "the plan has no subtasks")
        return
    counts = Counter(s.id for s in subtasks)
    for sid, n in counts.items():
        if n > 1:
            yield _issue("plan.duplicate_id", Severity.ERROR, f"subtask id '{sid}' is used {n} times", sid)
    ids = set(counts)
    for s in subtasks:
        for dep in s.depends_on:
            if dep not in ids:
                yield _issue(
                    "plan.unknown_dependency",
                    Severity.ERROR,
                    f"'{s.id}' depends on '{dep}', which is not a subtask of this plan",
                    s.id,
                )
    cycle = find_cycle(subtasks)
    if cycle is not None:
        yield _issue("plan.cycle", Severity.ERROR, "dependency cycle: " + " -> ".join(cycle), cycle[0])
    families = ", ".join(f.value for f in AgentFamily)
    for s in subtasks:
        family = s.family
        if family is None:
            yield _issue(
                "plan.unknown_agent",
                Severity.ERROR,
                f"'{s.id}' names agent '{s.agent}', which is no agent family (known: {families})",
                s.id,
            )
            continue
        if s.tool is None:
            continue
        spec = catalog.get(s.tool)
        known = (spec is not None and spec.family == family.value) or (
            s.tool in available and s.tool.split(".", 1)[0] == family.value
        )
        if not known:
            tools = ", ".join(t.name for t in catalog.for_family(family.value)) or "none"
            yield _issue(
                "plan.unknown_tool",
                Severity.ERROR,
                f"'{s.id}' uses tool '{s.tool}', which is not a {family.value} tool (known: {tools})",
                s.id,
            )


def _policy_issues(plan: MissionPlan, mission: Mission, catalog: ToolCatalog) -> Iterable[Issue]:
    constraints = mission.constraints
    allowed = constraints.allowed_agents
    if allowed is not None:
        for name in allowed:
            if AgentFamily.parse(name) is None:
                yield _issue(
                    "constraint.unknown_allowed_agent",
                    Severity.WARNING,
                    f"allowed_agents names '{name}', which is no agent family",
                )
    if constraints.max_subtasks is not None and len(plan.subtasks) > constraints.max_subtasks:
        yield _issue(
            "constraint.max_subtasks",
            Severity.WARNING,
            f"the plan has {len(plan.subtasks)} subtasks, more than max_subtasks={constraints.max_subtasks}",
        )
    raw_sources = _raw_clinical_sources(plan.subtasks)
    for s in plan.subtasks:
        family = s.family
        if family is None:
            continue
        decision = check_subtask_permissions(s, mission.permissions, catalog)
        if not decision.allowed:
            yield _issue(
                "permission.denied",
                Severity.BLOCKED,
                f"'{s.id}' is blocked: {decision.reason}",
                s.id,
            )
        if allowed is not None and family.value not in allowed:
            yield _issue(
                "constraint.agent_not_allowed",
                Severity.BLOCKED,
                f"'{s.id}' needs the {family.value} agent, which allowed_agents does not include",
                s.id,
            )
        if family is AgentFamily.MARKETING:
            yield from _phi_issues(s, raw_sources)


def _phi_issues(subtask: Subtask, raw_sources: dict[str, str]) -> Iterable[Issue]:
    categories = phi_categories(subtask)
    if categories:
        # categories only: an issue must never repeat the PHI value it found
        yield _issue(
            "phi.blocked",
            Severity.BLOCKED,
            f"marketing subtask '{subtask.id}' is blocked: PHI-related content ({', '.join(categories)})",
            subtask.id,
        )
    source = next((raw_sources[d] for d in subtask.depends_on if d in raw_sources), None)
    if source is not None:
        yield _issue(
            "phi.flow",
            Severity.BLOCKED,
            f"marketing subtask '{subtask.id}' would read the output of clinical subtask "
            f"'{source}' without de-identification (route it through {DEIDENTIFY_TOOL})",
            subtask.id,
        )


def _raw_clinical_sources(subtasks: list[Subtask]) -> dict[str, str]:
    """Subtask id → a clinical subtask whose raw (not de-identified) output reaches it.

    A clinical subtask other than `clinical.deidentify` is its own source; a
    de-identification step stops the flow; everything else passes on what its
    dependencies carry. One pass in dependency order (cycles are reported elsewhere and
    simply end the walk).
    """
    by_id = {s.id: s for s in subtasks}
    sources: dict[str, str] = {}
    state: dict[str, int] = {}  # 1 = in progress, 2 = done

    def visit(root: str) -> None:
        stack = [root]
        while stack:
            sid = stack[-1]
            if state.get(sid) == 2:
                stack.pop()
                continue
            subtask = by_id[sid]
            pending = [d for d in subtask.depends_on if d in by_id and d not in state]
            if pending and state.get(sid) != 1:
                state[sid] = 1
                stack.extend(pending)
                continue
            stack.pop()
            state[sid] = 2
            if subtask.family is AgentFamily.CLINICAL:
                if subtask.tool != DEIDENTIFY_TOOL:
                    sources[sid] = sid
                continue  # de-identified output; the run-time guard re-scans it
            found = next((sources[d] for d in subtask.depends_on if d in sources), None)
            if found is not None:
                sources[sid] = found

    for s in subtasks:
        if s.id not in state:
            visit(s.id)
    return sources
