"""Backup and restore: a backup taken while Tandem serves, restored into a new database with
its indexes rebuilt, gives the same shortlist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from config.settings import Settings
from matching.embedding import Embedder
from models.db import build_engine, unit_of_work
from tests.api.test_shortlists import add_client, add_offer
from tests.world import World
from web.app import create_app

runner = CliRunner()


def _env(monkeypatch: pytest.MonkeyPatch, settings: Settings, url: str, index: Path) -> None:
    monkeypatch.setenv("TANDEM_DATABASE_URL", url)
    monkeypatch.setenv("TANDEM_SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("TANDEM_ENV", "test")
    monkeypatch.setenv("TANDEM_INDEX_DIR", str(index))


def _ranked(answer: dict[str, Any]) -> list[tuple[int, int, float]]:
    return [(i["rank"], i["offer_id"], round(i["score"], 6)) for i in answer["items"]]


def test_a_backup_taken_while_serving_restores_to_the_same_shortlist(
    client: TestClient,
    world: World,
    settings: Settings,
    embedder: Embedder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not settings.database_url.startswith("sqlite"):
        _env(monkeypatch, settings, settings.database_url, tmp_path / "index")
        refused = runner.invoke(app, ["db", "backup", str(tmp_path / "x.db")])
        assert refused.exit_code == 2
        assert "pg_dump" in refused.output
        assert "pg_restore" in refused.output
        return
    concept = world.ids["concept"]
    for title in ("Kitchen help", "Canteen assistant", "Dishwasher"):
        add_offer(world, title, [("Food hygiene", True, concept)])
    amina = add_client(world, [("HACCP course at the hotel school", concept, "exact")])
    url = f"/api/v1/clients/{amina}/shortlists"
    before = client.post(url, json={"limit": 5}, headers=world.headers("caseworker"))
    assert before.status_code == 201

    # The server keeps its connections open (and writes: a read is audited) during the backup.
    client.get(f"/api/v1/clients/{amina}", headers=world.headers("caseworker"))
    backup_file = tmp_path / "backups" / "tandem-backup.db"
    _env(monkeypatch, settings, settings.database_url, tmp_path / "index")
    made = runner.invoke(app, ["db", "backup", str(backup_file)])
    assert made.exit_code == 0, made.output
    assert backup_file.stat().st_size > 0
    assert runner.invoke(app, ["db", "backup", str(backup_file)]).exit_code == 2  # no overwrite

    restored_url = f"sqlite:///{tmp_path / 'restored.db'}"
    _env(monkeypatch, settings, restored_url, tmp_path / "restored-index")
    restored = runner.invoke(app, ["db", "restore", str(backup_file)])
    assert restored.exit_code == 0, restored.output
    assert "tandem index rebuild" in restored.output
    refused = runner.invoke(app, ["db", "restore", str(backup_file)])
    assert refused.exit_code == 2
    assert "--replace" in refused.output

    other = settings.model_copy(
        update={"database_url": restored_url, "index_dir": tmp_path / "restored-index"}
    )
    engine = build_engine(restored_url)
    try:
        second = create_app(other, engine=engine, embedder=embedder)
        with TestClient(second, base_url="https://testserver") as restored_client:
            with unit_of_work(second.state.session_factory) as session:
                second.state.matcher.rebuild(session)
            again = restored_client.post(
                url, json={"limit": 5}, headers=world.headers("caseworker")
            )
            assert again.status_code == 201
            assert _ranked(again.json()) == _ranked(before.json())
            assert len(again.json()["items"]) == 3
            stored = restored_client.get(
                f"/api/v1/shortlists/{before.json()['id']}", headers=world.headers("caseworker")
            )
            assert stored.json()["items"] == before.json()["items"]
    finally:
        engine.dispose()
