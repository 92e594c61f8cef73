"""LangGraph's per-task copies of its `Runtime`, without `dataclasses.replace`.

LangGraph gives every task its own `Runtime` (and `ExecutionInfo`): it prepares a task with
`Runtime.override(...)` and runs it after `Runtime.patch_execution_info(...)` twice, each a
`dataclasses.replace` of a frozen dataclass: five per task, 4-6 µs each, ~5 % of a
100-subtask mission with no-op agents in memory (profiled; DESIGN-NOTES "Engine overhead,
tenth pass"). `replace` walks the class's fields, checks each, and calls the generated
`__init__`, which sets every field through `object.__setattr__`.

`install` puts a plain field copy in front of each of the three methods: the same fields,
the same values, the overrides applied, and the same type, made with `object.__new__`
(these classes have no `__post_init__` and only init fields, checked at install). Any
other call (a subclass, an override that is not a field, an `execution_info` not yet set)
goes to LangGraph's method. Installed only on the `langgraph` versions it was checked
against (`_TESTED`) and when the classes look as checked; `stock()` turns it off in a block
(the benchmark's bare graph runs on stock LangGraph).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from importlib.metadata import version
from typing import Any

from .patches import Patch

_TESTED = ("1.2.",)
"""`langgraph` versions (prefixes) whose `Runtime` and `ExecutionInfo` this was checked against."""


def _runtime_module() -> Any:
    import langgraph.runtime

    return langgraph.runtime


def _runtime() -> Any:
    return _runtime_module().Runtime


def _info() -> Any:
    return _runtime_module().ExecutionInfo


_PATCHES = (
    Patch(_runtime, "override"),
    Patch(_runtime, "patch_execution_info"),
    Patch(_info, "patch"),
)


@contextmanager
def stock() -> Iterator[None]:
    """LangGraph's own methods inside the block (benchmarks: the bare graph is stock LangGraph)."""
    with ExitStack() as stack:
        for patch in _PATCHES:
            stack.enter_context(patch.stock())
        yield


def _plain(cls: type) -> tuple[str, ...] | None:
    """The field names of a frozen dataclass a field copy reproduces (None: not such a class)."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return None
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        return None
    return tuple(f.name for f in fields)


def install() -> bool:
    """Put the field copies in front of LangGraph's methods (once); False where unchecked."""
    try:
        module = _runtime_module()
    except ImportError:  # pragma: no cover - another LangGraph layout
        return False
    if any(p.paused for p in _PATCHES) or not version("langgraph").startswith(_TESTED):
        return False
    runtime, info = module.Runtime, module.ExecutionInfo
    runtime_fields, info_fields = _plain(runtime), _plain(info)
    if runtime_fields is None or info_fields is None or "execution_info" not in runtime_fields:
        return False
    if not getattr(runtime.override, "_go_fast", False):
        runtime.override = _copying(runtime, runtime_fields, runtime.override)
    if not getattr(info.patch, "_go_fast", False):
        info.patch = _copying(info, info_fields, info.patch)
    if not getattr(runtime.patch_execution_info, "_go_fast", False):
        runtime.patch_execution_info = _patching_info(runtime.patch_execution_info)
    return True


def _copying(cls: type, names: tuple[str, ...], original: Callable[..., Any]) -> Callable[..., Any]:
    """`original` (a `replace(self, **overrides)` method of `cls`) as a field copy."""
    known = frozenset(names)
    new, put = object.__new__, object.__setattr__

    def copy(self: Any, **overrides: Any) -> Any:
        if type(self) is not cls or not known.issuperset(overrides):
            return original(self, **overrides)
        made = new(cls)
        for name in names:
            put(made, name, overrides[name] if name in overrides else getattr(self, name))
        return made

    copy._go_fast = True  # type: ignore[attr-defined]
    copy.__wrapped__ = original  # type: ignore[attr-defined]
    return copy


def _patching_info(original: Callable[..., Any]) -> Callable[..., Any]:
    """`Runtime.patch_execution_info` through the two field copies."""

    def patch_execution_info(self: Any, **overrides: Any) -> Any:
        info = self.execution_info
        if info is None:
            return original(self, **overrides)  # LangGraph's error
        return self.override(execution_info=info.patch(**overrides))

    patch_execution_info._go_fast = True  # type: ignore[attr-defined]
    patch_execution_info.__wrapped__ = original  # type: ignore[attr-defined]
    return patch_execution_info
