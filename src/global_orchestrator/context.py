"""Mission context: brand profile, safety flags, tool availability and healing memory."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.errors import UnknownBrandError, UserError
from global_orchestrator.loading import describe_validation_error
from global_orchestrator.models import (
    AgentFamily,
    BrandProfile,
    HealingMemoryEntry,
    Issue,
    Mission,
    MissionContext,
    SafetyFlags,
    Severity,
)
from global_orchestrator.policies.flow import safe_brand
from global_orchestrator.policies.permissions import (
    has_permission,
    missing_permissions,
    permissions_for,
)
from global_orchestrator.settings import get_settings

_SAFE_BRAND_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_BRAND_SUFFIXES = (".yaml", ".yml", ".json")


class HealingMemory(Protocol):
    """Recoveries that worked before, looked up for a mission."""

    def recall(self, mission: Mission) -> Sequence[HealingMemoryEntry]:
        """Entries relevant to the mission's agent families and tools."""
        ...


class NoHealingMemory:
    """A healing memory that remembers nothing."""

    def recall(self, mission: Mission) -> Sequence[HealingMemoryEntry]:  # noqa: ARG002 (the interface's signature)
        """Return no entries."""
        return ()


def load_brand(brand_id: str, brands_dir: str | Path) -> BrandProfile:
    """Load `<brands_dir>/<brand_id>.yaml` (or `.yml`, `.json`).

    Raises:
        UnknownBrandError: no such file, or the id is not a plain file name.
        UserError: the file is not valid YAML/JSON or not a valid brand profile.
    """
    folder = Path(brands_dir)
    if not _SAFE_BRAND_ID.match(brand_id) or ".." in brand_id:
        raise UnknownBrandError(f"invalid brand id '{brand_id}': use letters, digits, '.', '_' or '-'")
    for suffix in _BRAND_SUFFIXES:
        path = folder / f"{brand_id}{suffix}"
        if path.is_file():
            break
    else:
        raise UnknownBrandError(f"unknown brand '{brand_id}': no {brand_id}.yaml or .json in {folder}")
    try:
        text = path.read_text(encoding="utf-8")
        data: Any = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise UserError(f"cannot read brand profile {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise UserError(f"brand profile {path} must be a mapping")
    data.setdefault("id", brand_id)
    try:
        brand = BrandProfile.model_validate(data)
    except ValidationError as exc:
        raise UserError(f"invalid brand profile {path}: {describe_validation_error(exc)}") from exc
    if brand.id != brand_id:
        raise UserError(f"brand profile {path} has id '{brand.id}', expected '{brand_id}'")
    return brand


def safety_flags(permissions: Sequence[str]) -> SafetyFlags:
    """Derive safety switches from a mission's grants."""
    return SafetyFlags(
        phi_allowed=has_permission(permissions, "phi:read"),
        clinical_allowed=has_permission(permissions, "agent:clinical"),
        external_publish_allowed=has_permission(permissions, "publish:external"),
    )


def available_tools(mission: Mission, catalog: ToolCatalog) -> dict[str, list[str]]:
    """Tools the mission may use, by family: granted and inside `allowed_agents`."""
    allowed = mission.constraints.allowed_agents
    tools: dict[str, list[str]] = {}
    for family in AgentFamily:
        if allowed is not None and family.value not in allowed:
            continue
        names = [
            spec.name
            for spec in catalog.for_family(family.value)
            if not missing_permissions(mission.permissions, permissions_for(family.value, spec.name, catalog))
        ]
        if names:
            tools[family.value] = names
    return tools


def build_mission_context(
    mission: Mission,
    *,
    brands_dir: str | Path | None = None,
    catalog: ToolCatalog | None = None,
    healing_memory: HealingMemory | Sequence[HealingMemoryEntry] | None = None,
) -> MissionContext:
    """Gather what the planner and agents need besides the mission.

    A brand that cannot be found or read is an issue in the context, not an exception:
    the mission still plans and runs, without brand voice. Brand fields that carry PHI are
    withheld (`policies.flow.safe_brand`), with a `context.brand_phi` warning.

    Args:
        mission: The mission.
        brands_dir: Folder of brand profiles (default: `ORCHESTRATOR_BRANDS_DIR`, else `./brands`).
        catalog: Known tools (default: the built-in ones).
        healing_memory: Where past recoveries are remembered, or the entries themselves
            (the engine reads them from the LangGraph store); default: none.
    """
    catalog = catalog or default_catalog()
    issues: list[Issue] = []
    brand: BrandProfile | None = None
    if mission.brand_id:
        folder = brands_dir or get_settings().brands_dir or Path("brands")
        try:
            brand = load_brand(mission.brand_id, folder)
        except UserError as exc:
            issues.append(Issue(code="context.brand_missing", severity=Severity.WARNING, message=str(exc)))
    if brand is not None:
        brand, withheld = safe_brand(brand)
        if withheld:
            issues.append(
                Issue(
                    code="context.brand_phi",
                    severity=Severity.WARNING,
                    message=f"brand profile '{brand.id}' carries PHI: {', '.join(withheld)} withheld",
                )
            )
    memory = healing_memory if healing_memory is not None else NoHealingMemory()
    entries = list(memory) if isinstance(memory, Sequence) else list(memory.recall(mission))
    return MissionContext(
        mission_id=mission.id,
        brand=brand,
        safety=safety_flags(mission.permissions),
        tools=available_tools(mission, catalog),
        healing_memory=entries,
        issues=issues,
    )
