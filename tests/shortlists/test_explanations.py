"""Explanations stored as facts and put in words when read: the facts round-trip, old rows
still read, English reads as it did, and a reader who lost sight of a client loses their words.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from matching.catalogue import Statement
from matching.constraints import (
    Check,
    ClientFacts,
    OfferFacts,
    OfferState,
    Relaxation,
    live_checks,
    static_checks,
)
from matching.explain import explain
from matching.facts import ExplanationFacts
from matching.ranking import How, PairScore, RequirementMatch, Weights
from models.db import unit_of_work
from models.matching import Shortlist, ShortlistDirection, ShortlistItem
from places.geo import EARTH_RADIUS_KM
from shortlists.explanations import (
    LegacyExplanation,
    UnknownExplanationVersion,
    read_explanation,
    stored,
)
from shortlists.render import render_explanation
from tests.api.test_shortlists import add_client, add_offer, shortlist_for_offer
from tests.world import World

TODAY = date(2026, 11, 23)
VIENNA = (48.2082, 16.3738)
#: Degrees of latitude for 12.4 km due north.
KM_12_4 = math.degrees(12.4 / EARTH_RADIUS_KM)

OFFER = OfferFacts(
    id=1,
    kind="vacancy",
    company_id=1,
    sector="56",
    latitude=VIENNA[0],
    longitude=VIENNA[1],
    remote=False,
    hours_per_week=30,
    schedules=frozenset({"day"}),
    languages=(("de", "B2"),),
    min_isced=3,
    overqualification_ok=True,
    physical_demands=frozenset(),
    driving_licence=None,
    tutor_id=None,
)
CLIENT = ClientFacts(
    id=1,
    latitude=VIENNA[0] + KM_12_4,
    longitude=VIENNA[1],
    max_travel_km=10,
    hours_per_week=25,
    unavailable_schedules=frozenset(),
    isced_level=2,
    right_to_work="yes",
    driving_licences=frozenset({"CE"}),
    functional_limits=frozenset({"no_night_work"}),
    languages={"de": "B1"},
)
STATE = OfferState("published", TODAY + timedelta(days=3), 1)
CONCEPTS = {7: ("apply food hygiene", None), 8: ("operate forklift", "http://esco/forklift")}

HYGIENE = Statement(11, "Food hygiene", True, ())
FORKLIFT = Statement(12, "Forklift", True, ())
HACCP = Statement(21, "HACCP course at the hotel school", False, ())
PAIR = PairScore(
    score=0.4197,
    essential=0.5,
    optional=0.5,
    summary=0.3949,
    aspiration=0.0,
    matches=(
        RequirementMatch(HYGIENE, 1.0, How.same, HACCP, 7, 7),
        RequirementMatch(FORKLIFT, 0.0),
    ),
)


def _facts(
    checks: list[Check], relax: Relaxation = Relaxation(), pair: PairScore = PAIR
) -> ExplanationFacts:
    return explain(pair, checks, Weights(), CONCEPTS, relax, TODAY)


def _checks(
    offer: OfferFacts = OFFER,
    client: ClientFacts = CLIENT,
    relax: Relaxation = Relaxation(),
    max_km: float | None = None,
    state: OfferState = STATE,
    consent: bool | None = None,
) -> list[Check]:
    return live_checks(offer, state, consent, TODAY) + static_checks(offer, client, relax, max_km)


WORK_TRIAL = replace(OFFER, kind="work_trial", tutor_id=4)
CASES: dict[str, dict[str, Any]] = {
    "as given": {},
    "relaxed distance and hours": {"relax": Relaxation(distance_km=10, hours_per_week=5)},
    "a request's maximum below the relaxed limit": {
        "relax": Relaxation(distance_km=50),
        "max_km": 30,
    },
    "remote": {"offer": replace(OFFER, remote=True)},
    "no workplace location": {"offer": replace(OFFER, latitude=None, longitude=None)},
    "relaxed language and education": {
        "relax": Relaxation(language_levels=1, education_levels=1),
        "offer": replace(OFFER, languages=(("de", "B2"), ("fr", "A1"))),
    },
    "no education recorded": {"client": replace(CLIENT, isced_level=None)},
    "no minimum education, over-qualified": {
        "offer": replace(OFFER, min_isced=None, overqualification_ok=False),
        "client": replace(CLIENT, isced_level=6),
    },
    "night work against the limits": {
        "offer": replace(
            OFFER, schedules=frozenset({"night"}), physical_demands=frozenset({"heavy_lifting"})
        ),
        "client": replace(
            CLIENT,
            functional_limits=frozenset({"no_night_work", "no_heavy_lifting"}),
            unavailable_schedules=frozenset({"night"}),
        ),
    },
    "no schedule asked": {"offer": replace(OFFER, schedules=frozenset())},
    "a licence held": {"offer": replace(OFFER, driving_licence="C")},
    "a licence missing": {
        "offer": replace(OFFER, driving_licence="D"),
        "client": replace(CLIENT, driving_licences=frozenset()),
    },
    "no right to work": {"client": replace(CLIENT, right_to_work="pending")},
    "no expiry date": {"state": replace(STATE, expiry_date=None), "consent": True},
    "expired and full": {
        "state": replace(STATE, expiry_date=TODAY - timedelta(days=1), places_left=0)
    },
    "full": {"state": replace(STATE, places_left=0), "consent": False},
    "not published": {"state": replace(STATE, status="held")},
    "a tutor with room": {
        "offer": WORK_TRIAL,
        "state": replace(STATE, tutor_mentees=1, tutor_capacity=2),
    },
    "a full tutor": {
        "offer": WORK_TRIAL,
        "state": replace(STATE, tutor_mentees=2, tutor_capacity=2),
    },
    "no tutor named": {
        "offer": replace(WORK_TRIAL, tutor_id=None),
        "state": replace(STATE, tutor_mentees=0, tutor_capacity=2),
    },
    "no tutor at all": {"offer": replace(WORK_TRIAL, tutor_id=None)},
}


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_each_constraint_reads_as_it_was_checked(case: dict[str, Any]) -> None:
    """The words rendered from the stored facts are the words the check gave at the time."""
    checks = _checks(**case)
    relax = case.get("relax", Relaxation())
    row = json.loads(json.dumps(stored(_facts(checks, relax))))

    shown = render_explanation(read_explanation(row), show_client_words=True)

    assert [(c.name, c.detail) for c in shown.constraints] == [(c.name, c.detail) for c in checks]
    assert shown.flags == [c.flag for c in checks if c.flag]
    assert shown.relaxed == [c.name for c in checks if c.relaxed and c.passed]


def test_english_reads_as_before() -> None:
    checks = _checks(relax=Relaxation(distance_km=10))

    shown = render_explanation(_facts(checks, Relaxation(distance_km=10)), show_client_words=True)

    distance = next(c for c in shown.constraints if c.name == "distance")
    assert distance.detail == "12.4 km of 20 km allowed (relaxed by 10 km)"
    assert distance.relaxed
    assert distance.relaxation == 10
    assert shown.relaxed == ["distance"]
    assert shown.missing == ["Forklift"]
    assert shown.text == (
        "Score 0.4197 = 0.7 x essential 0.5000 + 0.1 x optional 0.5000 + 0.05 x summary "
        "0.3949 + 0.15 x aspiration 0.0000. 1 of 2 essential requirement(s) met. Met: 'Food "
        "hygiene' by 'HACCP course at the hotel school' (same skill: apply food hygiene, credit "
        "1.00). Not met: 'Forklift' (essential). Fails: hours: 30 h/week of 25 h available; "
        "languages: de B1 of B2 needed; education: ISCED 2 of 3 needed. Holds: offer_status: "
        "published, 1 place(s) left, open until 2026-11-26; distance: 12.4 km of 20 km allowed "
        "(relaxed by 10 km); schedule: available for the offer's times (day); physical: no "
        "demand against the client's functional limits; right_to_work: right to work."
    )
    assert shown.requirements[0].line == (
        "'Food hygiene' by 'HACCP course at the hotel school' "
        "(same skill: apply food hygiene, credit 1.00)"
    )
    assert shown.attribution is None


def test_the_facts_round_trip_and_hold_no_sentences() -> None:
    facts = _facts(_checks(relax=Relaxation(distance_km=10)), Relaxation(distance_km=10))

    row = json.loads(json.dumps(stored(facts)))

    assert row["version"] == 2
    assert read_explanation(row) == facts
    assert "text" not in row
    assert all("detail" not in c and "flag" not in c for c in row["constraints"])
    assert "km allowed" not in json.dumps(row)
    assert "same skill" not in json.dumps(row)


def test_a_version_the_reader_does_not_know_is_refused() -> None:
    with pytest.raises(UnknownExplanationVersion):
        read_explanation({"version": 3})


def test_without_sight_of_the_client_their_words_are_withheld() -> None:
    related = PairScore(
        0.4,
        0.5,
        0.0,
        0.0,
        0.0,
        (
            RequirementMatch(FORKLIFT, 0.3, How.related, HACCP, 8, 7),
            RequirementMatch(HYGIENE, 0.0),
        ),
    )
    facts = _facts(_checks(), pair=related)

    seen = render_explanation(facts, show_client_words=True)
    withheld = render_explanation(facts, show_client_words=False)

    assert "via apply food hygiene" in seen.text
    assert seen.requirements[0].client_words == HACCP.text
    assert withheld.client_words_withheld
    assert withheld.requirements[0].client_words is None
    assert withheld.requirements[0].client_concept is None
    assert withheld.requirements[0].skill_id == HACCP.id
    assert withheld.requirements[0].credit == 0.3
    assert (withheld.score, withheld.parts) == (seen.score, seen.parts)
    assert HACCP.text not in withheld.model_dump_json()
    assert "apply food hygiene" not in withheld.model_dump_json()
    assert "'Forklift' by skill #21 (related skill: operate forklift, credit 0.30)" in withheld.text
    assert withheld.attribution == seen.attribution is not None


#: A row as the code before version 2 stored it (``matching/explain.py`` then): an English
#: detail for each constraint and a paragraph, and no version.
LEGACY: dict[str, Any] = {
    "score": 0.8151,
    "parts": {
        "essential": {"value": 1.0, "weight": 0.7, "points": 0.7},
        "optional": {"value": 1.0, "weight": 0.1, "points": 0.1},
        "summary": {"value": 0.302, "weight": 0.05, "points": 0.0151},
        "aspiration": {"value": 0.0, "weight": 0.15, "points": 0.0},
    },
    "requirements": [
        {
            "requirement_id": 10,
            "text": "Food hygiene",
            "essential": True,
            "met": True,
            "credit": 1.0,
            "how": "same_concept",
            "skill_id": 4,
            "client_words": "HACCP course at the hotel school",
            "concept": {"id": 1, "label": "apply food hygiene", "esco_uri": None},
            "client_concept": {"id": 1, "label": "apply food hygiene", "esco_uri": None},
            "similarity": None,
        }
    ],
    "missing": [],
    "constraints": [
        {
            "name": "offer_status",
            "passed": True,
            "detail": "published, 2 place(s) left",
            "values": {"status": "published", "places_left": 2, "expiry_date": None},
        },
        {
            "name": "distance",
            "passed": True,
            "detail": "156.2 km of 170 km allowed (relaxed by 150 km)",
            "values": {"km": 156.2, "allowed_km": 170.0, "client_max_km": 20.0},
            "relaxed": True,
        },
        {
            "name": "hours",
            "passed": True,
            "detail": "30 h/week of 30 h available (relaxed by 5 h)",
            "values": {"offer_hours": 30.0, "client_hours": 30.0},
        },
        {
            "name": "education",
            "passed": True,
            "detail": "ISCED 6 of 0 needed",
            "values": {"min_isced": 0, "client_isced": 6},
            "flag": "the offer asks to flag over-qualification: the client's education is "
            "well above it",
        },
    ],
    "relaxed": ["distance"],
    "flags": ["the offer asks to flag over-qualification: the client's education is well above it"],
    "text": "Score 0.8151 = 0.7 x essential 1.0000 + 0.1 x optional 1.0000 + 0.05 x summary "
    "0.3020 + 0.15 x aspiration 0.0000. 1 of 1 essential requirement(s) met. Met: 'Food "
    "hygiene' by 'HACCP course at the hotel school' (same skill: apply food hygiene, credit "
    "1.00). Holds: offer_status: published, 2 place(s) left; distance: 156.2 km of 170 km "
    "allowed (relaxed by 150 km); hours: 30 h/week of 30 h available (relaxed by 5 h); "
    "education: ISCED 6 of 0 needed. Note: the offer asks to flag over-qualification: the "
    "client's education is well above it.",
}


def test_a_version_1_row_reads_as_it_was_stored() -> None:
    legacy = read_explanation(LEGACY)
    assert isinstance(legacy, LegacyExplanation)

    shown = render_explanation(legacy, show_client_words=True)

    assert shown.version == 1
    assert shown.text == LEGACY["text"]
    assert [c.detail for c in shown.constraints] == [c["detail"] for c in LEGACY["constraints"]]
    assert (shown.relaxed, shown.flags) == (LEGACY["relaxed"], LEGACY["flags"])
    assert shown.model_dump(mode="json")["parts"] == LEGACY["parts"]
    withheld = render_explanation(legacy, show_client_words=False)
    assert "HACCP" not in withheld.model_dump_json()
    assert withheld.text.startswith(LEGACY["text"][:100])


# --- through the API and the database -------------------------------------------------------


def test_a_legacy_row_still_reads_with_its_ranking_and_scores(
    client: TestClient, world: World
) -> None:
    b, ids = world.build, world.ids
    shortlist = Shortlist(
        direction=ShortlistDirection.offers_for_client,
        client_id=ids["client_a"],
        requested_by_id=world.users["caseworker"].id,
        model="test",
    )
    shortlist.items = [
        ShortlistItem(
            rank=1,
            offer_id=ids["offer_a"],
            client_id=ids["client_a"],
            score=0.8151,
            explanation=LEGACY,
        ),
        ShortlistItem(
            rank=2, offer_id=ids["offer_b"], client_id=ids["client_a"], score=0.5, explanation={}
        ),
    ]
    shortlist = b.add(shortlist)

    read = client.get(f"/api/v1/shortlists/{shortlist.id}", headers=world.headers("caseworker"))

    assert read.status_code == 200, read.text
    items = read.json()["items"]
    assert [(i["rank"], i["offer_id"], i["score"]) for i in items] == [
        (1, ids["offer_a"], 0.8151),
        (2, ids["offer_b"], 0.5),
    ]
    first = items[0]["explanation"]
    assert first["version"] == 1
    assert first["score"] == LEGACY["score"]
    assert first["parts"] == LEGACY["parts"]
    assert first["text"] == LEGACY["text"]
    assert first["requirements"][0]["client_words"] == "HACCP course at the hotel school"
    assert [c["detail"] for c in first["constraints"]] == [
        c["detail"] for c in LEGACY["constraints"]
    ]
    assert items[1]["explanation"]["version"] == 1
    assert items[1]["explanation"]["requirements"] == []


def test_stored_facts_are_version_2_and_read_back_as_made(client: TestClient, world: World) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, world.ids["concept"])])
    amina = add_client(world, [("HACCP course", world.ids["concept"], "exact")])
    made = shortlist_for_offer(client, world, offer)

    with unit_of_work(world.build.db) as session:
        rows = session.scalars(
            select(ShortlistItem.explanation).where(ShortlistItem.shortlist_id == made["id"])
        ).all()
    facts = [read_explanation(row) for row in rows]
    assert facts
    assert all(isinstance(f, ExplanationFacts) for f in facts)
    assert all(row["version"] == 2 and "text" not in row for row in rows)
    read = client.get(f"/api/v1/shortlists/{made['id']}", headers=world.headers("liaison"))
    assert read.json()["items"] == made["items"]
    assert amina in [i["client_id"] for i in made["items"]]


def test_a_reader_who_lost_sight_of_a_client_no_longer_sees_their_words(
    client: TestClient, world: World
) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, world.ids["concept"])])
    amina = add_client(world, [("HACCP course at the hotel school", world.ids["concept"], "exact")])
    made = shortlist_for_offer(client, world, offer)
    before = next(i for i in made["items"] if i["client_id"] == amina)
    assert before["explanation"]["requirements"][0]["client_words"] == (
        "HACCP course at the hotel school"
    )
    assert "HACCP" in before["explanation"]["text"]

    withdrawn = client.put(
        f"/api/v1/clients/{amina}/consent",
        json={"liaison": False},
        headers=world.headers("caseworker"),
    )
    assert withdrawn.status_code == 200
    liaison = world.headers("liaison")
    read = client.get(f"/api/v1/shortlists/{made['id']}", headers=liaison).json()

    after = next(i for i in read["items"] if i["client_id"] == amina)
    assert (after["id"], after["rank"], after["score"]) == (
        before["id"],
        before["rank"],
        before["score"],
    )
    explanation = after["explanation"]
    assert explanation["client_words_withheld"]
    assert explanation["score"] == before["explanation"]["score"]
    assert explanation["parts"] == before["explanation"]["parts"]
    requirement = explanation["requirements"][0]
    assert requirement["client_words"] is None
    assert requirement["skill_id"] == before["explanation"]["requirements"][0]["skill_id"]
    assert requirement["credit"] == before["explanation"]["requirements"][0]["credit"]
    assert "HACCP" not in json.dumps(after)
    why = client.get(f"/api/v1/shortlists/{made['id']}/why-not/{amina}", headers=liaison).json()
    assert why["on_list"]
    assert "HACCP" not in json.dumps(why)


def test_the_services_check_constraints_on_the_days_the_app_gives(
    client: TestClient, world: World
) -> None:
    """Nothing below the router asks the system clock: an offer open until 2030 is listed
    on the app's 2029 and not on its 2031."""
    offer = add_offer(
        world,
        "Kitchen help",
        [("Food hygiene", True, world.ids["concept"])],
        expiry_date=date(2030, 1, 1),
    )
    add_client(world, [("Food hygiene", world.ids["concept"], "exact")])
    headers = world.headers("liaison")

    client.app.state.clock = lambda: date(2029, 6, 1)  # type: ignore[attr-defined]
    listed = client.post(f"/api/v1/offers/{offer}/shortlists", json={}, headers=headers)
    assert listed.status_code == 201, listed.text
    assert listed.json()["items"][0]["explanation"]["checked_on"] == "2029-06-01"

    client.app.state.clock = lambda: date(2031, 6, 1)  # type: ignore[attr-defined]
    expired = client.post(f"/api/v1/offers/{offer}/shortlists", json={}, headers=headers)
    assert expired.status_code == 409
