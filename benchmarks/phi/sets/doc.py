"""A text built piece by piece, with the offsets of the identifiers put in it."""

from __future__ import annotations

import re
from typing import Any


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict[str, Any]] = []
        self.length = 0

    def add(self, text: str, category: str | None = None) -> Doc:
        if category is not None and text.strip():
            lead = len(text) - len(text.lstrip())
            core = text.strip()
            self.spans.append(
                {"category": category, "start": self.length + lead, "end": self.length + lead + len(core)}
            )
        self.parts.append(text)
        self.length += len(text)
        return self

    def fill(self, template: str, values: dict[str, tuple[str, str | None]]) -> Doc:
        """`template` with `{field}`s replaced by values[field] = (text, category)."""
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            self.add(template[pos : m.start()])
            value, category = values[m.group(1)]
            self.add(value, category)
            pos = m.end()
        self.add(template[pos:])
        return self

    def row(self, set_name: str, split: str, index: int) -> dict[str, Any]:
        text = "".join(self.parts)
        for s in self.spans:
            assert text[s["start"] : s["end"]].strip(), s
        return {
            "id": f"{set_name}-{split}-{index:04d}",
            "set": set_name,
            "split": split,
            "text": text,
            "spans": self.spans,
        }
