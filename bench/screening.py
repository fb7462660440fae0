"""Screening quality on labelled requirement lines in English, French, German and Spanish
(bench/data/screening_lines.csv: a third of them legitimate look-alikes). Prints precision and
recall per ground and overall.

    .venv/bin/python bench/screening.py [--show-errors]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from employers.screening import Ground, Screener  # noqa: E402

LINES = Path(__file__).resolve().parent / "data" / "screening_lines.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    screener = Screener.from_files()
    with LINES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    flagged_right = flagged = should_flag = 0
    errors = []
    started = time.perf_counter()
    for row in rows:
        expected = row["ground"].strip()
        found = {f.ground for f in screener.screen(row["text"])}
        for ground in found:
            if ground == expected:
                tp[ground] += 1
            else:
                fp[ground] += 1
        if expected and expected not in found:
            fn[expected] += 1
        flagged += bool(found)
        should_flag += bool(expected)
        flagged_right += bool(found) and bool(expected)
        if (expected and expected not in found) or (found - {expected}):
            errors.append((row["language"], expected or "-", sorted(found), row["text"]))
    elapsed = time.perf_counter() - started
    legit = sum(1 for r in rows if not r["ground"].strip())
    print(
        f"{len(rows)} lines ({legit} legitimate look-alikes), "
        f"{len(screener.rules)} rules, {elapsed * 1000 / len(rows):.2f} ms per line"
    )
    print(f"{'ground':<20} {'precision':>9} {'recall':>7} {'lines':>6}")
    for ground in Ground:
        g = ground.value
        lines = tp[g] + fn[g]
        precision = tp[g] / (tp[g] + fp[g]) if tp[g] + fp[g] else 1.0
        recall = tp[g] / lines if lines else 1.0
        print(f"{g:<20} {precision:>9.3f} {recall:>7.3f} {lines:>6}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(
        f"{'overall (ground)':<20} {all_tp / max(all_tp + all_fp, 1):>9.3f} "
        f"{all_tp / max(all_tp + all_fn, 1):>7.3f} {all_tp + all_fn:>6}"
    )
    print(
        f"{'overall (line held)':<20} {flagged_right / max(flagged, 1):>9.3f} "
        f"{flagged_right / max(should_flag, 1):>7.3f} {should_flag:>6}"
    )
    for language in ("en", "fr", "de", "es"):
        subset = [r for r in rows if r["language"] == language]
        wrong = sum(1 for e in errors if e[0] == language)
        print(f"  {language}: {len(subset)} lines, {wrong} with an error")
    if args.show_errors:
        for language, want, got, text in errors:
            print(f"  [{language}] expected {want}, found {got}: {text}")


if __name__ == "__main__":
    main()
