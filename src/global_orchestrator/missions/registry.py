"""Mission templates: YAML definitions, a registry, and seeding a plan from a template.

A template names the input it expects (JSON Schema for the mission's `constraints` and
`context`), the permissions it needs, default constraints, and suggested subtasks with
placeholders such as `{goal}`, `{budget}` or `{context.urls}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import Field, ValidationError, field_validator, model_validator

from global_orchestrator.errors import TemplateError, UnknownMissionTypeError
from global_orchestrator.loading import describe_validation_error
from global_orchestrator.models import (
    AgentFamily,
    Mission,
    MissionConstraints,
    MissionPlan,
    Subtask,
    WireModel,
    normalize_agent_name,
)

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
_MISSION_FIELDS = frozenset({"goal", "mission_id", "brand_id", "user_id", "type", "budget", "currency"})
_TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json")


class TemplateInputSchema(WireModel):
    """JSON Schemas for the mission's `constraints` and `context` objects."""

    constraints: dict[str, Any] = Field(default_factory=lambda: {"type": "object"})
    context: dict[str, Any] = Field(default_factory=lambda: {"type": "object"})

    @field_validator("constraints", "context")
    @classmethod
    def _check_schema(cls, schema: dict[str, Any]) -> dict[str, Any]:
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            raise ValueError(f"not a valid JSON Schema: {exc.message}") from exc
        return schema


class TemplateSubtask(WireModel):
    """A suggested subtask; `depends_on` names other subtasks of the template by `key`."""

    key: str | None = None
    """Local name that `depends_on` refers to; defaults to the 1-based position."""
    agent: str
    description: str
    tool: str | None = None
    depends_on: list[str] = Field(default_factory=list)
    inputs: dict[str, Any] = Field(default_factory=dict)
    requires_approval: bool | None = None
    """None means the family default: clinical subtasks wait for approval."""

    @field_validator("agent")
    @classmethod
    def _normalize_agent(cls, value: str) -> str:
        return normalize_agent_name(value)


class MissionTemplate(WireModel):
    """A mission type: expected input, permissions, defaults and suggested subtasks."""

    id: str = Field(min_length=1)
    """The mission type, e.g. `marketing.campaign`."""
    title: str
    description: str = ""
    summary: str = "{goal}"
    """Plan summary, with placeholders."""
    input_schema: TemplateInputSchema = Field(default_factory=TemplateInputSchema)
    required_permissions: list[str] = Field(default_factory=list)
    """Grants a mission of this type must give for all its subtasks to run."""
    default_constraints: dict[str, Any] = Field(default_factory=dict)
    """Constraint values used where the mission sets none."""
    requires_budget: bool = False
    """A mission of this type must set a budget."""
    max_budget: float | None = None
    """Largest budget a mission of this type may set."""
    subtasks: list[TemplateSubtask] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_references(self) -> MissionTemplate:
        keys = [t.key or str(i) for i, t in enumerate(self.subtasks, start=1)]
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                raise ValueError(f"subtask key '{key}' is used twice")
            seen.add(key)
        for key, subtask in zip(keys, self.subtasks, strict=True):
            for dep in subtask.depends_on:
                if dep not in seen:
                    raise ValueError(f"subtask '{key}' depends on unknown key '{dep}'")
                if dep == key:
                    raise ValueError(f"subtask '{key}' depends on itself")
            for text in _strings(subtask.model_dump()):
                _check_placeholders(text, where=f"subtask '{key}'")
        _check_placeholders(self.summary, where="summary")
        MissionConstraints.model_validate(self.default_constraints)
        return self

    @property
    def families(self) -> list[AgentFamily]:
        """Agent families the template's subtasks use, in order of first use."""
        found = [AgentFamily.parse(t.agent) for t in self.subtasks]
        return list(dict.fromkeys(f for f in found if f is not None))

    def apply_defaults(self, mission: Mission) -> Mission:
        """Return the mission with the template's default constraints filled in where unset."""
        current = mission.constraints.model_dump(exclude_unset=True)
        merged = {**self.default_constraints, **current}
        return mission.model_copy(update={"constraints": MissionConstraints.model_validate(merged)})

    def input_errors(self, mission: Mission) -> list[str]:
        """Messages for each way the mission's constraints and context break the input schema."""
        constraints = mission.constraints.model_dump(mode="json", exclude_none=True)
        messages: list[str] = []
        for part, instance, schema in (
            ("constraints", constraints, self.input_schema.constraints),
            ("context", mission.context, self.input_schema.context),
        ):
            validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
                path = ".".join(str(p) for p in (part, *error.path))
                messages.append(f"{path}: {error.message}")
        return messages

    def seed_plan(self, mission: Mission) -> MissionPlan:
        """Expand the suggested subtasks for `mission` (ids `{missionId}-seed-{n}`)."""
        mission = self.apply_defaults(mission)
        values = _placeholder_values(mission)
        ids = {(t.key or str(i)): f"{mission.id}-seed-{i}" for i, t in enumerate(self.subtasks, start=1)}
        subtasks = []
        for i, template in enumerate(self.subtasks, start=1):
            family = AgentFamily.parse(template.agent)
            approval = template.requires_approval
            if approval is None:
                approval = family is AgentFamily.CLINICAL
            inputs = {k: v for k, v in _render(template.inputs, values).items() if v is not None}
            subtasks.append(
                Subtask(
                    id=f"{mission.id}-seed-{i}",
                    agent=template.agent,
                    description=str(_render(template.description, values)),
                    tool=template.tool,
                    depends_on=[ids[d] for d in template.depends_on],
                    inputs=inputs,
                    requires_approval=approval,
                )
            )
        summary = _render(self.summary, values)
        return MissionPlan(
            mission_id=mission.id,
            summary=str(summary or mission.goal),
            subtasks=subtasks,
            source="template",
        )


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _check_placeholders(text: str, *, where: str) -> None:
    for name in _PLACEHOLDER.findall(text):
        if name not in _MISSION_FIELDS and not (name.startswith("context.") and len(name) > 8):
            allowed = ", ".join(sorted(_MISSION_FIELDS))
            raise ValueError(f"{where}: unknown placeholder '{{{name}}}' (use {allowed} or context.<key>)")


def _placeholder_values(mission: Mission) -> dict[str, Any]:
    values: dict[str, Any] = {
        "goal": mission.goal,
        "mission_id": mission.id,
        "brand_id": mission.brand_id,
        "user_id": mission.user_id,
        "type": mission.type,
        "budget": mission.constraints.budget,
        "currency": mission.constraints.currency,
    }
    for key, value in mission.context.items():
        values[f"context.{key}"] = value
    return values


def _render(value: Any, values: Mapping[str, Any]) -> Any:
    """Fill placeholders; a string that is exactly one placeholder keeps the value's type."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole:
            return values.get(whole.group(1))

        def substitute(match: re.Match[str]) -> str:
            found = values.get(match.group(1))
            return "" if found is None else str(found)

        return _PLACEHOLDER.sub(substitute, value)
    if isinstance(value, Mapping):
        return {k: _render(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_render(v, values) for v in value]
    return value


def load_template_file(path: Path) -> MissionTemplate:
    """Read one template from a YAML or JSON file.

    Raises:
        TemplateError: the file is missing, unreadable or not a valid template.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(f"cannot read mission template {path}: {exc.strerror or exc}") from exc
    return parse_template(text, source=str(path))


def parse_template(text: str, *, source: str = "<string>") -> MissionTemplate:
    """Parse a template from YAML (or JSON) text.

    Raises:
        TemplateError: the text is not a valid template; the message names the field.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TemplateError(f"mission template {source} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"mission template {source} must be a mapping, not {type(data).__name__}")
    try:
        return MissionTemplate.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(f"invalid mission template {source}: {describe_validation_error(exc)}") from exc


class MissionRegistry:
    """Mission templates by id."""

    def __init__(self, templates: Iterable[MissionTemplate] = ()) -> None:
        self._templates: dict[str, MissionTemplate] = {}
        for template in templates:
            self.register(template)

    @classmethod
    def builtin(cls) -> MissionRegistry:
        """A registry holding the templates shipped with the package."""
        folder = resources.files("global_orchestrator.missions") / "templates"
        templates = [
            parse_template(entry.read_text(encoding="utf-8"), source=f"builtin:{entry.name}")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name)
            if entry.name.endswith(_TEMPLATE_SUFFIXES)
        ]
        return cls(templates)

    def register(self, template: MissionTemplate, *, replace: bool = False) -> MissionTemplate:
        """Add a template.

        Raises:
            TemplateError: a template with that id exists and `replace` is False.
        """
        if template.id in self._templates and not replace:
            raise TemplateError(
                f"a mission template '{template.id}' is already registered (pass replace=True)"
            )
        self._templates[template.id] = template
        return template

    def load(self, path: str | Path, *, replace: bool = False) -> list[MissionTemplate]:
        """Register the templates in a YAML/JSON file or in every such file of a directory.

        Raises:
            TemplateError: the path does not exist or a file is not a valid template.
        """
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in _TEMPLATE_SUFFIXES)
        elif path.exists():
            files = [path]
        else:
            raise TemplateError(f"mission template path not found: {path}")
        loaded = [load_template_file(p) for p in files]
        return [self.register(t, replace=replace) for t in loaded]

    def get(self, mission_type: str) -> MissionTemplate:
        """Return the template for a mission type.

        Raises:
            UnknownMissionTypeError: no template has that id; the message lists the known ones.
        """
        try:
            return self._templates[mission_type]
        except KeyError:
            known = ", ".join(sorted(self._templates)) or "none"
            raise UnknownMissionTypeError(f"unknown mission type '{mission_type}' (known: {known})") from None

    def find(self, mission_type: str) -> MissionTemplate | None:
        """Return the template for a mission type, or None."""
        return self._templates.get(mission_type)

    def list(self) -> list[MissionTemplate]:
        """All templates, sorted by id."""
        return [self._templates[k] for k in sorted(self._templates)]

    def __contains__(self, mission_type: object) -> bool:
        return mission_type in self._templates

    def __len__(self) -> int:
        return len(self._templates)


_default: MissionRegistry | None = None


def default_registry() -> MissionRegistry:
    """The process-wide registry: built-in templates plus those users registered."""
    global _default
    if _default is None:
        _default = MissionRegistry.builtin()
    return _default


def list_mission_templates() -> list[MissionTemplate]:
    """All registered mission templates, sorted by id."""
    return default_registry().list()


def get_mission_template(mission_type: str) -> MissionTemplate:
    """The template for `mission_type`.

    Raises:
        UnknownMissionTypeError: no such template.
    """
    return default_registry().get(mission_type)


def register_mission_template(
    template: MissionTemplate | str | Path, *, replace: bool = False
) -> list[MissionTemplate]:
    """Register a template object, or the templates of a YAML/JSON file or directory.

    Raises:
        TemplateError: the file or template is invalid, or the id is taken.
    """
    registry = default_registry()
    if isinstance(template, MissionTemplate):
        return [registry.register(template, replace=replace)]
    return registry.load(template, replace=replace)


def seed_plan_from_template(mission: Mission, *, registry: MissionRegistry | None = None) -> MissionPlan:
    """The template's suggested plan for `mission`, not yet validated.

    Raises:
        UnknownMissionTypeError: no template for `mission.type`.
    """
    return (registry or default_registry()).get(mission.type).seed_plan(mission)
