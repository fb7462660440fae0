"""The skills taxonomy: concepts with labels in several languages, their broader and related
concepts, occupations with their essential and optional skills, and informal experiences that
evidence skills. ESCO is imported into these tables; Tandem's starter taxonomy lives here too."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from models.base import Base, utcnow


class ConceptKind(StrEnum):
    skill = "skill"
    group = "group"


class LabelKind(StrEnum):
    preferred = "preferred"
    alternative = "alternative"
    hidden = "hidden"


class SkillRelationType(StrEnum):
    essential = "essential"
    optional = "optional"


class SkillConcept(Base):
    __tablename__ = "skill_concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    esco_uri: Mapped[str | None] = mapped_column(String(300), unique=True)
    kind: Mapped[ConceptKind] = mapped_column(Enum(ConceptKind, native_enum=False, length=10))
    source: Mapped[str] = mapped_column(String(20))
    preferred_label: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    skill_type: Mapped[str | None] = mapped_column(String(30))
    reuse_level: Mapped[str | None] = mapped_column(String(30))
    code: Mapped[str | None] = mapped_column(String(30))
    collections: Mapped[list[str]] = mapped_column(JSON, default=list)


class SkillLabel(Base):
    __tablename__ = "skill_labels"
    __table_args__ = (
        UniqueConstraint("concept_id", "language", "kind", "label", "source"),
        Index("ix_skill_labels_normalised", "normalised"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(3), default="en")
    kind: Mapped[LabelKind] = mapped_column(Enum(LabelKind, native_enum=False, length=12))
    label: Mapped[str] = mapped_column(String(500))
    normalised: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(20))


class SkillBroader(Base):
    """A concept and one of its broader concepts (ESCO skills may have several)."""

    __tablename__ = "skill_broader"

    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True
    )
    broader_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SkillRelation(Base):
    """ESCO's skill-skill relations: a skill that needs or benefits from another."""

    __tablename__ = "skill_relations"

    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True
    )
    related_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[SkillRelationType] = mapped_column(
        Enum(SkillRelationType, native_enum=False, length=10)
    )


class IscoGroup(Base):
    __tablename__ = "isco_groups"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    esco_uri: Mapped[str] = mapped_column(String(300), unique=True)
    preferred_label: Mapped[str] = mapped_column(String(500))


class Occupation(Base):
    __tablename__ = "occupations"

    id: Mapped[int] = mapped_column(primary_key=True)
    esco_uri: Mapped[str] = mapped_column(String(300), unique=True)
    isco_code: Mapped[str | None] = mapped_column(String(10), index=True)
    code: Mapped[str | None] = mapped_column(String(30))
    preferred_label: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")


class OccupationLabel(Base):
    __tablename__ = "occupation_labels"
    __table_args__ = (
        UniqueConstraint("occupation_id", "language", "kind", "label"),
        Index("ix_occupation_labels_normalised", "normalised"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        ForeignKey("occupations.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(3), default="en")
    kind: Mapped[LabelKind] = mapped_column(Enum(LabelKind, native_enum=False, length=12))
    label: Mapped[str] = mapped_column(String(500))
    normalised: Mapped[str] = mapped_column(String(500))


class OccupationSkill(Base):
    __tablename__ = "occupation_skills"

    occupation_id: Mapped[int] = mapped_column(
        ForeignKey("occupations.id", ondelete="CASCADE"), primary_key=True
    )
    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[SkillRelationType] = mapped_column(
        Enum(SkillRelationType, native_enum=False, length=10)
    )


class InformalExperience(Base):
    """A kind of life experience (caring for a relative, running a food bank...) and the
    transferable skills it evidences."""

    __tablename__ = "informal_experiences"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    label: Mapped[str] = mapped_column(String(300))


class ExperiencePhrase(Base):
    __tablename__ = "experience_phrases"
    __table_args__ = (UniqueConstraint("experience_id", "language", "phrase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("informal_experiences.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(3), default="en")
    phrase: Mapped[str] = mapped_column(String(500))


class ExperienceEvidence(Base):
    __tablename__ = "experience_evidence"

    experience_id: Mapped[int] = mapped_column(
        ForeignKey("informal_experiences.id", ondelete="CASCADE"), primary_key=True
    )
    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True
    )
    weight: Mapped[float] = mapped_column(Float)


class TaxonomyImport(Base):
    """One row per import: what was loaded, when, and the counts it reported."""

    __tablename__ = "taxonomy_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    version: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class MappingHow(StrEnum):
    """How a statement was tied to a concept."""

    exact = "exact"
    alternative = "alternative"
    fuzzy = "fuzzy"
    informal = "informal"
    semantic = "semantic"
    confirmed = "confirmed"


class StatementConcept:
    """What a mapping row of a statement holds (a client's skill, an offer's requirement): the
    concept, its score and how it was found, and who confirmed it and when."""

    concept_id: Mapped[int] = mapped_column(
        ForeignKey("skill_concepts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float]
    how: Mapped[str] = mapped_column(String(20))
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime | None]

    @declared_attr
    def concept(cls) -> Mapped[SkillConcept]:
        return relationship(SkillConcept, lazy="selectin")

    @property
    def label(self) -> str:
        return self.concept.preferred_label

    @property
    def esco_uri(self) -> str | None:
        return self.concept.esco_uri
