"""Requirement-level ranking.

Each requirement of an offer is met by the client's best skill: the same concept, a related
(broader, narrower or ESCO-related) concept, a concept evidenced by informal experience, or
words semantically close enough. Each way has its own credit; the score is a weighted sum of
essential coverage, optional coverage, summary similarity and aspirations against the offer's
occupation, so it can be recomputed from the explanation by hand.

Two passes: ``*_candidates`` scores every statement of one side at once with numpy (concept
postings plus FAISS neighbours), then ``score_pair`` scores the best of those exactly, pair by
pair, and that exact score is the one shown and stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.catalogue import (
    Catalogue,
    ClientEntry,
    Floats,
    Ints,
    OfferEntry,
    Statement,
    VectorStore,
)
from models.taxonomy import MappingHow

#: Related concepts followed per concept (a skill group may have hundreds of narrower skills).
MAX_RELATED = 40


@dataclass(frozen=True)
class Weights:
    essential: float = 0.7
    optional: float = 0.1
    summary: float = 0.05
    aspiration: float = 0.15
    related: float = 0.3
    semantic: float = 0.85
    semantic_threshold: float = 0.7
    neighbours: int = 64

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


class How:
    same = "same_concept"
    informal = "informal_experience"
    related = "related_concept"
    semantic = "semantic"


@dataclass(frozen=True)
class RequirementMatch:
    requirement: Statement
    credit: float
    how: str | None = None
    skill: Statement | None = None
    concept_id: int | None = None
    skill_concept_id: int | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class PairScore:
    score: float
    essential: float
    optional: float
    summary: float
    aspiration: float
    matches: tuple[RequirementMatch, ...]

    def parts(self, weights: Weights) -> dict[str, dict[str, float]]:
        values = {
            "essential": self.essential,
            "optional": self.optional,
            "summary": self.summary,
            "aspiration": self.aspiration,
        }
        return {
            name: {
                "value": value,
                "weight": getattr(weights, name),
                "points": round(getattr(weights, name) * value, 4),
            }
            for name, value in values.items()
        }


def _best_for_requirement(
    requirement: Statement,
    skills: tuple[Statement, ...],
    store: VectorStore,
    related: dict[int, frozenset[int]],
    weights: Weights,
) -> RequirementMatch:
    best = RequirementMatch(requirement, 0.0)
    req_vector = store.one(requirement.vector_id)
    for skill in skills:
        for need in requirement.concepts:
            for have in skill.concepts:
                if need.concept_id == have.concept_id:
                    informal = have.how == MappingHow.informal.value
                    credit = need.score * have.score
                    how = How.informal if informal else How.same
                elif need.concept_id in related.get(have.concept_id, ()):
                    credit = need.score * have.score * weights.related
                    how = How.related
                else:
                    continue
                credit = round(min(credit, 1.0), 4)
                if credit > best.credit:
                    best = RequirementMatch(
                        requirement, credit, how, skill, need.concept_id, have.concept_id
                    )
        skill_vector = store.one(skill.vector_id)
        if req_vector is not None and skill_vector is not None:
            similarity = round(float(req_vector @ skill_vector), 4)
            if similarity >= weights.semantic_threshold:
                credit = round(weights.semantic * similarity, 4)
                if credit > best.credit:
                    best = RequirementMatch(
                        requirement, credit, How.semantic, skill, similarity=similarity
                    )
    return best


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def cosine(a: Floats | None, b: Floats | None) -> float:
    if a is None or b is None:
        return 0.0
    return round(max(0.0, float(a @ b)), 4)


def score_pair(
    offer: OfferEntry,
    client: ClientEntry,
    store: VectorStore,
    related: dict[int, frozenset[int]],
    weights: Weights,
    offer_summary: Floats | None,
    client_summary: Floats | None,
) -> PairScore:
    """The exact score of one pair, part by part. An offer without optional requirements
    counts its essential coverage as optional coverage too, so it neither gains nor loses."""
    matches = tuple(
        _best_for_requirement(r, client.statements, store, related, weights)
        for r in offer.statements
    )
    essential = _mean([m.credit for m in matches if m.requirement.essential])
    optional_credits = [m.credit for m in matches if not m.requirement.essential]
    optional = _mean(optional_credits) if optional_credits else essential
    summary = cosine(offer_summary, client_summary)
    aspiration = cosine(
        store.one(offer.occupation_vector_id), store.one(client.aspiration_vector_id)
    )
    score = round(
        weights.essential * essential
        + weights.optional * optional
        + weights.summary * summary
        + weights.aspiration * aspiration,
        4,
    )
    return PairScore(score, essential, optional, summary, aspiration, matches)


# --- the vectorised first pass -----------------------------------------------------------


def _related(concept_id: int, related: dict[int, frozenset[int]]) -> list[int]:
    return sorted(related.get(concept_id, ()))[:MAX_RELATED]


def _credit_rows(
    target: Catalogue[Any],
    query: Statement,
    related: dict[int, frozenset[int]],
    weights: Weights,
    semantic: tuple[npt.NDArray[np.float32], Ints] | None,
) -> tuple[Ints, Floats]:
    """Target statement rows credited for one query statement, with their best credit."""
    rows_parts: list[Ints] = []
    credit_parts: list[Floats] = []
    for link in query.concepts:
        rows, scores = target.concept_postings(link.concept_id)
        rows_parts.append(rows)
        credit_parts.append(scores * link.score)
        for other in _related(link.concept_id, related):
            rows, scores = target.concept_postings(other)
            rows_parts.append(rows)
            credit_parts.append(scores * link.score * weights.related)
    if semantic is not None:
        sims, vector_ids = semantic
        for similarity, vector_id in zip(sims.tolist(), vector_ids.tolist(), strict=True):
            if vector_id < 0 or similarity < weights.semantic_threshold:
                continue
            rows_list = target.by_vector.get(vector_id, [])
            rows_parts.append(np.asarray(rows_list, dtype=np.int64))
            credit_parts.append(
                np.full(len(rows_list), weights.semantic * similarity, dtype=np.float32)
            )
    if not rows_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(rows_parts), np.concatenate(credit_parts).astype(np.float32)


def _neighbours(
    target: Catalogue[Any], store: VectorStore, statements: tuple[Statement, ...], k: int
) -> list[tuple[npt.NDArray[np.float32], Ints] | None]:
    with_vector = [s for s in statements if s.vector_id in store]
    found: dict[int, tuple[npt.NDArray[np.float32], Ints]] = {}
    if with_vector and target.index is not None and len(target.index):
        sims, ids = target.index.search(store.get(s.vector_id for s in with_vector), k)
        for i, statement in enumerate(with_vector):
            found[statement.id] = (sims[i], ids[i])
    return [found.get(s.id) for s in statements]


@dataclass(frozen=True)
class Candidates:
    slots: Ints
    scores: Floats


def _combine(
    essential: Floats,
    optional: Floats | None,
    summary: Floats,
    aspiration: Floats,
    alive: npt.NDArray[np.bool_],
    weights: Weights,
) -> Candidates:
    if optional is None:
        optional = essential
    covered = alive & ((essential > 0) | (optional > 0))
    slots = np.flatnonzero(covered)
    score = (
        weights.essential * essential[slots]
        + weights.optional * optional[slots]
        + weights.summary * summary[slots]
        + weights.aspiration * aspiration[slots]
    )
    return Candidates(slots, score.astype(np.float32))


def _aspiration(target: Catalogue[Any], store: VectorStore, vector: Floats | None) -> Floats:
    arrays = target.arrays()
    if vector is None:
        return np.zeros(len(arrays.alive), dtype=np.float32)
    result: Floats = np.maximum(arrays.extra @ vector, 0).astype(np.float32)
    return result


def offer_candidates(
    offers: Catalogue[OfferEntry],
    client: ClientEntry,
    client_summary: Floats,
    store: VectorStore,
    related: dict[int, frozenset[int]],
    weights: Weights,
) -> Candidates:
    """Every offer with at least one requirement credited for this client, and its
    first-pass score."""
    arrays = offers.arrays()
    credit = np.zeros(len(arrays.owner), dtype=np.float32)
    neighbours = _neighbours(offers, store, client.statements, weights.neighbours)
    for skill, semantic in zip(client.statements, neighbours, strict=True):
        rows, values = _credit_rows(offers, skill, related, weights, semantic)
        np.maximum.at(credit, rows, np.minimum(values, 1.0))
    slots = len(arrays.alive) + 1
    essential_sum = np.bincount(arrays.owner, weights=credit * arrays.essential, minlength=slots)
    optional_sum = np.bincount(
        arrays.owner, weights=credit * (1 - arrays.essential), minlength=slots
    )
    essential = (essential_sum[:-1] / np.maximum(arrays.n_essential, 1)).astype(np.float32)
    optional = np.where(
        arrays.n_optional > 0, optional_sum[:-1] / np.maximum(arrays.n_optional, 1), essential
    ).astype(np.float32)
    summary = np.maximum(arrays.summary @ client_summary, 0)
    aspiration = _aspiration(offers, store, store.one(client.aspiration_vector_id))
    return _combine(essential, optional, summary, aspiration, arrays.alive, weights)


def client_candidates(
    clients: Catalogue[ClientEntry],
    offer: OfferEntry,
    offer_summary: Floats,
    store: VectorStore,
    related: dict[int, frozenset[int]],
    weights: Weights,
) -> Candidates:
    """Every client with at least one skill credited for this offer's requirements, and
    the first-pass score."""
    arrays = clients.arrays()
    slots = len(arrays.alive)
    essential = np.zeros(slots + 1, dtype=np.float32)
    optional = np.zeros(slots + 1, dtype=np.float32)
    neighbours = _neighbours(clients, store, offer.statements, weights.neighbours)
    for requirement, semantic in zip(offer.statements, neighbours, strict=True):
        rows, values = _credit_rows(clients, requirement, related, weights, semantic)
        best = np.zeros(slots + 1, dtype=np.float32)
        np.maximum.at(best, arrays.owner[rows], np.minimum(values, 1.0))
        (essential if requirement.essential else optional)[:] += best
    n_essential = sum(1 for r in offer.statements if r.essential)
    n_optional = len(offer.statements) - n_essential
    essential_mean: Floats = (essential[:-1] / max(n_essential, 1)).astype(np.float32)
    optional_mean: Floats | None = (
        (optional[:-1] / n_optional).astype(np.float32) if n_optional else None
    )
    summary = np.maximum(arrays.summary @ offer_summary, 0)
    aspiration = _aspiration(clients, store, store.one(offer.occupation_vector_id))
    return _combine(essential_mean, optional_mean, summary, aspiration, arrays.alive, weights)
