"""Dump the detector's findings on a fixed corpus, or diff them against an earlier dump.

    python benchmarks/phi/findings.py --out /tmp/phi-before.json
    python benchmarks/phi/findings.py --check /tmp/phi-before.json

For speed work that must not change what is found: every finding (category, start, end,
score) of `detect_phi` on every text of the corpus. The corpus: every text of the
evaluation sets (benchmarks/phi/data/sets/, the benign ones included) and of the template
splits (data/dev.jsonl, data/test.jsonl); each of them lower-cased, upper-cased and
title-cased; the sets' texts packed into ~1 KB and ~10 KB texts (as `run.py` packs them);
the string literals of the PHI tests; and the linear-time units repeated. `--check` prints
every text whose findings differ (first 20) and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

from run import packed  # noqa: E402  (this folder, as run.py's own imports)

from global_orchestrator.policies import detect_phi  # noqa: E402


def corpus() -> list[str]:
    """The texts, in a fixed order."""
    base: list[str] = []
    for path in sorted((HERE / "data" / "sets").glob("*.jsonl")):
        base += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    for name in ("dev.jsonl", "test.jsonl"):
        lines = (HERE / "data" / name).read_text(encoding="utf-8").splitlines()
        base += [json.loads(line)["text"] for line in lines if line]
    texts = list(base)
    for variant in (str.lower, str.upper, str.title):
        texts += [variant(t) for t in base]
    shuffled = list(base)
    random.Random(12).shuffle(shuffled)
    for size, count in ((1_000, 1_500), (10_000, 60)):
        texts += packed(shuffled, size, count)
    texts += _test_literals()
    units = (
        "Mr. ",
        "7",
        "Alpha Bravo Charlie ",
        "[A]",
        "+1",
        "Mr. Mr. [A] +1 +1 7777 Alpha Bravo, Charlie 12/12 ",
    )
    texts += [(u * (2_000 // len(u) + 1))[:2_000] for u in units]
    return texts


def _test_literals() -> list[str]:
    """Every string literal of the PHI and security tests (what they feed the detector, and more)."""
    out: list[str] = []
    paths = sorted((ROOT / "tests" / "unit").glob("test_phi_*.py")) + sorted(
        (ROOT / "tests" / "security").glob("*.py")
    )
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
                out.append(node.value)
    return sorted(set(out))


def dump(texts: list[str]) -> list[list[tuple[str, int, int, float]]]:
    return [[(f.category, f.start, f.end, f.score) for f in detect_phi(t)] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path)
    group.add_argument("--check", type=Path)
    parser.add_argument(
        "--show", type=int, default=20, help="with --check: differing texts printed (default 20)"
    )
    args = parser.parse_args()
    texts = corpus()
    start = time.process_time()
    found = dump(texts)
    seconds = time.process_time() - start
    print(f"{len(texts)} texts, {sum(map(len, texts)) / 1e6:.2f} MB, {seconds:.1f} s CPU")
    if args.out:
        args.out.write_text(json.dumps({"texts": texts, "findings": found}), encoding="utf-8")
        print(f"wrote {args.out}")
        return
    before = json.loads(args.check.read_text(encoding="utf-8"))
    old = dict(zip(before["texts"], before["findings"], strict=True))
    diffs = 0
    for text, now in zip(texts, found, strict=True):
        was = old.get(text)
        if was is None:
            continue
        now_list = [list(f) for f in now]
        if was != now_list:
            diffs += 1
            if diffs <= args.show:
                print(f"DIFF {text[:300]!r}")
                for f in was:
                    if f not in now_list:
                        print(f"   - {f} {text[f[1] : f[2]]!r}")
                for f in now_list:
                    if f not in was:
                        print(f"   + {f} {text[f[1] : f[2]]!r}")
    print(f"{diffs} texts differ")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
