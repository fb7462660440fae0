"""The offer state machine: allowed moves, refused moves (409 naming the state), history."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from employers.offer_states import TRANSITIONS, OfferAction
from models.offer import OfferKind, OfferStatus
from tests.world import World

EXPOSED = (
    OfferAction.submit,
    OfferAction.publish,
    OfferAction.withdraw,
    OfferAction.hold,
    OfferAction.reject,
    OfferAction.request_changes,
)
CASES = [(action, state) for action in EXPOSED for state in OfferStatus]


@pytest.mark.parametrize(("action", "state"), CASES, ids=[f"{a}-from-{s}" for a, s in CASES])
def test_each_action_from_each_state(
    client: TestClient, world: World, action: OfferAction, state: OfferStatus
) -> None:
    offer = world.build.offer(world.ids["company_a"], status=state, tutor_id=world.ids["tutor_a"])
    path = f"/api/v1/offers/{offer.id}/{action.value.replace('_', '-')}"
    response = client.post(
        path, json={"reason": "checked with the employer"}, headers=world.headers("liaison")
    )
    rule = TRANSITIONS[action]
    if state in rule.sources:
        assert response.status_code == 200, response.text
        assert response.json()["status"] == rule.target.value
        history = client.get(
            f"/api/v1/offers/{offer.id}/transitions", headers=world.headers("liaison")
        ).json()
        assert [
            (h["from_status"], h["to_status"], h["actor_id"], h["reason"]) for h in history
        ] == [
            (state.value, rule.target.value, world.users["liaison"].id, "checked with the employer")
        ]
    else:
        assert response.status_code == 409
        assert response.json()["current_state"] == state.value
        assert f"'{state.value}'" in response.json()["detail"]
        after = client.get(f"/api/v1/offers/{offer.id}", headers=world.headers("liaison"))
        assert after.json()["status"] == state.value


def test_an_offer_goes_from_draft_to_published_and_its_history_says_who_and_why(
    client: TestClient, world: World
) -> None:
    employer, liaison = world.headers("employer"), world.headers("liaison")
    created = client.post(
        "/api/v1/offers",
        json={
            "kind": "work_trial",
            "title": "Kitchen helper (work trial)",
            "hours_per_week": 20,
            "contract_type": "none",
            "postcode": "1100",
            "tutor_id": world.ids["tutor_a"],
            "requirements": [
                {"text": "Basic food hygiene"},
                {"text": "Some German", "essential": False},
            ],
        },
        headers=employer,
    )
    assert created.status_code == 201
    offer_id = created.json()["id"]
    assert client.post(f"/api/v1/offers/{offer_id}/submit", headers=employer).status_code == 200
    refused = client.post(f"/api/v1/offers/{offer_id}/publish", headers=employer)
    assert refused.status_code == 403
    published = client.post(
        f"/api/v1/offers/{offer_id}/publish", json={"reason": "requirements fine"}, headers=liaison
    )
    assert published.json()["status"] == "published"
    history = client.get(f"/api/v1/offers/{offer_id}/transitions", headers=employer).json()
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("draft", "submitted"),
        ("submitted", "published"),
    ]
    assert [h["actor_id"] for h in history] == [
        world.users["employer"].id,
        world.users["liaison"].id,
    ]
    audit = client.get(
        "/api/v1/audit",
        params={"entity": "offer", "entity_id": offer_id},
        headers=world.headers("admin"),
    ).json()["items"]
    assert {e["action"] for e in audit} == {"create", "submit", "publish"}


def test_a_caseworker_sees_an_offer_only_while_it_is_published(
    client: TestClient, world: World
) -> None:
    offer = world.build.offer(world.ids["company_a"], status=OfferStatus.published)
    caseworker = world.headers("caseworker")
    assert client.get(f"/api/v1/offers/{offer.id}", headers=caseworker).status_code == 200
    client.post(f"/api/v1/offers/{offer.id}/withdraw", headers=world.headers("employer"))
    assert client.get(f"/api/v1/offers/{offer.id}", headers=caseworker).status_code == 404
    listed = client.get("/api/v1/offers", headers=caseworker).json()["items"]
    assert offer.id not in {o["id"] for o in listed}
    assert all(o["status"] == "published" for o in listed)


def test_an_employer_edits_only_drafts(client: TestClient, world: World) -> None:
    offer = world.build.offer(
        world.ids["company_a"], status=OfferStatus.submitted, kind=OfferKind.vacancy
    )
    response = client.patch(
        f"/api/v1/offers/{offer.id}", json={"title": "Changed"}, headers=world.headers("employer")
    )
    assert response.status_code == 409
    assert response.json()["current_state"] == "submitted"
    by_liaison = client.patch(
        f"/api/v1/offers/{offer.id}", json={"title": "Changed"}, headers=world.headers("liaison")
    )
    assert by_liaison.json()["title"] == "Changed"
