"""Concept vectors: every skill concept (ESCO's and the starter's) and every informal
experience, as vectors of its labels (its phrases, for an experience), searched with FAISS so
that a statement is recognised by what it means and not only by how it is spelt.

Each label text is embedded once per model and stored in ``text_embeddings`` like every other
embedding, so a restart (or another process) reads the vectors back without the model; a
concept's own vector is the mean of its label vectors. The search itself
(:class:`SemanticSearch`) is handed to the taxonomy's normaliser, which merges its candidates
with the lexical ones.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

import faiss
import numpy as np
import numpy.typing as npt
from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.embedding import Embedder, Vectors, clean_text
from matching.vectors import digest, embed_texts, stored_by_digest
from models.taxonomy import (
    ConceptKind,
    ExperiencePhrase,
    InformalExperience,
    LabelKind,
    SkillConcept,
    SkillLabel,
)
from taxonomy.normalise import DenseHits

logger = logging.getLogger(__name__)
Progress = Callable[[int], None]
EMBED_CHUNK = 2_000
RECENT = 4_096  # phrase vectors kept by a search
SMALL_BATCH = 16  # queries searched on one thread
#: A concept's vector: this share from its description, the rest from its labels' mean.
DESCRIPTION_WEIGHT = 0.0


@dataclass
class ConceptTexts:
    """The texts whose vectors make up each concept's and each experience's."""

    labels: dict[int, list[str]] = field(default_factory=dict)  # concept id: its labels
    phrases: dict[int, list[str]] = field(default_factory=dict)  # experience id: its phrases
    descriptions: dict[int, str] = field(default_factory=dict)  # when they take part

    def distinct(self) -> list[str]:
        found: dict[str, None] = {}
        groups = (*self.labels.values(), *self.phrases.values(), self.descriptions.values())
        for texts in groups:
            for text in texts:
                if clean_text(text):
                    found.setdefault(clean_text(text), None)
        return list(found)


def concept_texts(session: Session, descriptions: bool = DESCRIPTION_WEIGHT > 0) -> ConceptTexts:
    """Preferred and alternative labels of every skill concept (and its description when
    descriptions take part); the label and phrases of every informal experience. Hidden labels
    (misspellings, old names) are left out."""
    texts = ConceptTexts()
    if descriptions:
        for concept_id, description in session.execute(
            select(SkillConcept.id, SkillConcept.description).where(
                SkillConcept.kind == ConceptKind.skill, SkillConcept.description != ""
            )
        ):
            texts.descriptions[concept_id] = description
    for concept_id, label in session.execute(
        select(SkillLabel.concept_id, SkillLabel.label)
        .join(SkillConcept, SkillConcept.id == SkillLabel.concept_id)
        .where(SkillConcept.kind == ConceptKind.skill, SkillLabel.kind != LabelKind.hidden)
        .order_by(SkillLabel.concept_id, SkillLabel.id)
    ):
        texts.labels.setdefault(concept_id, []).append(label)
    for experience_id, label in session.execute(
        select(InformalExperience.id, InformalExperience.label).order_by(InformalExperience.id)
    ):
        texts.phrases.setdefault(experience_id, []).append(label)
    for experience_id, phrase in session.execute(
        select(ExperiencePhrase.experience_id, ExperiencePhrase.phrase).order_by(
            ExperiencePhrase.id
        )
    ):
        texts.phrases.setdefault(experience_id, []).append(phrase)
    return texts


def _unit(matrix: Vectors) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.maximum(norms, 1e-12), dtype=np.float32)


@dataclass
class ConceptVectors:
    """Label vectors grouped by owner: ``owner[i]`` is the concept (or experience) of row i."""

    model: str
    dim: int
    concept_ids: npt.NDArray[np.int64]
    means: Vectors  # one unit vector per concept, the mean of its label vectors
    label_vectors: Vectors
    label_owner: npt.NDArray[np.int64]  # row in concept_ids
    label_text: list[str]
    experience_vectors: Vectors
    experience_owner: npt.NDArray[np.int64]  # experience id
    experience_text: list[str]
    missing: int = 0  # texts with no stored vector (left out)

    @property
    def size(self) -> int:
        return len(self.concept_ids)

    @classmethod
    def assemble(
        cls,
        model: str,
        dim: int,
        texts: ConceptTexts,
        vectors: dict[str, Vectors],
        description_weight: float = DESCRIPTION_WEIGHT,
    ) -> ConceptVectors:
        ids: list[int] = []
        means: list[Vectors] = []
        rows: list[Vectors] = []
        owners: list[int] = []
        label_text: list[str] = []
        missing = 0
        for concept_id, labels in sorted(texts.labels.items()):
            found = [(t, vectors[clean_text(t)]) for t in labels if clean_text(t) in vectors]
            missing += len(labels) - len(found)
            if not found:
                continue
            row = len(ids)
            ids.append(concept_id)
            stacked = np.stack([v for _t, v in found])
            mean = stacked.mean(axis=0)
            described = vectors.get(clean_text(texts.descriptions.get(concept_id, "")))
            if described is not None and description_weight > 0:
                mean = mean / np.linalg.norm(mean)
                mean = (1 - description_weight) * mean + description_weight * described
            means.append(mean)
            rows.append(stacked)
            owners.extend([row] * len(found))
            label_text.extend(t for t, _v in found)
        exp_rows: list[Vectors] = []
        exp_owner: list[int] = []
        exp_text: list[str] = []
        for experience_id, phrases in sorted(texts.phrases.items()):
            for phrase in phrases:
                vector = vectors.get(clean_text(phrase))
                if vector is None:
                    missing += 1
                    continue
                exp_rows.append(vector[None, :])
                exp_owner.append(experience_id)
                exp_text.append(phrase)
        empty = np.zeros((0, dim), dtype=np.float32)
        return cls(
            model=model,
            dim=dim,
            concept_ids=np.asarray(ids, dtype=np.int64),
            means=_unit(np.stack(means)) if means else empty,
            label_vectors=_unit(np.concatenate(rows)) if rows else empty,
            label_owner=np.asarray(owners, dtype=np.int64),
            label_text=label_text,
            experience_vectors=_unit(np.concatenate(exp_rows)) if exp_rows else empty,
            experience_owner=np.asarray(exp_owner, dtype=np.int64),
            experience_text=exp_text,
            missing=missing,
        )


@dataclass(frozen=True)
class BuildReport:
    texts: int
    embedded: int
    concepts: int
    seconds: float


def build_concept_vectors(
    session: Session,
    embedder: Embedder,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> BuildReport:
    """Embed every label and phrase not embedded by this model yet (each distinct text once)
    and store the vectors; ``progress`` is told how many texts each chunk handled."""
    started = time.perf_counter()
    texts = concept_texts(session)
    distinct = texts.distinct()
    if on_total is not None:
        on_total(len(distinct))
    before = len(stored_by_digest(session, embedder.name, [digest(t) for t in distinct]))
    for start in range(0, len(distinct), EMBED_CHUNK):
        chunk = distinct[start : start + EMBED_CHUNK]
        embed_texts(session, embedder, chunk)
        session.flush()
        if progress is not None:
            progress(len(chunk))
    return BuildReport(
        texts=len(distinct),
        embedded=len(distinct) - before,
        concepts=len(texts.labels),
        seconds=time.perf_counter() - started,
    )


def load_concept_vectors(
    session: Session, model: str, dim: int, embedder: Embedder | None = None
) -> ConceptVectors:
    """The concept vectors from the stored embeddings, without the model. With ``embedder``,
    texts never embedded (a label added since the last build) are embedded and stored first."""
    texts = concept_texts(session)
    distinct = texts.distinct()
    if embedder is not None:
        found = embed_texts(session, embedder, distinct)
        vectors = {t: v for t, (_id, v) in found.items()}
    else:
        by_digest = {digest(t): t for t in distinct}
        stored = stored_by_digest(session, model, list(by_digest))
        vectors = {
            by_digest[d]: np.frombuffer(raw, dtype=np.float32) for d, (_id, raw) in stored.items()
        }
    return ConceptVectors.assemble(model, dim, texts, vectors)


@dataclass(frozen=True)
class SearchParams:
    """How a phrase's vector meets the concept vectors (tuned on the tuning halves only)."""

    candidates: int = 64  # concepts taken from the FAISS search over concept means
    mean_weight: float = 1.0  # similarity = w * to the mean + (1 - w) * to the nearest label
    experiences: int = 8


class SemanticSearch:
    """The dense half of recognition: FAISS over the concept means picks candidates, then
    each candidate's closest label refines its similarity."""

    def __init__(
        self,
        vectors: ConceptVectors,
        encode: Callable[[Sequence[str]], Vectors],
        params: SearchParams | None = None,
    ) -> None:
        self.vectors = vectors
        self.encode = encode
        self.params = params or SearchParams()
        self._row = {int(c): i for i, c in enumerate(vectors.concept_ids.tolist())}
        self._labels_of: list[list[int]] = [[] for _ in range(vectors.size)]
        for position, row in enumerate(vectors.label_owner.tolist()):
            self._labels_of[row].append(position)
        self._index = faiss.IndexFlatIP(vectors.dim)
        if vectors.size:
            self._index.add(vectors.means)
        self._recent: dict[str, Vectors] = {}
        self._experiences = faiss.IndexFlatIP(vectors.dim)
        if len(vectors.experience_vectors):
            self._experiences.add(vectors.experience_vectors)

    def _encode(self, phrases: Sequence[str]) -> Vectors:
        """The phrases' vectors; the last few thousand are kept, since a text's context is
        searched right after its phrases (the text is usually one of them)."""
        missing = [p for p in dict.fromkeys(phrases) if p not in self._recent]
        if missing:
            for phrase, vector in zip(missing, self.encode(missing), strict=True):
                self._recent[phrase] = vector
            while len(self._recent) > RECENT:
                del self._recent[next(iter(self._recent))]
        return np.ascontiguousarray(np.stack([self._recent[p] for p in phrases]), dtype=np.float32)

    def search(
        self, phrases: Sequence[str], k: int, also: Sequence[Collection[int]] = ()
    ) -> list[DenseHits]:
        """For each phrase its nearest concepts (and those in ``also`` for it, however far)
        with their similarity and closest label, and its nearest informal experiences."""
        if not phrases:
            return []
        queries = self._encode(phrases)
        depth = min(max(k, self.params.candidates), self.vectors.size)
        found: list[DenseHits] = []
        exp_sims = np.zeros((len(phrases), 0), dtype=np.float32)
        exp_rows = np.zeros((len(phrases), 0), dtype=np.int64)
        # A few queries search fastest on one thread (OpenMP threads cost more than they save
        # on a busy machine); a batch keeps them all.
        threads = faiss.omp_get_max_threads()
        if len(queries) <= SMALL_BATCH:
            faiss.omp_set_num_threads(1)
        try:
            if depth:
                _sims, rows = self._index.search(queries, depth)
            else:
                rows = np.zeros((len(phrases), 0), dtype=np.int64)
            if len(self.vectors.experience_vectors):
                exp_depth = min(self.params.experiences * 4, len(self.vectors.experience_vectors))
                exp_sims, exp_rows = self._experiences.search(queries, exp_depth)
        finally:
            faiss.omp_set_num_threads(threads)
        weight = self.params.mean_weight
        for i, query in enumerate(queries):
            wanted = [int(r) for r in rows[i] if r >= 0]
            extra = also[i] if i < len(also) else ()
            wanted += [self._row[c] for c in extra if c in self._row]
            wanted = list(dict.fromkeys(wanted))
            concepts: dict[int, tuple[float, str]] = {}
            if wanted:
                to_mean = self.vectors.means[wanted] @ query
                # Every candidate's labels in one product; each candidate's closest label.
                groups = [self._labels_of[row] for row in wanted]
                positions = np.fromiter((p for group in groups for p in group), dtype=np.int64)
                lengths = np.asarray([len(g) for g in groups])
                starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
                label_sims = self.vectors.label_vectors[positions] @ query
                best_sims = np.maximum.reduceat(label_sims, starts)
                at_best = np.flatnonzero(label_sims >= np.repeat(best_sims, lengths))
                closest = positions[at_best[np.searchsorted(at_best, starts)]]
                similarities = weight * to_mean + (1 - weight) * best_sims
                for row, similarity, position in zip(
                    wanted, similarities.tolist(), closest.tolist(), strict=True
                ):
                    concepts[int(self.vectors.concept_ids[row])] = (
                        similarity,
                        self.vectors.label_text[position],
                    )
            experiences: dict[int, tuple[float, str]] = {}
            for sim, row in zip(exp_sims[i].tolist(), exp_rows[i].tolist(), strict=True):
                if row < 0:
                    continue
                owner = int(self.vectors.experience_owner[row])
                if owner not in experiences:
                    experiences[owner] = (float(sim), self.vectors.experience_text[row])
                if len(experiences) >= self.params.experiences:
                    break
            found.append(DenseHits(concepts, experiences))
        return found


def semantic_factory(
    sessions: Callable[[], Session],
    embedder: Callable[[], Embedder],
    embed_at_most: int = 5_000,
) -> Callable[[Session, object], SemanticSearch | None]:
    """What the skills cache calls when the taxonomy changed: the concept vectors read back from
    the stored embeddings, in a session of their own so that the few texts embedded on the way
    (labels added since the last build, up to ``embed_at_most``) are stored. More than that is
    a job for ``tandem index rebuild``: until then those concepts are found by their words."""

    def build(_session: Session, _index: object) -> SemanticSearch | None:
        model = embedder()
        with sessions() as session:
            texts = concept_texts(session)
            distinct = texts.distinct()
            stored = stored_by_digest(session, model.name, [digest(t) for t in distinct])
            missing = len(distinct) - len(stored)
            vectors = load_concept_vectors(
                session, model.name, model.dim, model if missing <= embed_at_most else None
            )
            session.commit()
        if missing > embed_at_most:
            logger.warning("%d concept texts have no vector: run `tandem index rebuild`", missing)
        return SemanticSearch(vectors, model.encode) if vectors.size else None

    return build
