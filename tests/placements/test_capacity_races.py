"""Capacity is decided under a lock: twenty people planning at once on the last place (or a
tutor's last free slot), each in a session of their own and released together right before
the check, get exactly the free capacity and 409s naming what is full; no extra row is stored."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from accounts.users import actor_for
from config.settings import Settings
from models.client import Client
from models.db import build_engine, session_factory
from models.errors import Conflict
from models.offer import Offer, OfferKind, OfferStatus
from models.placement import (
    HOLDING_PLACE,
    MENTORING,
    Checkpoint,
    Placement,
    PlacementStatus,
    Proposal,
)
from models.user import User
from placements.lifecycle import plan_placement, start_placement
from placements.proposals import propose
from placements.schemas import PlacementCreate, PlacementStart
from tests.world import World

RACERS = 20


@pytest.fixture
def wide_db(settings: Settings) -> Iterator[sessionmaker[Session]]:
    """Sessions from an engine with a connection for every racer."""
    engine: Engine = build_engine(settings.database_url, pool_size=RACERS + 2)
    yield session_factory(engine)
    engine.dispose()


def _race(
    db: sessionmaker[Session], caseworker_id: int, client_ids: list[int], offer_id: int
) -> list[str]:
    """Each client planned on the offer from a session of its own; 'ok' or the 409's text."""
    barrier = threading.Barrier(len(client_ids))
    start = date.today() + timedelta(days=7)

    def plan(client_id: int) -> str:
        with db() as session:
            user = session.get(User, caseworker_id)
            client = session.get(Client, client_id)
            offer = session.get(Offer, offer_id)
            assert user is not None
            assert client is not None
            assert offer is not None
            data = PlacementCreate(client_id=client_id, offer_id=offer_id, planned_start=start)
            barrier.wait(timeout=30)
            try:
                plan_placement(session, actor_for(user), client, offer, data)
                session.commit()
                return "ok"
            except Conflict as refusal:
                session.rollback()
                return refusal.message

    with ThreadPoolExecutor(max_workers=len(client_ids)) as pool:
        return list(pool.map(plan, client_ids))


def _clients(world: World, count: int) -> list[int]:
    caseworker = world.users["caseworker"].id
    return [world.build.client(caseworker, given_name=f"Racer{i}").id for i in range(count)]


def test_twenty_plans_on_the_last_place_of_an_offer_place_one(
    world: World, wide_db: sessionmaker[Session]
) -> None:
    offer = world.build.offer(world.ids["company_b"], places=2)
    world.build.placement(world.build.client(world.users["caseworker"].id).id, offer)
    answers = _race(wide_db, world.users["caseworker"].id, _clients(world, RACERS), offer.id)

    assert answers.count("ok") == 1
    refusals = [a for a in answers if a != "ok"]
    assert all(f"offer {offer.id}" in a and "is full" in a for a in refusals), refusals
    with wide_db() as session:
        holding = session.scalar(
            select(func.count()).where(
                Placement.offer_id == offer.id, Placement.status.in_(HOLDING_PLACE)
            )
        )
        assert holding == 2
        stored = session.get(Offer, offer.id)
        assert stored is not None
        assert stored.status is OfferStatus.filled


def test_twenty_plans_on_a_tutors_last_free_slot_book_one(
    world: World, wide_db: sessionmaker[Session]
) -> None:
    company = world.ids["company_b"]
    tutor = world.build.tutor(company, max_mentees=2)
    elsewhere = world.build.offer(company, kind=OfferKind.work_trial, tutor_id=tutor.id)
    world.build.placement(world.build.client(world.users["caseworker"].id).id, elsewhere)
    offer = world.build.offer(company, kind=OfferKind.work_trial, tutor_id=tutor.id, places=RACERS)
    answers = _race(wide_db, world.users["caseworker"].id, _clients(world, RACERS), offer.id)

    assert answers.count("ok") == 1
    refusals = [a for a in answers if a != "ok"]
    assert all(f"tutor {tutor.id}" in a and "full" in a for a in refusals), refusals
    with wide_db() as session:
        booked = session.scalar(
            select(func.count()).where(
                Placement.tutor_id == tutor.id, Placement.status.in_(MENTORING)
            )
        )
        assert booked == 2
        on_offer = session.scalar(select(func.count()).where(Placement.offer_id == offer.id))
        assert on_offer == 1


def test_the_database_refuses_a_second_place_or_pending_proposal_for_one_client(
    world: World, db: sessionmaker[Session]
) -> None:
    """Behind the service's checks: one place-holding placement and one pending proposal per
    client and offer, whatever races past them."""
    offer = world.build.offer(world.ids["company_b"], places=5)
    client = world.build.client(world.users["caseworker"].id)
    world.build.placement(client.id, offer)
    with pytest.raises(IntegrityError):
        world.build.placement(client.id, offer)
    world.build.placement(client.id, offer, status=PlacementStatus.cancelled)
    world.build.proposal(client.id, offer.id, world.users["caseworker"].id)
    with pytest.raises(IntegrityError):
        world.build.proposal(client.id, offer.id, world.users["caseworker"].id)
    with db() as session:
        assert session.scalar(select(func.count()).where(Placement.client_id == client.id)) == 2


def _together(db: sessionmaker[Session], user_id: int, act: Callable[..., object]) -> list[str]:
    """``act(session, actor)`` from RACERS sessions released at once: 'ok' or the 409's text."""
    barrier = threading.Barrier(RACERS)

    def run(_: int) -> str:
        with db() as session:
            user = session.get(User, user_id)
            assert user is not None
            actor = actor_for(user)
            barrier.wait(timeout=30)
            try:
                act(session, actor)
                session.commit()
                return "ok"
            except Conflict as refusal:
                session.rollback()
                return refusal.message

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        return list(pool.map(run, range(RACERS)))


def test_twenty_proposals_of_one_client_for_one_offer_make_one(
    world: World, wide_db: sessionmaker[Session]
) -> None:
    offer = world.build.offer(world.ids["company_b"], places=3)
    client = world.build.client(world.users["caseworker"].id)
    answers = _together(
        wide_db,
        world.users["caseworker"].id,
        lambda session, actor: propose(session, actor, client.id, offer.id, None, ""),
    )

    assert answers.count("ok") == 1
    assert all("already proposed" in a for a in answers if a != "ok")
    with wide_db() as session:
        stored = session.scalar(select(func.count()).where(Proposal.offer_id == offer.id))
        assert stored == 1


def test_twenty_starts_of_one_placement_start_it_once(
    world: World, wide_db: sessionmaker[Session]
) -> None:
    offer = world.build.work_trial(world.ids["company_b"])
    placement = world.build.placement(world.build.client(world.users["caseworker"].id).id, offer)
    answers = _together(
        wide_db,
        world.users["liaison"].id,
        lambda session, actor: start_placement(
            session, actor, placement.id, PlacementStart(), [7, 30], date.today()
        ),
    )

    assert answers.count("ok") == 1
    assert all("state 'started'" in a for a in answers if a != "ok")
    with wide_db() as session:
        checkpoints = session.scalar(
            select(func.count()).where(Checkpoint.placement_id == placement.id)
        )
        assert checkpoints == 4  # two offsets, client and company side, once
