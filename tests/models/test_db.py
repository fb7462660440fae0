from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from models.audit import AuditEvent, AuditIsAppendOnly
from models.db import build_engine, unit_of_work
from models.registry import metadata


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path}/sub/dir/t.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    engine.dispose()


def test_migrations_build_exactly_the_schema_the_models_describe(db_url: str) -> None:
    engine = build_engine(db_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_foreign_keys_are_enforced(sessions: sessionmaker[Session]) -> None:
    from sqlalchemy.exc import IntegrityError

    from models.company import ContactPerson

    with unit_of_work(sessions) as session:
        session.add(ContactPerson(company_id=999, name="Nobody"))
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()


def test_audit_events_cannot_be_changed_or_deleted(sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        session.add(AuditEvent(action="create", entity="company", entity_id="1", fields=["name"]))
    with sessions() as session:
        event = session.query(AuditEvent).one()
        event.action = "delete"
        with pytest.raises(AuditIsAppendOnly):
            session.flush()
        session.rollback()
        session.delete(session.query(AuditEvent).one())
        with pytest.raises(AuditIsAppendOnly):
            session.flush()
    with unit_of_work(sessions) as session:
        assert session.query(AuditEvent).one().action == "create"


def test_the_database_itself_refuses_to_change_audit_events(
    sessions: sessionmaker[Session],
) -> None:
    from sqlalchemy.exc import DBAPIError

    with unit_of_work(sessions) as session:
        session.add(AuditEvent(action="read", entity="client", entity_id="7", fields=[]))
    for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"):
        with sessions() as session:
            with pytest.raises(DBAPIError, match="append-only"):
                session.execute(text(statement))
            session.rollback()
    with sessions() as session:
        assert session.query(AuditEvent).one().action == "read"


def test_upgrading_moves_offer_transitions_into_the_one_status_history(tmp_path: Path) -> None:
    import sqlite3

    from models.migrate import upgrade

    url = f"sqlite:///{tmp_path}/old.db"
    upgrade(url, "0006")
    with sqlite3.connect(tmp_path / "old.db") as conn:  # foreign keys off: bare history rows
        conn.executemany(
            "INSERT INTO offer_transitions (offer_id, from_status, to_status, actor_id, reason, at)"
            " VALUES (?, ?, ?, NULL, ?, ?)",
            [
                (7, "draft", "submitted", None, "2026-11-01 09:00:00"),
                (
                    7,
                    "submitted",
                    "held",
                    "screening found: age",
                    "2026-11-01 09:00:01",
                ),
                (8, "draft", "submitted", None, "2026-11-02 10:00:00"),
            ],
        )
    upgrade(url)
    engine = build_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT entity, entity_id, from_status, to_status, reason FROM status_changes"
                " ORDER BY id"
            )
        ).all()
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        assert "offer_transitions" not in set(tables)
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("offer", 7, "draft", "submitted", None),
        ("offer", 7, "submitted", "held", "screening found: age"),
        ("offer", 8, "draft", "submitted", None),
    ]
