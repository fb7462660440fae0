"""The admin's users page: create, deactivate, move, reset a password (the user must then
choose their own); refused input is shown beside its field and changes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages import post_form, sign_in, soup
from tests.world import PASSWORD, World


def test_an_admin_creates_a_user_who_can_then_sign_in(client: TestClient, world: World) -> None:
    sign_in(client, "admin@tandem.example")
    response = post_form(
        client,
        "/admin/users",
        {
            "email": "new.cw@tandem.example",
            "display_name": "Nora Neu",
            "role": "caseworker",
            "office_id": str(world.ids["office_a"]),
            "password": "first password",
        },
        page="/admin/users",
    )
    assert response.url.path == "/admin/users"
    assert "The user was created." in response.text
    assert "new.cw@tandem.example" in soup(response).get_text()
    client.cookies.clear()
    assert sign_in(client, "new.cw@tandem.example", "first password").url.path == "/"


def test_a_refused_user_keeps_what_was_typed_and_creates_nothing(
    client: TestClient, world: World
) -> None:
    sign_in(client, "admin@tandem.example")
    response = post_form(
        client,
        "/admin/users",
        {
            "email": "boss2@linde.example",
            "display_name": "Boss",
            "role": "employer",
            "password": "long enough to pass",
        },
        page="/admin/users",
    )
    assert response.status_code == 422
    page = soup(response)
    assert page.select_one("#company_id-error") is not None
    email = page.find("input", attrs={"name": "email"})
    assert email is not None
    assert email["value"] == "boss2@linde.example"
    users = client.get("/api/v1/users?limit=200", headers=world.headers("admin")).json()
    assert "boss2@linde.example" not in [u["email"] for u in users["items"]]


def test_a_reset_password_must_be_changed_and_deactivation_ends_sign_in(
    client: TestClient, world: World
) -> None:
    target = world.users["colleague"].id
    sign_in(client, "admin@tandem.example")
    post_form(
        client,
        f"/admin/users/{target}",
        {"action": "reset", "password": "temporary orange one"},
        page="/admin/users",
    )
    assert "must choose a new password" in client.get("/admin/users").text
    post_form(client, f"/admin/users/{target}", {"action": "deactivate"}, page="/admin/users")
    client.cookies.clear()
    assert sign_in(client, "cw.2@tandem.example", "temporary orange one").status_code == 400
    sign_in(client, "admin@tandem.example")
    post_form(client, f"/admin/users/{target}", {"action": "activate"}, page="/admin/users")
    client.cookies.clear()
    response = sign_in(client, "cw.2@tandem.example", "temporary orange one")
    assert response.url.path == "/account/password"
    assert sign_in(client, "cw.2@tandem.example", PASSWORD).status_code == 400
