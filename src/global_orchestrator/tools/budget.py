"""`marketing.allocate_budget`: split a budget across channels, exactly and deterministically.

Rules: shares follow the channels' weights; every channel that gets money gets at least
its minimum; the amounts sum to the budget to the cent (largest-remainder rounding) and
never exceed it. When the budget cannot cover every minimum, channels are dropped, each with
the reason: first those whose minimum alone exceeds the budget, then the lowest weight
among those with a minimum (ties: name order).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal

from pydantic import Field

from global_orchestrator.errors import UserError
from global_orchestrator.models import ChannelPolicy, WireModel


class DroppedChannel(WireModel):
    """A channel that got nothing, and why."""

    channel: str
    reason: str


class BudgetAllocation(WireModel):
    """Amounts by channel; they sum to `total`."""

    total: Decimal
    currency: str = "USD"
    amounts: dict[str, Decimal] = Field(default_factory=dict)
    shares: dict[str, Decimal] = Field(default_factory=dict)
    """Each amount as a percentage of `total`, to one decimal (for briefs; the amounts are exact)."""
    dropped: list[DroppedChannel] = Field(default_factory=list)


def allocate_budget(
    budget: Decimal | float | int | str,
    channels: Mapping[str, ChannelPolicy],
    *,
    currency: str = "USD",
    precision: int = 2,
) -> BudgetAllocation:
    """Split `budget` across `channels` by weight, honouring per-channel minimums.

    Raises:
        UserError: the budget is not a positive number, or no channel has a positive weight.
    """
    try:
        total = Decimal(str(budget))
    except ArithmeticError:
        raise UserError(f"budget must be a number, got {budget!r}") from None
    if not total.is_finite() or total <= 0:
        raise UserError(f"budget must be positive, got {budget}")
    unit = Decimal(1).scaleb(-precision)
    total = total.quantize(unit, rounding=ROUND_FLOOR)
    if total <= 0:
        raise UserError(f"budget {budget} rounds to nothing at {precision} decimals")
    live = {name: policy for name, policy in channels.items() if policy.weight > 0}
    dropped = [DroppedChannel(channel=n, reason="weight is 0") for n, p in channels.items() if p.weight <= 0]
    if not live:
        raise UserError("no channel with a positive weight to allocate the budget to")

    while True:
        amounts = _split(total, live, unit)
        short = [n for n, amount in amounts.items() if amount < Decimal(str(live[n].minimum))]
        if not short:
            break
        minimums = {n: Decimal(str(live[n].minimum)) for n in live}
        if sum(minimums.values()) <= total:
            amounts = _with_minimums(total, live, minimums, unit)
            break
        # Cannot fund every minimum: drop a channel whose minimum alone exceeds the budget,
        # else the least important channel that has a minimum (dropping one without a
        # minimum frees nothing), and try again.
        unaffordable = [n for n in live if minimums[n] > total]
        candidates = unaffordable or [n for n in live if minimums[n] > 0]
        victim = min(candidates, key=lambda n: (live[n].weight, n))
        minimum = f"{live[victim].minimum:g} {currency}"
        dropped.append(
            DroppedChannel(
                channel=victim, reason=f"the budget cannot cover every channel's minimum ({minimum})"
            )
        )
        del live[victim]
        if not live:
            raise UserError(f"budget {total} {currency} is below every channel's minimum")
    shares = {n: (a * 100 / total).quantize(Decimal("0.1")) for n, a in amounts.items()}
    return BudgetAllocation(total=total, currency=currency, amounts=amounts, shares=shares, dropped=dropped)


def _split(total: Decimal, channels: Mapping[str, ChannelPolicy], unit: Decimal) -> dict[str, Decimal]:
    """Largest-remainder split of `total` by weight, in whole units."""
    weights = {n: Decimal(str(p.weight)) for n, p in channels.items()}
    weight_sum = sum(weights.values())
    units = int(total / unit)
    exact = {n: units * w / weight_sum for n, w in weights.items()}
    floors = {n: int(v) for n, v in exact.items()}
    left = units - sum(floors.values())
    # ties broken by name so the result never depends on dict order
    for name in sorted(exact, key=lambda n: (-(exact[n] - floors[n]), n))[:left]:
        floors[name] += 1
    return {n: floors[n] * unit for n in channels}


def _with_minimums(
    total: Decimal, channels: Mapping[str, ChannelPolicy], minimums: Mapping[str, Decimal], unit: Decimal
) -> dict[str, Decimal]:
    """Give every channel its minimum, then split what is left by weight."""
    rest = total - sum(minimums.values())
    extra = _split(rest, channels, unit) if rest > 0 else dict.fromkeys(channels, Decimal(0))
    return {n: minimums[n] + extra[n] for n in channels}
