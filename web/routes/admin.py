"""The admin's users page: create a user, deactivate or reactivate, move to an office, reset a
password (the user must choose their own at the next sign-in). The API's rules, through the
same services (``accounts.users``)."""

from __future__ import annotations

from math import ceil
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from accounts.actor import Actor
from accounts.schemas import UserCreate, UserUpdate
from accounts.users import create_user, list_offices, list_users, update_user
from api.deps import PathId, SessionDep
from employers.companies import list_companies
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
) -> Response:
    users, total = list_users(
        session, actor, role=None, office_id=None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
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
    }
    context.update(extra or {})
    return render(request, pages, "admin/users.html", context, status_code=status_code)


@router.get("/admin/users")
def users_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: AdminPage,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    return _users_page(request, pages, session, actor, page)


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
    action: Annotated[str, Form(pattern="^(deactivate|activate|office|reset)$")],
    office_id: Annotated[str, Form(max_length=12)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    _ = pages.translations.gettext
    choices: dict[str, dict[str, Any]] = {
        "deactivate": {"is_active": False},
        "activate": {"is_active": True},
        "office": {"office_id": _int_or_none(office_id)},
        "reset": {"password": password},
    }
    changes = choices[action]
    try:
        update_user(session, actor, user_id, UserUpdate(**changes))
    except (ValidationError, TandemError) as exc:
        if isinstance(exc, TandemError) and exc.status_code == 404:
            raise
        session.rollback()
        message = (
            _(
                "Choose a temporary password of at least 8 characters that is hard to guess: "
                "not a common password (a few unrelated words work well)."
            )
            if action == "reset"
            else _("This change could not be made.")
        )
        extra = {"errors": {f"user-{user_id}": message}}
        return _users_page(request, pages, session, actor, 1, extra, status_code=422)
    return RedirectResponse(f"/admin/users#user-{user_id}", status_code=303)
