"""Statements (a client's skill, an offer's requirement) tied to concepts: proposed by the
normaliser when the words are written, confirmed or changed by a person later."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import InvalidInput
from models.taxonomy import ConceptKind, MappingHow, SkillConcept
from taxonomy.extract import extract_ranked
from taxonomy.normalise import ConceptMatch, Normaliser

PROPOSALS_PER_STATEMENT = 3


class Mapping(Protocol):
    concept_id: int
    score: float
    how: str
    confirmed_by_id: int | None
    confirmed_at: datetime | None


M = TypeVar("M", bound=Mapping)


class Worded(Protocol):
    @property
    def text(self) -> str: ...


Row = TypeVar("Row", bound=Worded)
Item = TypeVar("Item", bound=Worded)


def keep_unchanged_words(
    current: Sequence[Row], items: Sequence[Item], build: Callable[[Item], Row]
) -> list[tuple[Item, Row]]:
    """Each new statement paired with its row: a statement whose words are unchanged keeps its
    row (so its concepts and their confirmations stay), any other gets a new one."""
    unused = {row.text: row for row in reversed(current)}
    return [(item, unused.pop(item.text, None) or build(item)) for item in items]


def proposals(normaliser: Normaliser | None, text: str) -> list[ConceptMatch]:
    """The concepts proposed for a statement, best first; none when no taxonomy is loaded or
    nothing scores high enough (the words are kept as free text either way)."""
    if normaliser is None:
        return []
    least = normaliser.thresholds.proposal
    if normaliser.dense is not None:
        # By meaning too: the statement's phrases, one ranking (as bench/skill_recognition.py
        # measures it).
        found = extract_ranked(normaliser, text, least, PROPOSALS_PER_STATEMENT)
        return [match for match, _phrase in found.ranking]
    matches = normaliser.normalise(text, limit=PROPOSALS_PER_STATEMENT)
    return [m for m in matches if m.score >= least]


def confirm(
    current: Sequence[M],
    concept_ids: Sequence[int],
    make: Callable[[int], M],
    actor_id: int,
    now: datetime,
) -> list[M]:
    """The mappings after a person confirmed exactly ``concept_ids``: proposals they kept are
    marked confirmed, new concepts are added as confirmed, the rest are dropped."""
    by_concept = {m.concept_id: m for m in current}
    result = []
    for concept_id in dict.fromkeys(concept_ids):
        mapping = by_concept.get(concept_id)
        if mapping is None:
            mapping = make(concept_id)
            mapping.score = 1.0
            mapping.how = MappingHow.confirmed.value
        mapping.confirmed_by_id = actor_id
        mapping.confirmed_at = now
        result.append(mapping)
    return result


def check_concepts(session: Session, concept_ids: Sequence[int]) -> None:
    """Every id names a skill concept (not a group); else 422 naming them."""
    found = set(
        session.scalars(
            select(SkillConcept.id).where(
                SkillConcept.id.in_(concept_ids), SkillConcept.kind == ConceptKind.skill
            )
        )
    )
    unknown = sorted(set(concept_ids) - found)
    if unknown:
        raise InvalidInput("concept_ids", f"no skill concepts with ids {unknown}")
