"""Shortlists read one catalogue snapshot and wait for nobody: a request stuck embedding a new
profile does not hold up a shortlist for a client already in the catalogue."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from accounts.users import actor_for
from config.settings import Settings
from matching.ann import IndexParams
from matching.embedding import Embedder, Vectors
from matching.engine import Matcher
from models.client import ClientSkill, SkillSource
from models.db import unit_of_work
from models.user import User
from shortlists.schemas import ShortlistRequest
from shortlists.service import shortlist_for_client
from tests.world import World

STUCK = "Ran the kitchen of a refugee shelter"


class BlockingEmbedder(Embedder):
    """The real model, except that a text containing ``STUCK`` waits until released."""

    def __init__(self, real: Embedder) -> None:
        super().__init__(real.name, None, real.dim)
        self.real = real
        self.entered = threading.Event()
        self.release = threading.Event()

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> Vectors:
        if any(STUCK in t for t in texts):
            self.entered.set()
            assert self.release.wait(timeout=60), "never released"
        return self.real.encode(texts, batch_size)


def test_a_shortlist_completes_while_another_request_is_stuck_embedding(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    blocking = BlockingEmbedder(embedder)
    matcher = Matcher(blocking, settings.index_dir, IndexParams())
    with unit_of_work(db) as session:
        matcher.refresh(session)
    newcomer = world.build.client(world.users["caseworker"].id, given_name="New")
    with unit_of_work(db) as session:
        session.add(
            ClientSkill(client_id=newcomer.id, position=1, text=STUCK, source=SkillSource.informal)
        )

    def embed_newcomer() -> None:
        with unit_of_work(db) as session:
            matcher.refresh(session)

    stuck = threading.Thread(target=embed_newcomer)
    stuck.start()
    try:
        assert blocking.entered.wait(timeout=60)
        done: list[int] = []

        def shortlist() -> None:
            with unit_of_work(db) as session:
                user = session.get(User, world.users["caseworker"].id)
                assert user is not None
                made = shortlist_for_client(
                    session,
                    actor_for(user),
                    matcher,
                    world.ids["client_a"],
                    ShortlistRequest(),
                    date.today(),
                )
                done.append(made.id)

        other = threading.Thread(target=shortlist)
        other.start()
        other.join(timeout=30)
        assert not other.is_alive(), "the shortlist waited for the embedding"
        assert len(done) == 1
        assert stuck.is_alive()
        assert newcomer.id not in matcher.clients.entries
    finally:
        blocking.release.set()
        stuck.join(timeout=60)
    assert newcomer.id in matcher.clients.entries
    assert any(s.text == STUCK for s in matcher.clients.entries[newcomer.id].statements)
