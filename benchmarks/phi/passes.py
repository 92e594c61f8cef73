"""What the second reading of `detect_phi` costs, and what reading less would change.

    python benchmarks/phi/passes.py                  # share of the time, how often, what changes
    python benchmarks/phi/passes.py --fold-reach 120 --diff

`detect_phi` reads a text once, its written-out `\\n` as line breaks (`_lines`; until the
fifteenth build it read the text as it is and again around each `\\n`), and again folded
(`_phi_fold`) when folding changes it. On the sets' texts packed to 1 KB (as `run.py` packs
them) this prints the CPU time of the first reading alone against `detect_phi`, how many texts
the folded reading concerns and how many texts' findings it changes. With `--fold-reach` it
times a variant whose folded reading covers only the stretches within that many characters of
what folding changed, alternated with the detector as it is; `--diff` counts the texts of
`findings.py`'s corpus whose findings the variant changes. The variant is a measuring copy of
`detect_phi` (DESIGN-NOTES, "PHI detector speed, eighth pass"), not a build of the detector:
the per-text decisions make any such variant change findings.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import packed  # noqa: E402  (this folder, as run.py's own imports)

from global_orchestrator.policies import phi_detector as detector  # noqa: E402
from global_orchestrator.policies._phi_fold import Folded, fold  # noqa: E402
from global_orchestrator.policies._phi_spans import Span  # noqa: E402

Found = list[tuple[str, int, int, float]]


def packed_texts(count: int) -> list[str]:
    base: list[str] = []
    for path in sorted((HERE / "data" / "sets").glob("*.jsonl")):
        base += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    random.Random(12).shuffle(base)
    return packed(base, 1_000, count)


def _changed(text: str, folded: Folded) -> list[int]:
    """Offsets in the folded text of what folding changed: a character rewritten, put in, or after one taken out."""
    if folded.starts is None or folded.ends is None:
        return [i for i, (a, b) in enumerate(zip(folded.text, text, strict=True)) if a != b]
    starts, ends = folded.starts, folded.ends
    changed = [
        i
        for i, c in enumerate(folded.text)
        if ends[i] - starts[i] != 1 or text[starts[i]] != c or (i and ends[i - 1] != starts[i])
    ]
    if not folded.text or ends[-1] != len(text):  # taken out at the end
        changed.append(max(0, len(folded.text) - 1))
    return changed


def variant(text: str, fold_reach: int | None = None, folding: bool = True) -> Found:
    """`detect_phi(text)` with a narrower folded reading (None: as `detect_phi` reads), or without it."""
    view = detector._lines(text)
    spans = detector._detect_phi(view)
    text = view
    folded = fold(text) if folding else None
    if folded is not None:
        stretches = [(0, len(folded.text))]
        if fold_reach is not None:
            stretches = []
            for i in _changed(text, folded):
                low, high = max(0, i - fold_reach), min(len(folded.text), i + 1 + fold_reach)
                if stretches and low <= stretches[-1][1]:
                    stretches[-1] = (stretches[-1][0], high)
                else:
                    stretches.append((low, high))
        for low, high in stretches:
            for s in detector._detect_phi(folded.text[low:high]):
                start, end = folded.span(low + s.start, low + s.end)
                spans.append(Span(s.category, start, end, s.score))
        spans = detector._resolve(text, spans)
    return [(s.category, s.start, s.end, s.score) for s in spans]


def cpu(texts: list[str], read: Callable[[str], object]) -> float:
    start = time.process_time()
    for text in texts:
        read(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=1_500, help="packed 1 KB texts (default 1,500)")
    parser.add_argument("--fold-reach", type=int, help="folded reading this near a change (the variant)")
    parser.add_argument("--diff", action="store_true", help="the variant against the corpus of findings.py")
    args = parser.parse_args()
    texts = packed_texts(args.texts)
    for text in texts[:50]:  # warm the word lists and caches
        detector.detect_phi(text)
    same = all(
        variant(t) == [(f.category, f.start, f.end, f.score) for f in detector.detect_phi(t)] for t in texts
    )
    assert same, "the measuring copy no longer reads as detect_phi does"
    for round_ in (1, 2):  # alternated: a shared machine's load moves both alike
        first = cpu(texts, lambda t: detector._detect_phi(detector._lines(t)))
        whole = cpu(texts, detector.detect_phi)
        print(
            f"round {round_}: {len(texts)} packed 1 KB texts, first reading {first:.2f} s, detect_phi "
            f"{whole:.2f} s CPU: the folded reading {(whole - first) / whole:.0%} of the time"
        )
    escaped = sum("\\n" in t for t in texts)
    folding = [t for t in texts if fold(detector._lines(t)) is not None]
    print(f"  written-out \\n (read once, as lines): {escaped} texts")
    print(
        f"  folded: {len(folding)} texts ({sum(fold(detector._lines(t)).starts is None for t in folding)} in case only)"
    )  # type: ignore[union-attr]
    changed = sum(variant(t) != variant(t, folding=False) for t in folding)
    print(f"  texts whose findings the folded reading changes: {changed} of {len(folding)}")
    if args.fold_reach is None:
        return
    for round_ in (1, 2):
        plain = cpu(texts, variant)
        narrow = cpu(texts, lambda t: variant(t, args.fold_reach))
        print(
            f"round {round_}: as is {len(texts) / plain:.0f} texts/s, variant {len(texts) / narrow:.0f} texts/s"
        )
    if args.diff:
        from findings import corpus

        texts = corpus()
        differ = sum(variant(t) != variant(t, args.fold_reach) for t in texts)
        print(f"variant: {differ} of {len(texts)} corpus texts differ")


if __name__ == "__main__":
    main()
