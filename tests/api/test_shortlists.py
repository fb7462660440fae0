"""Shortlists through the API: ranking by requirement, explanations, constraints taking effect
at once, relaxation, why-not, fairness, stored shortlists and decisions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from models.audit import AuditEvent
from models.client import (
    Client,
    ClientLanguage,
    ClientMonitoring,
    ClientSkill,
    ClientSkillConcept,
    RightToWork,
    SkillSource,
)
from models.db import unit_of_work
from models.offer import (
    ContractType,
    Offer,
    OfferKind,
    OfferLanguage,
    OfferRequirement,
    OfferStatus,
    RequirementConcept,
)
from models.placement import Placement
from tests.world import World

VIENNA = (48.1527, 16.3824)
LINZ = (48.3069, 14.2858)

Requirement = tuple[str, bool, int | None]
Skill = tuple[str, int | None, str]


def add_offer(w: World, title: str, requirements: list[Requirement], **kw: Any) -> int:
    values: dict[str, Any] = dict(
        kind=OfferKind.vacancy,
        hours_per_week=30,
        contract_type=ContractType.permanent,
        country="AT",
        postcode="1100",
        latitude=VIENNA[0],
        longitude=VIENNA[1],
        places=2,
        status=OfferStatus.published,
    )
    values.update(kw)
    languages = values.pop("languages", [])
    offer = Offer(company_id=w.ids["company_a"], title=title, **values)
    for position, (text, essential, concept_id) in enumerate(requirements):
        requirement = OfferRequirement(position=position, text=text, essential=essential)
        if concept_id is not None:
            requirement.concepts = [
                RequirementConcept(concept_id=concept_id, score=1.0, how="exact")
            ]
        offer.requirements.append(requirement)
    offer.languages = [OfferLanguage(language=lang, min_level=lvl) for lang, lvl in languages]
    return w.build.add(offer).id


def add_client(w: World, skills: list[Skill], given_name: str = "Amina", **kw: Any) -> int:
    values: dict[str, Any] = dict(
        family_name="Haddad",
        country="AT",
        home_postcode="1100",
        latitude=VIENNA[0],
        longitude=VIENNA[1],
        right_to_work=RightToWork.yes,
        max_travel_km=20,
        consent_liaison=True,
        consent_employers=True,
        caseworker_id=w.users["caseworker"].id,
    )
    values.update(kw)
    languages = values.pop("languages", {})
    client = Client(given_name=given_name, **values)
    for position, (text, concept_id, how) in enumerate(skills):
        skill = ClientSkill(position=position, text=text, source=SkillSource.formal)
        if concept_id is not None:
            skill.concepts = [ClientSkillConcept(concept_id=concept_id, score=1.0, how=how)]
        client.skills.append(skill)
    client.languages = [ClientLanguage(language=k, level=v) for k, v in languages.items()]
    return w.build.add(client).id


@pytest.fixture
def concepts(world: World) -> dict[str, int]:
    b = world.build
    return {
        "hygiene": world.ids["concept"],
        "cash": b.concept("operate cash register", "cash desk").id,
        "forklift": b.concept("operate forklift").id,
        "care": b.concept("provide personal care").id,
    }


def shortlist_for_client(
    client: TestClient, w: World, client_id: int, who: str = "caseworker", **body: Any
) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/clients/{client_id}/shortlists", json=body, headers=w.headers(who)
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def shortlist_for_offer(
    client: TestClient, w: World, offer_id: int, who: str = "liaison", **body: Any
) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/offers/{offer_id}/shortlists", json=body, headers=w.headers(who)
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def without_ids(value: Any) -> Any:
    """The same data without record ids (each client's skills have their own)."""
    if isinstance(value, dict):
        return {
            k: without_ids(v) for k, v in value.items() if k not in {"id", "client_id", "skill_id"}
        }
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def offer_ids(shortlist: dict[str, Any]) -> list[int]:
    return [item["offer_id"] for item in shortlist["items"]]


def client_ids(shortlist: dict[str, Any]) -> list[int]:
    return [item["client_id"] for item in shortlist["items"]]


def test_offers_are_ranked_by_the_requirements_a_client_meets_and_explained(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    both = add_offer(
        world,
        "Shop assistant",
        [("Food hygiene", True, concepts["hygiene"]), ("Cash desk", True, concepts["cash"])],
    )
    half = add_offer(
        world,
        "Warehouse helper",
        [("Food hygiene", True, concepts["hygiene"]), ("Forklift", True, concepts["forklift"])],
    )
    none = add_offer(world, "Forklift driver", [("Forklift", True, concepts["forklift"])])
    amina = add_client(
        world,
        [
            ("HACCP course at the hotel school", concepts["hygiene"], "exact"),
            ("Ran the till at the church bazaar", concepts["cash"], "informal"),
        ],
    )

    shortlist = shortlist_for_client(client, world, amina, limit=10)

    ranked = offer_ids(shortlist)
    assert ranked.index(both) < ranked.index(half)
    assert none not in ranked
    top = shortlist["items"][0]
    assert top["offer_id"] == both
    assert top["rank"] == 1
    explanation = top["explanation"]
    met = {r["text"]: r for r in explanation["requirements"]}
    assert met["Food hygiene"]["how"] == "same_concept"
    assert met["Food hygiene"]["client_words"] == "HACCP course at the hotel school"
    assert met["Cash desk"]["how"] == "informal_experience"
    assert met["Cash desk"]["concept"]["label"] == "operate cash register"
    distance = next(c for c in explanation["constraints"] if c["name"] == "distance")
    assert distance["passed"]
    assert distance["detail"].endswith("km of 20 km allowed")
    # The score can be recomputed from its parts, and the parts from the requirements.
    parts = explanation["parts"]
    assert round(sum(p["points"] for p in parts.values()), 3) == round(top["score"], 3)
    credits = [r["credit"] for r in explanation["requirements"] if r["essential"]]
    assert parts["essential"]["value"] == pytest.approx(sum(credits) / len(credits), abs=1e-4)
    second = next(i for i in shortlist["items"] if i["offer_id"] == half)
    assert second["explanation"]["missing"] == ["Forklift"]
    assert "Not met: 'Forklift' (essential)" in second["explanation"]["text"]

    stored = client.get(
        f"/api/v1/shortlists/{shortlist['id']}", headers=world.headers("caseworker")
    )
    assert stored.status_code == 200
    assert stored.json()["items"] == shortlist["items"]


def test_words_without_a_concept_are_matched_by_meaning(client: TestClient, world: World) -> None:
    care = add_offer(world, "Care assistant", [("Care for elderly people", True, None)])
    client_id = add_client(
        world, [("Cared for my elderly grandmother for three years", None, "exact")]
    )

    shortlist = shortlist_for_client(client, world, client_id)

    assert offer_ids(shortlist) == [care]
    requirement = shortlist["items"][0]["explanation"]["requirements"][0]
    assert requirement["how"] == "semantic"
    assert requirement["similarity"] >= 0.7


def test_distance_excludes_and_a_relaxation_lets_in_with_a_note(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    far = add_offer(
        world,
        "Kitchen help in Linz",
        [("Food hygiene", True, concepts["hygiene"])],
        latitude=LINZ[0],
        longitude=LINZ[1],
    )
    amina = add_client(world, [("Food safety", concepts["hygiene"], "alternative")])

    shortlist = shortlist_for_client(client, world, amina)
    assert far not in offer_ids(shortlist)
    why = client.get(
        f"/api/v1/shortlists/{shortlist['id']}/why-not/{far}", headers=world.headers("caseworker")
    ).json()
    assert not why["on_list"]
    assert any(r.startswith("distance: 15") and "of 20 km allowed" in r for r in why["reasons"])

    relaxed = shortlist_for_client(client, world, amina, relax={"distance_km": 150})
    assert far in offer_ids(relaxed)
    item = next(i for i in relaxed["items"] if i["offer_id"] == far)
    distance = next(c for c in item["explanation"]["constraints"] if c["name"] == "distance")
    assert "relaxed by 150 km" in distance["detail"]
    assert item["explanation"]["relaxed"] == ["distance"]
    assert relaxed["request"]["relax"]["distance_km"] == 150


def test_each_hard_constraint_keeps_an_offer_off_the_list(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    requirement: list[Requirement] = [("Food hygiene", True, concepts["hygiene"])]
    offers = {
        "hours": add_offer(world, "Long hours", requirement, hours_per_week=45),
        "languages": add_offer(world, "German C1", requirement, languages=[("de", "C1")]),
        "education": add_offer(world, "Needs upper secondary", requirement, min_isced=3),
        "physical": add_offer(world, "Heavy", requirement, physical_demands=["heavy_lifting"]),
        "driving_licence": add_offer(world, "Driver", requirement, driving_licence="C"),
        "schedule": add_offer(world, "Nights", requirement, schedules=["night"]),
    }
    fits = add_offer(world, "Fits", requirement, languages=[("de", "B1")])
    amina = add_client(
        world,
        [("Food hygiene", concepts["hygiene"], "exact")],
        hours_per_week=30,
        languages={"de": "B1"},
        isced_level=2,
        functional_limits=["no_heavy_lifting"],
        driving_licences=["B"],
        unavailable_schedules=["night"],
    )

    shortlist = shortlist_for_client(client, world, amina, limit=20)

    assert offer_ids(shortlist) == [fits]
    for name, offer_id in offers.items():
        why = client.get(
            f"/api/v1/shortlists/{shortlist['id']}/why-not/{offer_id}",
            headers=world.headers("caseworker"),
        ).json()
        assert any(r.startswith(f"{name}:") for r in why["reasons"]), (name, why["reasons"])


def test_a_client_without_the_right_to_work_gets_no_offers(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    add_offer(world, "Kitchen help", [("Food hygiene", True, concepts["hygiene"])])
    waiting = add_client(
        world, [("Food hygiene", concepts["hygiene"], "exact")], right_to_work=RightToWork.pending
    )
    assert shortlist_for_client(client, world, waiting)["items"] == []


def test_consent_withdrawal_takes_effect_on_the_next_offer_shortlist(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, concepts["hygiene"])])
    amina = add_client(world, [("Food hygiene", concepts["hygiene"], "exact")])
    assert amina in client_ids(shortlist_for_offer(client, world, offer))

    withdrawn = client.put(
        f"/api/v1/clients/{amina}/consent",
        json={"liaison": False},
        headers=world.headers("caseworker"),
    )
    assert withdrawn.status_code == 200

    assert amina not in client_ids(shortlist_for_offer(client, world, offer))
    # Her caseworker still gets offers for her: consent governs the liaison side only.
    assert offer in offer_ids(shortlist_for_client(client, world, amina))


def test_a_full_tutor_takes_the_work_trial_off_the_list_at_once(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    tutor = world.build.tutor(world.ids["company_a"], max_mentees=1)
    trial = add_offer(
        world,
        "Work trial in the kitchen",
        [("Food hygiene", True, concepts["hygiene"])],
        kind=OfferKind.work_trial,
        tutor_id=tutor.id,
        places=3,
    )
    amina = add_client(world, [("Food hygiene", concepts["hygiene"], "exact")])
    other = add_client(world, [("Cooking", None, "exact")], given_name="Jovana")
    first = shortlist_for_client(client, world, amina)
    assert trial in offer_ids(first)
    item = next(i for i in first["items"] if i["offer_id"] == trial)
    check = next(c for c in item["explanation"]["constraints"] if c["name"] == "tutor_capacity")
    assert check["detail"] == "the tutor accompanies 0 of 1 newcomer(s)"

    world.build.add(
        Placement(
            client_id=other,
            offer_id=trial,
            tutor_id=tutor.id,
            kind=OfferKind.work_trial,
            planned_start=date.today() + timedelta(days=3),
        )
    )

    second = shortlist_for_client(client, world, amina)
    assert trial not in offer_ids(second)
    why = client.get(
        f"/api/v1/shortlists/{second['id']}/why-not/{trial}", headers=world.headers("caseworker")
    ).json()
    assert "tutor_capacity: the tutor accompanies 1 of 1 newcomer(s): full" in why["reasons"]
    # The stored first shortlist still shows what was true then.
    again = client.get(f"/api/v1/shortlists/{first['id']}", headers=world.headers("caseworker"))
    assert again.json()["items"] == first["items"]


def test_offers_changed_after_the_matcher_loaded_count_at_once(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    amina = add_client(world, [("Food hygiene", concepts["hygiene"], "exact")])
    assert shortlist_for_client(client, world, amina)["items"] == []
    offer = add_offer(world, "New kitchen job", [("Food hygiene", True, concepts["hygiene"])])
    assert offer_ids(shortlist_for_client(client, world, amina)) == [offer]

    withdrawn = client.post(
        f"/api/v1/offers/{offer}/withdraw",
        json={"reason": "filled elsewhere"},
        headers=world.headers("employer"),
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert shortlist_for_client(client, world, amina)["items"] == []


def test_clients_identical_but_for_protected_attributes_get_identical_shortlists(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    offer = add_offer(
        world,
        "Shop assistant",
        [("Food hygiene", True, concepts["hygiene"]), ("Cash desk", True, concepts["cash"])],
    )
    add_offer(world, "Care assistant", [("Looking after elderly people", True, None)])
    skills: list[Skill] = [
        ("Food safety", concepts["hygiene"], "alternative"),
        ("Cared for my grandmother", None, "exact"),
    ]
    first = add_client(world, skills, given_name="Anna", family_name="Gruber")
    second = add_client(world, skills, given_name="Mehmet", family_name="Yilmaz")
    world.build.add(
        ClientMonitoring(client_id=first, gender="female", birth_year=1998, nationality="AT")
    )
    world.build.add(
        ClientMonitoring(client_id=second, gender="male", birth_year=1968, nationality="TR")
    )

    a = shortlist_for_client(client, world, first)
    b = shortlist_for_client(client, world, second)
    assert a["items"]
    assert without_ids(a["items"]) == without_ids(b["items"])

    by_offer = shortlist_for_offer(client, world, offer)
    items = {i["client_id"]: i for i in by_offer["items"]}
    assert items[first]["score"] == items[second]["score"]
    assert without_ids(items[first]["explanation"]) == without_ids(items[second]["explanation"])
    text = str(by_offer)
    assert "Gruber" not in text
    assert "Yilmaz" not in text
    assert "Mehmet" not in text


def test_decisions_are_recorded_with_reasons_and_audited(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, concepts["hygiene"])])
    amina = add_client(world, [("Food hygiene", concepts["hygiene"], "exact")])
    shortlist = shortlist_for_client(client, world, amina)
    url = f"/api/v1/shortlists/{shortlist['id']}/decisions"
    headers = world.headers("caseworker")

    no_reason = client.post(
        url, json={"candidate_id": offer, "decision": "rejected"}, headers=headers
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["field"] == "reason"
    not_listed = client.post(
        url, json={"candidate_id": world.ids["offer_b"], "decision": "proposed"}, headers=headers
    )
    assert not_listed.status_code == 422
    assert not_listed.json()["field"] == "candidate_id"

    proposed = client.post(
        url, json={"candidate_id": offer, "decision": "proposed"}, headers=headers
    )
    rejected = client.post(
        url,
        json={"candidate_id": offer, "decision": "rejected", "reason": "She prefers mornings"},
        headers=headers,
    )
    assert proposed.status_code == rejected.status_code == 201

    stored = client.get(f"/api/v1/shortlists/{shortlist['id']}", headers=headers).json()
    assert [(d["decision"], d["reason"]) for d in stored["decisions"]] == [
        ("proposed", None),
        ("rejected", "She prefers mornings"),
    ]
    with unit_of_work(world.build.db) as session:
        logged = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "shortlist_decision")
        ).all()
    assert logged == ["create", "create"]


def test_clients_for_an_offer_that_is_not_published_is_a_conflict(
    client: TestClient, world: World
) -> None:
    response = client.post(
        f"/api/v1/offers/{world.ids['offer_a_draft']}/shortlists", headers=world.headers("liaison")
    )
    assert response.status_code == 409
    assert response.json()["current_state"] == "draft"


def test_a_caseworker_sees_only_own_clients_on_an_offer_shortlist(
    client: TestClient, world: World, concepts: dict[str, int]
) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, concepts["hygiene"])])
    mine = add_client(world, [("Food hygiene", concepts["hygiene"], "exact")])
    theirs = add_client(
        world,
        [("Food hygiene", concepts["hygiene"], "exact")],
        caseworker_id=world.users["caseworker_b"].id,
    )
    assert set(client_ids(shortlist_for_offer(client, world, offer))) >= {mine, theirs}
    assert client_ids(shortlist_for_offer(client, world, offer, who="caseworker")) == [mine]
