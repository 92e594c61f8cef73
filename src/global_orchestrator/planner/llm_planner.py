"""The LLM planner: structured output, validation, bounded repair, template fallback.

The model is shown the template's suggested subtasks, the tools the mission may use, its
constraints and brand, with every user-supplied value delimited as data. Its answer is
parsed into a `PlanDraft`, turned into a `MissionPlan` and checked by `validate_plan`;
problems are sent back for repair (at most `max_repairs` times). A plan that is still
wrong is replaced by the template plan with a `plan.fallback` issue saying why. The model
can never widen what the mission allows: permissions come from the mission, and plans
naming unknown agents or tools, unpermitted work or PHI flows are rejected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from global_orchestrator.errors import UserError
from global_orchestrator.loading import describe_validation_error
from global_orchestrator.missions.registry import MissionTemplate
from global_orchestrator.models import (
    AgentFamily,
    Issue,
    Mission,
    MissionContext,
    MissionPlan,
    Severity,
    Subtask,
    Usage,
)
from global_orchestrator.prompts import PromptMessage, render_prompt

Validator = Callable[[MissionPlan], list[Issue]]
"""Checks a plan and returns its issues."""

DEFAULT_MAX_SUBTASKS = 8
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)
# Findings the model must repair. Blocks that the template plan has too come from the
# mission itself (say, a missing grant), so they are not the model's to fix.
_REPAIR_SEVERITIES = (Severity.ERROR, Severity.BLOCKED)
_REPAIR_CODES = frozenset({"constraint.max_subtasks"})


class DraftSubtask(BaseModel):
    """A subtask as the model writes it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=80, pattern=r"^[^#]+$")
    """`#` is reserved by the engine (`<id>#shadow` records)."""
    agent: str = Field(min_length=1)
    tool: str = Field(min_length=1)
    description: str = Field(min_length=3, max_length=300)
    depends_on: list[str] = Field(default_factory=list, max_length=10)


class PlanDraft(BaseModel):
    """The model's answer: a summary and subtasks."""

    model_config = ConfigDict(extra="forbid")

    summary: str = Field(min_length=1, max_length=300)
    subtasks: list[DraftSubtask] = Field(min_length=1, max_length=30)


def draft_json_schema(
    template: MissionTemplate, context: MissionContext, max_subtasks: int
) -> dict[str, Any]:
    """The answer's JSON Schema, narrowed to the agents and tools this mission may use.

    Each subtask is one of the available families with that family's tools (`anyOf`), so
    constrained decoders (llama.cpp grammars, OpenAI structured outputs) cannot produce an
    unknown agent, or a tool of another family; validation still checks everything else.
    """
    tools_by_family = {family: sorted(names) for family, names in sorted(context.tools.items()) if names}
    if not tools_by_family:
        for t in template.subtasks:
            if t.tool:
                tools_by_family.setdefault(t.agent, []).append(t.tool)
    variants = [
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "agent", "tool", "description", "depends_on"],
            "properties": {
                "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$"},
                "agent": {"type": "string", "enum": [family]},
                "tool": {"type": "string", "enum": tools},
                "description": {"type": "string", "minLength": 3, "maxLength": 200},
                "depends_on": {"type": "array", "maxItems": max_subtasks, "items": {"type": "string"}},
            },
        }
        for family, tools in tools_by_family.items()
    ]
    return {
        "title": "PlanDraft",
        "type": "object",
        "additionalProperties": False,
        "required": ["summary", "subtasks"],
        "properties": {
            "summary": {"type": "string", "minLength": 1, "maxLength": 200},
            "subtasks": {
                "type": "array",
                "minItems": 1,
                "maxItems": max_subtasks,
                "items": {"anyOf": variants},
            },
        },
    }


@dataclass
class Attempt:
    """One model call: what it answered and what was wrong with it."""

    raw: AIMessage | None = None
    problems: list[str] = field(default_factory=list)
    plan: MissionPlan | None = None


def _messages(parts: list[PromptMessage]) -> list[BaseMessage]:
    out: list[BaseMessage] = []
    for part in parts:
        if part.role == "system":
            out.append(SystemMessage(part.content))
        elif part.role == "assistant":
            out.append(AIMessage(part.content))
        else:
            out.append(HumanMessage(part.content))
    return out


def planner_messages(
    mission: Mission,
    template: MissionTemplate,
    template_plan: MissionPlan,
    context: MissionContext,
    max_subtasks: int,
) -> list[BaseMessage]:
    """The first request to the model."""
    brand = context.brand
    suggested = [
        {
            "id": s.id,
            "agent": s.agent,
            "tool": s.tool,
            "description": s.description,
            "depends_on": s.depends_on,
        }
        for s in template_plan.subtasks
    ]
    catalog_tools = context.tools
    return _messages(
        render_prompt(
            "planner",
            goal=mission.goal,
            mission_type=f"{template.id}: {template.title}. {template.description}".strip(),
            constraints=mission.constraints.model_dump(mode="json", exclude_none=True),
            brand=(
                {"name": brand.name, "voice": brand.voice, "audience": brand.audience} if brand else "none"
            ),
            tools=catalog_tools,
            suggested=suggested,
            max_subtasks=str(max_subtasks),
        )
    )


def extract_answer(result: Any) -> tuple[AIMessage | None, Any]:
    """Pull the raw message and the answer's data out of a structured-output result."""
    if isinstance(result, dict) and "raw" in result:
        raw = result.get("raw")
        parsed = result.get("parsed")
        raw_msg = raw if isinstance(raw, AIMessage) else None
        if parsed is not None:
            return raw_msg, parsed.model_dump() if isinstance(parsed, BaseModel) else parsed
        return raw_msg, _data_from_message(raw_msg)
    if isinstance(result, AIMessage):
        return result, _data_from_message(result)
    if isinstance(result, BaseModel):
        return None, result.model_dump()
    return None, result


def _data_from_message(message: AIMessage | None) -> Any:
    if message is None:
        return None
    if message.tool_calls:
        return message.tool_calls[0]["args"]
    text = message.content if isinstance(message.content, str) else json.dumps(message.content)
    text = _FENCE.sub("", text.strip())
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return _NotJson(f"the answer is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")


@dataclass(frozen=True)
class _NotJson:
    reason: str


def usage_of(message: AIMessage | None) -> Usage:
    """Token usage reported on a model message (zero when the provider gives none)."""
    meta = message.usage_metadata if message is not None else None
    if not meta:
        return Usage(llm_calls=1)
    return Usage(
        input_tokens=int(meta.get("input_tokens", 0)),
        output_tokens=int(meta.get("output_tokens", 0)),
        llm_calls=1,
    )


def draft_to_plan(draft: PlanDraft, mission: Mission, template_plan: MissionPlan) -> MissionPlan:
    """Turn the model's draft into a plan.

    Inputs and approvals are never taken from the model: inputs come from the template
    subtask with the same tool, and a subtask waits for approval if its family is clinical
    or the template's subtask with that tool did.
    """
    by_tool: dict[str, Subtask] = {}
    for s in template_plan.subtasks:
        if s.tool:
            by_tool.setdefault(s.tool, s)
    subtasks = []
    for d in draft.subtasks:
        seed = by_tool.get(d.tool)
        family = AgentFamily.parse(d.agent)
        subtasks.append(
            Subtask(
                id=d.id,
                agent=d.agent,
                tool=d.tool,
                description=d.description,
                depends_on=list(d.depends_on),
                inputs=dict(seed.inputs) if seed else {},
                requires_approval=family is AgentFamily.CLINICAL or bool(seed and seed.requires_approval),
            )
        )
    return MissionPlan(mission_id=mission.id, summary=draft.summary, subtasks=subtasks, source="llm")


def problems_to_repair(issues: list[Issue], template_issues: list[Issue]) -> list[Issue]:
    """The issues the model is responsible for."""
    inherited = {(i.code, i.severity) for i in template_issues if i.severity in _REPAIR_SEVERITIES}
    return [
        i
        for i in issues
        if (i.severity in _REPAIR_SEVERITIES or i.code in _REPAIR_CODES)
        and (i.code, i.severity) not in inherited
    ]


def _is_configuration_error(exc: BaseException) -> bool:
    """Errors a retry cannot fix: the server is unreachable, the key or the model name is wrong."""
    try:
        import openai
    except ImportError:  # pragma: no cover - langchain-openai depends on openai
        return False
    if isinstance(exc, openai.APITimeoutError):
        return False
    return isinstance(
        exc,
        openai.APIConnectionError
        | openai.AuthenticationError
        | openai.PermissionDeniedError
        | openai.NotFoundError,
    )


def describe_model(model: BaseChatModel) -> str:
    """The model's name and, for HTTP models, its server: `'gpt-4o-mini' at https://...`."""
    name = getattr(model, "model_name", None) or getattr(model, "model", None) or type(model).__name__
    base = getattr(model, "openai_api_base", None)
    return f"'{name}'" + (f" at {base}" if base else "")


def structured_runnable(model: BaseChatModel, schema: dict[str, Any]) -> Any:
    """The model with structured output if it has any, else the plain model (JSON mode by prompt)."""
    try:
        from langchain_openai import ChatOpenAI

        if isinstance(model, ChatOpenAI):
            return model.with_structured_output(schema, method="json_schema", include_raw=True)
    except ImportError:  # pragma: no cover - langchain-openai is a dependency
        pass
    try:
        return model.with_structured_output(schema, include_raw=True)
    except NotImplementedError:
        return model


def llm_plan(
    mission: Mission,
    template: MissionTemplate,
    template_plan: MissionPlan,
    context: MissionContext,
    model: BaseChatModel,
    *,
    validate: Validator,
    max_repairs: int = 2,
) -> MissionPlan:
    """Ask the model for a plan, validate it, repair it, or fall back to the template.

    Args:
        mission: The mission (its grants and constraints bound everything).
        template: Its template.
        template_plan: The validated template plan (the fallback, and the model's seed).
        context: The mission context (brand, available tools).
        model: A LangChain chat model.
        validate: `plan -> list[Issue]`, the plan validator.
        max_repairs: How many times a rejected plan is sent back.

    Raises:
        UserError: the model cannot be reached or is misconfigured (wrong key, unknown model).
    """
    max_subtasks = mission.constraints.max_subtasks or max(DEFAULT_MAX_SUBTASKS, len(template_plan.subtasks))
    schema = draft_json_schema(template, context, max_subtasks)
    runnable = structured_runnable(model, schema)
    messages = planner_messages(mission, template, template_plan, context, max_subtasks)
    usage = Usage()
    attempts: list[Attempt] = []
    for attempt_no in range(max_repairs + 1):
        attempt = Attempt()
        attempts.append(attempt)
        try:
            result = runnable.invoke(messages)
        except Exception as exc:
            if _is_configuration_error(exc):
                raise UserError(f"cannot use the model {describe_model(model)}: {exc}") from exc
            usage += Usage(llm_calls=1)
            attempt.problems.append(f"the model call failed: {type(exc).__name__}: {exc}")
            continue
        raw, data = extract_answer(result)
        attempt.raw = raw
        usage += usage_of(raw)
        plan, problems = _check_answer(data, mission, template_plan, validate)
        attempt.plan, attempt.problems = plan, problems
        if plan is not None and not problems:
            source = "llm" if attempt_no == 0 else "repaired"
            return plan.model_copy(update={"source": source, "usage": usage})
        messages = [
            *messages,
            raw or AIMessage(json.dumps(data, default=str) if data is not None else ""),
            *_messages(render_prompt("planner_repair", problems="\n".join(f"- {p}" for p in problems))),
        ]
    reason = attempts[-1].problems[0] if attempts[-1].problems else "no usable answer"
    fallback = Issue(
        code="plan.fallback",
        severity=Severity.WARNING,
        message=(
            f"the model's plan was rejected {len(attempts)} time(s); using the template plan. "
            f"Last problem: {reason}"
        ),
    )
    return template_plan.model_copy(
        update={"source": "fallback", "usage": usage, "issues": [*template_plan.issues, fallback]}
    )


def _check_answer(
    data: Any, mission: Mission, template_plan: MissionPlan, validate: Validator
) -> tuple[MissionPlan | None, list[str]]:
    if isinstance(data, _NotJson):
        return None, [data.reason]
    if data is None:
        return None, ["the answer was empty"]
    try:
        draft = PlanDraft.model_validate(data)
    except ValidationError as exc:
        return None, [f"the answer does not match the plan schema: {describe_validation_error(exc)}"]
    try:
        plan = draft_to_plan(draft, mission, template_plan)
    except ValidationError as exc:  # a subtask the plan model rejects: repaired like the rest
        return None, [f"the answer is not a valid plan: {describe_validation_error(exc)}"]
    issues: list[Issue] = validate(plan)
    plan = plan.model_copy(update={"issues": issues})
    problems = [f"{i.code}: {i.message}" for i in problems_to_repair(issues, template_plan.issues)]
    return plan, problems + coverage_problems(plan, template_plan)


def coverage_problems(plan: MissionPlan, template_plan: MissionPlan) -> list[str]:
    """The template's work the model dropped: every tool a template step uses must stay.

    The model may reword, split, reorder or add steps; a plan that silently skips part of
    the mission (seen from small models: one step for a three-step template) is rejected.
    """
    used = {s.tool for s in plan.subtasks}
    dropped = [s for s in template_plan.subtasks if s.tool and s.tool not in used]
    return [
        f"plan.incomplete: no subtask uses {s.tool} for the suggested step '{s.description}' ({s.id})"
        for s in dropped
    ]
