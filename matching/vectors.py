"""Stored embeddings: each distinct text is embedded once per model and kept as bytes, so a
restart or another process rebuilds its indexes without embedding anything again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from matching.embedding import Embedder, Vectors, clean_text
from models.matching import TextEmbedding

CHUNK = 500


def digest(text: str) -> str:
    return hashlib.sha256(clean_text(text).encode()).hexdigest()


def _insert_ignoring_duplicates(session: Session, rows: list[dict[str, object]]) -> None:
    """Two processes may embed the same new text at once: the second insert is a no-op."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(postgresql.insert(TextEmbedding).on_conflict_do_nothing(), rows)
    elif dialect == "sqlite":
        session.execute(sqlite.insert(TextEmbedding).on_conflict_do_nothing(), rows)
    else:
        session.execute(insert(TextEmbedding), rows)


def stored_by_digest(
    session: Session, model: str, digests: Sequence[str]
) -> dict[str, tuple[int, bytes]]:
    """The stored embedding id and raw vector of each digest this model has embedded."""
    found: dict[str, tuple[int, bytes]] = {}
    for start in range(0, len(digests), CHUNK):
        chunk = digests[start : start + CHUNK]
        for row in session.execute(
            select(TextEmbedding.id, TextEmbedding.digest, TextEmbedding.vector).where(
                TextEmbedding.model == model, TextEmbedding.digest.in_(chunk)
            )
        ):
            found[row.digest] = (row.id, row.vector)
    return found


def embed_texts(
    session: Session, embedder: Embedder, texts: Iterable[str], batch_size: int = 256
) -> dict[str, tuple[int, Vectors]]:
    """Each distinct text's stored embedding id and vector, embedding only texts never seen
    by this model. Keys are the texts as given."""
    by_digest: dict[str, list[str]] = {}
    for text in texts:
        if clean_text(text):
            by_digest.setdefault(digest(text), []).append(text)
    digests = list(by_digest)
    stored = stored_by_digest(session, embedder.name, digests)
    missing = [d for d in digests if d not in stored]
    for start in range(0, len(missing), batch_size):
        chunk = missing[start : start + batch_size]
        vectors = embedder.encode([by_digest[d][0] for d in chunk])
        rows: list[dict[str, object]] = [
            {
                "model": embedder.name,
                "digest": d,
                "text": clean_text(by_digest[d][0]),
                "dim": embedder.dim,
                "vector": vector.tobytes(),
            }
            for d, vector in zip(chunk, vectors, strict=True)
        ]
        _insert_ignoring_duplicates(session, rows)
    if missing:
        stored.update(stored_by_digest(session, embedder.name, missing))
    result: dict[str, tuple[int, Vectors]] = {}
    for d, originals in by_digest.items():
        embedding_id, raw = stored[d]
        vector = np.frombuffer(raw, dtype=np.float32)
        for text in originals:
            result[text] = (embedding_id, vector)
    return result


def stored_vectors(session: Session, model: str, ids: Sequence[int]) -> dict[int, Vectors]:
    """Stored vectors by embedding id (for rebuilding an index without the model)."""
    found: dict[int, Vectors] = {}
    for start in range(0, len(ids), CHUNK):
        for embedding_id, raw in session.execute(
            select(TextEmbedding.id, TextEmbedding.vector).where(
                TextEmbedding.model == model, TextEmbedding.id.in_(ids[start : start + CHUNK])
            )
        ):
            found[embedding_id] = np.frombuffer(raw, dtype=np.float32)
    return found
