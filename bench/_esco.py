"""Shared by the benchmarks: a SQLite database with the full ESCO files imported."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.db import build_engine, session_factory, unit_of_work
from models.migrate import upgrade
from models.taxonomy import SkillConcept
from taxonomy.esco import import_esco
from taxonomy.starter import load_starter

ESCO_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "esco"


def esco_database(
    directory: Path = ESCO_DIR,
    path: Path | None = None,
    starter: bool = False,
    url: str | None = None,
) -> tuple[sessionmaker[Session], float]:
    """A migrated database with ESCO imported (and the starter taxonomy when asked), and the
    import time: the (empty or filled) database at ``url``; else a SQLite file at ``path``,
    kept between runs (so embeddings stored in it are reused); else one in a fresh temporary
    folder."""
    if url is None:
        if path is None:
            path = Path(tempfile.mkdtemp(prefix="tandem-bench-")) / "bench.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
    upgrade(url)
    factory = session_factory(build_engine(url))
    started = time.perf_counter()
    with factory() as session:
        esco = session.scalar(
            select(func.count()).select_from(SkillConcept).where(SkillConcept.source == "esco")
        )
    if not esco:
        with unit_of_work(factory) as session:
            import_esco(session, directory)
    if starter:  # idempotent: brings a kept database in line with the shipped files
        with unit_of_work(factory) as session:
            load_starter(session)
    return factory, time.perf_counter() - started
