"""Client (job seeker) profiles.

What matching may read lives in ``clients`` and its child tables. Contact data and barriers
(``client_personal``) and protected attributes kept for aggregate monitoring only
(``client_monitoring``) live in tables of their own, with no relationship from ``Client``, so
loading a profile can never bring them along.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, utcnow
from models.taxonomy import StatementConcept


class RightToWork(StrEnum):
    yes = "yes"
    pending = "pending"
    no = "no"


class Readiness(StrEnum):
    orientation = "orientation"
    preparing = "preparing"
    job_ready = "job_ready"
    in_work = "in_work"


class SkillSource(StrEnum):
    formal = "formal"
    informal = "informal"


class SkillStage(StrEnum):
    self_identified = "self_identified"
    recognised = "recognised"
    developed = "developed"


class RecognitionStatus(StrEnum):
    not_requested = "not_requested"
    pending = "pending"
    partial = "partial"
    recognised = "recognised"
    refused = "refused"


class FunctionalLimit(StrEnum):
    no_heavy_lifting = "no_heavy_lifting"
    no_long_standing = "no_long_standing"
    no_night_work = "no_night_work"
    no_driving = "no_driving"


class ConsentKind(StrEnum):
    liaison = "liaison"
    employers = "employers"


class ContactChannel(StrEnum):
    in_person = "in_person"
    phone = "phone"
    email = "email"
    video = "video"
    letter = "letter"


class Client(Base, Timestamped):
    __tablename__ = "clients"
    #: Matching looks for rows changed since it last looked (``Matcher.refresh``).
    __table_args__ = (Index(None, "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Raised by every UPDATE of the row (SQLAlchemy's version counter); a write that was
    #: read at an older version is refused (409) instead of overwriting someone else's change.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    external_ref: Mapped[str | None] = mapped_column(String(100), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    home_postcode: Mapped[str] = mapped_column(String(20))
    latitude: Mapped[float]
    longitude: Mapped[float]
    max_travel_km: Mapped[float] = mapped_column(default=20.0)
    hours_per_week: Mapped[float] = mapped_column(default=38.5)
    unavailable_schedules: Mapped[list[str]] = mapped_column(JSON, default=list)
    isced_level: Mapped[int | None]
    right_to_work: Mapped[RightToWork] = mapped_column(
        Enum(RightToWork, native_enum=False, length=10)
    )
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    own_vehicle: Mapped[bool] = mapped_column(default=False)
    functional_limits: Mapped[list[str]] = mapped_column(JSON, default=list)
    aspirations: Mapped[str] = mapped_column(Text, default="")
    readiness: Mapped[Readiness] = mapped_column(
        Enum(Readiness, native_enum=False, length=20), default=Readiness.orientation
    )
    consent_liaison: Mapped[bool] = mapped_column(default=False)
    consent_liaison_at: Mapped[datetime | None]
    consent_employers: Mapped[bool] = mapped_column(default=False)
    consent_employers_at: Mapped[datetime | None]
    #: Set when the client's data was erased (on request, or after the retention period): the
    #: row stays, emptied of personal data, so proposals and placements remain as anonymous
    #: facts for the indicators. Nobody reads an erased client.
    erased_at: Mapped[datetime | None] = mapped_column(index=True)

    languages: Mapped[list[ClientLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ClientLanguage.id", lazy="selectin"
    )
    skills: Mapped[list[ClientSkill]] = relationship(
        cascade="all, delete-orphan", order_by="ClientSkill.position", lazy="selectin"
    )
    qualifications: Mapped[list[ClientQualification]] = relationship(
        cascade="all, delete-orphan", order_by="ClientQualification.id", lazy="selectin"
    )


class ClientLanguage(Base):
    __tablename__ = "client_languages"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(3))
    level: Mapped[str] = mapped_column(String(2))


class ClientSkill(Base):
    __tablename__ = "client_skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[SkillSource] = mapped_column(Enum(SkillSource, native_enum=False, length=10))
    stage: Mapped[SkillStage] = mapped_column(
        Enum(SkillStage, native_enum=False, length=20), default=SkillStage.self_identified
    )

    concepts: Mapped[list[ClientSkillConcept]] = relationship(
        cascade="all, delete-orphan", order_by="ClientSkillConcept.score.desc()", lazy="selectin"
    )


class ClientSkillConcept(StatementConcept, Base):
    """A concept proposed for (or confirmed as) what a client's statement says."""

    __tablename__ = "client_skill_concepts"

    client_skill_id: Mapped[int] = mapped_column(
        ForeignKey("client_skills.id", ondelete="CASCADE"), primary_key=True
    )


class ClientQualification(Base):
    """A qualification, often obtained abroad, and where its recognition stands."""

    __tablename__ = "client_qualifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    isced_level: Mapped[int | None]
    recognition: Mapped[RecognitionStatus] = mapped_column(
        Enum(RecognitionStatus, native_enum=False, length=20)
    )


class ClientPersonal(Base, Timestamped):
    """Contact data and barriers: readable only by the owning caseworker."""

    __tablename__ = "client_personal"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    street_address: Mapped[str | None] = mapped_column(String(300))
    barriers: Mapped[list[str]] = mapped_column(JSON, default=list)
    barrier_notes: Mapped[str] = mapped_column(Text, default="")


class ClientMonitoring(Base):
    """Protected attributes for aggregate monitoring only; never read by matching."""

    __tablename__ = "client_monitoring"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    gender: Mapped[str | None] = mapped_column(String(20))
    birth_year: Mapped[int | None]
    nationality: Mapped[str | None] = mapped_column(String(2))
    unemployed_since: Mapped[date | None]


class ClientShare(Base):
    """A client of one caseworker shared with another caseworker of the same office."""

    __tablename__ = "client_shares"
    __table_args__ = (UniqueConstraint("client_id", "caseworker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class ConsentEvent(Base):
    """Every grant and withdrawal of consent, with its time and who recorded it."""

    __tablename__ = "consent_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(Enum(ConsentKind, native_enum=False, length=20))
    granted: Mapped[bool]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ClientContact(Base, Timestamped):
    """The contact log: when and how the caseworker was last in touch."""

    __tablename__ = "client_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    contacted_on: Mapped[date]
    channel: Mapped[ContactChannel] = mapped_column(
        Enum(ContactChannel, native_enum=False, length=20)
    )
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
