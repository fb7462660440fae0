"""Offers (vacancies, traineeships, work trials...), their requirements and their state history."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, utcnow
from models.taxonomy import StatementConcept


class OfferKind(StrEnum):
    vacancy = "vacancy"
    traineeship = "traineeship"
    work_trial = "work_trial"
    apprenticeship = "apprenticeship"
    volunteering = "volunteering"


#: Kinds where a newcomer learns at work: a company-side tutor is required to submit them.
TUTORED_KINDS = frozenset({OfferKind.traineeship, OfferKind.work_trial})


class OfferStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    held = "held"
    published = "published"
    rejected = "rejected"
    filled = "filled"
    expired = "expired"
    withdrawn = "withdrawn"


class Schedule(StrEnum):
    day = "day"
    evening = "evening"
    night = "night"
    weekend = "weekend"


class PhysicalDemand(StrEnum):
    heavy_lifting = "heavy_lifting"
    long_standing = "long_standing"
    night_work = "night_work"
    driving = "driving"


class ContractType(StrEnum):
    permanent = "permanent"
    fixed_term = "fixed_term"
    temporary = "temporary"
    apprenticeship = "apprenticeship"
    none = "none"


class PayPeriod(StrEnum):
    hour = "hour"
    month = "month"
    year = "year"


class Insurer(StrEnum):
    employer = "employer"
    public_service = "public_service"
    other = "other"


class Offer(Base, Timestamped):
    __tablename__ = "offers"
    #: Matching looks for rows changed since it last looked (``Matcher.refresh``).
    __table_args__ = (Index(None, "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Raised by every UPDATE of the row (SQLAlchemy's version counter); a write that was
    #: read at an older version is refused (409) instead of overwriting someone else's change.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    kind: Mapped[OfferKind] = mapped_column(Enum(OfferKind, native_enum=False, length=20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    occupation_uri: Mapped[str | None] = mapped_column(String(300))
    min_isced: Mapped[int | None]
    overqualification_ok: Mapped[bool] = mapped_column(default=True)
    physical_demands: Mapped[list[str]] = mapped_column(JSON, default=list)
    driving_licence: Mapped[str | None] = mapped_column(String(10))
    hours_per_week: Mapped[float]
    schedules: Mapped[list[str]] = mapped_column(JSON, default=list)
    contract_type: Mapped[ContractType] = mapped_column(
        Enum(ContractType, native_enum=False, length=20)
    )
    contract_months: Mapped[int | None]
    pay_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    pay_period: Mapped[PayPeriod | None] = mapped_column(
        Enum(PayPeriod, native_enum=False, length=10)
    )
    allowance_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    insured_by: Mapped[Insurer | None] = mapped_column(Enum(Insurer, native_enum=False, length=20))
    remote: Mapped[bool] = mapped_column(default=False)
    address: Mapped[str] = mapped_column(String(300), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    postcode: Mapped[str | None] = mapped_column(String(20))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    start_date: Mapped[date | None]
    expiry_date: Mapped[date | None]
    places: Mapped[int] = mapped_column(default=1)
    tutor_id: Mapped[int | None] = mapped_column(ForeignKey("tutors.id"), index=True)
    status: Mapped[OfferStatus] = mapped_column(
        Enum(OfferStatus, native_enum=False, length=20), default=OfferStatus.draft, index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: Where an imported offer came from (``identifier:NAME:VALUE`` or ``url:...``): importing
    #: the same ad again updates this offer instead of creating another.
    source_key: Mapped[str | None] = mapped_column(String(300), unique=True)

    requirements: Mapped[list[OfferRequirement]] = relationship(
        cascade="all, delete-orphan",
        order_by="OfferRequirement.position",
        lazy="selectin",
    )
    languages: Mapped[list[OfferLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="OfferLanguage.id", lazy="selectin"
    )


class OfferRequirement(Base):
    __tablename__ = "offer_requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    essential: Mapped[bool] = mapped_column(default=True)

    concepts: Mapped[list[RequirementConcept]] = relationship(
        cascade="all, delete-orphan", order_by="RequirementConcept.score.desc()", lazy="selectin"
    )


class RequirementConcept(StatementConcept, Base):
    """A concept proposed for (or confirmed as) what a requirement asks for."""

    __tablename__ = "requirement_concepts"

    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("offer_requirements.id", ondelete="CASCADE"), primary_key=True
    )


class OfferLanguage(Base):
    __tablename__ = "offer_languages"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(3))
    min_level: Mapped[str] = mapped_column(String(2))


class OfferScreening(Base):
    """One screening of an offer's words: when, why (submit, edit, import), by whose action,
    and what it found (ground, rule, words, suggestion per finding)."""

    __tablename__ = "offer_screenings"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    trigger: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    findings: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
