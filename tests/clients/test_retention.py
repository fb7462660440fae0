"""Retention: clients inactive past the retention period are anonymised as an erasure does;
the command is a dry run unless --apply, and the nightly job acts only once enabled."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from api.cli import app
from api.scheduler import JOBS_BY_NAME, JobContext, run_job
from config.settings import Settings
from matching.ann import IndexParams
from matching.embedding import Embedder
from matching.engine import Matcher
from models.audit import AuditEvent
from models.client import Client, ClientPersonal, ClientSkill
from models.db import unit_of_work
from tests.world import World

runner = CliRunner()
TODAY = date.today()


def _age(db: sessionmaker[Session], client_id: int, days: int) -> None:
    """The client as if created, and last changed, ``days`` ago with no contact since."""
    then = datetime.now(UTC) - timedelta(days=days)
    with unit_of_work(db) as session:
        session.execute(
            update(Client).where(Client.id == client_id).values(created_at=then, updated_at=then)
        )


def _state(db: sessionmaker[Session], client_id: int) -> tuple[str, int, bool, int]:
    with unit_of_work(db) as session:
        client = session.get(Client, client_id)
        assert client is not None
        skills = len(
            session.scalars(select(ClientSkill).where(ClientSkill.client_id == client_id)).all()
        )
        personal = session.get(ClientPersonal, client_id) is not None
        erasures = len(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "erase", AuditEvent.entity_id == str(client_id)
                )
            ).all()
        )
        return client.given_name, skills, personal, erasures


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("TANDEM_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("TANDEM_SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("TANDEM_ENV", "test")
    monkeypatch.setenv("TANDEM_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("TANDEM_SEMANTIC_RECOGNITION", "false")
    monkeypatch.setenv("TANDEM_RETENTION_INACTIVE_DAYS", "1000")
    return settings


def test_the_command_is_a_dry_run_unless_apply(world: World, cli_env: Settings) -> None:
    db = world.build.db
    old, recent = world.ids["client_private"], world.ids["client_a"]
    _age(db, old, 1200)

    dry = runner.invoke(app, ["clients", "anonymise-inactive"])
    assert dry.exit_code == 0, dry.output
    assert f"client {old} Jovana Ilić" in dry.output
    assert f"client {recent} " not in dry.output
    assert "1 client(s) inactive for more than 1000 days would be anonymised" in dry.output
    assert _state(db, old) == ("Jovana", 1, True, 0)

    applied = runner.invoke(app, ["clients", "anonymise-inactive", "--apply"])
    assert applied.exit_code == 0, applied.output
    assert f"client {old} Jovana Ilić" in applied.output
    assert _state(db, old) == ("", 0, False, 1)
    assert _state(db, recent)[0] == "Amina"
    again = runner.invoke(app, ["clients", "anonymise-inactive", "--apply"])
    assert "0 client(s)" in again.output


def test_a_recent_contact_keeps_a_client(world: World, cli_env: Settings) -> None:
    db = world.build.db
    old = world.ids["client_private"]
    _age(db, old, 1200)
    shorter = runner.invoke(app, ["clients", "anonymise-inactive", "--days", "2000"])
    assert "0 client(s) inactive for more than 2000 days" in shorter.output


def test_the_nightly_job_anonymises_only_once_enabled(
    world: World, settings: Settings, embedder: Embedder
) -> None:
    db = world.build.db
    old = world.ids["client_private"]
    _age(db, old, 1200)
    matcher = Matcher(embedder, settings.index_dir, IndexParams())
    off = JobContext(settings, lambda: matcher)
    outcome = run_job(db, JOBS_BY_NAME["retention"], TODAY, off)
    assert "retention is off" in outcome.summary
    assert _state(db, old)[0] == "Jovana"

    enabled = settings.model_copy(
        update={"retention_enabled": True, "retention_inactive_days": 1000}
    )
    on = JobContext(enabled, lambda: matcher)
    outcome = run_job(db, JOBS_BY_NAME["retention"], TODAY + timedelta(days=1), on)
    assert outcome.summary.startswith("1 client(s)")
    assert _state(db, old) == ("", 0, False, 1)
