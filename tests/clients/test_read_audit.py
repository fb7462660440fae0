"""Every answer that carries a client's personal data or words writes one audit row naming the
client and the fields, never their values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from models.audit import AuditEvent
from models.company import Company
from models.db import unit_of_work
from tests.api.test_shortlists import add_client, add_offer, shortlist_for_offer
from tests.world import World

WORDS = "Kept the accounts of the allotment association"


def client_reads(world: World, client_id: int, who: str) -> list[AuditEvent]:
    """The audit rows of reads (and lists) naming this client, by this person."""
    with unit_of_work(world.build.db) as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.entity == "client",
                AuditEvent.entity_id == str(client_id),
                AuditEvent.actor_id == world.users[who].id,
                AuditEvent.action.in_(("read", "list", "read_personal", "export")),
            )
            .order_by(AuditEvent.id)
        ).all()
        session.expunge_all()
    return list(rows)


def _setup(client: TestClient, world: World) -> dict[str, Any]:
    offer = add_offer(world, "Bookkeeper", [("Bookkeeping", True, world.ids["concept"])])
    client_id = add_client(world, [(WORDS, world.ids["concept"], "exact")])
    return {"offer": offer, "client": client_id}


Read = Callable[[TestClient, World, dict[str, Any]], Any]


def _list(c: TestClient, w: World, ids: dict[str, Any]) -> Any:
    return c.get("/api/v1/clients?limit=100", headers=w.headers("caseworker"))


def _profile(c: TestClient, w: World, ids: dict[str, Any]) -> Any:
    return c.get(f"/api/v1/clients/{ids['client']}", headers=w.headers("caseworker"))


def _empty_patch(c: TestClient, w: World, ids: dict[str, Any]) -> Any:
    return c.patch(f"/api/v1/clients/{ids['client']}", json={}, headers=w.headers("caseworker"))


def _empty_personal_patch(c: TestClient, w: World, ids: dict[str, Any]) -> Any:
    url = f"/api/v1/clients/{ids['client']}/personal"
    return c.patch(url, json={}, headers=w.headers("caseworker"))


def _shortlist_made(c: TestClient, w: World, ids: dict[str, Any]) -> Any:
    url = f"/api/v1/clients/{ids['client']}/shortlists"
    return c.post(url, json={}, headers=w.headers("caseworker"))


READS: dict[str, tuple[Read, str, set[str]]] = {
    "list": (_list, "caseworker", {"given_name", "skills"}),
    "profile": (_profile, "caseworker", {"given_name", "skills"}),
    "empty PATCH": (_empty_patch, "caseworker", {"given_name", "skills"}),
    "empty personal PATCH": (_empty_personal_patch, "caseworker", {"phone", "barriers"}),
    "shortlist made": (_shortlist_made, "caseworker", {"skills"}),
}


@pytest.mark.parametrize("name", list(READS))
def test_each_read_writes_one_audit_row_naming_the_client_and_fields(
    client: TestClient, world: World, name: str
) -> None:
    read, who, fields = READS[name]
    ids = _setup(client, world)
    before = len(client_reads(world, ids["client"], who))
    answer = read(client, world, ids)
    assert answer.status_code in (200, 201), answer.text
    rows = client_reads(world, ids["client"], who)[before:]
    assert len(rows) == 1, [(r.action, r.detail) for r in rows]
    assert set(rows[0].fields) >= fields
    assert WORDS not in str(rows[0].fields) + str(rows[0].detail)


def test_shortlist_reads_and_why_not_are_audited_per_client_shown(
    client: TestClient, world: World
) -> None:
    ids = _setup(client, world)
    made = shortlist_for_offer(client, world, ids["offer"])
    assert ids["client"] in [i["client_id"] for i in made["items"]]
    made_rows = client_reads(world, ids["client"], "liaison")
    assert [r.fields for r in made_rows] == [["skills"]]

    read = client.get(f"/api/v1/shortlists/{made['id']}", headers=world.headers("liaison"))
    assert WORDS in read.text
    after_read = client_reads(world, ids["client"], "liaison")
    assert len(after_read) == 2
    assert after_read[-1].detail == f"shortlist {made['id']}"

    why = client.get(
        f"/api/v1/shortlists/{made['id']}/why-not/{ids['client']}",
        headers=world.headers("liaison"),
    )
    assert why.status_code == 200
    after_why = client_reads(world, ids["client"], "liaison")
    assert len(after_why) == 3
    assert "why-not" in (after_why[-1].detail or "")

    # Once the words are withheld, nothing of the client's is read, so nothing is recorded.
    client.put(
        f"/api/v1/clients/{ids['client']}/consent",
        json={"liaison": False},
        headers=world.headers("caseworker"),
    )
    client.get(f"/api/v1/shortlists/{made['id']}", headers=world.headers("liaison"))
    assert len(client_reads(world, ids["client"], "liaison")) == 3


def test_the_employers_view_of_a_proposal_and_placement_reads_are_audited(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    with unit_of_work(world.build.db) as session:
        session.execute(
            update(Company)
            .where(Company.id == world.ids["company_a"])
            .values(liaison_officer_id=world.users["liaison"].id)
        )
    proposal = client.get(
        f"/api/v1/proposals/{world.ids['proposal_a']}", headers=world.headers("employer")
    ).json()
    assert proposal["client"]["given_name"] == "Amina"
    rows = client_reads(world, client_id, "employer")
    assert {tuple(r.fields) for r in rows} == {
        ("proposal",),
        ("given_name", "hours_per_week", "languages", "skills"),
    }
    listed = client.get("/api/v1/proposals", headers=world.headers("employer"))
    assert listed.status_code == 200
    assert len(client_reads(world, client_id, "employer")) == 4

    placement = client.get(
        f"/api/v1/placements/{world.ids['placement_a']}", headers=world.headers("liaison")
    ).json()
    assert placement["client"]["given_name"] == "Amina"
    details = [r.detail for r in client_reads(world, client_id, "liaison")]
    assert details == [f"placement {world.ids['placement_a']}"] * 2


def test_company_history_and_checkpoint_lists_name_the_clients_read(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    history = client.get(
        f"/api/v1/companies/{world.ids['company_a']}/history", headers=world.headers("liaison")
    )
    assert history.status_code == 200
    rows = client_reads(world, client_id, "liaison")
    assert [(r.fields, r.detail) for r in rows] == [
        (["placement"], f"placement {world.ids['placement_a']}")
    ]
    checkpoints = client.get("/api/v1/checkpoints", headers=world.headers("caseworker"))
    assert world.ids["checkpoint_a"] in [c["id"] for c in checkpoints.json()["items"]]
    details = [r.detail for r in client_reads(world, client_id, "caseworker")]
    assert details == [f"checkpoint {world.ids['checkpoint_a']}"]
