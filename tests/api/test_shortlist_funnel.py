"""An empty or short list is never a dead end: the answer says how many offers were
considered, how many each constraint kept off, and the relaxation that brings most back."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_shortlists import (
    LINZ,
    Requirement,
    Skill,
    add_client,
    add_offer,
    client_ids,
    concepts,
    offer_ids,
    shortlist_for_client,
    shortlist_for_offer,
)
from tests.world import World

__all__ = ["concepts"]  # the fixture, shared with the shortlist tests


def test_a_short_list_says_what_kept_offers_off_and_what_to_relax(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    hygiene = concepts["hygiene"]
    need: list[Requirement] = [("Food hygiene", True, hygiene)]
    far = [
        add_offer(world, f"Cook in Linz {i}", need, latitude=LINZ[0], longitude=LINZ[1])
        for i in range(3)
    ]
    long_hours = [
        add_offer(world, f"Full-time cook {i}", need, hours_per_week=45) for i in range(2)
    ]
    german = add_offer(world, "Cook, German B2", need, languages=[("de", "B2")])
    amina = add_client(
        world,
        [("food hygiene", hygiene, "exact")],
        hours_per_week=40,
        max_travel_km=20,
        languages={"de": "A2"},
    )

    answer = shortlist_for_client(client, world, amina)
    listed = offer_ids(answer)
    assert not set(far + long_hours + [german]) & set(listed)
    funnel = answer["funnel"]
    assert funnel["considered"] == answer["considered"]
    assert funnel["listed"] == len(listed)
    excluded = {e["constraint"]: e["count"] for e in funnel["excluded"]}
    assert excluded["distance"] == 3
    assert excluded["hours"] == 2
    assert excluded["languages"] == 1
    assert "3 beyond the distance allowed" in [e["detail"] for e in funnel["excluded"]]
    suggestion = funnel["suggestion"]
    assert suggestion["brings_back"] == 3
    assert suggestion["relax"]["distance_km"] >= 130  # Linz is ~150 km from Vienna
    assert suggestion["relax"]["hours_per_week"] == 0
    assert "km more travel" in suggestion["detail"]

    # Following the suggestion brings them back; the funnel no longer counts distance.
    relaxed = shortlist_for_client(client, world, amina, relax=suggestion["relax"])
    assert set(far) <= set(offer_ids(relaxed))
    after = {e["constraint"]: e["count"] for e in relaxed["funnel"]["excluded"]}
    assert "distance" not in after
    assert after["hours"] == 2

    # A stored shortlist reopens with its funnel exactly as it was.
    again = client.get(f"/api/v1/shortlists/{answer['id']}", headers=world.headers("caseworker"))
    assert again.json()["funnel"] == funnel


def test_a_full_list_has_no_funnel(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    need: list[Requirement] = [("Food hygiene", True, concepts["hygiene"])]
    for i in range(3):
        add_offer(world, f"Cook {i}", need)
    amina = add_client(world, [("food hygiene", concepts["hygiene"], "exact")])
    answer = shortlist_for_client(client, world, amina, limit=2)
    assert len(answer["items"]) == 2
    assert answer["funnel"] is None


def test_a_short_list_of_clients_for_an_offer_says_what_kept_them_off(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    hygiene = concepts["hygiene"]
    offer = add_offer(world, "Cook at the parish café", [("Food hygiene", True, hygiene)])
    skills: list[Skill] = [("food hygiene", hygiene, "exact")]
    near = add_client(world, skills, "Samira")
    far = [
        add_client(world, skills, f"Linz {i}", latitude=LINZ[0], longitude=LINZ[1])
        for i in range(2)
    ]
    add_client(world, skills, "Private", consent_liaison=False, latitude=LINZ[0], longitude=LINZ[1])

    answer = shortlist_for_offer(client, world, offer)
    assert client_ids(answer) == [near]
    funnel = answer["funnel"]
    assert funnel["listed"] == 1
    excluded = {e["constraint"]: e["count"] for e in funnel["excluded"]}
    assert excluded == {"distance": 2}  # the client who did not consent is not counted
    assert funnel["excluded"][0]["detail"] == "2 live beyond the distance they can travel"
    suggestion = funnel["suggestion"]
    assert suggestion["brings_back"] == 2
    assert suggestion["detail"].endswith("up to 2 more clients")

    relaxed = shortlist_for_offer(client, world, offer, relax=suggestion["relax"])
    assert set(far) <= set(client_ids(relaxed))
