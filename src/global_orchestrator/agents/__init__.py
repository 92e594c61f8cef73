"""Specialist agents: the tool catalog, and (later) the agent protocol, router and families."""

from global_orchestrator.agents.catalog import (
    FAMILY_PERMISSIONS,
    ToolCatalog,
    ToolSpec,
    default_catalog,
)

__all__ = ["FAMILY_PERMISSIONS", "ToolCatalog", "ToolSpec", "default_catalog"]
