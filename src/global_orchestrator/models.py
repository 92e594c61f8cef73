"""Wire types: missions, plans, subtasks, results.

Python attributes are snake_case; JSON in and out is camelCase, as in the seed
(`userId`, `brandId`, `dependsOn`). Both spellings load. Everything that comes from
outside rejects unknown fields, and the error names the field.

The docstring under each field is its description in the JSON Schema
(`use_attribute_docstrings`), so every surface that shows a model's schema (MCP tool
inputs, OpenAPI) documents the fields the same way; `Mission`'s fields also carry
examples.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    computed_field,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel


def _field_title(name: str, _info: Any) -> str:
    """`user_id` → `User Id` (the default titles the camelCase alias: `Userid`)."""
    return name.replace("_", " ").title()


def _tidy_schema(schema: dict[str, Any]) -> None:
    """Field descriptions on one line: a docstring's line breaks are layout, not content."""
    for prop in (schema.get("properties") or {}).values():
        if isinstance(prop, dict) and isinstance(prop.get("description"), str):
            prop["description"] = " ".join(prop["description"].split())


class WireModel(BaseModel):
    """Base of every wire type: camelCase JSON, both spellings load, unknown fields rejected."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        validate_assignment=False,
        use_enum_values=False,
        use_attribute_docstrings=True,  # the docstring under a field is its schema description
        field_title_generator=_field_title,
        json_schema_extra=_tidy_schema,
    )

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise to camelCase JSON (the seed's spelling)."""
        return self.model_dump_json(by_alias=True, indent=indent, exclude_none=True)

    def to_dict(self) -> dict[str, Any]:
        """Serialise to a camelCase, JSON-compatible dict."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class AgentFamily(StrEnum):
    """The specialist agent families the orchestrator routes subtasks to."""

    BROWSER = "browser"
    MARKETING = "marketing"
    CLINICAL = "clinical"
    SELF_HEALING = "self_healing"
    SHADOW = "shadow"

    @classmethod
    def parse(cls, name: str) -> AgentFamily | None:
        """Return the family named `name` (`self-healing` and `self_healing` both work), or None."""
        family = _FAMILIES.get(name)  # already normalised: the common case, one look-up
        if family is not None:
            return family
        try:
            return cls(normalize_agent_name(name))
        except ValueError:
            return None


def normalize_agent_name(name: str) -> str:
    """Lower-case an agent name and spell separators with `_` (`Self-Healing` → `self_healing`)."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


_FAMILIES: dict[str, AgentFamily] = {f.value: f for f in AgentFamily}


class Severity(StrEnum):
    """How serious an issue is, which also decides what happens at run time."""

    INFO = "info"
    """Informational; nothing changes."""
    WARNING = "warning"
    """Reported; the mission still runs."""
    ERROR = "error"
    """The plan (or mission) is invalid as a whole and cannot run."""
    BLOCKED = "blocked"
    """The named subtask is short-circuited: not run, its dependants skipped."""


class Issue(WireModel):
    """A finding about a mission, plan or run: a guardrail warning, a block, a failure."""

    code: str = Field(min_length=1)
    """Dotted machine-readable code, e.g. `phi.blocked`, `plan.cycle`, `constraint.budget`."""
    severity: Severity = Severity.WARNING
    """What the finding means at run time (see `Severity`)."""
    message: str
    """A sentence for a person: what is wrong and, where possible, how to fix it."""
    subtask_id: str | None = None
    """The subtask the finding is about; None for mission-level findings."""

    def __str__(self) -> str:
        where = f" [{self.subtask_id}]" if self.subtask_id else ""
        return f"{self.severity.value}: {self.code}{where}: {self.message}"


class Usage(WireModel):
    """LLM token usage and spend, summed over calls."""

    input_tokens: int = 0
    """Prompt tokens."""
    output_tokens: int = 0
    """Completion tokens."""
    llm_calls: int = 0
    """Number of model calls."""
    cost: float = 0.0
    """Spend in the mission's currency (tool cost plus priced tokens)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        """Input plus output tokens."""
        return self.input_tokens + self.output_tokens

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and ("totalTokens" in data or "total_tokens" in data):
            data = {k: v for k, v in data.items() if k not in ("totalTokens", "total_tokens")}
        return data

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            llm_calls=self.llm_calls + other.llm_calls,
            cost=self.cost + other.cost,
        )


class MissionConstraints(WireModel):
    """Limits a mission runs under. Extra keys are kept (templates may define their own)."""

    model_config = ConfigDict(extra="allow")

    budget: float | None = Field(default=None, examples=[5000])
    """Spend limit in `currency`. Validation reports a missing, non-positive or too large one."""
    currency: str = Field(default="USD", examples=["USD", "EUR"])
    """ISO currency code of `budget`."""
    deadline: datetime | None = Field(default=None, examples=["2026-09-01T00:00:00Z"])
    """When the mission's outcome is due (ISO 8601)."""
    max_subtasks: int | None = Field(default=None, examples=[10])
    """At most this many subtasks may be planned."""
    allowed_agents: list[str] | None = Field(default=None, examples=[["browser", "marketing"]])
    """If set, only these agent families may run (browser, marketing, clinical,
    self_healing, shadow)."""

    @field_validator("allowed_agents")
    @classmethod
    def _normalize_agents(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [normalize_agent_name(v) for v in value]


class Mission(WireModel):
    """A user's typed intent: an outcome, the template it follows, and its limits."""

    id: str = Field(min_length=1, max_length=200, examples=["mission-001"])
    """Unique mission id; also the default thread id of its run (one run per thread)."""
    user_id: str | None = Field(default=None, examples=["user-123"])
    """Who asked for the mission: the run's owner. A surface that authenticates its
    callers (MCP over HTTP, the chat example) sets it to the caller's principal."""
    type: str = Field(min_length=1, examples=["marketing.campaign", "clinical.intake_summary"])
    """Mission template id (orchestrator.list_missions / `orchestrator missions` lists them)."""
    goal: str = Field(min_length=1, examples=["Launch a back-to-school TikTok blitz"])
    """The outcome in the user's words. Always treated as data, never as instructions."""
    brand_id: str | None = Field(default=None, examples=["brand-789"])
    """Brand whose profile (voice, audience, channels) the mission works for; the profile
    file `<brandId>.yaml` must exist in the brands folder."""
    constraints: MissionConstraints = Field(
        default_factory=MissionConstraints, examples=[{"budget": 5000, "currency": "USD"}]
    )
    """Budget, deadline and other limits (templates may define more keys)."""
    permissions: list[str] = Field(
        default_factory=list, examples=[["agent:clinical", "phi:read"], ["tool:browser.fetch"]]
    )
    """Grants such as `phi:read`, `agent:clinical`, `tool:browser.fetch`, `approval:skip`;
    a template's `requiredPermissions` must be granted here."""
    context: dict[str, Any] = Field(
        default_factory=dict,
        examples=[{"urls": ["http://127.0.0.1:8765/"]}, {"note": "Patient reports three weeks of fatigue."}],
    )
    """Template inputs (the template's `inputSchema`): URLs to research, the note to
    summarise, shadow candidates ..."""


class Subtask(WireModel):
    """A routable unit of work for one specialist agent."""

    id: str = Field(min_length=1, pattern=r"^[^#]+$")
    """Unique within the plan; templates use `{missionId}-seed-{n}`. `#` is reserved (the
    engine keys a subtask's shadow record `<id>#shadow`)."""
    agent: str = Field(min_length=1)
    """Agent family name. Kept as text so an unknown family is a plan issue, not a crash."""
    description: str
    """What to do, in words."""
    tool: str | None = None
    """Tool hint, `family.name` (e.g. `marketing.generate_campaign`)."""
    depends_on: list[str] = Field(default_factory=list)
    """Ids of subtasks that must succeed before this one starts."""
    inputs: dict[str, Any] = Field(default_factory=dict)
    """Structured inputs for the agent."""
    requires_approval: bool = False
    """Pause for a human's approval before running. Clinical subtasks always pause, whatever
    this says, unless the mission grants `approval:skip` (see `policies.permissions`)."""

    @field_validator("agent")
    @classmethod
    def _normalize_agent(cls, value: str) -> str:
        return normalize_agent_name(value)

    @property
    def family(self) -> AgentFamily | None:
        """The agent family, or None when `agent` names no known family."""
        return _FAMILIES.get(self.agent)


PlanSource = Literal["template", "llm", "repaired", "fallback", "user"]


class GraphNode(WireModel):
    """A node of the orchestration graph (one per subtask)."""

    id: str
    agent: str
    label: str


class GraphEdge(WireModel):
    """A dependency edge: `source` must finish before `target` starts."""

    source: str
    target: str


class OrchestrationGraph(WireModel):
    """Subtasks as nodes and dependencies as edges; derived from the plan."""

    nodes: list[GraphNode] = Field(default_factory=list)
    edges: list[GraphEdge] = Field(default_factory=list)


class CriticalPath(WireModel):
    """The longest chain of dependent subtasks, by latency."""

    subtask_ids: list[str]
    """The chain, first subtask first."""
    duration: float
    """Sum of the chain's latencies."""


class MissionPlan(WireModel):
    """Structured list of subtasks plus the graph of their ordering."""

    mission_id: str = Field(min_length=1)
    """The mission this plan is for."""
    summary: str = ""
    """One line saying what the plan achieves."""
    subtasks: list[Subtask] = Field(default_factory=list)
    """The work, in a stable order (templates: seed order)."""
    issues: list[Issue] = Field(default_factory=list)
    """Findings of validation and planning."""
    source: PlanSource = "user"
    """Who produced the plan: the template, the LLM, the LLM after repair, the
    template after the LLM failed (`fallback`), or a user's file."""
    usage: Usage = Field(default_factory=Usage)
    """LLM usage spent producing the plan."""

    @model_validator(mode="before")
    @classmethod
    def _drop_derived_graph(cls, data: Any) -> Any:
        # The seed's plan carries `orchestrationGraph`; it is derived from the subtasks,
        # so it is accepted on input and always recomputed (never stored twice).
        if isinstance(data, Mapping):
            derived = ("orchestrationGraph", "orchestration_graph")
            if any(k in data for k in derived):
                data = {k: v for k, v in data.items() if k not in derived}
        return data

    def state_dict(self) -> dict[str, Any]:
        """`to_dict` without the derived `orchestrationGraph`: the plan as state holds it.

        Queues and clients pass it so too; computing the graph only to drop it was ~80 % of
        the dump's time.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_none=True, exclude={"orchestration_graph"})

    @computed_field  # type: ignore[prop-decorator]
    @property
    def orchestration_graph(self) -> OrchestrationGraph:
        """Nodes (subtasks) and edges (dependencies), derived from `subtasks`."""
        from global_orchestrator.planner.graph import orchestration_graph

        return orchestration_graph(self)

    def subtask(self, subtask_id: str) -> Subtask:
        """Return the subtask with this id.

        Raises:
            KeyError: no subtask has that id.
        """
        for subtask in self.subtasks:
            if subtask.id == subtask_id:
                return subtask
        raise KeyError(subtask_id)

    def to_mermaid(self) -> str:
        """Render the plan as a Mermaid flowchart."""
        from global_orchestrator.planner.graph import to_mermaid

        return to_mermaid(self)

    def critical_path(self, latencies: Mapping[str, float] | None = None) -> CriticalPath:
        """Return the longest dependency chain; each subtask costs `latencies[id]` (default 1).

        Raises:
            ValueError: the plan has a dependency cycle.
        """
        from global_orchestrator.planner.graph import critical_path

        return critical_path(self, latencies)

    @property
    def has_errors(self) -> bool:
        """True if an `error` issue makes the plan unrunnable."""
        return any(issue.severity is Severity.ERROR for issue in self.issues)


SubtaskStatus = Literal["pending", "succeeded", "failed", "blocked", "skipped", "shadow"]


class SubtaskResult(WireModel):
    """What running one subtask produced."""

    subtask_id: str
    """The subtask this result is for."""
    status: SubtaskStatus
    """Outcome. `shadow` results are recorded beside the primary and never count."""
    output: Any = None
    """The agent's output (JSON-compatible)."""
    error: str | None = None
    """Why it failed, was blocked or skipped."""
    attempts: int = 0
    """How many times the agent ran."""
    agent: str | None = None
    """The agent family that actually ran it (after fallbacks)."""
    tool: str | None = None
    """The subtask's tool hint, when it had one."""
    labels: list[str] = Field(default_factory=list)
    """Data labels on the output, e.g. `phi`; inherited by what reads it."""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    usage: Usage = Field(default_factory=Usage)
    """LLM usage and spend of this subtask."""


class ApprovalRequest(WireModel):
    """A subtask waiting for a person's approval before it runs."""

    subtask_id: str
    agent: str
    tool: str | None = None
    description: str
    inputs: dict[str, Any] = Field(default_factory=dict)
    question: str
    interrupt_id: str | None = None
    """LangGraph's id of the pending interrupt (resume maps decisions to it)."""


RunStatus = Literal["completed", "waiting_approval", "incomplete"]


class MissionResult(WireModel):
    """Aggregated results, issues, logs and usage of a mission run."""

    mission_id: str
    success: bool
    """True only if every non-shadow subtask succeeded."""
    status: RunStatus = "completed"
    """`completed`; `waiting_approval` (see `pending_approvals`); `incomplete` (running
    elsewhere, or stopped by a crash: `resume_mission` finishes it)."""
    thread_id: str | None = None
    """The checkpoint thread the run lives in."""
    pending_approvals: list[ApprovalRequest] = Field(default_factory=list)
    results: dict[str, SubtaskResult] = Field(default_factory=dict)
    """Keyed by subtask id."""
    issues: list[Issue] = Field(default_factory=list)
    logs: list[str] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)

    def to_html(self, plan: MissionPlan | None = None, *, show_phi: bool = False) -> str:
        """This run as one self-contained HTML page (`global_orchestrator.report.render_html`).

        The plan graph (Mermaid, bundled) and the critical path need `plan`; the timeline,
        results and issues come from the result. Redacted unless `show_phi`.
        """
        from global_orchestrator.report import render_html

        return render_html(self, plan, show_phi=show_phi)

    def _repr_html_(self) -> str:
        """Jupyter's display: the report without the plan graph (pass a plan to `to_html`)."""
        return self.to_html()


class ChannelPolicy(WireModel):
    """How a brand weighs one marketing channel."""

    weight: float = Field(ge=0)
    """Relative share of the budget."""
    minimum: float = Field(default=0, ge=0)
    """Smallest spend worth making on this channel."""


class BrandProfile(WireModel):
    """A brand's voice, audience and channel policy, loaded from the brand directory."""

    id: str
    name: str
    description: str = ""
    voice: str = ""
    """Tone of voice for copy, e.g. `playful, concise`."""
    audience: str = ""
    channels: dict[str, ChannelPolicy] = Field(default_factory=dict)
    """Marketing channels by name (`tiktok`, `email`...)."""
    banned_terms: list[str] = Field(default_factory=list)
    """Words the brand never uses."""


class SafetyFlags(WireModel):
    """Safety switches derived from a mission's permissions."""

    phi_allowed: bool = False
    """The mission may read protected health information (`phi:read`)."""
    clinical_allowed: bool = False
    """Clinical agents may run (`agent:clinical`)."""
    external_publish_allowed: bool = False
    """Tools that publish outside may run (`publish:external`)."""


class HealingMemoryEntry(WireModel):
    """A recovery that worked before, tried first next time."""

    family: str
    tool: str | None = None
    failure_kind: str
    strategy: str
    successes: int = 0


class MissionContext(WireModel):
    """Everything a plan and its agents need to know beyond the mission itself."""

    mission_id: str
    brand: BrandProfile | None = None
    safety: SafetyFlags = Field(default_factory=SafetyFlags)
    tools: dict[str, list[str]] = Field(default_factory=dict)
    """Available tool names by agent family (only those the mission may use)."""
    healing_memory: list[HealingMemoryEntry] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    """Findings while building the context (e.g. a missing brand)."""
