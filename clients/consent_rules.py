"""What each person may see of a client, and when: the consent rules, in one place.

Every endpoint, page, alert and export that shows something of a client asks here (directly or
through ``clients.access``, which applies these rules to caseworkers' own and shared clients).

- The owning caseworker: everything, contact data and barriers included, and the export.
- A caseworker the client is shared with (same office): the profile, never contact data or
  barriers, while the share holds.
- A liaison officer: the profile, never contact data or barriers, in client pages and lists
  and in shortlists for an offer, while the client consents to share with liaison officers.
- The employer who received a proposal: the employer view (first name, skills in the client's
  words, languages, hours) on that proposal and its placement, while the client consents to
  share with employers.
- The liaison officer responsible for the offer's company: the same employer view, on that
  proposal and its placement, under the same consent (they mediate between the two).
- An admin: the export and the audit trail.
- Anybody else: nothing, through any endpoint, page, alert or export.

A withdrawal takes effect at once: every rule reads the client's row when asked, and stored
shortlists are put in words for each reader at read time (their facts are kept for the owning
caseworker and the audit). An erased client is seen by nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from models.client import Client
from models.company import Company
from models.offer import Offer
from models.user import Role

#: The employer view: what the API shows employers (and the responsible liaison officer) of a
#: client proposed to them.
EMPLOYER_VIEW_FIELDS = ("given_name", "skills", "languages", "hours_per_week")

#: The fields of a profile read (``ClientRead``): never contact data or barriers.
PROFILE_FIELDS = (
    "given_name",
    "family_name",
    "external_ref",
    "home_postcode",
    "max_travel_km",
    "hours_per_week",
    "unavailable_schedules",
    "isced_level",
    "right_to_work",
    "driving_licences",
    "own_vehicle",
    "functional_limits",
    "languages",
    "skills",
    "qualifications",
    "aspirations",
    "readiness",
    "consent",
)


def not_erased() -> ColumnElement[bool]:
    return Client.erased_at.is_(None)


def liaison_may_read() -> ColumnElement[bool]:
    """The SQL condition for a profile a liaison officer may read: consent to share with
    liaison officers, given and not withdrawn."""
    return and_(Client.consent_liaison.is_(True), not_erased())


def liaison_may_read_client(client: Client) -> bool:
    return bool(client.consent_liaison) and client.erased_at is None


def liaison_consents(session: Session, client_ids: list[int]) -> dict[int, bool]:
    """Each client's consent to share with liaison officers, as the database has it now."""
    if not client_ids:
        return {}
    rows = session.execute(
        select(Client.id, Client.consent_liaison, Client.erased_at).where(Client.id.in_(client_ids))
    ).all()
    return {r.id: bool(r.consent_liaison) and r.erased_at is None for r in rows}


def responsible_liaison_id(session: Session, offer_id: int) -> int | None:
    """The liaison officer responsible for an offer: its company's."""
    return session.scalar(
        select(Company.liaison_officer_id)
        .join(Offer, Offer.company_id == Company.id)
        .where(Offer.id == offer_id)
    )


def may_see_proposal_texts(session: Session, actor: Actor, offer_id: int) -> bool:
    """The free texts of a proposal (the caseworker's message to the employer, the employer's
    reasons) are for the two sides and their go-between: the client's caseworkers, the
    employer, the liaison officer responsible for the offer. Other liaison officers see the
    proposal's facts (ids, status, dates) only."""
    if actor.role is Role.liaison:
        return responsible_liaison_id(session, offer_id) == actor.user_id
    return True


def may_see_employer_view(
    session: Session, actor: Actor, client: Client, offer_id: int, caseworker_reads: bool
) -> bool:
    """Whether ``actor`` may see the employer view of ``client`` on a proposal or placement for
    ``offer_id``. ``caseworker_reads``: the actor is a caseworker already allowed to read the
    client's profile (their own or shared)."""
    company_id, liaison_id = _offer_owners(session, {offer_id}).get(offer_id, (None, None))
    return _may_see(actor, client, company_id, liaison_id, caseworker_reads)


def _offer_owners(session: Session, offer_ids: set[int]) -> dict[int, tuple[int, int | None]]:
    """Each offer's company and that company's liaison officer (one query)."""
    rows = session.execute(
        select(Offer.id, Offer.company_id, Company.liaison_officer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(Offer.id.in_(offer_ids))
    )
    return {r.id: (r.company_id, r.liaison_officer_id) for r in rows}


def employer_view(
    session: Session,
    actor: Actor,
    client_id: int,
    offer_id: int,
    caseworker_reads: bool,
    detail: str,
) -> dict[str, Any] | None:
    """The employer view of a client on a proposal or placement, or None where the rules above
    do not allow it. Each view given is an audited read naming the client and the fields."""
    client = session.get(Client, client_id)
    if client is None or not may_see_employer_view(
        session, actor, client, offer_id, caseworker_reads
    ):
        return None
    audit.record(session, actor, "read", "client", client.id, list(EMPLOYER_VIEW_FIELDS), detail)
    return _employer_view_of(client)


def employer_views(
    session: Session,
    actor: Actor,
    rows: Sequence[tuple[int, int, str]],
    caseworker_reads: bool,
) -> list[dict[str, Any] | None]:
    """``employer_view`` for a list: one ``(client_id, offer_id, detail)`` per row, one answer
    per row, under the same rules, in a fixed number of queries whatever the number of rows
    (the clients with their skills and languages, the offers' companies, one audit insert)."""
    if not rows:
        return []
    client_ids = {client_id for client_id, _offer, _detail in rows}
    offer_ids = {offer_id for _client, offer_id, _detail in rows}
    clients = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(client_ids)))}
    owners: dict[int, tuple[int | None, int | None]] = dict(_offer_owners(session, offer_ids))
    views: list[dict[str, Any] | None] = []
    read_ids: list[int] = []
    read_details: list[str | None] = []
    for client_id, offer_id, detail in rows:
        client = clients.get(client_id)
        company_id, liaison_id = owners.get(offer_id, (None, None))
        if client is None or not _may_see(actor, client, company_id, liaison_id, caseworker_reads):
            views.append(None)
            continue
        read_ids.append(client.id)
        read_details.append(detail)
        views.append(_employer_view_of(client))
    audit.record_reads(
        session, actor, "read", "client", read_ids, EMPLOYER_VIEW_FIELDS, details=read_details
    )
    return views


def _may_see(
    actor: Actor,
    client: Client,
    company_id: int | None,
    liaison_id: int | None,
    caseworker_reads: bool,
) -> bool:
    """``may_see_employer_view`` with the offer's company and liaison officer already read."""
    if client.erased_at is not None:
        return False
    if actor.role is Role.caseworker:
        return caseworker_reads
    if not client.consent_employers:
        return False
    if actor.role is Role.employer:
        return company_id is not None and company_id == actor.company_id
    if actor.role is Role.liaison:
        return liaison_id is not None and liaison_id == actor.user_id
    return False


def _employer_view_of(client: Client) -> dict[str, Any]:
    return {
        "id": client.id,
        "given_name": client.given_name,
        "skills": [s.text for s in client.skills],
        "languages": [f"{lang.language} {lang.level}" for lang in client.languages],
        "hours_per_week": client.hours_per_week,
    }
