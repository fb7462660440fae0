"""The pages share the API's defences: the sign-in throttle and text without control
characters."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from config.settings import Settings
from matching.embedding import Embedder
from tests.web.pages import sign_in, soup
from tests.world import World
from web import sessions
from web.app import create_app


def test_the_sign_in_page_makes_a_guesser_wait(
    settings: Settings, engine: Engine, embedder: Embedder, world: World
) -> None:
    patient = settings.model_copy(update={"sign_in_delay_seconds": 60.0})
    app = create_app(patient, engine=engine, embedder=embedder)
    with TestClient(app, base_url="https://testserver") as client:
        for _ in range(patient.sign_in_free_failures_account + 1):
            assert sign_in(client, "cw@tandem.example", "a wrong guess").status_code == 400
        refused = sign_in(client, "cw@tandem.example")  # even the right password waits
        assert refused.status_code == 429
        assert 55 <= int(refused.headers["Retry-After"]) <= 60
        assert "Too many failed sign-ins" in soup(refused).get_text()
        assert sessions.SESSION_COOKIE not in client.cookies


def test_a_search_with_a_control_character_is_refused(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    assert client.get("/clients", params={"q": "Koval\x00"}).status_code == 422
    assert client.get("/clients", params={"q": "Ko%"}).status_code == 200
