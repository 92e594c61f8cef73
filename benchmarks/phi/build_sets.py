"""Write the independent evaluation sets into benchmarks/phi/data/sets/ (fixed seeds, Faker).

    python benchmarks/phi/build_sets.py

Sets: clinical_a (generator A; dev), clinical_b (generator B; test), intl (Faker PII
sentences, dev and test templates), benign_marketing and benign_clinical (dev and test
templates). Each line: {"id", "set", "split", "text", "spans": [{category, start, end}]}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import benign, clinical_a, clinical_b, intl

OUT = Path(__file__).resolve().parent / "data" / "sets"


def build() -> dict[str, int]:
    plan = {
        ("clinical_a", "dev"): clinical_a.generate(300, 1101),
        ("clinical_b", "test"): clinical_b.generate(300, 2202),
        ("intl", "dev"): intl.generate(300, 3303, "dev"),
        ("intl", "test"): intl.generate(300, 4404, "test"),
        ("benign_marketing", "dev"): benign.generate("marketing", 200, 5505, "dev"),
        ("benign_marketing", "test"): benign.generate("marketing", 200, 6606, "test"),
        ("benign_clinical", "dev"): benign.generate("clinical", 200, 7707, "dev"),
        ("benign_clinical", "test"): benign.generate("clinical", 200, 8808, "test"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {}
    for (name, split), docs in plan.items():
        path = OUT / f"{name}.{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, doc in enumerate(docs):
                fh.write(json.dumps(doc.row(name, split, i), ensure_ascii=False) + "\n")
        counts[path.name] = len(docs)
    return counts


if __name__ == "__main__":
    for name, n in build().items():
        print(f"{name}: {n}")
