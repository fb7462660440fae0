"""Everything Tandem holds about one client, as one JSON document (GDPR articles 15 and 20):
the profile with skills in the client's words and their concepts, consents, contact data and
barriers, monitoring data, the contact log, shares, the shortlists the client appears on,
proposals, placements with their reports and checkpoints, their status histories, and the
audit of who read or changed what. For the owning caseworker and admins; the export itself is
audited.

Rows of other packages (shortlists, proposals, placements) are read straight from the ORM
classes in ``models``, so this module stays in the clients layer.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from clients.access import client_for_owner_or_admin
from clients.schemas import ClientRead
from models.audit import AuditEvent, StatusChange
from models.base import Base
from models.client import (
    ClientContact,
    ClientMonitoring,
    ClientPersonal,
    ClientShare,
    ConsentEvent,
)
from models.matching import Shortlist, ShortlistItem
from models.placement import Checkpoint, Placement, PlacementReport, Proposal

#: The sections of an export, in the order they appear (and the fields its audit row names).
SECTIONS = (
    "profile",
    "consents",
    "personal",
    "monitoring",
    "contacts",
    "shares",
    "shortlists",
    "proposals",
    "placements",
    "checkpoints",
    "status_changes",
    "audit",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def row_dict(row: Base) -> dict[str, Any]:
    """A row's columns as JSON-ready values."""
    return {a.key: _plain(getattr(row, a.key)) for a in inspect(row).mapper.column_attrs}


def _rows(session: Session, query: Any) -> list[dict[str, Any]]:
    return [row_dict(r) for r in session.scalars(query)]


def export_client(session: Session, actor: Actor, client_id: int) -> dict[str, Any]:
    client = client_for_owner_or_admin(session, actor, client_id)
    cid = client.id
    personal = session.get(ClientPersonal, cid)
    monitoring = session.get(ClientMonitoring, cid)
    shortlist_ids = set(
        session.scalars(select(ShortlistItem.shortlist_id).where(ShortlistItem.client_id == cid))
    ) | set(session.scalars(select(Shortlist.id).where(Shortlist.client_id == cid)))
    shortlists = []
    for shortlist in session.scalars(
        select(Shortlist).where(Shortlist.id.in_(shortlist_ids)).order_by(Shortlist.id)
    ):
        mine = [i for i in shortlist.items if i.client_id == cid]
        item_ids = {i.id for i in mine}
        shortlists.append(
            {
                **{k: v for k, v in row_dict(shortlist).items() if k != "funnel"},
                "items": [row_dict(i) for i in mine],
                "decisions": [row_dict(d) for d in shortlist.decisions if d.item_id in item_ids],
            }
        )
    proposals = _rows(session, select(Proposal).where(Proposal.client_id == cid))
    placements = _rows(session, select(Placement).where(Placement.client_id == cid))
    placement_ids = [p["id"] for p in placements]
    reports = {
        r.placement_id: row_dict(r)
        for r in session.scalars(
            select(PlacementReport).where(PlacementReport.placement_id.in_(placement_ids))
        )
    }
    for placement in placements:
        placement["report"] = reports.get(placement["id"])
    checkpoints = _rows(
        session,
        select(Checkpoint)
        .where(Checkpoint.placement_id.in_(placement_ids))
        .order_by(Checkpoint.id),
    )
    proposal_ids = [p["id"] for p in proposals]
    histories = _rows(
        session,
        select(StatusChange)
        .where(
            or_(
                (StatusChange.entity == "proposal") & StatusChange.entity_id.in_(proposal_ids),
                (StatusChange.entity == "placement") & StatusChange.entity_id.in_(placement_ids),
            )
        )
        .order_by(StatusChange.id),
    )
    answer: dict[str, Any] = {
        "client_id": cid,
        "profile": ClientRead.model_validate(client).model_dump(mode="json"),
        "consents": _rows(
            session,
            select(ConsentEvent).where(ConsentEvent.client_id == cid).order_by(ConsentEvent.id),
        ),
        "personal": row_dict(personal) if personal else None,
        "monitoring": row_dict(monitoring) if monitoring else None,
        "contacts": _rows(
            session,
            select(ClientContact).where(ClientContact.client_id == cid).order_by(ClientContact.id),
        ),
        "shares": _rows(session, select(ClientShare).where(ClientShare.client_id == cid)),
        "shortlists": shortlists,
        "proposals": proposals,
        "placements": placements,
        "checkpoints": checkpoints,
        "status_changes": histories,
        "audit": _rows(session, _audit_of(cid, proposal_ids, placement_ids, shortlist_ids)),
    }
    audit.record(session, actor, "export", "client", cid, list(SECTIONS))
    return answer


def _audit_of(
    client_id: int, proposal_ids: list[int], placement_ids: list[int], shortlist_ids: set[int]
) -> Any:
    """Who read or changed what of this client: the rows naming the client, and those of its
    proposals, placements and shortlists."""
    named = [
        (AuditEvent.entity.in_(("client", "client_consent", "client_contacts")), [client_id]),
        (AuditEvent.entity == "proposal", proposal_ids),
        (AuditEvent.entity == "placement", placement_ids),
        (AuditEvent.entity == "shortlist", sorted(shortlist_ids)),
    ]
    return (
        select(AuditEvent)
        .where(
            or_(
                *(
                    entity & AuditEvent.entity_id.in_([str(i) for i in ids])
                    for entity, ids in named
                    if ids
                )
            )
        )
        .order_by(AuditEvent.id)
    )
