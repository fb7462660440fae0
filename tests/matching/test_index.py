"""Saved indexes: swapped atomically, checked against model and database, rebuilt from stored
embeddings without embedding again; a failed rebuild leaves the old one serving."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from matching.ann import IndexParams, VectorIndex
from matching.embedding import Embedder, Vectors
from matching.engine import Matcher
from models.client import Client
from models.db import unit_of_work
from models.offer import Offer, OfferRequirement
from tests.world import World


class NoEmbedding(Embedder):
    """A model that must not be asked: every text should already be stored."""

    def __init__(self, real: Embedder) -> None:
        super().__init__(real.name, None, real.dim)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> Vectors:
        raise AssertionError(f"embedded again: {list(texts)[:3]}")


def unit_vectors(count: int, dim: int = 8, seed: int = 0) -> Vectors:
    vectors = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    normed: Vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return normed


def test_a_crash_while_saving_leaves_the_old_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "offers.npz"
    old = VectorIndex.build(8, np.arange(10), unit_vectors(10), IndexParams())
    old.save(path, {"model": "m"})
    new = VectorIndex.build(8, np.arange(50), unit_vectors(50, seed=1), IndexParams())

    def power_cut(fd: int) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "fsync", power_cut)
    with pytest.raises(OSError, match="disk gone"):
        new.save(path, {"model": "m"})

    loaded = VectorIndex.load(path, IndexParams())
    assert loaded is not None
    index, meta = loaded
    assert len(index) == 10
    assert meta["count"] == 10
    assert [p.name for p in tmp_path.iterdir()] == ["offers.npz"]


def test_a_large_index_is_ivf_and_finds_its_own_vectors(tmp_path: Path) -> None:
    vectors = unit_vectors(3000, dim=16)
    index = VectorIndex.build(16, np.arange(3000) + 7, vectors, IndexParams(exact_limit=1000))
    assert index.kind == "ivf"
    _sims, ids = index.search(vectors[:50], 1)
    assert (ids[:, 0] == np.arange(50) + 7).mean() > 0.9
    assert index.add(np.array([7, 99_999]), vectors[:2]) == 1


def _matcher(settings: Settings, embedder: Embedder) -> Matcher:
    return Matcher(embedder, settings.index_dir, IndexParams())


def test_a_restart_rebuilds_from_stored_embeddings_without_the_model(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    with unit_of_work(db) as session:
        first = _matcher(settings, embedder)
        first.refresh(session)
    assert (settings.index_dir / "offers.npz").exists()

    with unit_of_work(db) as session:
        restarted = _matcher(settings, NoEmbedding(embedder))
        restarted.refresh(session)
    assert set(restarted.offers.entries) == set(first.offers.entries)
    assert restarted.offers.index is not None
    assert first.offers.index is not None
    assert len(restarted.offers.index) == len(first.offers.index)


def test_a_saved_index_of_another_model_is_not_used(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    other = VectorIndex.build(embedder.dim, [123_456], unit_vectors(1, embedder.dim), IndexParams())
    other.save(settings.index_dir / "offers.npz", {"model": "another-model", "taxonomy": [0, 0]})
    with unit_of_work(db) as session:
        matcher = _matcher(settings, embedder)
        matcher.refresh(session)
    assert matcher.offers.index is not None
    assert 123_456 not in matcher.offers.index


def test_a_failed_rebuild_leaves_the_old_index_serving(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    with unit_of_work(db) as session:
        matcher = _matcher(settings, embedder)
        matcher.rebuild(session)
    saved = (settings.index_dir / "offers.npz").read_bytes()
    serving = matcher.offers
    with unit_of_work(db) as session:
        requirement = session.scalars(
            select(OfferRequirement).where(OfferRequirement.offer_id == world.ids["offer_a"])
        ).first()
        assert requirement is not None
        requirement.text = "Words no process has embedded yet"
    matcher.embedder = NoEmbedding(embedder)

    with unit_of_work(db) as session, pytest.raises(AssertionError, match="embedded again"):
        matcher.rebuild(session)

    assert matcher.offers is serving
    assert (settings.index_dir / "offers.npz").read_bytes() == saved


def _restamp_offer(db: sessionmaker[Session], offer_id: int, title: str, when: datetime) -> None:
    with unit_of_work(db) as session:
        session.execute(
            update(Offer).where(Offer.id == offer_id).values(title=title, updated_at=when)
        )


def test_a_change_committed_late_with_an_earlier_stamp_is_still_seen(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    with unit_of_work(db) as session:
        matcher = _matcher(settings, embedder)
        matcher.refresh(session)
    watermark = matcher.offers.watermark
    assert watermark is not None
    offer_id = world.ids["offer_a"]
    _restamp_offer(db, offer_id, "Stamped before the last change", watermark - timedelta(seconds=5))

    with unit_of_work(db) as session:
        matcher.refresh(session)
    assert matcher.offers.entries[offer_id].title == "Stamped before the last change"


def test_once_settled_a_scan_starts_from_the_last_change(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    offer_id = world.ids["offer_a"]
    long_ago = datetime.now(UTC) - timedelta(minutes=10)
    with unit_of_work(db) as session:
        session.execute(update(Offer).values(updated_at=long_ago))
        session.execute(update(Client).values(updated_at=long_ago))
    with unit_of_work(db) as session:
        matcher = _matcher(settings, embedder)
        matcher.refresh(session)
        matcher.refresh(session)
    assert matcher.offers.settled
    _restamp_offer(db, offer_id, "A change seen at once", long_ago + timedelta(seconds=1))

    with unit_of_work(db) as session:
        matcher.refresh(session)
    assert matcher.offers.entries[offer_id].title == "A change seen at once"


def test_adding_to_a_serving_index_leaves_it_as_it_was() -> None:
    """Readers may be searching an index while a refresh adds vectors: the refresh gets a new
    index (an exact layer beside the shared FAISS part), the old one is unchanged."""
    vectors = unit_vectors(60, dim=8, seed=3)
    serving = VectorIndex.build(8, np.arange(40), vectors[:40], IndexParams())
    grown = serving.with_added(np.arange(40, 60), vectors[40:])

    assert len(serving) == 40
    assert 45 not in serving
    assert len(grown) == 60
    assert 45 in grown
    _sims, ids = grown.search(vectors[[5, 45]], 3)
    assert ids[:, 0].tolist() == [5, 45]
    _sims, ids = serving.search(vectors[[45]], 40)
    assert 45 not in ids.tolist()[0]
    assert grown.with_added(np.arange(50), vectors[:50]) is grown


def test_an_exact_layer_past_its_limit_is_folded_into_a_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("matching.ann.DELTA_LIMIT", 10)
    vectors = unit_vectors(40, dim=8, seed=4)
    serving = VectorIndex.build(8, np.arange(20), vectors[:20], IndexParams())
    folded = serving.with_added(np.arange(20, 40), vectors[20:])
    assert len(serving) == 20
    assert len(folded) == 40
    _sims, ids = folded.search(vectors[[30]], 1)
    assert ids[0, 0] == 30
    partly = serving.with_added(np.arange(20, 25), vectors[20:25])
    partly.save(tmp_path / "offers.npz", {})
    loaded = VectorIndex.load(tmp_path / "offers.npz", IndexParams())
    assert loaded is not None
    assert len(loaded[0]) == 25
