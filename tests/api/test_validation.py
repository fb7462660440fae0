"""Bad input gets a 4xx that names the field and says what is wrong, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.offer import OfferKind, OfferStatus
from models.registry import metadata
from tests.world import World


def row_counts(db: sessionmaker[Session]) -> dict[str, int]:
    with db() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in metadata.sorted_tables
        }


OFFER = {
    "kind": "vacancy",
    "title": "Warehouse operative",
    "hours_per_week": 38.5,
    "contract_type": "permanent",
    "postcode": "1100",
}
CLIENT = {
    "given_name": "Olena",
    "family_name": "Koval",
    "home_postcode": "1210",
    "right_to_work": "yes",
}
COMPANY = {
    "name": "Bäckerei Ströck-Nord",
    "nace_code": "10",
    "size_class": "small",
    "postcode": "1210",
}
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()
TODAY = date.today().isoformat()

Case = tuple[str, str, str, Callable[[World], str], Callable[[World], Any], int, str, str]

CASES: list[Case] = [
    (
        "wrong type",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {**OFFER, "company_id": w.ids["company_a"], "hours_per_week": "lots"},
        422,
        "hours_per_week",
        "number",
    ),
    (
        "unknown enum value",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {**OFFER, "company_id": w.ids["company_a"], "kind": "internship"},
        422,
        "kind",
        "vacancy",
    ),
    (
        "unknown postcode",
        "liaison",
        "POST",
        lambda w: "/api/v1/companies",
        lambda w: {**COMPANY, "postcode": "9999"},
        422,
        "postcode",
        "9999",
    ),
    (
        "unknown home postcode",
        "caseworker",
        "POST",
        lambda w: "/api/v1/clients",
        lambda w: {**CLIENT, "home_postcode": "6020"},
        422,
        "home_postcode",
        "6020",
    ),
    (
        "CEFR Z9",
        "caseworker",
        "POST",
        lambda w: "/api/v1/clients",
        lambda w: {**CLIENT, "languages": [{"language": "de", "level": "Z9"}]},
        422,
        "languages.0.level",
        "CEFR",
    ),
    (
        "unknown language",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {
            **OFFER,
            "company_id": w.ids["company_a"],
            "languages": [{"language": "xx", "min_level": "B1"}],
        },
        422,
        "languages.0.language",
        "ISO 639",
    ),
    (
        "unknown NACE code",
        "liaison",
        "POST",
        lambda w: "/api/v1/companies",
        lambda w: {**COMPANY, "nace_code": "04"},
        422,
        "nace_code",
        "NACE",
    ),
    (
        "ISCED out of range",
        "caseworker",
        "POST",
        lambda w: "/api/v1/clients",
        lambda w: {**CLIENT, "isced_level": 9},
        422,
        "isced_level",
        "ISCED",
    ),
    (
        "end before start",
        "liaison",
        "POST",
        lambda w: "/api/v1/placements",
        lambda w: {
            "client_id": w.ids["client_a"],
            "offer_id": w.ids["offer_a"],
            "planned_start": TODAY,
            "planned_end": YESTERDAY,
        },
        422,
        "planned_end",
        "before",
    ),
    (
        "next step before the event",
        "liaison",
        "POST",
        lambda w: f"/api/v1/companies/{w.ids['company_a']}/events",
        lambda w: {
            "kind": "visit",
            "occurred_on": TODAY,
            "summary": "Visit",
            "next_step_on": YESTERDAY,
        },
        422,
        "next_step_on",
        "before",
    ),
    (
        "duplicate registration number",
        "liaison",
        "POST",
        lambda w: "/api/v1/companies",
        lambda w: {**COMPANY, "registration_number": "FN 100001a"},
        409,
        "registration_number",
        "already recorded",
    ),
    (
        "status through an update",
        "liaison",
        "PATCH",
        lambda w: f"/api/v1/offers/{w.ids['offer_a_draft']}",
        lambda w: {"title": "New title", "status": "published"},
        422,
        "status",
        "status",
    ),
    (
        "null for a required field",
        "liaison",
        "PATCH",
        lambda w: f"/api/v1/offers/{w.ids['offer_a_draft']}",
        lambda w: {"title": "New title", "hours_per_week": None},
        422,
        "hours_per_week",
        "empty",
    ),
    (
        "unknown field",
        "caseworker",
        "POST",
        lambda w: "/api/v1/clients",
        lambda w: {**CLIENT, "nationality": "SY"},
        422,
        "nationality",
        "Extra",
    ),
    (
        "expiry in the past",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {**OFFER, "company_id": w.ids["company_a"], "expiry_date": YESTERDAY},
        422,
        "expiry_date",
        "past",
    ),
    (
        "postcode missing for an on-site offer",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {
            k: v for k, v in {**OFFER, "company_id": w.ids["company_a"]}.items() if k != "postcode"
        },
        422,
        "postcode",
        "remote",
    ),
    (
        "tutor of another company",
        "liaison",
        "POST",
        lambda w: "/api/v1/offers",
        lambda w: {**OFFER, "company_id": w.ids["company_a"], "tutor_id": w.ids["tutor_b"]},
        422,
        "tutor_id",
        "not a tutor",
    ),
    (
        "duplicate email",
        "admin",
        "POST",
        lambda w: "/api/v1/users",
        lambda w: {
            "email": "CW@tandem.example",
            "display_name": "x",
            "password": "long enough to pass",
            "role": "caseworker",
        },
        409,
        "email",
        "already exists",
    ),
    (
        "employer user without a company",
        "admin",
        "POST",
        lambda w: "/api/v1/users",
        lambda w: {
            "email": "new@tandem.example",
            "display_name": "x",
            "password": "long enough to pass",
            "role": "employer",
        },
        422,
        "company_id",
        "company",
    ),
    (
        "contact in the future",
        "caseworker",
        "POST",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}/contacts",
        lambda w: {
            "contacted_on": (date.today() + timedelta(days=2)).isoformat(),
            "channel": "phone",
        },
        422,
        "contacted_on",
        "future",
    ),
    (
        "share outside the office",
        "caseworker",
        "POST",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}/shares",
        lambda w: {"caseworker_id": w.users["caseworker_b"].id},
        422,
        "caseworker_id",
        "office",
    ),
    (
        "tutor trained before agreeing",
        "employer",
        "POST",
        lambda w: "/api/v1/tutors",
        lambda w: {"name": "Karl Bauer", "agreed_on": TODAY, "trained_on": YESTERDAY},
        422,
        "trained_on",
        "before",
    ),
    (
        "headcount out of range",
        "liaison",
        "PATCH",
        lambda w: f"/api/v1/companies/{w.ids['company_a']}",
        lambda w: {"headcount": 3_000_000_000},
        422,
        "headcount",
        "less than",
    ),
    (
        "an id no database can hold",
        "caseworker",
        "POST",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}/shares",
        lambda w: {"caseworker_id": 1_099_511_627_776},
        422,
        "caseworker_id",
        "less than",
    ),
    (
        "expiry moved into the past",
        "liaison",
        "PATCH",
        lambda w: f"/api/v1/offers/{w.ids['offer_a_draft']}",
        lambda w: {"expiry_date": YESTERDAY},
        422,
        "expiry_date",
        "past",
    ),
    (
        "home postcode emptied",
        "caseworker",
        "PATCH",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}",
        lambda w: {"home_postcode": None},
        422,
        "home_postcode",
        "empty",
    ),
    (
        "blank skill statement",
        "caseworker",
        "PATCH",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}",
        lambda w: {"skills": [{"text": "   "}]},
        422,
        "skills.0.text",
        "at least 1",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(
    client: TestClient, world: World, db: sessionmaker[Session], case: Case
) -> None:
    _name, who, method, path, body, status, field, words = case
    before = row_counts(db)
    response = client.request(method, path(world), json=body(world), headers=world.headers(who))
    assert response.status_code == status, response.text
    answer = response.json()
    assert answer["field"] == field
    assert words.lower() in answer["detail"].lower()
    assert row_counts(db) == before


def test_submitting_a_work_trial_without_a_tutor_is_refused_and_it_stays_a_draft(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    offer = world.build.offer(
        world.ids["company_a"], status=OfferStatus.draft, kind=OfferKind.work_trial
    )
    before = row_counts(db)
    response = client.post(f"/api/v1/offers/{offer.id}/submit", headers=world.headers("employer"))
    assert response.status_code == 422
    assert response.json()["field"] == "tutor_id"
    assert "tutor" in response.json()["detail"]
    assert row_counts(db) == before
    read = client.get(f"/api/v1/offers/{offer.id}", headers=world.headers("employer")).json()
    assert read["status"] == "draft"


def test_a_work_trial_can_be_drafted_without_a_tutor(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/offers",
        json={**OFFER, "kind": "work_trial", "contract_type": "none"},
        headers=world.headers("employer"),
    )
    assert response.status_code == 201
    assert response.json()["status"] == "draft"
    assert response.json()["company_id"] == world.ids["company_a"]


def test_a_created_resource_is_returned_with_its_id_and_resolved_coordinates(
    client: TestClient, world: World
) -> None:
    response = client.post("/api/v1/companies", json=COMPANY, headers=world.headers("liaison"))
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int)
    assert (body["latitude"], body["longitude"]) == (48.2773, 16.4106)
    again = client.get(f"/api/v1/companies/{body['id']}", headers=world.headers("liaison"))
    assert again.json() == body


def test_out_of_range_ids_in_paths_and_naive_times_are_4xx_not_500(
    client: TestClient, world: World
) -> None:
    huge = client.get("/api/v1/offers/1099511627776", headers=world.headers("liaison"))
    assert huge.status_code == 422
    assert huge.json()["field"] == "offer_id"
    naive = client.get(
        "/api/v1/audit", params={"since": "2026-01-01T00:00:00"}, headers=world.headers("admin")
    )
    assert naive.status_code == 422
    assert naive.json()["field"] == "since"


def test_a_company_with_tutors_is_not_deleted(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    before = row_counts(db)
    response = client.delete(
        f"/api/v1/companies/{world.ids['company_b']}", headers=world.headers("liaison")
    )
    assert response.status_code == 409
    assert "dormant" in response.json()["detail"]
    assert row_counts(db) == before
