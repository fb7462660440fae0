"""The liaison officer's companies and tutors: the list of companies with their last contact
and open offers, a company's whole history on one page with a short form to log a contact and
another for the profile, and the tutors' pipeline board. Each handler calls the API's services
with the same actor, so the role rules are the API's (an employer or a caseworker gets 404)."""

from __future__ import annotations

from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from accounts.actor import Actor
from api.deps import IdFilter, PathId, SessionDep, SettingsDep, TodayDep
from employers import companies, engagement, tutors
from employers.schemas import (
    CompanyRead,
    CompanyUpdate,
    EngagementEventCreate,
    TrainingIn,
    TutorUpdate,
)
from models.company import Channel, EngagementStatus, EventKind
from models.errors import NotFound, StaleVersion, TandemError
from models.user import Role
from reporting.company_history import company_history
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_

router = page_router()
LiaisonPage = Annotated[Actor, page_for(Role.liaison, Role.admin)]
PAGE_SIZE = 20
#: Tutors shown in each stage's column of the board (the rest are counted).
BOARD_SIZE = 50
MAX_DAYS = 3650

EVENT_MESSAGES = {
    "kind": N_("Choose what kind of contact it was."),
    "channel": N_("Choose the channel."),
    "occurred_on": N_("Give the date of the contact, such as 2026-03-15."),
    "summary": N_("Write what was said or agreed."),
    "next_step": N_("Write the next step in at most 2000 characters."),
    "next_step_on": N_("Give the date of the next step, not before the contact."),
}
PROFILE_MESSAGES = {
    "engagement_status": N_("Choose an engagement status."),
    "liaison_officer_id": N_("Choose a liaison officer from the list."),
    "version": N_(
        "Someone else changed this company since you opened the page: check the profile and "
        "save again."
    ),
}
TRAINING_MESSAGES = {
    "title": N_("Give the training's title."),
    "attended_on": N_("Give the date of the training, such as 2026-03-15."),
    "hours": N_("Give the hours: more than 0, at most 500."),
}
STAGE_MESSAGES = {
    "stage": N_("A tutor moves forward through the stages only: choose a later stage."),
    "version": N_(
        "Someone else changed this tutor since you opened the board: check and move again."
    ),
}


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _form_values(form: Any) -> dict[str, str]:
    return {k: str(v).strip() for k, v in form.items() if k != "csrf_token"}


def _form_id(text: str) -> int | None:
    """A record id sent in a form (a company to come back to), or None."""
    return int(text) if text.isdecimal() and len(text) <= 9 and int(text) > 0 else None


def _validation_fields(exc: ValidationError, default: str) -> list[str]:
    return [str(e["loc"][0]) if e["loc"] else default for e in exc.errors()]


# -- Companies -----------------------------------------------------------------------------


@router.get("/liaison/companies")
def companies_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    today: TodayDep,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[str, Query(max_length=30)] = "",
    mine: Annotated[str, Query(max_length=5)] = "",
    days: Annotated[str, Query(max_length=10)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    chosen = EngagementStatus(status) if status in set(EngagementStatus) else None
    officer = actor.user_id if mine == "1" else None
    errors: dict[str, str] = {}
    gap: int | None = None
    if days:
        if days.isdecimal() and 1 <= int(days) <= MAX_DAYS:
            gap = int(days)
        else:
            message = N_("Give a number of days from 1 to %(most)s.")
            errors["days"] = pages.translations.gettext(message) % {"most": MAX_DAYS}
    rows: list[CompanyRead] = []
    total = 0
    if not errors:
        offset = (page - 1) * PAGE_SIZE
        if gap is not None:
            gaps, total = engagement.companies_without_contact(
                session,
                actor,
                gap,
                today,
                officer,
                PAGE_SIZE,
                offset,
                q=q or None,
                engagement_status=chosen,
            )
            rows = [g.company for g in gaps]
        else:
            found, total = companies.list_companies(
                session,
                actor,
                q=q or None,
                nace_code=None,
                engagement_status=chosen,
                liaison_officer_id=officer,
                limit=PAGE_SIZE,
                offset=offset,
            )
            rows = [CompanyRead.model_validate(c) for c in found]
    facts = engagement.company_facts(session, actor, [c.id for c in rows])
    officers = {u.id: u.display_name for u in engagement.liaison_officers(session, actor)}
    kept = {
        "q": q,
        "status": chosen.value if chosen else "",
        "mine": "1" if officer else "",
        "days": days,
    }
    query = urlencode({k: v for k, v in kept.items() if v})
    context = {
        "companies": rows,
        "facts": facts,
        "officers": officers,
        "today": today,
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / PAGE_SIZE)),
        "values": {k: v or "" for k, v in kept.items()},
        "filtered": bool(query),
        "statuses": list(EngagementStatus),
        "errors": errors,
        "pager_url": "/liaison/companies?" + (query + "&" if query else ""),
    }
    return render(
        request,
        pages,
        "liaison/companies.html",
        context,
        status_code=422 if errors else 200,
    )


def _company_context(session: Session, actor: Actor, company_id: int) -> dict[str, Any]:
    history = company_history(session, actor, company_id)
    by_channel = {
        channel: [e for e in reversed(history.events) if e.channel is channel]
        for channel in Channel
    }
    titles = {item.offer.id: item.offer.title for item in history.offers}
    return {
        "history": history,
        "company": history.company,
        "by_channel": {c: events for c, events in by_channel.items() if events},
        "titles": titles,
        "load": tutors.tutor_load(session, [t.id for t in history.tutors]),
        "officers": engagement.liaison_officers(session, actor),
        "kinds": list(EventKind),
        "channels": list(Channel),
        "statuses": list(EngagementStatus),
    }


@router.get("/liaison/companies/{company_id}")
def company_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    today: TodayDep,
    company_id: PathId,
) -> Response:
    context = _company_context(session, actor, company_id)
    context["values"] = {"occurred_on": today.isoformat(), "kind": "visit", "channel": "direct"}
    return render(request, pages, "liaison/company.html", context)


def _company_refused(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    company_id: int,
    values: dict[str, str],
    errors: dict[str, str],
) -> Response:
    """The company page again with what was typed and each error beside its field."""
    session.rollback()
    context = _company_context(session, actor, company_id)
    context.update(values=values, errors=errors)
    return render(request, pages, "liaison/company.html", context, status_code=422)


@router.post("/liaison/companies/{company_id}/events")
async def log_event_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    company_id: PathId,
) -> Response:
    companies.company_for(session, actor, company_id)  # not one of theirs: 404 first
    values = _form_values(await request.form())
    sent = {k: v for k, v in values.items() if v and k in EVENT_MESSAGES}
    gettext = pages.translations.gettext
    try:
        data = EngagementEventCreate.model_validate(sent)
        companies.add_event(session, actor, company_id, data)
    except ValidationError as exc:
        fields = _validation_fields(exc, "summary")
        errors = {f: gettext(EVENT_MESSAGES.get(f, EVENT_MESSAGES["summary"])) for f in fields}
        return _company_refused(request, pages, session, actor, company_id, values, errors)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        field = exc.field if exc.field in EVENT_MESSAGES else "summary"
        errors = {field: gettext(EVENT_MESSAGES[field])}
        return _company_refused(request, pages, session, actor, company_id, values, errors)
    return _see_other(f"/liaison/companies/{company_id}#events")


@router.post("/liaison/companies/{company_id}/profile")
async def company_profile_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: LiaisonPage,
    company_id: PathId,
) -> Response:
    companies.company_for(session, actor, company_id)
    values = _form_values(await request.form())
    sent: dict[str, Any] = {
        "engagement_status": values.get("engagement_status", ""),
        "liaison_officer_id": values.get("liaison_officer_id") or None,
        "version": values.get("version") or None,
    }
    gettext = pages.translations.gettext
    try:
        data = CompanyUpdate.model_validate(sent)
        companies.update_company(session, actor, company_id, data, settings.default_country)
    except ValidationError as exc:
        fields = _validation_fields(exc, "engagement_status")
        errors = {
            f: gettext(PROFILE_MESSAGES.get(f, PROFILE_MESSAGES["engagement_status"]))
            for f in fields
        }
        return _company_refused(request, pages, session, actor, company_id, values, errors)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        field = "version" if isinstance(exc, StaleVersion) else exc.field or ""
        field = field if field in PROFILE_MESSAGES else "engagement_status"
        errors = {field: gettext(PROFILE_MESSAGES[field])}
        return _company_refused(request, pages, session, actor, company_id, values, errors)
    return _see_other(f"/liaison/companies/{company_id}#profile")


# -- Tutors --------------------------------------------------------------------------------


def _board_context(session: Session, actor: Actor, company_id: int | None) -> dict[str, Any]:
    columns = []
    everyone = []
    for stage in tutors.PIPELINE:
        rows, total = tutors.list_tutors(
            session, actor, company_id=company_id, stage=stage, limit=BOARD_SIZE, offset=0
        )
        columns.append({"stage": stage, "tutors": rows, "more": total - len(rows)})
        everyone += rows
    ids = [t.id for t in everyone]
    return {
        "columns": columns,
        "load": tutors.tutor_load(session, ids),
        "names": engagement.company_names(session, actor, [t.company_id for t in everyone]),
        "pipeline": tutors.PIPELINE,
        "company_id": company_id,
        "company_name": (
            companies.company_for(session, actor, company_id).name if company_id else None
        ),
    }


@router.get("/liaison/tutors")
def tutors_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    company_id: IdFilter = None,
) -> Response:
    context = _board_context(session, actor, company_id)
    return render(request, pages, "liaison/tutors.html", context)


def _board_refused(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    values: dict[str, str],
    errors: dict[str, str],
) -> Response:
    session.rollback()
    context = _board_context(session, actor, _form_id(values.get("company_id", "")))
    context.update(values=values, errors=errors)
    return render(request, pages, "liaison/tutors.html", context, status_code=422)


def _board_url(values: dict[str, str], tutor_id: int) -> str:
    company = _form_id(values.get("company_id", ""))
    query = f"?company_id={company}" if company else ""
    return f"/liaison/tutors{query}#tutor-{tutor_id}"


@router.post("/liaison/tutors/{tutor_id}/stage")
async def tutor_stage_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    today: TodayDep,
    tutor_id: PathId,
) -> Response:
    tutors.tutor_for(session, actor, tutor_id)
    values = _form_values(await request.form())
    field = f"t{tutor_id}-stage"
    shown = {**values, field: values.get("stage", "")}
    gettext = pages.translations.gettext
    try:
        data = TutorUpdate.model_validate(
            {"stage": values.get("stage", ""), "version": values.get("version") or None}
        )
        tutors.update_tutor(session, actor, tutor_id, data, today)
    except ValidationError as exc:
        fields = _validation_fields(exc, "stage")
        reason = "version" if fields == ["version"] else "stage"
        errors = {field: gettext(STAGE_MESSAGES[reason])}
        return _board_refused(request, pages, session, actor, shown, errors)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        reason = "version" if isinstance(exc, StaleVersion) else "stage"
        errors = {field: gettext(STAGE_MESSAGES[reason])}
        return _board_refused(request, pages, session, actor, shown, errors)
    return _see_other(_board_url(values, tutor_id))


@router.post("/liaison/tutors/{tutor_id}/trainings")
async def tutor_training_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    tutor_id: PathId,
) -> Response:
    tutors.tutor_for(session, actor, tutor_id)
    values = _form_values(await request.form())
    prefix = f"t{tutor_id}-"
    sent = {name: values[name] for name in TRAINING_MESSAGES if values.get(name, "")}
    # Typed values come back in this tutor's form only (each form's fields are prefixed).
    shown = {**values, **{prefix + name: values.get(name, "") for name in TRAINING_MESSAGES}}
    gettext = pages.translations.gettext
    try:
        data = TrainingIn.model_validate(sent)
        tutors.add_training(session, actor, tutor_id, data)
    except ValidationError as exc:
        fields = _validation_fields(exc, "title")
        errors = {
            prefix + f: gettext(TRAINING_MESSAGES.get(f, TRAINING_MESSAGES["title"]))
            for f in fields
        }
        return _board_refused(request, pages, session, actor, shown, errors)
    return _see_other(_board_url(values, tutor_id))
