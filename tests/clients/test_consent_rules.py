"""The consent rules (``clients.consent_rules``) hold through every endpoint: a liaison officer
without the client's consent to share with liaison officers sees only the employer view on
the proposal and placement of an offer they are responsible for, and nothing else anywhere."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from accounts.tokens import issue_token
from accounts.users import actor_for
from clients.consent_rules import employer_view, employer_views
from models.company import Company
from models.db import unit_of_work
from models.matching import ShortlistItem
from models.offer import OfferKind
from models.placement import Placement, Proposal
from models.user import Role, User
from tests.api.test_shortlists import add_client, add_offer, shortlist_for_offer
from tests.conftest import TEST_SECRET
from tests.web.pages import sign_in
from tests.world import World

WORDS = "Ran the tombola stall at the Kaisermühlen summer fair"


def _responsible(world: World, who: str = "liaison") -> None:
    with unit_of_work(world.build.db) as session:
        session.execute(
            update(Company)
            .where(Company.id == world.ids["company_a"])
            .values(liaison_officer_id=world.users[who].id)
        )


def _employers_only(world: World) -> dict[str, int]:
    """A client who consented to share with employers but not with liaison officers,
    proposed for offer A and placed there."""
    offer = world.ids["offer_a"]
    client_id = add_client(
        world, [(WORDS, None, "exact")], given_name="Zorana", consent_liaison=False
    )
    proposal = world.build.proposal(client_id, offer, world.users["caseworker"].id)
    with unit_of_work(world.build.db) as session:
        placement = Placement(
            client_id=client_id,
            offer_id=offer,
            kind=OfferKind.vacancy,
            planned_start=date(2026, 12, 7),
        )
        session.add(placement)
        session.flush()
        placement_id = placement.id
    return {"client": client_id, "proposal": proposal.id, "placement": placement_id}


def _get(client: TestClient, world: World, who: str, url: str) -> Any:
    return client.get(f"/api/v1{url}", headers=world.headers(who))


def test_a_liaison_officer_without_liaison_consent_sees_only_the_proposal_view(
    client: TestClient, world: World
) -> None:
    _responsible(world)
    ids = _employers_only(world)
    who = "liaison"

    proposal = _get(client, world, who, f"/proposals/{ids['proposal']}").json()
    assert proposal["client"]["given_name"] == "Zorana"
    assert proposal["client"]["skills"] == [WORDS]
    listed = _get(client, world, who, "/proposals").json()["items"]
    assert next(p for p in listed if p["id"] == ids["proposal"])["client"]["skills"] == [WORDS]
    placement = _get(client, world, who, f"/placements/{ids['placement']}").json()
    assert placement["client"]["given_name"] == "Zorana"

    # Nothing else, anywhere.
    assert _get(client, world, who, f"/clients/{ids['client']}").status_code == 404
    assert _get(client, world, who, f"/clients/{ids['client']}/personal").status_code == 404
    assert _get(client, world, who, f"/clients/{ids['client']}/export").status_code in (403, 404)
    everywhere = [
        "/clients?limit=100",
        "/placements?limit=100",
        "/inbox",
        f"/companies/{world.ids['company_a']}/history",
    ]
    for url in everywhere:
        answer = _get(client, world, who, url)
        assert answer.status_code == 200, url
        assert WORDS not in answer.text, url
        assert "Zorana" not in answer.text, url
    offer = add_offer(world, "Fair helper", [("Run a stall", True, None)])
    made = shortlist_for_offer(client, world, offer)
    assert ids["client"] not in [i["client_id"] for i in made["items"]]
    sign_in(client, "liaison@tandem.example")
    assert client.get(f"/clients/{ids['client']}").status_code == 404
    listed_page = client.get("/clients")
    assert "Zorana" not in listed_page.text


def test_only_the_responsible_liaison_officer_and_the_employer_get_the_view(
    client: TestClient, world: World
) -> None:
    other = world.build.user("liaison.2@tandem.example", Role.liaison)
    world.tokens["liaison_2"] = issue_token(other.id, TEST_SECRET, 60)
    _responsible(world)
    ids = _employers_only(world)
    url = f"/proposals/{ids['proposal']}"
    with unit_of_work(world.build.db) as session:
        session.execute(
            update(Proposal).where(Proposal.id == ids["proposal"]).values(message="Zorana is keen")
        )
    seen_by_other = _get(client, world, "liaison_2", url).json()
    assert seen_by_other["client"] is None
    assert seen_by_other["message"] == ""
    assert _get(client, world, "liaison", url).json()["message"] == "Zorana is keen"
    assert _get(client, world, "employer", url).json()["client"]["given_name"] == "Zorana"
    assert _get(client, world, "employer_b", url).status_code == 404
    placement = f"/placements/{ids['placement']}"
    assert _get(client, world, "liaison_2", placement).json()["client"] is None

    # Withdrawing consent to share with employers hides the view at once, from both.
    withdrawn = client.put(
        f"/api/v1/clients/{ids['client']}/consent",
        json={"employers": False},
        headers=world.headers("caseworker"),
    )
    assert withdrawn.status_code == 200
    for who in ("liaison", "employer"):
        answer = _get(client, world, who, url).json()
        assert answer["client"] is None, who
        assert WORDS not in json.dumps(answer, ensure_ascii=False)
    assert _get(client, world, "liaison", placement).json()["client"] is None


def test_a_withdrawn_consent_hides_a_stored_shortlists_words_at_once_but_keeps_the_facts(
    client: TestClient, world: World
) -> None:
    offer = add_offer(world, "Kitchen help", [("Food hygiene", True, world.ids["concept"])])
    amina = add_client(world, [(WORDS, world.ids["concept"], "exact")])
    made = shortlist_for_offer(client, world, offer)
    assert WORDS in json.dumps(made, ensure_ascii=False)

    client.put(
        f"/api/v1/clients/{amina}/consent",
        json={"liaison": False},
        headers=world.headers("caseworker"),
    )
    read = _get(client, world, "liaison", f"/shortlists/{made['id']}")
    assert read.status_code == 200
    assert WORDS not in read.text
    with unit_of_work(world.build.db) as session:
        stored = session.scalars(
            select(ShortlistItem.explanation).where(ShortlistItem.shortlist_id == made["id"])
        ).all()
    assert WORDS in json.dumps(
        stored, ensure_ascii=False
    )  # kept for the owning caseworker and the audit


def test_the_batched_employer_view_answers_as_the_single_one_for_every_reader(
    world: World,
) -> None:
    """``employer_views`` (list pages) gives each row what ``employer_view`` gives it: the
    employer of the offer and the responsible liaison officer see consenting clients, the
    other company and other roles nothing; withdrawn consent hides the row."""
    _responsible(world)
    shared = _employers_only(world)
    withheld = add_client(world, [(WORDS, None, "exact")], consent_employers=False)
    rows = [
        (shared["client"], world.ids["offer_a"], "a"),
        (world.ids["client_a"], world.ids["offer_a"], "b"),
        (withheld, world.ids["offer_a"], "c"),
        (world.ids["client_b"], world.ids["offer_b"], "d"),
    ]
    seen: dict[str, list[bool]] = {}
    with unit_of_work(world.build.db) as session:
        for who in ("employer", "employer_b", "liaison", "caseworker", "admin"):
            user = session.get(User, world.users[who].id)
            assert user is not None
            actor = actor_for(user)
            single = [
                employer_view(session, actor, c, o, who == "caseworker", d) for c, o, d in rows
            ]
            batch = employer_views(session, actor, rows, who == "caseworker")
            assert batch == single, who
            seen[who] = [view is not None for view in batch]
    assert seen["employer"] == [True, True, False, False]
    assert seen["employer_b"] == [False, False, False, True]
    assert seen["liaison"] == [True, True, False, False]
    assert seen["admin"] == [False, False, False, False]
