"""Screening and review: discriminatory offers are held, never shown to caseworkers; liaison
officers send them back, override with a reason, or reject; offers expire and fill."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from employers.offers import Review, expire_offers
from models.db import unit_of_work
from models.offer import OfferStatus
from tests.api.test_validation import row_counts
from tests.world import World

AD = {
    "kind": "vacancy",
    "title": "Waitress",
    "hours_per_week": 30,
    "contract_type": "permanent",
    "postcode": "1100",
    "requirements": [{"text": "Young and dynamic, max. 30 years"}, {"text": "Food hygiene"}],
}


def submitted(client: TestClient, world: World, body: dict[str, Any]) -> dict[str, Any]:
    created = client.post("/api/v1/offers", json=body, headers=world.headers("employer")).json()
    response = client.post(
        f"/api/v1/offers/{created['id']}/submit", headers=world.headers("employer")
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_screening_a_text_names_ground_rule_words_and_suggestion_and_stores_nothing(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    before = row_counts(db)
    response = client.post(
        "/api/v1/offers/screen",
        json={"text": "Kellnerin gesucht, max. 30 Jahre, nur mit Foto"},
        headers=world.headers("employer"),
    )
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert {f["ground"] for f in findings} >= {"sex", "age", "appearance"}
    assert all(f["rule"] and f["span"] and f["suggestion"] for f in findings)
    assert row_counts(db) == before
    fair = client.post(
        "/api/v1/offers/screen",
        json={"text": "Servicekraft (m/w/d), Deutsch auf B1-Niveau, Führerschein B"},
        headers=world.headers("employer"),
    )
    assert fair.json()["findings"] == []


def test_an_offer_with_findings_is_held_and_never_reaches_caseworkers(
    client: TestClient, world: World
) -> None:
    offer = submitted(client, world, AD)
    assert offer["status"] == "held"
    assert (
        client.get(f"/api/v1/offers/{offer['id']}", headers=world.headers("caseworker")).status_code
        == 404
    )
    queue = client.get("/api/v1/offers/review-queue", headers=world.headers("liaison")).json()
    item = next(i for i in queue["items"] if i["offer"]["id"] == offer["id"])
    assert {f["ground"] for f in item["findings"]} >= {"age", "sex"}
    assert {f["field"] for f in item["findings"]} >= {"title", "requirements.0"}
    screenings = client.get(
        f"/api/v1/offers/{offer['id']}/screenings", headers=world.headers("employer")
    ).json()
    assert [s["trigger"] for s in screenings] == ["submit"]


def test_request_changes_sends_the_offer_back_with_a_message_the_employer_reads(
    client: TestClient, world: World
) -> None:
    offer = submitted(client, world, AD)
    path = f"/api/v1/offers/{offer['id']}/request-changes"
    missing = client.post(path, headers=world.headers("liaison"))
    assert missing.status_code == 422
    assert missing.json()["field"] == "reason"
    back = client.post(
        path,
        json={"reason": "Please drop the age limit and use (m/w/d)."},
        headers=world.headers("liaison"),
    )
    assert back.json()["status"] == "draft"
    history = client.get(
        f"/api/v1/offers/{offer['id']}/transitions", headers=world.headers("employer")
    ).json()
    assert history[-1]["reason"] == "Please drop the age limit and use (m/w/d)."
    fixed = client.patch(
        f"/api/v1/offers/{offer['id']}",
        json={"title": "Service staff (m/f/d)", "requirements": [{"text": "Food hygiene"}]},
        headers=world.headers("employer"),
    )
    assert fixed.status_code == 200
    again = client.post(f"/api/v1/offers/{offer['id']}/submit", headers=world.headers("employer"))
    assert again.json()["status"] == "submitted"


def test_publishing_a_held_offer_needs_a_written_reason_and_is_audited(
    client: TestClient, world: World
) -> None:
    offer = submitted(client, world, AD)
    path = f"/api/v1/offers/{offer['id']}/publish"
    assert client.post(path, headers=world.headers("liaison")).status_code == 422
    published = client.post(
        path,
        json={"reason": "Checked: an age-restricted bar licence"},
        headers=world.headers("liaison"),
    )
    assert published.json()["status"] == "published"
    events = client.get(
        "/api/v1/audit",
        params={"entity": "offer", "action": "publish", "entity_id": offer["id"]},
        headers=world.headers("admin"),
    ).json()["items"]
    assert [e["actor_id"] for e in events] == [world.users["liaison"].id]


def test_rejection_carries_a_reason_the_employer_sees(client: TestClient, world: World) -> None:
    offer = submitted(client, world, AD)
    rejected = client.post(
        f"/api/v1/offers/{offer['id']}/reject",
        json={"reason": "Discriminatory requirements were not changed."},
        headers=world.headers("liaison"),
    )
    assert rejected.json()["status"] == "rejected"
    history = client.get(
        f"/api/v1/offers/{offer['id']}/transitions", headers=world.headers("employer")
    ).json()
    assert history[-1]["reason"] == "Discriminatory requirements were not changed."
    refused = client.post(
        f"/api/v1/offers/{offer['id']}/publish",
        json={"reason": "x"},
        headers=world.headers("liaison"),
    )
    assert refused.status_code == 409
    assert refused.json()["current_state"] == "rejected"


def test_an_edit_that_adds_a_discriminatory_requirement_holds_a_published_offer(
    client: TestClient, world: World
) -> None:
    path = f"/api/v1/offers/{world.ids['offer_a']}"
    edited = client.patch(
        path,
        json={"requirements": [{"text": "Native German speaker"}]},
        headers=world.headers("liaison"),
    )
    assert edited.json()["status"] == "held"
    assert client.get(path, headers=world.headers("caseworker")).status_code == 404


def test_a_clean_offer_waits_for_approval_unless_the_setting_publishes_it(
    client: TestClient, world: World
) -> None:
    clean = {**AD, "title": "Service staff (m/f/d)", "requirements": [{"text": "Food hygiene"}]}
    assert submitted(client, world, clean)["status"] == "submitted"
    app = client.app
    assert isinstance(app, FastAPI)
    app.state.review = Review(app.state.review.screener, publish_without_review=True)
    assert submitted(client, world, clean)["status"] == "published"


def test_offers_past_their_expiry_date_expire_once(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    past = date.today() - timedelta(days=1)
    offer = world.build.offer(world.ids["company_a"], expiry_date=past)
    with unit_of_work(db) as session:
        assert offer.id in expire_offers(session, date.today())
    with unit_of_work(db) as session:
        assert expire_offers(session, date.today()) == []
    read = client.get(f"/api/v1/offers/{offer.id}", headers=world.headers("liaison")).json()
    assert read["status"] == "expired"
    assert (
        client.get(f"/api/v1/offers/{offer.id}", headers=world.headers("caseworker")).status_code
        == 404
    )


def test_an_offer_is_filled_when_placements_take_all_its_places(
    client: TestClient, world: World
) -> None:
    offer = world.build.offer(world.ids["company_a"], places=1)
    response = client.post(
        "/api/v1/placements",
        json={
            "client_id": world.ids["client_a"],
            "offer_id": offer.id,
            "planned_start": (date.today() + timedelta(days=3)).isoformat(),
        },
        headers=world.headers("liaison"),
    )
    assert response.status_code == 201
    read = client.get(f"/api/v1/offers/{offer.id}", headers=world.headers("liaison")).json()
    assert read["status"] == OfferStatus.filled.value
    again = client.post(
        "/api/v1/placements",
        json={
            "client_id": world.ids["client_b"],
            "offer_id": offer.id,
            "planned_start": (date.today() + timedelta(days=3)).isoformat(),
        },
        headers=world.headers("liaison"),
    )
    assert again.status_code == 409


def test_jobposting_round_trip_and_refused_rows(client: TestClient, world: World) -> None:
    exported = client.get(
        f"/api/v1/offers/{world.ids['offer_a']}/jobposting", headers=world.headers("liaison")
    ).json()
    assert exported["@type"] == "JobPosting"
    assert exported["hiringOrganization"]["name"] == "Gasthaus Zur Linde"
    copy_elsewhere = {
        **exported,
        "identifier": "board-7",
        "hiringOrganization": {"name": "Nobody GmbH"},
    }
    untitled = {**exported, "identifier": "board-8", "title": ""}
    biased = {**exported, "title": "Kellnerin"}
    report = client.post(
        "/api/v1/offers/import",
        json={"@graph": [exported, copy_elsewhere, untitled, biased]},
        headers=world.headers("liaison"),
    ).json()
    assert [r["outcome"] for r in report["rows"]] == ["unchanged", "created", "refused", "updated"]
    assert report["unchanged"] == [world.ids["offer_a"]]
    assert report["updated"] == [world.ids["offer_a"]]
    assert [(r["row"], r["field"]) for r in report["refused"]] == [(3, "title")]
    assert report["rows"][1]["company_outcome"] == "created"
    assert report["held"] == [world.ids["offer_a"]], "an edited published offer is screened"
    copy = client.get(
        f"/api/v1/offers/{report['created'][0]}", headers=world.headers("liaison")
    ).json()
    original = client.get(
        f"/api/v1/offers/{world.ids['offer_a']}", headers=world.headers("liaison")
    ).json()
    assert original["status"] == "held"
    assert original["title"] == "Kellnerin"
    for name in ("kind", "hours_per_week", "postcode", "places"):
        assert copy[name] == original[name], name
    assert copy["company_id"] == report["prospects"][0]
    assert [r["text"] for r in copy["requirements"]] == [
        r["text"] for r in original["requirements"]
    ]
    assert copy["status"] == "submitted"


def test_company_history_and_companies_without_recent_contact(
    client: TestClient, world: World
) -> None:
    history = client.get(
        f"/api/v1/companies/{world.ids['company_a']}/history", headers=world.headers("liaison")
    ).json()
    assert history["company"]["id"] == world.ids["company_a"]
    assert {o["offer"]["id"] for o in history["offers"]} >= {world.ids["offer_a"]}
    assert [p["id"] for p in history["placements"]] == [world.ids["placement_a"]]
    assert len(history["events"]) == 1
    quiet = world.build.company("Stille Post KG")
    gaps = client.get(
        "/api/v1/companies/without-contact", params={"days": 2}, headers=world.headers("liaison")
    ).json()["items"]
    by_id = {g["company"]["id"]: g for g in gaps}
    assert by_id[quiet.id]["last_contact_on"] is None
    assert by_id[world.ids["company_a"]]["days_without_contact"] == 3
    recent = client.get(
        "/api/v1/companies/without-contact", params={"days": 30}, headers=world.headers("liaison")
    ).json()["items"]
    assert world.ids["company_a"] not in {g["company"]["id"] for g in recent}


def test_companies_without_contact_by_name_and_status(client: TestClient, world: World) -> None:
    """Dormant companies are left out unless asked for; a name narrows the list."""
    world.build.company("Stille Post KG")
    world.build.company("Alte Mühle OG", engagement_status="dormant")

    def names(**params: str) -> list[str]:
        response = client.get(
            "/api/v1/companies/without-contact",
            params={"days": 2, **params},
            headers=world.headers("liaison"),
        )
        assert response.status_code == 200
        return sorted(g["company"]["name"] for g in response.json()["items"])

    assert names() == ["Gasthaus Zur Linde", "Logistik Ost GmbH", "Stille Post KG"]
    assert names(q="post") == ["Stille Post KG"]
    assert names(engagement_status="dormant") == ["Alte Mühle OG"]
    assert names(engagement_status="prospect", q="linde") == ["Gasthaus Zur Linde"]
