"""The in-memory skills index: every label and informal-experience phrase, folded for look-up.

Built once from the taxonomy tables (at start-up, or again when the taxonomy changes) and
handed to the services that normalise statements; it holds plain data only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.taxonomy import (
    ConceptKind,
    ExperienceEvidence,
    ExperiencePhrase,
    InformalExperience,
    LabelKind,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    SkillConcept,
    SkillLabel,
    SkillRelationType,
    TaxonomyImport,
)
from taxonomy.lexicon import meaning_tokens
from taxonomy.text import STOPWORDS, word_bag


@dataclass(frozen=True)
class ConceptInfo:
    id: int
    preferred_label: str
    esco_uri: str | None
    skill_type: str | None
    collections: tuple[str, ...]


@dataclass
class SkillIndex:
    """Look-up structures over the taxonomy. ``labels[i]`` is a folded label; ``label_owners[i]``
    the concepts it names, each with whether it is their preferred label."""

    version: tuple[int, int] = (0, 0)
    concepts: dict[int, ConceptInfo] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    label_owners: list[list[tuple[int, bool]]] = field(default_factory=list)
    by_label: dict[str, int] = field(default_factory=dict)
    by_bag: dict[str, list[int]] = field(default_factory=dict)
    postings: dict[str, list[int]] = field(default_factory=dict)
    experience_docs: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    experience_label: dict[int, str] = field(default_factory=dict)
    evidence: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    occupation_labels: list[str] = field(default_factory=list)
    occupation_of_label: list[int] = field(default_factory=list)
    occupation_label_preferred: list[bool] = field(default_factory=list)
    occupations: dict[int, tuple[str, str]] = field(default_factory=dict)
    occupation_skills: dict[int, dict[int, SkillRelationType]] = field(default_factory=dict)
    #: ESCO itself is imported (not only starter concepts that name ESCO URIs).
    esco_loaded: bool = False

    label_text: list[str] = field(default_factory=list)
    _essential: dict[int, frozenset[int]] | None = None

    _occupation_by_label: dict[str, list[int]] | None = None

    def occupation_positions(self, normalised: str) -> list[int]:
        """Positions of the occupation labels spelt exactly so."""
        if self._occupation_by_label is None:
            by_label: dict[str, list[int]] = {}
            for position, label in enumerate(self.occupation_labels):
                by_label.setdefault(label, []).append(position)
            self._occupation_by_label = by_label
        return self._occupation_by_label.get(normalised, [])

    def essential_skills(self) -> dict[int, frozenset[int]]:
        """Each occupation's essential skills, computed once."""
        if self._essential is None:
            self._essential = {
                occupation: frozenset(
                    c for c, r in skills.items() if r is SkillRelationType.essential
                )
                for occupation, skills in self.occupation_skills.items()
            }
        return self._essential

    @property
    def size(self) -> int:
        return len(self.concepts)

    def add_label(
        self, normalised: str, concept_id: int, preferred: bool, text: str | None = None
    ) -> None:
        if not normalised:
            return
        position = self.by_label.get(normalised)
        if position is None:
            position = len(self.labels)
            self.by_label[normalised] = position
            self.labels.append(normalised)
            self.label_text.append(text or normalised)
            self.label_owners.append([])
            self.by_bag.setdefault(word_bag(normalised), []).append(position)
            for token in set(normalised.split()):
                if token not in STOPWORDS:
                    self.postings.setdefault(token, []).append(position)
        owners = self.label_owners[position]
        if (concept_id, preferred) not in owners:
            owners.append((concept_id, preferred))


def taxonomy_version(session: Session) -> tuple[int, int]:
    """Changes whenever an import or a starter load changed the taxonomy."""
    latest = session.scalar(select(func.max(TaxonomyImport.id))) or 0
    concepts = session.scalar(select(func.count()).select_from(SkillConcept)) or 0
    return latest, concepts


def load_index(session: Session) -> SkillIndex:
    index = SkillIndex(version=taxonomy_version(session))
    for row in session.execute(
        select(
            SkillConcept.id,
            SkillConcept.preferred_label,
            SkillConcept.esco_uri,
            SkillConcept.skill_type,
            SkillConcept.collections,
            SkillConcept.source,
        ).where(SkillConcept.kind == ConceptKind.skill)
    ):
        index.concepts[row.id] = ConceptInfo(
            row.id, row.preferred_label, row.esco_uri, row.skill_type, tuple(row.collections)
        )
        index.esco_loaded = index.esco_loaded or row.source == "esco"
    for concept_id, normalised, kind, label in session.execute(
        select(SkillLabel.concept_id, SkillLabel.normalised, SkillLabel.kind, SkillLabel.label)
    ):
        if concept_id in index.concepts:
            index.add_label(normalised, concept_id, kind is LabelKind.preferred, label)
    for experience_id, label in session.execute(
        select(InformalExperience.id, InformalExperience.label)
    ):
        index.experience_label[experience_id] = label
        index.experience_docs.append((experience_id, meaning_tokens(label)))
    for experience_id, phrase in session.execute(
        select(ExperiencePhrase.experience_id, ExperiencePhrase.phrase).order_by(
            ExperiencePhrase.id
        )
    ):
        index.experience_docs.append((experience_id, meaning_tokens(phrase)))
    evidence: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for experience_id, concept_id, weight in session.execute(
        select(
            ExperienceEvidence.experience_id,
            ExperienceEvidence.concept_id,
            ExperienceEvidence.weight,
        )
    ):
        evidence[experience_id].append((concept_id, weight))
    index.evidence = dict(evidence)
    for occupation_id, label, uri in session.execute(
        select(Occupation.id, Occupation.preferred_label, Occupation.esco_uri)
    ):
        index.occupations[occupation_id] = (label, uri)
    for occupation_id, normalised, kind in session.execute(
        select(OccupationLabel.occupation_id, OccupationLabel.normalised, OccupationLabel.kind)
    ):
        index.occupation_labels.append(normalised)
        index.occupation_of_label.append(occupation_id)
        index.occupation_label_preferred.append(kind is LabelKind.preferred)
    skills: dict[int, dict[int, SkillRelationType]] = defaultdict(dict)
    for occupation_id, concept_id, relation in session.execute(
        select(OccupationSkill.occupation_id, OccupationSkill.concept_id, OccupationSkill.relation)
    ):
        skills[occupation_id][concept_id] = relation
    index.occupation_skills = dict(skills)
    return index
