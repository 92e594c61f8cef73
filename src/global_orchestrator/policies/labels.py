"""Data labels on subtask outputs, and the flow rule that keeps PHI from marketing.

Labels are the first layer of PHI protection, the detector the second. Every output
carries labels; an output inherits the labels of everything it read (its dependencies'
outputs, which carry their own inherited labels, so the rule is transitive without
walking the graph). A clinical output is labelled `phi` unless it came from
de-identification and re-scans clean. Labels are plain strings in the checkpointed
results, so they survive a crash and a resume.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.models import AgentFamily, Subtask
from global_orchestrator.policies.phi import check_phi_related
from global_orchestrator.policies.phi_detector import contains_phi

PHI = "phi"
"""The label of output that carries (or may carry) protected health information."""


def inherited_labels(subtask: Subtask, results: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """Labels of everything the subtask reads: its dependencies' outputs and its own text.

    A description or inputs in which the detector finds PHI count as `phi`: an agent that
    reads a patient's name passes it on, whatever it does with it.
    """
    labels = {label for dep in subtask.depends_on for label in (results.get(dep, {}).get("labels") or [])}
    if PHI not in labels and phi_categories(subtask):
        labels.add(PHI)
    return labels


def output_text(value: Any) -> str:
    """Every string inside an output, joined, for re-scanning."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def output_labels(
    family: str, output: Any, inherited: Iterable[str], own: Iterable[str] = (), *, deidentified: bool = False
) -> set[str]:
    """The labels of an agent's output.

    Args:
        family: The agent family that produced it.
        output: The output (re-scanned when it claims to be de-identified).
        inherited: Labels of what the agent read.
        own: Labels the agent added itself.
        deidentified: The agent produced it by de-identification.

    Returns:
        `inherited | own`, plus `phi` for clinical output that is not de-identified or
        does not re-scan clean; minus `phi` for de-identified output that re-scans clean.
    """
    labels = set(inherited) | set(own)
    clean = deidentified and not contains_phi(output_text(output))
    if clean:
        labels.discard(PHI)
    elif AgentFamily.parse(family) is AgentFamily.CLINICAL or deidentified:
        labels.add(PHI)
    return labels


@dataclass(frozen=True)
class FlowDecision:
    """Whether a subtask may read what it is about to read."""

    allowed: bool
    reason: str = ""
    categories: tuple[str, ...] = ()
    """PHI categories found in the subtask's own text (never the values)."""
    source: str | None = None
    """The dependency whose `phi`-labelled output it would read."""


def must_not_see_phi(subtask: Subtask, catalog: ToolCatalog) -> bool:
    """Marketing subtasks, and any subtask whose tool publishes outside, must never see PHI."""
    if subtask.family is AgentFamily.MARKETING:
        return True
    spec = catalog.get(subtask.tool) if subtask.tool else None
    return spec is not None and spec.publishes_externally


def check_flow(
    subtask: Subtask, results: Mapping[str, Mapping[str, Any]], catalog: ToolCatalog
) -> FlowDecision:
    """Block a PHI-sensitive subtask whose description, inputs or upstream output carry PHI.

    Labels first (any dependency labelled `phi`, directly or inherited), then the
    detector on the subtask's own description and inputs.
    """
    if not must_not_see_phi(subtask, catalog):
        return FlowDecision(allowed=True)
    tainted = next((d for d in subtask.depends_on if PHI in (results.get(d, {}).get("labels") or [])), None)
    if tainted is not None:
        return FlowDecision(
            allowed=False,
            reason=f"'{subtask.id}' would read PHI-labelled output of '{tainted}'",
            source=tainted,
        )
    categories = phi_categories(subtask)
    if categories:
        return FlowDecision(
            allowed=False,
            reason=f"'{subtask.id}' carries PHI-related content ({', '.join(categories)})",
            categories=tuple(categories),
        )
    return FlowDecision(allowed=True)


def phi_categories(subtask: Subtask) -> list[str]:
    """PHI categories found in a subtask's description and inputs (never the values)."""
    texts = [subtask.description, *strings_in(subtask.inputs)]
    return sorted({f.category for text in texts for f in check_phi_related(text).findings})


def strings_in(value: Any) -> list[str]:
    """Every string inside a JSON-like value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []
