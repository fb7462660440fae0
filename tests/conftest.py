"""Test databases are real: a migrated SQLite file and, where configured, PostgreSQL.

Each test gets a fresh copy of a database migrated once per session (a file copy for SQLite,
``CREATE DATABASE ... TEMPLATE`` for PostgreSQL), so tests never see each other's rows.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from matching.embedding import BUNDLED_MODEL, Embedder, load_embedder
from models.db import build_engine, session_factory, unit_of_work
from models.migrate import upgrade
from places.geo import import_gazetteer, read_gazetteer

pytest_plugins = ["tests.world"]

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL_VAR = "TANDEM_TEST_POSTGRES_URL"
TEST_SECRET = "test-secret-key-of-sufficient-length-0123456789"


def _prepare(url: str) -> None:
    """Migrate and load the small test gazetteer."""
    upgrade(url)
    engine = build_engine(url)
    with unit_of_work(session_factory(engine)) as session:
        import_gazetteer(session, read_gazetteer(FIXTURES / "postcodes.csv"))
    engine.dispose()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The embedding model, loaded once per test session."""
    return load_embedder(BUNDLED_MODEL)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    _prepare(f"sqlite:///{path}")
    return path


class PostgresDatabases:
    """Creates the per-session template and the per-test copies on one PostgreSQL server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        suffix = os.getpid()
        self.template = f"tandem_template_{suffix}"
        self.current = f"tandem_case_{suffix}"
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._execute(f'CREATE DATABASE "{self.template}"')
        _prepare(self.url_for(self.template))

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def url_for(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def fresh(self) -> str:
        self._execute(f'DROP DATABASE IF EXISTS "{self.current}"')
        self._execute(f'CREATE DATABASE "{self.current}" TEMPLATE "{self.template}"')
        return self.url_for(self.current)

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.current}"')
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    url = os.environ.get(POSTGRES_URL_VAR)
    if not url:
        message = f"{POSTGRES_URL_VAR} is not set: PostgreSQL tests skipped"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}, but CI must run them")
        pytest.skip(message)
    databases = PostgresDatabases(url)
    yield databases
    databases.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "tandem.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    databases: PostgresDatabases = request.getfixturevalue("postgres")
    return databases.fresh()


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        env="test",
        database_url=db_url,
        secret_key=TEST_SECRET,
        index_dir=tmp_path / "index",
        scheduler_enabled=False,
        log_level="WARNING",
        # Recognition by meaning embeds every concept label of a fresh database: the tests that
        # are about it turn it on.
        semantic_recognition=False,
    )


@pytest.fixture
def sessions(settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = build_engine(settings.database_url)
    yield session_factory(engine)
    engine.dispose()
