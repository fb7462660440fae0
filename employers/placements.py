"""Placements: a client at a company for an offer, with its tutor (state changes come later)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from clients.access import client_for_caseworker, client_for_reader, visible_client_ids
from employers.offer_states import OfferAction
from employers.offers import move
from employers.schemas import PlacementCreate, PlacementUpdate
from models.db import fetch_page
from models.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from models.offer import Offer, OfferStatus
from models.placement import Placement, PlacementStatus
from models.tutor import Tutor
from models.user import Role

PLACEABLE_OFFER_STATES = frozenset({OfferStatus.published})
#: Placements that hold one of the offer's places.
HOLDING_PLACE = (
    PlacementStatus.planned,
    PlacementStatus.started,
    PlacementStatus.completed,
    PlacementStatus.hired,
)


def placement_for(session: Session, actor: Actor, placement_id: int) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise NotFound("placement", placement_id)
    if actor.role is Role.employer:
        offer = session.get(Offer, placement.offer_id)
        if offer is None or offer.company_id != actor.company_id:
            raise NotFound("placement", placement_id)
    elif actor.role is Role.caseworker:
        client_for_caseworker(session, actor, placement.client_id, entity="placement")
    return placement


def _check_dates(planned_start: Any, planned_end: Any) -> None:
    if planned_end is not None and planned_end < planned_start:
        raise InvalidInput("planned_end", "the planned end is before the planned start")


def _check_tutor(session: Session, tutor_id: int | None, offer: Offer) -> None:
    if tutor_id is None:
        return
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.company_id != offer.company_id:
        raise InvalidInput("tutor_id", f"tutor {tutor_id} does not work at the offer's company")


def create_placement(session: Session, actor: Actor, data: PlacementCreate) -> Placement:
    actor.require(Role.liaison, Role.caseworker)
    client = client_for_reader(session, actor, data.client_id)
    if not client.consent_employers:
        raise InvalidInput(
            "client_id", f"client {client.id} has not consented to share the profile with employers"
        )
    offer = session.get(Offer, data.offer_id)
    if offer is None:
        raise InvalidInput("offer_id", f"offer {data.offer_id} does not exist")
    if offer.status not in PLACEABLE_OFFER_STATES:
        raise TransitionNotAllowed("offer", offer.status.value, "place a client on")
    _check_dates(data.planned_start, data.planned_end)
    already = session.scalar(
        select(Placement.id).where(
            Placement.client_id == client.id,
            Placement.offer_id == offer.id,
            Placement.status.in_(HOLDING_PLACE),
        )
    )
    if already is not None:
        raise Conflict(f"client {client.id} already has placement {already} on this offer")
    tutor_id = data.tutor_id if data.tutor_id is not None else offer.tutor_id
    _check_tutor(session, tutor_id, offer)
    placement = Placement(
        client_id=client.id,
        offer_id=offer.id,
        tutor_id=tutor_id,
        kind=offer.kind,
        planned_start=data.planned_start,
        planned_end=data.planned_end,
        status=PlacementStatus.planned,
    )
    session.add(placement)
    session.flush()
    audit.record(session, actor, "create", "placement", placement.id, list(data.model_fields_set))
    taken = (
        session.scalar(
            select(func.count())
            .select_from(Placement)
            .where(Placement.offer_id == offer.id, Placement.status.in_(HOLDING_PLACE))
        )
        or 0
    )
    if taken >= offer.places:
        move(
            session,
            actor,
            offer,
            OfferStatus.filled,
            OfferAction.fill.value,
            f"all {offer.places} place(s) taken",
        )
    return placement


def list_placements(
    session: Session,
    actor: Actor,
    *,
    status: PlacementStatus | None,
    offer_id: int | None,
    client_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[Placement], int]:
    query = select(Placement).order_by(Placement.id.desc())
    if actor.role is Role.employer:
        query = query.join(Offer, Offer.id == Placement.offer_id).where(
            Offer.company_id == actor.company_id
        )
    elif actor.role is Role.caseworker:
        query = query.where(Placement.client_id.in_(visible_client_ids(actor)))
    if status is not None:
        query = query.where(Placement.status == status)
    if offer_id is not None:
        query = query.where(Placement.offer_id == offer_id)
    if client_id is not None:
        query = query.where(Placement.client_id == client_id)
    return fetch_page(session, query, limit, offset)


def update_placement(
    session: Session, actor: Actor, placement_id: int, data: PlacementUpdate
) -> Placement:
    actor.require(Role.liaison, Role.caseworker)
    placement = placement_for(session, actor, placement_id)
    if placement.status is not PlacementStatus.planned:
        raise TransitionNotAllowed("placement", placement.status.value, "re-plan")
    changes = data.model_dump(exclude_unset=True, exclude={"status"})
    _check_dates(
        changes.get("planned_start", placement.planned_start),
        changes.get("planned_end", placement.planned_end),
    )
    if "tutor_id" in changes:
        offer = session.get(Offer, placement.offer_id)
        assert offer is not None
        _check_tutor(session, changes["tutor_id"], offer)
    changed = audit.apply_changes(placement, changes)
    if changed:
        audit.record(session, actor, "update", "placement", placement.id, changed)
    return placement
