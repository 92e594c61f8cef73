"""Model-free tools the specialist agents use: budget allocation, page fetching."""

from global_orchestrator.tools.budget import BudgetAllocation, DroppedChannel, allocate_budget

__all__ = ["BudgetAllocation", "DroppedChannel", "allocate_budget"]
