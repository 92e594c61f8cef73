"""What the engine's process-wide LangGraph patches share: turning one off inside a block.

`pending.py` (linear pending writes) and `serde.py` (the `Send` encoder) each replace one
attribute of LangGraph's with a function whose `__wrapped__` is LangGraph's own. The
benchmark's bare graph runs on stock LangGraph, so each patch's `stock()` puts LangGraph's
function back for the length of a block, and its `install` does nothing while one is open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Patch:
    """One patched attribute: `owner()` gives the object that holds `name`."""

    def __init__(self, owner: Callable[[], Any], name: str) -> None:
        self.owner = owner
        self.name = name
        self.paused = 0
        """Open `stock()` blocks: while any is, the patch's `install` installs nothing."""

    @contextmanager
    def stock(self) -> Iterator[None]:
        """LangGraph's own function inside the block (benchmarks: the bare graph is stock LangGraph)."""
        owner = self.owner()
        current = getattr(owner, self.name)
        self.paused += 1
        setattr(owner, self.name, getattr(current, "__wrapped__", current))
        try:
            yield
        finally:
            self.paused -= 1
            setattr(owner, self.name, current)
