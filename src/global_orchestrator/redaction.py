"""Redaction for every surface: what callers see unless they opt in with `show_phi`.

The checkpoint keeps outputs as agents produced them (a clinical step downstream needs
the real note); everything that leaves the engine goes through here:

- the output of a result labelled `phi` becomes `REDACTED` (withheld whole: structure,
  keys and all, since PHI can hide in any of them);
- approval requests carry their inputs as `REDACTED` and a redacted description;
- error text, issue messages, log lines and event messages are redacted with the
  detector (placeholders such as `[NAME]`); error text is redacted before it is stored,
  so no opt-in brings it back;
- plans shown in events and by `orchestrator.plan` withhold an input value that scans as
  PHI (every input of a clinical subtask, whatever the scan says); other values are shown.

`show_phi=True` returns PHI-labelled outputs and approval inputs as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from global_orchestrator.events import MissionEvent
from global_orchestrator.models import ApprovalRequest, MissionResult, SubtaskResult
from global_orchestrator.policies.flow import PHI, scan_value
from global_orchestrator.policies.phi_detector import redact

REDACTED = "[redacted: labelled phi]"
"""What a surface shows instead of a PHI-labelled output or an approval input."""
_CACHED_CHARS = 2_048


def redact_text(text: str) -> str:
    """`text` with every PHI finding replaced by its placeholder (`[NAME]`, `[DATE]` ...)."""
    if len(text) <= _CACHED_CHARS:
        return _cached_redact(text)
    return redact(text)


@lru_cache(maxsize=16_384)
def _cached_redact(text: str) -> str:
    return redact(text)


def withheld_error(exc: BaseException) -> str:
    """An error whose text may carry PHI (its subtask read PHI): only the exception's type."""
    return f"{type(exc).__name__} (message withheld: the subtask read PHI)"


def exception_text(exc: BaseException) -> str:
    """`str(exc)`, or "" when the exception's `__str__` itself fails (its error may hold PHI).

    Only the exception's own message: never its `__cause__`/`__context__` chain, its notes
    (`add_note`) or the members of an `ExceptionGroup`, which no surface shows.
    """
    try:
        return str(exc).strip()
    except Exception:
        return ""


def error_text(exc: BaseException) -> str:
    """`Type: message` of an exception, redacted: what every surface shows of an error.

    Results and issues (`graph.running.describe`), MCP tool errors, the chat example's
    HTTP errors and log lines use it.
    """
    text = exception_text(exc)
    return redact_text(f"{type(exc).__name__}: {text}") if text else type(exc).__name__


def redact_value(value: Any, depth: int = 0) -> Any:
    """A JSON-like value with every string, and every key, redacted with the detector."""
    if depth > 50:
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {redact_text(str(k)): redact_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v, depth + 1) for v in value]
    return value


def redact_inputs(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Approval or plan inputs as a surface shows them: names kept, values withheld."""
    return {_safe_key(k): REDACTED for k in inputs}


def redact_plan_inputs(inputs: Mapping[str, Any], agent: str) -> dict[str, Any]:
    """A planned subtask's inputs as a surface shows them.

    Values that scan as PHI (or are too large to scan) are withheld; a clinical
    subtask's values are withheld whole, since its inputs are patient data by purpose.
    """
    if agent == "clinical":
        return redact_inputs(inputs)
    return {_safe_key(k): REDACTED if scan_value(v).phi else v for k, v in inputs.items()}


def _safe_key(key: str) -> str:
    return redact_text(str(key))


def redact_approval(request: ApprovalRequest) -> ApprovalRequest:
    """An approval request without PHI: redacted description and question, inputs withheld."""
    return request.model_copy(
        update={
            "description": redact_text(request.description),
            "question": redact_text(request.question),
            "inputs": redact_inputs(request.inputs),
        }
    )


def redact_subtask_result(result: SubtaskResult, show_phi: bool = False) -> SubtaskResult:
    """A result as a surface shows it (output withheld when labelled `phi`)."""
    update: dict[str, Any] = {}
    if result.error:
        update["error"] = redact_text(result.error)
    if not show_phi and PHI in result.labels and result.output is not None:
        update["output"] = REDACTED
    return result.model_copy(update=update) if update else result


def redact_result(result: MissionResult, show_phi: bool = False) -> MissionResult:
    """A mission result as a surface shows it; see the module docstring."""
    return result.model_copy(
        update={
            "results": {k: redact_subtask_result(r, show_phi) for k, r in result.results.items()},
            "issues": [i.model_copy(update={"message": redact_text(i.message)}) for i in result.issues],
            "logs": [redact_text(line) for line in result.logs],
            "pending_approvals": [a if show_phi else redact_approval(a) for a in result.pending_approvals],
        }
    )


def redact_plan(plan: Mapping[str, Any]) -> dict[str, Any]:
    """A plan (state JSON) as a surface shows it: descriptions redacted, PHI inputs withheld."""
    subtasks = [
        {
            **s,
            "description": redact_text(str(s.get("description", ""))),
            "inputs": redact_plan_inputs(s.get("inputs") or {}, str(s.get("agent", ""))),
        }
        for s in plan.get("subtasks") or []
    ]
    issues = [{**i, "message": redact_text(str(i.get("message", "")))} for i in plan.get("issues") or []]
    return {
        **plan,
        "subtasks": subtasks,
        "issues": issues,
        "summary": redact_text(str(plan.get("summary", ""))),
    }


def redact_event(event: MissionEvent, show_phi: bool = False) -> MissionEvent:
    """An event as a surface shows it: message, result, approval and plan redacted.

    Every other field an agent could reach through its stream writer (`subtaskId`,
    `agent`, any other `data` entry) is redacted with the detector too.
    """
    update: dict[str, Any] = {}
    if event.message:
        update["message"] = redact_text(event.message)
    for name in ("subtask_id", "agent"):
        text = getattr(event, name)
        if isinstance(text, str) and (redacted := redact_text(text)) != text:
            update[name] = redacted
    if event.result is not None:
        update["result"] = redact_result(event.result, show_phi)
    if event.approval is not None and not show_phi:
        update["approval"] = redact_approval(event.approval)
    data = event.data
    if "result" in data and isinstance(data["result"], Mapping):
        raw = SubtaskResult.model_validate(data["result"])
        data = {**data, "result": redact_subtask_result(raw, show_phi).to_dict()}
    if "plan" in data and isinstance(data["plan"], Mapping):
        data = {**data, "plan": redact_plan(data["plan"])}
    others = {k: v for k, v in data.items() if k not in ("result", "plan")}
    shown = redact_value(others) if others else others
    if shown != others:  # a key can change too: rebuild
        data = {**shown, **{k: data[k] for k in ("result", "plan") if k in data}}
    if data is not event.data:
        update["data"] = data
    return event.model_copy(update=update) if update else event
