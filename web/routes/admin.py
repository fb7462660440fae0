"""The admin's pages. Users: create a user, deactivate or reactivate, change the role, office
and company, reset a password (the user must choose their own at the next sign-in). Offices:
the list and a new one. Caseload: move a caseworker's clients, all or some, to another. Audit
trail: filtered by who, which client, action and period, paged and exported as CSV. The API's
rules, through the same services (``accounts.users``, ``accounts.audit``)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy import select

from accounts import audit
from accounts.actor import Actor
from accounts.schemas import CaseloadTransfer, OfficeCreate, UserCreate, UserUpdate
from accounts.users import (
    caseload_sizes,
    create_office,
    create_user,
    list_offices,
    list_users,
    transfer_caseload,
    update_user,
)
from api.deps import PathId, SessionDep
from employers.companies import list_companies
from models.audit import AuditEvent
from models.company import Company
from models.errors import Conflict, InvalidInput, NotFound, TandemError
from models.user import Role
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.filters import FilterChoice

router = page_router()
AdminPage = Annotated[Actor, page_for(Role.admin)]
PAGE_SIZE = 25


def _users_page(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    page: int,
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
    role: Role | None = None,
    office_id: int | None = None,
) -> Response:
    users, total = list_users(
        session,
        actor,
        role=role,
        office_id=office_id,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    companies, _total = list_companies(
        session,
        actor,
        q=None,
        nace_code=None,
        engagement_status=None,
        liaison_officer_id=None,
        limit=200,
        offset=0,
    )
    offices = list_offices(session, actor)
    context: dict[str, Any] = {
        "users": users,
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / PAGE_SIZE)),
        "roles": list(Role),
        "offices": offices,
        "office_names": {o.id: o.name for o in offices},
        "companies": companies,
        "company_names": _company_names(session, {u.company_id for u in users}),
        "role_filter": role.value if role else "",
        "office_filter": str(office_id) if office_id else "",
        "pager_url": "/admin/users?"
        + urlencode(
            {
                k: v
                for k, v in {"role": role.value if role else "", "office": office_id or ""}.items()
                if v
            }
        )
        + "&",
    }
    context.update(extra or {})
    return render(request, pages, "admin/users.html", context, status_code=status_code)


def _company_names(session: SessionDep, company_ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in company_ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(Company.id, Company.name).where(Company.id.in_(ids)))
    return {row.id: row.name for row in rows}


@router.get("/admin/users")
def users_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    role: Annotated[str, Query(max_length=20)] = "",
    office: Annotated[str, Query(max_length=12)] = "",
) -> Response:
    """The users, filtered by role and office, paged."""
    chosen = Role(role) if role in set(Role) else None
    return _users_page(
        request, pages, session, actor, page, role=chosen, office_id=_int_or_none(office)
    )


def _int_or_none(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


@router.post("/admin/users")
def add_user(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    email: Annotated[str, Form(max_length=320)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    office_id: Annotated[str, Form(max_length=12)] = "",
    company_id: Annotated[str, Form(max_length=12)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    _ = pages.translations.gettext
    values = {
        "email": email,
        "display_name": display_name,
        "role": role,
        "office_id": office_id,
        "company_id": company_id,
    }
    messages = {
        "email": _("Enter a valid email address."),
        "display_name": _("Enter the person's name."),
        "role": _("Choose a role."),
        "password": _(
            "Choose a first password of at least 8 characters that is hard to guess: not a "
            "common password (a few unrelated words work well)."
        ),
        "office_id": _("Choose an office that exists."),
        "company_id": _("An employer user needs a company; other roles have none."),
    }
    errors: dict[str, str] = {}
    try:
        data = UserCreate(
            email=email.strip(),
            display_name=display_name.strip(),
            role=role,
            office_id=_int_or_none(office_id),
            company_id=_int_or_none(company_id),
            password=password,
        )
        create_user(session, actor, data)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "email"
            errors.setdefault(field, messages.get(field, _("Check this value.")))
    except TandemError as exc:
        field = exc.field or "email"
        if exc.status_code == 409:
            errors[field] = _("A user with this email already exists.")
        else:
            errors[field] = messages.get(field, _("Check this value."))
    if errors:
        session.rollback()
        extra = {"errors": errors, "values": values}
        return _users_page(request, pages, session, actor, 1, extra, status_code=422)
    return RedirectResponse("/admin/users?created=1", status_code=303)


@router.post("/admin/users/{user_id}")
def change_user(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    user_id: PathId,
    action: Annotated[str, Form(pattern="^(deactivate|activate|office|place|reset)$")],
    role: Annotated[str, Form(max_length=20)] = "",
    office_id: Annotated[str, Form(max_length=12)] = "",
    company_id: Annotated[str, Form(max_length=12)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """One change to a user: deactivate or reactivate; role, office and company together
    (``place``; ``office`` moves to an office only); a password reset."""
    _ = pages.translations.gettext
    choices: dict[str, dict[str, Any]] = {
        "deactivate": {"is_active": False},
        "activate": {"is_active": True},
        "office": {"office_id": _int_or_none(office_id)},
        "place": {
            "role": role,
            "office_id": _int_or_none(office_id),
            "company_id": _int_or_none(company_id),
        },
        "reset": {"password": password},
    }
    changes = choices[action]
    messages = {
        "role": _("Choose a role."),
        "office_id": _("Choose an office that exists."),
        "company_id": _("An employer user needs a company; other roles have none."),
        "password": _(
            "Choose a temporary password of at least 8 characters that is hard to guess: "
            "not a common password (a few unrelated words work well)."
        ),
    }
    try:
        update_user(session, actor, user_id, UserUpdate(**changes))
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else ""
        message = messages.get(field, _("This change could not be made."))
        return _user_refused(request, pages, session, actor, user_id, message, changes, page)
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        if exc.field == "role" and exc.status_code == 409:
            message = _("This caseworker still holds clients: transfer the caseload first.")
        elif exc.field == "role":
            message = _("You cannot change your own role.")
        else:
            message = messages.get(exc.field or "", _("This change could not be made."))
        return _user_refused(request, pages, session, actor, user_id, message, changes, page)
    suffix = f"?page={page}" if page > 1 else ""
    return RedirectResponse(f"/admin/users{suffix}#user-{user_id}", status_code=303)


def _user_refused(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    user_id: int,
    message: str,
    typed: dict[str, Any],
    page: int,
) -> Response:
    """The users page again, the message beside the user's row, what was chosen kept there;
    nothing was changed."""
    session.rollback()
    values = {f"user-{user_id}-{k}": "" if v is None else str(v) for k, v in typed.items()}
    extra = {"errors": {f"user-{user_id}": message}, "values": values}
    return _users_page(request, pages, session, actor, page, extra, status_code=422)


# -- Offices ---------------------------------------------------------------------------------


def _offices_page(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    offices = list_offices(session, actor)
    staff, _total = list_users(session, actor, role=None, office_id=None, limit=5000, offset=0)
    people: dict[int, int] = {}
    for u in staff:
        if u.office_id is not None and u.is_active:
            people[u.office_id] = people.get(u.office_id, 0) + 1
    context: dict[str, Any] = {"offices": offices, "people": people}
    context.update(extra or {})
    return render(request, pages, "admin/offices.html", context, status_code=status_code)


@router.get("/admin/offices")
def offices_page(
    request: Request, pages: PagesDep, session: SessionDep, actor: AdminPage
) -> Response:
    """The offices with how many active people work in each, and a form for a new one."""
    return _offices_page(request, pages, session, actor)


@router.post("/admin/offices")
def add_office(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    name: Annotated[str, Form(max_length=400)] = "",
) -> Response:
    _ = pages.translations.gettext
    try:
        create_office(session, actor, OfficeCreate(name=name.strip()))
    except ValidationError:
        message = _("Give the office a name of at most 200 characters.")
    except Conflict:
        message = _("An office with this name already exists.")
    else:
        return RedirectResponse("/admin/offices?created=1", status_code=303)
    session.rollback()
    extra = {"errors": {"name": message}, "values": {"name": name}}
    return _offices_page(request, pages, session, actor, extra, status_code=422)


# -- Caseload transfer -----------------------------------------------------------------------


def _caseload_page(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    values: dict[str, str],
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    caseworkers, _total = list_users(
        session, actor, role=Role.caseworker, office_id=None, limit=5000, offset=0
    )
    offices = {o.id: o.name for o in list_offices(session, actor)}
    context: dict[str, Any] = {
        "caseworkers": caseworkers,
        "sizes": caseload_sizes(session, actor),
        "office_names": offices,
        "names": {u.id: u.display_name for u in caseworkers},
        "values": values,
        "moved": None,
    }
    context.update(extra or {})
    return render(request, pages, "admin/caseload.html", context, status_code=status_code)


@router.get("/admin/caseload")
def caseload_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    moved: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    from_id: Annotated[str, Query(max_length=12)] = "",
    to_id: Annotated[str, Query(max_length=12)] = "",
) -> Response:
    """The caseworkers with the size of their caseload, and the transfer form; after a
    transfer, how many clients moved."""
    values = {"from_id": from_id, "to_id": to_id, "scope": "all", "client_ids": ""}
    return _caseload_page(request, pages, session, actor, values, {"moved": moved})


def _client_ids(text: str) -> list[int] | None:
    """Client numbers separated by commas or spaces; None if one is not a number."""
    parts = text.replace(",", " ").split()
    if not all(p.isdigit() and len(p) <= 12 for p in parts):
        return None
    return sorted({int(p) for p in parts})


@router.post("/admin/caseload")
def transfer_caseload_form(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    from_id: Annotated[str, Form(max_length=12)] = "",
    to_id: Annotated[str, Form(max_length=12)] = "",
    scope: Annotated[str, Form(max_length=10)] = "all",
    client_ids: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    """Move all of a caseworker's clients, or only those named, to another caseworker, through
    the API's service (each move audited per client, the clients' shares ended)."""
    _ = pages.translations.gettext
    values = {"from_id": from_id, "to_id": to_id, "scope": scope, "client_ids": client_ids}
    errors: dict[str, str] = {}
    source, target = _int_or_none(from_id), _int_or_none(to_id)
    chosen = _client_ids(client_ids) if scope == "chosen" else None
    if source is None:
        errors["from_id"] = _("Choose the caseworker the clients move from.")
    if target is None:
        errors["to_id"] = _("Choose the caseworker the clients move to.")
    if scope == "chosen" and not chosen:
        errors["client_ids"] = _(
            "Give the numbers of the clients to move, separated by commas, or choose all."
        )
    moved: list[int] = []
    if not errors and source is not None and target is not None:
        try:
            data = CaseloadTransfer(to_caseworker_id=target, client_ids=chosen)
            moved = transfer_caseload(session, actor, source, data)
        except ValidationError as exc:
            wrong = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else ""
            if wrong == "to_caseworker_id":
                errors["to_id"] = _("Choose the caseworker the clients move to.")
            else:
                errors["client_ids"] = _(
                    "Give client numbers as the client's page shows them, at most 10,000."
                )
        except NotFound:
            errors["from_id"] = _("Choose a caseworker: the clients move from a caseworker.")
        except InvalidInput as exc:
            if exc.field == "client_ids":
                errors["client_ids"] = _(
                    "Give only numbers of clients this caseworker holds: %(problem)s"
                ) % {"problem": exc.message}
            elif source == target:
                errors["to_id"] = _(
                    "Choose another caseworker: the clients are already with this one."
                )
            else:
                errors["to_id"] = _("Choose an active caseworker to move the clients to.")
    if errors:
        session.rollback()
        return _caseload_page(
            request, pages, session, actor, values, {"errors": errors}, status_code=422
        )
    query = urlencode({"moved": len(moved), "from_id": source, "to_id": target})
    return RedirectResponse(f"/admin/caseload?{query}", status_code=303)


# -- Audit trail -----------------------------------------------------------------------------

AUDIT_PAGE_SIZE = 50
#: Events read per query when the whole filtered trail is exported.
EXPORT_BATCH = 5000
AUDIT_COLUMNS = ("id", "at", "actor_id", "action", "entity", "entity_id", "fields", "detail")


AuditChoice = FilterChoice[audit.AuditFilter]


def _audit_choice(
    _: Any, who: str, client: str, action: str, date_from: str, date_to: str
) -> AuditChoice:
    values = {
        "who": who.strip(),
        "client": client.strip(),
        "action": action.strip(),
        "date_from": date_from.strip(),
        "date_to": date_to.strip(),
    }
    errors: dict[str, str] = {}
    days: dict[str, date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            days[name] = date.fromisoformat(values[name]) if values[name] else None
        except ValueError:
            errors[name] = _("Give a date, such as 2026-01-31.")
    start, end = days.get("date_from"), days.get("date_to")
    if start and end and end < start:
        errors["date_to"] = _(
            "The period ends before it starts: give an end on or after the start."
        )
    if values["client"] and not (values["client"].isdigit() and len(values["client"]) <= 12):
        errors["client"] = _("Give the client's number, such as 42.")
    if values["who"] and not values["who"].isdigit():
        errors["who"] = _("Choose from the list.")
    if errors:
        return AuditChoice(None, values, errors)
    filters = audit.AuditFilter(
        entity="client" if values["client"] else None,
        entity_id=values["client"] or None,
        actor_id=int(values["who"]) if values["who"] else None,
        action=values["action"] or None,
        since=datetime.combine(start, time.min, UTC) if start else None,
        until=datetime.combine(end + timedelta(days=1), time.min, UTC) if end else None,
    )
    return AuditChoice(filters, values, {})


AuditText = Annotated[str, Query(max_length=50)]


@router.get("/admin/audit")
def audit_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    who: AuditText = "",
    client: AuditText = "",
    action: AuditText = "",
    date_from: AuditText = "",
    date_to: AuditText = "",
) -> Response:
    """The audit trail, newest first, filtered by who, which client, action and period;
    paged, and exportable with the same filters."""
    choice = _audit_choice(pages.translations.gettext, who, client, action, date_from, date_to)
    events: list[AuditEvent] = []
    total = 0
    if choice.filters is not None:
        events, total = audit.list_events(
            session, actor, choice.filters, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE
        )
    people, _total = list_users(session, actor, role=None, office_id=None, limit=5000, offset=0)
    query = choice.query()
    context = {
        "events": events,
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / AUDIT_PAGE_SIZE)),
        "pager_url": "/admin/audit?" + (query + "&" if query else ""),
        "query": query,
        "choice": choice,
        "values": choice.values,
        "errors": choice.errors,
        "people": people,
        "names": {u.id: u.display_name for u in people},
        "actions": audit.known_actions(session, actor),
    }
    status = 422 if choice.errors else 200
    return render(request, pages, "admin/audit.html", context, status_code=status)


@router.get("/admin/audit.csv", response_class=Response)
def audit_csv(
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    who: AuditText = "",
    client: AuditText = "",
    action: AuditText = "",
    date_from: AuditText = "",
    date_to: AuditText = "",
) -> Response:
    """Every event the filters select, newest first, as CSV (the fields' names, never values,
    as the trail holds them)."""
    choice = _audit_choice(pages.translations.gettext, who, client, action, date_from, date_to)
    if choice.filters is None:
        field, message = next(iter(choice.errors.items()))
        raise InvalidInput(field, message)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_COLUMNS)
    offset = 0
    while True:
        events, total = audit.list_events(session, actor, choice.filters, EXPORT_BATCH, offset)
        for e in events:
            writer.writerow(
                [e.id, e.at.isoformat(), e.actor_id or "", e.action, e.entity]
                + [e.entity_id or "", " ".join(e.fields), e.detail or ""]
            )
        offset += EXPORT_BATCH
        if offset >= total or not events:
            break
    return Response(
        out.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="audit.csv"'},
    )
