"""Spend: pricing model tokens, and admitting subtasks while the mission's budget lasts.

Each subtask reports spend in its `usage.cost`: what its tools cost (an agent reports it
in `AgentOutput.usage.cost`) plus its model tokens priced from a `PriceTable`. Before a
subtask starts, `admit` lets it through if its forecast spend still fits the budget beside
what is already in flight; otherwise it waits until something in flight finishes, or is
skipped with `constraint.budget_exceeded` when it cannot fit at all (see `admit` for the
rule on unknown costs).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.errors import UserError
from global_orchestrator.models import Subtask, Usage

DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
}
"""USD per million input and output tokens, by model name. Local models cost nothing."""


@dataclass(frozen=True)
class PriceTable:
    """Prices of model tokens, per million, by model name (unknown models are free)."""

    prices: Mapping[str, tuple[float, float]] = field(default_factory=lambda: dict(DEFAULT_PRICES))

    @classmethod
    def parse(cls, value: PriceTable | Mapping[str, Any] | str | None) -> PriceTable:
        """A table from a mapping `{model: {"input": x, "output": y}}` (or `[x, y]`), or its JSON.

        Entries add to (and override) the default prices.

        Raises:
            UserError: the value is not such a mapping.
        """
        if value is None:
            return cls()
        if isinstance(value, PriceTable):
            return value
        raw: Any = value
        if isinstance(value, str):
            try:
                raw = json.loads(value)
            except ValueError as exc:
                raise UserError(f"prices: not valid JSON ({exc})") from exc
        if not isinstance(raw, Mapping):
            raise UserError("prices: expected a mapping of model name to input/output prices")
        prices = dict(DEFAULT_PRICES)
        for model, entry in raw.items():
            try:
                if isinstance(entry, Mapping):
                    pair = (float(entry["input"]), float(entry["output"]))
                else:
                    pair = (float(entry[0]), float(entry[1]))
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                raise UserError(
                    f"prices.{model}: expected {{'input': number, 'output': number}} per million tokens"
                ) from exc
            if pair[0] < 0 or pair[1] < 0:
                raise UserError(f"prices.{model}: prices cannot be negative")
            prices[str(model)] = pair
        return cls(prices)

    def cost(self, model_name: str | None, usage: Usage) -> float:
        """What `usage`'s tokens cost with `model_name`."""
        if not model_name:
            return 0.0
        price = self.prices.get(model_name)
        if price is None:
            # "openai:gpt-4o-mini" or a dated name such as "gpt-4o-mini-2024-07-18"
            name = model_name.split(":", 1)[-1]
            price = self.prices.get(name) or next(
                (p for known, p in self.prices.items() if name.startswith(f"{known}-")), None
            )
        if price is None:
            return 0.0
        return (usage.input_tokens * price[0] + usage.output_tokens * price[1]) / 1_000_000


def model_name(model: Any) -> str | None:
    """The name a chat model reports (`model_name` or `model`), for pricing."""
    for attr in ("model_name", "model"):
        value = getattr(model, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def spent(results: Mapping[str, Mapping[str, Any]], plan_usage: Usage | None = None) -> float:
    """Total spend so far: the plan's and every recorded result's (shadow runs included)."""
    total = plan_usage.cost if plan_usage else 0.0
    for result in results.values():
        total += float((result.get("usage") or {}).get("cost") or 0.0)
    return total


def forecast(
    subtask: Subtask, costs: Mapping[str, float], catalog: ToolCatalog, *, free: bool = False
) -> float | None:
    """Expected spend of a subtask before it runs; None when it is unknown.

    The most a finished subtask with the same tool (or, without a tool, the same agent
    family) spent in this mission (`observed_costs`), at least the tool's declared fixed
    cost. Unknown (None) until one has been observed, unless the tool declares a positive
    fixed cost: a declared cost is the least a call spends (an agent adds model tokens and
    whatever it reports), so 0 or nothing declared says nothing about the spend.

    Args:
        subtask: The subtask.
        costs: `observed_costs` of the mission so far.
        catalog: Tools and their declared costs.
        free: The engine knows the call costs nothing before it runs (a built-in agent whose
            only spend is tokens, on a model without a price).
    """
    spec = catalog.get(subtask.tool) if subtask.tool else None
    declared = spec.cost if spec is not None and spec.cost else None
    observed = costs.get(subtask.tool or f"agent:{subtask.agent}")
    if observed is None:
        return 0.0 if free and declared is None else declared
    return max(observed, declared or 0.0)


def observed_costs(results: Mapping[str, Mapping[str, Any]]) -> dict[str, float]:
    """The most each tool (or agent family, `agent:<name>`) spent in one succeeded subtask."""
    return Spend.of(results).costs


@dataclass
class Spend:
    """Spend so far and the most each tool (or family) cost, kept current as results arrive.

    An eager scheduler asks `admit` once per subtask; recomputing both from every result
    on each call would be quadratic in the size of the mission.
    """

    total: float = 0.0
    """The plan's spend plus every recorded result's (shadow runs included)."""
    costs: dict[str, float] = field(default_factory=dict)
    """What `observed_costs` returns: the most one succeeded subtask spent, by tool or `agent:<family>`."""

    @classmethod
    def of(cls, results: Mapping[str, Mapping[str, Any]], plan_usage: Usage | None = None) -> Spend:
        """The spend of a plan and the results recorded so far."""
        spend = cls(plan_usage.cost if plan_usage else 0.0)
        for result in results.values():
            spend.add(result)
        return spend

    def add(self, result: Mapping[str, Any]) -> None:
        """Count one more result (a `SubtaskResult` as state JSON)."""
        cost = float((result.get("usage") or {}).get("cost") or 0.0)
        self.total += cost
        if result.get("status") != "succeeded":
            return
        for key in (result.get("tool"), f"agent:{result.get('agent')}"):
            if key and cost >= self.costs.get(key, 0.0):
                self.costs[key] = cost


@dataclass
class InFlight:
    """Forecasts of the subtasks admitted and not finished yet.

    With an eager scheduler there are no waves: "admitted at once" means "in flight at
    once", and `admit` counts these forecasts before any new subtask's.
    """

    forecasts: dict[str, float | None] = field(default_factory=dict)
    """Subtask id → its forecast when admitted (None: unknown, it may take everything left)."""
    known: float = 0.0
    unknown: int = 0

    def add(self, sid: str, cost: float | None) -> None:
        """A subtask was admitted with forecast `cost`."""
        self.forecasts[sid] = cost
        if cost is None:
            self.unknown += 1
        else:
            self.known += cost

    def remove(self, sid: str) -> None:
        """A subtask finished (its actual spend is in the results now)."""
        if sid not in self.forecasts:
            return
        cost = self.forecasts.pop(sid)
        if cost is None:
            self.unknown -= 1
        else:
            self.known = self.known - cost if self.forecasts else 0.0


@dataclass(frozen=True)
class Admission:
    """Which ready subtasks may start, which would break the budget, which must wait."""

    admitted: list[str]
    refused: dict[str, str]
    """Subtask id → why (forecast and remaining budget)."""
    deferred: list[str] = field(default_factory=list)
    """Fit the budget alone but not beside what is in flight: asked again when something finishes."""
    forecasts: dict[str, float | None] = field(default_factory=dict)
    """The admitted subtasks' forecasts (None: unknown), for `InFlight.add`."""


def admit(
    wave: Sequence[Subtask],
    budget: float | None,
    results: Mapping[str, Mapping[str, Any]],
    catalog: ToolCatalog,
    plan_usage: Usage | None = None,
    *,
    spend: Spend | None = None,
    in_flight: InFlight | None = None,
    free: Callable[[Subtask], bool] | None = None,
) -> Admission:
    """Admit subtasks in order while spend so far plus their forecasts stay within `budget`.

    The rule, so that parallel subtasks cannot overrun the budget together: the forecasts
    of the subtasks in flight at once (`in_flight`, then those admitted now) add up to at
    most what is left. A subtask whose cost is unknown (`forecast` is None) is forecast
    pessimistically at everything that is left, so it runs alone until its cost is
    observed; spend can then exceed the budget by at most that one subtask's actual cost.
    A subtask whose forecast alone exceeds what is left is refused (skipped); one that
    fits alone but not beside what is in flight waits (`deferred`).

    Args:
        wave: The subtasks asking to start, in order.
        budget: The mission's budget (None: no limit).
        results: The results so far (state JSON), read only when `spend` is not given.
        catalog: Declared tool costs.
        plan_usage: What planning spent.
        spend: The spend so far, kept current by the caller (saves a pass over `results`).
        in_flight: Subtasks admitted earlier and still running.
        free: Whether the engine knows a subtask costs nothing (see `forecast`).
    """
    if budget is None:
        return Admission([s.id for s in wave], {}, forecasts=dict.fromkeys((s.id for s in wave), 0.0))
    spend = spend if spend is not None else Spend.of(results, plan_usage)
    total = spend.total
    left = budget - total
    costs = spend.costs
    busy = in_flight is not None and bool(in_flight.forecasts)
    admitted: list[str] = []
    refused: dict[str, str] = {}
    deferred: list[str] = []
    forecasts: dict[str, float | None] = {}
    planned = 0.0
    if in_flight is not None and busy:
        planned = left if in_flight.unknown else in_flight.known
    for subtask in wave:
        cost = forecast(subtask, costs, catalog, free=free is not None and free(subtask))
        if left <= 0:
            refused[subtask.id] = f"the budget of {budget:g} is spent ({total:.2f} so far)"
        elif cost is not None and cost > left:
            refused[subtask.id] = (
                f"its forecast spend {cost:.2f} would exceed the budget of {budget:g} "
                f"({total:.2f} spent so far)"
            )
        elif cost is None and not admitted and not busy:
            admitted.append(subtask.id)
            forecasts[subtask.id] = None
            planned = left  # unknown cost: it may take everything that is left
        elif cost is not None and planned + cost <= left:
            admitted.append(subtask.id)
            forecasts[subtask.id] = cost
            planned += cost
        else:
            deferred.append(subtask.id)
    return Admission(admitted, refused, deferred, forecasts)
