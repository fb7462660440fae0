"""Extraction from whole texts: 30 job ads and 30 client paragraphs annotated with the concepts
they contain (bench/data/extract_corpus.json). Prints concept precision and recall.

    .venv/bin/python bench/extract.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._starter import DATA, starter_normaliser  # noqa: E402
from taxonomy.extract import extract  # noqa: E402


def main() -> None:
    normaliser, ids = starter_normaliser()
    corpus = json.loads((DATA / "extract_corpus.json").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    started = time.perf_counter()
    for item in corpus:
        expected = {ids[key] for key in item["concepts"]}
        found = {
            m.concept_id
            for phrase in extract(normaliser, item["text"], normaliser.thresholds.proposal)
            for m in phrase.matches
        }
        counts = totals.setdefault(item["kind"], [0, 0, 0])
        counts[0] += len(found & expected)
        counts[1] += len(found)
        counts[2] += len(expected)
    elapsed = time.perf_counter() - started
    overall = [sum(c[i] for c in totals.values()) for i in range(3)]
    for kind, (right, n_found, n_expected) in [*totals.items(), ("all", overall)]:
        print(
            f"{kind:<7} precision {right / max(n_found, 1):.3f}"
            f"  recall {right / max(n_expected, 1):.3f}"
            f"  ({right} right of {n_found} found, {n_expected} annotated)"
        )
    print(f"{len(corpus)} texts in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
