"""graph/serde.py: a `Send` is encoded as LangGraph encodes it, without the protocol check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from langgraph.checkpoint.serde import jsonplus
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.types import Send

from global_orchestrator.graph import serde


class MySend(Send):
    """A subclass: not the fast path's business (LangGraph names its own class)."""


VALUES: list[Any] = [
    Send("agent_marketing", {"id": "t1"}),
    Send("agent_clinical", {"id": "t2", "shadow": True}),
    Send("aggregate", None),
    Send("x", {"nested": [Send("y", {"id": "z"}), datetime(2026, 1, 2, tzinfo=UTC)]}),
    Send("x", "text"),
    Send("x", {"id": "t1"}, timeout=3.0),  # with a timeout: LangGraph's own branch
    MySend("x", {"id": "t1"}),
    [Send("a", {"id": str(i)}) for i in range(5)],
    {"tasks": (Send("a", 1), Send("b", 2))},
    {"plain": [1, "two", 3.0, None]},
]


def _encoded(value: Any) -> tuple[str, bytes]:
    return JsonPlusSerializer().dumps_typed(value)


@pytest.mark.parametrize("value", VALUES, ids=lambda v: repr(v)[:40])
def test_same_bytes_as_langgraph_and_same_value_back(value: Any) -> None:
    assert serde.install()
    assert getattr(jsonplus._msgpack_default, "_go_fast", False)
    fast = _encoded(value)
    with serde.stock():
        assert not getattr(jsonplus._msgpack_default, "_go_fast", False)
        stock = _encoded(value)
    assert fast == stock
    back = JsonPlusSerializer().loads_typed(fast)
    assert back == JsonPlusSerializer().loads_typed(stock)
    assert repr(back).replace("(", "[").replace(")", "]") == repr(value).replace("(", "[").replace(")", "]")


def test_fast_path_skips_the_protocol_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain `Send` never reaches LangGraph's function; a subclass and a timeout still do."""
    reached: list[type] = []
    with serde.stock():
        original = jsonplus._msgpack_default

    def spy(obj: Any) -> Any:
        reached.append(type(obj))
        return original(obj)

    monkeypatch.setattr(jsonplus, "_msgpack_default", serde.fast_path(spy))
    _encoded([Send("a", {"id": "1"}), {"b": Send("b", None)}])
    assert reached == []
    _encoded(MySend("a", {"id": "1"}))
    _encoded(Send("a", {"id": "1"}, timeout=2.0))
    assert [t for t in reached if issubclass(t, Send)] == [MySend, Send]  # (and the timeout's policy)


def test_install_is_idempotent_and_stock_restores() -> None:
    assert serde.install()
    first = jsonplus._msgpack_default
    assert serde.install()
    assert jsonplus._msgpack_default is first
    with serde.stock():
        assert serde.install() is False  # nothing is installed inside a stock block
        assert jsonplus._msgpack_default is first.__wrapped__  # type: ignore[attr-defined]
    assert jsonplus._msgpack_default is first
