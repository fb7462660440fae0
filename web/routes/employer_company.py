"""The employer's company pages: our company (profile, contact people, our tutors with their
load, our placements) and one placement with the employer's actions (start, end early with a
reason, hire, the tutor's report). Each calls the API's services with the same actor, so the
role rules are the API's: an employer sees their own company's records only, anything else
answers 404; the follow-up checkpoints stay the liaison officer's and caseworker's to record,
the employer sees their dates."""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from accounts.actor import Actor
from api.deps import NormaliserDep, PathId, SessionDep, SettingsDep, TodayDep
from employers import companies, offers, tutors
from employers.schemas import CompanyUpdate, ContactPersonCreate, TutorCreate
from models.errors import NotFound, StaleVersion, TandemError, TransitionNotAllowed
from models.offer import TUTORED_KINDS, ContractType
from models.placement import Attendance, EndReason, Placement, PlacementStatus
from models.user import Role
from placements import lifecycle, proposals
from placements.schemas import PlacementEndEarly, PlacementHire, PlacementStart, ReportIn
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_

router = page_router()
EmployerPage = Annotated[Actor, page_for(Role.employer)]
PAGE_SIZE = 20
#: The most tutors the company page lists (a company has a handful).
TUTORS_SHOWN = 100

#: Each form's fields (the schema's names); a field's id on the page is ``form-field``.
FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("name", "headcount", "address", "postcode"),
    "contact": ("name", "job_title", "email", "phone"),
    "tutor": ("name", "job_title", "email", "phone", "max_mentees"),
    "start": ("actual_start", "tutor_id"),
    "end": ("reason", "text", "actual_end"),
    "hire": ("contract_type", "contract_hours", "actual_end"),
    "report": ("attendance", "skills_observed", "notes"),
}
NAME_MESSAGE = N_("Give a name: at most 200 characters.")
JOB_TITLE_MESSAGE = N_("Write the job title in at most 200 characters.")
EMAIL_MESSAGE = N_("Give an email address such as name@example.org, or leave it empty.")
PHONE_MESSAGE = N_("Write the phone number in at most 50 characters.")
END_MESSAGE = N_("Give the end date: not before the start.")
#: What a refused value needs, by form and field.
MESSAGES: dict[str, dict[str, str]] = {
    "company": {
        "name": NAME_MESSAGE,
        "headcount": N_("Give the number of employees as a whole number, or leave it empty."),
        "address": N_("Write the address in at most 300 characters."),
        "postcode": N_("Give the postcode of the company's address, such as 1100."),
    },
    "contact": {
        "name": NAME_MESSAGE,
        "job_title": JOB_TITLE_MESSAGE,
        "email": EMAIL_MESSAGE,
        "phone": PHONE_MESSAGE,
    },
    "tutor": {
        "name": NAME_MESSAGE,
        "job_title": JOB_TITLE_MESSAGE,
        "email": EMAIL_MESSAGE,
        "phone": PHONE_MESSAGE,
        "max_mentees": N_("Give how many newcomers the tutor can accompany at once: 1 to 20."),
    },
    "start": {
        "actual_start": N_("Give the start date."),
        "tutor_id": N_("Choose a tutor of your company who has room for one more newcomer."),
    },
    "end": {
        "reason": N_("Choose a reason from the list."),
        "text": N_("Write at most 2000 characters."),
        "actual_end": END_MESSAGE,
    },
    "hire": {
        "contract_type": N_("Choose a contract."),
        "contract_hours": N_("Give the hours per week: more than 0, at most 60."),
        "actual_end": END_MESSAGE,
    },
    "report": {
        "attendance": N_("Choose how the person attended."),
        "skills_observed": N_(
            "Write each skill on its own line: at most 50 lines of 1000 characters."
        ),
        "notes": N_("Write at most 5000 characters."),
    },
}


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _typed(form: Any, name: str) -> dict[str, str]:
    """What was typed in one form, stripped, the empty fields left out."""
    values = {f: str(form.get(f, "")).strip() for f in FIELDS[name]}
    return {f: v for f, v in values.items() if v}


def _validation_errors(name: str, exc: ValidationError, pages: Pages) -> dict[str, str]:
    gettext = pages.translations.gettext
    errors: dict[str, str] = {}
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else FIELDS[name][0]
        if field not in FIELDS[name]:
            field = FIELDS[name][0]
        message = MESSAGES[name].get(field, N_("Check this value."))
        errors.setdefault(f"{name}-{field}", gettext(message))
    return errors


def _service_errors(name: str, exc: TandemError, pages: Pages) -> dict[str, str]:
    """The service's refusal beside its field, in the reader's language where the field is
    known; a refusal of the whole action beside the form's first field."""
    gettext = pages.translations.gettext
    field = exc.field or ""
    if field in MESSAGES[name]:
        return {f"{name}-{field}": gettext(MESSAGES[name][field])}
    first = f"{name}-{FIELDS[name][0]}"
    if isinstance(exc, StaleVersion):
        return {
            first: gettext(
                "Someone changed this since you opened it: check the values and save again."
            )
        }
    if isinstance(exc, TransitionNotAllowed):
        return {first: gettext("This is not possible in the placement's present state.")}
    return {first: gettext("This could not be done: %(reason)s") % {"reason": exc.message}}


# -- Our company -----------------------------------------------------------------------------


def _company_context(session: Session, actor: Actor, status: str, page: int) -> dict[str, Any]:
    assert actor.company_id is not None
    company = companies.company_for(session, actor, actor.company_id)
    our_tutors, _total = tutors.list_tutors(
        session, actor, company_id=None, stage=None, limit=TUTORS_SHOWN, offset=0
    )
    chosen = PlacementStatus(status) if status in set(PlacementStatus) else None
    rows, total = lifecycle.list_placements(
        session,
        actor,
        status=chosen,
        offer_id=None,
        client_id=None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    return {
        "company": company,
        "contacts": companies.list_contacts(session, actor, company.id),
        "tutors": our_tutors,
        "load": tutors.tutor_load(session, [t.id for t in our_tutors]),
        "placements": rows,
        "candidates": proposals.placement_clients(session, actor, rows),
        "offers": offers.offer_labels(session, {p.offer_id for p in rows}),
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / PAGE_SIZE)),
        "status": chosen.value if chosen else "",
        "statuses": list(PlacementStatus),
        "pager_url": "/company?" + (urlencode({"status": status}) + "&" if chosen else ""),
        "typed": {"company": {}, "contact": {}, "tutor": {}},
    }


@router.get("/company")
def company_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    status: Annotated[str, Query(max_length=30)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    context = _company_context(session, actor, status, page)
    return render(request, pages, "employer/company.html", context)


def _company_refused(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    name: str,
    typed: dict[str, str],
    errors: dict[str, str],
    status_code: int = 422,
) -> Response:
    """The company page again with what was typed in one form and each error beside its
    field; nothing stored."""
    session.rollback()
    context = _company_context(session, actor, "", 1)
    context["typed"][name] = typed
    context["errors"] = errors
    return render(request, pages, "employer/company.html", context, status_code=status_code)


def _company_action(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    name: str,
    typed: dict[str, str],
    schema: type[BaseModel],
    values: dict[str, Any],
    act: Any,
    anchor: str,
) -> Response:
    """Validate one form of the company page with the API's schema, call the service, and go
    back to the page; a refusal shows the page with the errors."""
    try:
        data = schema.model_validate(values)
    except ValidationError as exc:
        errors = _validation_errors(name, exc, pages)
        return _company_refused(request, pages, session, actor, name, typed, errors)
    try:
        act(data)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        errors = _service_errors(name, exc, pages)
        status = exc.status_code if 400 <= exc.status_code < 500 else 422
        return _company_refused(request, pages, session, actor, name, typed, errors, status)
    return _see_other(f"/company#{anchor}")


@router.post("/company/profile")
async def company_profile_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: EmployerPage,
) -> Response:
    form = await request.form()
    typed = _typed(form, "company")
    values: dict[str, Any] = {
        "name": typed.get("name", ""),
        "headcount": typed.get("headcount"),
        "address": typed.get("address", ""),
        "postcode": typed.get("postcode"),
        "version": str(form.get("version", "")).strip() or None,
    }
    company_id = actor.company_id
    assert company_id is not None

    def act(data: CompanyUpdate) -> None:
        companies.update_company(session, actor, company_id, data, settings.default_country)

    return _company_action(
        request, pages, session, actor, "company", typed, CompanyUpdate, values, act, "profile"
    )


@router.post("/company/contacts")
async def add_contact_page(
    request: Request, pages: PagesDep, session: SessionDep, actor: EmployerPage
) -> Response:
    form = await request.form()
    typed = _typed(form, "contact")
    values: dict[str, Any] = {
        "name": typed.get("name", ""),
        "job_title": typed.get("job_title", ""),
        "email": typed.get("email"),
        "phone": typed.get("phone"),
        "is_primary": form.get("is_primary") == "true",
    }
    if values["is_primary"]:
        typed["is_primary"] = "true"
    company_id = actor.company_id
    assert company_id is not None

    def act(data: ContactPersonCreate) -> None:
        companies.add_contact(session, actor, company_id, data)

    return _company_action(
        request,
        pages,
        session,
        actor,
        "contact",
        typed,
        ContactPersonCreate,
        values,
        act,
        "contacts",
    )


@router.post("/company/contacts/{contact_id}/remove")
def remove_contact_page(session: SessionDep, actor: EmployerPage, contact_id: PathId) -> Response:
    assert actor.company_id is not None
    companies.delete_contact(session, actor, actor.company_id, contact_id)
    return _see_other("/company#contacts")


@router.post("/company/tutors")
async def add_tutor_page(
    request: Request, pages: PagesDep, session: SessionDep, actor: EmployerPage, today: TodayDep
) -> Response:
    form = await request.form()
    typed = _typed(form, "tutor")
    values: dict[str, Any] = {
        "name": typed.get("name", ""),
        "job_title": typed.get("job_title", ""),
        "email": typed.get("email"),
        "phone": typed.get("phone"),
        "max_mentees": typed.get("max_mentees", "1"),
        "identified_on": today,
    }

    def act(data: TutorCreate) -> None:
        tutors.create_tutor(session, actor, data)

    return _company_action(
        request, pages, session, actor, "tutor", typed, TutorCreate, values, act, "tutors"
    )


# -- A placement -----------------------------------------------------------------------------


def _checkpoint_dates(placement: Placement) -> list[tuple[int, date]]:
    """The follow-up's days and dates, once each (the liaison officer and the caseworker each
    record one side on the same day)."""
    return sorted({(c.offset_days, c.due_on) for c in placement.checkpoints})


def _placement_context(session: Session, actor: Actor, placement_id: int) -> dict[str, Any]:
    placement = lifecycle.read_placement(session, actor, placement_id)
    our_tutors, _total = tutors.list_tutors(
        session, actor, company_id=None, stage=None, limit=TUTORS_SHOWN, offset=0
    )
    status = placement.status
    tutored = placement.kind in TUTORED_KINDS
    return {
        "placement": placement,
        "candidate": proposals.placement_client(session, actor, placement),
        "offer": offers.offer_for(session, actor, placement.offer_id),
        "history": lifecycle.placement_history(session, actor, placement_id),
        "checkpoints": _checkpoint_dates(placement),
        "tutors": our_tutors,
        "tutor_names": {t.id: t.name for t in our_tutors},
        "load": tutors.tutor_load(session, [t.id for t in our_tutors], excluding=placement.id),
        "end_reasons": list(EndReason),
        "contract_types": [c for c in ContractType if c is not ContractType.none],
        "attendances": list(Attendance),
        "can_start": status is PlacementStatus.planned,
        "can_end_early": status in lifecycle.PLACEMENT_MOVES[PlacementStatus.ended_early],
        "can_hire": status in lifecycle.PLACEMENT_MOVES[PlacementStatus.hired],
        "can_report": tutored and status in lifecycle.REPORTABLE and placement.report is None,
        "tutored": tutored,
        "typed": {name: {} for name in ("start", "end", "hire", "report")},
    }


@router.get("/company/placements/{placement_id}")
def placement_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    placement_id: PathId,
) -> Response:
    context = _placement_context(session, actor, placement_id)
    return render(request, pages, "employer/placement.html", context)


def _placement_action(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    placement_id: int,
    name: str,
    typed: dict[str, str],
    schema: type[BaseModel],
    values: dict[str, Any],
    act: Any,
) -> Response:
    """Validate one form of the placement page with the API's schema and call the service;
    a refusal shows the page again with what was typed and the error beside its field."""
    lifecycle.placement_for(session, actor, placement_id)  # another company's: 404 first
    try:
        act(schema.model_validate(values))
    except ValidationError as exc:
        errors = _validation_errors(name, exc, pages)
        status_code = 422
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        errors = _service_errors(name, exc, pages)
        status_code = exc.status_code if 400 <= exc.status_code < 500 else 422
    else:
        return _see_other(f"/company/placements/{placement_id}")
    session.rollback()
    context = _placement_context(session, actor, placement_id)
    offered = {"start": "can_start", "end": "can_end_early", "hire": "can_hire"}
    if not context[offered.get(name, "can_report")]:
        # The form is no longer offered (the placement moved on): the refusal is shown beside
        # the placement's state.
        errors = {"status": next(iter(errors.values()))}
    context["typed"][name] = typed
    context["errors"] = errors
    return render(request, pages, "employer/placement.html", context, status_code=status_code)


@router.post("/company/placements/{placement_id}/start")
async def start_placement_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: EmployerPage,
    today: TodayDep,
    placement_id: PathId,
) -> Response:
    typed = _typed(await request.form(), "start")

    def act(data: PlacementStart) -> None:
        lifecycle.start_placement(
            session, actor, placement_id, data, settings.checkpoint_offsets_days, today
        )

    return _placement_action(
        request, pages, session, actor, placement_id, "start", typed, PlacementStart, typed, act
    )


@router.post("/company/placements/{placement_id}/end-early")
async def end_placement_early_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    today: TodayDep,
    placement_id: PathId,
) -> Response:
    typed = _typed(await request.form(), "end")

    def act(data: PlacementEndEarly) -> None:
        lifecycle.end_placement_early(session, actor, placement_id, data, today)

    return _placement_action(
        request, pages, session, actor, placement_id, "end", typed, PlacementEndEarly, typed, act
    )


@router.post("/company/placements/{placement_id}/hire")
async def hire_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    today: TodayDep,
    placement_id: PathId,
) -> Response:
    typed = _typed(await request.form(), "hire")

    def act(data: PlacementHire) -> None:
        lifecycle.hire_from_placement(session, actor, placement_id, data, today)

    return _placement_action(
        request, pages, session, actor, placement_id, "hire", typed, PlacementHire, typed, act
    )


@router.post("/company/placements/{placement_id}/report")
async def report_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    normaliser: NormaliserDep,
    placement_id: PathId,
) -> Response:
    form = await request.form()
    typed = _typed(form, "report")
    job_followed = form.get("job_followed") == "true"
    if job_followed:
        typed["job_followed"] = "true"
    values: dict[str, Any] = {
        "attendance": typed.get("attendance"),
        "skills_observed": [
            line.strip() for line in typed.get("skills_observed", "").splitlines() if line.strip()
        ],
        "job_followed": job_followed,
        "notes": typed.get("notes", ""),
    }

    def act(data: ReportIn) -> None:
        lifecycle.report_placement(session, actor, placement_id, data, normaliser)

    return _placement_action(
        request, pages, session, actor, placement_id, "report", typed, ReportIn, values, act
    )
