"""Shared pieces of the security tests: PHI markers, a spy agent, mission builders, checks.

Every attack injects PHI with distinctive markers (the patient "Maria Garcia", MRN
7730142, SSN 219-09-9999, HIV + Truvada, born April 12, 1958) and fails when a spy agent
that must not see PHI, or a surface that must redact it, shows any of them.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from global_orchestrator import (
    AgentContext,
    AgentOutput,
    Mission,
    MissionPlan,
    MissionResult,
    RetrySettings,
    Subtask,
    arun_mission,
)

# -- the injected PHI --------------------------------------------------------------------

NAME = "Maria Garcia"
MRN = "7730142"
SSN = "219-09-9999"
SSN_DOTS = "219.09.9999"
DIAGNOSIS = "HIV"
DRUG = "Truvada"
DOB = "April 12, 1958"
DOB_WORDS = "the twelfth of April nineteen fifty-eight"

NOTE = (
    f"Patient {NAME} (DOB {DOB}, MRN {MRN}, SSN {SSN}) tested positive for {DIAGNOSIS} "
    f"and was started on {DRUG}."
)
NOTE_B64 = base64.b64encode(NOTE.encode()).decode()

MARKERS: tuple[str, ...] = (
    r"maria\s+garcia",
    r"\bgarcia\b",
    MRN,
    r"219\W?09\W?9999",
    r"\bhiv\b",
    r"truvada",
    r"april\s+12,?\s+1958",
    r"twelfth\s+of\s+april",
    r"nineteen\s+fifty-eight",
    re.escape(NOTE_B64[:24]),
)
"""Regular expressions (case-insensitive) of everything the injected PHI looks like."""

IDENTIFIERS: tuple[str, ...] = tuple(m for m in MARKERS if m not in (r"\bhiv\b", r"truvada"))
"""The identifier markers only: de-identified text legitimately keeps the health terms."""
INPUT_ONLY: tuple[str, ...] = (r"219\W?09\W?9999", r"truvada", r"\bhiv\b", r"april\s+12,?\s+1958")
"""Markers that only the NOTE has (tests put the name and MRN in descriptions too)."""

# PHI that only ever exists inside an exception raised at run time (never in a mission or
# plan), so that even the raw checkpoint database must not hold it.
ERROR_NAME = "Eleanor Whitfield"
ERROR_MRN = "5512093"
ERROR_NOTE = f"chart of patient {ERROR_NAME} (MRN {ERROR_MRN}, SSN 219-09-9999) has HIV, on Truvada"
ERROR_MARKERS: tuple[str, ...] = (r"eleanor\s+whitfield", r"\bwhitfield\b", ERROR_MRN)
WITHHELD_TOKEN = "zq-opaque-detail-4471"
"""Not PHI by itself: error text of a subtask that read PHI-labelled input must be withheld
entirely (only the exception type remains), so even this token must not be shown."""

REDACTED = "[redacted: labelled phi]"

CLINICAL_GRANTS = ["agent:clinical", "phi:read", "approval:skip"]
"""A mission that may run clinical steps without pausing for approval."""

FAST = RetrySettings(max_attempts=2, initial_delay=0.001, jitter=0.0)


def found_markers(text: str, markers: Iterable[str] = MARKERS) -> list[str]:
    """The markers present in `text`."""
    return [m for m in markers if re.search(m, text, re.IGNORECASE)]


def dump(value: Any) -> str:
    """Any result, event, model or JSON value as one string to search."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list | tuple):
        value = [v.model_dump(mode="json", by_alias=True) if hasattr(v, "model_dump") else v for v in value]
    return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)


def assert_clean(value: Any, markers: Iterable[str] = MARKERS, where: str = "surface") -> None:
    """Fail when `value` (a result, events, text ...) shows any marker."""
    found = found_markers(dump(value), markers)
    assert not found, f"{where} shows PHI markers {found}"


# -- the spy -----------------------------------------------------------------------------


class Spy:
    """An agent that records everything it was shown, then answers (or fails).

    Records `subtask.description`, `subtask.inputs`, `ctx.upstream` and `ctx.mission.goal`
    (the mission's `context` is the user's own data, kept apart in `contexts`).
    """

    def __init__(
        self,
        name: str = "spy",
        answer: Any = None,
        error: BaseException | None = None,
        fail_times: int = 0,
    ) -> None:
        self.name = name
        self.answer = answer if answer is not None else {"text": f"{name} wrote something harmless"}
        self.error = error
        self.fail_times = fail_times
        self.calls: list[dict[str, Any]] = []
        self.contexts: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.calls.append(
            json.loads(
                json.dumps(
                    {
                        "id": subtask.id,
                        "agent": subtask.agent,
                        "tool": subtask.tool,
                        "description": subtask.description,
                        "inputs": subtask.inputs,
                        "upstream": dict(ctx.upstream),
                        "goal": ctx.mission.goal,
                        "shadow": ctx.shadow,
                        "attempt": ctx.attempt,
                    },
                    default=str,
                )
            )
        )
        self.contexts.append(json.dumps(ctx.mission.context, default=str))
        if self.error is not None and (self.fail_times == 0 or len(self.calls) <= self.fail_times):
            raise self.error
        return self.answer

    @property
    def ids(self) -> list[str]:
        """Subtask ids it ran, in call order."""
        return [c["id"] for c in self.calls]

    def seen(self) -> str:
        """Everything it was shown, as one string."""
        return json.dumps(self.calls, ensure_ascii=False)


def assert_not_seen(spy: Spy, markers: Iterable[str] = MARKERS) -> None:
    """Fail when the spy was shown any marker of the injected PHI."""
    found = found_markers(spy.seen(), markers)
    assert not found, f"{spy.name} was shown PHI markers {found}: {spy.seen()[:400]}"


def returns(value: Any) -> Any:
    """An agent that answers `value` (an `AgentOutput` is passed through as it is)."""

    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        return value

    return agent


def raises(error: BaseException) -> Any:
    """An agent that always fails with `error`."""

    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        raise error

    return agent


async def raw_clinical(subtask: Subtask, ctx: AgentContext) -> AgentOutput:
    """A clinical agent whose output is the raw note (PHI by provenance and by content)."""
    return AgentOutput(output={"text": NOTE})


# -- missions and plans ------------------------------------------------------------------


def uid(prefix: str) -> str:
    """A mission/thread id no other run in this process used (the memory saver is shared)."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def mission(
    prefix: str = "sec",
    *,
    type: str = "marketing.campaign",
    goal: str = "Spring sale on reusable water bottles",
    permissions: Iterable[str] = (),
    context: Mapping[str, Any] | None = None,
    budget: float | None = 1000,
    **constraints: Any,
) -> Mission:
    """A mission with a fresh id; `constraints` adds e.g. `allowedAgents`."""
    limits: dict[str, Any] = dict(constraints)
    if budget is not None:
        limits["budget"] = budget
    return Mission.model_validate(
        {
            "id": uid(prefix),
            "type": type,
            "goal": goal,
            "permissions": list(permissions),
            "constraints": limits,
            "context": dict(context or {}),
        }
    )


def step(sid: str, agent: str, tool: str | None, description: str = "Do the step", **kw: Any) -> Subtask:
    """One subtask."""
    return Subtask(id=sid, agent=agent, tool=tool, description=description, **kw)


def plan(for_mission: Mission, *subtasks: Subtask) -> MissionPlan:
    """A user's plan for the mission."""
    return MissionPlan(mission_id=for_mission.id, subtasks=list(subtasks), source="user")


def codes(result: MissionResult, subtask_id: str | None = None) -> set[str]:
    """Issue codes of a result (of one subtask, if given)."""
    return {i.code for i in result.issues if subtask_id is None or i.subtask_id == subtask_id}


def assert_blocked(result: MissionResult, sid: str, allowed_codes: Iterable[str] = ("phi.blocked",)) -> None:
    """The subtask was blocked with one of the issue codes, and the mission did not succeed."""
    r = result.results.get(sid)
    assert r is not None, f"no result for {sid}: {sorted(result.results)}"
    assert r.status == "blocked", f"{sid} is {r.status}, not blocked ({r.error})"
    wanted = set(allowed_codes)
    assert codes(result, sid) & wanted, f"{sid}: no issue among {wanted}: {codes(result, sid)}"
    assert result.success is False


async def marketing_reads(
    prefix: str,
    output: Any,
    *,
    family: str = "browser",
    tool: str = "browser.plan",
    source: str = "Collect the subscriber list",
    writes: str = "Write the email",
) -> tuple[MissionResult, Spy]:
    """Run `u` (a custom `family` agent that answers `output`) and a marketing step `m` reading it.

    Returns:
        The result and the marketing spy (what `m`'s agent was shown, if it ran).
    """
    spy = Spy("marketing")
    m = mission(prefix)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("u", family, tool, source),
            step("m", "marketing", "marketing.draft_copy", writes, depends_on=["u"]),
        ),
        agents={family: returns(output), "marketing": spy},
    )
    return result, spy


def llm_campaign(creative: str = "creative", description: str = "Draft creative options") -> dict[str, Any]:
    """An LLM planner's answer: creative (`creative`, `description`) and research, then a brief of both."""
    return {
        "summary": "Spring campaign",
        "subtasks": [
            {
                "id": creative,
                "agent": "marketing",
                "tool": "marketing.generate_campaign",
                "description": description,
                "depends_on": [],
            },
            {
                "id": "research",
                "agent": "browser",
                "tool": "browser.plan",
                "description": "Research rivals",
                "depends_on": [],
            },
            {
                "id": "brief",
                "agent": "marketing",
                "tool": "marketing.compile_brief",
                "description": "Assemble the brief",
                "depends_on": [creative, "research"],
            },
        ],
    }
