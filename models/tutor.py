"""Company-side tutors who accompany a newcomer at work."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped


class TutorStage(StrEnum):
    identified = "identified"
    agreed = "agreed"
    in_training = "in_training"
    trained = "trained"


class Tutor(Base, Timestamped):
    __tablename__ = "tutors"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Raised by every UPDATE of the row (SQLAlchemy's version counter); a write that was
    #: read at an older version is refused (409) instead of overwriting someone else's change.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[TutorStage] = mapped_column(
        Enum(TutorStage, native_enum=False, length=20), default=TutorStage.identified
    )
    identified_on: Mapped[date | None]
    agreed_on: Mapped[date | None]
    training_started_on: Mapped[date | None]
    trained_on: Mapped[date | None]
    max_mentees: Mapped[int] = mapped_column(default=1)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    accreditation: Mapped[str | None] = mapped_column(String(200))
    accredited_on: Mapped[date | None]
    trainings: Mapped[list[TutorTraining]] = relationship(
        cascade="all, delete-orphan", order_by="TutorTraining.attended_on", lazy="selectin"
    )


class TutorTraining(Base):
    """A training session a tutor attended."""

    __tablename__ = "tutor_trainings"

    id: Mapped[int] = mapped_column(primary_key=True)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("tutors.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    attended_on: Mapped[date]
    hours: Mapped[float | None]
