"""Employer records: companies, their contact people and the engagement history."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from employers.schemas import (
    CompanyCreate,
    CompanyUpdate,
    ContactPersonCreate,
    EngagementEventCreate,
)
from models.company import Company, ContactPerson, EngagementEvent, EngagementStatus
from models.db import check_version, fetch_page
from models.errors import Conflict, InvalidInput, NotFound
from models.fields import like_pattern
from models.offer import Offer
from models.tutor import Tutor
from models.user import STAFF_ROLES, Role, User
from places.geo import resolve_postcode

STAFF = STAFF_ROLES


def company_id_for_new(actor: Actor, requested: int | None) -> int:
    """Employers create things for their own company; staff name the company."""
    if actor.role is Role.employer:
        if actor.company_id is None or requested not in (None, actor.company_id):
            raise InvalidInput("company_id", "employer users can only act for their own company")
        return actor.company_id
    if requested is None:
        raise InvalidInput("company_id", "company_id is required")
    return requested


def company_for(session: Session, actor: Actor, company_id: int) -> Company:
    """The company if the actor may see it; employers see only their own (others are 404)."""
    actor.require(Role.admin, Role.liaison, Role.employer)
    company = session.get(Company, company_id)
    if company is None or (actor.role is Role.employer and actor.company_id != company.id):
        raise NotFound("company", company_id)
    return company


def _check_registration_number(session: Session, number: str | None, own_id: int | None) -> None:
    if number is None:
        return
    other = session.scalar(select(Company.id).where(Company.registration_number == number))
    if other is not None and other != own_id:
        raise Conflict(
            f"registration number {number} is already recorded for company {other}",
            field="registration_number",
        )


def _check_liaison_officer(session: Session, user_id: int | None) -> None:
    if user_id is None:
        return
    user = session.get(User, user_id)
    if user is None or user.role is not Role.liaison:
        raise InvalidInput("liaison_officer_id", f"user {user_id} is not a liaison officer")


def create_company(
    session: Session, actor: Actor, data: CompanyCreate, default_country: str
) -> Company:
    actor.require(*STAFF)
    _check_registration_number(session, data.registration_number, None)
    _check_liaison_officer(session, data.liaison_officer_id)
    place = resolve_postcode(session, data.country or default_country, data.postcode, "postcode")
    values = data.model_dump(exclude={"country", "postcode"})
    company = Company(
        **values,
        country=place.country,
        postcode=place.postcode,
        latitude=place.latitude,
        longitude=place.longitude,
    )
    session.add(company)
    session.flush()
    audit.record(session, actor, "create", "company", company.id, list(data.model_fields_set))
    return company


def list_companies(
    session: Session,
    actor: Actor,
    *,
    q: str | None,
    nace_code: str | None,
    engagement_status: EngagementStatus | None,
    liaison_officer_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[Company], int]:
    actor.require(Role.admin, Role.liaison, Role.employer)
    query = select(Company).order_by(Company.name, Company.id)
    if actor.role is Role.employer:
        query = query.where(Company.id == actor.company_id)
    if q:
        query = query.where(Company.name.ilike(like_pattern(q), escape="\\"))
    if nace_code:
        query = query.where(Company.nace_code == nace_code.upper())
    if engagement_status is not None:
        query = query.where(Company.engagement_status == engagement_status)
    if liaison_officer_id is not None:
        query = query.where(Company.liaison_officer_id == liaison_officer_id)
    return fetch_page(session, query, limit, offset)


#: What an employer user may change in their own company's record.
EMPLOYER_EDITABLE = frozenset({"name", "headcount", "address", "postcode", "country"})


def update_company(
    session: Session, actor: Actor, company_id: int, data: CompanyUpdate, default_country: str
) -> Company:
    company = company_for(session, actor, company_id)
    check_version(session, company, data.version, "company")
    changes = data.model_dump(exclude_unset=True)
    if actor.role is Role.employer:
        refused = sorted(set(changes) - EMPLOYER_EDITABLE)
        if refused:
            raise InvalidInput(refused[0], "only the liaison officer may change this field")
    if "registration_number" in changes:
        _check_registration_number(session, changes["registration_number"], company.id)
    if "liaison_officer_id" in changes:
        _check_liaison_officer(session, changes["liaison_officer_id"])
    if "postcode" in changes or "country" in changes:
        if changes.get("postcode", company.postcode) is None:
            raise InvalidInput("postcode", "postcode cannot be empty")
        place = resolve_postcode(
            session,
            changes.pop("country", None) or company.country or default_country,
            changes.pop("postcode", None) or company.postcode,
            "postcode",
        )
        changes.update(
            country=place.country,
            postcode=place.postcode,
            latitude=place.latitude,
            longitude=place.longitude,
        )
    changed = audit.apply_changes(company, changes)
    if changed:
        audit.record(session, actor, "update", "company", company.id, changed)
        session.flush()  # the answer carries the new version
    return company


def delete_company(session: Session, actor: Actor, company_id: int) -> None:
    actor.require(*STAFF)
    company = company_for(session, actor, company_id)
    if session.scalar(select(Offer.id).where(Offer.company_id == company.id).limit(1)):
        raise Conflict(f"company {company_id} has offers; mark it dormant instead of deleting it")
    if session.scalar(select(User.id).where(User.company_id == company.id).limit(1)):
        raise Conflict(f"company {company_id} has user accounts; deactivate them first")
    if session.scalar(select(Tutor.id).where(Tutor.company_id == company.id).limit(1)):
        raise Conflict(f"company {company_id} has tutors on record; mark it dormant instead")
    session.delete(company)
    audit.record(session, actor, "delete", "company", company_id)


def add_contact(
    session: Session, actor: Actor, company_id: int, data: ContactPersonCreate
) -> ContactPerson:
    company = company_for(session, actor, company_id)
    contact = ContactPerson(company_id=company.id, **data.model_dump())
    session.add(contact)
    session.flush()
    audit.record(
        session, actor, "create", "contact_person", contact.id, list(data.model_fields_set)
    )
    return contact


def list_contacts(session: Session, actor: Actor, company_id: int) -> list[ContactPerson]:
    company = company_for(session, actor, company_id)
    query = select(ContactPerson).where(ContactPerson.company_id == company.id)
    return list(session.scalars(query.order_by(ContactPerson.id)))


def delete_contact(session: Session, actor: Actor, company_id: int, contact_id: int) -> None:
    company = company_for(session, actor, company_id)
    contact = session.get(ContactPerson, contact_id)
    if contact is None or contact.company_id != company.id:
        raise NotFound("contact person", contact_id)
    session.delete(contact)
    audit.record(session, actor, "delete", "contact_person", contact_id)


def add_event(
    session: Session, actor: Actor, company_id: int, data: EngagementEventCreate
) -> EngagementEvent:
    actor.require(*STAFF)
    company = company_for(session, actor, company_id)
    if data.next_step_on is not None and data.next_step_on < data.occurred_on:
        raise InvalidInput("next_step_on", "the next step cannot be dated before the event")
    event = EngagementEvent(
        company_id=company.id, recorded_by_id=actor.user_id, **data.model_dump()
    )
    session.add(event)
    session.flush()
    audit.record(
        session, actor, "create", "engagement_event", event.id, list(data.model_fields_set)
    )
    return event


def list_events(
    session: Session, actor: Actor, company_id: int, limit: int, offset: int
) -> tuple[list[EngagementEvent], int]:
    actor.require(*STAFF)
    company = company_for(session, actor, company_id)
    query = (
        select(EngagementEvent)
        .where(EngagementEvent.company_id == company.id)
        .order_by(EngagementEvent.occurred_on.desc(), EngagementEvent.id.desc())
    )
    return fetch_page(session, query, limit, offset)


#: Legal-form words left out when employer names are compared ("Kantine Favoriten GmbH" is
#: "Kantine Favoriten").
LEGAL_FORMS = frozenset(
    "gmbh ag kg og eu ev gesmbh mbh co ohg ug sarl sas sa sasu eurl sci ltd llc inc plc "
    "bv nv srl spa sl".split()
)


def normalised_name(name: str) -> str:
    """A company name for comparison: case, accents, punctuation and legal forms removed."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+", " ", plain.replace(".", "").replace("&", " ")).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def find_company(
    session: Session, registration_number: str | None, name: str, threshold: float
) -> tuple[Company, float] | None:
    """The employer on record an ad names: by registration number, else by normalised name
    (rapidfuzz token-sort ratio at least ``threshold``); with its score (100 for a number)."""
    if registration_number:
        company = session.scalar(
            select(Company).where(Company.registration_number == registration_number)
        )
        if company is not None:
            return company, 100.0
    wanted = normalised_name(name)
    if not wanted:
        return None
    rows = session.execute(select(Company.id, Company.name))
    names = {company_id: normalised_name(name) for company_id, name in rows}
    best = process.extractOne(wanted, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
    if best is None:
        return None
    _choice, score, company_id = best
    company = session.get(Company, company_id)
    assert company is not None
    return company, round(float(score), 1)


def create_prospect(
    session: Session,
    actor: Actor,
    *,
    name: str,
    registration_number: str | None,
    website: str | None,
    country: str,
    postcode: str,
    address: str,
    nace_code: str | None,
) -> Company:
    """A company first met in an imported ad: engagement status ``prospect``, the importing
    liaison officer responsible; sector and size stay unknown until someone asks."""
    actor.require(*STAFF)
    _check_registration_number(session, registration_number, None)
    place = resolve_postcode(session, country, postcode, "hiringOrganization.address")
    company = Company(
        name=name,
        registration_number=registration_number,
        website=website,
        nace_code=nace_code,
        size_class=None,
        address=address,
        country=place.country,
        postcode=place.postcode,
        latitude=place.latitude,
        longitude=place.longitude,
        engagement_status=EngagementStatus.prospect,
        motives=[],
        liaison_officer_id=actor.user_id if actor.role is Role.liaison else None,
    )
    session.add(company)
    session.flush()
    fields = ["name", "engagement_status", "postcode", "liaison_officer_id"]
    fields += [
        f
        for f, v in (
            ("registration_number", registration_number),
            ("website", website),
            ("nace_code", nace_code),
        )
        if v
    ]
    audit.record(session, actor, "create", "company", company.id, fields)
    return company
