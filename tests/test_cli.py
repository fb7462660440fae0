"""The command line as scripts use it: users create, geo import, db upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app
from config.settings import Settings
from matching.embedding import Embedder

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("TANDEM_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("TANDEM_SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("TANDEM_ENV", "test")
    return settings


def test_a_user_created_on_the_command_line_can_sign_in(
    cli_env: Settings, embedder: Embedder
) -> None:
    result = runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "Ops@Tandem.example",
            "--password",
            "s3cret-enough",
            "--role",
            "admin",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "ops@tandem.example" in result.output
    with TestClient(create_app(cli_env, embedder=embedder)) as client:
        response = client.post(
            "/api/v1/auth/token", json={"email": "ops@tandem.example", "password": "s3cret-enough"}
        )
        assert response.status_code == 200


def test_users_create_refuses_a_duplicate_and_an_employer_without_company(
    cli_env: Settings,
) -> None:
    args = ["users", "create", "--email", "a@tandem.example", "--password", "long enough to pass"]
    assert runner.invoke(app, [*args, "--role", "liaison"]).exit_code == 0
    again = runner.invoke(app, [*args, "--role", "liaison"])
    assert again.exit_code == 1
    assert "already exists" in again.output
    employer = runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "e@tandem.example",
            "--password",
            "long enough to pass",
            "--role",
            "employer",
        ],
    )
    assert employer.exit_code == 1
    assert "company" in employer.output


def test_geo_import_reads_geonames_files_and_is_idempotent(
    cli_env: Settings, embedder: Embedder
) -> None:
    first = runner.invoke(app, ["geo", "import", str(FIXTURES / "geonames_at.txt")])
    assert first.exit_code == 0, first.output
    assert "2 added, 0 updated" in first.output  # 2700 twice: one centroid
    again = runner.invoke(app, ["geo", "import", str(FIXTURES / "geonames_at.txt")])
    assert "0 added, 0 updated" in again.output
    with TestClient(create_app(cli_env, embedder=embedder)) as client:
        token = _admin_token(client, cli_env)
        liaison = client.post(
            "/api/v1/users",
            json={
                "email": "l@tandem.example",
                "display_name": "L",
                "password": "long enough to pass",
                "role": "liaison",
            },
            headers=token,
        )
        assert liaison.status_code == 201
        signed = client.post(
            "/api/v1/auth/token",
            json={"email": "l@tandem.example", "password": "long enough to pass"},
        )
        headers = {"Authorization": f"Bearer {signed.json()['access_token']}"}
        company = client.post(
            "/api/v1/companies",
            json={
                "name": "Kurhaus Baden",
                "nace_code": "55",
                "size_class": "medium",
                "postcode": "2500",
            },
            headers=headers,
        )
        assert company.status_code == 201
        assert (company.json()["latitude"], company.json()["longitude"]) == (48.0059, 16.2342)


def test_geo_import_refuses_a_file_that_is_not_a_gazetteer(
    cli_env: Settings, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,value\nx,1\n", encoding="utf-8")
    result = runner.invoke(app, ["geo", "import", str(bad)])
    assert result.exit_code == 1
    assert "expected a header" in result.output


def _admin_token(client: TestClient, settings: Settings) -> dict[str, str]:
    runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "root@tandem.example",
            "--password",
            "long enough to pass",
            "--role",
            "admin",
        ],
    )
    response = client.post(
        "/api/v1/auth/token",
        json={"email": "root@tandem.example", "password": "long enough to pass"},
    )
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_db_upgrade_on_a_new_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TANDEM_DATABASE_URL", f"sqlite:///{tmp_path}/new/tandem.db")
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / "tandem.db").exists()


def test_offers_import_reads_a_semicolon_csv_and_writes_the_report(
    cli_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TANDEM_SEMANTIC_RECOGNITION", "false")
    args = ["users", "create", "--email", "lo@tandem.example", "--password", "long enough to pass"]
    assert runner.invoke(app, [*args, "--role", "liaison"]).exit_code == 0
    sheet = tmp_path / "liste.csv"
    sheet.write_bytes(
        "\ufeffFirma;Titel;Wochenstunden;PLZ;Referenz\r\n"
        "Kantine Favoriten GmbH;Küchenhilfe;20;1100;K-1\r\n"
        "Kantine Favoriten GmbH;Abwasch;zwanzig;1100;K-2\r\n".encode()
    )
    report = tmp_path / "report.csv"
    first = runner.invoke(
        app,
        ["offers", "import", str(sheet), "--as", "lo@tandem.example", "--report", str(report)],
    )
    assert first.exit_code == 0, first.output
    assert "created 1 offer(s)" in first.output
    assert "1 new prospect(s)" in first.output
    assert "row 3: refused: Wochenstunden" in first.output
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["created", "refused"]
    again = runner.invoke(app, ["offers", "import", str(sheet), "--as", "lo@tandem.example"])
    assert again.exit_code == 0, again.output
    assert "created 0 offer(s), updated 0, unchanged 1" in again.output
