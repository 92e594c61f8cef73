"""Planner: template seeding, validation and the plan graph."""

from global_orchestrator.planner.graph import find_cycle, topological_order
from global_orchestrator.planner.plan import plan_mission
from global_orchestrator.planner.validation import validate_plan

__all__ = ["find_cycle", "plan_mission", "topological_order", "validate_plan"]
