"""Informal experience: statements people write about their lives, mapped to the skills a
careful caseworker would expect (bench/data/informal_statements.csv, written apart from the
taxonomy's own phrases). Prints top-1 and top-3 accuracy.

    .venv/bin/python bench/informal.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._starter import DATA, starter_normaliser  # noqa: E402


def main() -> None:
    normaliser, ids = starter_normaliser()
    with (DATA / "informal_statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    top1 = top3 = 0
    how: Counter[str] = Counter()
    misses = []
    for row in rows:
        expected = {ids[k.strip()] for k in row["expected"].split("|") if k.strip()}
        found = normaliser.normalise(row["statement"], limit=3)
        ranked = [m.concept_id for m in found]
        if ranked and ranked[0] in expected:
            top1 += 1
            how[found[0].how.value] += 1
        if expected & set(ranked):
            top3 += 1
        else:
            misses.append(row["statement"])
    n = len(rows)
    print(f"{n} informal statements ({len({r['expected'] for r in rows})} distinct expectations)")
    print(f"top-1 accuracy {top1 / n:.3f}, top-3 accuracy {top3 / n:.3f}")
    print("top-1 hits by how they were found: " + ", ".join(f"{k} {v}" for k, v in how.items()))
    for statement in misses[:10]:
        print(f"  missed: {statement}")


if __name__ == "__main__":
    main()
