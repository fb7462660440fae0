"""The liaison officer's follow-up: checkpoints overdue and due (the employer's side),
placements to start and ending soon, proposals the employer has not answered, and the inbox;
and a placement's own page (details, history, start a planned placement, record its
checkpoints). Each calls the API's services with the same actor, so the role rules are the
API's."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from accounts import inbox
from accounts.actor import Actor
from api.deps import PathId, SessionDep, SettingsDep, TodayDep
from clients import profiles
from config.settings import Settings
from employers.offers import offer_labels
from employers.tutors import list_tutors
from models.errors import NotFound, TandemError
from models.offer import Offer
from models.placement import (
    Checkpoint,
    CheckpointOutcome,
    CheckpointSide,
    EndReason,
    PlacementStatus,
)
from models.user import Role
from placements import followup, lifecycle, proposals
from placements.schemas import CheckpointOutcomeIn, PlacementStart
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_
from web.paging import pager_urls, pages_total

router = page_router()
LiaisonPage = Annotated[Actor, page_for(Role.liaison)]
#: Rows per section of the follow-up page (each section is paged on its own).
SECTION_SIZE = 10
#: Placements ending within this many days are listed.
ENDING_DAYS = 14
PageNumber = Annotated[int, Query(ge=1, le=100_000)]

#: What a refused value needs on the placement page, by the service's field name.
MESSAGES = {
    "tutor_id": N_("Choose the company's tutor who will guide the person."),
    "actual_start": N_("Give the day the placement started."),
    "ended_reason": N_("Say why the work ended, or record the person as still in work."),
}


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


@router.get("/liaison/follow-up")
def follow_up_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    settings: SettingsDep,
    today: TodayDep,
    checkpoints_page: PageNumber = 1,
    planned_page: PageNumber = 1,
    ending_page: PageNumber = 1,
    waiting_page: PageNumber = 1,
    inbox_page: PageNumber = 1,
    mine: Annotated[bool, Query()] = False,
    days: Annotated[int, Query(ge=1, le=365)] | None = None,
    all_alerts: Annotated[bool, Query()] = False,
) -> Response:
    """Five lists, each paged on its own; each empty one says why."""
    notice = settings.checkpoint_notice_days
    waiting_days = days or settings.proposal_answer_days
    checkpoints, due = followup.list_checkpoints(
        session,
        actor,
        today=today,
        mine=mine,
        overdue=False,
        placement_id=None,
        limit=SECTION_SIZE,
        offset=(checkpoints_page - 1) * SECTION_SIZE,
        pending=True,
        side=CheckpointSide.employer,
        due_by=today + timedelta(days=notice),
    )
    placed = followup.placements_of(session, checkpoints)
    planned, planned_total = lifecycle.list_placements(
        session,
        actor,
        status=PlacementStatus.planned,
        offer_id=None,
        client_id=None,
        limit=SECTION_SIZE,
        offset=(planned_page - 1) * SECTION_SIZE,
    )
    ending, ending_total = lifecycle.list_placements(
        session,
        actor,
        status=None,
        offer_id=None,
        client_id=None,
        limit=SECTION_SIZE,
        offset=(ending_page - 1) * SECTION_SIZE,
        ending=(today, today + timedelta(days=ENDING_DAYS)),
    )
    waiting, waiting_total = proposals.list_proposals(
        session,
        actor,
        status=None,
        offer_id=None,
        client_id=None,
        limit=SECTION_SIZE,
        offset=(waiting_page - 1) * SECTION_SIZE,
        waiting_since=today - timedelta(days=waiting_days - 1),
    )
    alerts, alerts_total = inbox.list_inbox(
        session,
        actor,
        unread=not all_alerts,
        kind=None,
        limit=SECTION_SIZE,
        offset=(inbox_page - 1) * SECTION_SIZE,
    )
    offer_ids = (
        {p.offer_id for p in placed.values()}
        | {p.offer_id for p in planned}
        | {p.offer_id for p in ending}
        | {p.offer_id for p in waiting}
    )
    client_ids = (
        {p.client_id for p in placed.values()}
        | {p.client_id for p in planned}
        | {p.client_id for p in ending}
        | {p.client_id for p in waiting}
    )
    params: dict[str, str | int] = {
        "checkpoints_page": checkpoints_page,
        "planned_page": planned_page,
        "ending_page": ending_page,
        "waiting_page": waiting_page,
        "inbox_page": inbox_page,
        "mine": "true" if mine else "",
        "days": days or "",
        "all_alerts": "true" if all_alerts else "",
    }
    context = {
        "today": today,
        "notice": notice,
        "ending_days": ENDING_DAYS,
        "waiting_days": waiting_days,
        "mine": mine,
        "all_alerts": all_alerts,
        "checkpoints": checkpoints,
        "due": due,
        "placed": placed,
        "checkpoints_page": checkpoints_page,
        "checkpoints_pages_total": pages_total(due, SECTION_SIZE),
        "planned": planned,
        "planned_page": planned_page,
        "planned_pages_total": pages_total(planned_total, SECTION_SIZE),
        "ending": ending,
        "ending_page": ending_page,
        "ending_pages_total": pages_total(ending_total, SECTION_SIZE),
        "waiting": waiting,
        "waiting_page": waiting_page,
        "waiting_pages_total": pages_total(waiting_total, SECTION_SIZE),
        "alerts": alerts,
        "inbox_page": inbox_page,
        "inbox_pages_total": pages_total(alerts_total, SECTION_SIZE),
        "alert_links": _alert_links(session, alerts),
        "urls": pager_urls("/liaison/follow-up", params),
        "offers": offer_labels(session, offer_ids),
        "names": profiles.client_names(session, actor, client_ids),
        "outcomes": list(CheckpointOutcome),
        "end_reasons": list(EndReason),
    }
    return render(request, pages, "liaison/followup.html", context)


def _alert_links(session: Session, alerts: list[Any]) -> dict[int, str]:
    """The page each alert is about, where the liaison officer has one (placements)."""
    links: dict[int, str] = {}
    for alert in alerts:
        if alert.entity == "placement":
            links[alert.id] = f"/liaison/placements/{alert.entity_id}"
        elif alert.entity == "checkpoint":
            checkpoint = session.get(Checkpoint, alert.entity_id)
            if checkpoint is not None:
                links[alert.id] = f"/liaison/placements/{checkpoint.placement_id}#checkpoints"
    return links


@router.post("/liaison/follow-up/inbox/{alert_id}/read")
def mark_alert_read(session: SessionDep, actor: LiaisonPage, alert_id: PathId) -> Response:
    inbox.mark_read(session, actor, alert_id)
    return _see_other("/liaison/follow-up#inbox")


# -- A placement -----------------------------------------------------------------------------


def _placement_page(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    settings: Settings,
    today: date,
    placement_id: int,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    placement = lifecycle.read_placement(session, actor, placement_id)
    offer = session.get(Offer, placement.offer_id)
    assert offer is not None
    tutors, _ = list_tutors(
        session, actor, company_id=offer.company_id, stage=None, limit=100, offset=0
    )
    context = {
        "placement": placement,
        "offer": offer,
        "offers": offer_labels(session, {offer.id}),
        "client": proposals.placement_client(session, actor, placement),
        "names": profiles.client_names(session, actor, {placement.client_id}),
        "due_by": today + timedelta(days=settings.checkpoint_notice_days),
        "history": lifecycle.placement_history(session, actor, placement.id),
        "tutors": tutors,
        "tutor_names": {t.id: t.name for t in tutors},
        "checkpoints": placement.checkpoints,
        "outcomes": list(CheckpointOutcome),
        "end_reasons": list(EndReason),
        "today": today,
        "errors": errors or {},
        "values": values or {},
    }
    return render(
        request, pages, "liaison/followup_placement.html", context, status_code=status_code
    )


@router.get("/liaison/placements/{placement_id}")
def placement_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    settings: SettingsDep,
    today: TodayDep,
    placement_id: PathId,
) -> Response:
    return _placement_page(request, pages, session, actor, settings, today, placement_id)


def _refused(exc: TandemError, field: str, pages: Pages) -> dict[str, str]:
    """The refusal beside its field, in the reader's words where the page has them."""
    message = MESSAGES.get(exc.field or "")
    gettext = pages.translations.gettext
    return {field: gettext(message) if message else exc.message}


@router.post("/liaison/placements/{placement_id}/start")
def start_placement(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    settings: SettingsDep,
    today: TodayDep,
    placement_id: PathId,
    actual_start: Annotated[str, Form(max_length=10)] = "",
    tutor_id: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    values = {"actual_start": actual_start, "tutor_id": tutor_id}
    try:
        started = date.fromisoformat(actual_start) if actual_start else None
    except ValueError:
        message = pages.translations.gettext(MESSAGES["actual_start"])
        return _placement_page(
            request, pages, session, actor, settings, today, placement_id,
            errors={"actual_start": message}, values=values, status_code=422,
        )  # fmt: skip
    data = PlacementStart(
        actual_start=started, tutor_id=int(tutor_id) if tutor_id.isdigit() else None
    )
    savepoint = session.begin_nested()
    try:
        lifecycle.start_placement(
            session, actor, placement_id, data, settings.checkpoint_offsets_days, today
        )
    except NotFound:
        raise
    except TandemError as exc:
        savepoint.rollback()
        field = "tutor_id" if exc.field == "tutor_id" or exc.status_code == 409 else "start"
        return _placement_page(
            request, pages, session, actor, settings, today, placement_id,
            errors=_refused(exc, field, pages), values=values, status_code=exc.status_code,
        )  # fmt: skip
    savepoint.commit()
    return _see_other(f"/liaison/placements/{placement_id}#checkpoints")


@router.post("/liaison/placements/{placement_id}/checkpoints/{checkpoint_id}")
def record_checkpoint(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    settings: SettingsDep,
    today: TodayDep,
    placement_id: PathId,
    checkpoint_id: PathId,
    outcome: Annotated[CheckpointOutcome, Form()],
    satisfaction_employer: Annotated[str, Form(pattern="^[1-5]?$")] = "",
    ended_reason: Annotated[str, Form(max_length=50)] = "",
    notes: Annotated[str, Form(max_length=5000)] = "",
    back: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """The employer's side of a checkpoint, through the same service as the API's
    ``POST /checkpoints/{id}/outcome``; refused beside the checkpoint's form."""
    checkpoint = followup.checkpoint_for(session, actor, checkpoint_id)
    if checkpoint.placement_id != placement_id:
        raise NotFound("checkpoint", checkpoint_id)
    data = CheckpointOutcomeIn(
        outcome=outcome,
        satisfaction_employer=int(satisfaction_employer) if satisfaction_employer else None,
        ended_reason=EndReason(ended_reason) if ended_reason in set(EndReason) else None,
        notes=notes,
    )
    try:
        followup.record_checkpoint(session, actor, checkpoint_id, data, today)
    except TandemError as exc:
        field = (
            f"ended-{checkpoint_id}" if exc.field == "ended_reason" else f"outcome-{checkpoint_id}"
        )
        values = {
            f"outcome-{checkpoint_id}": outcome.value,
            f"notes-{checkpoint_id}": notes,
            f"satisfaction-{checkpoint_id}": satisfaction_employer,
        }
        return _placement_page(
            request, pages, session, actor, settings, today, placement_id,
            errors=_refused(exc, field, pages), values=values, status_code=exc.status_code,
        )  # fmt: skip
    if back == "follow-up":
        return _see_other("/liaison/follow-up#checkpoints")
    return _see_other(f"/liaison/placements/{placement_id}#checkpoint-{checkpoint_id}")
