"""Mission registry: templates as YAML package data, and seeding plans from them."""

from global_orchestrator.missions.registry import (
    MissionRegistry,
    MissionTemplate,
    TemplateInputSchema,
    TemplateSubtask,
    default_registry,
    get_mission_template,
    list_mission_templates,
    parse_template,
    register_mission_template,
    seed_plan_from_template,
)

__all__ = [
    "MissionRegistry",
    "MissionTemplate",
    "TemplateInputSchema",
    "TemplateSubtask",
    "default_registry",
    "get_mission_template",
    "list_mission_templates",
    "parse_template",
    "register_mission_template",
    "seed_plan_from_template",
]
