"""LangGraph's checkpoint encoding of a `Send`, without its runtime-protocol check.

Every subtask of a mission is one `Send` (`graph/scheduler.py`), and LangGraph saves each
one with the dispatching task's writes. Its serializer (`jsonplus._msgpack_default`)
reaches a `Send` after some twenty type checks, the last an `isinstance` against the
runtime-checkable `SendProtocol`, which on Python 3.11 walks the protocol's attributes on
every call: ~40-50 µs per `Send`, ~9 % of a 100-subtask mission in memory (profiled,
DESIGN-NOTES "Engine overhead, eighth pass").

`install` puts a function in front of LangGraph's: a plain `Send` without a timeout
(exactly the class, not a subclass) is encoded here the way LangGraph's branch encodes it,
the same bytes (`tests/unit/test_send_serde.py` compares them); everything else goes to
LangGraph's function unchanged, as does decoding. Installed only on the
`langgraph-checkpoint` versions it was checked against (`_TESTED`); `stock()` turns it off
in a block (the benchmark's bare graph runs on stock LangGraph).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from .patches import Patch

_TESTED = ("4.",)
"""`langgraph-checkpoint` versions (prefixes) whose `_msgpack_default` this was checked against."""


def _jsonplus() -> Any:
    from langgraph.checkpoint.serde import jsonplus

    return jsonplus


_PATCH = Patch(_jsonplus, "_msgpack_default")
stock = _PATCH.stock
"""LangGraph's own encoder inside the block (benchmarks: the bare graph is stock LangGraph)."""


def install() -> bool:
    """Put the fast path in front of LangGraph's encoder (once); False on an untested version."""
    try:
        from langgraph.checkpoint.serde import jsonplus
    except ImportError:  # pragma: no cover - another LangGraph layout
        return False
    if _PATCH.paused or not version("langgraph-checkpoint").startswith(_TESTED):
        return False
    if not getattr(jsonplus._msgpack_default, "_go_fast", False):
        jsonplus._msgpack_default = fast_path(jsonplus._msgpack_default)  # type: ignore[assignment]
    return True


def fast_path(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`original` (LangGraph's `_msgpack_default`) with a plain `Send` encoded first."""
    import ormsgpack
    from langgraph.checkpoint.serde import jsonplus
    from langgraph.types import Send

    ext, module = jsonplus.EXT_CONSTRUCTOR_POS_ARGS, Send.__module__

    def default(obj: Any) -> Any:
        if type(obj) is Send and obj.timeout is None:
            # LangGraph's `SendProtocol` branch, for a `Send` without a timeout
            return ormsgpack.Ext(ext, jsonplus._msgpack_enc((module, "Send", (obj.node, obj.arg))))
        return original(obj)

    default._go_fast = True  # type: ignore[attr-defined]
    default.__wrapped__ = original  # type: ignore[attr-defined]
    return default
