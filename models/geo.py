"""Postcode centroids: people type a postcode, the service looks its coordinates up here."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Postcode(Base):
    __tablename__ = "postcodes"
    __table_args__ = (UniqueConstraint("country", "postcode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    postcode: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[float]
    longitude: Mapped[float]
