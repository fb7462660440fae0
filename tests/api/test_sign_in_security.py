"""Sign-in that resists attack: throttled per account and per address across processes,
tokens that need an expiry and end with the user's token version, a password policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from accounts.throttle import client_address, parse_networks
from config.settings import Settings
from matching.embedding import Embedder
from models.db import build_engine, unit_of_work
from models.signin import SignInThrottle
from models.user import User
from tests.web.pages import post_form, sign_in
from tests.world import PASSWORD, World
from web import sessions
from web.app import create_app

TOKEN = "/api/v1/auth/token"


def _try(client: TestClient, email: str, password: str = "not the password") -> int:
    return client.post(TOKEN, json={"email": email, "password": password}).status_code


def _unlock(db: sessionmaker[Session]) -> None:
    """Let the delay pass (rather than sleeping through it)."""
    with unit_of_work(db) as session:
        past = datetime.now(UTC) - timedelta(seconds=1)
        session.execute(update(SignInThrottle).values(locked_until=past))


@pytest.fixture
def patient(settings: Settings) -> Settings:
    """A first delay of a minute: a loaded test machine never outlasts it between requests."""
    return settings.model_copy(update={"sign_in_delay_seconds": 60.0})


@pytest.fixture
def guarded(patient: Settings, engine: Engine, embedder: Embedder) -> Iterator[TestClient]:
    app = create_app(patient, engine=engine, embedder=embedder)
    with TestClient(app, base_url="https://testserver") as client:
        yield client


def test_repeated_failures_get_429_with_a_growing_retry_after(
    guarded: TestClient, world: World, db: sessionmaker[Session], settings: Settings
) -> None:
    client = guarded
    free = settings.sign_in_free_failures_account
    # The free attempts and the first one past them are checked; then the account waits.
    assert [_try(client, "cw@tandem.example") for _ in range(free + 1)] == [401] * (free + 1)
    waits = []
    for _ in range(3):
        refused = client.post(TOKEN, json={"email": "cw@tandem.example", "password": PASSWORD})
        assert refused.status_code == 429  # even the right password waits
        assert refused.json()["error"] == "too_many_attempts"
        waits.append(int(refused.headers["Retry-After"]))
        _unlock(db)
        assert _try(client, "cw@tandem.example") == 401
    # A minute, then two, then four (less the moment the requests took).
    assert [round(w / 60) for w in waits] == [1, 2, 4]
    # Once the wait is over, the right password works and clears the account's count.
    _unlock(db)
    assert _try(client, "cw@tandem.example", PASSWORD) == 200
    assert _try(client, "cw@tandem.example") == 401


def test_an_unknown_account_gets_the_same_answers(guarded: TestClient, world: World) -> None:
    client = guarded
    free = client.app.state.sign_in_policy.free_per_account  # type: ignore[attr-defined]
    known = [_try(client, "cw@tandem.example") for _ in range(free + 2)]
    unknown = [_try(client, "nobody@tandem.example") for _ in range(free + 2)]
    assert known == unknown == [401] * (free + 1) + [429]
    bodies = {
        client.post(TOKEN, json={"email": e, "password": "x"}).text
        for e in ("cw.b@tandem.example", "nobody.else@tandem.example")
    }
    assert len(bodies) == 1


def test_the_count_is_shared_by_two_processes_on_one_database(
    guarded: TestClient, world: World, patient: Settings, embedder: Embedder
) -> None:
    """Two app instances with their own engines, as two API processes would have."""
    client = guarded
    other_engine = build_engine(patient.database_url)
    try:
        other = create_app(patient, engine=other_engine, embedder=embedder)
        with TestClient(other, base_url="https://testserver") as second:
            for turn in range(patient.sign_in_free_failures_account + 1):
                assert _try(client if turn % 2 else second, "cw@tandem.example") == 401
            assert _try(client, "cw@tandem.example") == 429
            assert _try(second, "cw@tandem.example") == 429
    finally:
        other_engine.dispose()


def test_one_address_is_limited_across_accounts(
    settings: Settings, engine: Engine, embedder: Embedder, world: World
) -> None:
    strict = settings.model_copy(
        update={"sign_in_free_failures_address": 3, "sign_in_delay_seconds": 60.0}
    )
    app = create_app(strict, engine=engine, embedder=embedder)
    with TestClient(app, base_url="https://testserver") as client:
        emails = [f"guess{i}@tandem.example" for i in range(5)]
        assert [_try(client, e) for e in emails] == [401, 401, 401, 401, 429]


def test_forwarded_for_is_believed_only_from_a_trusted_proxy() -> None:
    proxies = parse_networks(["10.0.0.0/8"])
    # From the proxy: the right-most address that is not a proxy of ours.
    assert client_address("10.1.1.1", "203.0.113.9, 198.51.100.7, 10.2.2.2", proxies) == (
        "198.51.100.7"
    )
    # From anyone else the header is the client's own words: ignored.
    assert client_address("198.51.100.7", "203.0.113.9", proxies) == "198.51.100.7"
    assert client_address("10.1.1.1", None, proxies) == "10.1.1.1"
    assert client_address("10.1.1.1", "not-an-address", proxies) == "10.1.1.1"


def test_a_token_without_expiry_or_version_is_refused(
    client: TestClient, world: World, settings: Settings
) -> None:
    user_id = str(world.users["admin"].id)
    now = datetime.now(UTC)
    tokens = [
        {"sub": user_id, "ver": 0, "iat": now},  # no exp
        {"sub": user_id, "iat": now, "exp": now + timedelta(hours=1)},  # no version
    ]
    for claims in tokens:
        token = jwt.encode(claims, settings.secret_key, algorithm="HS256")
        answer = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401


@pytest.fixture
def signed_in(client: TestClient, world: World) -> tuple[dict[str, str], str]:
    """A caseworker with a bearer token and a page session, both from signing in."""
    answer = client.post(TOKEN, json={"email": "cw@tandem.example", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}
    sign_in(client, "cw@tandem.example")
    assert client.get("/api/v1/users/me", headers=headers).status_code == 200
    assert client.get("/clients").status_code == 200
    return headers, client.cookies[sessions.SESSION_COOKIE]


def _both_ended(client: TestClient, headers: dict[str, str], cookie: str) -> None:
    assert client.get("/api/v1/users/me", headers=headers).status_code == 401
    client.cookies.clear()
    client.cookies.set(sessions.SESSION_COOKIE, cookie)
    assert client.get("/clients").url.path == "/sign-in"


def test_logout_ends_the_bearer_token_and_the_page_session(
    client: TestClient, signed_in: tuple[dict[str, str], str]
) -> None:
    headers, cookie = signed_in
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    _both_ended(client, headers, cookie)


def test_signing_out_of_the_pages_ends_the_bearer_token_too(
    client: TestClient, signed_in: tuple[dict[str, str], str]
) -> None:
    headers, cookie = signed_in
    assert post_form(client, "/sign-out", {}).url.path == "/sign-in"
    _both_ended(client, headers, cookie)


def test_deactivation_ends_the_bearer_token_and_the_page_session(
    client: TestClient, world: World, signed_in: tuple[dict[str, str], str]
) -> None:
    headers, cookie = signed_in
    user_id = world.users["caseworker"].id
    answer = client.patch(
        f"/api/v1/users/{user_id}", json={"is_active": False}, headers=world.headers("admin")
    )
    assert answer.status_code == 200
    _both_ended(client, headers, cookie)


def test_a_password_change_ends_earlier_bearer_tokens_and_other_sessions(
    client: TestClient, world: World, signed_in: tuple[dict[str, str], str]
) -> None:
    headers, cookie = signed_in
    second = client.post(TOKEN, json={"email": "cw@tandem.example", "password": PASSWORD})
    other_headers = {"Authorization": f"Bearer {second.json()['access_token']}"}
    new = "a fresh walnut orchard"
    changed = post_form(
        client,
        "/account/password",
        {"current_password": PASSWORD, "new_password": new, "confirm_password": new},
    )
    assert changed.url.path == "/"
    assert client.get("/api/v1/users/me", headers=other_headers).status_code == 401
    _both_ended(client, headers, cookie)


def test_an_admin_password_reset_ends_the_users_bearer_tokens(
    client: TestClient, world: World, signed_in: tuple[dict[str, str], str]
) -> None:
    headers, cookie = signed_in
    answer = client.patch(
        f"/api/v1/users/{world.users['caseworker'].id}",
        json={"password": "a fresh walnut orchard"},
        headers=world.headers("admin"),
    )
    assert answer.status_code == 200
    _both_ended(client, headers, cookie)


@pytest.mark.parametrize("password", ["12345678", "password", "P@ssw0rd!", "qwertz123"])
def test_a_weak_password_is_refused_and_nothing_is_stored(
    client: TestClient, world: World, db: sessionmaker[Session], password: str
) -> None:
    answer = client.post(
        "/api/v1/users",
        json={
            "email": "weak@tandem.example",
            "display_name": "Weak",
            "password": password,
            "role": "caseworker",
        },
        headers=world.headers("admin"),
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "password"
    with db() as session:
        assert session.scalar(select(User).where(User.email == "weak@tandem.example")) is None


def test_a_password_built_from_the_users_own_name_is_refused(
    client: TestClient, world: World
) -> None:
    answer = client.patch(
        f"/api/v1/users/{world.users['caseworker'].id}",
        json={"password": "cw@tandem.example"},
        headers=world.headers("admin"),
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "password"


def test_old_counters_are_forgotten_but_not_locked_ones(db: sessionmaker[Session]) -> None:
    from accounts.throttle import Policy, forget_old

    now = datetime.now(UTC)
    rules = Policy(5, 30, 1.0, 900.0, timedelta(minutes=15))
    old = now - timedelta(days=2)
    with unit_of_work(db) as session:
        session.add(SignInThrottle(key="account:old@x.example", failures=3, last_attempt_at=old))
        session.add(
            SignInThrottle(
                key="address:192.0.2.7",
                failures=99,
                last_attempt_at=old,
                locked_until=now + timedelta(hours=1),
            )
        )
        session.add(SignInThrottle(key="account:new@x.example", failures=1, last_attempt_at=now))
    with unit_of_work(db) as session:
        assert forget_old(session, rules, now) == 1
    with db() as session:
        keys = set(session.scalars(select(SignInThrottle.key)))
    assert keys == {"address:192.0.2.7", "account:new@x.example"}
