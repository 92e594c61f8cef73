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


def _parse(model: type[M], data: Any, source: str, what: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MissionFileError(f"invalid {what} in {source}: {describe_validation_error(exc)}") from None


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
