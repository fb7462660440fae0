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


def test_an_admin_changes_a_users_role_office_and_company_and_their_sessions_end(
    client: TestClient, world: World
) -> None:
    target = world.users["liaison"]
    company = world.ids["company_a"]
    sign_in(client, "admin@tandem.example")
    refused = post_form(
        client,
        f"/admin/users/{target.id}",
        {"action": "place", "role": "employer", "office_id": "", "company_id": ""},
        page="/admin/users",
    )
    assert refused.status_code == 422
    row = soup(refused).select_one(f"#user-{target.id}")
    assert row is not None
    assert row.select_one(f"#user-{target.id}-error") is not None
    chosen = row.select_one(f"#role-{target.id} option[selected]")
    assert chosen is not None
    assert chosen["value"] == "employer"  # what was chosen is kept
    read = client.get(f"/api/v1/users/{target.id}", headers=world.headers("admin")).json()
    assert read["role"] == "liaison"

    with TestClient(client.app, base_url="https://testserver") as theirs:
        sign_in(theirs, "liaison@tandem.example")
        assert theirs.get("/clients").url.path == "/clients"
        saved = post_form(
            client,
            f"/admin/users/{target.id}",
            {"action": "place", "role": "employer", "office_id": "", "company_id": str(company)},
            page="/admin/users",
        )
        # What they may do changed: their session ends.
        assert theirs.get("/clients").url.path == "/sign-in"
    assert saved.status_code == 200
    read = client.get(f"/api/v1/users/{target.id}", headers=world.headers("admin")).json()
    assert (read["role"], read["office_id"], read["company_id"]) == ("employer", None, company)
    row = soup(saved).select_one(f"#user-{target.id}")
    assert row is not None
    assert "Employer" in row.get_text()


def test_a_caseworker_with_clients_keeps_their_role_until_the_caseload_moves(
    client: TestClient, world: World
) -> None:
    target = world.users["caseworker"]
    sign_in(client, "admin@tandem.example")
    refused = post_form(
        client,
        f"/admin/users/{target.id}",
        {"action": "place", "role": "liaison", "office_id": str(target.office_id or "")},
        page="/admin/users",
    )
    assert refused.status_code == 422
    assert "transfer the caseload first" in refused.text
    read = client.get(f"/api/v1/users/{target.id}", headers=world.headers("admin")).json()
    assert read["role"] == "caseworker"


def test_the_users_list_is_filtered_by_role_and_office(client: TestClient, world: World) -> None:
    sign_in(client, "admin@tandem.example")
    employers = soup(client.get("/admin/users?role=employer"))
    roles = {td.get_text() for td in employers.select("tbody tr td:nth-of-type(3)")}
    assert roles == {"Employer"}
    office = world.ids["office_a"]
    in_office = soup(client.get(f"/admin/users?office={office}"))
    offices = {td.get_text() for td in in_office.select("tbody tr td:nth-of-type(4)")}
    assert len(offices) == 1
    assert "—" not in offices
