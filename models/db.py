"""The one way to open a database session: engines built at start-up, sessions per unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Select, create_engine, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from models.errors import StaleVersion

SQLITE_BUSY_TIMEOUT_MS = 5000
Row = TypeVar("Row")


Locked = TypeVar("Locked", bound=DeclarativeBase)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def build_engine(url: str, **options: Any) -> Engine:
    """An engine for SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, from one URL;
    ``options`` go to ``create_engine`` (a larger ``pool_size`` for many threads at once)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            **options,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True, **options)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back when it raises."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def fetch_page(
    session: Session, query: Select[Row], limit: int, offset: int
) -> tuple[list[Row], int]:
    """One page of a query's rows and the total number of rows it matches."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.limit(limit).offset(offset)).all()
    return list(rows), total or 0


def begin_write(session: Session) -> None:
    """Make the session's transaction a writer now, before it counts what it will decide on.

    On SQLite the whole database has one writer. Python's sqlite3 driver in its default
    ("legacy") transaction mode, which SQLAlchemy's pysqlite dialect keeps, runs SELECTs outside
    any transaction and emits a deferred BEGIN only before the first INSERT/UPDATE/DELETE, so a
    count read before that write may already be stale when the row is inserted. ``BEGIN
    IMMEDIATE`` takes the write lock first (waiting up to the busy timeout); every read after it
    sees the latest committed rows, and nobody else commits until this transaction ends. A
    connection already in a transaction got there through a write, so it already holds the lock.
    On PostgreSQL this is a no-op: ``lock_rows`` takes row locks there.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_rows(session: Session, model: type[Locked], ids: list[int]) -> list[Locked]:
    """The rows re-read under a lock held until the transaction ends, so that a decision on
    them (places left, a tutor's free slots) cannot be taken twice at once: ``SELECT ... FOR
    UPDATE`` on PostgreSQL (in id order, so deciders never deadlock on each other), the database
    write lock on SQLite (``begin_write``). Objects already in the session are refreshed.
    ``FOR NO KEY UPDATE`` rather than ``FOR UPDATE``: it still excludes a second decider, but
    not the key-share locks that inserting a row referencing the locked one takes."""
    begin_write(session)
    if not ids:
        return []
    key = inspect(model).primary_key[0]
    rows = session.scalars(
        select(model)
        .where(key.in_(sorted(set(ids))))
        .order_by(key)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    ).all()
    return list(rows)


def check_version(
    session: Session, row: DeclarativeBase, expected: int | None, entity: str
) -> None:
    """Refuse (409 with the current version) a write made against a version of ``row`` other
    than the current one. The row is re-read under ``lock_rows`` first, so the comparison and
    the write that follows are one decision. A write that sends no version is accepted as
    before; the version counter still refuses it if the row changes between its read and its
    write (SQLAlchemy's ``StaleDataError``, a 409 too)."""
    if expected is None:
        return
    identity = inspect(row).identity
    assert identity is not None
    lock_rows(session, type(row), [identity[0]])
    current = getattr(row, "version")  # noqa: B009 - every versioned class names it so
    if current != expected:
        raise StaleVersion(entity, identity[0], expected, current)
