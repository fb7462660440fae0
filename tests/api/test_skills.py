"""The skills endpoints, and concepts proposed for and confirmed on people's own words."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from config.settings import Settings
from matching.embedding import Embedder
from taxonomy.cache import SkillsCache
from taxonomy.normalise import Thresholds
from tests.world import World


def test_normalise_returns_concepts_best_first_with_how_they_were_found(
    client: TestClient, world: World
) -> None:
    response = client.post(
        "/api/v1/skills/normalise", json={"text": "haccp"}, headers=world.headers("employer")
    )
    assert response.status_code == 200
    best = response.json()["matches"][0]
    assert best["concept_id"] == world.ids["concept"]
    assert best["how"] == "alternative"
    assert best["label"] == "apply food hygiene"
    assert response.json()["attribution"] is None
    empty = client.post(
        "/api/v1/skills/normalise",
        json={"text": "quantum chromodynamics"},
        headers=world.headers("employer"),
    )
    assert empty.json()["matches"] == []


def test_search_completes_words_as_they_are_typed(client: TestClient, world: World) -> None:
    response = client.get(
        "/api/v1/skills", params={"q": "food hyg"}, headers=world.headers("caseworker")
    )
    assert [i["concept_id"] for i in response.json()["items"]] == [world.ids["concept"]]
    assert (
        client.get(
            "/api/v1/skills", params={"q": ""}, headers=world.headers("caseworker")
        ).status_code
        == 422
    )


def test_a_client_statement_keeps_its_words_and_gets_proposed_concepts(
    client: TestClient, world: World
) -> None:
    created = client.post(
        "/api/v1/clients",
        json={
            "given_name": "Olena",
            "family_name": "Koval",
            "home_postcode": "1210",
            "right_to_work": "yes",
            "skills": [
                {"text": "Food safety (HACCP course)", "source": "formal"},
                {"text": "I knit jumpers for the whole family"},
            ],
        },
        headers=world.headers("caseworker"),
    )
    assert created.status_code == 201
    food, knitting = created.json()["skills"]
    assert food["text"] == "Food safety (HACCP course)"
    assert [c["concept_id"] for c in food["concepts"]] == [world.ids["concept"]]
    assert food["concepts"][0]["confirmed_by_id"] is None
    assert knitting["text"] == "I knit jumpers for the whole family"
    assert knitting["concepts"] == []


def test_a_caseworker_confirms_or_changes_what_a_statement_means(
    client: TestClient, world: World
) -> None:
    other = world.build.concept("cook for large groups", "cooking for many people")
    path = f"/api/v1/clients/{world.ids['client_a']}/skills/{world.ids['skill_a']}/concepts"
    caseworker = world.headers("caseworker")
    confirmed = client.put(path, json={"concept_ids": [other.id]}, headers=caseworker)
    assert confirmed.status_code == 200
    (mapping,) = confirmed.json()["concepts"]
    assert mapping["concept_id"] == other.id
    assert mapping["how"] == "confirmed"
    assert mapping["confirmed_by_id"] == world.users["caseworker"].id
    assert mapping["confirmed_at"] is not None
    unknown = client.put(path, json={"concept_ids": [999_999]}, headers=caseworker)
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "concept_ids"
    profile = client.get(f"/api/v1/clients/{world.ids['client_a']}", headers=caseworker).json()
    assert [c["concept_id"] for c in profile["skills"][0]["concepts"]] == [other.id]
    events = client.get(
        "/api/v1/audit", params={"action": "confirm_concepts"}, headers=world.headers("admin")
    ).json()["items"]
    assert [(e["entity"], e["actor_id"]) for e in events] == [
        ("client_skill", world.users["caseworker"].id)
    ]


def test_requirements_get_proposals_and_a_liaison_officer_confirms_them(
    client: TestClient, world: World
) -> None:
    created = client.post(
        "/api/v1/offers",
        json={
            "kind": "vacancy",
            "title": "Kitchen assistant",
            "hours_per_week": 30,
            "contract_type": "permanent",
            "postcode": "1100",
            "requirements": [{"text": "HACCP certificate"}, {"text": "Friendly manner"}],
        },
        headers=world.headers("employer"),
    ).json()
    haccp, friendly = created["requirements"]
    assert [c["concept_id"] for c in haccp["concepts"]] == [world.ids["concept"]]
    assert friendly["concepts"] == []
    path = f"/api/v1/offers/{created['id']}/requirements/{friendly['id']}/concepts"
    response = client.put(
        path, json={"concept_ids": [world.ids["concept"]]}, headers=world.headers("liaison")
    )
    assert response.json()["concepts"][0]["confirmed_by_id"] == world.users["liaison"].id


def test_taxonomy_statistics_count_what_is_loaded(client: TestClient, world: World) -> None:
    stats = client.get("/api/v1/skills/stats", headers=world.headers("liaison")).json()
    assert stats["concepts"] == {"starter skill": 1}
    assert stats["labels_by_language"] == {"en": 3}
    assert stats["attribution"] is None


def test_a_running_service_sees_a_taxonomy_change_made_elsewhere(
    settings: Settings, engine: object, world: World, embedder: Embedder
) -> None:
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    app = create_app(
        settings,
        engine=engine,
        skills=SkillsCache(Thresholds(), check_every_s=0),
        embedder=embedder,
    )
    with TestClient(app) as fresh:
        before = fresh.post(
            "/api/v1/skills/normalise",
            json={"text": "forklift driving"},
            headers=world.headers("liaison"),
        ).json()["matches"]
        assert before == []
        world.build.concept("drive a forklift", "forklift driving")
        from models.db import unit_of_work
        from models.taxonomy import TaxonomyImport

        with unit_of_work(world.build.db) as session:
            session.add(TaxonomyImport(source="starter", version="test", counts={}))
        after = fresh.post(
            "/api/v1/skills/normalise",
            json={"text": "forklift driving"},
            headers=world.headers("liaison"),
        ).json()["matches"]
        assert [m["label"] for m in after] == ["drive a forklift"]


def test_an_edit_keeps_the_confirmed_concepts_of_unchanged_statements(
    client: TestClient, world: World
) -> None:
    caseworker = world.headers("caseworker")
    path = f"/api/v1/clients/{world.ids['client_a']}"
    client.put(
        f"{path}/skills/{world.ids['skill_a']}/concepts",
        json={"concept_ids": [world.ids["concept"]]},
        headers=caseworker,
    )
    kept_text = client.get(path, headers=caseworker).json()["skills"][0]["text"]
    edited = client.patch(
        path,
        json={"skills": [{"text": "HACCP training"}, {"text": kept_text}]},
        headers=caseworker,
    )
    assert edited.status_code == 200
    new, kept = edited.json()["skills"]
    assert kept["id"] == world.ids["skill_a"]
    assert kept["concepts"][0]["confirmed_by_id"] == world.users["caseworker"].id
    assert isinstance(new["id"], int)
    assert new["concepts"][0]["how"] in {"alternative", "fuzzy"}
