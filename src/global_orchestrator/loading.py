"""Reading missions and plans from JSON files, with one-line errors that name the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from global_orchestrator.errors import MissionFileError
from global_orchestrator.models import Mission, MissionPlan

M = TypeVar("M", bound=BaseModel)


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming each bad field: `constraints.budgett: Extra inputs are not permitted`."""
    parts = []
    for error in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in error["loc"]) or "(top level)"
        parts.append(f"{loc}: {error['msg']}")
    return "; ".join(parts)


def _read_json(path: Path, what: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissionFileError(f"{what} file not found: {path}") from None
    except IsADirectoryError:
        raise MissionFileError(f"{what} file is a directory: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MissionFileError(f"cannot read {what} file {path}: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MissionFileError(
            f"invalid JSON in {path}: line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise MissionFileError(f"invalid JSON in {path}: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer past Python's digit limit
        raise MissionFileError(f"invalid JSON in {path}: {exc}") from None


def _parse(model: type[M], data: Any, source: str, what: str) -> M:
    if _depth_exceeds(data, MAX_DEPTH):
        raise MissionFileError(f"invalid {what} in {source}: nested deeper than {MAX_DEPTH} levels")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MissionFileError(f"invalid {what} in {source}: {describe_validation_error(exc)}") from None
    except RecursionError:
        raise MissionFileError(f"invalid {what} in {source}: nested too deeply") from None


MAX_DEPTH = 100
"""How deep a mission or plan file may nest objects and lists. Deeper input is refused
with one line: every later step (validation, the PHI scan, checkpoints) walks it."""


def _depth_exceeds(data: Any, limit: int) -> bool:
    """True if `data` nests lists/dicts deeper than `limit` (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def load_mission(path: str | Path) -> Mission:
    """Read a mission from a JSON file (camelCase or snake_case keys).

    Raises:
        MissionFileError: the file is missing, not JSON, or not a valid mission.
    """
    path = Path(path)
    return _parse(Mission, _read_json(path, "mission"), str(path), "mission")


def load_plan(path: str | Path) -> MissionPlan:
    """Read a mission plan from a JSON file.

    Raises:
        MissionFileError: the file is missing, not JSON, or not a valid plan.
    """
    path = Path(path)
    return _parse(MissionPlan, _read_json(path, "plan"), str(path), "plan")
