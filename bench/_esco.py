"""Shared by the benchmarks: a temporary SQLite database with the full ESCO files imported."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from models.db import build_engine, session_factory, unit_of_work
from models.migrate import upgrade
from taxonomy.esco import import_esco

ESCO_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "esco"


def esco_database(
    directory: Path = ESCO_DIR, url: str | None = None
) -> tuple[sessionmaker[Session], float]:
    """A migrated database with ESCO imported, and the import time: a SQLite file in a
    temporary folder, or the (empty) database at ``url``."""
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
        url = f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    factory = session_factory(build_engine(url))
    started = time.perf_counter()
    with unit_of_work(factory) as session:
        import_esco(session, directory)
    return factory, time.perf_counter() - started
