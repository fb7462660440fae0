"""Reading the taxonomy: search as a person types, one concept in full, and statistics."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import NotFound
from models.taxonomy import (
    ExperienceEvidence,
    ExperiencePhrase,
    InformalExperience,
    Occupation,
    OccupationSkill,
    SkillBroader,
    SkillConcept,
    SkillLabel,
    SkillRelation,
    TaxonomyImport,
)
from taxonomy.normalise import Normaliser
from taxonomy.schemas import (
    ConceptDetail,
    ConceptRef,
    LabelRead,
    TaxonomyStats,
)
from taxonomy.text import STOPWORDS, normalise

PREFIX_TOKENS = 30


@dataclass(frozen=True)
class Found:
    concept_id: int
    matched_label: str


class Autocomplete:
    """Prefix search over label words: 'cash reg' finds 'operate cash register'."""

    def __init__(self, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self.tokens = sorted(normaliser.index.postings)

    def search(self, query: str, limit: int) -> list[Found]:
        index = self.normaliser.index
        words = normalise(query).split()
        if not words:
            return []
        *complete, last = words
        if complete:
            # Words already typed narrow the labels; the last one only has to begin a word.
            positions: set[int] | None = None
            for word in complete:
                if word in STOPWORDS:
                    continue
                posting = set(index.postings.get(word, ()))
                positions = posting if positions is None else positions & posting
            candidates = positions or set()
            positions = {
                p for p in candidates if any(t.startswith(last) for t in index.labels[p].split())
            }
        else:
            start = bisect.bisect_left(self.tokens, last)
            stop = bisect.bisect_left(self.tokens, last + "\uffff")
            # The most used words that begin so: "co" finds "communicate" before "cobol".
            tokens = sorted(self.tokens[start:stop], key=lambda t: -len(index.postings[t]))
            positions = {p for t in tokens[:PREFIX_TOKENS] for p in index.postings[t]}
            if last in index.by_label:
                positions.add(index.by_label[last])
        ranked = sorted(
            positions,
            key=lambda p: (
                not any(pref for _c, pref in index.label_owners[p]),
                len(index.labels[p]),
                index.labels[p],
            ),
        )
        found: dict[int, Found] = {}
        for position in ranked:
            for concept_id, _preferred in index.label_owners[position]:
                found.setdefault(concept_id, Found(concept_id, index.label_text[position]))
            if len(found) >= limit:
                break
        if not found:
            for match in self.normaliser.normalise(query, limit=limit):
                found.setdefault(match.concept_id, Found(match.concept_id, match.via))
        return list(found.values())[:limit]


def _refs(session: Session, ids: list[int]) -> list[ConceptRef]:
    if not ids:
        return []
    rows = session.execute(
        select(SkillConcept.id, SkillConcept.preferred_label, SkillConcept.esco_uri)
        .where(SkillConcept.id.in_(ids))
        .order_by(SkillConcept.preferred_label, SkillConcept.id)
    )
    return [ConceptRef(concept_id=i, label=label, esco_uri=uri) for i, label, uri in rows]


def concept_detail(session: Session, concept_id: int) -> ConceptDetail:
    concept = session.get(SkillConcept, concept_id)
    if concept is None:
        raise NotFound("skill concept", concept_id)
    labels = session.scalars(
        select(SkillLabel)
        .where(SkillLabel.concept_id == concept_id)
        .order_by(SkillLabel.kind, SkillLabel.label)
    ).all()
    broader = session.scalars(
        select(SkillBroader.broader_id).where(SkillBroader.concept_id == concept_id)
    ).all()
    narrower = session.scalars(
        select(SkillBroader.concept_id).where(SkillBroader.broader_id == concept_id).limit(100)
    ).all()
    related = session.scalars(
        select(SkillRelation.related_id).where(SkillRelation.concept_id == concept_id)
    ).all()
    evidenced_by = session.scalars(
        select(InformalExperience.label)
        .join(ExperienceEvidence, ExperienceEvidence.experience_id == InformalExperience.id)
        .where(ExperienceEvidence.concept_id == concept_id)
        .order_by(InformalExperience.label)
    ).all()
    return ConceptDetail(
        concept_id=concept.id,
        key=concept.key,
        esco_uri=concept.esco_uri,
        label=concept.preferred_label,
        description=concept.description,
        skill_type=concept.skill_type,
        collections=concept.collections,
        source=concept.source,
        labels=[
            LabelRead(label=lb.label, language=lb.language, kind=lb.kind.value) for lb in labels
        ],
        broader=_refs(session, list(broader)),
        narrower=_refs(session, list(narrower)),
        related=_refs(session, list(related)),
        evidenced_by=list(evidenced_by),
    )


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def taxonomy_stats(session: Session) -> TaxonomyStats:
    concepts = {
        f"{source} {kind.value}": n
        for source, kind, n in session.execute(
            select(SkillConcept.source, SkillConcept.kind, func.count())
            .group_by(SkillConcept.source, SkillConcept.kind)
            .order_by(SkillConcept.source, SkillConcept.kind)
        )
    }
    languages = {
        language: n
        for language, n in session.execute(
            select(SkillLabel.language, func.count()).group_by(SkillLabel.language)
        )
    }
    imports = [
        {"source": i.source, "version": i.version, "at": i.at.isoformat(), "counts": i.counts}
        for i in session.scalars(
            select(TaxonomyImport).order_by(TaxonomyImport.id.desc()).limit(10)
        )
    ]
    return TaxonomyStats(
        concepts=concepts,
        labels_by_language=languages,
        occupations=_count(session, Occupation),
        occupation_skill_relations=_count(session, OccupationSkill),
        informal_experiences=_count(session, InformalExperience),
        experience_phrases=_count(session, ExperiencePhrase),
        imports=imports,
    )


def uses_esco(session: Session) -> bool:
    return (
        session.scalar(select(SkillConcept.id).where(SkillConcept.source == "esco").limit(1))
        is not None
    )
