"""Global Orchestrator: typed missions, a planner, and specialist agents run as a graph.

The public API is re-exported here; logic lives in the modules.
"""

from global_orchestrator.context import build_mission_context, load_brand
from global_orchestrator.errors import (
    MissionFileError,
    OrchestratorError,
    PlanningError,
    PolicyViolation,
    TemplateError,
    UnknownBrandError,
    UnknownMissionTypeError,
    UserError,
)
from global_orchestrator.loading import load_mission, load_plan
from global_orchestrator.missions import (
    MissionRegistry,
    MissionTemplate,
    get_mission_template,
    list_mission_templates,
    register_mission_template,
    seed_plan_from_template,
)
from global_orchestrator.models import (
    AgentFamily,
    BrandProfile,
    CriticalPath,
    Issue,
    Mission,
    MissionConstraints,
    MissionContext,
    MissionPlan,
    MissionResult,
    OrchestrationGraph,
    SafetyFlags,
    Severity,
    Subtask,
    SubtaskResult,
    Usage,
)
from global_orchestrator.planner import plan_mission, validate_plan

__all__ = [
    "AgentFamily",
    "BrandProfile",
    "CriticalPath",
    "Issue",
    "Mission",
    "MissionConstraints",
    "MissionContext",
    "MissionFileError",
    "MissionPlan",
    "MissionRegistry",
    "MissionResult",
    "MissionTemplate",
    "OrchestrationGraph",
    "OrchestratorError",
    "PlanningError",
    "PolicyViolation",
    "SafetyFlags",
    "Severity",
    "Subtask",
    "SubtaskResult",
    "TemplateError",
    "UnknownBrandError",
    "UnknownMissionTypeError",
    "Usage",
    "UserError",
    "build_mission_context",
    "get_mission_template",
    "list_mission_templates",
    "load_brand",
    "load_mission",
    "load_plan",
    "plan_mission",
    "register_mission_template",
    "seed_plan_from_template",
    "validate_plan",
]
