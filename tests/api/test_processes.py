"""Several API processes on one database (two apps, each with its own engine and matcher):
a re-index made by a third process is loaded by both within seconds; an offer withdrawn or a
consent withdrawn through one is absent from the other's shortlists at once, even while the
other's catalogue has not caught up (the live checks read the database at query time)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from config.settings import Settings
from matching.ann import IndexParams
from matching.embedding import Embedder
from matching.engine import Matcher
from models.db import unit_of_work
from tests.api.test_shortlists import (
    add_client,
    add_offer,
    client_ids,
    offer_ids,
    shortlist_for_client,
    shortlist_for_offer,
)
from tests.world import World


@pytest.fixture
def processes(settings: Settings, embedder: Embedder) -> Iterator[tuple[TestClient, TestClient]]:
    quick = settings.model_copy(update={"index_poll_seconds": 0.2})
    with (
        TestClient(create_app(quick, embedder=embedder)) as one,
        TestClient(create_app(quick, embedder=embedder)) as two,
    ):
        yield one, two


def _matcher(process: TestClient) -> Matcher:
    matcher: Matcher = process.app.state.matcher  # type: ignore[attr-defined]
    return matcher


def test_a_reindex_in_a_third_process_is_served_by_both_within_seconds(
    world: World,
    db: sessionmaker[Session],
    settings: Settings,
    embedder: Embedder,
    processes: tuple[TestClient, TestClient],
) -> None:
    hygiene = world.ids["concept"]
    amina = add_client(world, [("Food hygiene", hygiene, "exact")])
    add_offer(world, "Kitchen help", [("Food hygiene", True, hygiene)])
    matchers = [_matcher(p) for p in processes]
    assert [m.snapshot.index_version for m in matchers] == [None, None]

    third = Matcher(embedder, settings.index_dir, IndexParams())
    with unit_of_work(db) as session:
        third.rebuild(session)
    version = third.snapshot.index_version
    assert version is not None

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        m.snapshot.index_version != version for m in matchers
    ):
        time.sleep(0.05)
    assert [m.snapshot.index_version for m in matchers] == [version, version]
    for matcher in matchers:
        assert set(matcher.offers.entries) == set(third.offers.entries)
    for process in processes:
        assert shortlist_for_client(process, world, amina)["items"]


def test_what_leaves_the_catalogue_in_one_process_is_not_served_by_the_other(
    world: World, processes: tuple[TestClient, TestClient]
) -> None:
    one, two = processes
    hygiene = world.ids["concept"]
    amina = add_client(world, [("Food hygiene", hygiene, "exact")])
    kitchen = add_offer(world, "Kitchen help", [("Food hygiene", True, hygiene)])
    canteen = add_offer(world, "Canteen help", [("Food hygiene", True, hygiene)])
    for process in processes:
        assert kitchen in offer_ids(shortlist_for_client(process, world, amina))
        assert amina in client_ids(shortlist_for_offer(process, world, canteen))

    # The second process's catalogue cannot catch up meanwhile: a refresh is under way there
    # (someone's new profile being embedded, say), so its shortlists read the old snapshot.
    refreshing = _matcher(two)._refreshing
    assert refreshing.acquire(timeout=10)
    try:
        withdrawn = one.post(
            f"/api/v1/offers/{kitchen}/withdraw",
            json={"reason": "filled elsewhere"},
            headers=world.headers("employer"),
        )
        assert withdrawn.status_code == 200, withdrawn.text
        assert kitchen in _matcher(two).offers.entries
        assert kitchen not in offer_ids(shortlist_for_client(two, world, amina))

        consent = one.put(
            f"/api/v1/clients/{amina}/consent",
            json={"liaison": False},
            headers=world.headers("caseworker"),
        )
        assert consent.status_code == 200, consent.text
        assert _matcher(two).clients.entries[amina].consent_liaison
        assert amina not in client_ids(shortlist_for_offer(two, world, canteen))
    finally:
        refreshing.release()
