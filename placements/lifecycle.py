"""Placements: a client at a company for an offer, with its tutor; starting (tutor capacity,
checkpoints), ending (completed, hired, ended early, cancelled) and the tutor's report.

    planned -> started -> completed -> hired
       |          |------------------> hired
       |          +-> ended_early
       +-> cancelled
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from clients.access import client_for_caseworker, client_for_reader, visible_client_ids
from clients.profiles import recognise_skills
from employers.offer_states import OfferAction
from employers.offers import move, places_left
from employers.tutors import check_tutor_capacity, check_tutor_of_company
from models.audit import StatusChange
from models.client import Client
from models.db import check_version, fetch_page, lock_rows
from models.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from models.offer import TUTORED_KINDS, Offer, OfferStatus
from models.placement import HOLDING_PLACE, Placement, PlacementReport, PlacementStatus
from models.tutor import Tutor
from models.user import Role
from placements.followup import create_checkpoints
from placements.schemas import (
    PlacementCancel,
    PlacementComplete,
    PlacementCreate,
    PlacementEndEarly,
    PlacementHire,
    PlacementStart,
    PlacementUpdate,
    ReportIn,
)
from taxonomy.normalise import Normaliser

PLACEABLE_OFFER_STATES = frozenset({OfferStatus.published})


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


#: What a placement read carries about its client: the placement itself (dates, status, end
#: reason and text, the tutor's report, the checkpoints).
PLACEMENT_FIELDS = ("placement",)


def read_placement(session: Session, actor: Actor, placement_id: int) -> Placement:
    """A placement; the read is audited, naming the client."""
    placement = placement_for(session, actor, placement_id)
    audit.record(
        session,
        actor,
        "read",
        "client",
        placement.client_id,
        list(PLACEMENT_FIELDS),
        f"placement {placement.id}",
    )
    return placement


def _check_dates(planned_start: Any, planned_end: Any) -> None:
    if planned_end is not None and planned_end < planned_start:
        raise InvalidInput("planned_end", "the planned end is before the planned start")


def create_placement(session: Session, actor: Actor, data: PlacementCreate) -> Placement:
    actor.require(Role.liaison, Role.caseworker)
    client = client_for_reader(session, actor, data.client_id)
    offer = session.get(Offer, data.offer_id)
    if offer is None:
        raise InvalidInput("offer_id", f"offer {data.offer_id} does not exist")
    return plan_placement(session, actor, client, offer, data)


def plan_placement(
    session: Session, actor: Actor, client: Client, offer: Offer, data: PlacementCreate
) -> Placement:
    """A planned placement of a client on an offer (from a person, or an accepted proposal);
    the offer is filled when its places are all taken.

    Places and the tutor's slots are counted under a lock on the offer and the tutor
    (``lock_rows``), so twenty people planning at once on the last place get one placement and
    nineteen 409s naming what is full."""
    if not client.consent_employers:
        raise InvalidInput(
            "client_id", f"client {client.id} has not consented to share the profile with employers"
        )
    _check_dates(data.planned_start, data.planned_end)
    lock_rows(session, Offer, [offer.id])
    tutor_id = data.tutor_id if data.tutor_id is not None else offer.tutor_id
    check_tutor_of_company(session, tutor_id, offer.company_id)
    if tutor_id is not None:
        lock_rows(session, Tutor, [tutor_id])
    left = places_left(session, [offer.id])[offer.id]
    if left <= 0 and offer.status in (OfferStatus.published, OfferStatus.filled):
        raise Conflict(
            f"offer {offer.id} ({offer.title}) is full: all {offer.places} place(s) are taken",
            field="offer_id",
        )
    if offer.status not in PLACEABLE_OFFER_STATES:
        raise TransitionNotAllowed("offer", offer.status.value, "place a client on")
    already = session.scalar(
        select(Placement.id).where(
            Placement.client_id == client.id,
            Placement.offer_id == offer.id,
            Placement.status.in_(HOLDING_PLACE),
        )
    )
    if already is not None:
        raise Conflict(f"client {client.id} already has placement {already} on this offer")
    if tutor_id is not None:
        check_tutor_capacity(session, tutor_id, None)
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
    audit.record_status(session, actor, "placement", placement.id, None, "planned")
    if places_left(session, [offer.id])[offer.id] <= 0:
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
    ending: tuple[date, date] | None = None,
) -> tuple[list[Placement], int]:
    """Newest first; ``ending``: started placements whose planned end falls between these
    two days (inclusive), the soonest first."""
    query = select(Placement).order_by(Placement.id.desc())
    if ending is not None:
        query = (
            select(Placement)
            .where(
                Placement.status == PlacementStatus.started,
                Placement.planned_end.is_not(None),
                Placement.planned_end >= ending[0],
                Placement.planned_end <= ending[1],
            )
            .order_by(Placement.planned_end, Placement.id)
        )
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
    rows, total = fetch_page(session, query, limit, offset)
    audit.record_reads(
        session,
        actor,
        "list",
        "client",
        [r.client_id for r in rows],
        list(PLACEMENT_FIELDS),
        details=[f"placement {r.id}" for r in rows],
    )
    return rows, total


def update_placement(
    session: Session, actor: Actor, placement_id: int, data: PlacementUpdate
) -> Placement:
    actor.require(Role.liaison, Role.caseworker)
    placement = placement_for(session, actor, placement_id)
    check_version(session, placement, data.version, "placement")
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
        check_tutor_of_company(session, changes["tutor_id"], offer.company_id)
        if changes["tutor_id"] is not None:
            lock_rows(session, Tutor, [changes["tutor_id"]])
            check_tutor_capacity(session, changes["tutor_id"], placement.id)
    changed = audit.apply_changes(placement, changes)
    if changed:
        audit.record(session, actor, "update", "placement", placement.id, changed)
        session.flush()  # the answer carries the new version
    return placement


def _move(
    session: Session,
    actor: Actor,
    placement: Placement,
    to: PlacementStatus,
    action: str,
    reason: str | None = None,
) -> None:
    rule = PLACEMENT_MOVES[to]
    if placement.status not in rule:
        raise TransitionNotAllowed("placement", placement.status.value, action)
    audit.record_status(
        session, actor, "placement", placement.id, placement.status.value, to.value, reason
    )
    placement.status = to


#: Target state -> the states it may be reached from.
PLACEMENT_MOVES: dict[PlacementStatus, frozenset[PlacementStatus]] = {
    PlacementStatus.started: frozenset({PlacementStatus.planned}),
    PlacementStatus.completed: frozenset({PlacementStatus.started}),
    PlacementStatus.hired: frozenset({PlacementStatus.started, PlacementStatus.completed}),
    PlacementStatus.ended_early: frozenset({PlacementStatus.started}),
    PlacementStatus.cancelled: frozenset({PlacementStatus.planned}),
}
#: Who may record a placement's changes: the service and the employer it is at.
PLACEMENT_ACTORS = (Role.liaison, Role.caseworker, Role.employer)


def start_placement(
    session: Session,
    actor: Actor,
    placement_id: int,
    data: PlacementStart,
    checkpoint_offsets: Sequence[int],
    today: date,
) -> Placement:
    """Start a planned placement. A work trial or traineeship needs a tutor with room for one
    more newcomer (409 with the tutor's load); the follow-up checkpoints are created."""
    actor.require(*PLACEMENT_ACTORS)
    placement = placement_for(session, actor, placement_id)
    lock_rows(session, Placement, [placement.id])
    if placement.status is not PlacementStatus.planned:
        raise TransitionNotAllowed("placement", placement.status.value, "start")
    offer = session.get(Offer, placement.offer_id)
    assert offer is not None
    tutor_id = data.tutor_id if data.tutor_id is not None else placement.tutor_id
    if tutor_id is None and placement.kind in TUTORED_KINDS:
        raise InvalidInput(
            "tutor_id", f"a {placement.kind.value} starts with a company-side tutor; name one"
        )
    if tutor_id is not None:
        check_tutor_of_company(session, tutor_id, offer.company_id)
        lock_rows(session, Tutor, [tutor_id])
        check_tutor_capacity(session, tutor_id, placement.id)
    placement.tutor_id = tutor_id
    placement.actual_start = data.actual_start or today
    _move(session, actor, placement, PlacementStatus.started, "start")
    create_checkpoints(session, placement, offer, checkpoint_offsets)
    return placement


def complete_placement(
    session: Session, actor: Actor, placement_id: int, data: PlacementComplete, today: date
) -> Placement:
    actor.require(*PLACEMENT_ACTORS)
    placement = placement_for(session, actor, placement_id)
    _move(session, actor, placement, PlacementStatus.completed, "complete")
    placement.actual_end = _end_date(placement, data.actual_end or today)
    return placement


def hire_from_placement(
    session: Session, actor: Actor, placement_id: int, data: PlacementHire, today: date
) -> Placement:
    """A placement that ended in a contract (type and hours)."""
    actor.require(*PLACEMENT_ACTORS)
    placement = placement_for(session, actor, placement_id)
    reason = f"{data.contract_type.value} contract, {data.contract_hours:g} h/week"
    was_running = placement.status is PlacementStatus.started
    _move(session, actor, placement, PlacementStatus.hired, "record a hire from", reason)
    if was_running:
        placement.actual_end = _end_date(placement, data.actual_end or today)
    placement.contract_type = data.contract_type
    placement.contract_hours = data.contract_hours
    return placement


def end_placement_early(
    session: Session, actor: Actor, placement_id: int, data: PlacementEndEarly, today: date
) -> Placement:
    actor.require(*PLACEMENT_ACTORS)
    placement = placement_for(session, actor, placement_id)
    text = data.text.strip() or None
    _move(
        session,
        actor,
        placement,
        PlacementStatus.ended_early,
        "end early",
        f"{data.reason.value}: {text}" if text else data.reason.value,
    )
    placement.actual_end = _end_date(placement, data.actual_end or today)
    placement.end_reason = data.reason
    placement.end_text = text
    return placement


def cancel_placement(
    session: Session, actor: Actor, placement_id: int, data: PlacementCancel
) -> Placement:
    actor.require(*PLACEMENT_ACTORS)
    placement = placement_for(session, actor, placement_id)
    _move(session, actor, placement, PlacementStatus.cancelled, "cancel", data.text.strip())
    placement.end_text = data.text.strip()
    return placement


def _end_date(placement: Placement, end: date) -> date:
    if placement.actual_start is not None and end < placement.actual_start:
        raise InvalidInput("actual_end", f"the end is before the start ({placement.actual_start})")
    return end


REPORTABLE = frozenset(
    {
        PlacementStatus.started,
        PlacementStatus.completed,
        PlacementStatus.hired,
        PlacementStatus.ended_early,
    }
)


def report_placement(
    session: Session,
    actor: Actor,
    placement_id: int,
    data: ReportIn,
    normaliser: Normaliser | None,
) -> Placement:
    """The tutor's report at the end of a work trial or traineeship (through the employer's
    account or a liaison officer). Observed skills enter the client's profile as recognised."""
    actor.require(Role.liaison, Role.employer)
    placement = placement_for(session, actor, placement_id)
    if placement.kind not in TUTORED_KINDS:
        raise InvalidInput("placement_id", f"a {placement.kind.value} has no tutor's report")
    if placement.status not in REPORTABLE:
        raise TransitionNotAllowed("placement", placement.status.value, "report on")
    if placement.report is not None:
        raise Conflict(f"placement {placement.id} already has the tutor's report")
    placement.report = PlacementReport(
        attendance=data.attendance,
        skills_observed=list(data.skills_observed),
        job_followed=data.job_followed,
        notes=data.notes,
        reported_by_id=actor.user_id,
    )
    recognise_skills(session, placement.client_id, list(data.skills_observed), normaliser)
    session.flush()
    audit.record(
        session, actor, "create", "placement_report", placement.id, list(data.model_fields_set)
    )
    return placement


def placement_history(session: Session, actor: Actor, placement_id: int) -> list[StatusChange]:
    placement_for(session, actor, placement_id)
    return audit.status_history(session, "placement", placement_id)
