"""Placements: a client in a work trial, traineeship or job at a company, with its tutor."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped
from models.offer import OfferKind


class PlacementStatus(StrEnum):
    planned = "planned"
    started = "started"
    ended_early = "ended_early"
    completed = "completed"
    hired = "hired"
    cancelled = "cancelled"


class Placement(Base, Timestamped):
    __tablename__ = "placements"

    id: Mapped[int] = mapped_column(primary_key=True)
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
