"""Shared by the benchmarks: a temporary SQLite database with the starter taxonomy loaded."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select

from models.db import build_engine, session_factory, unit_of_work
from models.migrate import upgrade
from models.taxonomy import SkillConcept
from taxonomy.index import load_index
from taxonomy.normalise import Normaliser
from taxonomy.starter import load_starter

DATA = Path(__file__).resolve().parent / "data"


def starter_normaliser() -> tuple[Normaliser, dict[str, int]]:
    """The normaliser over the starter taxonomy, and the concept id of each starter key."""
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='tandem-bench-')) / 'starter.db'}"
    upgrade(url)
    factory = session_factory(build_engine(url))
    with unit_of_work(factory) as session:
        load_starter(session)
    with factory() as session:
        keys = {key: cid for key, cid in session.execute(select(SkillConcept.key, SkillConcept.id))}
        return Normaliser(load_index(session)), keys
