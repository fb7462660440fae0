from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from models.db import unit_of_work
from models.user import User
from tests.world import PASSWORD, World


def test_sign_in_returns_a_bearer_token_that_identifies_the_user(
    client: TestClient, world: World
) -> None:
    response = client.post(
        "/api/v1/auth/token", json={"email": "Boss@Linde.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    token = response.json()
    assert token["token_type"] == "bearer"
    me = client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert me.json()["email"] == "boss@linde.example"
    assert me.json()["role"] == "employer"


def test_a_wrong_password_is_401(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/auth/token", json={"email": "boss@linde.example", "password": "guess"}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_inactive_user_can_no_longer_sign_in_or_use_a_token(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    with unit_of_work(db) as session:
        user = session.get(User, world.users["employer"].id)
        assert user is not None
        user.is_active = False
    response = client.post(
        "/api/v1/auth/token", json={"email": "boss@linde.example", "password": PASSWORD}
    )
    assert response.status_code == 401
    assert client.get("/api/v1/users/me", headers=world.headers("employer")).status_code == 401


def test_an_expired_or_forged_token_is_refused(
    client: TestClient, world: World, settings: Settings
) -> None:
    past = datetime.now(UTC) - timedelta(hours=2)
    expired = jwt.encode(
        {"sub": str(world.users["admin"].id), "exp": past}, settings.secret_key, algorithm="HS256"
    )
    other_key = "a-different-key-of-a-sufficient-length-0123"
    forged = jwt.encode({"sub": str(world.users["admin"].id)}, other_key, algorithm="HS256")
    for token in (expired, forged, "garbage"):
        response = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


def test_the_home_page_leads_to_sign_in_and_the_openapi_document_is_served(
    client: TestClient,
) -> None:
    home = client.get("/")
    assert home.url.path == "/sign-in"
    assert "Sign in" in home.text
    assert client.get("/docs").status_code == 200
    assert "/api/v1/offers/{offer_id}/submit" in client.get("/openapi.json").json()["paths"]
