"""A client's data, all of it, as JSON for the owning caseworker and admins; audited."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import select

from models.audit import AuditEvent
from models.db import unit_of_work
from tests.world import World


def test_the_export_holds_everything_about_the_client_and_is_audited(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    caseworker = world.headers("caseworker")
    client.post(
        f"/api/v1/clients/{client_id}/contacts",
        json={"contacted_on": "2026-11-02", "channel": "phone", "note": "Asked about the trial"},
        headers=caseworker,
    )
    client.put(f"/api/v1/clients/{client_id}/consent", json={"liaison": False}, headers=caseworker)
    client.get(f"/api/v1/clients/{client_id}", headers=caseworker)

    answer = client.get(f"/api/v1/clients/{client_id}/export", headers=caseworker)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["profile"]["given_name"] == "Amina"
    assert data["profile"]["skills"][0]["text"] == "Cooked for 40 at the parish fete"
    assert "concepts" in data["profile"]["skills"][0]
    assert data["personal"]["phone"] == "+43 660 1234567"
    assert data["personal"]["barrier_notes"] == "Debt counselling on Tuesdays"
    assert [c["granted"] for c in data["consents"]] == [False]
    assert data["contacts"][0]["note"] == "Asked about the trial"
    assert [s["id"] for s in data["shortlists"]] == [world.ids["shortlist_a"]]
    assert [i["client_id"] for i in data["shortlists"][0]["items"]] == [client_id]
    assert [p["id"] for p in data["proposals"]] == [world.ids["proposal_a"]]
    assert [p["id"] for p in data["placements"]] == [world.ids["placement_a"]]
    assert [c["id"] for c in data["checkpoints"]] == [world.ids["checkpoint_a"]]
    reads = [e for e in data["audit"] if e["entity"] == "client" and e["action"] == "read"]
    assert reads
    assert reads[0]["actor_id"] == world.users["caseworker"].id

    admin = client.get(f"/api/v1/clients/{client_id}/export", headers=world.headers("admin"))
    assert admin.status_code == 200
    with unit_of_work(world.build.db) as session:
        exports = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "export", AuditEvent.entity_id == str(client_id)
            )
        ).all()
        assert [e.actor_id for e in exports] == [
            world.users["caseworker"].id,
            world.users["admin"].id,
        ]
        assert "personal" in exports[0].fields
        assert "Debt" not in json.dumps([e.detail for e in exports])


def test_nobody_else_exports(client: TestClient, world: World) -> None:
    url = f"/api/v1/clients/{world.ids['client_a']}/export"
    for who, status in {
        "liaison": 403,
        "colleague": 404,
        "caseworker_b": 404,
        "employer": 404,
    }.items():
        assert client.get(url, headers=world.headers(who)).status_code == status, who
