"""Erasure: nothing of the client's words or personal data is left anywhere in the database or
the index folder, and the indicators read the same before and after."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from matching.ann import IndexParams, VectorIndex
from models.base import Base
from models.client import ClientMonitoring, ClientPersonal
from models.company import Company
from models.db import unit_of_work
from models.matching import TextEmbedding
from models.placement import Checkpoint, Placement
from tests.api.test_shortlists import add_client, add_offer, shortlist_for_offer
from tests.world import World

SKILL = "Repaired bicycles for the Simmering refugee cycling club"
ASPIRATION = "Become a bicycle mechanic at Velowerkstatt Quirinus"
BARRIER = "Quirinus-flat eviction notice pending"
CONTACT = "Talked about Quirinus cycling club again"
DISTINCT = ["Zorislava", "Wenzelhuber", "Simmering refugee cycling", "Quirinus", "ZW-7781"]


def everything_in_the_database(engine: Engine) -> str:
    """Every value of every table (text, JSON and the rest, but not binary vectors) as text."""
    parts: list[str] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            columns = [c for c in table.columns if c.type.python_type is not bytes]
            rows = connection.execute(select(*columns)).all()
            parts.extend(repr(tuple(row)) for row in rows)
    return "\n".join(parts)


def everything_in_the_folder(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _indicators(client: TestClient, world: World) -> dict[str, Any]:
    today = date.today()
    params = {
        "date_from": (today - timedelta(days=60)).isoformat(),
        "date_to": (today + timedelta(days=60)).isoformat(),
    }
    answer = client.get("/api/v1/indicators", params=params, headers=world.headers("liaison"))
    assert answer.status_code == 200
    result: dict[str, Any] = answer.json()
    return result


def _seed(client: TestClient, world: World, db: sessionmaker[Session]) -> dict[str, int]:
    """A client with words in every place Tandem keeps them."""
    with unit_of_work(db) as session:
        session.execute(
            update(Company)
            .where(Company.id == world.ids["company_a"])
            .values(liaison_officer_id=world.users["liaison"].id)
        )
    offer = add_offer(world, "Bike workshop helper", [("Food hygiene", True, world.ids["concept"])])
    cid = add_client(
        world,
        [(SKILL, world.ids["concept"], "exact")],
        given_name="Zorislava",
        family_name="Wenzelhuber",
        external_ref="ZW-7781",
        aspirations=ASPIRATION,
    )
    with unit_of_work(db) as session:
        session.add(ClientPersonal(client_id=cid, barriers=["housing"], barrier_notes=BARRIER))
        session.add(ClientMonitoring(client_id=cid, gender="female", birth_year=1971))
    caseworker = world.headers("caseworker")
    contact = {"contacted_on": date.today().isoformat(), "channel": "phone", "note": CONTACT}
    client.post(f"/api/v1/clients/{cid}/contacts", json=contact, headers=caseworker)
    mine = client.post(f"/api/v1/clients/{cid}/shortlists", json={}, headers=caseworker).json()
    assert offer in [i["offer_id"] for i in mine["items"]]
    theirs = shortlist_for_offer(client, world, offer)
    assert cid in [i["client_id"] for i in theirs["items"]]
    decided = client.post(
        f"/api/v1/shortlists/{mine['id']}/decisions",
        json={"candidate_id": offer, "decision": "proposed", "reason": "Zorislava is keen"},
        headers=caseworker,
    )
    assert decided.status_code == 201, decided.text
    proposal = decided.json()["proposal_id"]
    accepted = client.post(
        f"/api/v1/proposals/{proposal}/answer",
        json={"answer": "accepted", "planned_start": date.today().isoformat()},
        headers=world.headers("employer"),
    )
    assert accepted.status_code == 200, accepted.text
    placement = accepted.json()["placement_id"]
    started = client.post(
        f"/api/v1/placements/{placement}/start", json={}, headers=world.headers("liaison")
    )
    assert started.status_code == 200, started.text
    with unit_of_work(db) as session:
        session.execute(
            update(Checkpoint)
            .where(Checkpoint.placement_id == placement)
            .values(notes="Zorislava likes the Quirinus team")
        )
    return {"client": cid, "offer": offer, "placement": placement}


def test_erasure_leaves_no_word_of_the_client_and_the_indicators_unchanged(
    client: TestClient, world: World, engine: Engine, settings: Settings
) -> None:
    db = world.build.db
    ids = _seed(client, world, db)
    assert client.app is not None
    with unit_of_work(db) as session:
        client.app.state.matcher.rebuild(session)  # type: ignore[attr-defined]
        vector_ids = list(
            session.scalars(select(TextEmbedding.id).where(TextEmbedding.text == SKILL))
        )
    assert vector_ids
    index_dir = settings.index_dir
    saved = VectorIndex.load(index_dir / "clients.npz", IndexParams())
    assert saved is not None
    assert vector_ids[0] in saved[0]
    stored = everything_in_the_database(engine)
    for word in DISTINCT:
        assert word in stored, word
    before = _indicators(client, world)

    erased = client.request(
        "DELETE",
        f"/api/v1/clients/{ids['client']}",
        json={"reason": "client_request"},
        headers=world.headers("caseworker"),
    )
    assert erased.status_code == 200, erased.text
    assert erased.json()["embeddings"] >= 2  # the statement and the aspirations

    left = everything_in_the_database(engine)
    for word in DISTINCT:
        assert word not in left, word
    folder = everything_in_the_folder(index_dir)
    for word in DISTINCT:
        assert word.encode() not in folder, word
    saved = VectorIndex.load(index_dir / "clients.npz", IndexParams())
    assert saved is None or vector_ids[0] not in saved[0]
    assert _indicators(client, world) == before

    caseworker = world.headers("caseworker")
    assert client.get(f"/api/v1/clients/{ids['client']}", headers=caseworker).status_code == 404
    listed = client.get("/api/v1/clients?limit=100", headers=caseworker).json()["items"]
    assert ids["client"] not in [c["id"] for c in listed]
    with unit_of_work(db) as session:
        placement = session.get(Placement, ids["placement"])
        assert placement is not None
        assert placement.status.value == "started"  # kept as an anonymous fact
        events = session.execute(
            text("SELECT action, detail FROM audit_events WHERE action = 'erase'")
        ).all()
    assert [tuple(e) for e in events] == [("erase", "client_request")]
    again = client.request(
        "DELETE",
        f"/api/v1/clients/{ids['client']}",
        json={"reason": "client_request"},
        headers=caseworker,
    )
    assert again.status_code == 404


def test_erasure_needs_a_reason_and_the_owner_or_an_admin(client: TestClient, world: World) -> None:
    url = f"/api/v1/clients/{world.ids['client_a']}"
    missing = client.request("DELETE", url, json={}, headers=world.headers("caseworker"))
    assert missing.status_code == 422
    assert missing.json()["field"] == "reason"
    body = {"reason": "client_request"}
    for who, status in {"liaison": 403, "colleague": 404, "employer": 404}.items():
        assert client.request("DELETE", url, json=body, headers=world.headers(who)).status_code == (
            status
        ), who
    assert client.get(url, headers=world.headers("caseworker")).status_code == 200
    done = client.request("DELETE", url, json=body, headers=world.headers("admin"))
    assert done.status_code == 200
    assert client.get(url, headers=world.headers("caseworker")).status_code == 404
