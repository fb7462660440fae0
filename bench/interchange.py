"""Interchange on real-shaped documents: imports the JobPosting corpus
(tests/fixtures/jobpostings/, 28 documents in the shapes schema.org and Google document) into a
fresh SQLite database with two employers on record, then imports it again. Prints documents
imported, refused (with field and reason), offers created, employers matched and created as
prospects, and what the second import changed (duplicates must be 0).

    .venv/bin/python bench/interchange.py [--corpus DIR]

The corpus was written alongside the reader, so its import rate is optimistic for documents
from the wild; the refusals listed are the ones the corpus asks for.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from accounts.users import actor_for  # noqa: E402
from config.settings import Settings  # noqa: E402
from employers.jobposting import (  # noqa: E402
    JOBPOSTING_FIELDS,
    ImportContext,
    ImportReport,
    import_offers,
    jobposting_rows,
)
from employers.offers import Review  # noqa: E402
from employers.screening import Screener  # noqa: E402
from models.company import Company, SizeClass  # noqa: E402
from models.db import build_engine, session_factory, unit_of_work  # noqa: E402
from models.migrate import upgrade  # noqa: E402
from models.offer import Offer  # noqa: E402
from models.user import Role, User  # noqa: E402
from places.geo import import_gazetteer, read_gazetteer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "jobpostings"
POSTCODES = ROOT / "tests" / "fixtures" / "postcodes.csv"


def _documents(corpus: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.jsonld"))]


def _summary(label: str, report: ImportReport, seconds: float, documents: int) -> None:
    outcomes = [r.outcome for r in report.rows]
    print(
        f"{label}: {documents} documents in {seconds:.2f} s "
        f"({seconds * 1000 / max(documents, 1):.1f} ms each): "
        f"imported {sum(o != 'refused' for o in outcomes)}, "
        f"refused {outcomes.count('refused')}; offers created {len(report.created)}, "
        f"updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
        f"held by screening {len(report.held)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    documents = _documents(args.corpus)
    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/interchange.db"
        upgrade(url)
        engine = build_engine(url)
        sessions = session_factory(engine)
        with unit_of_work(sessions) as session:
            import_gazetteer(session, read_gazetteer(POSTCODES))
            liaison = User(
                email="liaison@bench.example",
                display_name="bench",
                role=Role.liaison,
                password_hash="x",
            )
            where = {"country": "AT", "postcode": "1100", "latitude": 48.15, "longitude": 16.38}
            session.add_all(
                [
                    liaison,
                    Company(
                        name="Gasthaus Zur Linde",
                        registration_number="FN 100001a",
                        nace_code="56",
                        size_class=SizeClass.small,
                        **where,
                    ),
                    Company(
                        name="Logistik Ost GmbH",
                        nace_code="52",
                        size_class=SizeClass.small,
                        **where,
                    ),
                ]
            )
            session.flush()
            actor = actor_for(liaison)
        context = ImportContext(
            default_country=settings.default_country,
            normaliser=None,
            review=Review(Screener.from_files()),
            today=date.today(),
            match_threshold=settings.import_company_match,
            field_names=JOBPOSTING_FIELDS,
        )
        reports = []
        for label in ("first import", "second import"):
            with unit_of_work(sessions) as session:
                started = time.perf_counter()
                report = import_offers(session, actor, jobposting_rows(documents), context)
                elapsed = time.perf_counter() - started
            reports.append(report)
            _summary(label, report, elapsed, len(documents))
        first, second = reports
        matched = sum(r.company_outcome == "matched" for r in first.rows)
        print(
            f"employers: matched {matched} on record, created {len(first.prospects)} as prospects"
        )
        print("refused (row: field: reason):")
        for row in first.refused:
            print(f"  {row.row}: {row.field}: {row.message}")
        noted = [(r.row, n) for r in first.rows for n in r.notes]
        print(f"notes on imported rows: {len(noted)}")
        for row_number, note in noted:
            print(f"  {row_number}: {note}")
        with sessions() as session:
            offers = session.scalar(select(func.count()).select_from(Offer)) or 0
            companies = session.scalar(select(func.count()).select_from(Company)) or 0
        print(
            f"re-import: duplicates {len(second.created)}, updated {len(second.updated)}, "
            f"new prospects {len(second.prospects)}; database holds {offers} offers, "
            f"{companies} companies"
        )
        engine.dispose()


if __name__ == "__main__":
    main()
