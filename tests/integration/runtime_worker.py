"""A process of the multi-process test: N concurrent missions through one runtime on a shared database.

    python -m tests.integration.runtime_worker DB_URL N PREFIX

Prints one JSON line: how many completed, and how many results carried another mission's data.
"""

from __future__ import annotations

import asyncio
import json
import sys

from global_orchestrator import Orchestrator
from tests.integration.test_runtime import AGENTS, mission_and_plan


async def main(db: str, n: int, prefix: str) -> None:
    pairs = [mission_and_plan(prefix) for _ in range(n)]
    async with Orchestrator(db=db, agents=AGENTS) as orchestrator:
        results = await asyncio.gather(
            *(orchestrator.run(m, plan=p) for m, p in pairs), return_exceptions=True
        )
    completed = mixed = 0
    for (mission, _), result in zip(pairs, results, strict=True):
        if isinstance(result, BaseException):
            print(f"{mission.id}: {type(result).__name__}: {result}", file=sys.stderr)
            continue
        completed += result.success and result.status == "completed"
        mixed += any(r.output.get("mission") != mission.id for r in result.results.values())
    print(json.dumps({"completed": completed, "mixed_up": mixed}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
