"""What matching stores: embeddings of texts (so no process embeds the same words twice) and
shortlists exactly as they were given, with the decisions people took on them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow


class TextEmbedding(Base):
    """One text embedded by one model: the vector as float32 bytes."""

    __tablename__ = "text_embeddings"
    __table_args__ = (UniqueConstraint("model", "digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(300))
    digest: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    dim: Mapped[int]
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IndexVersion(Base):
    """One re-index, written once its index files are saved: every process serving an older
    version (or none) loads the new indexes in the background and swaps them in."""

    __tablename__ = "index_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(300))
    offers: Mapped[int]
    clients: Mapped[int]
    built_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShortlistDirection(StrEnum):
    offers_for_client = "offers_for_client"
    clients_for_offer = "clients_for_offer"


class Decision(StrEnum):
    proposed = "proposed"
    rejected = "rejected"
    contacted = "contacted"


class Shortlist(Base):
    __tablename__ = "shortlists"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[ShortlistDirection] = mapped_column(
        Enum(ShortlistDirection, native_enum=False, length=20)
    )
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    model: Mapped[str] = mapped_column(String(300))
    weights: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    considered: Mapped[int] = mapped_column(default=0)
    #: What kept candidates off the list and the relaxation that would bring most back
    #: (``shortlists.schemas.Funnel``); null for lists stored before it existed.
    funnel: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    items: Mapped[list[ShortlistItem]] = relationship(
        cascade="all, delete-orphan", order_by="ShortlistItem.rank", lazy="selectin"
    )
    decisions: Mapped[list[ShortlistDecision]] = relationship(
        cascade="all, delete-orphan", order_by="ShortlistDecision.id", lazy="selectin"
    )


class ShortlistItem(Base):
    __tablename__ = "shortlist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    shortlist_id: Mapped[int] = mapped_column(
        ForeignKey("shortlists.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int]
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id"), index=True)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float]
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ShortlistDecision(Base):
    """A person's decision on one candidate of a shortlist."""

    __tablename__ = "shortlist_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    shortlist_id: Mapped[int] = mapped_column(
        ForeignKey("shortlists.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("shortlist_items.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[Decision] = mapped_column(Enum(Decision, native_enum=False, length=20))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
