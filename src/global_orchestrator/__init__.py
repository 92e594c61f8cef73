"""Global Orchestrator: typed missions, a planner, and specialist agents run as a graph.

The public API is re-exported here; logic lives in the modules.
"""

from global_orchestrator.agents.base import Agent, AgentContext, AgentOutput
from global_orchestrator.agents.catalog import ToolSpec
from global_orchestrator.agents.mcp_tools import McpServerSpec, McpToolError
from global_orchestrator.context import build_mission_context, load_brand
from global_orchestrator.engine import (
    aexecute_mission_plan,
    aget_mission_status,
    aprune_runs,
    aresume_mission,
    arun_mission,
    astream_mission,
    astream_resume,
    execute_mission_plan,
    get_mission_status,
    prune_runs,
    resume_mission,
    run_mission,
)
from global_orchestrator.errors import (
    MissionFileError,
    OrchestratorError,
    PlanningError,
    PolicyViolation,
    TemplateError,
    TransientError,
    UnknownBrandError,
    UnknownMissionTypeError,
    UserError,
)
from global_orchestrator.events import MissionEvent
from global_orchestrator.graph import RetrySettings, build_graph
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
    ApprovalRequest,
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
from global_orchestrator.redaction import REDACTED
from global_orchestrator.runtime import Orchestrator, RunOptions, SyncOrchestrator

__all__ = [
    "REDACTED",
    "Agent",
    "AgentContext",
    "AgentFamily",
    "AgentOutput",
    "ApprovalRequest",
    "BrandProfile",
    "CriticalPath",
    "Issue",
    "McpServerSpec",
    "McpToolError",
    "Mission",
    "MissionConstraints",
    "MissionContext",
    "MissionEvent",
    "MissionFileError",
    "MissionPlan",
    "MissionRegistry",
    "MissionResult",
    "MissionTemplate",
    "OrchestrationGraph",
    "Orchestrator",
    "OrchestratorError",
    "PlanningError",
    "PolicyViolation",
    "RetrySettings",
    "RunOptions",
    "SafetyFlags",
    "Severity",
    "Subtask",
    "SubtaskResult",
    "SyncOrchestrator",
    "TemplateError",
    "ToolSpec",
    "TransientError",
    "UnknownBrandError",
    "UnknownMissionTypeError",
    "Usage",
    "UserError",
    "aexecute_mission_plan",
    "aget_mission_status",
    "aprune_runs",
    "aresume_mission",
    "arun_mission",
    "astream_mission",
    "astream_resume",
    "build_graph",
    "build_mission_context",
    "execute_mission_plan",
    "get_mission_status",
    "get_mission_template",
    "list_mission_templates",
    "load_brand",
    "load_mission",
    "load_plan",
    "plan_mission",
    "prune_runs",
    "register_mission_template",
    "resume_mission",
    "run_mission",
    "seed_plan_from_template",
    "validate_plan",
]
