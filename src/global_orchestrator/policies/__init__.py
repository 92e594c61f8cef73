"""Policies: PHI checks, permissions and constraints. Each returns a decision object."""

from global_orchestrator.policies.permissions import (
    PermissionDecision,
    check_subtask_permissions,
    has_permission,
    missing_permissions,
    permissions_for,
    required_permissions,
)
from global_orchestrator.policies.phi import PhiDecision, check_phi_related
from global_orchestrator.policies.phi_detector import PhiFinding, contains_phi, deidentify, detect_phi, redact

__all__ = [
    "PermissionDecision",
    "PhiDecision",
    "PhiFinding",
    "check_phi_related",
    "check_subtask_permissions",
    "contains_phi",
    "deidentify",
    "detect_phi",
    "has_permission",
    "missing_permissions",
    "permissions_for",
    "redact",
    "required_permissions",
]
