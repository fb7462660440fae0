"""The matcher: the model, the vectors, both catalogues and their FAISS indexes, held by a
long-running process and handed to the services that shortlist.

Indexes are saved under the index folder with the model and taxonomy version that built them
and checked when loaded; a rebuild builds everything aside and swaps it in at the end, so a
failure half-way leaves the old catalogues serving and the old files in place.

Readers take no lock. What they read is a ``Snapshot``: both catalogues, the taxonomy's
relations and labels, all immutable once published. ``refresh`` builds the next snapshot from
copies (embedding new texts as it goes) and swaps the reference; a shortlist keeps the snapshot
it started with to the end. One refresh runs at a time (``_refreshing``); a reader that finds
one under way serves from the current snapshot instead of waiting, unless its own subject is
what changed (``refresh(wait=True)``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.ann import IndexParams, VectorIndex
from matching.catalogue import RESCAN, Catalogue, ClientEntry, OfferEntry, VectorStore
from matching.embedding import Embedder
from matching.loaders import load_clients, load_offers, related_concepts, with_vectors
from matching.ranking import Weights
from models.base import utcnow
from models.client import Client
from models.matching import IndexVersion, TextEmbedding
from models.offer import Offer
from models.taxonomy import SkillConcept
from taxonomy.index import taxonomy_version

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class RebuildReport:
    offers: int
    clients: int
    offer_vectors: int
    client_vectors: int
    index_kind: str
    seconds: float


@dataclass(frozen=True)
class Snapshot:
    """What one shortlist reads from start to end: never changed once published."""

    store: VectorStore
    offers: Catalogue[OfferEntry]
    clients: Catalogue[ClientEntry]
    taxonomy: tuple[int, int] | None = None
    related: dict[int, frozenset[int]] = field(default_factory=dict)
    concepts: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    #: The re-index (``index_versions`` row) whose saved indexes this snapshot started from.
    index_version: int | None = None


def latest_index_version(session: Session) -> int | None:
    """The newest re-index any process has made, or None before the first."""
    return session.scalar(select(func.max(IndexVersion.id)))


class Matcher:
    def __init__(
        self,
        embedder: Embedder,
        index_dir: Path,
        params: IndexParams | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.embedder = embedder
        self.index_dir = index_dir
        self.params = params or IndexParams()
        self.weights = weights or Weights()
        self._refreshing = threading.Lock()
        store = VectorStore(self.embedder.dim)
        self._snapshot = Snapshot(
            store, Catalogue(store, self.params), Catalogue(store, self.params)
        )

    # --- what readers read -----------------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def store(self) -> VectorStore:
        return self._snapshot.store

    @property
    def offers(self) -> Catalogue[OfferEntry]:
        return self._snapshot.offers

    @property
    def clients(self) -> Catalogue[ClientEntry]:
        return self._snapshot.clients

    @property
    def taxonomy(self) -> tuple[int, int] | None:
        return self._snapshot.taxonomy

    @property
    def related(self) -> dict[int, frozenset[int]]:
        return self._snapshot.related

    @property
    def concepts(self) -> dict[int, tuple[str, str | None]]:
        return self._snapshot.concepts

    # --- keeping current ---------------------------------------------------------------

    def refresh(self, session: Session, wait: bool = True) -> Snapshot:
        """Bring both catalogues up to date with the database (rows changed since the last
        look), embedding only texts never embedded before, and return the snapshot to read.
        With ``wait=False`` a refresh already under way in another thread is not waited for:
        the current snapshot is returned at once."""
        if not self._refreshing.acquire(blocking=wait):
            return self._snapshot
        try:
            current = self._snapshot
            index_version = current.index_version
            if current.offers.watermark is None:  # first fill: from the latest saved indexes
                index_version = latest_index_version(session)
            version = taxonomy_version(session)
            related, concepts = current.related, current.concepts
            if version != current.taxonomy:
                related, concepts = self._load_taxonomy(session)
            offers = self._sync(session, current.offers, Offer, load_offers, "offers")
            clients = self._sync(session, current.clients, Client, load_clients, "clients")
            changed = offers is not current.offers or clients is not current.clients
            if changed or version != current.taxonomy:
                self._snapshot = Snapshot(
                    current.store, offers, clients, version, related, concepts, index_version
                )
            return self._snapshot
        finally:
            self._refreshing.release()

    def follow(self, session: Session) -> bool:
        """Load the indexes of a re-index made by another process, if the database names one
        newer than the snapshot's: built aside from the saved files and stored embeddings
        (nothing is embedded again) while the current snapshot serves, then swapped in.
        True when a newer version was loaded."""
        latest = latest_index_version(session)
        if latest is None or latest == self._snapshot.index_version:
            return False
        store = VectorStore(self.embedder.dim)
        offers = self._sync(session, Catalogue(store, self.params), Offer, load_offers, "offers")
        clients = self._sync(
            session, Catalogue(store, self.params), Client, load_clients, "clients"
        )
        version = taxonomy_version(session)
        related, concepts = self._load_taxonomy(session)
        with self._refreshing:
            self._snapshot = Snapshot(store, offers, clients, version, related, concepts, latest)
        log.info(
            "loaded index version %s: %s offers, %s clients", latest, len(offers), len(clients)
        )
        return True

    def _load_taxonomy(
        self, session: Session
    ) -> tuple[dict[int, frozenset[int]], dict[int, tuple[str, str | None]]]:
        concepts = {
            row.id: (row.preferred_label, row.esco_uri)
            for row in session.execute(
                select(SkillConcept.id, SkillConcept.preferred_label, SkillConcept.esco_uri)
            )
        }
        return related_concepts(session), concepts

    def _sync(
        self,
        session: Session,
        catalogue: Catalogue[Any],
        table: type[Offer] | type[Client],
        loader: Callable[..., list[Any]],
        name: str,
    ) -> Catalogue[Any]:
        """The catalogue brought up to date: ``catalogue`` itself when nothing changed, else a
        changed copy (``catalogue`` keeps serving meanwhile)."""
        if catalogue.watermark is None:
            catalogue = Catalogue(catalogue.store, self.params)
            self._fill(session, catalogue, loader(session))
            catalogue.index = self._saved_index(session, name)
            had_index = catalogue.index is not None
            catalogue.index_missing(catalogue.statement_vector_ids())
            if not had_index and catalogue.index is not None:
                self._save(session, catalogue, name)
            return catalogue
        scanned_at = utcnow()
        since = catalogue.watermark if catalogue.settled else catalogue.watermark - RESCAN
        rows = session.execute(select(table.id, table.updated_at).where(table.updated_at > since))
        changed: list[int] = []
        latest = catalogue.watermark
        for entry_id, updated_at in rows:
            latest = max(latest, updated_at)
            current = catalogue.entries.get(entry_id)
            if current is None or current.updated_at != updated_at:
                changed.append(entry_id)
        if changed:
            entries = with_vectors(
                session, self.embedder, catalogue.store, loader(session, changed)
            )
            catalogue = catalogue.copy()
            kept = {e.id for e in entries}
            for entry_id in changed:
                if entry_id not in kept:
                    catalogue.remove(entry_id)
            for entry in entries:
                catalogue.put(entry)
            catalogue.index_missing(s.vector_id for e in entries for s in e.statements)
        # Where to look from next time: read by the next refresh only, never by readers.
        catalogue.settled = scanned_at - latest > RESCAN
        catalogue.watermark = latest
        return catalogue

    def _fill(self, session: Session, catalogue: Catalogue[Any], entries: list[Any]) -> None:
        entries = with_vectors(session, self.embedder, catalogue.store, entries)
        for entry in entries:
            catalogue.put(entry)
        catalogue.watermark = max((e.updated_at for e in entries), default=EPOCH)

    # --- saved indexes -------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        return self.index_dir / f"{name}.npz"

    def _meta(self, session: Session) -> dict[str, Any]:
        """What a saved index must agree with: the model, the taxonomy version and the
        database its vector ids come from (its first stored embedding)."""
        first = session.execute(
            select(TextEmbedding.id, TextEmbedding.digest)
            .where(TextEmbedding.model == self.embedder.name)
            .order_by(TextEmbedding.id)
            .limit(1)
        ).first()
        return {
            "model": self.embedder.name,
            "taxonomy": list(taxonomy_version(session)),
            "first_embedding": [first.id, first.digest] if first else None,
        }

    def _saved_index(self, session: Session, name: str) -> VectorIndex | None:
        loaded = VectorIndex.load(self._path(name), self.params)
        if loaded is None:
            return None
        index, meta = loaded
        expected = self._meta(session)
        if any(meta.get(k) != v for k, v in expected.items()) or index.dim != self.embedder.dim:
            log.info("saved %s index was built for another model, taxonomy or database", name)
            return None
        return index

    def _save(self, session: Session, catalogue: Catalogue[Any], name: str) -> None:
        if catalogue.index is not None:
            catalogue.index.save(self._path(name), self._meta(session))

    # --- rebuilding ----------------------------------------------------------------------

    def rebuild(self, session: Session, progress: Progress | None = None) -> RebuildReport:
        """Reload both catalogues and rebuild their indexes from stored embeddings (embedding
        only what was never embedded), save them, then swap them in."""
        started = datetime.now(UTC)
        version = taxonomy_version(session)
        store = VectorStore(self.embedder.dim)
        offers: Catalogue[OfferEntry] = Catalogue(store, self.params)
        clients: Catalogue[ClientEntry] = Catalogue(store, self.params)
        sides: tuple[tuple[str, Catalogue[Any], Callable[[Session], list[Any]]], ...] = (
            ("offers", offers, load_offers),
            ("clients", clients, load_clients),
        )
        for name, catalogue, loader in sides:
            entries: list[Any] = loader(session)
            done = 0
            for start in range(0, len(entries), 1000):
                chunk = with_vectors(session, self.embedder, store, entries[start : start + 1000])
                for entry in chunk:
                    catalogue.put(entry)
                done += len(chunk)
                if progress:
                    progress(f"{name}: embedding", done, len(entries))
            catalogue.watermark = max((e.updated_at for e in entries), default=EPOCH)
            ids = catalogue.statement_vector_ids()
            if progress:
                progress(f"{name}: indexing", 0, len(ids))
            catalogue.index = VectorIndex.build(store.dim, ids, store.get(ids), self.params)
            if progress:
                progress(f"{name}: indexing", len(ids), len(ids))
        related, concepts = self._load_taxonomy(session)
        with self._refreshing:
            self._save(session, offers, "offers")
            self._save(session, clients, "clients")
            # Committed with the caller's session: other processes load the saved files then.
            row = IndexVersion(model=self.embedder.name, offers=len(offers), clients=len(clients))
            session.add(row)
            session.flush()
            self._snapshot = Snapshot(store, offers, clients, version, related, concepts, row.id)
        seconds = (datetime.now(UTC) - started).total_seconds()
        assert offers.index is not None
        assert clients.index is not None
        return RebuildReport(
            offers=len(offers),
            clients=len(clients),
            offer_vectors=len(offers.index),
            client_vectors=len(clients.index),
            index_kind=offers.index.kind,
            seconds=round(seconds, 2),
        )
