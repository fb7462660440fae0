"""The employer record: company, its contact people and the history of engagement with it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped


class SizeClass(StrEnum):
    micro = "micro"
    small = "small"
    medium = "medium"
    large = "large"


class EngagementStatus(StrEnum):
    prospect = "prospect"
    active = "active"
    dormant = "dormant"


class Motive(StrEnum):
    recruitment_need = "recruitment_need"
    social_responsibility = "social_responsibility"
    incentives = "incentives"
    recognition = "recognition"


class EventKind(StrEnum):
    visit = "visit"
    call = "call"
    email = "email"
    meeting = "meeting"
    recruitment_fair = "recruitment_fair"
    work_trial_review = "work_trial_review"
    other = "other"


class Channel(StrEnum):
    direct = "direct"
    business_association = "business_association"


class Company(Base, Timestamped):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Raised by every UPDATE of the row (SQLAlchemy's version counter); a write that was
    #: read at an older version is refused (409) instead of overwriting someone else's change.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}
    name: Mapped[str] = mapped_column(String(200), index=True)
    registration_number: Mapped[str | None] = mapped_column(String(50), unique=True)
    #: Unknown (None) only for a prospect found in an imported job ad, until someone asks.
    nace_code: Mapped[str | None] = mapped_column(String(2))
    size_class: Mapped[SizeClass | None] = mapped_column(
        Enum(SizeClass, native_enum=False, length=20)
    )
    headcount: Mapped[int | None]
    address: Mapped[str] = mapped_column(String(300), default="")
    country: Mapped[str] = mapped_column(String(2))
    postcode: Mapped[str] = mapped_column(String(20))
    latitude: Mapped[float]
    longitude: Mapped[float]
    engagement_status: Mapped[EngagementStatus] = mapped_column(
        Enum(EngagementStatus, native_enum=False, length=20), default=EngagementStatus.prospect
    )
    motives: Mapped[list[str]] = mapped_column(JSON, default=list)
    liaison_officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: The employer's own web address (schema.org ``sameAs`` of an imported job ad).
    website: Mapped[str | None] = mapped_column(String(300))


class ContactPerson(Base, Timestamped):
    __tablename__ = "contact_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    is_primary: Mapped[bool] = mapped_column(default=False)


class EngagementEvent(Base, Timestamped):
    __tablename__ = "engagement_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[EventKind] = mapped_column(Enum(EventKind, native_enum=False, length=30))
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=30))
    occurred_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    next_step_on: Mapped[date | None]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    company: Mapped[Company] = relationship(lazy="raise")
