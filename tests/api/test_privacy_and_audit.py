"""Personal data: who read it is on record, the values never are, and matching-facing reads
carry neither contact data, barriers nor protected attributes."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.world import World

NEW_CLIENT = {
    "given_name": "Samira",
    "family_name": "Rahimi",
    "home_postcode": "1100",
    "right_to_work": "pending",
    "languages": [{"language": "fa", "level": "C2"}, {"language": "de", "level": "A2"}],
    "skills": [{"text": "Looked after my grandmother for three years", "source": "informal"}],
    "personal": {
        "phone": "+43 699 5550123",
        "barriers": ["health", "housing"],
        "barrier_notes": "Back problems; shelter until March",
    },
    "monitoring": {"gender": "female", "birth_year": 1979, "nationality": "AF"},
}
SENSITIVE = ["+43 699 5550123", "Back problems", "shelter", "female", "1979", "AF", "health"]


def test_reads_of_personal_data_are_audited_with_field_names_not_values(
    client: TestClient, world: World
) -> None:
    caseworker = world.headers("caseworker")
    created = client.post("/api/v1/clients", json=NEW_CLIENT, headers=caseworker).json()
    personal = client.get(f"/api/v1/clients/{created['id']}/personal", headers=caseworker)
    assert personal.json()["phone"] == "+43 699 5550123"
    client.get(f"/api/v1/clients/{created['id']}", headers=caseworker)

    events = client.get(
        "/api/v1/audit",
        params={"entity": "client", "entity_id": created["id"]},
        headers=world.headers("admin"),
    ).json()["items"]
    by_action = {e["action"]: e for e in events}
    assert set(by_action) >= {"create", "read", "read_personal"}
    read_personal = by_action["read_personal"]
    assert read_personal["actor_id"] == world.users["caseworker"].id
    assert set(read_personal["fields"]) >= {"phone", "barriers", "barrier_notes"}
    assert "personal.phone" in by_action["create"]["fields"]
    # Timestamps are left out: their microseconds can spell "1979" by chance.
    everything = json.dumps([{k: v for k, v in e.items() if k != "at"} for e in events])
    for value in SENSITIVE:
        assert value not in everything


def test_a_profile_never_carries_contact_data_barriers_or_protected_attributes(
    client: TestClient, world: World
) -> None:
    created = client.post(
        "/api/v1/clients", json=NEW_CLIENT, headers=world.headers("caseworker")
    ).json()
    client.put(
        f"/api/v1/clients/{created['id']}/consent",
        json={"liaison": True},
        headers=world.headers("caseworker"),
    )
    for who in ("caseworker", "liaison"):
        profile = client.get(f"/api/v1/clients/{created['id']}", headers=world.headers(who))
        assert profile.status_code == 200
        text = profile.text
        for value in SENSITIVE:
            assert value not in text, (who, value)
        assert profile.json()["skills"][0]["text"] == NEW_CLIENT["skills"][0]["text"]  # type: ignore[index]


def test_a_shared_caseworker_sees_the_profile_but_not_contact_data(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    share = client.post(
        f"/api/v1/clients/{client_id}/shares",
        json={"caseworker_id": world.users["colleague"].id},
        headers=world.headers("caseworker"),
    )
    assert share.status_code == 201
    colleague = world.headers("colleague")
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 200
    assert client.get(f"/api/v1/clients/{client_id}/personal", headers=colleague).status_code == 403
    client.delete(
        f"/api/v1/clients/{client_id}/shares/{world.users['colleague'].id}",
        headers=world.headers("caseworker"),
    )
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 404


def test_consent_withdrawal_hides_the_client_from_liaison_officers_at_once(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    liaison, caseworker = world.headers("liaison"), world.headers("caseworker")
    assert client.get(f"/api/v1/clients/{client_id}", headers=liaison).status_code == 200
    withdrawn = client.put(
        f"/api/v1/clients/{client_id}/consent", json={"liaison": False}, headers=caseworker
    )
    assert withdrawn.json()["consent_liaison"] is False
    assert withdrawn.json()["consent_liaison_at"] is None
    assert client.get(f"/api/v1/clients/{client_id}", headers=liaison).status_code == 404
    listed = client.get("/api/v1/clients", headers=liaison).json()["items"]
    assert client_id not in {c["id"] for c in listed}
    history = client.get(f"/api/v1/clients/{client_id}/consent", headers=caseworker).json()
    assert [(h["kind"], h["granted"]) for h in history] == [("liaison", False)]


def test_caseload_transfer_moves_the_clients_and_is_audited_per_client(
    client: TestClient, world: World
) -> None:
    source, target = world.users["caseworker"], world.users["colleague"]
    response = client.post(
        f"/api/v1/users/{source.id}/caseload-transfer",
        json={"to_caseworker_id": target.id},
        headers=world.headers("admin"),
    )
    assert response.status_code == 200
    moved = response.json()["client_ids"]
    assert sorted(moved) == sorted([world.ids["client_a"], world.ids["client_private"]])
    mine = client.get("/api/v1/clients", headers=world.headers("colleague")).json()["items"]
    assert {c["id"] for c in mine} == set(moved)
    assert client.get("/api/v1/clients", headers=world.headers("caseworker")).json()["total"] == 0
    events = client.get(
        "/api/v1/audit", params={"action": "transfer"}, headers=world.headers("admin")
    ).json()["items"]
    assert sorted(int(e["entity_id"]) for e in events) == sorted(moved)
    assert all(e["fields"] == ["caseworker_id"] for e in events)


def test_every_change_is_audited_with_the_changed_field_names(
    client: TestClient, world: World
) -> None:
    company_id = world.ids["company_a"]
    client.patch(
        f"/api/v1/companies/{company_id}",
        json={"headcount": 14, "name": "Zur Linde"},
        headers=world.headers("liaison"),
    )
    client.patch(
        f"/api/v1/companies/{company_id}", json={"headcount": 14}, headers=world.headers("liaison")
    )
    events = client.get(
        "/api/v1/audit",
        params={"entity": "company", "action": "update"},
        headers=world.headers("admin"),
    ).json()["items"]
    assert [e["fields"] for e in events] == [["headcount", "name"]]


def test_a_share_lapses_when_the_client_leaves_the_office(client: TestClient, world: World) -> None:
    client_id = world.ids["client_a"]
    client.post(
        f"/api/v1/clients/{client_id}/shares",
        json={"caseworker_id": world.users["colleague"].id},
        headers=world.headers("caseworker"),
    )
    colleague = world.headers("colleague")
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 200
    client.patch(
        f"/api/v1/users/{world.users['colleague'].id}",
        json={"office_id": world.ids["office_b"]},
        headers=world.headers("admin"),
    )
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 404
    client.patch(
        f"/api/v1/users/{world.users['colleague'].id}",
        json={"office_id": world.ids["office_a"]},
        headers=world.headers("admin"),
    )
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 200
    client.post(
        f"/api/v1/users/{world.users['caseworker'].id}/caseload-transfer",
        json={"to_caseworker_id": world.users["caseworker_b"].id, "client_ids": [client_id]},
        headers=world.headers("admin"),
    )
    assert client.get(f"/api/v1/clients/{client_id}", headers=colleague).status_code == 404
    assert (
        client.get(
            f"/api/v1/clients/{client_id}", headers=world.headers("caseworker_b")
        ).status_code
        == 200
    )


def test_updating_personal_data_changes_only_the_fields_sent(
    client: TestClient, world: World
) -> None:
    path = f"/api/v1/clients/{world.ids['client_a']}/personal"
    caseworker = world.headers("caseworker")
    updated = client.patch(path, json={"email": "amina@mail.example"}, headers=caseworker)
    assert updated.status_code == 200
    stored = client.get(path, headers=caseworker).json()
    assert stored["email"] == "amina@mail.example"
    assert stored["phone"] == "+43 660 1234567"
    assert stored["barriers"] == ["debt"]
    assert stored["barrier_notes"] == "Debt counselling on Tuesdays"


def test_listing_clients_records_a_read_of_each_client_listed(
    client: TestClient, world: World
) -> None:
    listed = client.get("/api/v1/clients", headers=world.headers("liaison")).json()["items"]
    events = client.get(
        "/api/v1/audit", params={"action": "list"}, headers=world.headers("admin")
    ).json()["items"]
    assert sorted(int(e["entity_id"]) for e in events) == sorted(c["id"] for c in listed)
    assert all(e["actor_id"] == world.users["liaison"].id for e in events)


def test_parked_clients_are_found_by_their_last_contact(client: TestClient, world: World) -> None:
    from datetime import date, timedelta

    caseworker = world.headers("caseworker")
    recent = (date.today() - timedelta(days=10)).isoformat()
    long_ago = (date.today() - timedelta(days=200)).isoformat()
    client.post(
        f"/api/v1/clients/{world.ids['client_a']}/contacts",
        json={"contacted_on": recent, "channel": "phone"},
        headers=caseworker,
    )
    client.post(
        f"/api/v1/clients/{world.ids['client_private']}/contacts",
        json={"contacted_on": long_ago, "channel": "letter"},
        headers=caseworker,
    )
    since = (date.today() - timedelta(days=90)).isoformat()
    parked = client.get(
        "/api/v1/clients", params={"not_contacted_since": since}, headers=caseworker
    ).json()["items"]
    assert [c["id"] for c in parked] == [world.ids["client_private"]]


def test_the_audit_trail_reads_a_period_with_since_and_until(
    client: TestClient, world: World
) -> None:
    from datetime import UTC, datetime

    from models.audit import AuditEvent

    admin = world.headers("admin")
    old = world.build.add(
        AuditEvent(
            at=datetime(2025, 3, 10, 12, tzinfo=UTC),
            actor_id=world.users["caseworker"].id,
            action="read",
            entity="client",
            entity_id=str(world.ids["client_a"]),
            fields=["given_name"],
        )
    )
    client.get(f"/api/v1/clients/{world.ids['client_a']}", headers=world.headers("caseworker"))
    reads = client.get("/api/v1/audit", params={"action": "read"}, headers=admin).json()
    assert reads["total"] == 2  # today's read and the old one
    march = {"since": "2025-03-10T00:00:00Z", "until": "2025-03-11T00:00:00Z"}
    found = client.get("/api/v1/audit", params=march, headers=admin).json()
    assert [e["id"] for e in found["items"]] == [old.id]
    before = client.get(
        "/api/v1/audit", params={"until": "2025-03-10T12:00:00Z"}, headers=admin
    ).json()
    assert before["total"] == 0  # until is exclusive
    naive = client.get("/api/v1/audit", params={"until": "2025-03-11T00:00:00"}, headers=admin)
    assert naive.status_code == 422
    assert naive.json()["field"] == "until"
