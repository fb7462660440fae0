"""The admin's users page: create a user, deactivate or reactivate, change the role, office
and company, reset a password (the user must choose their own at the next sign-in). The API's
rules, through the same services (``accounts.users``)."""

from __future__ import annotations

from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy import select

from accounts.actor import Actor
from accounts.schemas import UserCreate, UserUpdate
from accounts.users import create_user, list_offices, list_users, update_user
from api.deps import PathId, SessionDep
from employers.companies import list_companies
from models.company import Company
from models.errors import TandemError
from models.user import Role
from web.deps import Pages, PagesDep, page_for, page_router, render

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
