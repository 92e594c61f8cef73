"""graph/state.py: the `results` channel merges a superstep's writes in one pass, as LangGraph's fold would."""

from __future__ import annotations

import random
from typing import Any

import pytest
from langgraph.channels.binop import BinaryOperatorAggregate
from langgraph.errors import InvalidUpdateError
from langgraph.types import Overwrite

from global_orchestrator.graph.state import MergedDicts, MissionState, merge_dicts


def _pair() -> tuple[MergedDicts, BinaryOperatorAggregate[dict[str, Any]]]:
    return MergedDicts(dict, merge_dicts), BinaryOperatorAggregate(dict, merge_dicts)


def _write(rng: random.Random) -> Any:
    kind = rng.random()
    if kind < 0.1:
        return None
    if kind < 0.2:
        return {}
    return {f"t{rng.randrange(30)}": {"n": rng.random()} for _ in range(rng.randrange(1, 4))}


@pytest.mark.parametrize("seed", range(40))
def test_same_values_as_langgraphs_fold(seed: int) -> None:
    rng = random.Random(seed)
    ours, stock = _pair()
    for _ in range(rng.randrange(1, 6)):  # supersteps
        batch = [_write(rng) for _ in range(rng.randrange(0, 12))]
        before, copy = ours.value, dict(ours.value)
        assert ours.update(batch) == stock.update(batch)
        assert ours.value == stock.value
        assert before == copy  # the earlier value was not changed in place
        ours = ours.from_checkpoint(ours.checkpoint())
        stock = stock.from_checkpoint(stock.checkpoint())


def test_a_saved_value_is_never_changed_by_a_later_superstep() -> None:
    ours, _ = _pair()
    ours.update([{"a": 1}, {"b": 2}])
    saved = ours.checkpoint()
    ours.update([{"a": 3}, {"c": 4}])
    assert saved == {"a": 1, "b": 2}
    assert ours.get() == {"a": 3, "b": 2, "c": 4}


def test_overwrite_goes_through_langgraphs_fold() -> None:
    ours, stock = _pair()
    for channel in (ours, stock):
        channel.update([{"a": 1}])
        channel.update([{"b": 2}, Overwrite({"z": 0}), {"c": 3}])
    assert ours.get() == stock.get() == {"z": 0}
    with pytest.raises(InvalidUpdateError):
        ours.update([Overwrite({}), Overwrite({})])


def test_the_state_declares_it_for_results() -> None:
    from typing import get_type_hints

    hint = get_type_hints(MissionState, include_extras=True)["results"]
    assert any(isinstance(m, MergedDicts) for m in hint.__metadata__)
