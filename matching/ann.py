"""Nearest-neighbour search over unit vectors with FAISS (inner product = cosine).

Exact (flat) while the index is small, IVF past a size set in settings. An index is saved as
one file, written beside the old one and renamed over it, so a crash during a rebuild leaves
the old index in place and serving.

An index that serves is never changed: FAISS may not add while another thread searches, and
a shortlist reads one snapshot from start to end. ``with_added`` returns a new index that
shares the FAISS part and keeps the new vectors in a small exact layer beside it, searched by
one matrix product; past ``DELTA_LIMIT`` vectors the layer is folded into a copy of the FAISS
index, off the readers' path.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from matching.embedding import Vectors

Ids = npt.NDArray[np.int64]
ADD_CHUNK = 50_000
#: Vectors kept in the exact layer beside the FAISS index before they are folded into a copy.
DELTA_LIMIT = 20_000


def serve_single_threaded() -> None:
    """One thread each for FAISS (OpenMP) and numpy's BLAS in a process that serves requests:
    the work of one request is small (a few query vectors, one matrix-vector product), several
    requests run at once, and threads that wait on each other for the cores cost more than
    they bring. Measured on the 2-core machine under load: a 10k x 384 product 2.7 ms on one
    thread against 5.8 to 9.5 ms on two; a flat search of 6 vectors among 40k, 91 to 111 ms
    against 153 to 182 ms."""
    faiss.omp_set_num_threads(1)
    threadpool_limits(1, user_api="blas")


@dataclass(frozen=True)
class IndexParams:
    exact_limit: int = 50_000  # past this many vectors a rebuild makes an IVF index
    nprobe: int = 24  # IVF lists searched per query


def _as_ids(ids: Any) -> Ids:
    return np.ascontiguousarray(ids, dtype=np.int64)


class VectorIndex:
    def __init__(self, dim: int, index: Any, params: IndexParams) -> None:
        self.dim = dim
        self._index = index
        self.params = params
        self._ids: set[int] = set()
        self._delta_ids: Ids = np.zeros(0, dtype=np.int64)
        self._delta_vectors: Vectors = np.zeros((0, dim), dtype=np.float32)
        self._delta_set: frozenset[int] = frozenset()

    @classmethod
    def build(
        cls,
        dim: int,
        ids: Any,
        vectors: Vectors,
        params: IndexParams,
        progress: Callable[[int], None] | None = None,
    ) -> VectorIndex:
        ids = _as_ids(ids)
        count = len(ids)
        if count <= params.exact_limit:
            index: Any = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        else:
            nlist = max(16, min(4096, int(math.sqrt(count))))
            quantizer = faiss.IndexFlatIP(dim)
            index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
            sample = np.random.default_rng(0).choice(count, min(count, nlist * 40), replace=False)
            index.train(np.ascontiguousarray(vectors[np.sort(sample)]))
            index.nprobe = params.nprobe
        built = cls(dim, index, params)
        for start in range(0, count, ADD_CHUNK):
            built.add(ids[start : start + ADD_CHUNK], vectors[start : start + ADD_CHUNK])
            if progress is not None:
                progress(min(ADD_CHUNK, count - start))
        return built

    @property
    def kind(self) -> str:
        return "ivf" if isinstance(self._index, faiss.IndexIVF) else "flat"

    def __len__(self) -> int:
        return int(self._index.ntotal) + len(self._delta_ids)

    def __contains__(self, vector_id: int) -> bool:
        return vector_id in self._ids or vector_id in self._delta_set

    def with_added(self, ids: Any, vectors: Vectors) -> VectorIndex:
        """A new index holding these vectors too; this one is left as it is (others may be
        searching it)."""
        ids = _as_ids(ids)
        fresh = np.fromiter((i not in self for i in ids.tolist()), dtype=bool, count=len(ids))
        if not fresh.any():
            return self
        delta_ids = np.concatenate([self._delta_ids, ids[fresh]])
        delta_vectors = np.concatenate(
            [self._delta_vectors, np.asarray(vectors, dtype=np.float32)[fresh]]
        )
        if len(delta_ids) > DELTA_LIMIT:
            folded = VectorIndex(self.dim, faiss.clone_index(self._index), self.params)
            folded._ids = set(self._ids)
            folded.add(delta_ids, delta_vectors)
            return folded
        grown = VectorIndex(self.dim, self._index, self.params)
        grown._ids = self._ids
        grown._delta_ids, grown._delta_vectors = delta_ids, delta_vectors
        grown._delta_set = frozenset(delta_ids.tolist())
        return grown

    def _folded(self) -> VectorIndex:
        if not len(self._delta_ids):
            return self
        folded = VectorIndex(self.dim, faiss.clone_index(self._index), self.params)
        folded._ids = set(self._ids)
        folded.add(self._delta_ids, self._delta_vectors)
        return folded

    def add(self, ids: Any, vectors: Vectors) -> int:
        """Add the vectors whose ids are not in the index yet, in place (while building, before
        anyone searches it); returns how many were added."""
        ids = _as_ids(ids)
        fresh = np.fromiter((i not in self._ids for i in ids.tolist()), dtype=bool, count=len(ids))
        if not fresh.any():
            return 0
        new_ids = ids[fresh]
        self._index.add_with_ids(np.ascontiguousarray(vectors[fresh], dtype=np.float32), new_ids)
        self._ids.update(new_ids.tolist())
        return int(len(new_ids))

    def search(self, vectors: Vectors, k: int) -> tuple[npt.NDArray[np.float32], Ids]:
        """For each query the k nearest ids (-1 where fewer exist) and their similarities."""
        if len(self) == 0 or len(vectors) == 0:
            empty = np.full((len(vectors), 0), -1)
            return empty.astype(np.float32), empty.astype(np.int64)
        queries = np.ascontiguousarray(vectors, dtype=np.float32)
        if not len(self._delta_ids):
            sims, ids = self._index.search(queries, k)
            return sims, ids
        parts_sims = [queries @ self._delta_vectors.T]
        parts_ids = [np.broadcast_to(self._delta_ids, parts_sims[0].shape)]
        if self._index.ntotal:
            sims, ids = self._index.search(queries, k)
            parts_sims.append(sims)
            parts_ids.append(ids)
        all_sims = np.concatenate(parts_sims, axis=1)
        all_ids = np.concatenate(parts_ids, axis=1)
        all_sims = np.where(all_ids < 0, -np.inf, all_sims)
        take = min(k, all_sims.shape[1])
        order = np.argsort(-all_sims, axis=1, kind="stable")[:, :take]
        best_sims = np.take_along_axis(all_sims, order, axis=1)
        best_ids = np.take_along_axis(all_ids, order, axis=1)
        best_ids = np.where(np.isfinite(best_sims), best_ids, -1)
        return np.nan_to_num(best_sims, neginf=-1.0).astype(np.float32), best_ids

    def save(self, path: Path, meta: dict[str, Any]) -> None:
        """Write to a temporary file in the same folder, flush it to disk, rename it over."""
        whole = self._folded()
        if whole is not self:
            whole.save(path, meta)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        data = faiss.serialize_index(self._index)
        meta = {**meta, "dim": self.dim, "count": len(self), "kind": self.kind}
        try:
            with open(tmp, "wb") as handle:
                np.savez(
                    handle,
                    index=data,
                    ids=np.fromiter(self._ids, dtype=np.int64, count=len(self._ids)),
                    meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                )
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path, params: IndexParams) -> tuple[VectorIndex, dict[str, Any]] | None:
        """The saved index and its metadata, or None if there is none or it is unreadable."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                meta: dict[str, Any] = json.loads(stored["meta"].tobytes().decode())
                index = faiss.deserialize_index(stored["index"])
                ids = stored["ids"].tolist()
        except (OSError, ValueError, KeyError, RuntimeError):
            return None
        if isinstance(index, faiss.IndexIVF):
            index.nprobe = params.nprobe
        loaded = cls(int(meta["dim"]), index, params)
        loaded._ids = set(ids)
        return loaded, meta
