"""Planner: template seeding, the LLM planner, validation and the plan graph."""

from global_orchestrator.planner.graph import find_cycle, topological_order
from global_orchestrator.planner.plan import aplan_mission, plan_mission
from global_orchestrator.planner.validation import validate_plan

__all__ = ["aplan_mission", "find_cycle", "plan_mission", "topological_order", "validate_plan"]
