"""Data labels on subtask outputs: computed by the engine from content and provenance.

Labels are the first layer of PHI protection, the detector the second. Every output
carries labels, whatever agent produced it (built-in, custom, MCP-backed):

- it inherits the labels of everything it read: its dependencies' outputs (which carry
  their own inherited labels, so the rule is transitive without walking the graph) and
  its own description and inputs (`phi` when they hold PHI);
- the engine scans the output itself (`flow.scan_value`: keys, values, joined values,
  decoded blobs) and adds `phi` when it finds PHI, or when it is too large to scan;
- provenance: clinical output is `phi` unless it came from de-identification and the
  engine's re-scan is clean; browser output and MCP tool answers are `external`;
- an agent may add labels (`AgentOutput.labels`), never remove them.

Labels are plain strings in the checkpointed results, so they survive a crash and a resume.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from global_orchestrator.models import AgentFamily, Subtask
from global_orchestrator.policies.flow import (
    EXTERNAL,
    PHI,
    UNSCANNABLE,
    ContentScan,
    ascan_value,
    asubtask_scan,
    subtask_scan,
)

__all__ = [
    "EXTERNAL",
    "PHI",
    "UNSCANNABLE",
    "ainherited_labels",
    "aoutput_labels",
    "phi_categories",
    "read_labels",
    "scan_labels",
]


def read_labels(subtask: Subtask, results: Mapping[str, Mapping[str, Any]]) -> dict[str, list[str]]:
    """The labels of each dependency output the subtask reads, by dependency id."""
    return {dep: list(results.get(dep, {}).get("labels") or []) for dep in subtask.depends_on}


def scan_labels(scan: ContentScan) -> set[str]:
    """The labels a content scan gives: `phi` (and `unscannable` when it was too large)."""
    if scan.unscannable:
        return {PHI, UNSCANNABLE}
    return {PHI} if scan.categories else set()


async def ainherited_labels(
    subtask: Subtask, results: Mapping[str, Mapping[str, Any]], own_scan: ContentScan | None = None
) -> set[str]:
    """Labels of everything the subtask reads: its dependencies' outputs and its own text.

    `own_scan` is `asubtask_scan(subtask)` when the caller already has it (None: scan here).
    """
    labels = {label for found in read_labels(subtask, results).values() for label in found}
    if PHI not in labels:
        labels |= scan_labels(own_scan if own_scan is not None else await asubtask_scan(subtask))
    return labels


async def aoutput_labels(
    family: str, output: Any, inherited: Iterable[str], own: Iterable[str] = (), *, deidentified: bool = False
) -> set[str]:
    """The labels of an agent's output (see the module docstring).

    Args:
        family: The agent family that produced it.
        output: The output; the engine scans it.
        inherited: Labels of what the agent read.
        own: Labels the agent added itself (kept: an agent cannot remove labels).
        deidentified: The agent produced it by de-identification: `phi` (inherited or
            its own) is dropped only if the engine's scan of the output is clean.
    """
    found = scan_labels(await ascan_value(output))
    added = set(own)
    labels = set(inherited) | added | found
    kind = AgentFamily.parse(family)
    if deidentified and not found and PHI not in added:
        labels -= {PHI, UNSCANNABLE}
    elif kind is AgentFamily.CLINICAL or deidentified:
        labels.add(PHI)
    if kind is AgentFamily.BROWSER:
        labels.add(EXTERNAL)
    return labels


def phi_categories(subtask: Subtask) -> list[str]:
    """PHI categories (and PHI-related wording) in a subtask's description and inputs.

    Never the values; a subtask too large to scan reports `unscannable`.
    """
    scan = subtask_scan(subtask)
    return [UNSCANNABLE] if scan.unscannable else list(scan.categories)
