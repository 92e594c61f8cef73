"""Model-free tools the specialist agents use: budget allocation, page fetching."""

from global_orchestrator.tools.browser import FetchError, FetchLimits, PageResult, fetch_page, fetch_pages
from global_orchestrator.tools.budget import BudgetAllocation, DroppedChannel, allocate_budget

__all__ = [
    "BudgetAllocation",
    "DroppedChannel",
    "FetchError",
    "FetchLimits",
    "PageResult",
    "allocate_budget",
    "fetch_page",
    "fetch_pages",
]
