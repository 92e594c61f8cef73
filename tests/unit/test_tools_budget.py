from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from global_orchestrator import UserError
from global_orchestrator.models import ChannelPolicy
from global_orchestrator.tools import allocate_budget

BRAND = {
    "tiktok": ChannelPolicy(weight=5, minimum=500),
    "instagram": ChannelPolicy(weight=3, minimum=300),
    "email": ChannelPolicy(weight=2, minimum=100),
}


def test_splits_by_weight_exactly() -> None:
    result = allocate_budget(5000, BRAND)
    assert result.amounts == {
        "tiktok": Decimal("2500.00"),
        "instagram": Decimal("1500.00"),
        "email": Decimal("1000.00"),
    }
    assert sum(result.amounts.values()) == Decimal("5000.00") and result.dropped == []


def test_rounding_sums_to_the_cent() -> None:
    result = allocate_budget(
        100, {"a": ChannelPolicy(weight=1), "b": ChannelPolicy(weight=1), "c": ChannelPolicy(weight=1)}
    )
    assert sorted(result.amounts.values()) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert sum(result.amounts.values()) == Decimal("100.00")


def test_minimums_raise_small_shares() -> None:
    result = allocate_budget(
        1000, {"tv": ChannelPolicy(weight=9), "radio": ChannelPolicy(weight=1, minimum=300)}
    )
    assert result.amounts["radio"] >= 300 and sum(result.amounts.values()) == 1000


def test_channels_that_cannot_be_funded_are_dropped_with_a_reason() -> None:
    result = allocate_budget(700, BRAND)
    assert [d.channel for d in result.dropped] == ["email"] or [d.channel for d in result.dropped] == [
        "email",
        "instagram",
    ]
    assert "minimum" in result.dropped[0].reason
    assert sum(result.amounts.values()) == Decimal("700.00")
    for name, amount in result.amounts.items():
        assert amount >= BRAND[name].minimum


def test_deterministic() -> None:
    assert allocate_budget(1234.56, BRAND) == allocate_budget(1234.56, BRAND)


@pytest.mark.parametrize(
    ("budget", "channels", "message"),
    [
        (0, BRAND, "positive"),
        (-5, BRAND, "positive"),
        ("abc", BRAND, "number"),
        (100, {}, "no channel"),
        (100, {"a": ChannelPolicy(weight=0)}, "no channel"),
        (10, {"a": ChannelPolicy(weight=1, minimum=50)}, "below every channel's minimum"),
    ],
)
def test_bad_input(budget: object, channels: dict[str, ChannelPolicy], message: str) -> None:
    with pytest.raises(UserError, match=message):
        allocate_budget(budget, channels)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    budget=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2),
    channels=st.dictionaries(
        st.sampled_from(["tiktok", "instagram", "email", "tv", "radio", "search"]),
        st.builds(ChannelPolicy, weight=st.floats(0.01, 100), minimum=st.integers(0, 5000)),
        min_size=1,
    ),
)
def test_properties(budget: Decimal, channels: dict[str, ChannelPolicy]) -> None:
    try:
        result = allocate_budget(budget, channels)
    except UserError as exc:
        assert "below every channel's minimum" in str(exc)
        assert all(Decimal(str(p.minimum)) > budget for p in channels.values())
        return
    assert sum(result.amounts.values()) == budget  # exact, never more
    assert all(amount >= 0 for amount in result.amounts.values())
    for name, amount in result.amounts.items():
        assert amount >= Decimal(str(channels[name].minimum))
    assert set(result.amounts) | {d.channel for d in result.dropped} == set(channels)
