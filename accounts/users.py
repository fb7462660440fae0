"""Users and offices: creation, sign-in, administration and caseload transfer."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from accounts.passwords import hash_password, password_problem, verify_password
from accounts.schemas import CaseloadTransfer, OfficeCreate, UserCreate, UserUpdate
from models.client import Client, ClientShare
from models.company import Company
from models.db import fetch_page
from models.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from models.user import Office, Role, User


def actor_for(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        email=user.email,
        role=user.role,
        office_id=user.office_id,
        company_id=user.company_id,
    )


def _check_links(
    session: Session, role: Role, office_id: int | None, company_id: int | None
) -> None:
    if office_id is not None and session.get(Office, office_id) is None:
        raise InvalidInput("office_id", f"office {office_id} does not exist")
    if role is Role.employer:
        if company_id is None:
            raise InvalidInput("company_id", "an employer user must belong to a company")
        if session.get(Company, company_id) is None:
            raise InvalidInput("company_id", f"company {company_id} does not exist")
    elif company_id is not None:
        raise InvalidInput("company_id", "only employer users belong to a company")


def create_user(session: Session, actor: Actor | None, data: UserCreate) -> User:
    """Create a user; ``actor`` is None only for the command line, which runs as the system."""
    if actor is not None:
        actor.require(Role.admin)
    email = data.email.lower()
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"a user with email {email} already exists", field="email")
    _check_links(session, data.role, data.office_id, data.company_id)
    _check_password("password", data.password, [email, data.display_name])
    user = User(
        email=email,
        display_name=data.display_name,
        role=data.role,
        office_id=data.office_id,
        company_id=data.company_id,
        is_active=True,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    session.flush()
    fields = ["email", "display_name", "role", "office_id", "company_id", "password"]
    audit.record(session, actor, "create", "user", user.id, fields)
    return user


def _check_password(field: str, password: str, user_inputs: list[str]) -> None:
    problem = password_problem(password, user_inputs)
    if problem is not None:
        raise InvalidInput(field, problem)


def authenticate(session: Session, email: str, password: str) -> User:
    user = session.scalar(select(User).where(User.email == email.lower()))
    # An unknown email costs the same hash check, so timing does not tell which accounts exist.
    password_hash = user.password_hash if user is not None else _unknown_user_hash()
    valid = verify_password(password_hash, password)
    if user is None or not user.is_active or not valid:
        raise NotAuthenticated("wrong email or password, or the account is inactive")
    return user


@cache
def _unknown_user_hash() -> str:
    return hash_password("no account has this password")


def active_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated("the account no longer exists or is inactive")
    return user


def get_user(session: Session, actor: Actor, user_id: int) -> User:
    if actor.role is not Role.admin and actor.user_id != user_id:
        raise NotFound("user", user_id)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    return user


def list_users(
    session: Session,
    actor: Actor,
    *,
    role: Role | None,
    office_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[User], int]:
    actor.require(Role.admin)
    query = select(User).order_by(User.id)
    if role is not None:
        query = query.where(User.role == role)
    if office_id is not None:
        query = query.where(User.office_id == office_id)
    return fetch_page(session, query, limit, offset)


def update_user(session: Session, actor: Actor, user_id: int, data: UserUpdate) -> User:
    actor.require(Role.admin)
    user = get_user(session, actor, user_id)
    changes = data.model_dump(exclude_unset=True)
    password = changes.pop("password", None)
    if changes.get("role") is None:
        changes.pop("role", None)
    role = changes.get("role", user.role)
    if role is not user.role:
        _check_role_change(session, actor, user)
    if {"role", "office_id", "company_id"} & changes.keys():
        _check_links(
            session,
            role,
            changes.get("office_id", user.office_id),
            changes.get("company_id", user.company_id),
        )
    changed = audit.apply_changes(user, changes)
    if password is not None:
        _check_password("password", password, [user.email, user.display_name])
        user.password_hash = hash_password(password)
        # An admin's reset: the user chooses their own password at the next sign-in.
        user.must_change_password = user.id != actor.user_id
        changed.append("password")
    if password is not None or {"is_active", "role", "company_id"} & set(changed):
        end_sessions(user)  # what they may do changed: they sign in again
    if changed:
        audit.record(session, actor, "update", "user", user.id, changed)
    return user


def _check_role_change(session: Session, actor: Actor, user: User) -> None:
    """A role changes only where nothing is left behind: not one's own (an admin would lock
    themselves out), not a caseworker's who still holds a caseload (transfer it first)."""
    if user.id == actor.user_id:
        raise InvalidInput("role", "you cannot change your own role")
    if user.role is Role.caseworker:
        held = session.scalar(select(func.count(Client.id)).where(Client.caseworker_id == user.id))
        if held:
            raise Conflict(
                f"user {user.id} still holds {held} clients: transfer the caseload first",
                field="role",
            )


def end_sessions(user: User) -> None:
    """End every page session and bearer token of this user (each carries the token version
    it was made with)."""
    user.token_version += 1


def sign_out(session: Session, actor: Actor) -> None:
    """End every bearer token and page session of the acting user."""
    end_sessions(active_user(session, actor.user_id))


def change_own_password(
    session: Session, actor: Actor, current_password: str, new_password: str
) -> User:
    """A signed-in user's new password: the current one must be right; other sessions end."""
    user = active_user(session, actor.user_id)
    if not verify_password(user.password_hash, current_password):
        raise InvalidInput("current_password", "the current password is not right")
    _check_password("new_password", new_password, [user.email, user.display_name])
    if verify_password(user.password_hash, new_password):
        raise InvalidInput("new_password", "choose a password different from the current one")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    end_sessions(user)
    audit.record(session, actor, "update", "user", user.id, ["password"])
    return user


def set_own_language(
    session: Session, actor: Actor, language: str | None, offered: Collection[str]
) -> User:
    """A signed-in user's language for the pages: one of those offered, or None to follow
    the browser's."""
    user = active_user(session, actor.user_id)
    if language is not None and language not in offered:
        raise InvalidInput("language", f"choose one of {', '.join(offered)}")
    if user.language != language:
        user.language = language
        audit.record(session, actor, "update", "user", user.id, ["language"])
    return user


def _active_caseworker(session: Session, user_id: int, field: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.role is not Role.caseworker:
        raise InvalidInput(field, f"user {user_id} is not a caseworker")
    if not user.is_active:
        raise InvalidInput(field, f"caseworker {user_id} is inactive")
    return user


def transfer_caseload(
    session: Session, actor: Actor, from_caseworker_id: int, data: CaseloadTransfer
) -> list[int]:
    """Move clients from one caseworker to another; each move is audited per client."""
    actor.require(Role.admin)
    source = session.get(User, from_caseworker_id)
    if source is None or source.role is not Role.caseworker:
        raise NotFound("caseworker", from_caseworker_id)
    target = _active_caseworker(session, data.to_caseworker_id, "to_caseworker_id")
    if target.id == source.id:
        raise InvalidInput("to_caseworker_id", "the caseload is already with this caseworker")
    query = select(Client).where(Client.caseworker_id == source.id).order_by(Client.id)
    if data.client_ids is not None:
        query = query.where(Client.id.in_(data.client_ids))
    clients = list(session.scalars(query))
    if data.client_ids is not None:
        missing = sorted(set(data.client_ids) - {c.id for c in clients})
        if missing:
            raise InvalidInput(
                "client_ids", f"clients {missing} are not in caseworker {source.id}'s caseload"
            )
    if clients:
        session.execute(
            delete(ClientShare).where(ClientShare.client_id.in_([c.id for c in clients]))
        )
    for client in clients:
        client.caseworker_id = target.id
        audit.record(
            session,
            actor,
            "transfer",
            "client",
            client.id,
            ["caseworker_id"],
            detail=f"caseload moved from user {source.id} to user {target.id}; shares ended",
        )
    return [c.id for c in clients]


def caseload_sizes(session: Session, actor: Actor) -> dict[int, int]:
    """How many clients each caseworker holds (caseworkers with none are absent)."""
    actor.require(Role.admin)
    rows = session.execute(
        select(Client.caseworker_id, func.count(Client.id)).group_by(Client.caseworker_id)
    )
    return {caseworker_id: count for caseworker_id, count in rows}


def create_office(session: Session, actor: Actor | None, data: OfficeCreate) -> Office:
    if actor is not None:
        actor.require(Role.admin)
    if session.scalar(select(Office.id).where(Office.name == data.name)) is not None:
        raise Conflict(f"an office named '{data.name}' already exists", field="name")
    office = Office(name=data.name)
    session.add(office)
    session.flush()
    audit.record(session, actor, "create", "office", office.id, ["name"])
    return office


def list_offices(session: Session, actor: Actor) -> list[Office]:
    return list(session.scalars(select(Office).order_by(Office.name)))
