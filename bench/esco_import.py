"""The ESCO import on the full v1.1.1 files: time, counts against the files, and a second run
that must change nothing.

    .venv/bin/python bench/esco_import.py [--database-url URL]   (default: a temporary SQLite file)
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._esco import ESCO_DIR  # noqa: E402
from models.db import build_engine, session_factory, unit_of_work  # noqa: E402
from models.migrate import upgrade  # noqa: E402
from taxonomy.esco import import_esco  # noqa: E402
from taxonomy.schemas import ESCO_ATTRIBUTION  # noqa: E402


def file_rows(name: str) -> int:
    with (ESCO_DIR / name).open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'esco.db'}"
    upgrade(url)
    factory = session_factory(build_engine(url))
    for run in (1, 2):
        started = time.perf_counter()
        with unit_of_work(factory) as session:
            report = import_esco(session, ESCO_DIR)
        elapsed = time.perf_counter() - started
        changes = ", ".join(f"{name} {change}" for name, change in report.changes.items())
        print(f"run {run}: {elapsed:.1f} s; changed: {report.changed}; {changes}")
    expected = {
        "skills": file_rows("skills_en.csv"),
        "occupations": file_rows("occupations_en.csv"),
        "ISCO groups": file_rows("ISCOGroups_en.csv"),
        "skill-skill relations": file_rows("skillSkillRelations.csv"),
        "broader relations": file_rows("broaderRelationsSkillPillar.csv"),
        "occupation-skill relations": file_rows("occupationSkillRelations.csv")
        - report.skipped_relations,
    }
    for name, rows in report.rows.items():
        check = ""
        if name in expected:
            check = "matches the files" if expected[name] == rows else f"FILES SAY {expected[name]}"
        print(f"  {name:<28} {rows:>7}  {check}")
    print(f"  skipped relations to a missing occupation: {report.skipped_relations}")
    print(ESCO_ATTRIBUTION)


if __name__ == "__main__":
    main()
