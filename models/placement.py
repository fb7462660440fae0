"""Proposals, placements and their follow-up: a client proposed to an employer, the employer's
answer, the placement with its tutor, the tutor's report, and the checkpoints after the start."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, Index, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, utcnow
from models.offer import ContractType, OfferKind


class ProposalStatus(StrEnum):
    open = "open"
    interview_planned = "interview_planned"
    declined = "declined"
    accepted = "accepted"
    withdrawn = "withdrawn"


class DeclineReason(StrEnum):
    profile_does_not_fit = "profile_does_not_fit"
    position_filled = "position_filled"
    language_level = "language_level"
    availability = "availability"
    no_show_at_interview = "no_show_at_interview"
    client_declined = "client_declined"
    other = "other"


#: The SQL condition of a proposal still waiting for the employer's final answer.
PENDING_SQL = "status IN ('open', 'interview_planned')"
#: The SQL condition of a placement holding one of the offer's places (``HOLDING_PLACE``).
HOLDING_PLACE_SQL = "status IN ('planned', 'started', 'completed', 'hired')"


class Proposal(Base, Timestamped):
    """A client put to an employer for an offer, from a ``proposed`` shortlist decision."""

    __tablename__ = "proposals"
    __table_args__ = (
        # One pending proposal per client and offer, whatever races past the service's check.
        Index(
            "uq_proposals_pending_client_offer",
            "client_id",
            "offer_id",
            unique=True,
            sqlite_where=text(PENDING_SQL),
            postgresql_where=text(PENDING_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("shortlist_decisions.id"))
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[ProposalStatus] = mapped_column(
        Enum(ProposalStatus, native_enum=False, length=20), default=ProposalStatus.open, index=True
    )
    message: Mapped[str] = mapped_column(Text, default="")
    interview_on: Mapped[date | None]
    decline_reason: Mapped[DeclineReason | None] = mapped_column(
        Enum(DeclineReason, native_enum=False, length=30)
    )
    decline_text: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placements.id"))


class PlacementStatus(StrEnum):
    planned = "planned"
    started = "started"
    ended_early = "ended_early"
    completed = "completed"
    hired = "hired"
    cancelled = "cancelled"


#: Placements that hold one of the offer's places.
HOLDING_PLACE = frozenset(
    {
        PlacementStatus.planned,
        PlacementStatus.started,
        PlacementStatus.completed,
        PlacementStatus.hired,
    }
)
#: Placements during which a tutor accompanies (or has promised to accompany) a newcomer.
MENTORING = frozenset({PlacementStatus.planned, PlacementStatus.started})


class EndReason(StrEnum):
    health = "health"
    childcare_or_care_duties = "childcare_or_care_duties"
    did_not_fit_the_team = "did_not_fit_the_team"
    workload_or_hours = "workload_or_hours"
    found_other_work = "found_other_work"
    employer_ended_it = "employer_ended_it"
    transport = "transport"
    other = "other"


class Placement(Base, Timestamped):
    __tablename__ = "placements"
    __table_args__ = (
        # One placement holding a place per client and offer.
        Index(
            "uq_placements_holding_client_offer",
            "client_id",
            "offer_id",
            unique=True,
            sqlite_where=text(HOLDING_PLACE_SQL),
            postgresql_where=text(HOLDING_PLACE_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Raised by every UPDATE of the row (SQLAlchemy's version counter); a write that was
    #: read at an older version is refused (409) instead of overwriting someone else's change.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"), index=True)
    tutor_id: Mapped[int | None] = mapped_column(ForeignKey("tutors.id"), index=True)
    kind: Mapped[OfferKind] = mapped_column(Enum(OfferKind, native_enum=False, length=20))
    planned_start: Mapped[date]
    planned_end: Mapped[date | None]
    actual_start: Mapped[date | None]
    actual_end: Mapped[date | None]
    status: Mapped[PlacementStatus] = mapped_column(
        Enum(PlacementStatus, native_enum=False, length=20), default=PlacementStatus.planned
    )
    end_reason: Mapped[EndReason | None] = mapped_column(
        Enum(EndReason, native_enum=False, length=30)
    )
    end_text: Mapped[str | None] = mapped_column(Text)
    contract_type: Mapped[ContractType | None] = mapped_column(
        Enum(ContractType, native_enum=False, length=20)
    )
    contract_hours: Mapped[float | None]
    report: Mapped[PlacementReport | None] = relationship(
        back_populates="placement", cascade="all, delete-orphan", uselist=False
    )
    checkpoints: Mapped[list[Checkpoint]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="Checkpoint.due_on"
    )


class Attendance(StrEnum):
    completed = "completed"
    partly = "partly"
    did_not_show = "did_not_show"


class PlacementReport(Base):
    """The tutor's report at the end of a work trial or traineeship."""

    __tablename__ = "placement_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), unique=True
    )
    attendance: Mapped[Attendance] = mapped_column(Enum(Attendance, native_enum=False, length=20))
    skills_observed: Mapped[list[str]] = mapped_column(JSON, default=list)
    job_followed: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    reported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    placement: Mapped[Placement] = relationship(back_populates="report")


class CheckpointSide(StrEnum):
    employer = "employer"
    client = "client"


class CheckpointOutcome(StrEnum):
    in_work = "in_work"
    ended = "ended"


class Checkpoint(Base, Timestamped):
    """A follow-up due some days after a placement started, one per side (the liaison officer
    asks the employer, the caseworker asks the client)."""

    __tablename__ = "checkpoints"
    __table_args__ = (UniqueConstraint("placement_id", "offset_days", "side"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    offset_days: Mapped[int]
    side: Mapped[CheckpointSide] = mapped_column(Enum(CheckpointSide, native_enum=False, length=10))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_on: Mapped[date] = mapped_column(index=True)
    outcome: Mapped[CheckpointOutcome | None] = mapped_column(
        Enum(CheckpointOutcome, native_enum=False, length=10)
    )
    ended_reason: Mapped[EndReason | None] = mapped_column(
        Enum(EndReason, native_enum=False, length=30)
    )
    satisfaction_client: Mapped[int | None]
    satisfaction_employer: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[date | None]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    placement: Mapped[Placement] = relationship(back_populates="checkpoints")
