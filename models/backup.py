"""Backups of a SQLite database with SQLite's online backup API, and restores.

The backup API copies a consistent snapshot page by page while the server keeps reading and
writing (WAL mode): no need to stop Tandem. PostgreSQL has its own tools, ``pg_dump`` and
``pg_restore``; these functions refuse its URLs and say so.

A backup holds personal data: see "Backups" in the README for where to keep it and how long.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

POSTGRES_ADVICE = (
    "this is a PostgreSQL database: back it up with pg_dump "
    "(pg_dump --format=custom --file=tandem.dump DBNAME) and restore it with pg_restore "
    "(pg_restore --clean --if-exists --dbname=DBNAME tandem.dump); see the README"
)


class BackupError(ValueError):
    pass


def sqlite_path(url: str) -> Path:
    """The file of a SQLite URL; PostgreSQL and in-memory databases are refused."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(POSTGRES_ADVICE)
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(parsed.database)


def backup(url: str, target: Path, pages_per_step: int = 1024) -> int:
    """Copy the database at ``url`` into ``target`` (a new file) while it keeps serving;
    returns the number of tables copied."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError(f"{source_path} does not exist")
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination, pages=pages_per_step)
        tables = destination.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
    finally:
        destination.close()
        source.close()
    return int(tables)


def _revision(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a Tandem backup ({exc})") from None
    finally:
        connection.close()
    if row is None:
        raise BackupError(f"{path} is not a Tandem backup (no schema revision)")
    return str(row[0])


def restore(source: Path, url: str, replace: bool = False) -> str:
    """Copy the backup ``source`` into the database at ``url`` and return its schema revision.
    An existing database is replaced only when asked (``replace``)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    target_path = sqlite_path(url)
    revision = _revision(source)
    if target_path.exists() and target_path.stat().st_size > 0 and not replace:
        raise BackupError(f"{target_path} exists already: pass --replace to overwrite it")
    target_path.parent.mkdir(parents=True, exist_ok=True)
    backup_file = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(target_path)
    try:
        backup_file.backup(destination)
    finally:
        destination.close()
        backup_file.close()
    return revision
