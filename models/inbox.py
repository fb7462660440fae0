"""A per-user inbox of alerts, and the job-run table that makes scheduled work happen once."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class AlertKind(StrEnum):
    checkpoint_due = "checkpoint_due"
    checkpoint_overdue = "checkpoint_overdue"
    work_trial_ending = "work_trial_ending"
    proposal_unanswered = "proposal_unanswered"
    proposal_answered = "proposal_answered"
    held_offer_waiting = "held_offer_waiting"
    client_parked = "client_parked"


class Alert(Base):
    """One alert for one person. ``key`` names what it is about, so that the same fact never
    raises the same alert twice for the same person."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AlertKind] = mapped_column(Enum(AlertKind, native_enum=False, length=30))
    key: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None]


class JobRun(Base):
    """One scheduled job's run for one period (a day): inserted in the same transaction as the
    job's effect, so a period's effect is committed exactly once."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    summary: Mapped[str] = mapped_column(Text, default="")
