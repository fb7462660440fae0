"""Sign-in, sessions, CSRF, security headers and the layout, read from the HTML."""

from __future__ import annotations

import time

import jwt
import pytest
from fastapi.testclient import TestClient

from api.security import CONTENT_SECURITY_POLICY
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.world import PASSWORD, World
from web import sessions


def test_a_caseworker_signs_in_and_sees_their_name_role_navigation_and_inbox(
    client: TestClient, world: World
) -> None:
    response = sign_in(client, "cw@tandem.example")
    assert response.url.path == "/"
    cookie = response.history[0].headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    page = soup(response)
    assert page.html is not None
    assert page.html["lang"] == "en"
    header = page.find("header")
    assert header is not None
    assert "cw · Caseworker" in header.get_text(" ", strip=True)
    links = {a.get_text(strip=True) for a in header.find_all("a")}
    assert {"My clients", "Proposals and placements"} <= links
    assert "(1 unread)" in header.get_text(" ", strip=True)  # the world's checkpoint alert
    assert "Checkpoint due" in page.get_text()


def test_wrong_password_keeps_the_email_and_says_so_beside_the_field(
    client: TestClient, world: World
) -> None:
    response = sign_in(client, "cw@tandem.example", "not the password")
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one(".error-summary") is not None
    assert page.select_one("#email-error") is not None
    email = page.find("input", attrs={"name": "email"})
    assert email is not None
    assert email["value"] == "cw@tandem.example"
    assert sessions.SESSION_COOKIE not in client.cookies


def test_pages_need_a_session_and_a_forged_cookie_is_refused(
    client: TestClient, world: World
) -> None:
    assert client.get("/clients").url.path == "/sign-in"
    forged = jwt.encode(
        {
            "sub": str(world.users["caseworker"].id),
            "ver": 0,
            "began": time.time(),
            "seen": time.time(),
            "aud": sessions.AUDIENCE,
        },
        "another-secret-key-that-is-long-enough-0123",
        algorithm="HS256",
    )
    client.cookies.set(sessions.SESSION_COOKIE, forged)
    assert client.get("/clients").url.path == "/sign-in"


def test_a_page_session_is_not_a_bearer_token(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    cookie = client.cookies[sessions.SESSION_COOKIE]
    answer = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {cookie}"})
    assert answer.status_code == 401


def test_idle_and_absolute_expiry_end_a_session(client: TestClient, world: World) -> None:
    settings = client.app.state.settings  # type: ignore[attr-defined]
    user = world.users["caseworker"]
    now = time.time()
    idle = now - settings.session_idle_minutes * 60 - 5
    stale = sessions.issue(user.id, 0, settings.secret_key, idle, idle)
    old = now - settings.session_absolute_hours * 3600 - 5
    too_long = sessions.issue(user.id, 0, settings.secret_key, old, now)
    fresh = sessions.issue(user.id, 0, settings.secret_key, now, now)
    for token, path in ((stale, "/sign-in"), (too_long, "/sign-in"), (fresh, "/clients")):
        client.cookies.clear()
        client.cookies.set(sessions.SESSION_COOKIE, token)
        assert client.get("/clients").url.path == path


def test_changing_my_password_ends_my_other_sessions(
    client: TestClient, world: World, embedder: object
) -> None:
    sign_in(client, "cw@tandem.example")
    other = client.cookies[sessions.SESSION_COOKIE]
    response = post_form(
        client,
        "/account/password",
        {
            "current_password": PASSWORD,
            "new_password": "a brand new passphrase",
            "confirm_password": "a brand new passphrase",
        },
    )
    assert response.url.path == "/"
    assert "Your password was changed." in response.text
    assert client.get("/clients").status_code == 200  # this session carries on
    client.cookies.clear()
    client.cookies.set(sessions.SESSION_COOKIE, other)
    assert client.get("/clients").url.path == "/sign-in"  # the other one ended
    assert sign_in(client, "cw@tandem.example", "a brand new passphrase").url.path == "/"


def test_a_refused_password_change_changes_nothing(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    response = post_form(
        client,
        "/account/password",
        {"current_password": "wrong", "new_password": "x" * 10, "confirm_password": "x" * 10},
    )
    assert response.status_code == 400
    assert soup(response).select_one("#current_password-error") is not None
    client.cookies.clear()
    assert sign_in(client, "cw@tandem.example").url.path == "/"


def test_deactivating_a_user_ends_their_sessions(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    assert client.get("/clients").status_code == 200
    answer = client.patch(
        f"/api/v1/users/{world.users['caseworker'].id}",
        json={"is_active": False},
        headers=world.headers("admin"),
    )
    assert answer.status_code == 200
    assert client.get("/clients").url.path == "/sign-in"


def test_an_admin_reset_makes_the_user_choose_a_password_first(
    client: TestClient, world: World
) -> None:
    answer = client.patch(
        f"/api/v1/users/{world.users['caseworker'].id}",
        json={"password": "temporary password"},
        headers=world.headers("admin"),
    )
    assert answer.status_code == 200
    response = sign_in(client, "cw@tandem.example", "temporary password")
    assert response.url.path == "/account/password"
    assert client.get("/clients").url.path == "/account/password"


@pytest.mark.parametrize("token", [None, "", "forged.value"])
def test_a_change_without_the_csrf_token_is_refused_and_changes_nothing(
    client: TestClient, world: World, token: str | None
) -> None:
    sign_in(client, "cw@tandem.example")
    data = {"kind": "employers", "granted": "false"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post(f"/clients/{world.ids['client_a']}/consent", data=data)
    assert response.status_code == 403
    read = client.get(
        f"/api/v1/clients/{world.ids['client_a']}", headers=world.headers("caseworker")
    )
    assert read.json()["consent_employers"] is True


def test_sign_in_itself_needs_the_csrf_token(client: TestClient, world: World) -> None:
    csrf_token(client)  # the cookie is set, but the form field is missing
    response = client.post("/sign-in", data={"email": "cw@tandem.example", "password": PASSWORD})
    assert response.status_code == 403
    assert sessions.SESSION_COOKIE not in client.cookies


def test_every_page_has_the_content_security_policy_and_no_inline_script_or_style(
    client: TestClient, world: World
) -> None:
    sign_in(client, "cw@tandem.example")
    for path in ("/sign-in", "/", "/clients", f"/clients/{world.ids['client_a']}", "/proposals"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        page = soup(response)
        assert all(s.get("src") for s in page.find_all("script")), path
        assert not page.find_all("style"), path
        assert not page.select("[style]"), path
        assert not [s["src"] for s in page.find_all("script") if "//" in s["src"]], path
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_htmx_is_served_from_the_package(client: TestClient) -> None:
    response = client.get("/static/htmx-2.0.11.min.js")
    assert response.status_code == 200
    assert "htmx" in response.text[:2000]


def test_sign_out_ends_the_session(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    response = post_form(client, "/sign-out", {})
    assert response.url.path == "/sign-in"
    assert client.get("/").url.path == "/sign-in"
